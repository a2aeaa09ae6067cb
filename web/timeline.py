"""The per-session timeline of a search's matches: counts over every match, not only the
hits shown, and the geometry of its bars (an SVG drawn by the template).

``session_counts`` is the one place that gets the counts: from the library's
``SearchRequest(by="session")`` (``search --by session``) where the library has it, else
from the hits themselves, read in full up to ``FALLBACK_CAP`` matches.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from resdex.search import query as q
from resdex.search.engine import Reader
from resdex.search.results import search_to_json
from resdex.web.params import supported

FALLBACK_CAP = 500  # matches read in full to count them, without the library's --by
FIRST_SESSION_YEAR = 1945  # session N of the General Assembly opens in September 1945 + N

# drawing, in SVG user units (the SVG scales to the page's width)
WIDTH = 1000
HEIGHT = 150
AXIS = 18  # room below the bars for the session labels
TOP = 14  # room above the tallest bar for its count
MAX_SLOT = 48  # a few sessions: narrow bars, centred
COUNTS_UP_TO = 40  # sessions shown at most with their counts written above the bars


@dataclass(frozen=True, slots=True)
class Count:
    session: int
    paragraphs: int
    resolutions: int


@dataclass(frozen=True, slots=True)
class Counts:
    counts: tuple[Count, ...]  # by session, ascending; sessions without a match left out
    without_session: int  # matching paragraphs of texts with no session (Security Council)
    note: str | None = None  # why the timeline is missing or partial


def session_counts(index: Reader, request: q.SearchRequest, total: int) -> Counts:
    if supported("by"):
        return _counts_by_session(index, request)
    if total > FALLBACK_CAP:
        note = f"no timeline for more than {FALLBACK_CAP:,} matches yet: narrow the search"
        return Counts((), 0, note)
    return _counts_from_hits(index, request)


def _counts_by_session(index: Reader, request: q.SearchRequest) -> Counts:
    """``search --by session``: the counts over every match, from the library."""
    grouped: dict[str, Any] = {"by": "session", "limit": 1}
    result = q.search(index, dataclasses.replace(request, **grouped))
    groups = search_to_json(result).get("groups") or []
    counts = [
        Count(int(g["key"]), int(g["paragraphs"]), int(g["resolutions"]))
        for g in groups
        if isinstance(g.get("key"), int)
    ]
    without = sum(int(g["paragraphs"]) for g in groups if not isinstance(g.get("key"), int))
    return Counts(tuple(sorted(counts, key=lambda c: c.session)), without)


def _counts_from_hits(index: Reader, request: q.SearchRequest) -> Counts:
    """Every hit read (``limit=0``) and counted: for libraries without ``by``."""
    result = q.search(index, dataclasses.replace(request, limit=0))
    paragraphs: dict[int, int] = {}
    symbols: dict[int, set[str]] = {}
    without = 0
    for hit in result.hits:
        if hit.session is None:
            without += 1
            continue
        paragraphs[hit.session] = paragraphs.get(hit.session, 0) + 1
        symbols.setdefault(hit.session, set()).add(hit.symbol)
    counts = tuple(Count(s, paragraphs[s], len(symbols[s])) for s in sorted(paragraphs))
    return Counts(counts, without)


@dataclass(frozen=True, slots=True)
class Bar:
    session: int
    year: int
    paragraphs: int
    resolutions: int
    x: float
    y: float
    width: float
    height: float
    label: bool  # whether the session number is written under it
    count: bool  # whether the count is written above it


@dataclass(frozen=True, slots=True)
class Chart:
    bars: tuple[Bar, ...]
    width: int
    height: int
    axis_y: int
    peak: int
    without_session: int
    note: str | None


def chart(counts: Counts) -> Chart:
    """One slot per session from the first to the last with a match (empty sessions keep
    their slot, so the axis is time); bar heights proportional to matching paragraphs."""
    if not counts.counts:
        return Chart((), WIDTH, HEIGHT, HEIGHT - AXIS, 0, counts.without_session, counts.note)
    first, last = counts.counts[0].session, counts.counts[-1].session
    slots = last - first + 1
    slot = min(MAX_SLOT, WIDTH / slots)
    left = (WIDTH - slot * slots) / 2
    peak = max(c.paragraphs for c in counts.counts)
    room = HEIGHT - AXIS - TOP
    step = 1 if slots <= 20 else 5 if slots <= 100 else 10
    bars = []
    for c in counts.counts:
        h = max(2.0, room * c.paragraphs / peak)
        i = c.session - first
        bars.append(
            Bar(
                session=c.session,
                year=FIRST_SESSION_YEAR + c.session,
                paragraphs=c.paragraphs,
                resolutions=c.resolutions,
                x=round(left + i * slot + slot * 0.12, 2),
                y=round(HEIGHT - AXIS - h, 2),
                width=round(slot * 0.76, 2),
                height=round(h, 2),
                label=c.session % step == 0 or len(counts.counts) <= 12,
                count=slots <= COUNTS_UP_TO,
            )
        )
    return Chart(
        tuple(bars), WIDTH, HEIGHT, HEIGHT - AXIS, peak, counts.without_session, counts.note
    )
