"""The Whoosh index as a ``resdex.search.engine.Writer``: what ``resdex index`` does to a
staged generation (``resdex.search.store.stage``).

New documents go to new segments written by
``resdex.search.whoosh_engine.segments.FastSegmentWriter``, one per worker process
(``open_part``) and one for documents added in this process;
deletions and the commit go through a Whoosh ``SegmentWriter``, which adds those segments to
the table of contents as they are (as Whoosh's ``MpWriter(multisegment=True)`` does) and
merges small old segments by Whoosh's policy.
"""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any

from resdex.search import store
from resdex.search.documents import file_code
from resdex.search.schema import UNIT_ALIAS, UNIT_CODES, UNIT_DOCUMENT
from resdex.search.whoosh_engine import fixes as whoosh_fixes
from resdex.search.whoosh_engine.units import file_documents


def _record(searcher: Any, **terms: str) -> dict[str, Any] | None:
    """The stored fields of the record (or alias) matching ``terms``, without its data."""
    docnum = searcher.document_number(**terms)
    if docnum is None:
        return None
    stored = dict(searcher.stored_fields(docnum))
    stored.pop("data", None)
    return stored


def _finish_segment(writer: Any) -> Any:
    """The finished segment of a writer that only adds (None when it added nothing)."""
    if writer._added:
        return writer._finalize_segment()
    writer._close_segment()
    return None


class WhooshPart:
    """A worker process's own segment (a ``PartWriter``)."""

    def __init__(self, folder: Path, limitmb: int) -> None:
        from resdex.search.whoosh_engine.segments import FastSegmentWriter

        whoosh_fixes.apply()
        self._writer = FastSegmentWriter(store.open_generation(folder), _lk=False, limitmb=limitmb)

    def add(self, doc: dict[str, Any]) -> None:
        self._writer.add_fields(doc)  # the document as it is: no copy into keywords

    def finish(self) -> object:
        return _finish_segment(self._writer)


class WhooshWriter:
    """A staged Whoosh index being written (a ``Writer``); not thread-safe. Pickled (for a
    worker process started by ``spawn``), it keeps only what ``open_part`` needs."""

    def __init__(self, folder: Path, *, limitmb: int = 128) -> None:
        whoosh_fixes.apply()
        self.folder = folder
        self.limitmb = limitmb
        self._ix: Any = store.open_generation(folder)
        # a new index (a first run, --rebuild) has nothing to look up: each file's content
        # and symbol were looked up all the same, 0.14 ms a file of the parent's CPU
        # (2.05 -> 1.45 CPU s over 4,204 files; ~4.5 s of the 1M build's 16)
        self._empty = self._ix.doc_count_all() == 0
        self._searcher: Any = None
        self._main: Any = None  # Whoosh's writer: deletions, merges, the commit
        self._local: WhooshPart | None = None  # documents added in this process
        self._segments: list[Any] = []

    def __getstate__(self) -> dict[str, Any]:
        return {"folder": self.folder, "limitmb": self.limitmb}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.folder, self.limitmb = state["folder"], state["limitmb"]
        self._ix = self._searcher = self._main = self._local = None
        self._segments = []
        self._empty = False

    # --- reading what is there --------------------------------------------------------------

    def _reader(self) -> Any:
        if self._searcher is None:
            self._searcher = self._ix.searcher()
        return self._searcher

    def indexed_as(self, sha: str) -> dict[str, Any] | None:
        return None if self._empty else _record(self._reader(), contents=sha)

    def record(self, symkey: str) -> dict[str, Any] | None:
        if self._empty:
            return None
        return _record(self._reader(), symkey=symkey, unit=UNIT_DOCUMENT)

    def documents(self) -> int:
        with self._ix.searcher() as searcher:
            return sum(1 for _ in searcher.document_numbers(unit=UNIT_DOCUMENT))

    # --- changing it ------------------------------------------------------------------------

    def _writer(self) -> Any:
        if self._main is None:
            self._main = self._ix.writer(limitmb=self.limitmb)
        return self._main

    def delete(self, symkey: str) -> None:
        self._writer().delete_by_term("symkey", symkey)

    def add(self, doc: dict[str, Any]) -> None:
        if self._local is None:
            self._local = WhooshPart(self.folder, self.limitmb)
        self._local.add(doc)

    def open_part(self) -> WhooshPart:
        return WhooshPart(self.folder, self.limitmb)

    def attach(self, part: object) -> None:
        if part is not None:
            self._segments.append(part)

    def _close_reader(self) -> None:
        if self._searcher is not None:
            self._searcher.close()
            self._searcher = None

    def commit(self, superseded: list[tuple[str, str]]) -> None:
        self._close_reader()
        writer = self._writer()
        local, self._local = self._local, None
        try:
            if local is not None:
                try:
                    self.attach(local.finish())
                except BaseException:
                    _abandon(local._writer)
                    raise
            _commit(writer, self._segments)
        except BaseException:
            _abandon(writer)
            raise
        finally:
            self._main = None
        if superseded:
            _drop_superseded(self._ix, superseded)

    def cancel(self) -> None:
        self._close_reader()
        if self._local is not None:
            with contextlib.suppress(Exception):
                self._local._writer.cancel()
            self._local = None
        if self._main is not None:
            self._main.cancel()
            self._main = None


def _commit(writer: Any, segments: list[Any]) -> None:
    """``writer.commit()``, with the segments written apart added to the index as they
    are (Whoosh's ``MpWriter(multisegment=True)`` does the same)."""
    if not segments:
        writer.commit()
        return
    final = writer._merge_segments(None, None, None)
    final += segments
    own = _finish_segment(writer)
    if own is not None:
        final.append(own)
    writer._commit_toc(final)
    writer._finish()


def _abandon(writer: Any) -> None:
    """Close what a writer that failed in its commit (a full disk) still holds open: its
    per-document and field writers stop at the first error, so every file reachable from
    it is closed one by one."""
    import io

    from whoosh.filedb.structfile import StructFile

    seen: set[int] = set()

    def close(obj: Any, depth: int) -> None:
        if id(obj) in seen or depth > 5:
            return
        seen.add(id(obj))
        if isinstance(obj, (io.IOBase, StructFile)):
            with contextlib.suppress(Exception):
                obj.close()
            if isinstance(obj, StructFile):
                close(getattr(obj, "file", None), depth + 1)
            return
        if isinstance(obj, dict):
            children: Any = obj.values()
        elif isinstance(obj, (list, tuple)):
            children = obj
        elif hasattr(obj, "__dict__") and type(obj).__module__.startswith("whoosh"):
            children = vars(obj).values()
        else:
            return
        for child in list(children):
            close(child, depth + 1)

    close(writer, 0)
    with contextlib.suppress(Exception):
        writer.pool.cleanup()


def _drop_superseded(ix: Any, superseded: list[tuple[str, str]]) -> None:
    """Delete the documents of files superseded in this run by a later file with their
    symbol, and leave an alias record so that re-running skips them as indexed."""
    cleaner = ix.writer()
    with cleaner.searcher() as searcher:
        leaves = list(searcher.reader().leaf_readers())
        for key, sha in superseded:
            code = file_code(sha)
            symbol = None
            for segreader, offset in leaves:
                for unit, doc in file_documents(segreader, key, code):
                    if unit == UNIT_CODES[UNIT_DOCUMENT]:  # the record: the symbol as written
                        symbol = segreader.stored_fields(doc).get("symbol")
                    cleaner.delete_document(offset + doc)
            cleaner.add_document(
                unit=UNIT_ALIAS, symkey=key, symbol=symbol, sha=sha, contents=sha, c_file=code
            )
    cleaner.commit(merge=False)
