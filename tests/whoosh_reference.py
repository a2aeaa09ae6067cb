"""The answer Whoosh itself gives to a search: its own query parser, phrase matching (by
positions in the text field) and filters as Whoosh queries, every match collected and its
stored fields read. The reference the query path is checked against (slow; tests only)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from whoosh import query as wq
from whoosh.qparser import QueryParser


@dataclass(frozen=True)
class Reference:
    units: set[tuple[str, str]]  # (symbol, label)
    resolutions: int
    per_session: Counter[int | None]


def _padded(value: int) -> str:
    return f"{value:04d}"


def reference(ix: Any, text: str, **filters: Any) -> Reference:
    q = wq.Every() if text.strip() == "*" else QueryParser("text", ix.schema).parse(text)
    parts: list[Any] = [wq.Or([wq.Term("unit", "paragraph"), wq.Term("unit", "footnote")])]
    if filters.get("body"):
        parts.append(wq.Term("body", filters["body"]))
    if filters.get("kind"):
        parts.append(wq.Term("kind", filters["kind"]))
    if filters.get("verb"):
        parts.append(wq.Term("verbs", filters["verb"]))
    for field in ("session", "year"):
        if filters.get(field):
            lo, hi = filters[field]
            low = _padded(lo) if lo is not None else None
            high = _padded(hi) if hi is not None else None
            parts.append(wq.TermRange(field, low, high))
    units: set[tuple[str, str]] = set()
    symbols: set[str] = set()
    per_session: Counter[int | None] = Counter()
    with ix.searcher() as searcher:
        for hit in searcher.search(wq.And([q, *parts]), limit=None):
            stored = hit.fields()
            status = filters.get("status")
            # a draft: no adoption date, or a symbol of the "L." series
            draft = not stored.get("adopted") or "/L." in stored["symbol"]
            if status and (status == "draft") != draft:
                continue
            units.add((stored["symbol"], stored["label"]))
            symbols.add(stored["symbol"])
            session = stored.get("session")
            per_session[int(session) if session else None] += 1
    return Reference(units, len(symbols), per_session)
