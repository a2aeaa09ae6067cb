"""Every use of Whoosh's internals on resdex's read path, in one place.

Whoosh-Reloaded 2.7.5 offers no public way to read a postings block, a column file or the
words a wildcard stands for without going posting by posting through Python objects; the
query path needs all three in bulk. On the read path, the names with a leading underscore
of Whoosh are touched here and in ``resdex.search.whoosh_engine.fixes`` (its patches) only;
the write path's are in ``segments``, ``blocks`` and ``writer`` (a subclass of Whoosh's
``SegmentWriter``). ``tests/test_query_seam.py`` checks it: a Whoosh upgrade is checked
against these files.
"""

from __future__ import annotations

import io
import itertools
import struct
import zlib
from array import array
from collections.abc import Iterator
from typing import Any

from resdex.search.whoosh_engine.safe_pickle import RestrictedUnpickler, loads


def postings_blocks(m: Any) -> Iterator[tuple[Iterator[int], list[float]]] | None:
    """(document numbers, weights) of each postings block of a Whoosh 3 leaf matcher
    ``m``, from its current block on: each block's data unpickled once and its
    delta-coded numbers summed in C. None when ``m`` is another kind of matcher."""
    if not (hasattr(m, "_read_data") and hasattr(m, "_next_block")):
        return None
    return _blocks(m)


# a block's length before it (``whoosh.system.pack_int``), negative for a term's last block
_BLOCK_LENGTH = struct.Struct("!i")


def _blocks(m: Any) -> Iterator[tuple[Iterator[int], list[float]]]:
    """The blocks read straight from the postings file, the matcher left where it was:
    Whoosh's ``_goto`` reads a block's length, seeks and unpickles its header through the
    file object (a dozen Python calls a block), which was half of what reading the 580
    blocks of "human rights" at a million paragraphs cost. The layout is Whoosh 3's
    (``W3LeafMatcher._goto``, ``_read_data``): length, pickled header (count, last id,
    largest weight, compression, shortest and longest length bytes), pickled data
    (deltas of the ids, weights, values), deflated when the compression is not 0."""
    if not m.is_active():
        return
    get = m._postfile.get
    if m._data is not None:  # the current block, already read
        yield _block_postings(m._data)
    else:
        yield _block_postings(
            _data(get(m._dataoffset, m._nextoffset - m._dataoffset), m._compression)
        )
    last, at = m._lastblock, m._nextoffset
    while not last:
        (length,) = _BLOCK_LENGTH.unpack(get(at, _BLOCK_LENGTH.size))
        last = length < 0
        length = abs(length)
        block = io.BytesIO(get(at + _BLOCK_LENGTH.size, length))
        unpickler = RestrictedUnpickler(block)
        compression = unpickler.load()[3]
        # deflated: the rest of the block; else the data's pickle follows the header's
        data = loads(zlib.decompress(block.read())) if compression else unpickler.load()
        yield _block_postings(data)
        at += _BLOCK_LENGTH.size + length


def _data(raw: bytes, compression: int) -> Any:
    return loads(zlib.decompress(raw) if compression else raw)


def _block_postings(data: Any) -> tuple[Iterator[int], list[float]]:
    """A block's (document numbers, weights) from its data: the ids as deltas, summed."""
    deltas, weights = data[0], data[1]
    if weights is None or isinstance(weights, float):
        weights = [weights or 1.0] * len(deltas)
    return itertools.accumulate(deltas), weights


def column_bytes(segreader: Any, name: str) -> bytes | None:
    """The raw file of column ``name`` of a segment (None when the segment has none)."""
    from whoosh.codec.whoosh3 import W3Codec

    filename = W3Codec.column_filename(segreader.segment(), name)
    storage = segreader._perdoc._storage
    if not storage.file_exists(filename):
        return None
    f = storage.open_file(filename)
    try:
        return bytes(f.get(0, storage.file_length(filename)))
    finally:
        f.close()


class ColumnCells:
    """The values of a Whoosh ``VarBytesColumn`` (``colfile`` from ``base``, ``length``
    bytes, ``doccount`` documents), read one at a time: two numbers (the value's length
    and offset) and its bytes per document. Whoosh's own reader reads the column's lengths
    and offsets whole when it is made (twelve bytes a document: at a million paragraphs
    12 MB per column, byte-swapped, in every process that asks for one value), though a
    query reads a few thousand values."""

    def __init__(self, colfile: Any, base: int, length: int, doccount: int) -> None:
        from whoosh.columns import VarBytesColumn

        self._get: Any = None
        self._whoosh: Any = None
        last = base + length - 1  # the layout of ``VarBytesColumn.Writer.finish``
        if chr(colfile.get_byte(last)) != "X":  # no offsets (under 32,768 documents)
            self._whoosh = VarBytesColumn.Reader(colfile, base, length, doccount)
            return
        lens_code, offsets_code = chr(colfile.get_byte(last - 2)), chr(colfile.get_byte(last - 1))
        try:
            self._lsize, self._osize = array(lens_code).itemsize, array(offsets_code).itemsize
        except ValueError as err:  # a damaged column: what Whoosh's own reader raises too
            raise struct.error(f"column of {doccount} documents: bad type codes") from err
        self._offsets = last - 2 - doccount * self._osize
        self._lengths = self._offsets - doccount * self._lsize
        if self._lengths < base:
            raise struct.error(f"column of {doccount} documents: its tables overrun it")
        self._base = base
        self._get = colfile.get

    def __getitem__(self, doc: int) -> bytes:
        """The bytes of document ``doc`` (b"" when it has no value)."""
        get = self._get
        if get is None:
            return bytes(self._whoosh[doc])
        size = self._lsize  # the arrays are written big-endian, in their native item size
        length = int.from_bytes(get(self._lengths + doc * size, size), "big")
        if not length:
            return b""
        size = self._osize
        offset = int.from_bytes(get(self._offsets + doc * size, size), "big")
        return bytes(get(self._base + offset, length))


def column_cells(segreader: Any, name: str) -> ColumnCells | None:
    """``ColumnCells`` of the column ``name`` (a ``VarBytesColumn``, pickled or not) of a
    Whoosh ``SegmentReader``; None when no document of the segment has a value."""
    perdoc = segreader._perdoc
    if not perdoc.has_column(name):
        return None
    found = perdoc._colfiles.get(name)  # the file Whoosh's column readers share
    if found is None:
        found = perdoc._colfiles[name] = perdoc._get_column_file(name)
    colfile, base, length = found
    return ColumnCells(colfile, base, length, segreader.doc_count_all())


def expanded_texts(q: Any, reader: Any) -> Iterator[Any]:
    """The index words (bytes) a Prefix, Wildcard, FuzzyTerm, Regex or TermRange query
    stands for in ``reader``."""
    return iter(q._btexts(reader))
