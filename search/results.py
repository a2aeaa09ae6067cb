"""What queries return: typed, frozen, and their JSON shapes (``../shared/interface.md``)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import Any

Segment = tuple[str, bool]  # (text, is_a_match)


@dataclass(frozen=True, slots=True)
class Hit:
    """One paragraph (or footnote) that matches a search."""

    symbol: str
    label: str
    kind: str  # preambular | operative | footnote
    body: str
    session: int | None
    year: int | None
    adopted: str | None
    title: str | None
    verb: str | None
    opening: str | None
    text: str
    snippet: tuple[Segment, ...]  # highlighted fragments of ``text``
    score: float
    order: int  # position of the paragraph in its document

    def highlight(self, start: str = "**", end: str = "**") -> str:
        return "".join(f"{start}{t}{end}" if hit else t for t, hit in self.snippet)


@dataclass(frozen=True, slots=True)
class First:
    """The earliest matching paragraph of a group (``search --by``)."""

    symbol: str
    label: str
    adopted: str | None
    session: int | None
    year: int | None


@dataclass(frozen=True, slots=True)
class Group:
    """The matches of one session, year, body or verb (``search --by``)."""

    key: int | str | None  # 71, 2016, "GA", "urges"; None: the matches without one
    paragraphs: int  # matching paragraphs and footnotes
    resolutions: int  # distinct resolutions among them
    first: First


@dataclass(frozen=True, slots=True)
class SearchResult:
    """What ``search`` answers: the hits shown, the totals, the groups of ``--by``."""

    query: str
    total: int  # every matching paragraph, whatever the limit
    resolutions: int  # distinct resolutions among them
    hits: tuple[Hit, ...]  # grouped by resolution, in session order (newest first: --sort)
    sort: str = "relevance"  # which hits the limit kept: relevance | oldest | newest
    by: str | None = None  # session | year | body | verb: ``groups`` instead of hits
    groups: tuple[Group, ...] = ()  # sessions and years in order, bodies and verbs by size


@dataclass(frozen=True, slots=True)
class CitingUnit:
    """A paragraph, footnote or header line of a citing resolution."""

    label: str  # "PP1", "OP2(a)", "footnote 3", "header"
    kind: str  # preambular | operative | footnote | header
    direct: bool  # the unit's own text names the target
    via_footnotes: tuple[int, ...]  # footnotes through which it cites the target
    surfaces: tuple[str, ...]  # the citations as written


@dataclass(frozen=True, slots=True)
class Resolved:
    """A resolution as results show it (its record's metadata)."""

    symbol: str
    body: str
    session: int | None
    year: int | None
    adopted: str | None
    title: str | None


@dataclass(frozen=True, slots=True)
class Citing(Resolved):
    """A resolution that cites the target, with its units that do."""

    units: tuple[CitingUnit, ...]  # in document order

    @property
    def direct(self) -> bool:
        return any(u.direct for u in self.units)

    @property
    def via_footnote(self) -> bool:
        return any(u.via_footnotes for u in self.units)


@dataclass(frozen=True, slots=True)
class CitesResult:
    """What ``cites`` answers: every resolution citing the target."""

    target: str  # canonical symbol
    citing: tuple[Citing, ...]  # by date of adoption


@functools.lru_cache(maxsize=1 << 16)
def natural_key(symbol: str) -> tuple[Any, ...]:
    """ "A/RES/78/9" before "A/RES/78/10" (kept for the last 65,536 symbols: ``cites``
    sorts a thousand resolutions with it)."""
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", symbol.casefold()))


def session_key(
    session: int | None, year: int | None, adopted: str | None, symbol: str
) -> tuple[Any, ...]:
    """Session order; a text without a session (Security Council) by its year, session N of
    the General Assembly opening in September of 1945 + N."""
    rank = session if session else (year - 1945 if year else 10**6)
    return (rank, adopted or "", natural_key(symbol))


def search_to_json(result: SearchResult) -> dict[str, Any]:
    if result.by is not None:
        return {
            "query": result.query,
            "total": result.total,
            "resolutions": result.resolutions,
            "by": result.by,
            "groups": [
                {
                    "key": g.key,
                    "paragraphs": g.paragraphs,
                    "resolutions": g.resolutions,
                    "first": {
                        "symbol": g.first.symbol,
                        "label": g.first.label,
                        "adopted": g.first.adopted,
                        "session": g.first.session,
                        "year": g.first.year,
                    },
                }
                for g in result.groups
            ],
        }
    return {
        "query": result.query,
        "total": result.total,
        "resolutions": result.resolutions,
        "sort": result.sort,
        "hits": [
            {
                "symbol": h.symbol,
                "label": h.label,
                "kind": h.kind,
                "body": h.body,
                "session": h.session,
                "year": h.year,
                "adopted": h.adopted,
                "verb": h.verb,
                "opening": h.opening,
                "text": h.text,
                "highlight": h.highlight(),
                "score": round(h.score, 4),
            }
            for h in result.hits
        ],
    }


def cites_to_json(result: CitesResult) -> dict[str, Any]:
    return {
        "target": result.target,
        "citing": [
            {
                "symbol": c.symbol,
                "body": c.body,
                "session": c.session,
                "year": c.year,
                "adopted": c.adopted,
                "title": c.title,
                "paragraphs": [u.label for u in c.units],
                "via_footnote": c.via_footnote,
                "direct": c.direct,
                "units": [
                    {
                        "label": u.label,
                        "kind": u.kind,
                        "direct": u.direct,
                        "via_footnotes": list(u.via_footnotes),
                        "text": list(u.surfaces),
                    }
                    for u in c.units
                ],
            }
            for c in result.citing
        ],
    }
