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
from resdex.search.schema import tokens
from resdex.search.whoosh_engine.schema import SymbolTokenizer

WHOLE_UP_TO = 420  # a paragraph up to this long is shown whole
WINDOW = 320  # else this many characters around the first match
BEFORE = 90  # of which up to this many before it
# at most one place a query word stands in, in this many characters of a text, for its
# tokens to be read only there (``_marked_near``)
FEW_PLACES = 40


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
    single = set(terms)
    wanted = list(phrases)
    if type(analyzer) is SymbolTokenizer:
        near = _marked_near(text, single, wanted)
        if near is not None:
            return _joined(text, near)
    split = getattr(analyzer, "split", None)  # resdex's tokenizers: no Token objects
    if split is not None:
        every = list(split(text))
    else:
        every = [(t.text, t.startchar, t.endchar) for t in analyzer(text, chars=True, mode="index")]
    return _joined(text, _marked(every, single, wanted))


Token = tuple[str, int, int]  # (word, start, end)


def _marked(tokens: list[Token], single: set[str], phrases: list[tuple[str, ...]]) -> list[Token]:
    """The tokens of ``tokens`` (in order) that are one of ``single`` or stand in one of
    ``phrases``, in order."""
    words = [w for w, _, _ in tokens]
    marked = [w in single for w in words]
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(words) - n + 1):
            if tuple(words[i : i + n]) == phrase:
                marked[i : i + n] = [True] * n
    return [token for token, hit in zip(tokens, marked, strict=True) if hit]


def _marked_near(text: str, single: set[str], phrases: list[tuple[str, ...]]) -> list[Token] | None:
    """``_marked`` over the tokens of ``text`` (``resdex.search.schema.tokens``) without
    splitting all of it: a marked token starts where its word stands in the lower-cased
    text, so only the tokens from the space before each such place are read, up to the
    end of the longest phrase starting there (no token holds a space: they are the whole
    text's tokens there; "human rights" in 3,861 paragraphs at 1M: 3 times faster).
    None where lower-casing changes lengths or depends on the letters around (a capital
    sigma): ``_marked`` over every token then."""
    lower = text.lower()
    if len(lower) != len(text) or "Σ" in text:
        return None
    # where a marked token may start: a single word, or a phrase's first word
    needles = single | {phrase[0] for phrase in phrases if phrase}
    if "" in needles or sum(lower.count(n) for n in needles) > len(text) // FEW_PLACES:
        return None  # a word inside many others ("a"): splitting all of it costs less
    starting: dict[str, list[tuple[str, ...]]] = {}  # the phrases by their first word
    for phrase in phrases:
        if phrase:  # (an empty one marks nothing)
            starting.setdefault(phrase[0], []).append(phrase)
    found: dict[int, Token] = {}
    for needle in needles:
        at = lower.find(needle)
        while at >= 0:
            start = text.rfind(" ", 0, at) + 1
            _mark_at(text, start, at, single, starting, found)
            at = lower.find(needle, at + 1)
    return [found[start] for start in sorted(found)]


def _mark_at(
    text: str,
    start: int,
    at: int,
    single: set[str],
    starting: dict[str, list[tuple[str, ...]]],
    found: dict[int, Token],
) -> None:
    """Into ``found``, the token starting at ``at`` (if one does) when it is one of
    ``single``, and the tokens of each phrase starting with it that follows; ``start``:
    where the tokens before it begin (just after a space)."""
    window: list[Token] = []
    wanted = 1
    for word, s, e in tokens(text[start:]):
        s += start
        if s < at:
            continue
        if not window:
            if s > at:
                return  # no token starts here: the word is inside another
            wanted = max((len(p) for p in starting.get(word, ())), default=1)
        window.append((word, s, e + start))
        if len(window) >= wanted:
            break
    if not window:
        return
    head = window[0]
    if head[0] in single:
        found[head[1]] = head
    words = tuple(w for w, _, _ in window)
    for phrase in starting.get(head[0], ()):
        if words[: len(phrase)] == phrase:
            for token in window[: len(phrase)]:
                found[token[1]] = token


def _joined(text: str, marked: list[Token]) -> list[tuple[int, int]]:
    """The spans of the marked tokens (in order), those with only spaces between them
    joined into one."""
    spans: list[tuple[int, int]] = []
    for _, start, end in marked:
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
