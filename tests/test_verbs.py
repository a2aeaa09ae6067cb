"""Opening verbs and participles, from real paragraph openings."""

from __future__ import annotations

import pytest

from resdex.indexer.verbs import looks_like_opening, opens_with_listed_opener, parse_opening


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
        (  # A/RES/78/16 PP: the adverb after the verb's object
            "Expressing concern also about malicious information and communications",
            "Expressing",
            "also",
            "Expressing concern also",
        ),
        (  # ga-drafts/A_C.2_80_L.12 PP
            "Expressing deep concern also at the deterioration of debt",
            "Expressing",
            "also",
            "Expressing deep concern also",
        ),
        (  # A/RES/78/136 PP13
            "Noting with great concern also that the COVID-19 pandemic",
            "Noting",
            "also",
            "Noting with great concern also",
        ),
        (  # the old Security Council preamble (sc-text/S_RES_0070_1949): not a verb in -s
            "Whereas Article 83, paragraph 3, of the Charter",
            "Whereas",
            None,
            "Whereas",
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


@pytest.mark.parametrize(
    ("text", "operative", "expected"),
    [
        # A/RES/80/228: a second preambular paragraph on the line after "…implementation,"
        ("Reaffirming that the Global Plan of Action was developed:", False, True),
        ("Deeply concerned that further escalation and widening of the conflict", False, True),
        ("Recalling also the 2024 Economic and Social Council forum", False, True),
        # S/RES/72 (1949): a title, not an opening
        ("Acting United Nations Mediator in Palestine, who", False, False),
        # A/RES/79/29: a quoted title in title case
        ("Taking into Particular Account the Needs of Developing Countries", False, False),
        # a line inside a sentence: "…the 2030 Agenda, / United Nations entities …"
        ("United Nations entities and agencies", False, False),
        # A/RES/78/253, title of section VIII (a participle in -ed outside the list)
        ("Revised estimates relating to the proposed programme budget", False, False),
        ("Also decides to remain seized of the matter", True, True),
        ("Expresses its profound gratitude to the Government", True, True),
        # A/RES/80/243, title of section I (a plural noun, not a verb)
        ("Conditions of service and compensation for officials", True, False),
        ("Recalling its resolution 76/271,", True, False),
    ],
)
def test_opens_with_listed_opener(text: str, operative: bool, expected: bool) -> None:
    assert opens_with_listed_opener(text, operative=operative) is expected
