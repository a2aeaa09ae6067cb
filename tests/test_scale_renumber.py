"""The scale benchmark's corpus grower: renumbering real passages, and planning copies.

Passages are real texts of ../shared/corpus (quoted in each case); the expected
renumbering is written by hand from the rule in ``benchmarks/scale/renumber.py``: copy k
adds 500·k to General Assembly session-bound numbers and Security Council resolution
numbers, and leaves everything else as written.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # benchmarks/ is not an installed package
    sys.path.insert(0, str(ROOT))

from benchmarks.scale.grow import grown_path, plan  # noqa: E402
from benchmarks.scale.renumber import renumber, renumber_name  # noqa: E402
from benchmarks.scale.units import Document, Unit, renumber_document  # noqa: E402

RENUMBERED = [
    # A/RES/79/166 PP3: a resolution of the Assembly and one of the Human Rights Council
    (
        "its resolution 78/199 of 19 December 2023, Human Rights \n"
        "Council resolution 56/2 of 10 July 20243 and the resolutions",
        1,
        "its resolution 78/699 of 19 December 2023, Human Rights \n"
        "Council resolution 56/502 of 10 July 20243 and the resolutions",
    ),
    # the running head and the number line of A/RES/79/166, copy 2
    ("A/RES/79/166 \n", 2, "A/RES/79/1166 \n"),
    (
        " 79/166. Enhancement of international cooperation in the field of \n",
        2,
        " 79/1166. Enhancement of international cooperation in the field of \n",
    ),
    # its report line: an Assembly document, with its addendum and pinpoint kept
    (
        "[on the report of the Third Committee (A/79/458/Add.2, para. 99)]",
        1,
        "[on the report of the Third Committee (A/79/958/Add.2, para. 99)]",
    ),
    # a draft's symbol (A/C.3/80/L.10) and its footnote "2  Resolution 70/1."
    ("A/C.3/80/L.10\n2  Resolution 70/1.", 1, "A/C.3/80/L.510\n2  Resolution 70/501."),
    # A/RES/80/1 (ga-md): YAML header and the report line of a plenary resolution
    (
        "symbol: A/RES/80/1\n[without reference to a Main Committee (A/80/L.2/Rev.1)]",
        3,
        "symbol: A/RES/80/1501\n[without reference to a Main Committee (A/80/L.1502/Rev.1)]",
    ),
    # S/RES/242 (1967): the Security Council's own number line; year and date kept
    ("Resolution 242 (1967)\nof 22 November 1967", 1, "Resolution 742 (1967)\nof 22 November 1967"),
    # a Security Council list as the Assembly writes it, with a hard line break
    (
        "Security Council resolutions 2334 (2016) and\n1325 (2000)",
        2,
        "Security Council resolutions 3334 (2016) and\n2325 (2000)",
    ),
    ("S/RES/242 (1967)", 1, "S/RES/742 (1967)"),
]

UNCHANGED = [
    "1 A/CONF.157/24 (Part I), chap. III.",  # a conference document: cited by every copy
    "Recalling its resolution 1514 (XV) of 14 December 1960",  # before the 31st session
    "1  Resolution 217 A (III).",  # the Universal Declaration
    "Recalling general recommendation No. 26 (2008) of the Committee",  # a treaty body
    "the report of the Special Rapporteur (A/HRC/56/2)",  # a Council document, not n/m
    "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46",  # the Commission's numbering
    "Recalling its resolution ES-10/19 of 21 December 2017",  # an emergency session
    "the immediate repeal of Law No. 10/2018",  # number/year of another body
    "available 24/7",
    # A/RES/78/158: the Environment Assembly's numbering (UNEP/EA.2/Res.21), session < 31
    "United Nations Environment Assembly resolutions 1/7 and 2/21",
    "A/HRC/RES/5/1",  # the Council's institution-building package: session 5
]


@pytest.mark.parametrize(("text", "copy", "expected"), RENUMBERED)
def test_renumbered(text: str, copy: int, expected: str) -> None:
    assert renumber(text, copy) == expected


@pytest.mark.parametrize("text", UNCHANGED)
def test_left_as_written(text: str) -> None:
    assert renumber(text, 4) == text


def test_page_mark_is_not_a_symbol() -> None:
    # ga-text page foot: running head, job number, page "2/4" alone on its line
    assert renumber("A/RES/79/166 \n24-24160 \n2/4 \n", 1) == "A/RES/79/666 \n24-24160 \n2/4 \n"


def test_copy_zero_is_the_real_text() -> None:
    text = "its resolution 78/199 of 19 December 2023 and resolution 242 (1967)"
    assert renumber(text, 0) == text


def test_targets_follow_the_text() -> None:
    # The canonical targets the tagger gives "78/199" and "242 (1967)" are renumbered as
    # the text is, so a copy's citation points at the copy's own document.
    assert renumber("A/RES/78/199", 1) == "A/RES/78/699"
    assert renumber("S/RES/242(1967)", 1) == "S/RES/742(1967)"
    assert renumber("A/HRC/RES/56/2", 1) == "A/HRC/RES/56/502"
    assert renumber("A/CONF.157/24", 1) == "A/CONF.157/24"


@pytest.mark.parametrize(
    ("name", "copy", "expected"),
    [
        ("A_RES_79_166.txt", 1, "A_RES_79_666.txt"),
        ("A_C.3_80_L.10.txt", 2, "A_C.3_80_L.1010.txt"),
        ("A_80_L.1.txt", 1, "A_80_L.501.txt"),
        ("A_RES_80_1.md", 1, "A_RES_80_501.md"),
        ("S_RES_0242_1967_EN_GOLD.txt", 1, "S_RES_0742_1967_EN_GOLD.txt"),
        ("S_RES_1454_2002_EN_GOLD.txt", 1, "S_RES_1954_2002_EN_GOLD.txt"),
    ],
)
def test_file_names(name: str, copy: int, expected: str) -> None:
    assert renumber_name(name, copy) == expected


def _doc(path: str, symbol: str, paragraphs: int) -> Document:
    units = tuple(Unit(f"PP{i}", "preambular", "", "text", ()) for i in range(1, paragraphs + 1))
    return Document(path, symbol, "GA", 80, 2025, units, 100)


def test_plan_stops_at_the_target_and_alternates_variants() -> None:
    docs = [
        _doc("ga-text/A_RES_80_1.txt", "A/RES/80/1", 10),
        _doc("ga-md/A_RES_80_1.md", "A/RES/80/1", 9),  # the same resolution, another format
        _doc("ga-text/A_RES_80_2.txt", "A/RES/80/2", 20),
    ]
    planned = plan(docs, 70)
    # copy 0 and copy 1 hold each symbol once: 10 + 20 then 9 + 20 = 59 < 70, so copy 2
    # starts and stops as soon as 70 is reached (one or two files, in the shuffled order)
    by_copy: dict[int, list[str]] = {}
    for p in planned:
        by_copy.setdefault(p.copy, []).append(p.source)
    assert sorted(by_copy[0]) == ["ga-text/A_RES_80_1.txt", "ga-text/A_RES_80_2.txt"]
    assert sorted(by_copy[1]) == ["ga-md/A_RES_80_1.md", "ga-text/A_RES_80_2.txt"]
    assert sum(p.paragraphs for p in planned) >= 70
    assert sum(p.paragraphs for p in planned[:-1]) < 70
    assert max(by_copy) == 2
    assert "copy-01/ga-md/A_RES_80_501.md" in {p.path for p in planned}


def test_grown_path() -> None:
    assert grown_path("sc-text/S_RES_0242_1967_EN_GOLD.txt", 3) == (
        "copy-03/sc-text/S_RES_1742_1967_EN_GOLD.txt"
    )


def test_renumber_document() -> None:
    doc = Document(
        "ga-text/A_RES_79_166.txt",
        "A/RES/79/166",
        "GA",
        79,
        2024,
        (
            Unit(
                "PP3",
                "preambular",
                "",
                "Recalling also … its resolution 78/199 of 19 December 2023",
                ("A/RES/55/2", "A/RES/78/199", "A/CONF.157/24"),
            ),
        ),
        1000,
    )
    copy = renumber_document(doc, 1, "copy-01/ga-text/A_RES_79_666.txt")
    assert copy.symbol == "A/RES/79/666"
    assert copy.units[0].text == "Recalling also … its resolution 78/699 of 19 December 2023"
    assert copy.units[0].targets == ("A/RES/55/502", "A/RES/78/699", "A/CONF.157/24")
    assert (copy.session, copy.year, copy.units[0].label) == (79, 2024, "PP3")
