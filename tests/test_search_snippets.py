"""Highlighted snippets: phrases marked only where their words stand in a row."""

from __future__ import annotations

import pytest
from test_search_handbuilt import RES_71_194

from resdex.search.whoosh_engine.schema import build_schema, text_analyzer
from resdex.search.whoosh_engine.snippets import WHOLE_UP_TO, match_spans, query_words, snippet

OP4 = next(p.text for p in RES_71_194.paragraphs if p.label == "OP4")
OP8 = next(p.text for p in RES_71_194.paragraphs if p.label == "OP8")


def marked(text: str, query: str) -> list[str]:
    from whoosh.qparser import QueryParser

    q = QueryParser("text", build_schema()).parse(query)
    terms, phrases = query_words(q)
    return [text[s:e] for s, e in match_spans(text, text_analyzer(), terms, phrases)]


@pytest.mark.parametrize(
    ("text", "query", "expected"),
    [
        (OP8, '"universal periodic review"', ["universal periodic review"]),
        # "universal" alone in OP4 is not the phrase
        (OP4, '"universal periodic review"', []),
        (OP4, "universal", ["universal"]),
        # NOT words are never marked
        (OP4, "racism NOT xenophobia", ["racism"]),
        # case and punctuation: "racism," is the word "racism"
        (OP4, "RACISM OR intolerance", ["racism", "intolerance"]),
        # a hyphenated word: a phrase of its parts
        (OP8, "constructive", ["constructive"]),
    ],
)
def test_marked_words(text: str, query: str, expected: list[str]) -> None:
    assert marked(text, query) == expected


def test_short_paragraph_shown_whole() -> None:
    spans = match_spans(OP8, text_analyzer(), set(), [("universal", "periodic", "review")])
    segments = snippet(OP8, spans)
    assert len(OP8) <= WHOLE_UP_TO
    assert "".join(t for t, _ in segments) == OP8
    assert [t for t, m in segments if m] == ["universal periodic review"]


def test_long_paragraph_cut_around_the_match() -> None:
    text = ("lorem ipsum " * 60) + "the universal periodic review " + ("dolor sit " * 60)
    spans = match_spans(text, text_analyzer(), set(), [("universal", "periodic", "review")])
    segments = snippet(text, spans)
    shown = "".join(t for t, _ in segments)
    assert shown.startswith("… ") and shown.endswith(" …")
    assert [t for t, m in segments if m] == ["universal periodic review"]
    assert len(shown) < 400
