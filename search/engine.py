"""The seam between resdex's questions and the engine that answers them.

``Reader`` is what the faces and the across-sessions features ask an index
(``resdex.search.query`` takes a Reader, or a Whoosh index which it reads through
``resdex.search.whoosh_engine.reader.WhooshReader``). A second engine (see ``docs/opensearch.md``)
is another class with these methods, run through the same tests (the ``reader`` fixture
of ``tests/engines.py``). The request (``resdex.search.request``) and the results
(``resdex.search.results``) know no engine.
"""

from __future__ import annotations

from typing import Any, Protocol, runtime_checkable

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


# --- the write side (``resdex.search.build`` drives it; ``resdex.search.whoosh_engine.writer``
# is the Whoosh implementation) -----------------------------------------------------------


class PartWriter(Protocol):
    """The documents one worker process of ``resdex index`` writes on its own."""

    def add(self, doc: dict[str, Any]) -> None: ...

    def finish(self) -> object:
        """What ``Writer.attach`` takes in the parent (picklable; None: nothing written)."""
        ...


class Writer(Protocol):
    """What ``resdex index`` asks of the index it writes: one run, under the write lock,
    on a staged copy that is published only after ``commit`` returned. Index documents are
    those of ``resdex.search.documents``; records are their stored fields (without data)."""

    def indexed_as(self, sha: str) -> dict[str, Any] | None:
        """The record (or alias) that counts the content digest ``sha`` as indexed."""
        ...

    def record(self, symkey: str) -> dict[str, Any] | None:
        """The record of the resolution indexed under ``symkey``, if any."""
        ...

    def delete(self, symkey: str) -> None:
        """Delete every document of the resolution ``symkey`` (records and aliases too)."""
        ...

    def add(self, doc: dict[str, Any]) -> None: ...

    def open_part(self) -> PartWriter:
        """A writer for a worker process (called in that process)."""
        ...

    def attach(self, part: object) -> None:
        """Take what a worker's ``PartWriter.finish`` returned into this run."""
        ...

    def commit(self, superseded: list[tuple[str, str]]) -> None:
        """Make the additions and deletions durable in the staged copy; then drop the
        documents of ``superseded`` files (symkey, content digest) and leave an alias record
        for each, so that a re-run skips them."""
        ...

    def cancel(self) -> None: ...

    def documents(self) -> int:
        """Resolutions in the index (as committed, or as staged before any change)."""
        ...
