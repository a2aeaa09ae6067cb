"""Which units of a segment match a query: sets of document numbers, read block by block.

Whoosh answers a query through matchers that step posting by posting in Python and score
every match; resdex needs, for every query, the whole set of matches (totals, resolutions,
``--by`` groups) and the scores of only a few of them. Here a query is evaluated per
segment into a set of document numbers: a term reads its postings a block (up to 128
documents) at a time; AND, OR and NOT are set operations; a phrase is looked up in the
word-pair field (``resdex.search.whoosh_engine.schema.PairTokenizer``) where its words are
common: one postings list for two such words; any other phrase through its pairs and its
other words, then checked on positions (``phrase_parts``).
Anything else (a phrase with slop, a field this module does not know) goes through Whoosh's
own matcher, so the answer is always the one Whoosh would give. Scores are computed for the
best ``n`` only (``top_scored``), skipping the blocks whose best score cannot enter them.
"""

from __future__ import annotations

import heapq
import itertools
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh import query as wq
from whoosh.reading import TermNotFound

from resdex.search.schema import is_pair, pair_term, tokens
from resdex.search.whoosh_engine.access import expanded_texts, postings_blocks

DocSet = set[int]
# Most terms a wildcard or prefix may stand for in one query
MAX_EXPANSION = 4096
# A term this many times more frequent than the documents an AND has left is probed for
# them (skipping through its postings) instead of read whole
PROBE_RATIO = 16
# A phrase whose two rarest pairs leave at most this many documents is checked on their
# stored text, cheaper than skipping through the postings of its frequent words
# ("inadmissibility of the acquisition of territory by war" in the shared corpus: "of the"
# stands in 42,139 of 82,617 units, "by war" in 2)
TEXT_CHECK = 64
# The parts of a phrase found in at most this many units of a segment are read whole, the
# rarest first, until they leave at most FEW candidates to check on their text
RARE = 4096
FEW = 8


class ExpansionTooLarge(Exception):
    """A wildcard or prefix stands for more terms than ``MAX_EXPANSION``."""


# --- rewriting phrases into the pairs field ---------------------------------------------------


def _is_exact_phrase(node: Any) -> bool:
    return isinstance(node, wq.Phrase) and node.fieldname == "text" and node.slop == 1


def pair_query(node: Any) -> Any:
    """A phrase of the text field (slop 1) as a term where it is one: one word, a term of
    the text; two common words (``is_pair``), their term of the pairs field. Any other
    phrase is left as it is: ``doc_ids`` finds it through ``phrase_parts``."""
    if not _is_exact_phrase(node):
        return node
    words = list(node.words)
    if len(words) == 1:
        return wq.Term("text", words[0], boost=node.boost)
    if len(words) == 2 and is_pair(*words):
        return wq.Term("pairs", pair_term(*words), boost=node.boost)
    return node


def rewrite(q: Any) -> Any:
    """``q`` with every phrase of the text field that is one term turned into it
    (``pair_query``)."""
    if isinstance(q, wq.Phrase):
        return pair_query(q)
    if q.is_leaf():
        return q
    return q.apply(rewrite)


def phrase_parts(words: list[str]) -> list[Any]:
    """The terms every unit holding the phrase ``words`` holds: the pair of each two
    neighbouring common words, and each word no such pair covers ("acquisition of
    territory by war": "acquisition", "of territory", "territory by", "war")."""
    covered = [False] * len(words)
    parts: dict[tuple[str, str], Any] = {}
    for i, (first, second) in enumerate(itertools.pairwise(words)):
        if is_pair(first, second):
            term = pair_term(first, second)
            parts.setdefault(("pairs", term), wq.Term("pairs", term))
            covered[i] = covered[i + 1] = True
    for word, done in zip(words, covered, strict=True):
        if not done:
            parts.setdefault(("text", word), wq.Term("text", word))
    return list(parts.values())


# --- postings as sets ----------------------------------------------------------------------


Postings = tuple[list[int], list[float]]  # document numbers and term frequencies


def postings(seg: Any, field: str, text: Any) -> Postings:
    """The document numbers and weights (frequencies) of a term's postings in one segment
    (deleted ones included), in order, read a block at a time (``postings_blocks``),
    where Whoosh's matcher decodes them number by number in Python."""
    try:
        m = seg.postings(field, text)
    except TermNotFound:
        return [], []
    m = getattr(m, "child", m)  # a FilterMatcher of the deleted documents: unwrapped
    ids: list[int] = []
    weights: list[float] = []
    blocks = postings_blocks(m)
    if blocks is not None:  # Whoosh 3 codec
        for block_ids, block_weights in blocks:
            ids.extend(block_ids)
            weights.extend(block_weights)
        return ids, weights
    while m.is_active():
        ids.append(m.id())
        weights.append(m.weight())
        m.next()
    return ids, weights


def term_ids(seg: Any, field: str, text: Any) -> list[int]:
    """The document numbers of a term's postings in one segment (deleted ones included)."""
    return postings(seg, field, text)[0]


def _matcher_ids(q: Any, sub: Any, candidates: Iterable[int] | None = None) -> DocSet:
    """What Whoosh's own matcher for ``q`` finds in a segment; with ``candidates``, only
    among them (each looked for by ``skip_to``)."""
    m = q.matcher(sub, sub.boolean_context())
    found: DocSet = set()
    if candidates is None:
        while m.is_active():
            found.add(m.id())
            m.next()
        return found
    found.update(_at_each(m, sorted(candidates)))
    return found


class Leaf:
    """One segment as the evaluation sees it."""

    def __init__(self, sub: Any, seg: Any) -> None:
        self.sub = sub
        self.seg = seg
        self.doc_count = seg.doc_count_all()
        self._terms: dict[tuple[str, Any], Postings] = {}
        self._stored: dict[int, dict[str, Any]] = {}
        self._frequencies: dict[tuple[str, Any], int] = {}

    def frequency(self, field: str, text: Any) -> int:
        """The document frequency of a term in the segment (asked once per query)."""
        key = (field, text)
        found = self._frequencies.get(key)
        if found is None:
            try:
                found = int(self.seg.doc_frequency(field, text))
            except (KeyError, TermNotFound):
                found = 0
            self._frequencies[key] = found
        return found

    def stored(self, doc: int) -> dict[str, Any]:
        """The stored fields of a document, read once per query (checked, scored, shown)."""
        found = self._stored.get(doc)
        if found is None:
            found = self._stored[doc] = self.seg.stored_fields(doc)
        return found

    def postings(self, field: str, text: Any) -> Postings:
        """``postings`` of a term, read once per query (matched, then scored)."""
        key = (field, text)
        found = self._terms.get(key)
        if found is None:
            found = self._terms[key] = postings(self.seg, field, text)
        return found

    def everything(self) -> DocSet:
        return set(range(self.doc_count))

    def deleted(self) -> frozenset[int]:
        """The deleted documents (Whoosh keeps the set with the open segment reader)."""
        return frozenset(getattr(self.seg, "deleted_docs_set", None) or ())


def doc_ids(q: Any, leaf: Leaf) -> DocSet:
    """The document numbers of a segment that ``q`` (rewritten) matches, deleted ones
    included (the caller leaves them out once)."""
    if isinstance(q, wq.Term):
        return set(leaf.postings(q.fieldname, q.text)[0])
    if _is_exact_phrase(q):
        return _phrase_ids(list(q.words), leaf)
    if isinstance(q, wq.Every):
        return leaf.everything()
    if isinstance(q, wq.Not):
        return leaf.everything() - doc_ids(q.query, leaf)
    if isinstance(q, wq.And):
        return _and_ids(q.subqueries, leaf)
    if isinstance(q, (wq.Or, wq.DisjunctionMax)):
        found: DocSet = set()
        for sub in q.subqueries:
            found |= doc_ids(sub, leaf)
        return found
    if isinstance(q, wq.AndNot):
        return doc_ids(q.a, leaf) - doc_ids(q.b, leaf)
    if isinstance(q, wq.AndMaybe):
        return doc_ids(q.a, leaf)
    if isinstance(q, wq.Require):
        return doc_ids(q.a, leaf) & doc_ids(q.b, leaf)
    if isinstance(q, wq.ConstantScoreQuery):
        return doc_ids(q.child, leaf)
    if q is wq.NullQuery or isinstance(q, type(wq.NullQuery)):
        return set()
    if isinstance(q, (wq.Prefix, wq.Wildcard, wq.FuzzyTerm, wq.Regex, wq.TermRange)):
        return _expanded_ids(q, leaf)
    return _matcher_ids(q, leaf.sub)


def _and_ids(subqueries: list[Any], leaf: Leaf) -> DocSet:
    positive = [s for s in subqueries if not isinstance(s, wq.Not)]
    negative = [s.query for s in subqueries if isinstance(s, wq.Not)]
    found: DocSet | None = None
    # the rarest first: an empty intersection ends early, and a term far more frequent
    # than the documents left is probed for them instead of read whole
    for sub in sorted(positive, key=lambda s: _estimate(s, leaf)):
        if (
            found is not None
            and isinstance(sub, wq.Term)
            and _estimate(sub, leaf) > PROBE_RATIO * len(found)
        ):
            found = _matcher_ids(sub, leaf.sub, found)
            if not found:
                return set()
            continue
        ids = doc_ids(sub, leaf)
        found = ids if found is None else found & ids
        if not found:
            return set()
    if found is None:
        found = leaf.everything()
    for sub in negative:
        found -= doc_ids(sub, leaf)
    return found


def _estimate(q: Any, leaf: Leaf) -> int:
    """How many documents of the segment ``q`` may match: a term's document frequency;
    anything else, more than any."""
    if isinstance(q, wq.Term):
        return leaf.frequency(q.fieldname, q.text)
    return 1 << 40


def _phrase_ids(words: list[str], leaf: Leaf) -> DocSet:
    """A phrase of two or more words that is not one pair: the documents holding all its
    parts (``phrase_parts``), then those where the words stand in a row (the positions of
    each word in the text field, read for those documents only, skipping through its
    postings: Whoosh's own phrase matcher costs ten times more per document)."""
    parts = sorted(phrase_parts(words), key=lambda t: _estimate(t, leaf))
    # the rarest parts read whole, one after the other, while they leave more than a few
    # candidates: checking a candidate's text costs more than reading a rare term
    # ("inadmissibility of the acquisition of territory by war": 56 units at 100k hold its
    # two rarest words)
    candidates = set(leaf.postings(parts[0].fieldname, parts[0].text)[0])
    for part in parts[1:]:
        if len(candidates) <= FEW or _estimate(part, leaf) > RARE:
            break
        candidates &= set(leaf.postings(part.fieldname, part.text)[0])
    if len(candidates) <= TEXT_CHECK:
        phrase = tuple(words)
        return {d for d in candidates if _holds(leaf.stored(d).get("text", ""), phrase)}
    candidates = _and_ids(parts, leaf)
    order = sorted(range(len(words)), key=lambda i: _estimate(wq.Term("text", words[i]), leaf))
    starts: dict[int, set[int]] | None = None
    for i in order:
        if not candidates:
            break
        found = _positions(leaf.seg, words[i], sorted(candidates))
        shifted = {doc: {p - i for p in positions} for doc, positions in found.items()}
        if starts is None:
            starts = shifted
        else:
            starts = {doc: starts[doc] & shifted[doc] for doc in shifted if doc in starts}
        starts = {doc: where for doc, where in starts.items() if where}
        candidates = set(starts)
    return candidates


def _holds(text: str, phrase: tuple[str, ...]) -> bool:
    """Whether the tokens of ``text`` (as indexed) hold ``phrase`` in a row."""
    lowered = text.lower()  # holds every token, lower-cased, as a substring
    if any(word not in lowered for word in phrase):
        return False
    words = [token for token, _, _ in tokens(text)]
    n = len(phrase)
    head = phrase[0]
    return any(
        words[i] == head and tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1)
    )


def scoring_query(q: Any) -> Any:
    """``q`` (rewritten) as resdex scores it: a phrase as the AND of its parts
    (``phrase_parts``: the pairs field keeps no positions to match a phrase with)."""
    if _is_exact_phrase(q):
        parts = phrase_parts(list(q.words))
        return parts[0] if len(parts) == 1 else wq.And(parts)
    if q.is_leaf():
        return q
    return q.apply(scoring_query)


def _positions(seg: Any, word: str, docs: list[int]) -> dict[int, list[int]]:
    """The positions of ``word`` in the text of each of ``docs`` (sorted) holding it."""
    try:
        m = seg.postings("text", word)
    except TermNotFound:
        return {}
    m = getattr(m, "child", m)
    return {doc: list(m.value_as("positions")) for doc in _at_each(m, docs)}


def _at_each(m: Any, docs: Iterable[int]) -> Iterator[int]:
    """The documents of ``docs`` (ascending) that matcher ``m`` holds, ``m`` left on each
    when it is yielded: skipping forward, never reading the postings in between."""
    for doc in docs:
        if not m.is_active():
            return
        if m.id() < doc:
            m.skip_to(doc)
            if not m.is_active():
                return
        if m.id() == doc:
            yield doc


def _expanded_ids(q: Any, leaf: Leaf) -> DocSet:
    found: DocSet = set()
    for n, text in enumerate(expanded_texts(q, leaf.seg)):
        if n >= MAX_EXPANSION:
            raise ExpansionTooLarge(q)
        found.update(term_ids(leaf.seg, q.fieldname, text))
    return found


# --- the best n by score -------------------------------------------------------------------


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
    keep = set(allowed)
    scored: list[tuple[float, int]] = []
    for doc, tf in zip(ids, weights, strict=True):
        if doc in keep:
            fl = lengths[doc]
            # whoosh.scoring.bm25, inlined
            score = idf * ((tf * (K1 + 1)) / (tf + K1 * ((1 - B) + B * fl / avgfl)))
            scored.append((score, -(offset + doc)))
    return [(score, -neg) for score, neg in heapq.nlargest(n, scored)]


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
    numbers, all matching ``q``) in one segment, by Whoosh's weighting of ``q``. Only the
    allowed documents are scored; a block whose best possible score cannot enter the best
    ``n`` is skipped whole."""
    if not allowed or n <= 0:
        return []
    m = q.matcher(sub, context)
    quality = m.supports_block_quality()
    heap: list[tuple[float, int]] = []
    i = 0
    end = len(allowed)
    while i < end and m.is_active():
        if quality and len(heap) >= n and m.block_quality() <= heap[0][0]:
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
        entry = (score, -(offset + doc))  # equal scores: the earlier document first
        if len(heap) < n:
            heapq.heappush(heap, entry)
        elif entry > heap[0]:
            heapq.heapreplace(heap, entry)
        i += 1
        m.next()
    return [(score, -neg) for score, neg in heap]
