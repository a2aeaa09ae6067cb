"""``precedents``: for each paragraph of a document (typically a draft, not indexed), the
closest earlier paragraphs in the index, and the first use of that language.

Candidates are found through the index by the paragraph's rarer words (its ``RARE_WORDS``
least frequent ones, whose postings the index holds; the ``CANDIDATES`` holding the most of
them read), never by comparing with every paragraph; each candidate is then scored with rapidfuzz
(``resdex.search.align.similarity``, 1.0: the same words). Only adopted texts of earlier
sessions (earlier years for texts without a session) count as precedents: "agreed language".

A paragraph is ``verbatim`` when its best precedent reaches ``VERBATIM``, ``edited`` from
``NEW_BELOW``, else ``new``. Its first use is the earliest candidate holding its language
verbatim or nearly (``NEAR``).
"""

from __future__ import annotations

import heapq
import math
from dataclasses import dataclass
from typing import Any

from resdex.indexer.models import Paragraph, Resolution
from resdex.search.align import Op, normal, similarity, word_ops
from resdex.search.engine import Passage, Reader, Units
from resdex.search.results import session_key
from resdex.search.schema import UNIT_PARAGRAPH, tokens
from resdex.search.targets import target_key

VERBATIM = 0.99
NEAR = 0.9
NEW_BELOW = 0.6
RARE_WORDS = 8  # the paragraph's least frequent words that find its candidates
MIN_WORDS = 3  # … at least these, however frequent
COMMON_SHARE = 0.01  # … and beyond them none in more than this share of the units
COMMON_MIN = 300  # (or than this many units, in a small index)
CANDIDATES = 40  # best-scoring candidates read per paragraph (a batch)
MORE = 5  # batches read at most, while half of the last batch holds the language
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
    first_use: Source | None  # the earliest holding its language verbatim or nearly
    first_verbatim: Source | None  # the earliest holding it verbatim
    ops: tuple[Op, ...]  # the edit from the best precedent to this paragraph (edited ones)


@dataclass(frozen=True, slots=True)
class Precedents:
    file: str | None
    symbol: str
    paragraphs: tuple[ParagraphPrecedents, ...]

    def count(self, status: str) -> int:
        return sum(1 for p in self.paragraphs if p.status == status)


# what a Source takes from the Passage it is
_FROM_PASSAGE = ("symbol", "label", "body", "session", "year", "adopted", "text")


def _is_earlier(unit: Passage, session: int | None, year: int | None) -> bool:
    """A unit of an earlier session than the document's (or, without sessions, of an
    earlier year)."""
    theirs = unit.session
    if session and theirs:
        return theirs < session
    their_year = unit.year
    if year and their_year:
        return their_year < year
    return not session and not year


class _Finder:
    """Candidate paragraphs by their share of a paragraph's rarer words: each word's postings
    read once per call (the paragraphs of one draft share much of their vocabulary), the
    candidates ranked by the inverse document frequency of the words they hold, the closest
    in length first among equals; only the best ``CANDIDATES`` are read."""

    def __init__(self, units: Units, total: int) -> None:
        self.units = units
        self.total = max(total, 1)
        self.ids: dict[str, frozenset[int]] = {}
        self.frequency: dict[str, int] = {}

    def _df(self, word: str) -> int:
        if word not in self.frequency:
            self.frequency[word] = self.units.frequency(word)
        return self.frequency[word]

    def _ids(self, word: str) -> frozenset[int]:
        if word not in self.ids:
            self.ids[word] = self.units.holding(word)
        return self.ids[word]

    def rare_words(self, text: str) -> list[str]:
        """The paragraph's ``RARE_WORDS`` least frequent words that the index holds; past
        the first ``MIN_WORDS``, none held by more than ``COMMON_SHARE`` of the units (their
        postings are read one by one: "human" alone would be a tenth of the index)."""
        words = [w for w in dict.fromkeys(t for t, _, _ in tokens(text)) if self._df(w)]
        words.sort(key=self._df)
        common = max(COMMON_MIN, self.total * COMMON_SHARE)
        kept = [w for k, w in enumerate(words) if k < MIN_WORDS or self._df(w) <= common]
        return kept[:RARE_WORDS]

    def candidates(self, text: str) -> list[int]:
        weight: dict[int, float] = {}
        for w in self.rare_words(text):
            idf = math.log(1 + self.total / self._df(w))
            for docnum in self._ids(w):
                weight[docnum] = weight.get(docnum, 0.0) + idf
        if not weight:
            return []
        length = len(list(tokens(text)))
        best = heapq.nlargest(CANDIDATES * MORE, weight.items(), key=lambda kv: kv[1])
        # the closest in length first among the heaviest
        return [
            d
            for d, _ in sorted(
                best,
                key=lambda kv: (
                    -round(kv[1], 6),
                    abs(self.units.length(kv[0]) - length),
                ),
            )
        ]


def _candidates(finder: _Finder, p: Paragraph, res: Resolution) -> list[Source]:
    mine = normal(p.text)
    found: list[Source] = []
    ranked = finder.candidates(p.text)
    for start in range(0, len(ranked), CANDIDATES):
        batch = ranked[start : start + CANDIDATES]
        found += _read(finder, batch, res, mine)
        # language repeated in many texts (boilerplate) fills a batch with near copies:
        # read on, up to MORE batches, so that its first use is among them
        near = sum(1 for s in found[-len(batch) :] if s.similarity >= NEAR)
        if near < len(batch) // 2:
            break
    return found


def _read(finder: _Finder, docnums: list[int], res: Resolution, mine: str) -> list[Source]:
    own = target_key(res.symbol)
    session, year = res.meta.session, res.meta.year
    found = []
    for docnum in docnums:
        unit = finder.units.passage(docnum)
        if (
            unit.unit != UNIT_PARAGRAPH
            or not unit.adopted  # drafts are not agreed language
            or target_key(unit.symbol) == own
            or not _is_earlier(unit, session, year)
        ):
            continue
        score = round(similarity(mine, normal(unit.text)), 4)
        found.append(Source(similarity=score, **{f: getattr(unit, f) for f in _FROM_PASSAGE}))
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
    same = [s for s in near if s.similarity >= VERBATIM]
    first_verbatim = min(same, key=_when) if same else None
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
        first_verbatim=first_verbatim,
        ops=ops,
    )


def precedents(index: Reader, res: Resolution, *, file: str | None = None) -> Precedents:
    """The precedents of every paragraph of ``res`` (parsed, not necessarily indexed)."""
    size = index.size()  # first: a renewed searcher must not close the units' reader
    finder = _Finder(index.units(), size)
    out = [_paragraph(p, _candidates(finder, p, res)) for p in res.paragraphs]
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
        "counts": {k: result.count(k) for k in (VERBATIM_STATUS, EDITED_STATUS, NEW_STATUS)},
        "paragraphs": [
            {
                "label": p.label,
                "text": p.text,
                "status": p.status,
                "precedents": [_source_json(s) for s in p.precedents],
                "first_use": _source_json(p.first_use),
                "first_verbatim": _source_json(p.first_verbatim),
                "ops": [list(op) for op in p.ops],
            }
            for p in result.paragraphs
        ],
    }
