"""The stored fields of a ``FastSegmentWriter``'s documents
(``resdex.search.whoosh_engine.segments``) written to Whoosh's column file as they come, their
lengths and offsets given to Whoosh's column writer whole with the segment. It sets that
writer's private state, hence a module of its own (``tests/test_query_seam.py``)."""

from __future__ import annotations

import itertools
from array import array
from typing import Any


class GatheredBytes:
    """The values of a ``VarBytesColumn`` (Whoosh's stored fields: a deflated pickle per
    document) written to its writer's file as they come, their lengths gathered and given
    to the writer whole with the segment, as if each value had been added on its own
    (``VarBytesColumn.Writer.add``: the same write, and two appends to growable arrays per
    value). Only the lengths stay in memory: the values themselves kept to the end cost a
    worker 600 MB at a million paragraphs (the 1M build peaked at 2.1 GB)."""

    def __init__(self, writer: Any) -> None:
        if writer._count:
            raise ValueError("values were added to the column's writer")
        self._writer = writer
        self._write = writer._dbfile.write
        self._docs: array[int] = array("q")
        self._lengths: array[int] = array("q")

    def add(self, docnum: int, value: bytes) -> None:
        self._write(value)
        self._docs.append(docnum)
        self._lengths.append(len(value))

    def finish(self) -> None:
        """Leave the writer as its ``add`` of each value would have. In arrays, not lists:
        a list of a million paragraphs' lengths and offsets took 55 MB a worker, at the
        moment both workers finish their segments (the peak of the build's memory)."""
        if not self._docs:
            return
        writer = self._writer
        count = self._docs[-1] + 1
        lengths = self._lengths
        if len(self._docs) != count:  # documents without stored fields: length 0
            lengths = array("q", bytes(8 * count))
            for docnum, length in zip(self._docs, self._lengths, strict=True):
                lengths[docnum] = length
        offsets = array("q", itertools.accumulate(lengths, initial=0))
        writer._offset_base = offsets.pop()
        writer._lengths.array = _growable(lengths)
        writer._offsets.array = _growable(offsets)
        writer._count = count
        self._docs, self._lengths = array("q"), array("q")


def _growable(numbers: array[int]) -> array[int]:
    """The array a ``GrowableArray`` (not of longs) holds after ``numbers`` were appended
    one by one: the narrowest of "B", "H", "i", "I" that holds the largest."""
    top = max(numbers, default=0)
    for code, limit in (("B", 1 << 8), ("H", 1 << 16), ("i", 1 << 31), ("I", 1 << 32)):
        if top < limit:
            return array(code, numbers)
    raise OverflowError(f"{top!r} is too big to fit in an array")
