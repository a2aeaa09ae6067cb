"""The read-path fix to Whoosh: a memory-mapped segment read without copying it."""

from __future__ import annotations

import io
import pickle
from array import array

import pytest

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


# values of a ``c_cites`` column: a paragraph citing nothing has none (b""); lengths past
# 255 make Whoosh widen its lengths array (a code "H" where short values get "B")
CELLS = [b"", b"OP1", b"", b"x" * 300, b"", b"", b"\x80footnote 1", b""]


@pytest.mark.parametrize("cutoff", [0, 1 << 15])  # offsets written, or derived from lengths
def test_column_cells_read_what_whoosh_reads(cutoff: int) -> None:
    from whoosh.columns import VarBytesColumn
    from whoosh.filedb.structfile import StructFile

    from resdex.search.whoosh_engine.access import ColumnCells

    sink = io.BytesIO()
    f = StructFile(sink)
    f.write(b"head")  # a column starts anywhere in its file
    writer = VarBytesColumn.Writer(f, cutoff=cutoff)
    for doc, value in enumerate(CELLS):
        if value:
            writer.add(doc, value)
    writer.finish(len(CELLS))
    data = sink.getvalue()
    source = StructFile(io.BytesIO(data))
    theirs = VarBytesColumn.Reader(source, 4, len(data) - 4, len(CELLS))
    ours = ColumnCells(source, 4, len(data) - 4, len(CELLS))
    assert (chr(data[-1]) == "X") == (cutoff == 0)
    assert [ours[doc] for doc in (7, 3, 0, 1, 6)] == [CELLS[doc] for doc in (7, 3, 0, 1, 6)]
    assert [ours[doc] for doc in range(len(CELLS))] == [bytes(v) for v in theirs]
