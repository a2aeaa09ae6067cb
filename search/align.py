"""Comparing paragraph texts: normal form, similarity in [0, 1], word-level edits, and an
order-preserving alignment of two lists of paragraphs. Pure: no index, no I/O.

Used by ``resdex.search.diff`` (two versions of a resolution) and
``resdex.search.precedents`` (a draft's paragraphs against indexed ones). Similarity is
rapidfuzz's normalized Indel similarity on the normal form (1.0: the same characters).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from rapidfuzz import fuzz

from resdex.indexer.rising import longest_rising

# Typography that differs between the formats of one text and never counts as a change:
# the PDF text of A/RES/80/204 writes "non‑selectivity" with a non-breaking hyphen (U+2011)
# where its draft A/C.3/80/L.35 has "non-selectivity"; Markdown conversions (A/RES/71/194)
# keep superscript footnote markers ("1993,¹") and curly quotes; ODS exports no-break spaces.
_TYPOGRAPHY_MAP: dict[str, str | None] = {
    "\u2010": "-",  # hyphen
    "\u2011": "-",  # non-breaking hyphen
    "\u2012": "-",  # figure dash
    "\u2013": "-",  # en dash ("North–South")
    "\u00ad": None,  # soft hyphen
    "\u00a0": " ",  # no-break space
    "\u202f": " ",  # narrow no-break space
    "\u2009": " ",  # thin space
    "\u2018": "'",
    "\u2019": "'",
    "\u201c": '"',
    "\u201d": '"',
    **dict.fromkeys("⁰¹²³⁴⁵⁶⁷⁸⁹"),  # footnote markers left in the text
}
_TYPOGRAPHY = str.maketrans(_TYPOGRAPHY_MAP)

Op = tuple[str, str]  # ("equal" | "insert" | "delete", words)

# A word ("non-selectivity", "70/153", "Member") or one mark of punctuation: "Action," and
# "Action" differ by a comma, not by a word.
_TOKEN = re.compile(r"\w(?:[\w'\-/.]*\w)?|[^\w\s]")
# marks written against the word before / after them
_CLOSING = frozenset(",;:.)]!?%")
_OPENING = frozenset("([")


def join_words(words: Sequence[str]) -> str:
    """Tokens back into text: no space before a comma or after an opening parenthesis."""
    out: list[str] = []
    quotes = 0  # straight quotes seen: an even count opens, an odd one closes
    opened = False
    for w in words:
        closing = w in _CLOSING or (w == '"' and quotes % 2 == 1)
        if out and not (closing or out[-1] in _OPENING or opened):
            out.append(" ")
        opened = w == '"' and quotes % 2 == 0
        quotes += w == '"'
        out.append(w)
    return "".join(out)


def normal(text: str) -> str:
    """The text as compared: typography unified, whitespace collapsed."""
    return " ".join(text.translate(_TYPOGRAPHY).split())


def similarity(a: str, b: str, cutoff: float = 0.0) -> float:
    """Similarity of two normal forms in [0, 1]; 0.0 below ``cutoff`` (computed faster)."""
    if a == b:
        return 1.0
    return fuzz.ratio(a, b, score_cutoff=cutoff * 100) / 100.0


def word_ops(old: str, new: str) -> tuple[Op, ...]:
    """The word-level edit from ``old`` to ``new`` (normal forms): runs of equal, deleted
    and inserted words. Words compare without case, so that "Emphasizes" becoming "Also
    emphasizes" reads as the insertion of "Also"; equal runs are shown as ``new`` has them."""
    a, b = _TOKEN.findall(old), _TOKEN.findall(new)
    ka, kb = [w.casefold() for w in a], [w.casefold() for w in b]
    if ka == kb and a != b:  # only the case changed: show it
        ka, kb = a, b
    ops: list[Op] = []

    def put(kind: str, words: Sequence[str]) -> None:
        if not words:
            return
        if ops and ops[-1][0] == kind:
            ops[-1] = (kind, join_words([ops[-1][1], *words]))
        else:
            ops.append((kind, join_words(words)))

    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, ka, kb, autojunk=False).get_opcodes():
        if tag == "equal":
            put("equal", b[j1:j2])
        else:
            put("delete", a[i1:i2])
            put("insert", b[j1:j2])
    return tuple(ops)


# --- alignment --------------------------------------------------------------------------------

# Two paragraphs are one paragraph edited when their similarity reaches FLOOR (and the order
# of the documents allows it), or MOVED when the paragraph moved out of order.
FLOOR = 0.5
MOVED = 0.8
MOVED_PAIRS = 40_000


@dataclass(frozen=True, slots=True)
class Pair:
    """One step of an alignment: ``old`` and ``new`` are indexes (None: added / removed)."""

    old: int | None
    new: int | None
    similarity: float | None


def _anchors(old: Sequence[str], new: Sequence[str]) -> list[tuple[int, int]]:
    """Paragraphs that stand once, word for word, in both lists, as many of them as keep
    their order (a longest increasing run): the fixed points of the alignment, as in a
    patience diff. Most paragraphs of a recurring resolution are such."""
    in_old, in_new = Counter(old), Counter(new)
    once_old = {t: i for i, t in enumerate(old) if in_old[t] == 1}
    pairs = [(once_old[t], j) for j, t in enumerate(new) if in_new[t] == 1 and t in once_old]
    # longest run increasing in the old index (pairs are in new order)
    return [pairs[k] for k in longest_rising([i for i, _ in pairs])]


def _best_in_order(
    score: Callable[[int, int], float], rows: range, cols: range, floor: float
) -> dict[int, int]:
    """The order-preserving matching of greatest total similarity between two stretches."""
    n, m = len(rows), len(cols)
    table = [[score(rows[a], cols[b]) for b in range(m)] for a in range(n)]
    best = [[0.0] * (m + 1) for _ in range(n + 1)]
    for a in range(n - 1, -1, -1):
        row, below = best[a], best[a + 1]
        for b in range(m - 1, -1, -1):
            s = table[a][b]
            take = below[b + 1] + s if s >= floor else -1.0
            row[b] = max(take, below[b], row[b + 1])
    partner: dict[int, int] = {}
    a = b = 0
    while a < n and b < m:
        s = table[a][b]
        if s >= floor and best[a][b] == best[a + 1][b + 1] + s:
            partner[rows[a]] = cols[b]
            a, b = a + 1, b + 1
        elif best[a][b] == best[a + 1][b]:
            a += 1
        else:
            b += 1
    return partner


def align(
    old: Sequence[str], new: Sequence[str], *, floor: float = FLOOR, moved: float = MOVED
) -> tuple[Pair, ...]:
    """Align two lists of normal forms: paragraphs unchanged and in order first, then between
    them the order-preserving matching of greatest total similarity (pairs below ``floor``
    never match), then paragraphs left over that moved (similarity ``moved`` or more, best
    first). Every index of both lists appears once, in the order of ``new`` with removed
    paragraphs where they stood in ``old``."""
    n, m = len(old), len(new)
    cache: dict[tuple[int, int], float] = {}

    def score(i: int, j: int) -> float:
        if (i, j) not in cache:
            cache[i, j] = similarity(old[i], new[j], floor)
        return cache[i, j]

    partner: dict[int, int] = {}
    i0 = j0 = 0
    for i, j in [*_anchors(old, new), (n, m)]:
        partner |= _best_in_order(score, range(i0, i), range(j0, j), floor)
        if i < n:
            partner[i] = j
            cache[i, j] = 1.0
        i0, j0 = i + 1, j + 1
    # paragraphs that moved: the best remaining pairs, out of order (looked for among at
    # most MOVED_PAIRS pairs: two unrelated texts of 400 paragraphs each would cost seconds)
    taken_new = set(partner.values())
    left_old = [a for a in range(n) if a not in partner]
    left_new = [b for b in range(m) if b not in taken_new]
    if len(left_old) * len(left_new) > MOVED_PAIRS:
        left_old = []
    loose = sorted(
        ((s, a, b) for a in left_old for b in left_new if (s := score(a, b)) >= moved),
        reverse=True,
    )
    moved_to: dict[int, int] = {}
    for _, a, b in loose:
        if a not in partner and a not in moved_to and b not in taken_new:
            moved_to[a] = b
            taken_new.add(b)
    by_new = {b: a for a, b in (partner | moved_to).items()}
    pairs: list[Pair] = []
    next_old = 0

    def removed_up_to(stop: int) -> None:
        nonlocal next_old
        while next_old < stop:
            if next_old not in partner and next_old not in moved_to:
                pairs.append(Pair(next_old, None, None))
            next_old += 1

    for j in range(m):
        source = by_new.get(j)
        if source is None:
            pairs.append(Pair(None, j, None))
            continue
        if source in partner:
            removed_up_to(source)
        pairs.append(Pair(source, j, score(source, j)))
    removed_up_to(n)
    return tuple(pairs)
