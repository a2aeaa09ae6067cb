"""The rule-based spaCy pipeline that finds citation anchors.

``spacy.blank("en")`` with a tokenizer that keeps symbols whole and a span ruler whose
patterns live in ``resdex.indexer.cite_patterns``. No trained model is downloaded or loaded.
This module imports spaCy: only the parse and index paths may import it.

As in spaCy's own ``span_ruler.py``, matching and annotating are kept apart: the ruler
sets spans under ``SPANS_KEY``; ``anchors()`` reads them back as plain ``Anchor`` values
for the pure resolver (``resdex.indexer.resolve``). ``find_anchors()`` runs only the
matching half (the pipeline's tokenizer, then the ruler's own ``Matcher``) and gives the
same anchors in the same order as ``anchors(nlp(text))``, without building the ``Span``
objects, the span group and the warnings filter the ruler sets up for every text.
"""

from __future__ import annotations

import weakref
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

import spacy
from spacy.attrs import LOWER
from spacy.language import Language
from spacy.matcher import Matcher
from spacy.pipeline import SpanRuler
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from resdex.indexer.cite_patterns import (
    DIGIT_RE,
    FOLLOWING_RE,
    NEXT_RUN_RE,
    RULER_PATTERNS,
    START_CHUNK_RE,
    START_WORD_RE,
    START_WORD_SLIPS,
    START_WORDS,
    token_match,
)
from resdex.indexer.resolve import Anchor

SPANS_KEY = "citation_anchors"
RULER_NAME = "citation_ruler"


def build_pipeline() -> Language:
    """A blank English pipeline: symbol-aware tokenizer plus the citation span ruler.

    Build it once and reuse it (an index worker builds one per process)."""
    nlp = spacy.blank("en")
    # The ruler reads a token's text and its lower case only ("LOWER", "TEXT", "ORTH" in
    # ``RULER_PATTERNS``): a word the vocabulary has not seen yet (every new number,
    # "70/153", "A/79/458/Add.2") gets those, not the twenty lexical attributes of English
    # (shape, prefix, suffix, like_num, stop word…), a third of the tokenizer's time on new
    # words, and strings the worker's vocabulary would keep for the whole run.
    vocab: Any = nlp.vocab  # (spaCy's type stub leaves this attribute of Vocab out)
    vocab.lex_attr_getters = {LOWER: vocab.lex_attr_getters[LOWER]}
    tokenizer: Tokenizer = nlp.tokenizer
    tokenizer.token_match = token_match
    ruler = nlp.add_pipe(
        "span_ruler",
        name=RULER_NAME,
        config={"spans_key": SPANS_KEY, "validate": True, "overwrite": True},
    )
    assert isinstance(ruler, SpanRuler)
    ruler.add_patterns([dict(p) for p in RULER_PATTERNS])
    return nlp


def anchors(doc: Doc) -> list[Anchor]:
    """The ruler's matches in ``doc`` as character-offset anchors."""
    return [Anchor(span.label_, span.start_char, span.end_char) for span in doc.spans[SPANS_KEY]]


@dataclass(frozen=True, slots=True)
class _Matching:
    """The matching half of a pipeline: its ruler's matcher, and for each
    match id the label and the sort key of the ``Span`` the ruler would make of it."""

    matcher: Matcher
    labels: dict[int, tuple[str, int, int]]  # match id -> (label, label hash, id hash)


_MATCHING: weakref.WeakKeyDictionary[Language, _Matching | None] = weakref.WeakKeyDictionary()


def _matching(nlp: Language) -> _Matching | None:
    """The matching half of ``nlp``, or None when it is not a pipeline of
    ``build_pipeline`` (the tokenizer and the citation ruler alone)."""
    if nlp in _MATCHING:
        return _MATCHING[nlp]
    found: _Matching | None = None
    if nlp.pipe_names == [RULER_NAME]:
        ruler = nlp.get_pipe(RULER_NAME)
        if (
            isinstance(ruler, SpanRuler)
            and ruler.key == SPANS_KEY
            and len(ruler.phrase_matcher) == 0
        ):
            strings = nlp.vocab.strings
            labels = {
                m_id: (entry["label"], strings.add(entry["label"]), strings.add(entry["id"]))
                for m_id, entry in ruler._match_label_id_map.items()
            }
            found = _Matching(ruler.matcher, labels)
    _MATCHING[nlp] = found
    return found


# Between two windows: a token no pattern matches, so that no match runs from one window
# into the next.
_SEAM: Final = "\n"


def windows(text: str) -> list[tuple[int, int]]:
    """The stretches of ``text`` the ruler has to see: each run of non-space characters
    where a match can start, with the runs after it that the longest pattern can reach,
    overlapping stretches merged. spaCy's tokenizer splits a text at whitespace and
    tokenizes each run on its own, so a stretch cut at whitespace gets the tokens the whole
    text gets there; every match lies in one stretch, and the patterns look at nothing
    outside their own tokens."""
    found: list[tuple[int, int]] = []
    for start, stop in _start_chunks(text):
        end = _reach(text, start, stop)
        if end is None:
            continue
        if found and start <= found[-1][1]:
            found[-1] = (found[-1][0], max(end, found[-1][1]))
        else:
            found.append((start, end))
    return found


def _reach(text: str, start: int, stop: int) -> int | None:
    """Where the window of the start chunk ``text[start:stop]`` ends: the runs the longest
    pattern can reach after a keyword that has a digit in its run or the next, else the
    chunk alone when it holds a digit; None when no match can start in it ("draft
    resolution entitled", "and/or"): see ``DIGIT_RE``."""
    if START_WORD_RE.search(text, start, stop):
        second = NEXT_RUN_RE.match(text, stop)
        if DIGIT_RE.search(text, start, second.end() if second else stop):
            following = FOLLOWING_RE.match(text, stop)
            assert following is not None  # it can match nothing
            return following.end()
    return stop if DIGIT_RE.search(text, start, stop) else None


def _start_chunks(text: str) -> list[tuple[int, int]]:
    """Where ``START_CHUNK_RE`` matches in ``text``. The regex tries every position of the
    text (30 µs a text); a text whose only whitespace is the space and that holds none
    of ``START_WORD_SLIPS`` (most) has its start words found by substring search in its
    lower case (of the same length), each widened to its run of non-space characters."""
    if not text.isprintable() or (
        not text.isascii() and any(slip in text for slip in START_WORD_SLIPS)
    ):
        return [m.span() for m in START_CHUNK_RE.finditer(text)]
    low = text.lower()
    hits: list[int] = []
    for word in (*START_WORDS, "/"):
        at = low.find(word)
        while at >= 0:
            hits.append(at)
            at = low.find(word, at + len(word))
    chunks: list[tuple[int, int]] = []
    stop = -1
    for at in sorted(hits):
        if at < stop:
            continue  # in the run of the hit before
        stop = text.find(" ", at)
        if stop < 0:
            stop = len(text)
        chunks.append((text.rfind(" ", 0, at) + 1, stop))
    return chunks


# How many characters of windows are joined into one Doc: the windows of many texts (a
# document's, a batch of them), since making a Doc costs more than the tokens of a short
# text (16 µs against 2 µs for "its resolution 53/144 of 9 December 1998, by"); far below
# spaCy's ``max_length`` (1,000,000).
_DOC_CHARS: Final = 100_000


def find_anchors(nlp: Language, texts: Sequence[str], batch_size: int = 256) -> list[list[Anchor]]:
    """The anchors of each text, as ``anchors(nlp(text))`` gives them: the same tokens and
    the same matcher, over the ``windows`` of the texts only (joined by a seam, the windows
    of many texts in one Doc)."""
    matching = _matching(nlp)
    if matching is None:
        return [anchors(doc) for doc in nlp.pipe(texts, batch_size=batch_size)]
    out: list[list[Anchor]] = [[] for _ in texts]
    joined = _Joined()
    for index, text in enumerate(texts):
        parts = windows(text)
        if joined.size + sum(end - start for start, end in parts) > _DOC_CHARS:
            joined.match(nlp, matching, out)  # (a text longer than that: a Doc of its own)
            joined = _Joined()
        for start, end in parts:
            joined.add(index, text, start, end)
    joined.match(nlp, matching, out)
    return out


class _Joined:
    """Windows of texts joined by seams into the text of one Doc, with where each window
    starts in it, how far to shift it back into its own text, and which text that is."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.seams: list[int] = []
        self.shifts: list[int] = []
        self.owners: list[int] = []
        self.size = 0

    def add(self, owner: int, text: str, start: int, end: int) -> None:
        self.pieces.append(text[start:end])
        self.seams.append(self.size)
        self.shifts.append(start - self.size)
        self.owners.append(owner)
        self.size += end - start + len(_SEAM)

    def match(self, nlp: Language, matching: _Matching, out: list[list[Anchor]]) -> None:
        """The ruler's anchors of every window, each text's in ``out[owner]``."""
        if not self.pieces:
            return
        doc = nlp.make_doc(_SEAM.join(self.pieces))
        # the ruler keeps each (span, label, id) once and sorts the spans as spaCy
        # compares them: start and end character, label, knowledge-base id (0), id
        spans: dict[int, set[tuple[int, int, int, int, str]]] = {}
        for m_id, first, stop in matching.matcher(doc):
            if first == stop:
                continue
            label, label_key, id_key = matching.labels[m_id]
            last = doc[stop - 1]
            begin, finish = doc[first].idx, last.idx + len(last)
            window = bisect_right(self.seams, begin) - 1
            shift = self.shifts[window]
            found = spans.setdefault(self.owners[window], set())
            found.add((begin + shift, finish + shift, label_key, id_key, label))
        for owner, found in spans.items():
            out[owner] = [Anchor(label, s, e) for s, e, _, _, label in sorted(found)]
