"""Fixes to Whoosh-Reloaded 2.7.5 on resdex's write path (``apply``) and read path
(``apply_read``).

While a segment is committed, ``W3PerDocReader.doc_field_length`` is asked for the length
of every posting; for a field that keeps no lengths (ID, KEYWORD, NUMERIC) the reader looks
for the column file on disk each time instead of remembering that it is absent: one
``stat`` per posting, a fifth of the commit. ``apply`` makes the reader remember.

Whoosh pickles postings blocks, their headers and stored fields with protocol 2, which
writes every ``bytes`` value (a posting's positions, a deflated record) as a call to
``_codecs.encode`` on a latin-1 string: bytes above 127 take two. ``apply`` has them
written with protocol 5 (raw bytes), which any reader unpickles: a third less postings.
"""

from __future__ import annotations

import io
import pickle
from typing import Any

_APPLIED = False
_READ_APPLIED = False


def apply() -> None:
    global _APPLIED
    if _APPLIED:
        return
    from whoosh import columns
    from whoosh.codec import whoosh3

    reader_class: Any = whoosh3.W3PerDocReader

    def _cached_reader(self: Any, fieldname: str, column: Any) -> Any:
        readers = self._readers
        if fieldname in readers:
            return readers[fieldname]
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        readers[fieldname] = reader
        return reader

    reader_class._cached_reader = _cached_reader
    whoosh3.dumps = _dumps
    columns.dumps = _dumps
    _APPLIED = True


def _dumps(obj: Any, protocol: int | None = None) -> bytes:
    """``pickle.dumps`` as Whoosh calls it, with protocol 5 whatever it asks."""
    return pickle.dumps(obj, 5)


# --- the read path ------------------------------------------------------------------------


# what ``peek`` returns at most: a postings block header is a pickle of some 40 bytes
PEEK = 512


class MemoryViewFile:
    """The read-only file interface Whoosh's ``StructFile`` uses, over a memoryview."""

    def __init__(self, buf: memoryview) -> None:
        self._buf = buf
        self._pos = 0
        self._len = len(buf)

    def read(self, size: int | None = -1) -> bytes:
        start = self._pos
        if size is None or size < 0:
            end = self._len
        else:
            end = start + size
            if end > self._len:
                end = self._len
        self._pos = end
        return bytes(self._buf[start:end])

    def peek(self, size: int = 0) -> bytes:
        """Bytes from the position on, not consumed: ``pickle.load`` reads a whole block
        header from one peek instead of calling ``read`` for each of its opcodes (twenty
        calls a header; a phrase skipping through "of" reads two thousand headers)."""
        return bytes(self._buf[self._pos : self._pos + PEEK])

    def readinto(self, target: Any) -> int:
        data = self.read(len(target))
        target[: len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        end = self._len if size is None or size < 0 else min(self._len, self._pos + size)
        pos = self._pos
        while pos < end:
            chunk = bytes(self._buf[pos : min(end, pos + 256)])
            found = chunk.find(b"\n")
            if found >= 0:
                end = pos + found + 1
                break
            pos += len(chunk)
        return self.read(end - self._pos)

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        base = {io.SEEK_SET: 0, io.SEEK_CUR: self._pos, io.SEEK_END: self._len}[whence]
        self._pos = max(0, base + offset)
        return self._pos

    def tell(self) -> int:
        return self._pos

    def flush(self) -> None:
        pass

    def close(self) -> None:
        pass


def apply_read() -> None:
    """Make ``whoosh.filedb.structfile.BufferFile`` read a memory-mapped segment without
    copying it. Whoosh opens every part of a compound segment (postings, terms, stored
    fields, columns) as a ``BufferFile``, whose ``__init__`` copied the part into a
    ``BytesIO``: at a million paragraphs about 1.5 GB per ``resdex search`` before the
    first posting, and as much memory (a rare phrase: 1.6 s copying, 33 ms with this)."""
    global _READ_APPLIED
    if _READ_APPLIED:
        return
    from whoosh.filedb import structfile

    def __init__(self: Any, buf: Any, name: str | None = None, onclose: Any = None) -> None:
        self._buf = buf
        self._name = name
        self.file = MemoryViewFile(memoryview(buf))
        self.onclose = onclose
        self.is_real = False
        self.is_closed = False

    structfile.BufferFile.__init__ = __init__
    _READ_APPLIED = True
