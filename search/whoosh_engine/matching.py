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
best ``n`` only (``resdex.search.whoosh_engine.scoring``).
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator
from typing import Any

from whoosh import query as wq
from whoosh.reading import TermNotFound

from resdex.search.schema import is_pair, pair_term, tokens
from resdex.search.whoosh_engine.access import expanded_texts, postings_blocks
from resdex.search.whoosh_engine.units import stored_fields

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
# ... and a part found in more units, while it holds at most READ_RATIO times as many as the
# candidates left: reading a posting costs far less than checking a candidate (its stored
# text, or its positions). At 1M the same phrase left 275 candidates in a 620,842-unit
# segment after "inadmissibility" (294) and "acquisition" (1,003), where "war" (4,134) just
# missed RARE: 196 ms through the positions of "by" and "of" instead of 16 ms.
READ_RATIO = 64


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
            found = self._stored[doc] = stored_fields(self.seg, doc)
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
        return deleted_docs(self.seg)


def deleted_docs(seg: Any) -> frozenset[int]:
    """The deleted documents of a segment (Whoosh keeps the set with the open segment
    reader)."""
    return frozenset(getattr(seg, "deleted_docs_set", None) or ())


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
        if found is not None and isinstance(sub, wq.Term):  # no set of its postings
            found = found.intersection(leaf.postings(sub.fieldname, sub.text)[0])
        else:
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
        if len(candidates) <= FEW:
            break
        if _estimate(part, leaf) > max(RARE, READ_RATIO * len(candidates)):
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
