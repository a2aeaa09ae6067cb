"""The read-path fix to Whoosh: a memory-mapped segment read without copying it."""

from __future__ import annotations

import io
import pickle
from array import array

from resdex.search.whoosh_engine.fixes import MemoryViewFile


def test_memory_view_file_reads_like_a_file() -> None:
    payload = b"first line\nsecond line\n" + pickle.dumps({"label": "OP8"})
    f = MemoryViewFile(memoryview(payload))
    assert f.readline() == b"first line\n"
    assert f.tell() == 11
    assert f.read(6) == b"second"
    assert f.seek(-(len(payload) - 23), io.SEEK_END) == 23
    assert pickle.load(f) == {"label": "OP8"}  # type: ignore[arg-type]
    assert f.read() == b""
    f.seek(0)
    assert f.read(100_000) == payload


def test_memory_view_file_feeds_arrays() -> None:
    numbers = array("i", [3, 1, 4, 1, 5])
    f = MemoryViewFile(memoryview(numbers.tobytes()))
    read = array("i")
    read.fromfile(f, 5)  # type: ignore[arg-type]
    assert read == numbers
