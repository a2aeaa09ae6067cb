"""The best ``n`` matches of a query by score, scoring only what can enter them: one term's
BM25F over its postings (``term_top``), a few documents scored from their stored text
(``stored_scores``), or Whoosh's matcher skipping the blocks whose best score cannot enter
the top (``top_scored``). The sets of matches come from ``resdex.search.whoosh_engine.matching``.
"""

from __future__ import annotations

import heapq
import itertools
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterator
from typing import Any

from whoosh import query as wq
from whoosh.reading import TermNotFound

from resdex.search.schema import pair_term, tokens
from resdex.search.whoosh_engine.matching import Leaf


def term_top(
    q: Any, sub: Any, offset: int, allowed: list[int], n: int, leaf: Leaf | None = None
) -> list[tuple[float, int]] | None:
    """``top_scored`` for one term under BM25F, Whoosh's weighting, computed over its
    postings (the term's frequencies, the field lengths of the segment as one array)
    instead of through a matcher per posting: the same formula, the same numbers. None
    when the weighting is another. ``leaf``: the postings already read for the match."""
    from whoosh.scoring import BM25FScorer

    seg = sub.reader()
    try:
        btext = seg.schema[q.fieldname].to_bytes(q.text)
        scorer = sub.weighting.scorer(sub, q.fieldname, btext)
    except TermNotFound:
        return []
    if not isinstance(scorer, BM25FScorer) or q.boost != 1 or scorer.qf != 1:
        return None
    from resdex.search.whoosh_engine.units import field_lengths

    ids, weights = (leaf or Leaf(sub, seg)).postings(q.fieldname, q.text)
    lengths = field_lengths(seg, q.fieldname)
    idf, avgfl, B, K1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
    scored: list[tuple[float, int]] = []
    for doc, tf in _frequencies(ids, weights, allowed):
        fl = lengths[doc]
        # whoosh.scoring.bm25, inlined
        score = idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))
        scored.append((score, -(offset + doc)))
    if len(scored) <= n:
        return [(score, -neg) for score, neg in scored]
    least = heapq.nlargest(n, scored)[-1][0]
    # the best n, and every document scored as the n-th: the caller breaks ties
    return [(score, -neg) for score, neg in scored if score >= least]


# ``allowed`` this many times fewer than a term's postings: each looked up by bisection
# (the verb "urges" leaves 3,861 of the 74,288 units holding "human rights" at 1M)
LOOKUP_RATIO = 4


def _frequencies(
    ids: list[int], weights: list[float], allowed: list[int]
) -> Iterator[tuple[int, float]]:
    """(document, frequency) of each of ``allowed`` (ascending) in a term's postings
    ``ids`` (ascending) and ``weights``: the few looked up, the many walked through."""
    if len(allowed) * LOOKUP_RATIO < len(ids):
        i, end = 0, len(ids)
        for doc in allowed:
            i = bisect_left(ids, doc, i, end)
            if i == end:
                return
            if ids[i] == doc:
                yield doc, weights[i]
        return
    keep = set(allowed)
    for doc, tf in zip(ids, weights, strict=True):
        if doc in keep:
            yield doc, tf


def _plain_terms(q: Any) -> list[tuple[str, str]] | None:
    """The (field, text) of a term of the text or pairs field, or of an AND of them; None
    for any other query."""
    if isinstance(q, wq.Term) and q.fieldname in ("text", "pairs") and q.boost == 1:
        return [(q.fieldname, q.text)]
    if isinstance(q, wq.And) and q.boost == 1:
        found: list[tuple[str, str]] = []
        for sub in q.subqueries:
            terms = _plain_terms(sub)
            if terms is None:
                return None
            found += terms
        return found
    return None


def stored_scores(
    q: Any, sub: Any, offset: int, docs: list[int], leaf: Leaf | None = None
) -> list[tuple[float, int]] | None:
    """Whoosh's BM25F score of a few documents for a term or an AND of terms, each term's
    frequency counted on the document's stored text (the tokens it was indexed from):
    skipping through the postings of "of the" to score two documents costs more. None
    when ``q`` is another query or the weighting another."""
    from whoosh.scoring import BM25FScorer

    from resdex.search.whoosh_engine.units import field_lengths

    terms = _plain_terms(q)
    if terms is None:
        return None
    if not docs:
        return []
    seg = sub.reader()
    scorers = []
    for field, text in terms:
        btext = seg.schema[field].to_bytes(text)
        if not seg.doc_frequency(field, btext):
            continue  # a term absent from the segment scores nothing
        scorer = sub.weighting.scorer(sub, field, btext)
        if not isinstance(scorer, BM25FScorer) or scorer.qf != 1:
            return None
        scorers.append((field, text, scorer, field_lengths(seg, field)))
    out = []
    leaf = leaf or Leaf(sub, seg)
    for doc in docs:
        words = [token for token, _, _ in tokens(leaf.stored(doc).get("text", ""))]
        counts = {
            "text": Counter(words),
            "pairs": Counter(pair_term(a, b) for a, b in itertools.pairwise(words)),
        }
        score = 0.0
        for field, text, scorer, lengths in scorers:
            tf = counts[field][text]
            if tf:
                fl = lengths[doc]
                idf, avgfl, B, K1 = scorer.idf, scorer.avgfl, scorer.B, scorer.K1
                score += idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))
        out.append((score, offset + doc))
    return out


def top_scored(
    q: Any, sub: Any, offset: int, context: Any, allowed: list[int], n: int
) -> list[tuple[float, int]]:
    """(score, global document number) of the best ``n`` of ``allowed`` (sorted local
    numbers, all matching ``q``) in one segment, by Whoosh's weighting of ``q``, and the
    others scored as the n-th (the caller breaks ties). Only the allowed documents are
    scored; a block whose best possible score is below the best ``n`` is skipped whole."""
    if not allowed or n <= 0:
        return []
    m = q.matcher(sub, context)
    quality = m.supports_block_quality()
    heap: list[tuple[float, int]] = []
    ties: list[tuple[float, int]] = []  # scored as the heap's least when they came
    i = 0
    end = len(allowed)
    while i < end and m.is_active():
        if quality and len(heap) >= n and m.block_quality() < heap[0][0]:
            before = m.id()
            m.skip_to_quality(heap[0][0])
            if not m.is_active():
                break
            if m.id() != before:
                i = bisect_left(allowed, m.id(), i)
                continue
        doc = allowed[i]
        current = m.id()
        if current < doc:
            m.skip_to(doc)
            continue
        if current > doc:
            i = bisect_left(allowed, current, i)
            continue
        score = float(m.score())
        entry = (score, -(offset + doc))
        if len(heap) < n:
            heapq.heappush(heap, entry)
        elif score > heap[0][0]:
            ties.append(heapq.heapreplace(heap, entry))
        elif score == heap[0][0]:
            ties.append(entry)
        i += 1
        m.next()
    least = heap[0][0]
    return [(score, -neg) for score, neg in heap + ties if score >= least]
