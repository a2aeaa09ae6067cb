"""Cleaning on real passages: running heads, page marks, job numbers, ODS fields, Markdown
syntax, reflow and line-end hyphens, footnote blocks."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdex.indexer import patterns as P
from resdex.indexer.clean import (
    FOOTNOTE_RULE,
    clean,
    ends_sentence_part,
    page_blocks,
    reflow,
    unmark,
)
from resdex.indexer.models import RawDocument, SourceFormat
from resdex.indexer.sources import read_document
from resdex.indexer.spaces import reflow_text, squeeze_spaces

# page 1 -> 2 of ga-text/A_RES_80_204.txt, as extracted (" " lines are blank lines, ""
# is the page break)
PAGE_BREAK_80_204 = [
    "United Nations ",
    "A/RES/80/204",
    " ",
    "General Assembly ",
    "Distr.: General ",
    "22 December 2025 ",
    "25-20958 (E) ",
    "*2520958* ",
    " ",
    "Eightieth session ",
    " ",
    "The General Assembly, ",
    " ",
    "Recalling further the World Conference against Racism, Racial Discrimination, ",
    "24 April 2009, and the political declarations of the high-level meetings of the General ",
    "_______________ ",
    " ",
    "1 A/CONF.157/24 (Part I), chap. III. ",
    " ",
    "2 Resolution 55/2. ",
    " ",
    "3 See Official Records of the General Assembly, Eightieth Session, "
    "Supplement No. 53 (A/80/53), ",
    "chap. VI, sect. A. ",
    "",
    "A/RES/80/204 ",
    "Enhancement of international cooperation in the field of ",
    "human rights",
    " ",
    "25-20958",
    "2/4 ",
    " ",
    "Assembly to commemorate the tenth4 and twentieth5 anniversaries of the adoption of ",
    " ",
    "Underlining that cooperation is not just a matter of relations of good-",
    "neighbourliness, coexistence or reciprocity, but rather of a willingness to look beyond ",
]


def _clean_text(lines: list[str], fmt: SourceFormat = SourceFormat.PDF_TEXT) -> tuple[str, ...]:
    return clean(RawDocument("x.txt", fmt, "\n".join(lines), "0" * 64)).lines


def test_running_head_page_mark_and_job_numbers_removed() -> None:
    lines = _clean_text(PAGE_BREAK_80_204)
    body = "\n".join(lines[: lines.index(FOOTNOTE_RULE)])
    for noise in ("2/4", "25-20958", "*2520958*", "A/RES/80/204 Enhancement"):
        assert noise not in body
    assert "A/RES/80/204" in lines[0]  # the symbol line of the first page stays


def test_paragraph_continues_across_the_page_break() -> None:
    lines = _clean_text(PAGE_BREAK_80_204)
    assert (
        "Recalling further the World Conference against Racism, Racial Discrimination, "
        "24 April 2009, and the political declarations of the high-level meetings of the "
        "General Assembly to commemorate the tenth4 and twentieth5 anniversaries of the "
        "adoption of"
    ) in lines


def test_line_end_hyphen_kept_in_the_word() -> None:
    lines = _clean_text(PAGE_BREAK_80_204)
    assert any("relations of good-neighbourliness, coexistence" in line for line in lines)


# pages 12 -> 13 of ga-drafts/A_C.3_80_L.17.txt (lines 758-762, 764-769, 822-832, page
# bodies cut short): footnote 42 runs over the page break and goes on, unnumbered, under
# the next page's rule, before footnote 43
FOOTNOTE_OVER_PAGE_C3_80_L17 = [
    "Beijing Declaration and Platform for Action”,42 and 56/4 of 9 March 2012, entitled ",
    "__________________ ",
    " ",
    "41 Ibid., vol. 1037, No. 15511. ",
    "42 See Official Records of the Economic and Social Council, 2005, Supplement No. 7 and ",
    "",
    "A/C.3/80/L.17 ",
    " ",
    "25-16913",
    "12/15 ",
    " ",
    "“Indigenous women: key actors in poverty and hunger eradication”, 43 as well as to ",
    "Indigenous Peoples, as custodians of their own languages, to initiate and develop ",
    "__________________ ",
    "corrigendum (E/2005/27 and E/2005/27/Corr.1), chap. I, sect. D. ",
    " ",
    "43 Ibid., 2012, Supplement No. 7 and corrigendum (E/2012/27 and E/2012/27/Corr.1), chap. I, ",
    "sect. D. ",
]


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (
            PAGE_BREAK_80_204,
            (
                "1 A/CONF.157/24 (Part I), chap. III.",
                "2 Resolution 55/2.",
                "3 See Official Records of the General Assembly, Eightieth Session, "
                "Supplement No. 53 (A/80/53), chap. VI, sect. A.",
            ),
        ),
        (
            FOOTNOTE_OVER_PAGE_C3_80_L17,
            (
                "41 Ibid., vol. 1037, No. 15511.",
                "42 See Official Records of the Economic and Social Council, 2005, Supplement "
                "No. 7 and corrigendum (E/2005/27 and E/2005/27/Corr.1), chap. I, sect. D.",
                "43 Ibid., 2012, Supplement No. 7 and corrigendum (E/2012/27 and "
                "E/2012/27/Corr.1), chap. I, sect. D.",
            ),
        ),
    ],
    ids=["A/RES/80/204", "a footnote over the page break, A/C.3/80/L.17"],
)
def test_footnotes_separated_after_the_rule(lines: list[str], expected: tuple[str, ...]) -> None:
    found = _clean_text(lines)
    assert found[found.index(FOOTNOTE_RULE) + 1 :] == expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["non‑", "selectivity, interdependence"], "non‑selectivity, interdependence"),
        (["Human Rights ", "Council resolution 56/2"], "Human Rights Council resolution 56/2"),
        (["1. ", "Reaffirms that it is one"], "1. Reaffirms that it is one"),
        (
            ["4–15 September 1995 (United", "Nations publication"],
            "4–15 September 1995 (United Nations publication",
        ),
    ],
)
def test_reflow(lines: list[str], expected: str) -> None:
    assert reflow(lines) == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (
            "[on the report of the Third Committee ([A/71/484/Add.2](#))]",
            "[on the report of the Third Committee (A/71/484/Add.2)]",
        ),
        (
            "1. *Reaffirms* that it is one of the purposes",
            "1. Reaffirms that it is one of the purposes",
        ),
        ("on 25 June 1993,¹ for enhancing", "on 25 June 1993,[^1] for enhancing"),
        (
            "³ See *Official Records of the General Assembly, Seventy-first Session*",
            "[^3] See Official Records of the General Assembly, Seventy-first Session",
        ),
    ],
)
def test_markdown_syntax_removed(line: str, expected: str) -> None:
    assert unmark(line) == expected


def test_ods_fields_and_trailer(project_corpus: Path) -> None:
    lines = clean(read_document(project_corpus / "A_RES_69_179.ods.txt")).lines
    text = "\n".join(lines)
    for noise in ("<<ODS", "[DU1]", "Please recycle", "*1467668*", "14-67668", "2/3", "-----"):
        assert noise not in text
    assert lines[:7] == (
        "United Nations",
        "A/RES/69/179",
        "General Assembly",
        "Distr.: General",
        "28 January 2015",
        "Sixty-ninth session",
        "Agenda item 68 (b)",
    )
    assert "69/179. Enhancement of international cooperation in the field of human rights" in lines


def test_markdown_footnotes_between_paragraphs(project_corpus: Path) -> None:
    lines = clean(read_document(project_corpus / "A_RES_71_194.md")).lines
    notes = lines[lines.index(FOOTNOTE_RULE) + 1 :]
    assert [n.split()[0] for n in notes] == ["1", "2", "3", "4", "5"]
    assert notes[0] == "1 A/CONF.157/24 (Part I), chap. III."


def test_markdown_page_split_paragraph_rejoined(shared_corpus: Path) -> None:
    # ga-md/A_RES_80_11.md: "... especially local peacebuilders, grass-roots" / blank /
    # "organizations, and women-led and youth-led organizations ..."
    lines = clean(read_document(shared_corpus / "ga-md" / "A_RES_80_11.md")).lines
    assert any("local peacebuilders, grass-roots organizations, and women-led" in x for x in lines)
    assert not any(x.startswith("organizations, and women-led") for x in lines)


def test_markdown_definition_continuation(shared_corpus: Path) -> None:
    # "[^10]: Report of ... 5–13 September" / "[^1994]: (United Nations publication, ..."
    lines = clean(read_document(shared_corpus / "ga-md" / "A_RES_80_10.md")).lines
    notes = lines[lines.index(FOOTNOTE_RULE) + 1 :]
    assert [n.split()[0] for n in notes] == [str(n) for n in range(1, 14)]
    assert "5–13 September 1994 (United Nations publication" in notes[9]


def test_sc_end_notes(shared_corpus: Path) -> None:
    lines = clean(read_document(shared_corpus / "sc-text" / "S_RES_0429_1978_EN_GOLD.txt")).lines
    notes = lines[lines.index(FOOTNOTE_RULE) + 1 :]
    assert notes == (
        "29 Ibid., document S/12710.",
        "30 One member (China) did not participate in the voting.",
    )


@pytest.mark.parametrize(
    ("lines", "blocks"),
    [
        # ga-text/A_RES_80_228.txt, page 3: no blank line between two preambular paragraphs
        (
            [
                "Recalling the adoption of the United Nations Global Plan of Action to Combat ",
                "Trafficking in Persons by the General Assembly in its resolution 64/293 of "
                "30 July ",
                "2010, and underlining the importance of its full implementation,  ",
                "Reaffirming that the Global Plan of Action was developed:  ",
            ],
            [
                "Recalling the adoption of the United Nations Global Plan of Action to Combat "
                "Trafficking in Persons by the General Assembly in its resolution 64/293 of 30 "
                "July 2010, and underlining the importance of its full implementation,",
                "Reaffirming that the Global Plan of Action was developed:",
            ],
        ),
        # a wrapped line after a comma that starts with a capitalized name stays
        # (ga-text/A_RES_80_222.txt: "…in the Islamic / Republic of Iran, 4 and of …")
        (
            [
                "Welcoming Human Rights Council resolution 58/21 of 3 April 2025,3 in which ",
                "the Council decided to extend the mandates of the Independent International Fact-",
                "Finding Mission on the Islamic Republic of Iran 4 and of the Special "
                "Rapporteur5 on ",
            ],
            [
                "Welcoming Human Rights Council resolution 58/21 of 3 April 2025,3 in which the "
                "Council decided to extend the mandates of the Independent International "
                "Fact-Finding Mission on the Islamic Republic of Iran 4 and of the Special "
                "Rapporteur5 on",
            ],
        ),
    ],
)
def test_page_blocks_split_paragraphs_without_blank_line(
    lines: list[str], blocks: list[str]
) -> None:
    assert page_blocks(lines) == blocks


# Ends of real blocks (each the end of the text before a line or page break), with what
# follows them that the end-anchored searches read through: trailing spaces, a line break,
# a glued or spaced footnote marker, a quote, an explicit marker of any length.
ENDS = [
    "the Ivory Coast, 26",  # S_RES_0150_1960
    "in February 2025.14",  # a footnote marker after the stop
    "“Agenda 2063: The Africa We Want”,",
    "following the hostilities of 5 June",  # S_RES_0259_1968
    "dated 1 November 1993 (S/26666 and Add.1)",  # S_RES_0882_1993
    "the Vienna Declaration and Programme of Action.[^12]",
    "the Vienna Declaration and Programme of Action.[^1234]”",
    "Recalling its resolution 70/153 of 17 December 2015, ",
    "Decides to remain seized of the matter.\n",
    "of the",
    ";",
    "",
]


@pytest.mark.parametrize("text", [e + tail for e in ENDS for tail in ("", "  ", " \n")])
def test_end_searches_as_the_whole_search(text: str) -> None:
    assert ends_sentence_part(text) == bool(P.TERMINAL_RE.search(text))
    for regex in P.END_REACH:
        assert (P.search_end(regex, text) is None) == (regex.search(text) is None)
    assert squeeze_spaces(text) == " ".join(text.split())


# whitespace of every kind that ``split`` breaks at, in ASCII texts and others: the first
# line of a Security Council yearbook paragraph with its hard wrap ("the hostilities of\n5
# June"), a tab, the ASCII separators \x1c-\x1f, a non-breaking space in "Article\xa051",
# curly quotes; an ASCII control that is no whitespace ("\x07") stays
@pytest.mark.parametrize(
    "text",
    [
        "Recalling its resolution 237 (1967) of 14 June 1967,",
        "the hostilities of\n5 June",
        "the hostilities of\t5 June",
        "the hostilities of\r\n5 June ",
        " Recalling",
        "Recalling  its resolution",
        *(f"a{sep}b" for sep in "\x0b\x0c\x1c\x1d\x1e\x1f\x85\u2028\u3000"),
        "under Article\xa051 of the Charter",
        "entitled “Transforming our world”, and",
        "entitled “Transforming our world”,  and",
        "a bell\x07 rang",
        "",
    ],
)
def test_squeeze_spaces_as_split_and_join(text: str) -> None:
    assert squeeze_spaces(text) == " ".join(text.split())


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a marker cut out before its comma: "the Paris Agreement 4, and" -> "…Agreement ,"
        ("the Paris Agreement , and", "the Paris Agreement, and"),
        ("Assembly ; and", "Assembly; and"),
        ("as follows :", "as follows:"),
        ("of the Charter .", "of the Charter."),
        ("of the Charter \n.", "of the Charter."),
        ("resolution 1514 (XV) , entitled", "resolution 1514 (XV), entitled"),
        ("the figure .5 per cent", "the figure .5 per cent"),  # no space after the mark
        ("the Charter, and", "the Charter, and"),
    ],
)
def test_reflow_text(text: str, expected: str) -> None:
    assert reflow_text(text) == expected
