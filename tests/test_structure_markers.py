"""Marker candidates after a slash or a full stop: a symbol's last number split into the
number and a glued footnote marker (expected results read from the documents)."""

from __future__ import annotations

import pytest

from resdex.indexer.structure.markers import candidates


@pytest.mark.parametrize(
    ("text", "known", "expected"),
    [
        # A/RES/78/153: "decision 1/CP.27" + footnote 31
        ("decision 1/CP.2731 and 1/CMA.4", {31}, [(31, "31")]),
        # A/RES/79/183: "resolution S-35/1" + footnote 6
        ("Human Rights Council resolution S-35/16 and", {6}, [(6, "6")]),
        # a known number that no split of the run gives: no candidate
        ("decision 1/CP.2731 and 1/CMA.4", {7}, []),
        ("Human Rights Council resolution S-35/16 and", {5}, []),
    ],
)
def test_split_symbol_numbers(text: str, known: set[int], expected: list[tuple[int, str]]) -> None:
    found = candidates(text, known)
    assert [(c.number, text[c.start : c.end]) for c in found] == expected
