"""Proposed fix to Whoosh-Reloaded 2.7.5's read path, measured by ``experiment_open.py``.

Whoosh maps a compound segment file (``*.seg``) with mmap, then opens each part of it
(postings, terms, stored fields, columns) as a ``BufferFile``, whose ``__init__`` does
``self.file = BytesIO(buf)``: a copy of the whole part into memory, every time a reader
opens the index. At 1,000,000 paragraphs that is ~1.5 GB copied per ``resdex search``
before it reads a single posting (profile: ``structfile.py:348(__init__)``), and as much
resident memory per process.

``apply()`` gives ``BufferFile`` a file object that reads from the mapped buffer without
copying it (``MemoryViewFile``); everything else in ``BufferFile`` already reads through
``self._buf``. The lead can move this into ``search/whoosh_fixes.py`` and call it from
``search.store.open_index``.
"""

from __future__ import annotations

import io
from typing import Any

_APPLIED = False


class MemoryViewFile:
    """The read-only file interface Whoosh's ``StructFile`` uses, over a memoryview."""

    def __init__(self, buf: memoryview) -> None:
        self._buf = buf
        self._pos = 0
        self._len = len(buf)

    def read(self, size: int | None = -1) -> bytes:
        start = self._pos
        end = self._len if size is None or size < 0 else min(self._len, start + size)
        self._pos = end
        return bytes(self._buf[start:end])

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


def apply() -> None:
    """Make ``whoosh.filedb.structfile.BufferFile`` read without copying its buffer."""
    global _APPLIED
    if _APPLIED:
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
    _APPLIED = True
