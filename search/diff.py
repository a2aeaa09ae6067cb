"""``diff``: what changed, paragraph by paragraph, between two versions of a resolution.

Paragraphs are aligned by their text (``resdex.search.align``), never by their labels: a
paragraph renumbered but not reworded is ``same`` (A/RES/69/179 OP10 is A/RES/71/194 OP11);
one reworded is ``changed``, with its word-level edit; the rest are ``added`` or
``removed``. Typography (hyphen variants, no-break spaces, quotes), footnote markers and
whitespace never count.

With one symbol: an adopted resolution against the adopted version before it in its lineage;
a draft against the resolution adopted from it (else the version before it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from resdex.indexer.errors import ResdexError
from resdex.indexer.models import Resolution
from resdex.search import series
from resdex.search.align import Op, align, normal, word_ops
from resdex.search.engine import Reader
from resdex.search.lineage import NoLineage, lineage
from resdex.search.query import show

SAME = "same"
CHANGED = "changed"
ADDED = "added"
REMOVED = "removed"


@dataclass(frozen=True, slots=True)
class ParagraphDiff:
    status: str  # same | changed | added | removed
    old: str | None  # label in the old version
    new: str | None  # label in the new version
    similarity: float | None  # 1.0 for same, None for added / removed
    ops: tuple[Op, ...]  # the word-level edit of a changed paragraph
    old_text: str | None
    new_text: str | None


@dataclass(frozen=True, slots=True)
class Side:
    symbol: str
    session: int | None
    adopted: str | None
    title: str | None
    status: str  # adopted | draft

    @classmethod
    def of(cls, res: Resolution) -> Side:
        meta = res.meta
        return cls(
            symbol=meta.symbol,
            session=meta.session,
            adopted=meta.adopted.isoformat() if meta.adopted else None,
            title=meta.title,
            status=series.status(res),
        )


@dataclass(frozen=True, slots=True)
class Diff:
    old: Side
    new: Side
    paragraphs: tuple[ParagraphDiff, ...]
    same_series: bool
    note: str | None  # said to the user: different series, how OLD was chosen

    def count(self, status: str) -> int:
        return sum(1 for p in self.paragraphs if p.status == status)


class NoPredecessor(ResdexError):
    """One symbol was given and its lineage has nothing to compare it with."""


# A footnote marker left at the end of a paragraph, after its closing punctuation:
# "Takes note of the report of the Secretary-General; 4" (S/RES/201 (1965) OP4, whose
# footnote 4 the parser attached to PP1 only).
_TRAILING_MARKER = re.compile(r"(?<=[;:,.])\s+(?P<n>\d{1,3})$")


def _compared(res: Resolution) -> list[str]:
    """The normal form of each paragraph, a trailing footnote marker of the document left out."""
    notes = {str(f.number) for f in res.footnotes}
    out = []
    for p in res.paragraphs:
        text = normal(p.text)
        m = _TRAILING_MARKER.search(text)
        if m and m.group("n") in notes:
            text = text[: m.start()]
        out.append(text)
    return out


def diff_resolutions(old: Resolution, new: Resolution, note: str | None = None) -> Diff:
    """The paragraph-by-paragraph difference from ``old`` to ``new``. Pure."""
    a = _compared(old)
    b = _compared(new)
    paragraphs = []
    for pair in align(a, b):
        po = old.paragraphs[pair.old] if pair.old is not None else None
        pn = new.paragraphs[pair.new] if pair.new is not None else None
        if po is None and pn is not None:
            paragraphs.append(ParagraphDiff(ADDED, None, pn.label, None, (), None, pn.text))
        elif pn is None and po is not None:
            paragraphs.append(ParagraphDiff(REMOVED, po.label, None, None, (), po.text, None))
        elif po is not None and pn is not None and pair.old is not None and pair.new is not None:
            ta, tb = a[pair.old], b[pair.new]
            if ta.replace(" ", "") == tb.replace(" ", ""):  # whitespace never counts
                paragraphs.append(
                    ParagraphDiff(SAME, po.label, pn.label, 1.0, (), po.text, pn.text)
                )
            else:
                paragraphs.append(
                    ParagraphDiff(
                        CHANGED,
                        po.label,
                        pn.label,
                        round(pair.similarity or 0.0, 4),
                        word_ops(ta, tb),
                        po.text,
                        pn.text,
                    )
                )
    same = series.same_series(old, new)
    if not same:
        different = (
            f"{old.symbol} and {new.symbol} are not versions of one resolution "
            f"({old.meta.title or 'untitled'} / {new.meta.title or 'untitled'})"
        )
        note = f"{note}; {different}" if note else different
    return Diff(Side.of(old), Side.of(new), tuple(paragraphs), same, note)


def _counterpart(index: Reader, res: Resolution) -> tuple[Resolution, Resolution, str]:
    """(old, new, note) for one symbol: see the module's docstring."""
    try:
        found = lineage(index, res.symbol)
    except NoLineage:
        raise NoPredecessor(
            f"{res.symbol} has no other version in the index to compare it with"
        ) from None
    if series.status(res) == series.DRAFT:
        adopted = found.adopted_from(res.symbol)
        if adopted is not None:
            return (
                res,
                show(index, adopted.symbol),
                f"draft {res.symbol} against the resolution adopted from it",
            )
    before = found.predecessor(res.symbol, adopted_only=series.status(res) == series.ADOPTED)
    if before is None:
        raise NoPredecessor(f"{res.symbol} is the first version of its resolution in the index")
    return show(index, before.symbol), res, f"against {before.symbol}, the version before it"


def diff(index: Reader, old: str, new: str | None = None) -> Diff:
    """The difference between two indexed documents, or (``new`` None) between ``old`` and
    the version it is compared with in its lineage. Raises ``NotIndexed``, ``NoPredecessor``."""
    first = show(index, old)
    if new is None:
        a, b, note = _counterpart(index, first)
        return diff_resolutions(a, b, note)
    return diff_resolutions(first, show(index, new))


def diff_to_json(result: Diff) -> dict[str, Any]:
    return {
        "old": result.old.symbol,
        "new": result.new.symbol,
        "same_series": result.same_series,
        "note": result.note,
        "versions": {
            side: {
                "symbol": s.symbol,
                "session": s.session,
                "adopted": s.adopted,
                "title": s.title,
                "status": s.status,
            }
            for side, s in (("old", result.old), ("new", result.new))
        },
        "counts": {k: result.count(k) for k in (SAME, CHANGED, ADDED, REMOVED)},
        "paragraphs": [
            {
                "status": p.status,
                "old": p.old,
                "new": p.new,
                "similarity": p.similarity,
                "ops": [list(op) for op in p.ops],
                "old_text": p.old_text,
                "new_text": p.new_text,
            }
            for p in result.paragraphs
        ],
    }
