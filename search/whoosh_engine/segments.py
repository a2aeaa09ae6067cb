"""One new Whoosh segment from index documents, written in Whoosh's own format (the
query path reads it unchanged) at a fraction of the cost of Whoosh's ``SegmentWriter``.

Where Whoosh's writer spent a worker's time (``python -m benchmarks.scale.profile index``,
150 grown files, 5,884 index documents, the schema with a pair for every two words): 83%
in ``add_document`` and the commit, 17% in parsing. Every posting went through a generic
external sort (a 5-tuple sized, pickled into a run file and sorted with all the others), at
commit each posting's field length was read back from the column file on disk (a ``seek``
and ``read`` per posting), and every block of postings was deflated by a ``zlib.compress``
that sets up 256 KB of state (a block of one posting: most of the pairs' terms). Here:

- the postings of each term are gathered per field as a flat list ``[docnum, weight,
  value, …]``, already in document order (no sort of postings, only of terms);
- a text is split once for ``text`` and ``pairs`` (``resdex.search.whoosh_engine.postings``);
- field lengths and numeric columns are kept in memory and written whole with the segment;
- past ``limitmb`` of postings in memory, the terms are written out sorted as one run (a
  ``(field, term, postings)`` record each, by ``marshal``); at the end the runs and what is left in
  memory are merged term by term (``heapq.merge``) and written a whole term at a time in
  Whoosh's block format (``resdex.search.whoosh_engine.blocks``), small blocks undeflated.

The stored fields are pickled and written per document as Whoosh's column writer does them,
their lengths given to it whole with the segment (``GatheredBytes``): a record's deflated, a
paragraph's or footnote's as a zlib stream of stored blocks (``blocks.stored_zlib``). CPU seconds to
write the same 11,374 index documents
(300 grown files): Whoosh's writer 34.1, this one 10.9 with a pair for every two words;
11.6 and 5.9 with pairs of common words only (schema format 3). With ``blocks.EXACT`` set, the
files are Whoosh's byte for byte (``tests/test_index_segments.py``).
"""

from __future__ import annotations

import heapq
import marshal
import os
import struct
import tempfile
import zlib
from array import array
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh import columns, formats
from whoosh.codec.whoosh3 import LENGTHS_COLUMN
from whoosh.fields import COLUMN, FieldType, UnknownFieldError
from whoosh.writing import SegmentWriter

from resdex.search.schema import terms
from resdex.search.whoosh_engine import blocks
from resdex.search.whoosh_engine.blocks import FieldTerms, length_byte
from resdex.search.whoosh_engine.postings import (
    NumericColumns,
    Table,
    add_frequencies,
    add_positions,
    add_words,
    post,
    single_positions,
    word_values,
    words_field,
)
from resdex.search.whoosh_engine.stored import GatheredBytes

__all__ = ["FastSegmentWriter"]

# (field, term, [docnum, weight, value, docnum, weight, value, …])
Record = tuple[str, bytes, list[Any]]

# Bytes of memory a posting costs in the lists, on average (measured: ``sys.getsizeof``
# of the lists, the weights and the encoded positions of 150 grown files)
POSTING_BYTES = 56
_RECORD_SIZE = struct.Struct("<I")  # the length of a record of a run
RUN_MARSHAL = 3  # the ``marshal`` version of a run's records
RUN_BATCH = 3_000  # items of postings (3 a posting) in a batch of a run's records
TERM_BYTES = 160
# The stored field of the documents whose stored fields are deflated: a resolution's record
# (its ``data``; 200 records of the shared corpus: 3,607 bytes pickled, 2,987 deflated, in
# 130 µs each, once a resolution). The others, its paragraphs and footnotes, are written
# as they are (``blocks.stored_zlib``): 12,158 units, 421 bytes pickled, 268 deflated in
# 23.7 µs each, 432 stored in 1.1 µs (the index of 100k paragraphs: 0.6% larger)
DEFLATED = "data"


# (term, weight, encoded value) of each term of a value, and the field's length
Values = tuple[list[tuple[bytes, float, bytes]], int]
# distinct values remembered per field (``verbs``, ``body``, ``year``… repeat from one
# unit to the next); past this, the field's memo starts again
MEMO_VALUES = 4096


def _values(field: Any, value: Any) -> Values:
    """The postings of a field other than a ``words_field`` (IDs, keywords)."""
    values = word_values(field, value)
    length = sum(f for _, f, _, _ in values) if field.scorable else 0
    return [(t, w, v) for t, _, w, v in values], length


# How ``add_document`` adds a document of one shape (``FastSegmentWriter._plan_of``): its
# words fields (name, field, table, with positions), its other indexed fields (name, field,
# table), its numeric columns (name, conversion or None, default, its array of numbers by
# docnum: ``NumericColumns.put``), its other columns (name, column, field), its stored
# fields, and the length columns of the scorable fields it lacks (a 0 each)
Plan = tuple[
    tuple[tuple[str, Any, Table, bool], ...],
    tuple[tuple[str, Any, Table], ...],
    tuple[tuple[str, Any, Any, Any], ...],
    tuple[tuple[str, Any, Any], ...],
    tuple[str, ...],
    tuple["array[int]", ...],
]


def _is_positions(field: Any) -> bool:
    return type(field.format).word_values is not formats.Frequency.word_values


def _is_identity(field: Any) -> bool:
    """Whether ``field.to_column_value`` gives the value back (a ``COLUMN``)."""
    kind = type(field)
    return kind.to_column_value is FieldType.to_column_value and kind.to_bytes is COLUMN.to_bytes


def _numeric_type(column: Any) -> tuple[str, Any] | None:
    """(type code, default) of a numeric column whose numbers an ``array`` holds as the
    column's ``struct`` packs them (same width); None for any other column."""
    if type(column) is not columns.NumericColumn:
        return None
    code = column._typecode
    if code in "bBhHiIqQfd" and array(code).itemsize == struct.calcsize("!" + code):
        return code, column._default
    return None


def _write_column(perdoc: Any, name: str, column: Any, data: bytes, count: int) -> None:
    """A column's whole file, as its writer would have left it after ``count`` documents."""
    perdoc._create_column(name, column)
    writer = perdoc._colwriters[name]
    writer._dbfile.write(data)
    writer._count = count


class FastSegmentWriter(SegmentWriter):  # type: ignore[misc]
    """A ``whoosh.writing.SegmentWriter`` whose ``add_document`` and segment flush are
    replaced as the module says; deletions, merges and the commit are Whoosh's."""

    def __init__(self, ix: Any, *, limitmb: int = 128, **kwargs: Any) -> None:
        super().__init__(ix, limitmb=limitmb, **kwargs)
        self._limit = limitmb * 1024 * 1024
        self._postings: dict[str, Table] = {}
        self._count = 0  # postings in memory
        self._terms = 0  # terms in memory
        self._runs: list[str] = []
        self._run_dir: str | None = None
        self.runs_written = 0
        names = self.schema.names()
        self._fields = {name: self.schema[name] for name in names}
        # fields whose text is split into ``terms`` (once for all of them: add_words)
        self._words_fields = frozenset(n for n in names if words_field(self.schema[n]))
        self._numeric = NumericColumns()
        # per field: its postings of each value seen (``_values_of``; none with ``blocks.EXACT``)
        self._memo: dict[str, dict[str, Values]] = {n: {} for n in names}
        self._numeric_types = {
            n: t for n in names if (t := _numeric_type(self.schema[n].column_type)) is not None
        }
        # per field: (field, indexed, stored, column type, (type code, default) of a numeric
        # column or None)
        self._plan = {
            n: (f, f.indexed, f.stored, f.column_type, self._numeric_types.get(n))
            for n, f in self._fields.items()
        }
        self._plans: dict[tuple[str, ...], Plan] = {}  # by a document's fields, in order
        self._scorable = [n for n in names if self.schema[n].scorable]
        self._lengths: dict[str, array[int]] = {n: array("B") for n in self._scorable}
        # the stored fields of each document are deflated too (Whoosh's ``STORED_COLUMN``)
        pickled = self.perdocwriter._colwriters["_stored"]
        stored = pickled._child
        if not blocks.EXACT and getattr(stored, "_compress", None) is zlib.compress:
            stored._compress = blocks.deflate
        # the stored fields pickled, deflated and written per document as Whoosh's column
        # writer does, their lengths given to it whole with the segment (``GatheredBytes``);
        # a paragraph's or footnote's (without ``DEFLATED``) as a zlib stream of stored
        # blocks (``blocks.stored_zlib``)
        self._stored: GatheredBytes | None = None
        if (
            type(pickled) is columns.PickleColumn.Writer
            and type(stored) is columns.CompressedBytesColumn.Writer
        ):
            self._stored = GatheredBytes(stored)
            self._compress = stored._compress
            self._level = stored._level
            self._unit_compress = stored._compress if blocks.EXACT else blocks.stored_zlib

    # --- adding ---------------------------------------------------------------------------

    def _check_names(self, keys: Iterable[str]) -> None:
        """``UnknownFieldError`` for a field the schema has not (as Whoosh's
        ``add_document``)."""
        for name in keys:
            if name not in self._fields and not name.startswith("_"):
                raise UnknownFieldError(f"No field named {name!r} in {self.schema}")

    def _plan_for(self, keys: tuple[str, ...]) -> Plan:
        """The plan of a document with the fields ``keys`` (``_check_names`` first)."""
        plan = self._plans.get(keys)
        if plan is None:
            plan = self._plan_of(keys)
            if len(self._plans) < MEMO_VALUES:
                self._plans[keys] = plan
        return plan

    def _plan_of(self, keys: tuple[str, ...]) -> Plan:
        """How ``add_document`` adds a document with the fields ``keys`` (made once for
        each shape of document: paragraphs, footnotes, records… all look alike)."""
        self._check_names(keys)
        names = sorted(name for name in keys if not name.startswith("_"))
        words: list[tuple[str, Any, Table, bool]] = []
        values: list[tuple[str, Any, Table]] = []
        numbers: list[tuple[str, Any, Any, Any]] = []
        others: list[tuple[str, Any, Any]] = []
        for name in names:
            field, indexed, _, column, kind = self._plan[name]
            if indexed:
                table = self._postings.setdefault(name, {})
                if name in self._words_fields:
                    words.append((name, field, table, _is_positions(field)))
                else:
                    values.append((name, field, table))
            if column:
                if kind is not None:
                    default, numbers_of = self._numeric.column(name, *kind)
                    convert = None if _is_identity(field) else field.to_column_value
                    numbers.append((name, convert, default, numbers_of))
                else:
                    others.append((name, column, field))
        stored = tuple(name for name in names if self._plan[name][2])
        present = {name for name, *_ in words} | {name for name, *_ in values}
        absent = tuple(self._lengths[n] for n in self._scorable if n not in present)
        return tuple(words), tuple(values), tuple(numbers), tuple(others), stored, absent

    def add_document(self, **fields: Any) -> None:
        self.add_fields(fields)

    def add_fields(self, fields: dict[str, Any]) -> None:
        """``add_document(**fields)`` of a document's fields as they are (``fields`` is
        left unchanged): a call with twenty keywords copies them into a new dictionary."""
        self._check_state()
        if None in fields.values():  # a field given as None is left out, once known
            self._check_names(fields)
            fields = {k: v for k, v in fields.items() if v is not None}
        plan = self._plan_for(tuple(fields))
        words, values, numbers, others, stored_names, absent = plan
        perdoc = self.perdocwriter
        docnum = self.docnum
        lengths = self._lengths
        added = new_terms = 0
        found_lengths: list[tuple[str, int]] = []  # (scorable field, its length) in the document
        perdoc.start_doc(docnum)
        try:
            # first what may fail on a bad value: the numbers (out of range), the texts (not
            # UTF-8), the pickled columns
            put = self._numeric.put
            for name, convert, default, numbers_of in numbers:
                number = fields[name] if convert is None else convert(fields[name])
                if number == default:
                    continue
                if len(numbers_of) == docnum:  # the document before had one too (most)
                    numbers_of.append(number)  # out of range: fails here, nothing added
                else:
                    put(numbers_of, default, docnum, number)
            texts: list[list[str] | None] = []  # the terms of each words field's text
            text: Any = None
            text_words: list[str] | None = None
            for name, _, _, _ in words:
                value = fields[name]
                if type(value) is not str:
                    texts.append(None)
                    continue
                if value is not text and value != text:  # text and pairs: the same text
                    value.encode("utf-8")  # terms are kept as str: fail now, not later
                    text, text_words = value, terms(value)
                texts.append(text_words)
            for name, column, field in others:
                perdoc.add_column_value(name, column, field.to_column_value(fields[name]))
            for (name, field, table, positions), found in zip(words, texts, strict=True):
                if found is None:  # not a text: as Whoosh indexes it
                    items, length = _values(field, fields[name])
                    count, new = len(items), post(table, docnum, items)
                elif blocks.EXACT:
                    count, new, length = add_words(table, field, found, docnum, exact=True)
                else:
                    found = field.analyzer.from_words(found)
                    length = len(found)
                    fmt = field.format
                    if positions:
                        single = single_positions(fmt, length)
                        count, new = add_positions(table, found, docnum, single, fmt.encode)
                    else:
                        count, new = add_frequencies(table, found, docnum)
                added += count
                new_terms += new
                found_lengths.append((name, length))
            memo = self._memo
            for name, field, table in values:
                value = fields[name]
                items_length = memo[name].get(value) if type(value) is str else None
                if items_length is None:
                    items_length = self._values_of(name, field, value)
                items, length = items_length
                found_lengths.append((name, length))
                if len(items) != 1:
                    added += len(items)
                    new_terms += post(table, docnum, items)
                    continue
                # one term (an ID, most keywords): ``post`` without a call
                term, weight, vbytes = items[0]
                known = table.get(term)
                if known is None:  # a new term (rare: most values repeat)
                    known = table[term] = []
                    new_terms += 1
                known += (docnum, weight, vbytes)
                added += 1
        except Exception:
            perdoc.cancel_doc()
            self._numeric.drop(docnum)
            raise
        fieldlengths = perdoc._fieldlengths
        for name, length in found_lengths:
            column = lengths.get(name)
            if column is not None:
                column.append(length_byte(length))
                if length:
                    fieldlengths[name] += length
        for column in absent:
            column.append(0)
        if stored_names:
            if self._stored is not None:  # as finish_doc's column would: pickled, deflated
                kept = {name: fields[name] for name in stored_names}
                compress = self._compress if DEFLATED in kept else self._unit_compress
                self._stored.add(docnum, compress(columns.dumps(kept, 2), self._level))
            else:
                stored = perdoc._storedfields
                for name in stored_names:
                    stored[name] = fields[name]
        perdoc.finish_doc()
        self._added = True
        self.docnum += 1
        self._count += added
        self._terms += new_terms
        if self._count * POSTING_BYTES + self._terms * TERM_BYTES > self._limit:
            self._spill()

    def _values_of(self, name: str, field: Any, value: Any) -> Values:
        """``_values(field, value)``, remembered for a str value (not with ``blocks.EXACT``: the
        values of its postings are then made anew each time, as Whoosh does)."""
        if blocks.EXACT or type(value) is not str:
            return _values(field, value)
        memo = self._memo[name]
        found = memo.get(value)
        if found is None:
            if len(memo) >= MEMO_VALUES:
                memo.clear()
            found = memo[value] = _values(field, value)
        return found

    # --- runs -----------------------------------------------------------------------------

    def _sorted_records(self) -> Iterator[Record]:
        postings = self._postings
        for name in sorted(postings):
            table = postings[name]
            for term in sorted(table):  # str keys (add_words): in the order of their bytes
                key = term if type(term) is bytes else term.encode("utf-8")
                yield name, key, table[term]

    def _spill(self) -> None:
        """Write the postings in memory out as one sorted run, and forget them."""
        if self._run_dir is None:
            self._run_dir = tempfile.mkdtemp(prefix="resdex-runs-", dir=self.storage.folder)
        path = os.path.join(self._run_dir, f"{len(self._runs):04d}.run")
        with open(path, "wb") as f:
            # by ``marshal`` (a record is strs, bytes, ints and floats): its version 3
            # writes and reads them back in 0.8 of the time ``pickle`` takes; a batch of
            # records at a time, of ``RUN_BATCH`` items of postings (a batch of each run is
            # held while the runs are merged: about 2 MB for 20 runs)
            batch: list[Record] = []
            items = 0
            for record in self._sorted_records():
                batch.append(record)
                items += len(record[2])
                if items >= RUN_BATCH:
                    _write_batch(f, batch)
                    batch, items = [], 0
            if batch:
                _write_batch(f, batch)
        self._runs.append(path)
        self.runs_written += 1
        self._postings = {}
        self._plans = {}  # they hold the tables
        self._count = self._terms = 0

    @staticmethod
    def _read_run(path: str) -> Iterator[Record]:
        size = _RECORD_SIZE.size
        loads = marshal.loads
        with open(path, "rb", buffering=1 << 20) as f:
            while head := f.read(size):
                (length,) = _RECORD_SIZE.unpack(head)
                batch: list[Record] = loads(f.read(length))
                yield from batch

    def _merged(self) -> Iterator[Record]:
        """Every term of the segment in order, its postings from all runs joined (the runs
        are in document order, so their lists are too)."""
        sources = [self._read_run(p) for p in self._runs] + [self._sorted_records()]
        if len(sources) == 1:
            yield from sources[0]
            return
        # records compared whole: by field and term, then a term's postings of two runs
        # by their first docnum (the earlier run's first, as their order of runs)
        merged = heapq.merge(*sources)
        current = next(merged, None)
        if current is None:
            return
        name, term, postings = current
        for rname, rterm, rpostings in merged:
            if rterm == term and rname == name:
                postings.extend(rpostings)
                continue
            yield name, term, postings
            name, term, postings = rname, rterm, rpostings
        yield name, term, postings

    # --- the segment ----------------------------------------------------------------------

    def _write_columns(self) -> None:
        """The numeric columns and the field lengths (Whoosh's ``_NAME_len`` columns: a
        byte per document up to the last with a length, only for a field with some)."""
        perdoc = self.perdocwriter
        if self._stored is not None:
            self._stored.finish()
        for name, data, count in self._numeric.written():
            _write_column(perdoc, name, self.schema[name].column_type, data, count)
        for name in self._scorable:
            lengths = self._lengths[name].tobytes().rstrip(b"\0")
            if lengths:
                _write_column(perdoc, f"_{name}_len", LENGTHS_COLUMN, lengths, len(lengths))

    def _flush_segment(self) -> None:
        self._write_columns()
        self.perdocwriter.close()
        fieldwriter = self.fieldwriter
        field: FieldTerms | None = None
        last = None
        for name, term, postings in self._merged():
            if name != last:
                if field is not None:
                    field.finish()
                lengths = self._lengths.get(name)
                field = FieldTerms(fieldwriter, name, self.schema[name], lengths, self.docbase)
                last = name
            assert field is not None
            field.write(term, postings)
        if field is not None:
            field.finish()
        fieldwriter.close()
        self._drop_runs()

    def _drop_runs(self) -> None:
        for path in self._runs:
            with _suppress_os():
                os.remove(path)
        if self._run_dir is not None:
            with _suppress_os():
                os.rmdir(self._run_dir)
        self._runs = []
        self._run_dir = None
        self._postings = {}
        self._plans = {}

    def _close_segment(self) -> None:
        super()._close_segment()
        self._drop_runs()

    def cancel(self) -> None:
        self._drop_runs()
        super().cancel()


def _write_batch(f: Any, batch: list[Record]) -> None:
    """A batch of a run's records: its length, then the records by ``marshal``."""
    data = marshal.dumps(batch, RUN_MARSHAL)
    f.write(_RECORD_SIZE.pack(len(data)))
    f.write(data)


def _suppress_os() -> Any:
    import contextlib

    return contextlib.suppress(OSError)
