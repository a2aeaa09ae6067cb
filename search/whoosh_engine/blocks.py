"""A field's terms written in Whoosh's format, a whole term at a time: postings in blocks
(small ones undeflated), the terms table's rows in one write. Used by
``resdex.search.whoosh_engine.segments.FastSegmentWriter`` when it flushes a segment; with
``EXACT`` set the bytes are Whoosh's own (``tests/test_index_segments.py``)."""

from __future__ import annotations

import struct
import zlib
from array import array
from operator import sub
from typing import Any

from whoosh.codec import whoosh3
from whoosh.codec.whoosh3 import WHOOSH3_HEADER_MAGIC, W3TermInfo
from whoosh.system import pack_int, pack_long, pack_ushort
from whoosh.util.numeric import byte_to_length, length_to_byte

# Blocks of postings smaller than this are not deflated (see ``_deflate``); ``EXACT``: every
# block deflated as Whoosh does, for tests that compare the files with Whoosh's byte for byte.
COMPRESS_MIN = 128
EXACT = False
_TERMINFO = W3TermInfo._struct  # flags, weight, doc freq, min/max length byte, max weight, ids
_KEY_VALUE_LENGTHS = struct.Struct("!ii")  # a row of Whoosh's hash file: key and value lengths

# The field length Whoosh's per-document reader gives back for each stored length byte
# (None for 0: "no length"), which the postings writer keeps per block.
_LENGTH_OF_BYTE: tuple[int | None, ...] = tuple(
    (byte_to_length(b) or None) if b else None for b in range(256)
)

# ``length_to_byte`` of every length under ``LENGTH_BYTES``, looked up (``length_byte``)
LENGTH_BYTES = 4096
BYTE_OF_LENGTH = bytes(length_to_byte(n) for n in range(LENGTH_BYTES))


def length_byte(length: int | None) -> int:
    """Whoosh's ``length_to_byte``: a field length as its byte (None: 0)."""
    if length is None:
        return 0
    return BYTE_OF_LENGTH[length] if length < LENGTH_BYTES else length_to_byte(length)


def deflate(data: bytes, level: int = 3) -> bytes:
    """``zlib.compress(data, level)`` as readers decompress it, with a window just large
    enough for ``data`` (the same matches: deflate looks back at most the window less 262
    bytes): ``zlib.compress`` sets up 256 KB of state for every call, 80 µs on this machine
    for a block of one posting."""
    if EXACT:
        return zlib.compress(data, level)
    # one call (Python 3.11's ``wbits``): a compressor object and its two calls cost more
    return zlib.compress(data, level, min(15, max(9, (len(data) + 262).bit_length())))


# A zlib stream's header: deflate with a 32 KB window, no dictionary, "fastest" (its check
# bits make 0x7801 a multiple of 31); a stored deflate block's: final or not (1 or 0), its
# length and that length's complement; the stream's end: the Adler-32 of the data
_ZLIB_HEADER = b"\x78\x01"
_STORED_BLOCK = struct.Struct("<BHH")
_STORED_MOST = 0xFFFF  # bytes in a stored block at most
_ADLER = struct.Struct(">I")


def stored_zlib(data: bytes, level: int = 0) -> bytes:
    """``data`` as a zlib stream of stored (uncompressed) deflate blocks: what any
    ``zlib.decompress`` reads (Whoosh's reader of stored fields), 11 bytes more than
    ``data`` (5 more for each further 65,535 bytes). For a paragraph's stored fields: over
    2,000 units of the 1M index, ``zlib.compress`` cost 18-24 µs a unit whatever its level
    (a fixed set-up for small inputs) to take ~380 bytes to ~260; this costs ~0.5 µs, and the
    index's size hardly moves (the units' stored fields are a small part of it). ``level``:
    ignored (the signature of a column writer's ``_compress``)."""
    size = len(data)
    if size <= _STORED_MOST:  # one block (every paragraph)
        head = _STORED_BLOCK.pack(1, size, size ^ 0xFFFF)
        return b"".join((_ZLIB_HEADER, head, data, _ADLER.pack(zlib.adler32(data))))
    parts = [_ZLIB_HEADER]
    for start in range(0, size, _STORED_MOST):
        chunk = data[start : start + _STORED_MOST]
        final = start + _STORED_MOST >= size
        parts += (_STORED_BLOCK.pack(final, len(chunk), len(chunk) ^ 0xFFFF), chunk)
    parts.append(_ADLER.pack(zlib.adler32(data)))
    return b"".join(parts)


def _deflate(data: bytes) -> tuple[int, bytes]:
    """(compression level, bytes) of a block's data as the postings reader expects them.
    Whoosh deflated every block whatever its size (its test "less than 20 bytes, don't
    bother" is overwritten on the next line), and a block of one posting came out larger
    than it went in. Here a block under ``COMPRESS_MIN`` bytes is stored as it is (level
    0, which the reader honours); a larger one is deflated at level 3."""
    if EXACT:
        return 3, zlib.compress(data, 3)
    if len(data) < COMPRESS_MIN:
        return 0, data
    return 3, deflate(data)


class FieldTerms:
    """The terms of one field written as Whoosh's ``W3FieldWriter`` writes them (its
    ``start_term``, ``add`` for each posting, ``finish_term``), a whole term at a time: the
    postings in blocks of ``blocklimit``, each a pickled header (count, last id, largest
    weight, compression, shortest and longest field length as bytes) and its pickled data
    (ids as deltas, weights, values); then the term's row in the terms table. Both are
    buffered and written a megabyte at a time."""

    FLUSH_BYTES = 1 << 20

    def __init__(
        self, fieldwriter: Any, name: str, field: Any, lengths: array[int] | None, base: int
    ) -> None:
        fieldwriter.start_field(name, field)  # gives the field its number in the terms table
        self._fieldwriter = fieldwriter
        self._postfile = fieldwriter._postfile
        self._tindex = fieldwriter._tindex
        self._prefix = pack_ushort(fieldwriter._fieldid)
        self._fixedsize = field.format.fixed_value_size()
        self._limit = fieldwriter._codec._blocklimit
        self._lengths = lengths
        self._base = base
        self._offset = self._postfile.tell()
        self._written = self._offset
        self._chunks: list[bytes] = []
        self._rows: list[tuple[bytes, bytes]] = []

    def _values(self, values: list[bytes]) -> Any:
        fixedsize = self._fixedsize
        if fixedsize is None or fixedsize < 0:
            return tuple(filter(None, values))
        if fixedsize == 0:
            return None
        return b"".join(filter(None, values))

    def _length_range(self, ids: list[int]) -> tuple[int | None, int]:
        lengths = self._lengths
        if lengths is None:
            return None, 0
        base = self._base
        # the length bytes of the documents (a byte's length grows with it), 0s left out
        at = ids if not base else [d - base for d in ids]
        known = bytes(map(lengths.__getitem__, at)).replace(b"\0", b"")
        if not known:
            return None, 0
        return _LENGTH_OF_BYTE[min(known)], _LENGTH_OF_BYTE[max(known)] or 0

    def write(self, term: bytes, postings: list[Any]) -> None:
        if len(postings) == 3:  # one posting: most terms of the pairs, many words
            self._write_one(term, *postings)
            return
        ids = postings[0::3]
        weights = postings[1::3]
        values = postings[2::3]
        count = len(ids)
        limit = self._limit
        # as Whoosh pickles blocks (resdex.search.whoosh_engine.fixes: protocol 5)
        dumps = whoosh3.dumps
        parts = [WHOOSH3_HEADER_MAGIC]
        total = 0.0
        heaviest_all: Any = 0
        shortest_all: int | None = None
        longest_all = 0
        for start in range(0, count, limit):
            end = min(start + limit, count)
            block_ids = ids[start:end]
            raw_weights = weights[start:end]
            block_weights = array("f", raw_weights)
            heaviest = max(raw_weights)
            if not heaviest > 0:
                heaviest = 0
            shortest, longest = self._length_range(block_ids)
            total += sum(block_weights)
            if start == 0 or shortest_all is None:
                shortest_all = shortest
            elif shortest is not None:
                shortest_all = min(shortest_all, shortest)
            longest_all = max(longest_all, longest)
            heaviest_all = max(heaviest_all, heaviest)
            first = block_weights[0]
            alike = block_weights.count(first) == len(block_weights)  # counted in C
            if alike and first == 1.0:
                mini_weights: Any = None
            elif alike:
                mini_weights = first
            else:
                mini_weights = tuple(block_weights)
            # Whoosh's ``delta_encode``: each id less the one before it (the first less 0)
            deltas = tuple(map(sub, block_ids, [0, *block_ids[:-1]]))
            mini_values = self._values(values[start:end])
            level, data = _deflate(dumps((deltas, mini_weights, mini_values), 2))
            info = dumps(
                (
                    end - start,
                    block_ids[-1],
                    heaviest,
                    level,
                    length_byte(shortest),
                    length_byte(longest),
                ),
                2,
            )
            size = len(info) + len(data)
            parts += (pack_int(-size if end == count else size), info, data)
        blob = b"".join(parts)
        self._add(term, blob, total, count, shortest_all, longest_all, heaviest_all, ids)

    def _write_one(self, term: bytes, docnum: int, weight: float, value: bytes) -> None:
        """``write`` of a term with one posting: one block, the same bytes."""
        stored = weight if weight == 1.0 else array("f", (weight,))[0]  # as a block keeps it
        heaviest: Any = weight if weight > 0 else 0
        shortest, longest = self._length_range([docnum])
        dumps = whoosh3.dumps
        mini = ((docnum,), None if stored == 1.0 else stored, self._values([value]))
        level, data = _deflate(dumps(mini, 2))
        info = dumps((1, docnum, heaviest, level, length_byte(shortest), length_byte(longest)), 2)
        blob = WHOOSH3_HEADER_MAGIC + pack_int(-(len(info) + len(data))) + info + data
        self._add(term, blob, 0.0 + stored, 1, shortest, longest, heaviest, [docnum])

    def _add(
        self,
        term: bytes,
        blob: bytes,
        total: float,
        count: int,
        shortest: int | None,
        longest: int,
        heaviest: Any,
        ids: list[int],
    ) -> None:
        """A term's postings (``blob``) and its row in the terms table."""
        offset = self._offset
        self._offset += len(blob)
        self._chunks.append(blob)
        terminfo = _TERMINFO.pack(
            0,
            total,
            count,
            length_byte(shortest),
            length_byte(longest),
            heaviest,
            ids[0],
            ids[-1],
        )
        self._rows.append((self._prefix + term, terminfo + pack_long(offset) + pack_int(len(blob))))
        if self._offset - self._written > self.FLUSH_BYTES:
            self._flush()

    def _flush(self) -> None:
        self._postfile.write(b"".join(self._chunks))
        self._chunks = []
        self._written = self._offset
        _add_rows(self._tindex, self._rows)
        self._rows = []

    def finish(self) -> None:
        self._flush()
        self._fieldwriter.finish_field()


def _add_rows(tindex: Any, rows: list[tuple[bytes, bytes]]) -> None:
    """``tindex.add(key, value)`` for each row (Whoosh's ``OrderedHashWriter``: keys in
    order, each row's position kept in its index and its hash bucket), in one write."""
    if not rows:
        return
    dbfile = tindex.dbfile
    pos = dbfile.tell()
    index_append = tindex.index.append
    buckets = tindex.buckets
    hashfn = tindex.hashfn
    last = tindex.lastkey
    parts: list[bytes] = []
    for key, value in rows:
        if key <= last:
            raise ValueError(f"Keys must increase: {last!r}..{key!r}")
        index_append(pos)
        h = hashfn(key)
        buckets[h & 255].append((h, pos))
        head = _KEY_VALUE_LENGTHS.pack(len(key), len(value))
        parts += (head, key, value)
        pos += len(head) + len(key) + len(value)
        last = key
    dbfile.write(b"".join(parts))
    tindex.lastkey = last
