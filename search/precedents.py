"""``precedents``: for each paragraph of a document (typically a draft, not indexed), the
closest earlier paragraphs in the index, and the first use of that language.

Candidates are found through the index by the paragraph's rarer words (its ``RARE_WORDS``
least frequent ones, scored by the index's BM25, the best ``CANDIDATES`` read), never by
comparing with every paragraph; each candidate is then scored with rapidfuzz
(``resdex.search.align.similarity``, 1.0: the same words). Only adopted texts of earlier
sessions (earlier years for texts without a session) count as precedents: "agreed language".

A paragraph is ``verbatim`` when its best precedent reaches ``VERBATIM``, ``edited`` from
``NEW_BELOW``, else ``new``. Its first use is the earliest candidate holding its language
verbatim or nearly (``NEAR``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from whoosh import query as wq

from resdex.indexer.models import Paragraph, Resolution
from resdex.search.align import Op, normal, similarity, word_ops
from resdex.search.results import session_key
from resdex.search.schema import UNIT_PARAGRAPH, number_term, tokens
from resdex.search.targets import target_key

VERBATIM = 0.99
NEAR = 0.9
NEW_BELOW = 0.6
RARE_WORDS = 8  # the paragraph's least frequent words that find its candidates
CANDIDATES = 60  # best-scoring candidates read per paragraph
SHOWN = 3  # precedents kept per paragraph

VERBATIM_STATUS = "verbatim"
EDITED_STATUS = "edited"
NEW_STATUS = "new"


@dataclass(frozen=True, slots=True)
class Source:
    """An indexed paragraph holding (nearly) the same language."""

    symbol: str
    label: str
    body: str
    session: int | None
    year: int | None
    adopted: str | None
    similarity: float
    text: str


@dataclass(frozen=True, slots=True)
class ParagraphPrecedents:
    label: str
    text: str
    status: str  # verbatim | edited | new
    precedents: tuple[Source, ...]  # most similar first (the newest among equals)
    first_use: Source | None
    ops: tuple[Op, ...]  # the edit from the best precedent to this paragraph (edited ones)


@dataclass(frozen=True, slots=True)
class Precedents:
    file: str | None
    symbol: str
    paragraphs: tuple[ParagraphPrecedents, ...]

    def count(self, status: str) -> int:
        return sum(1 for p in self.paragraphs if p.status == status)


def _opt_int(value: Any) -> int | None:
    return int(value) if value else None


def _earlier(res: Resolution) -> Any:
    """Index documents of earlier sessions (or, without a session, earlier years)."""
    session, year = res.meta.session, res.meta.year
    parts = []
    if session:
        parts.append(wq.TermRange("session", None, number_term(session - 1)))
    if year:
        parts.append(wq.TermRange("year", None, number_term(year - 1)))
    return wq.Or(parts) if parts else None


def _rare_words(reader: Any, text: str) -> list[str]:
    words = dict.fromkeys(t for t, _, _ in tokens(text))
    frequency = {w: reader.doc_frequency("text", w) for w in words}
    found = [w for w in words if frequency[w]]
    found.sort(key=lambda w: frequency[w])
    return found[:RARE_WORDS]


def _candidates(searcher: Any, p: Paragraph, earlier: Any, own: str) -> list[Source]:
    rare = _rare_words(searcher.reader(), p.text)
    if not rare:
        return []
    filters = [wq.Term("unit", UNIT_PARAGRAPH)]
    if earlier is not None:
        filters.append(earlier)
    q = wq.And([wq.Or([wq.Term("text", w) for w in rare]), wq.ConstantScoreQuery(wq.And(filters), 0.0)])
    mine = normal(p.text)
    found = []
    for hit in searcher.search(q, limit=CANDIDATES):
        stored = hit.fields()
        adopted = stored.get("adopted")
        if not adopted or target_key(stored["symbol"]) == own:
            continue  # drafts are not agreed language
        text = stored.get("text", "")
        found.append(
            Source(
                symbol=stored["symbol"],
                label=stored["label"],
                body=stored["body"],
                session=_opt_int(stored.get("session")),
                year=_opt_int(stored.get("year")),
                adopted=adopted,
                similarity=round(similarity(mine, normal(text)), 4),
                text=text,
            )
        )
    return found


def _when(s: Source) -> tuple[Any, ...]:
    return session_key(s.session, s.year, s.adopted, s.symbol)


def _paragraph(p: Paragraph, found: list[Source]) -> ParagraphPrecedents:
    kept = [s for s in found if s.similarity >= NEW_BELOW]
    # most similar first; among equals the newest
    kept.sort(key=_when, reverse=True)
    kept.sort(key=lambda s: s.similarity, reverse=True)
    near = [s for s in kept if s.similarity >= NEAR]
    first = min(near, key=_when) if near else None
    best = kept[0].similarity if kept else 0.0
    if best >= VERBATIM:
        status = VERBATIM_STATUS
    elif kept:
        status = EDITED_STATUS
    else:
        status = NEW_STATUS
    ops = word_ops(normal(kept[0].text), normal(p.text)) if status == EDITED_STATUS else ()
    return ParagraphPrecedents(
        label=p.label,
        text=p.text,
        status=status,
        precedents=tuple(kept[:SHOWN]),
        first_use=first,
        ops=ops,
    )


def precedents(ix: Any, res: Resolution, *, file: str | None = None) -> Precedents:
    """The precedents of every paragraph of ``res`` (parsed, not necessarily indexed)."""
    earlier = _earlier(res)
    own = target_key(res.symbol)
    out = []
    with ix.searcher() as searcher:
        for p in res.paragraphs:
            out.append(_paragraph(p, _candidates(searcher, p, earlier, own)))
    return Precedents(file=file, symbol=res.symbol, paragraphs=tuple(out))


def _source_json(s: Source | None) -> dict[str, Any] | None:
    if s is None:
        return None
    return {
        "symbol": s.symbol,
        "label": s.label,
        "body": s.body,
        "session": s.session,
        "year": s.year,
        "adopted": s.adopted,
        "similarity": s.similarity,
    }


def precedents_to_json(result: Precedents) -> dict[str, Any]:
    return {
        "file": result.file,
        "symbol": result.symbol,
        "counts": {
            k: result.count(k) for k in (VERBATIM_STATUS, EDITED_STATUS, NEW_STATUS)
        },
        "paragraphs": [
            {
                "label": p.label,
                "text": p.text,
                "status": p.status,
                "precedents": [_source_json(s) for s in p.precedents],
                "first_use": _source_json(p.first_use),
                "ops": [list(op) for op in p.ops],
            }
            for p in result.paragraphs
        ],
    }
