"""Highlighted snippets: which words of a paragraph a query matched, and the part shown.

Whoosh's own strict-phrase highlighter lines tokens up with ``text.split()`` and marks the
wrong words under an analyzer that drops punctuation; this one re-runs the field's
analyzer with character offsets and marks a phrase only where its words stand in a row.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from whoosh import query as wq

from resdex.search.results import Segment

WHOLE_UP_TO = 420  # a paragraph up to this long is shown whole
WINDOW = 320  # else this many characters around the first match
BEFORE = 90  # of which up to this many before it


def query_words(q: Any, field: str = "text") -> tuple[set[str], list[tuple[str, ...]]]:
    """Single terms and phrases of ``q`` on ``field``, leaving out what sits under NOT."""
    terms: set[str] = set()
    phrases: list[tuple[str, ...]] = []

    def walk(node: Any) -> None:
        if isinstance(node, wq.Not):
            return
        if isinstance(node, wq.Phrase):
            if node.fieldname == field:
                phrases.append(tuple(node.words))
            return
        if isinstance(node, wq.Term):
            if node.fieldname == field:
                terms.add(node.text)
            return
        for child in node.children():
            walk(child)

    walk(q)
    return terms, phrases


def match_spans(
    text: str, analyzer: Any, terms: Iterable[str], phrases: Iterable[tuple[str, ...]]
) -> list[tuple[int, int]]:
    """Character spans of ``text`` to highlight, in order, adjacent words of a phrase
    joined into one span."""
    split = getattr(analyzer, "split", None)  # resdex's tokenizers: no Token objects
    if split is not None:
        tokens = list(split(text))
    else:
        tokens = [
            (t.text, t.startchar, t.endchar) for t in analyzer(text, chars=True, mode="index")
        ]
    words = [w for w, _, _ in tokens]
    single = set(terms)
    marked = [False] * len(tokens)
    for i, w in enumerate(words):
        if w in single:
            marked[i] = True
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(words[i : i + n]) == phrase:
                marked[i : i + n] = [True] * n
    spans: list[tuple[int, int]] = []
    for (_, start, end), hit in zip(tokens, marked, strict=True):
        if not hit:
            continue
        if spans and text[spans[-1][1] : start].isspace():
            spans[-1] = (spans[-1][0], end)
        else:
            spans.append((start, end))
    return spans


def snippet(text: str, spans: list[tuple[int, int]]) -> tuple[Segment, ...]:
    """The segments shown for a hit: the whole paragraph when short, else a window around
    the first match, cut at word boundaries, with "…" where text is left out."""
    start, end = 0, len(text)
    if len(text) > WHOLE_UP_TO:
        first = spans[0][0] if spans else 0
        start = max(0, first - BEFORE)
        if start:
            space = text.find(" ", start)
            start = space + 1 if 0 <= space < first else start
        end = min(len(text), start + WINDOW)
        if end < len(text):
            space = text.rfind(" ", start, end)
            end = space if space > (spans[0][1] if spans else start) else end
    out: list[Segment] = []
    if start > 0:
        out.append(("… ", False))
    pos = start
    for s, e in spans:
        if e <= start or s >= end:
            continue
        s, e = max(s, start), min(e, end)
        if s > pos:
            out.append((text[pos:s], False))
        out.append((text[s:e], True))
        pos = e
    if pos < end:
        out.append((text[pos:end], False))
    if end < len(text):
        out.append((" …", False))
    return tuple(out)
