"""The seam between resdex's questions and the engine that answers them.

``Reader`` is what the faces and the across-sessions features ask an index
(``resdex.search.query`` takes a Reader, or a Whoosh index which it reads through
``resdex.search.whoosh_reader.WhooshReader``). A second engine (see ``docs/opensearch.md``)
is another class with these methods, run through the same tests (the ``reader`` fixture
of ``tests/engines.py``). The request (``resdex.search.request``) and the results
(``resdex.search.results``) know no engine.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from resdex.indexer.errors import ResdexError
from resdex.indexer.models import Resolution
from resdex.search.request import SearchRequest
from resdex.search.results import CitesResult, SearchResult


class NotIndexed(ResdexError):
    """The document asked for is not in the index."""


@runtime_checkable
class Reader(Protocol):
    """An index open for questions (any engine)."""

    def search(self, request: SearchRequest) -> SearchResult:
        """``resdex.search.query.search``: raises ``QueryError`` for a bad request."""
        ...

    def cites(self, target: str) -> CitesResult:
        """``resdex.search.query.cites``: raises ``BadTarget`` for a target no symbol."""
        ...

    def show(self, symbol: str) -> Resolution:
        """``resdex.search.query.show``: raises ``NotIndexed``."""
        ...
