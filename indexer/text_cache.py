"""A bounded cache of what a text alone decides, for the citation tagger.

Much of a corpus repeats itself word for word: a draft and the resolution adopted from it,
the Markdown copy of a PDF text, the Security Council's closing "Decides to remain seized
of the matter." (44% of the shared corpus's paragraphs and footnotes repeat another's
text). What the span ruler finds in a text (its anchors) and which well-known instruments it
names depend on the text only; resolving the anchors depends on the document too
(``resolve.CiteContext``: its organ, symbol, year, session, the footnote before an "Ibid.")
and is never cached. Pure data structure: no spaCy here.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass
from typing import NamedTuple

from resdex.indexer.frozen import fast_init
from resdex.indexer.models import Citation
from resdex.indexer.resolve import Anchor

# Texts kept per process (least recently used dropped first). Measured over the whole shared
# corpus in index order (`benchmarks/bench_parse.py --cache-survey`): 8,192 texts hit 14.9%
# for 3.5 MiB, 32,768 hit 40.1% for 19.4 MiB (a draft and its adopted resolution sit in
# different folders, far apart in that order), unbounded 45.4% for 28.9 MiB.
DEFAULT_MAXSIZE = 32768


@fast_init
@dataclass(frozen=True, slots=True)
class Matched:
    """What a text alone decides: the ruler's anchors (empty when the cheap pre-check says
    the text cannot cite) and its instrument links (without a location)."""

    anchors: tuple[Anchor, ...]
    links: tuple[Citation, ...]


class CacheInfo(NamedTuple):
    """As ``functools.lru_cache``'s ``cache_info()``, with the hit rate."""

    hits: int
    misses: int
    size: int
    maxsize: int

    @property
    def hit_rate(self) -> float:
        looked_up = self.hits + self.misses
        return self.hits / looked_up if looked_up else 0.0


class TextCache:
    """A least-recently-used map from a text to what it alone decides."""

    def __init__(self, maxsize: int = DEFAULT_MAXSIZE) -> None:
        self.maxsize = maxsize
        self._data: OrderedDict[str, Matched] = OrderedDict()
        self._hits = 0
        self._misses = 0

    def get(self, text: str) -> Matched | None:
        found = self._data.get(text)
        if found is None:
            self._misses += 1
            return None
        self._hits += 1
        self._data.move_to_end(text)
        return found

    def put(self, text: str, matched: Matched) -> None:
        if self.maxsize <= 0:
            return
        self._data[text] = matched
        self._data.move_to_end(text)
        if len(self._data) > self.maxsize:
            self._data.popitem(last=False)

    def entries(self) -> list[tuple[str, Matched]]:
        """What the cache holds, least recently used first (for the memory figures)."""
        return list(self._data.items())

    def clear(self) -> None:
        self._data.clear()
        self._hits = self._misses = 0

    def info(self) -> CacheInfo:
        return CacheInfo(self._hits, self._misses, len(self._data), self.maxsize)
