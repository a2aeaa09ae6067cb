"""The answer Whoosh itself gives to a search: its own query parser, phrase matching (by
positions in the text field) and filters as Whoosh queries, every match collected and its
stored fields read. The reference the query path is checked against (slow; tests only)."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from whoosh import query as wq
from whoosh.qparser import QueryParser

from resdex.search.targets import target_key


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
        facts = _facts(searcher)
        for hit in searcher.search(wq.And([q, *parts]), limit=None):
            symbol, adopted, session = facts[hit.docnum]
            status = filters.get("status")
            # a draft: no adoption date, or a symbol of the "L." series
            draft = not adopted or "/L." in symbol
            if status and (status == "draft") != draft:
                continue
            units.add((symbol, hit.fields()["label"]))
            symbols.add(symbol)
            per_session[session] += 1
    return Reference(units, len(symbols), per_session)


def _facts(searcher: Any) -> dict[int, tuple[str, str | None, int | None]]:
    """(symbol as written, adoption date, session) of every document of a resolution, by
    its number: a unit stores none of them, its record the first two (the units are the
    documents of its ``symkey``), the session is an indexed term."""
    session: dict[int, int] = {}
    for term in searcher.reader().lexicon("session"):
        value = term.decode("utf-8") if isinstance(term, bytes) else term
        for docnum in searcher.document_numbers(session=value):
            session[docnum] = int(value)
    facts: dict[int, tuple[str, str | None, int | None]] = {}
    for record in searcher.document_numbers(unit="document"):
        stored = searcher.stored_fields(record)
        symbol = stored["symbol"]
        for docnum in searcher.document_numbers(symkey=target_key(symbol)):
            facts[docnum] = (symbol, stored.get("adopted"), session.get(docnum))
    return facts
