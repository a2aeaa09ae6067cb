"""TARGET spellings -> canonical symbols, and the text analyzer that keeps symbols whole."""

from __future__ import annotations

import pytest

from resdex.search.targets import BadTarget, normalize_target, target_key
from resdex.search.whoosh_engine.schema import text_analyzer


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        # the spellings of issue 4 and interface.md
        ("A/CONF.157/24", "A/CONF.157/24"),
        ("a/conf.157/24", "A/CONF.157/24"),
        ("A/RES/55/2", "A/RES/55/2"),
        ("a/res/55/2", "A/RES/55/2"),
        ("resolution 55/2", "A/RES/55/2"),
        ("S/RES/242 (1967)", "S/RES/242(1967)"),
        ("HRC resolution 32/6", "A/HRC/RES/32/6"),
        # citations.md's table
        ("General Assembly resolution 66/3", "A/RES/66/3"),
        ("its resolution 70/153".removeprefix("its "), "A/RES/70/153"),
        ("resolution 51/153 B", "A/RES/51/153"),
        ("resolution 1514 (XV)", "A/RES/1514(XV)"),
        ("Resolution 217 A (III)", "A/RES/217(III)"),
        ("A/RES/217 A (III)", "A/RES/217(III)"),
        ("resolution ES-10/19", "A/RES/ES-10/19"),
        ("resolution S-26/2", "A/RES/S-26/2"),
        ("decision 63/550", "A/DEC/63/550"),
        ("Security Council resolution 1325 (2000)", "S/RES/1325(2000)"),
        ("resolution 242 (1967)", "S/RES/242(1967)"),
        ("S/RES/242(1967)", "S/RES/242(1967)"),
        ("Human Rights Council resolution 32/6", "A/HRC/RES/32/6"),
        ("Human Rights Council decision 2/102", "A/HRC/DEC/2/102"),
        ("Commission on Human Rights resolution 2005/69", "E/CN.4/RES/2005/69"),
        ("Economic and Social Council resolution 2004/67", "E/RES/2004/67"),
        ("ECOSOC resolution 2004/67", "E/RES/2004/67"),
        ("A/CONF.157/24 (Part I), chap. III", "A/CONF.157/24"),
        ("A/80/6 (Sect. 24)", "A/80/6"),
        ("a/69/488/add.2/corr.1", "A/69/488/Add.2/Corr.1"),
        ("e/cn.4/sub.2/2000/46", "E/CN.4/Sub.2/2000/46"),
        ("A/C.3/80/L.10", "A/C.3/80/L.10"),
        ("  A/RES/ 55/2 ", "A/RES/55/2"),
        ("55/2", "A/RES/55/2"),
    ],
)
def test_normalize_target(written: str, canonical: str) -> None:
    assert normalize_target(written) == canonical


@pytest.mark.parametrize(
    "written", ["", "human rights", "resolution", "HIV/AIDS", "Security Council resolution 32/6"]
)
def test_not_a_target(written: str) -> None:
    with pytest.raises(BadTarget):
        normalize_target(written)


def test_target_key() -> None:
    assert target_key("S/RES/242 (1967)") == target_key("s/res/242(1967)") == "s/res/242(1967)"


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        # A/RES/71/194, footnote 1 and 2
        ("A/CONF.157/24 (Part I), chap. III.", ["a/conf.157/24", "part", "i", "chap", "iii"]),
        ("Resolution 55/2.", ["resolution", "55/2"]),
        # A/RES/71/194, footnote 5: a joint symbol stays one token
        (
            "See E/CN.4/2001/2-E/CN.4/Sub.2/2000/46, chap. II",
            ["see", "e/cn.4/2001/2-e/cn.4/sub.2/2000/46", "chap", "ii"],
        ),
        # report line of A/RES/71/194: the trailing ")" and "." are not part of the symbol
        ("(A/71/484/Add.2).", ["a/71/484/add.2"]),
        # A/RES/71/194 OP7: a word joined by a hyphen falls apart; one-letter tokens stay
        ("non-selectivity, a", ["non", "selectivity", "a"]),
        # no digit: "HIV/AIDS" is two words
        ("HIV/AIDS", ["hiv", "aids"]),
        ("resolution ES-10/19 of 2 December", ["resolution", "es-10/19", "of", "2", "december"]),
        ("1.5 degrees", ["1.5", "degrees"]),
    ],
)
def test_text_analyzer(text: str, tokens: list[str]) -> None:
    assert [t.text for t in text_analyzer()(text)] == tokens


def test_text_analyzer_offsets_and_positions() -> None:
    """A compound split into words keeps each word's own offsets and position (highlighting
    and phrases depend on them): "HIV/AIDS" and "COVID-19" both stand in A/RES/78/1."""
    text = "HIV/AIDS, COVID-19 and A/CONF.157/24"
    tokens = [
        (t.text, t.pos, text[t.startchar : t.endchar])
        for t in text_analyzer()(text, positions=True, chars=True)
    ]
    # each token as indexed, and the text its offsets span
    assert [(token, spanned) for token, _, spanned in tokens] == [
        ("hiv", "HIV"),
        ("aids", "AIDS"),
        ("covid", "COVID"),
        ("19", "19"),
        ("and", "and"),
        ("a/conf.157/24", "A/CONF.157/24"),
    ]
    # one position a word, in order: the halves of a compound are adjacent words
    assert [pos for _, pos, _ in tokens] == list(range(6))
