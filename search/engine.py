"""The seam between resdex's questions and the engine that answers them.

``Reader`` is what the faces and the across-sessions features ask an index
(``resdex.search.query`` takes a Reader, or a Whoosh index which it reads through
``resdex.search.whoosh_engine.reader.WhooshReader``). A second engine (see ``docs/opensearch.md``)
is another class with these methods, run through the same tests (the ``reader`` fixture
of ``tests/engines.py``). The request (``resdex.search.request``) and the results
(``resdex.search.results``) know no engine.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

from resdex.indexer.errors import ResdexError
from resdex.search.request import SearchRequest
from resdex.search.results import CitesResult, SearchResult

if TYPE_CHECKING:
    from resdex.indexer.models import Resolution


class NotIndexed(ResdexError):
    """The document asked for is not in the index."""


@dataclass(frozen=True, slots=True)
class Passage:
    """A paragraph or footnote as indexed, with its resolution's facts (``precedents``)."""

    symbol: str
    label: str
    unit: str  # UNIT_PARAGRAPH, UNIT_FOOTNOTE (or UNIT_DOCUMENT: a resolution's record)
    body: str
    session: int | None
    year: int | None
    adopted: str | None  # ISO date; None for a draft
    text: str


class Units(Protocol):
    """The units of one state of an index by their numbers (opaque, valid in this view
    only): how ``precedents`` finds paragraphs sharing a paragraph's rarer words."""

    def frequency(self, word: str) -> int:
        """How many units hold ``word`` (a word of ``resdex.search.schema.tokens``)."""
        ...

    def holding(self, word: str) -> frozenset[int]:
        """The numbers of the units that hold ``word``."""
        ...

    def length(self, number: int) -> int:
        """The words in the text of unit ``number``, about (Whoosh keeps it in a byte:
        within a tenth): ``precedents`` prefers candidates of the paragraph's length."""
        ...

    def passage(self, number: int) -> Passage: ...


@dataclass(frozen=True, slots=True)
class SegmentCheck:
    """What ``resdex check`` found in one part of an index (a Whoosh segment)."""

    name: str
    documents: int  # live documents (records, units, aliases)
    problem: str | None = None
    resolutions: int = 0
    units: int = 0  # paragraphs and footnotes
    terms: int = 0


@runtime_checkable
class Reader(Protocol):
    """An index open for questions (any engine): ``search``, ``cites``, ``show`` (the query
    path), and what the export, the links, ``--stem``, ``precedents``, ``resdex check`` and
    the web server's status read. Open one with ``open_reader`` (``held_reader`` for a
    long-lived one)."""

    def search(self, request: SearchRequest) -> SearchResult:
        """``resdex.search.query.search``: raises ``QueryError`` for a bad request."""
        ...

    def cites(self, target: str) -> CitesResult:
        """``resdex.search.query.cites``: raises ``BadTarget`` for a target no symbol."""
        ...

    def show(self, symbol: str) -> Resolution:
        """``resdex.search.query.show``: raises ``NotIndexed``."""
        ...

    def size(self) -> int:
        """Documents in the index: each resolution's record, paragraphs and footnotes (and
        the aliases of superseded files)."""
        ...

    def resolutions(self) -> Iterator[Resolution]:
        """Every indexed resolution (in no particular order)."""
        ...

    def cited_keys(self) -> list[str]:
        """The ``target_key`` of every document some indexed unit cites, in order."""
        ...

    def words(self, prefix: str) -> Iterator[str]:
        """The words of the indexed texts (``tokens``) beginning with ``prefix``, in order."""
        ...

    def indexed(self, symkeys: Iterable[str]) -> set[str]:
        """Those of ``symkeys`` (``target_key``) that are indexed resolutions."""
        ...

    def units(self) -> Units:
        """The units of the index as it is now (``precedents``)."""
        ...

    def generation(self) -> str | None:
        """The name of the published generation read ("gen-000003"); None in memory."""
        ...

    def check(self) -> tuple[tuple[SegmentCheck, ...], tuple[str, ...]]:
        """``resdex check``: read everything the index holds, part by part; the parts and
        the problems found (none: sound). Raises ``DamagedIndex`` when it cannot start."""
        ...


def open_reader(index_dir: Path) -> Reader:
    """The published index of the folder ``index_dir``, open for questions. Raises
    ``NoIndex``, ``BadIndex``, ``DamagedIndex`` (``resdex.search.store``). The one place that
    chooses the engine (here, not in ``whoosh_engine.folder``: the query path imports no
    more than it must)."""
    from resdex.search.store import open_index
    from resdex.search.whoosh_engine.reader import WhooshReader

    return WhooshReader(open_index(index_dir), keep=True)


class HeldReader(Protocol):
    """A long-lived reader of an index folder (the web server)."""

    def get(self) -> Reader:
        """A reader of the current generation, reopened within ``check_every`` seconds of a
        publish; one started on a generation can finish on it."""
        ...


def held_reader(index_dir: Path, check_every: float = 1.0) -> HeldReader:
    """A ``HeldReader`` of the folder ``index_dir`` (it opens nothing yet)."""
    from resdex.search.whoosh_engine.folder import HeldFolder

    return HeldFolder(index_dir, check_every=check_every)


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
