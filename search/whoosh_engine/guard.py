"""Caps on what one query may cost, shared by ``resdex search`` and the web server.

Pure functions over the query text and Whoosh query objects; each refusal is a
``GuardError`` with one line for the user:

- ``check_text``: a length cap, a nesting cap on parentheses (Whoosh's parser recurses:
  3,000 nested parentheses ended in ``RecursionError``), and field names: a stored-only
  field (``title:rights``, ``symbol:…``) is refused by name instead of Whoosh's
  ``STORED(...) field has no format`` traceback; friendly names (``verb:``) are mapped by
  ``alias_plugin``.
- ``check_query``: on the parsed query, only indexed fields; no phrase on a field without
  positions (``cites:"a b"``); wildcard, prefix, fuzzy and range terms expanded against
  the index and capped in number of words (``**`` and ``*?*`` took 284-288 s on the shared
  corpus, ``a*`` 17 s); session and year values zero-padded as they are indexed.
- ``Deadline``: a time limit on the whole query; ``time_limited`` wraps a Whoosh collector
  so that matching stops at it.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from resdex.indexer.errors import ResdexError


class GuardError(ResdexError):
    """A query refused before it runs (or stopped while it ran): one line for the user."""


class TooBroad(GuardError):
    """The query would match too many words, nest too deeply or run too long."""


# What users may write before a colon, and the index field it searches. The keys are the
# friendly names; a field missing here cannot be searched.
SEARCHABLE: dict[str, str] = {
    "text": "text",
    "cites": "cites",
    "cite": "cites",
    "verbs": "verbs",
    "verb": "verbs",  # `verb:urges`, like `--verb urges`
    "body": "body",
    "kind": "kind",
    "session": "session",
    "year": "year",
}
# fields indexed as zero-padded numbers (schema.number_term): `session:71` -> "0071"
NUMBER_FIELDS = frozenset({"session", "year"})


@dataclass(frozen=True, slots=True)
class Caps:
    """The limits (the web server may lower them)."""

    max_chars: int = 4000  # a pasted paragraph fits
    max_depth: int = 16  # nested parentheses
    max_clauses: int = 256  # words, phrases and operators of the parsed query
    max_terms: int = 1000  # words a query's wildcards, prefixes and ranges may expand to
    seconds: float = 5.0  # the whole query


DEFAULT_CAPS = Caps()


@dataclass(slots=True)
class Deadline:
    """A time limit: ``check()`` raises ``TooBroad`` once ``seconds`` have passed."""

    seconds: float
    started: float = field(default_factory=time.monotonic)

    def remaining(self) -> float:
        return max(0.0, self.seconds - (time.monotonic() - self.started))

    def expired(self) -> bool:
        return self.remaining() <= 0.0

    def check(self) -> None:
        if self.expired():
            raise too_slow(self.seconds)


def too_slow(seconds: float) -> TooBroad:
    return TooBroad(
        f"too broad: the query ran past the {seconds:g} s limit; "
        "use fewer wildcards or add words or filters"
    )


# --- the text -------------------------------------------------------------------------------

# `name:` at the start of a word outside quotes: a field prefix as Whoosh's parser reads it
_FIELD_RE = re.compile(r'"[^"]*"|(?:(?<=^)|(?<=[\s(+\-]))(?P<name>[A-Za-z_]\w*):')


def check_text(text: str, schema_fields: Iterator[str] | Any, caps: Caps = DEFAULT_CAPS) -> None:
    """Refuse a query text that is too long, nests too deeply, or names a field of the
    schema that cannot be searched. ``schema_fields``: the index's field names."""
    if len(text) > caps.max_chars:
        raise TooBroad(f"too broad: the query has {len(text)} characters, at most {caps.max_chars}")
    depth = deepest = 0
    for ch in re.sub(r'"[^"]*"', "", text):
        if ch == "(":
            depth += 1
            deepest = max(deepest, depth)
        elif ch == ")":
            depth -= 1
    if deepest > caps.max_depth:
        raise TooBroad(f"too broad: parentheses nested {deepest} deep, at most {caps.max_depth}")
    known = set(schema_fields)
    for m in _FIELD_RE.finditer(text):
        name = m.group("name")
        if name is None:
            continue
        if name.casefold() not in SEARCHABLE and name in known:
            raise GuardError(f"{name}: cannot be searched; searchable fields: {field_list()}")


def field_list() -> str:
    return ", ".join(dict.fromkeys(k for k in SEARCHABLE if k not in ("cite", "verbs")))


def alias_plugin() -> Any:
    """A Whoosh parser plugin mapping the friendly field names to the indexed ones."""
    from whoosh.qparser import FieldAliasPlugin

    aliases: dict[str, list[str]] = {}
    for name, target in SEARCHABLE.items():
        if name != target:
            aliases.setdefault(target, []).append(name)
    return FieldAliasPlugin(aliases)


# --- the parsed query -----------------------------------------------------------------------


def _walk(q: Any) -> Iterator[Any]:
    yield q
    for child in q.children() if hasattr(q, "children") else ():
        yield from _walk(child)


def _pad(value: Any) -> Any:
    return f"{int(value):04d}" if isinstance(value, str) and value.isdigit() else value


def _normalized(q: Any) -> Any:
    from whoosh import query as wq

    if getattr(q, "fieldname", None) not in NUMBER_FIELDS:
        return q
    if isinstance(q, wq.Term):
        return wq.Term(q.fieldname, _pad(q.text), boost=q.boost)
    if isinstance(q, wq.TermRange):
        return wq.TermRange(
            q.fieldname, _pad(q.start), _pad(q.end), q.startexcl, q.endexcl, boost=q.boost
        )
    return q


def check_query(
    q: Any,
    schema: Any,
    reader: Any,
    caps: Caps = DEFAULT_CAPS,
    deadline: Deadline | None = None,
) -> Any:
    """``q`` with session and year values padded, once every part of it passes the caps;
    raises ``GuardError`` / ``TooBroad``."""
    from whoosh import query as wq

    q = q.accept(_normalized)
    indexed = set(SEARCHABLE.values())
    clauses = 0
    expanded = 0
    for part in _walk(q):
        clauses += 1
        if clauses > caps.max_clauses:
            raise TooBroad(f"too broad: more than {caps.max_clauses} words and operators")
        name = getattr(part, "fieldname", None)
        if name is None:
            continue
        if name not in indexed or name not in schema:
            raise GuardError(f"{name}: cannot be searched; searchable fields: {field_list()}")
        if isinstance(part, wq.Phrase) and not schema[name].format.supports("positions"):
            raise GuardError(f'{name}:"…": a phrase needs the text; search {name}: word by word')
        if isinstance(part, (wq.MultiTerm, wq.Variations)) and not isinstance(part, wq.Term):
            expanded += _count_terms(part, reader, caps.max_terms - expanded, deadline)
    return q


def _count_terms(q: Any, reader: Any, budget: int, deadline: Deadline | None) -> int:
    """How many words of the index ``q`` expands to; ``TooBroad`` past ``budget``."""
    n = 0
    for n, _ in enumerate(q.expanded_terms(reader), start=1):
        if n > budget:
            raise TooBroad(f"too broad: {_describe(q)} matches more than {budget} words")
        if deadline is not None and n % 256 == 0:
            deadline.check()
    if deadline is not None:
        deadline.check()
    return n


def _describe(q: Any) -> str:
    from whoosh import query as wq

    if isinstance(q, wq.Prefix):
        return f"{q.text}*"
    if isinstance(q, wq.TermRange):
        return f"{q.fieldname}:[{q.start} TO {q.end}]"
    text = getattr(q, "text", None)
    return str(text) if text is not None else type(q).__name__


def time_limited(collector: Any, deadline: Deadline) -> Any:
    """``collector`` stopped at ``deadline`` (Whoosh's ``TimeLimitCollector``: a timer
    thread, so it also works in the web server's threads). Run it with
    ``searcher.search_with_collector(q, c)``; a ``whoosh.searching.TimeLimit`` it raises
    means ``too_slow(deadline.seconds)``."""
    from whoosh.collectors import TimeLimitCollector

    return TimeLimitCollector(collector, max(deadline.remaining(), 0.001), use_alarm=False)
