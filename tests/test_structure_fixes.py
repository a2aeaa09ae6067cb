"""Footnote markers, paragraphs run together and sections, on the real passages that
showed each problem. Expected values written by hand from reading the texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdex.indexer.models import Paragraph, Resolution
from resdex.indexer.parse import parse_raw
from resdex.indexer.sources import read_document


def _parse(shared_corpus: Path, rel: str) -> Resolution:
    return parse_raw(read_document(shared_corpus / rel))


def _holding(res: Resolution, fragment: str) -> Paragraph:
    found = [p for p in res.paragraphs if fragment in p.text]
    assert len(found) == 1, fragment
    return found[0]


# (file, fragment of the paragraph's text once its markers are removed, markers it
# carries, what is left of the glued marker in the source)
MARKERS = [
    # "decision CBD/CP/MOP/VIII/1914 and decision" = VIII/19 + footnote 14
    (
        "ga-text/A_RES_78_155.txt",
        "provisions, decision CBD/CP/MOP/VIII/19 and decision",
        (13, 14, 15),
        "VIII/1914",
    ),
    # "Human Rights Council resolution 55/197 and the report": 55/19 + footnote 7
    # (footnote 7 is A/HRC/58/63, the Fact-Finding Mission's report)
    (
        "ga-text/A_RES_80_222.txt",
        "Human Rights Council resolution 55/19 and the report of the Special Rapporteur",
        (6, 7, 8),
        "55/197",
    ),
    # annex: "no later than February 2025.14" (footnote 14: "The list will include ...")
    ("ga-text/A_RES_78_128.txt", "no later than February 2025.", (14,), "2025.14"),
    # annex: "from 5 to 9 June 2017.3" (footnote 3: "Resolution 71/312, annex.")
    ("ga-text/A_RES_79_314.txt", "held in New York from 5 to 9 June 2017.", (2, 3), "2017.3"),
    # annex: "resolution 5/14 of 2 March 2022.13" (footnote 13: "UNEP/EA.5/Res.14.")
    ("ga-text/A_RES_79_314.txt", "resolution 5/14 of 2 March 2022.", (12, 13), "2022.13"),
    # annex: "model strategy 10.24 Furthermore," (footnote 24: "See para. 48.")
    ("ga-text/A_RES_80_226.txt", "model strategy 10. Furthermore,", (24, 25), "10.24"),
    # "among at least 56514 humanitarian workers" = 565 + footnote 14 (OCHA report)
    ("ga-text/A_RES_80_77.txt", "among at least 565 humanitarian workers", (14,), "56514"),
]


@pytest.mark.parametrize(("rel", "fragment", "markers", "glued"), MARKERS)
def test_glued_marker(
    shared_corpus: Path, rel: str, fragment: str, markers: tuple[int, ...], glued: str
) -> None:
    res = _parse(shared_corpus, rel)
    paragraph = _holding(res, fragment)
    assert paragraph.footnotes == markers
    assert glued not in paragraph.text


def test_paragraphs_without_blank_line_between_them(shared_corpus: Path) -> None:
    """A/RES/80/228: "…its full implementation, \\nReaffirming that the Global Plan of
    Action was developed: \\n(a) To promote universal ratification …"."""
    res = _parse(shared_corpus, "ga-text/A_RES_80_228.txt")
    by_label = {p.label: p for p in res.paragraphs}
    assert by_label["PP8"].text.startswith("Recalling the adoption of the United Nations Global")
    assert by_label["PP8"].text.endswith("underlining the importance of its full implementation,")
    assert by_label["PP9"].text == "Reaffirming that the Global Plan of Action was developed:"
    assert by_label["PP9"].verb == "Reaffirming"
    assert by_label["PP9(a)"].text.startswith("To promote universal ratification of the United")
    assert by_label["PP9(f)"].parent == "PP9"


def test_paragraphs_run_together_in_80_34(shared_corpus: Path) -> None:
    """A/RES/80/34: "…an example of effective multilateralism, \\nConvinced that the
    Convention, 28 years after its entry into force, …contribution to: (a) …(e)"."""
    res = _parse(shared_corpus, "ga-text/A_RES_80_34.txt")
    by_label = {p.label: p for p in res.paragraphs}
    assert by_label["PP10"].text.endswith("an example of effective multilateralism,")
    assert by_label["PP11"].text.startswith("Convinced that the Convention, 28 years after")
    assert [p.label for p in res.paragraphs if p.parent == "PP11"] == [
        f"PP11({x})" for x in "abcde"
    ]


ROMANS_78_253 = [
    *["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII"],
    *[
        "XIV",
        "XV",
        "XVI",
        "XVII",
        "XVIII",
        "XIX",
        "XX",
        "XXI",
        "XXII",
        "XXIII",
        "XXIV",
        "XXV",
        "XXVI",
    ],
]


def test_budget_resolution_in_sections(shared_corpus: Path) -> None:
    """A/RES/78/253: 26 sections "I" … "XXVI", each with its own preamble and numbering
    from 1; sections XX-XXIV hold one unnumbered paragraph, XXVI a "Recalls …," line
    before its 1. and 2."""
    res = _parse(shared_corpus, "ga-text/A_RES_78_253.txt")
    by_label = {p.label: p for p in res.paragraphs}
    sections = list(dict.fromkeys(p.label.split(".")[0] for p in res.paragraphs))
    assert sections == ROMANS_78_253
    assert [p.label for p in res.paragraphs if p.label.startswith("I.")] == [
        "I.PP1",
        "I.PP2",
        "I.OP1",
        "I.OP2",
    ]
    assert by_label["I.PP2"].verb == "Having considered"
    assert by_label["I.PP2"].footnotes == (1, 2)
    assert by_label["I.OP2"].text == (
        "Endorses the conclusions and recommendations contained in the report of the "
        "Advisory Committee;"
    )
    assert by_label["II.PP1"].text.startswith("Recalling its resolutions 72/266 A")
    assert by_label["II.PP2"].footnotes == (3, 4)
    # "Human Rights Council ... in its resolutions ... 54/9 of 11 October 202336 and
    # 54/18,37 54/22,38 54/2639 and 54/3340 of 12 October 2023;"
    assert by_label["XI.OP3"].text.endswith(
        "54/9 of 11 October 2023 and 54/18, 54/22, 54/26 and 54/33 of 12 October 2023;"
    )
    assert by_label["XI.OP3"].footnotes[-5:] == (36, 37, 38, 39, 40)
    assert by_label["XX.OP1"].text.startswith("Approves resources in the amount of 21,723,500")
    assert [p.label for p in res.paragraphs if p.label.startswith("XXV.")] == [
        "XXV.PP1",
        "XXV.OP1",
    ]
    assert by_label["XXV.PP1"].footnotes == (58, 59)
    assert [p.label for p in res.paragraphs if p.label.startswith("XXVI.")] == [
        "XXVI.PP1",
        "XXVI.OP1",
        "XXVI.OP2",
    ]
    assert by_label["XXVI.OP2"].verb == "Decides"
    assert by_label["XXIV.OP1(b)"].text == (
        "Security and Safety Services at the United Nations Office at Vienna: 16,115,500 dollars;"
    )
    assert by_label["XXIV.OP1(b)"].parent == "XXIV.OP1"


def test_section_with_one_unnumbered_paragraph(shared_corpus: Path) -> None:
    """A/RES/79/281: a general preamble, then "I / Report of the Joint Inspection Unit"
    (1. to 19.) and "II / Review of consideration …" (one unnumbered paragraph)."""
    res = _parse(shared_corpus, "ga-text/A_RES_79_281.txt")
    labels = [p.label for p in res.paragraphs if "(" not in p.label]
    assert labels[:3] == ["PP1", "PP2", "I.PP1"]
    assert labels[-3:] == ["I.OP19", "II.PP1", "II.OP1"]
    assert res.paragraphs[-1].text == "Takes note of the notes by the Secretary-General."


def test_security_council_resolution_in_parts(shared_corpus: Path) -> None:
    """S/RES/101 (1953): a preamble, then parts A (1.-2.), B (1.-3.) and C (1.-4.)."""
    res = _parse(shared_corpus, "sc-text/S_RES_0101_1953_EN_GOLD.txt")
    assert [p.label for p in res.paragraphs] == [
        "PP1",
        "PP2",
        "A.OP1",
        "A.OP2",
        "B.OP1",
        "B.OP2",
        "B.OP3",
        "C.OP1",
        "C.OP2",
        "C.OP3",
        "C.OP4",
    ]
    assert res.paragraphs[4].text.startswith("Takes note of the fact that there is substantial")


def test_numbering_over_headings_stays_one_sequence(shared_corpus: Path) -> None:
    """A/RES/79/298: sections I (1.-13.) and II (1.-2.) restart, so they are sections;
    A/RES/78/223 restarts its numbering only inside a list (the provisional agenda of
    the Congress, "1. Opening of the Congress."), which stays in OP11's text."""
    res = _parse(shared_corpus, "ga-text/A_RES_79_298.txt")
    tops = [p.label for p in res.paragraphs if "(" not in p.label and "OP" in p.label]
    assert tops == [f"I.OP{n}" for n in range(1, 14)] + ["II.OP1", "II.OP2"]
    res = _parse(shared_corpus, "ga-text/A_RES_78_223.txt")
    tops = [p.label for p in res.paragraphs if "(" not in p.label and "OP" in p.label]
    assert tops == [f"OP{n}" for n in range(1, 25)]


def test_markdown_conversion_that_lost_the_last_number(shared_corpus: Path) -> None:
    """ga-md/A_RES_80_3: "1. Endorses …;" then "Expresses its profound gratitude …"
    (paragraph 2 of the PDF, its number lost in the conversion)."""
    res = _parse(shared_corpus, "ga-md/A_RES_80_3.md")
    ops = [p for p in res.paragraphs if p.label.startswith("OP")]
    assert [p.label for p in ops] == ["OP1", "OP2"]
    assert ops[1].text.startswith("Expresses its profound gratitude to the Government and")


def test_editorial_marker_without_its_footnote_text(shared_corpus: Path) -> None:
    """S/RES/598 (1987): "…the 1925 Geneva Protocol, 28" (footnote 28 is on a yearbook
    page not in the file) and "…12 August 1949; 31" (footnote 31 is at the end)."""
    res = _parse(shared_corpus, "sc-text/S_RES_0598_1987_EN_GOLD.txt")
    by_label = {p.label: p for p in res.paragraphs}
    assert by_label["PP4"].footnotes == (28,)
    assert by_label["PP4"].text.endswith("contrary to obligations under the 1925 Geneva Protocol,")
    assert by_label["OP3"].footnotes == (31,)
    assert [f.number for f in res.footnotes] == [31]
