"""Opening verbs and participles, from real paragraph openings."""

from __future__ import annotations

import pytest

from indexer.verbs import looks_like_opening, parse_opening


@pytest.mark.parametrize(
    ("text", "verb", "modifier", "opening"),
    [
        (
            "Also emphasizes the need for a cooperative approach",
            "Emphasizes",
            "also",
            "Also emphasizes",
        ),
        (
            "Further emphasizes the role of international cooperation",
            "Emphasizes",
            "further",
            "Further emphasizes",
        ),
        ("Calls upon Member States, the specialized agencies", "Calls upon", None, "Calls upon"),
        (
            "Deeply concerned at the fact that incidents of this nature",
            "Concerned",
            "deeply",
            "Deeply concerned",
        ),
        ("Strongly urges all parties to abide strictly", "Urges", "strongly", "Strongly urges"),
        (
            "Recalling also its adoption of the United Nations Millennium Declaration",
            "Recalling",
            "also",
            "Recalling also",
        ),
        (
            "Bearing in mind that all States must refrain",
            "Bearing in mind",
            None,
            "Bearing in mind",
        ),
        (
            "Having considered the report of the Credentials Committee",
            "Having considered",
            None,
            "Having considered",
        ),
        ("Taking note of the report of the Secretary-General", "Taking note", None, "Taking note"),
        (
            "Noting with appreciation the commitment of the Milano-Cortina",
            "Noting",
            None,
            "Noting with appreciation",
        ),
        ("Reaffirms that it is one of the purposes", "Reaffirms", None, "Reaffirms"),
        ("Decides:", "Decides", None, "Decides"),
        ("The Security Council requests the permanent members", "Requests", None, "requests"),
        ("“Transforming our world”", None, None, None),
    ],
)
def test_parse_opening(
    text: str, verb: str | None, modifier: str | None, opening: str | None
) -> None:
    got = parse_opening(text)
    assert (got.verb, got.modifier, got.opening) == (verb, modifier, opening)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Recalling its resolution 70/1", True),
        ("Deeply concerned at the fact", True),
        ("Mindful of the important role of the Commission", True),
        ("Peacebuilding financing", False),
        ("Human Rights Council resolution 56/2 of 10 July 2024", False),
        ("organizations, and women-led", False),
    ],
)
def test_looks_like_opening(text: str, expected: bool) -> None:
    assert looks_like_opening(text) is expected
