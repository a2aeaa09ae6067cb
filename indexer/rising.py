"""The longest strictly rising subsequence (patience sorting), one helper for every step
that keeps the items whose numbers rise in order: footnote markers
(``resdex.indexer.structure.choose``: footnotes are numbered in order through a document);
``resdex.search.align`` pairs paragraphs in order the same way."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence


def longest_rising(keys: Sequence[int]) -> list[int]:
    """The positions in ``keys`` of a longest subsequence whose keys strictly rise, in
    order: [3, 1, 2, 5, 4] -> [1, 2, 4] (the keys 1, 2, 4)."""
    tails: list[int] = []  # the key at the end of the best run of each length
    tail_at: list[int] = []  # where that run ends
    previous: list[int] = [-1] * len(keys)
    for k, key in enumerate(keys):
        pos = bisect_left(tails, key)
        if pos == len(tails):
            tails.append(key)
            tail_at.append(k)
        else:
            tails[pos] = key
            tail_at[pos] = k
        previous[k] = tail_at[pos - 1] if pos else -1
    run: list[int] = []
    k = tail_at[-1] if tail_at else -1
    while k >= 0:
        run.append(k)
        k = previous[k]
    return run[::-1]
