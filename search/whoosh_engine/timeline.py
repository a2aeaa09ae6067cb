"""Matches in time: the earliest or latest N, and counts per session, year, body or verb.

Everything here reads the per-unit columns (``resdex.search.whoosh_engine.units``) of the
matches only; a stored field is read for what is shown (and, among units of the same
session and day, for the symbol that orders them, once per resolution and process).
"""

from __future__ import annotations

import heapq
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from resdex.search.results import natural_key
from resdex.search.schema import BODY_ORDER
from resdex.search.whoosh_engine.units import (
    SEGMENTS_KEPT,
    UNDATED,
    SegmentCache,
    SegmentColumns,
    unit_meta,
)


@dataclass(frozen=True, slots=True)
class Matched:
    """The matches of one segment: sorted local document numbers and the columns."""

    seg: Any  # the Whoosh SegmentReader
    offset: int  # of its first document in the index
    columns: SegmentColumns
    ids: list[int]
    leaf: Any = None  # the segment as the match read it (resdex.search.whoosh_engine.matching.Leaf)


Unit = tuple[int, int]  # (index of the segment in the list of Matched, local number)

# by the columns' object: (the columns, their chrono), the columns kept so that their id is
# never another's
_CHRONO: SegmentCache[int, tuple[SegmentColumns, list[int]]] = SegmentCache(SEGMENTS_KEPT)
_SYMBOLS: dict[int, str] = {}  # resolution code -> symbol


def chrono_of(columns: SegmentColumns) -> list[int]:
    """Each document's place in time, one number (smaller: earlier): its session, else its
    year as the session opening that year (year - 1945), else last (``UNDATED``); then its
    adoption date, undated drafts first, as ``resdex.search.results.session_key`` puts
    them. Cached with the columns."""
    found = _CHRONO.get(id(columns))
    if found is not None and found[0] is columns:
        return found[1]
    chrono = [
        ((s if s else (y - 1945 if y else UNDATED)) << 20) | a
        for s, y, a in zip(columns.session, columns.year, columns.adopted, strict=True)
    ]
    _CHRONO.put(id(columns), (columns, chrono))
    return chrono


def symbol_of(matched: list[Matched], unit: Unit) -> str:
    part = matched[unit[0]]
    code = part.columns.res[unit[1]]
    symbol = _SYMBOLS.get(code)
    if symbol is None:
        symbol = unit_meta(part.seg, part.columns, unit[1]).symbol
        _SYMBOLS[code] = symbol
    return symbol


def _tiebreak(matched: list[Matched]) -> Callable[[Unit], tuple[Any, ...]]:
    def key(unit: Unit) -> tuple[Any, ...]:
        return (natural_key(symbol_of(matched, unit)), matched[unit[0]].columns.order[unit[1]])

    return key


def _chrono_units(matched: list[Matched]) -> Iterator[tuple[int, int, int]]:
    for i, part in enumerate(matched):
        chrono = chrono_of(part.columns)
        for doc in part.ids:
            yield chrono[doc], i, doc


def by_date(matched: list[Matched], n: int, newest: bool) -> list[Unit]:
    """The ``n`` earliest (or latest) matches in session order: session (or year), date
    of adoption, symbol, position in the document."""
    pick = heapq.nlargest if newest else heapq.nsmallest
    chosen = pick(n, _chrono_units(matched), key=lambda u: u[0])
    border = None if len(chosen) < n or not chosen else chosen[-1][0]
    if border is None:
        return [(i, doc) for _, i, doc in chosen]
    sure = [(i, doc) for c, i, doc in chosen if c != border]
    ties = [(i, doc) for c, i, doc in _chrono_units(matched) if c == border]
    ties.sort(key=_tiebreak(matched), reverse=newest)
    return sure + ties[: n - len(sure)]


# --- groups ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class GroupCount:
    key: int | str | None
    paragraphs: int
    resolutions: int
    first: Unit  # the earliest match of the group


def _keys(by: str, columns: SegmentColumns) -> Callable[[int], int]:
    array = {
        "session": columns.session,
        "year": columns.year,
        "body": columns.body,
        "verb": columns.verb,
    }[by]
    return array.__getitem__


def group_counts(matched: list[Matched], by: str) -> list[GroupCount]:
    """Paragraphs, resolutions and the earliest match per group over every match; the raw
    key (0: none, a body or verb code) is turned into a label by the caller."""
    paragraphs: Counter[int] = Counter()
    resolutions: set[tuple[int, int]] = set()
    earliest: dict[int, int] = {}
    for part in matched:
        keys = list(map(_keys(by, part.columns), part.ids))
        paragraphs.update(keys)
        resolutions.update(zip(keys, map(part.columns.res.__getitem__, part.ids), strict=True))
        chrono = chrono_of(part.columns)
        for key, c in zip(keys, map(chrono.__getitem__, part.ids), strict=True):
            best = earliest.get(key)
            if best is None or c < best:
                earliest[key] = c
    ties: dict[int, list[Unit]] = {}
    for i, part in enumerate(matched):
        chrono = chrono_of(part.columns)
        get = _keys(by, part.columns)
        for doc in part.ids:
            key = get(doc)
            if chrono[doc] == earliest[key]:
                ties.setdefault(key, []).append((i, doc))
    per_group = Counter(key for key, _ in resolutions)
    order = _tiebreak(matched)
    return [
        GroupCount(key, count, per_group[key], min(ties[key], key=order))
        for key, count in paragraphs.items()
    ]


def body_name(code: int) -> str | None:
    return BODY_ORDER[code - 1] if 0 < code <= len(BODY_ORDER) else None
