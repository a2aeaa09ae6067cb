"""The per-unit columns of an index segment, read whole into arrays and kept per process.

Each segment of a resdex index (format 2) holds, beside its postings and stored fields, one
fixed-width column per fact of ``resdex.search.schema.COLUMNS``: unit, kind, body, draft
or adopted, session, year, adoption date, order, resolution, verb. One read of each column
(a slice of the memory-mapped segment) gives an ``array`` indexed by document number, so
that totals, groups, filters and chronological order cost a lookup per match, without
scoring or unpickling a stored field. Segments never change once written (only their
deleted documents do, which are read per query), so the arrays are cached by segment id.
"""

from __future__ import annotations

import functools
import re
import sys
import threading
import weakref
import zlib
from array import array
from bisect import bisect_right
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from whoosh.reading import TermNotFound

from resdex.indexer.errors import ResdexError
from resdex.search.results import Resolved
from resdex.search.schema import (
    COL_CITES,
    COL_FILE,
    COL_META,
    COL_ORDER,
    COL_UNIT,
    COLUMNS,
    TEXT_UNIT_CODES,
    UNIT_CODES,
    UNIT_DOCUMENT,
)
from resdex.search.targets import target_key
from resdex.search.whoosh_engine.access import ColumnCells, column_bytes, column_cells
from resdex.search.whoosh_engine.safe_pickle import loads

if TYPE_CHECKING:
    from resdex.indexer.models import Resolution

K = TypeVar("K")
V = TypeVar("V")

# the rank of a unit with neither session nor year: after every dated one
UNDATED = 10**6


class MissingColumns(ResdexError):
    """The index was written without the per-unit columns (before format 2)."""


@dataclass(frozen=True, slots=True)
class SegmentColumns:
    """The columns of one segment, indexed by its document numbers."""

    doc_count: int
    unit: array[int]
    kind: array[int]
    body: array[int]
    draft: array[int]
    session: array[int]
    year: array[int]
    adopted: array[int]
    order: array[int]
    res: array[int]
    verb: array[int]


class SegmentCache(Generic[K, V]):
    """What was read of a segment, by segment (its id and documents: a segment never
    changes), for at most ``most`` segments, the least recently used forgotten first: a
    long-lived server sees the segments of every generation it has served. Thread-safe."""

    def __init__(self, most: int) -> None:
        self.most = most
        self._items: OrderedDict[K, V] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: K) -> V | None:
        with self._lock:
            found = self._items.get(key)
            if found is not None:
                self._items.move_to_end(key)
            return found

    def put(self, key: K, value: V) -> V:
        with self._lock:
            self._items[key] = value
            while len(self._items) > self.most:
                self._items.popitem(last=False)
        return value


# segments whose facts are kept (an index has a few; a new generation brings a few more)
SEGMENTS_KEPT = 64
_CACHE: SegmentCache[tuple[str, int], SegmentColumns] = SegmentCache(SEGMENTS_KEPT)


def _read_column(segreader: Any, name: str, code: str, doc_count: int) -> array[int]:
    values: array[int] = array(code)
    raw = column_bytes(segreader, name)
    if raw is not None:
        values.frombytes(raw)
        if sys.byteorder == "little":  # Whoosh writes them big-endian ("!" + code)
            values.byteswap()
    missing = doc_count - len(values)
    if missing > 0:  # Whoosh leaves out the defaults (0) after the last value
        values.frombytes(bytes(missing * values.itemsize))
    return values


def segment_key(segreader: Any) -> tuple[str, int]:
    """What is read of a segment is kept under (its id, its documents): a segment never
    changes."""
    return segreader.segment().segment_id(), segreader.doc_count_all()


def segment_columns(segreader: Any) -> SegmentColumns:
    """The columns of a Whoosh ``SegmentReader``'s segment (cached)."""
    key = segment_key(segreader)
    doc_count = key[1]
    found = _CACHE.get(key)
    if found is not None:
        return found
    if COL_UNIT not in segreader.schema:
        raise MissingColumns(
            "the index was built by an older resdex; rebuild it: resdex index --rebuild PATH"
        )
    arrays = {
        attribute: _read_column(segreader, name, code, doc_count)
        for name, code, attribute in COLUMNS
    }
    return _CACHE.put(key, SegmentColumns(doc_count=doc_count, **arrays))


def leaves(searcher: Any) -> list[tuple[Any, int, Any]]:
    """(sub-searcher, document offset, SegmentReader) for each segment of ``searcher``."""
    subs = searcher.subsearchers or [(searcher, 0)]
    return [(sub, offset, sub.reader()) for sub, offset in subs]


_LENGTHS: SegmentCache[tuple[str, int, str], array[int]] = SegmentCache(4 * SEGMENTS_KEPT)


@functools.cache
def _length_planes() -> tuple[bytes, bytes, bytes]:
    """The length Whoosh reads for each length byte (``byte_to_length``; 1 for 0: "no
    length"), as three translation tables: its low, middle and high byte (the longest,
    106,374, takes 17 bits)."""
    from whoosh.util.numeric import byte_to_length

    lengths = [1] + [byte_to_length(b) for b in range(1, 256)]
    return (
        bytes(n & 0xFF for n in lengths),
        bytes(n >> 8 & 0xFF for n in lengths),
        bytes(n >> 16 for n in lengths),
    )


def field_lengths(segreader: Any, field: str) -> array[int]:
    """The length of ``field`` in every document of a segment, as Whoosh's weighting reads
    it (``doc_field_length(doc, field, 1)``: its one-byte approximation; 1 when absent).

    An ``array`` made in C (each byte translated into the three bytes of its length,
    interleaved into 32-bit numbers), not a list: a list of a million paragraphs' lengths
    took 20 ms to make, and the garbage collector walked all its items on each of its
    full passes (12 of the 30 ms such a pass took with the 1M index open, ``cites``'s
    slowest runs)."""
    key = (*segment_key(segreader), field)
    doc_count = key[1]
    found = _LENGTHS.get(key)
    if found is None:
        raw = _read_column(segreader, f"_{field}_len", "B", doc_count).tobytes()
        interleaved = bytearray(4 * len(raw))
        first = 0 if sys.byteorder == "little" else 3
        step = 1 if sys.byteorder == "little" else -1
        for i, plane in enumerate(_length_planes()):
            interleaved[first + step * i :: 4] = raw.translate(plane)
        lengths = array("I")
        lengths.frombytes(interleaved)
        found = _LENGTHS.put(key, lengths)
    return found


# --- the resolution's record, for what units no longer store ------------------------------


@dataclass(frozen=True, slots=True)
class _Records:
    """The records of a segment: where each resolution's is, and what was read of them.
    Two arrays, not a dict of some 30,000 Python ints a segment at a million paragraphs:
    made in the middle of a query's garbage (the first hit of the segment), such objects
    outlive it scattered over Python's memory arenas, which later queries then fill."""

    codes: array[int]  # the records' resolution codes, in order
    docs: array[int]  # the document number of each
    metas: dict[int, tuple[int, Resolved]]  # resolution code -> (its record, metadata), read

    def place(self, res: int, dead: Callable[[int], bool]) -> int:
        """The document number of resolution ``res``'s record: the last one not ``dead``
        (deleted), or -1. Two files of one symbol in one run may land in one segment,
        the superseded one's record (deleted) after the other's."""
        i = bisect_right(self.codes, res) - 1
        while i >= 0 and self.codes[i] == res:
            if not dead(self.docs[i]):
                return self.docs[i]
            i -= 1
        return -1


_RECORDS: SegmentCache[tuple[str, int], _Records] = SegmentCache(SEGMENTS_KEPT)
_RECORDS_OF: weakref.WeakKeyDictionary[Any, _Records] = weakref.WeakKeyDictionary()


def _records(segreader: Any) -> _Records:
    found = _RECORDS_OF.get(segreader)
    if found is None:
        key = segment_key(segreader)
        found = _RECORDS.get(key)
        if found is None:
            columns = segment_columns(segreader)
            # the records' places, found by ``re`` in the one-byte unit column (C speed)
            record = re.escape(bytes([UNIT_CODES[UNIT_DOCUMENT]]))
            places = (m.start() for m in re.finditer(record, columns.unit.tobytes()))
            pairs = sorted((columns.res[doc], doc) for doc in places)
            codes, docs = array("q", (p[0] for p in pairs)), array("q", (p[1] for p in pairs))
            found = _RECORDS.put(key, _Records(codes, docs, {}))
        _RECORDS_OF[segreader] = found
    return found


def _dead(segreader: Any, deleted: frozenset[int] | None) -> Callable[[int], bool]:
    """Whether a document of a segment is deleted (``deleted``: its deleted documents,
    when the caller has them)."""
    return segreader.is_deleted if deleted is None else deleted.__contains__


def record_meta(segreader: Any, res: int, deleted: frozenset[int] | None = None) -> Resolved | None:
    """The metadata of the record of resolution ``res`` (its ``c_res`` code) in a segment,
    from its ``c_meta``, session and year columns: no stored field (a record's carry its
    big ``data``). Cached per process: a segment and its records never change;
    ``deleted``: the segment's deleted documents, when the caller has them."""
    records = _records(segreader)
    found = records.metas.get(res)
    if found is None:
        doc = records.place(res, _dead(segreader, deleted))
        if doc < 0:
            return None
        found = records.metas[res] = (
            doc,
            _resolved(segreader, segment_columns(segreader), doc, doc),
        )
    doc, meta = found
    return None if _dead(segreader, deleted)(doc) else meta


def unit_meta(segreader: Any, columns: SegmentColumns, doc: int) -> Resolved:
    """The metadata of the resolution of unit ``doc`` of a segment (a paragraph, footnote
    or record: units store none of it): session and year from the unit's columns; the
    symbol as written, body, adoption date and title from its record's ``c_meta``, read
    each time and kept nowhere: a search listing every hit asks for thousands, and objects
    kept from the middle of its garbage would pin Python's memory arenas (those kept after
    such a query made the next ones up to twice slower: ``record_meta`` caches)."""
    record = _records(segreader).place(columns.res[doc], segreader.is_deleted)
    return _resolved(segreader, columns, doc, record)


def _resolved(segreader: Any, columns: SegmentColumns, doc: int, record: int) -> Resolved:
    """The metadata of the resolution of document ``doc`` of a segment: session and year
    from its columns, the rest from the ``c_meta`` of its record ``record`` (-1: none)."""
    meta = _pickled(segreader, COL_META, record) if record >= 0 else None
    symbol, body, adopted, title = meta or ("", "", "", "")
    return Resolved(
        symbol=symbol,
        body=body,
        session=columns.session[doc] or None,
        year=columns.year[doc] or None,
        adopted=adopted or None,
        title=title or None,
    )


def leaf_of(reader: Any, docnum: int) -> tuple[Any, int]:
    """(segment reader, its document number) of document ``docnum`` of a reader (a whole
    index's, or a segment's)."""
    leaves = list(reader.leaf_readers())
    i = bisect_right([offset for _, offset in leaves], docnum) - 1
    segreader, offset = leaves[i]
    return segreader, docnum - offset


def file_documents(segreader: Any, symkey: str, code: int) -> list[tuple[int, int]]:
    """(unit code, document number) of each live document of resolution ``symkey`` in a
    segment indexed from the file ``code`` (their ``c_file``): a record and its units,
    not a superseded file's of the same symbol."""
    try:
        ids = list(segreader.postings("symkey", symkey).all_ids())
    except TermNotFound:
        return []
    files = segreader.column_reader(COL_FILE)
    units = segreader.column_reader(COL_UNIT)
    return [(units[doc], doc) for doc in ids if files[doc] == code]


# the pickled columns of each open segment reader, by name
_CELLS: weakref.WeakKeyDictionary[Any, dict[str, ColumnCells | None]] = weakref.WeakKeyDictionary()


def _cell(segreader: Any, name: str, doc: int) -> bytes:
    """The bytes of document ``doc`` in the column ``name`` of a segment (b"": none)."""
    cells = _CELLS.get(segreader)
    if cells is None:
        cells = _CELLS[segreader] = {}
    if name not in cells:
        cells[name] = column_cells(segreader, name)
    column = cells[name]
    return column[doc] if column is not None else b""


def _pickled(segreader: Any, name: str, doc: int) -> Any:
    """The value of document ``doc`` in a pickled column (``PICKLED_COLUMNS``), or None."""
    raw = _cell(segreader, name, doc)
    return loads(raw) if raw else None


# Whoosh's column of the stored fields (``whoosh.codec.whoosh3``: a deflated pickle each)
STORED_COLUMN = "_stored"


def stored_fields(segreader: Any, doc: int) -> dict[str, Any]:
    """``segreader.stored_fields(doc)``, read as ``ColumnCells`` reads a value: Whoosh's
    own reader reads the length and offset of every document of the segment first (12
    bytes each, byte-swapped), 8 to 15 ms for each of the shared corpus's two big
    segments, most of what a cold ``resdex search`` spent reading its ten hits."""
    raw = _cell(segreader, STORED_COLUMN, doc)
    return loads(zlib.decompress(raw)) if raw else {}


# The decoded ``c_cites`` rows of a segment: each costs an unpickling (the restricted one of
# ``safe_pickle``), as much as the rest of ``cites`` spends on its unit; at most CITED_KEPT
# rows a segment, then forgotten all at once
_ROWS: SegmentCache[tuple[str, int], dict[int, Any]] = SegmentCache(SEGMENTS_KEPT)
CITED_KEPT = 1 << 15
_UNSET = object()  # a row not decoded yet (None is a row: a unit citing nothing)


def cited_rows(segreader: Any, docs: list[int]) -> list[Any]:
    """The ``c_cites`` column of each of ``docs`` in a segment: (label, footnote numbers,
    ((target, surface, via footnote | None), ...)) or None. Rows once decoded are kept
    (``CITED_KEPT``); safe across the web server's threads (a row another thread forgot
    meanwhile is decoded again)."""
    key = segment_key(segreader)
    kept = _ROWS.get(key)
    if kept is None:
        kept = _ROWS.put(key, {})
    found = {doc: kept.get(doc, _UNSET) for doc in docs}
    missing = [doc for doc, row in found.items() if row is _UNSET]
    if missing:
        if len(kept) + len(missing) > CITED_KEPT:
            kept.clear()
        for doc in missing:
            found[doc] = kept[doc] = _pickled(segreader, COL_CITES, doc)
    return [found[doc] for doc in docs]


def resolution_at(reader: Any, docnum: int) -> Resolution:
    """The Resolution of the record ``docnum`` of ``reader`` (a segment's, or a whole
    index's): the record's data and the stored texts of its units (those of its file, in
    its segment), in order (the record keeps no texts:
    ``resdex.search.documents.pack_resolution``)."""
    segreader, doc = leaf_of(reader, docnum)
    stored = stored_fields(segreader, doc)
    code = segreader.column_reader(COL_FILE)[doc]
    found = file_documents(segreader, target_key(stored["symbol"]), code)
    order = segreader.column_reader(COL_ORDER)
    units = sorted((order[d], d) for unit, d in found if unit in TEXT_UNIT_CODES)
    texts = [stored_fields(segreader, d).get("text", "") for _, d in units]
    from resdex.search.documents import unpack_resolution  # the write side's module

    return unpack_resolution(stored["data"], texts)
