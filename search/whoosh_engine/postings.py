"""What one document adds to a ``FastSegmentWriter`` (``resdex.search.whoosh_engine.segments``),
kept in memory until the segment is written: each term's postings as a flat list
``[docnum, weight, value, …]`` per field, and the per-unit numbers of the numeric columns
(and the field lengths), written whole when the segment is.

A text is split into its words once (``resdex.search.schema.terms``) for every field that
holds it (``text`` and ``pairs``: the same paragraph), and its postings go straight into
the field's table without a tuple per term.
"""

from __future__ import annotations

import collections
import functools
import sys
from array import array
from collections import _count_elements  # type: ignore[attr-defined]
from collections.abc import Iterable, Iterator
from operator import sub
from typing import Any

from whoosh import formats
from whoosh.analysis.tokenizers import IDTokenizer

from resdex.search.schema import terms
from resdex.search.whoosh_engine.schema import CompactPositions, SymbolTokenizer

# term -> [docnum, weight, encoded value, docnum, …]; a term as bytes, or as str for a
# ``words_field`` (encoded once when the table is written: UTF-8 keeps the order)
Table = dict[Any, list[Any]]

# shared objects for the most frequent values of a posting (a word once in a paragraph):
# fewer objects to build, less memory per posting, and a block's pickle refers to a value
# it already holds instead of repeating it (``exact``: made anew each time, as Whoosh does)
_WEIGHTS = tuple(float(n) for n in range(256))
_WEIGHTS_KNOWN = len(_WEIGHTS)
_ONE_POSITION: dict[type, list[bytes]] = {}
_OWN_WORD_VALUES = (formats.Positions.word_values, formats.Frequency.word_values)
_COMPACT_ENCODE = CompactPositions.encode
_consume: Any = collections.deque(maxlen=0).extend  # runs an iterator of calls made in C
_append = list.append


@functools.cache
def _frequency_value(freq: int) -> tuple[float, bytes]:
    """(weight, encoded value) of a term frequency: the same few small numbers, made once."""
    from whoosh.system import pack_uint

    return float(freq), pack_uint(freq)


def words_field(field: Any) -> bool:
    """Whether ``add_words`` indexes ``field``'s text (a ``SymbolTokenizer``, with
    positions or frequencies, no boost) as Whoosh's ``field.index`` would."""
    fmt = field.format
    return (
        isinstance(field.analyzer, SymbolTokenizer)
        and type(fmt).word_values in _OWN_WORD_VALUES
        and fmt.field_boost == 1.0
    )


def single_positions(fmt: Any, size: int) -> list[bytes]:
    """The encoded value of each position alone, 0 to at least ``size`` - 1, in ``fmt``'s
    encoding: shared, made once."""
    single = _ONE_POSITION.get(type(fmt))  # each format encodes its own
    if single is None or len(single) < size:
        single = _ONE_POSITION[type(fmt)] = [fmt.encode([p]) for p in range(max(size, 1024))]
    return single


def add_words(
    table: Table, field: Any, words: list[str], docnum: int, *, exact: bool = False
) -> tuple[int, int, int]:
    """Add the postings of one document's text, split into ``words`` (its ``terms``), to
    a ``words_field``'s ``table``: (postings added, terms new to the table, the field's
    length in the document: how many terms its analyzer made of the words). ``exact``:
    each posting's value made anew, as Whoosh does (``blocks.EXACT``)."""
    fmt = field.format
    found = field.analyzer.from_words(words)
    size = len(found)
    if type(fmt).word_values is formats.Frequency.word_values:
        return (*add_frequencies(table, found, docnum), size)
    if not exact:
        return (*add_positions(table, found, docnum, single_positions(fmt, size), fmt.encode), size)
    # each term's positions, in the order of first appearance
    where: dict[str, list[int]] = {}
    for pos, text in enumerate(found):
        where.setdefault(text, []).append(pos)
    items = [(w, _weight(len(p)), fmt.encode(p)) for w, p in where.items()]
    return len(items), post(table, docnum, items), size


def _weight(n: int) -> float:
    return _WEIGHTS[n] if n < len(_WEIGHTS) else float(n)


def add_positions(
    table: Table, words: list[str], docnum: int, single: list[bytes], encode: Any
) -> tuple[int, int]:
    """``add_words`` of a ``Positions`` field's terms ``words`` (not in ``exact`` mode) in
    one loop over its distinct terms, without a tuple per posting: (postings added, terms new
    to ``table``). ``single``: the encoded value of each position alone (at least
    ``len(words)`` of them), ``encode`` the format's (a list of positions -> bytes); a
    term's positions all under 128 are encoded here as ``CompactPositions.encode`` does
    (their gaps, a byte each), without the call."""
    # each term's positions, gathered in C (the terms in the order of first appearance):
    # no count first, no path of its own for a text of distinct terms (fewer instructions)
    where: dict[str, list[int]] = {word: [] for word in words}
    _consume(map(_append, map(where.__getitem__, words), range(len(words))))
    get = table.get
    compact = getattr(encode, "__func__", None) is _COMPACT_ENCODE
    new = 0
    for word, at in where.items():
        count = len(at)
        if count == 1:
            weight = 1.0
            value = single[at[0]]
        else:
            weight = _WEIGHTS[count] if count < _WEIGHTS_KNOWN else float(count)
            value = bytes(map(sub, at, [0, *at])) if compact and at[-1] < 0x80 else encode(at)
        known = get(word)
        if known is None:
            table[word] = [docnum, weight, value]
            new += 1
        else:
            known += (docnum, weight, value)
    return len(where), new


def _counts(words: list[str]) -> dict[str, int]:
    """How many times each word occurs, counted in C (``Counter(words)`` without its checks
    in Python, 1.5 µs a call: a fifth of the time of a short text's postings)."""
    counts: dict[str, int] = {}
    _count_elements(counts, words)
    return counts


def add_frequencies(table: Table, found: list[str], docnum: int) -> tuple[int, int]:
    """``add_words`` of a ``Frequency`` field's terms ``found`` in one loop: (postings
    added, terms new to ``table``)."""
    counts = _counts(found)
    if len(counts) < len(found):
        items = [(w, *_frequency_value(n)) for w, n in counts.items()]
        return len(items), post(table, docnum, items)
    # every term once (most texts' pairs): the one value, no tuple per term
    weight, value = _frequency_value(1)
    return len(found), _post_alike(table, docnum, found, weight, value)


def _post_alike(table: Table, docnum: int, words: list[str], weight: float, value: bytes) -> int:
    """``post`` of distinct ``words`` with one and the same weight and value, the tuple of
    their posting made once: how many are new to ``table``."""
    get = table.get
    posting = (docnum, weight, value)
    new = 0
    for word in words:
        known = get(word)
        if known is None:
            table[word] = [docnum, weight, value]
            new += 1
        else:
            known += posting
    return new


def post(table: Table, docnum: int, items: Iterable[tuple[Any, float, bytes]]) -> int:
    """Add a document's postings, (term, weight, encoded value) each, to ``table``: how
    many of its terms are new to it."""
    new = 0
    for term, weight, vbytes in items:
        known = table.get(term)
        if known is None:
            table[term] = [docnum, weight, vbytes]
            new += 1
        else:
            known += (docnum, weight, vbytes)
    return new


def word_values(field: Any, value: Any) -> list[tuple[bytes, int, float, bytes]]:
    """``field.index(value)``: (term bytes, frequency, weight, encoded value) for each
    distinct term, as ``add_words`` and the writer's ID path make them; any other field
    goes through Whoosh."""
    if isinstance(value, str) and words_field(field):
        table: Table = {}
        add_words(table, field, terms(value), 0)
        return [(t.encode("utf-8"), int(w), w, v) for t, (_, w, v) in table.items()]
    if (
        isinstance(value, str)
        and type(field.analyzer) is IDTokenizer
        and type(field.format) is formats.Existence
        and field.format.field_boost == 1.0
    ):
        return [(value.encode("utf-8"), 1, 1.0, b"")]
    return list(field.index(value))


class NumericColumns:
    """The values of a segment's numeric columns (Whoosh's ``NumericColumn``: one
    fixed-width big-endian number per document) gathered per column and written whole with
    the segment: Whoosh's column writer writes each value on its own (and every missing one
    before it), a call and a write per unit and column.

    Each column is one array of its numbers by docnum, as long as the last document with a
    number other than the default (the ones before it without one hold the default, filled
    in when the next number comes): a unit's ten numbers take 28 bytes, not the 108 of a
    docnum (8 bytes) beside each number (67 MB a worker at a million paragraphs)."""

    def __init__(self) -> None:
        # column name -> (default, numbers by docnum)
        self._values: dict[str, tuple[Any, array[Any]]] = {}

    def column(self, name: str, typecode: str, default: Any) -> tuple[Any, array[Any]]:
        """(default, numbers) of a column (``typecode``: its ``struct`` and ``array``
        code); ``put`` a document's number other than the default into ``numbers``."""
        found = self._values.get(name)
        if found is None:
            found = self._values[name] = (default, array(typecode))
        return found

    @staticmethod
    def put(numbers: array[Any], default: Any, docnum: int, number: Any) -> None:
        """Set document ``docnum``'s number (out of range: an error, nothing set), the
        documents before it without one given the default."""
        missing = docnum - len(numbers)
        if missing:
            numbers.extend(array(numbers.typecode, [default]) * missing)
        try:
            numbers.append(number)
        except (OverflowError, TypeError):
            del numbers[docnum:]
            raise

    def drop(self, docnum: int) -> None:
        """Forget what a document that failed half-way added."""
        for _, numbers in self._values.values():
            del numbers[docnum:]

    def written(self) -> Iterator[tuple[str, bytes, int]]:
        """(column, its file's bytes, documents in it) for each column, as Whoosh's writer
        leaves the file: the numbers up to the last document with one other than the
        default (a reader gives the default past the end); then forget them."""
        for name, (_, numbers) in self._values.items():
            whole = numbers[:]  # a copy: byte-swapped below, ``numbers`` left as it is
            if sys.byteorder == "little":
                whole.byteswap()
            yield name, whole.tobytes(), len(whole)
        self._values = {}
