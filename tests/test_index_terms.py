"""``resdex.search.schema.terms`` and ``pair_terms``, the writer's one split of a text for
both its fields, give the very terms of ``tokens`` and ``pairs`` (which the query path and
Whoosh's own analyzer use): on real passages, and on every file of the shared corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdex.search.schema import pair_terms, pairs, terms, tokens

# (real text, its terms, written by hand)
CASES = [
    # OP1 of A/RES/71/194: a symbol kept whole, a plain sentence
    (
        "Takes note of the report of the Secretary-General (A/71/385)",
        ["takes", "note", "of", "the", "report", "of", "the", "secretary", "general", "a/71/385"],
    ),
    # numbers with separators stay whole (A/RES/78/153; A/RES/80/112)
    (
        "limit the temperature increase to 1.5 degrees Celsius",
        ["limit", "the", "temperature", "increase", "to", "1.5", "degrees", "celsius"],
    ),
    (
        "in 2024, 1,622 persons were affected",
        ["in", "2024", "1,622", "persons", "were", "affected"],
    ),
    # "HIV/AIDS" (a slash, no digit) splits (A/RES/78/177)
    (
        "as HIV/AIDS, tuberculosis and malaria",
        ["as", "hiv", "aids", "tuberculosis", "and", "malaria"],
    ),
    # a compound that is not a symbol splits even where it holds a number (A/RES/78/153,
    # A/RES/78/199)
    ("caused by the COVID-19 pandemic", ["caused", "by", "the", "covid", "19", "pandemic"]),
    ("objectivity, non-selectivity", ["objectivity", "non", "selectivity"]),
    # en dash ranges inside a symbol (A/C.6/64/SR.1–28), and "ES-10/19"
    ("A/C.6/64/SR.1–28 and ES-10/19", ["a/c.6/64/sr.1–28", "and", "es-10/19"]),
    # accents: lower-cased word by word, outside ASCII (A/RES/79/331, A/RES/79/206)
    ("Côte d'Ivoire, Türkiye", ["côte", "d", "ivoire", "türkiye"]),
    ("", []),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_terms_of_real_passages(text: str, expected: list[str]) -> None:
    assert terms(text) == expected
    assert terms(text) == [t for t, _, _ in tokens(text)]
    assert pair_terms(terms(text)) == [t for t, _, _ in pairs(text)]


def test_the_same_terms_as_tokens_on_the_shared_corpus(shared_corpus: Path) -> None:
    files = sorted(p for p in shared_corpus.rglob("*") if p.suffix in (".txt", ".md"))
    assert files
    for path in files:
        for text in path.read_text(encoding="utf-8", errors="replace").split("\n\n"):
            words = terms(text)
            assert words == [t for t, _, _ in tokens(text)], (path, text[:80])
            assert pair_terms(words) == [t for t, _, _ in pairs(text)], (path, text[:80])
