"""Every use of Whoosh's internals on resdex's read path, in one place.

Whoosh-Reloaded 2.7.5 offers no public way to read a postings block, a column file or the
words a wildcard stands for without going posting by posting through Python objects; the
query path needs all three in bulk. The names with a leading underscore of Whoosh are
touched here and in ``resdex.search.whoosh_engine.fixes`` (its patches) only, which
``tests/test_query_seam.py`` checks: a Whoosh upgrade is checked against these two files.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from typing import Any


def postings_blocks(m: Any) -> Iterator[tuple[Iterator[int], list[float]]] | None:
    """(document numbers, weights) of each postings block of a Whoosh 3 leaf matcher
    ``m``, from its current block on: each block's data unpickled once and its
    delta-coded numbers summed in C. None when ``m`` is another kind of matcher."""
    if not (hasattr(m, "_read_data") and hasattr(m, "_next_block")):
        return None
    return _blocks(m)


def _blocks(m: Any) -> Iterator[tuple[Iterator[int], list[float]]]:
    while m.is_active():
        if m._data is None:
            m._read_data()
        deltas, weights = m._data[0], m._data[1]
        if weights is None or isinstance(weights, float):
            weights = [weights or 1.0] * len(deltas)
        yield itertools.accumulate(deltas), weights
        m._next_block()


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


def expanded_texts(q: Any, reader: Any) -> Iterator[Any]:
    """The index words (bytes) a Prefix, Wildcard, FuzzyTerm, Regex or TermRange query
    stands for in ``reader``."""
    return iter(q._btexts(reader))
