"""Queries over a resdex index: ``search``, ``cites``, ``show``.

Each takes a ``resdex.search.engine.Reader`` (``resdex.search.engine.open_reader`` opens an
index folder as one; a Whoosh index in memory is read through
``resdex.search.whoosh_engine.reader.WhooshReader.of``) and returns the typed results of
``resdex.search.results``. No spaCy, no parser: this is the path ``resdex search`` starts
on.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from resdex.search.collector import while_paused
from resdex.search.engine import NotIndexed, Reader
from resdex.search.request import (
    BODIES,
    KINDS,
    QueryError,
    Range,
    SearchRequest,
    check_syntax,
    normalize_body,
    normalize_by,
    normalize_kind,
    normalize_sort,
    normalize_status,
    normalize_verb,
    parse_range,
)
from resdex.search.results import CitesResult, SearchResult
from resdex.search.whoosh_engine.reader import parse_query

if TYPE_CHECKING:
    from resdex.indexer.models import Resolution

__all__ = [  # the request's names too: callers import them from here
    "BODIES",
    "KINDS",
    "NotIndexed",
    "QueryError",
    "Range",
    "Reader",
    "SearchRequest",
    "check_syntax",
    "cites",
    "normalize_body",
    "normalize_by",
    "normalize_kind",
    "normalize_sort",
    "normalize_status",
    "normalize_verb",
    "parse_query",
    "parse_range",
    "search",
    "show",
]


@while_paused
def search(index: Reader, request: SearchRequest) -> SearchResult:
    """Paragraphs and footnotes matching the request: their total, the resolutions they
    are in, and either the ``limit`` hits its ``sort`` keeps (grouped by resolution in
    session order; newest first for ``sort="newest"``) or, with ``by``, the counts per
    group over every match."""
    return index.search(request)


@while_paused
def cites(index: Reader, target: str) -> CitesResult:
    """Every resolution citing ``target`` (any usual spelling), by date of adoption, with
    the paragraphs that cite it directly or through a footnote."""
    return index.cites(target)


@while_paused
def show(index: Reader, symbol: str) -> Resolution:
    """The indexed Resolution of ``symbol`` (any usual spelling); ``NotIndexed`` if none."""
    return index.show(symbol)
