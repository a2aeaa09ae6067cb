"""The seam between resdex's questions and the engine that answers them.

``Reader`` is what the faces and the across-sessions features ask an index; the Whoosh
index answers through ``WhooshReader`` (``resdex.search.query`` on an open index). A
second engine (see ``docs/opensearch.md``) is another class with these methods, checked by
the same tests. The request (``resdex.search.request``) and the results
(``resdex.search.results``) know no engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Protocol

from resdex.indexer.models import Resolution
from resdex.search.request import SearchRequest
from resdex.search.results import CitesResult, SearchResult


class Reader(Protocol):
    def search(self, request: SearchRequest) -> SearchResult: ...

    def cites(self, target: str) -> CitesResult: ...

    def show(self, symbol: str) -> Resolution: ...


@dataclass(frozen=True, slots=True)
class WhooshReader:
    """A Whoosh index (``resdex.search.store.open_index``) as a ``Reader``."""

    ix: Any

    def search(self, request: SearchRequest) -> SearchResult:
        from resdex.search.query import search

        return search(self.ix, request)

    def cites(self, target: str) -> CitesResult:
        from resdex.search.query import cites

        return cites(self.ix, target)

    def show(self, symbol: str) -> Resolution:
        from resdex.search.query import show

        return show(self.ix, symbol)
