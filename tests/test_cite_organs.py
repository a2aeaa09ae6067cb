"""Issue 9's citation error classes, on real passages (the document each comes from is
named beside it; expected targets written by hand from reading the passage):

1. the organ named after the number, or elsewhere in the sentence, and the plausibility
   check that drops or re-attributes a target that cannot exist;
5. "document S/16858 and Add.1", OCR "S$/21909", "2248(S-V)", a lost bracket, a year
   slip; and "not a citation" cases for the bodies of the organ table.
"""

from __future__ import annotations

import pytest

from resdex.indexer.citations import find_citations
from resdex.indexer.models import Body, CitationKind
from resdex.indexer.organs import (
    ADOPTING,
    ORGANS,
    Organ,
    filter_names,
    organ_named,
    organ_of_document,
    resolution_symbol,
    series_target,
    symbol_key,
)
from resdex.indexer.plausibility import plausible, sc_number_range, sc_year_of, sc_year_slip
from resdex.indexer.resolve import CiteContext


def ga(symbol: str, title: str = "") -> CiteContext:
    """The context of a General Assembly text: its session from its symbol, its year the
    session's ("A/RES/80/109": session 80, 2025)."""
    session = int(symbol.split("/")[-2])
    return CiteContext(Body.GA, symbol, 1945 + session, session, title)


def sc(symbol: str, year: int) -> CiteContext:
    return CiteContext(Body.SC, symbol, year)


L27 = ga("A/C.2/80/L.27")
CBD_TITLE = "Implementation of the Convention on Biological Diversity and its contribution"
UNCAC = ga("A/RES/79/190", "… in accordance with the United Nations Convention against Corruption")

# the 20 resolutions reaffirmed by S/RES/281 (1970) OP1, "274 (1959)" read as 1969
S_RES_281_OP1 = (
    "186(1964) 187(1964) 192(1964) 193(1964) 194(1964) 198(1964) 201(1965) 206(1965) "
    "207(1965) 219(1965) 220(1966) 222(1966) 231(1966) 238(1967) 244(1967) 247(1968) "
    "254(1968) 261(1968) 266(1969) 274(1969)"
)

# (id, text, context, expected targets in text order)
ROWS: list[tuple[str, str, CiteContext, list[str]]] = [
    # --- 1. the organ named after the number or elsewhere in the sentence ---------------
    (
        "adopted by the Environment Assembly, after a topic",  # A/C.2/80/L.27 OP4
        "recalls in this regard resolution 6/8 of 1 March 2024 on promoting sustainable "
        "lifestyles, adopted by the United Nations Environment Assembly of the United Nations "
        "Environment Programme at its sixth session, and encourages Member States",
        L27,
        ["UNEP/EA.6/Res.8"],
    ),
    (
        "decision by the Environment Assembly at its session, in resolution",  # A/C.2/80/L.27 OP19
        "Welcomes the decision by the United Nations Environment Assembly at its resumed fifth "
        "session, in resolution 5/14 of 2 March 2022, to convene an intergovernmental "
        "negotiating committee",
        L27,
        ["UNEP/EA.5/Res.14"],
    ),
    (
        "of the Environment Assembly after the date",  # A/C.2/80/L.8 PP15
        "Taking note of resolution 5/12 of 2 March 2022 of the United Nations Environment "
        "Assembly,",
        ga("A/C.2/80/L.8"),
        ["UNEP/EA.5/Res.12"],
    ),
    (
        "its resolutions: the Environment Assembly named before and after",  # A/RES/79/209 OP21
        "Welcomes the continued commitment of the United Nations Environment Assembly to "
        "contributing to the effective implementation of the environmental dimension of the "
        "2030 Agenda in an integrated manner, as reflected in its resolutions 2/5 of 27 May "
        "2016 and 3/3 of 6 December 2017 on the contributions of the United Nations "
        "Environment Assembly to the high-level political forum on sustainable development;",
        ga("A/RES/79/209"),
        ["UNEP/EA.2/Res.5", "UNEP/EA.3/Res.3"],
    ),
    (
        "document of the CBD, decision",  # A/RES/80/3 footnote 11
        "United Nations Environment Programme, document CBD/COP/15/17, decision 15/4, annex.",
        ga("A/RES/80/3"),
        ["CBD/COP/15/17", "CBD/COP/DEC/15/4"],
    ),
    (
        "decisions in a text on the Convention",  # A/RES/80/140 OP10
        "including through revising or updating national biodiversity strategies and action "
        "plans, in alignment with the Framework, its goals and its targets, in line with "
        "decisions 15/6, 16/31 and 16/32;",
        ga("A/RES/80/140", CBD_TITLE),
        ["CBD/COP/DEC/15/6", "CBD/COP/DEC/16/31", "CBD/COP/DEC/16/32"],
    ),
    (
        "Ibid. after a footnote naming the Convention's document",  # A/RES/79/233 footnote 17
        "Ibid., decision 15/7.",
        CiteContext(
            Body.GA,
            "A/RES/79/233",
            2024,
            79,
            ibid="United Nations Environment Programme, document CBD/COP/15/17, decision 15/4, "
            "annex.",
        ),
        ["CBD/COP/DEC/15/7"],
    ),
    (
        "Official Records supplement of the Human Rights Council",  # A/RES/79/133 footnote 20
        "Official Records of the General Assembly, Seventy-third Session, Supplement No. 53 "
        "(A/73/53), chap. IV, sect. A, resolution 37/17.",
        ga("A/RES/79/133"),
        ["A/73/53", "A/HRC/RES/37/17"],
    ),
    (
        "Official Records supplement of the Environment Assembly",  # A/RES/79/209 footnote 14
        "Official Records of the General Assembly, Sixty-ninth Session, Supplement No. 25 "
        "(A/69/25), annex, resolution 1/1.",
        ga("A/RES/79/209"),
        ["A/69/25", "UNEP/EA.1/Res.1"],
    ),
    (
        "its resolution …, the Council submitted",  # A/C.3/80/L.38 OP7
        "Takes note, in this regard, that through its resolution 54/18 of 12 October 2023, the "
        "Human Rights Council submitted to the General Assembly the draft international "
        "covenant on the right to development",
        ga("A/C.3/80/L.38"),
        ["A/HRC/RES/54/18"],
    ),
    (
        "a body named in a later clause stays out",  # A/RES/80/109 OP242
        "affirms the importance of the work undertaken pursuant to paragraphs 135 and 136 of "
        "resolution 66/68, and notes in particular the support provided by the Food and "
        "Agriculture Organization of the United Nations to States",
        ga("A/RES/80/109"),
        ["A/RES/66/68"],
    ),
    (
        "the Council's 2026 session opens in 2025",  # A/RES/80/186 PP17
        "Taking note of the adoption of Economic and Social Council resolution 2026/2 of "
        "19 September 2025 on the revitalization of the Commission on the Status of Women,",
        ga("A/RES/80/186"),
        ["E/RES/2026/2"],
    ),
    (
        "the Narcotic Drugs Commission's own, after a GA one",  # A/RES/79/191 OP37
        "and in this regard recalls its resolution 72/197 of 19 December 2017, as well as "
        "Commission on Narcotic Drugs resolution 67/3 of 22 March 2024;",
        ga("A/RES/79/191"),
        ["A/RES/72/197"],
    ),
    (
        "the Status of Women Commission's own in a list",  # A/RES/79/153 PP1
        "and 77/195 of 15 December 2022, Commission on the Status of Women resolutions 51/2 "
        "of 9 March 2007, 52/2 of 7 March 2008 and 54/7 of 12 March 2010 and Human Rights "
        "Council resolutions 27/22 of 26 September 2014",
        ga("A/RES/79/153"),
        ["A/HRC/RES/27/22"],
    ),
    # --- 5. addenda, OCR ------------------------------------------------------------------
    (
        "and Add.1 at the end of a sentence",  # S/RES/559 (1984) footnote 50
        "Ibid., document S/16858 and Add.1.",
        sc("S/RES/559(1984)", 1984),
        ["S/16858", "S/16858/Add.1"],
    ),
    (
        "OCR S$ for S",  # S/RES/675 (1990) footnote 99
        "Ibid., document S$/21909.",
        sc("S/RES/675(1990)", 1990),
        ["S/21909"],
    ),
    (
        "number glued to its special session",  # S/RES/385 (1976) PP3
        "General Assembly resolution 2145 (XXI) of 27 October 1966, by which the Assembly "
        "terminated South Africa’s Mandate over the Territory of Namibia, and resolution "
        "2248(S-V) of 19 May 1967, by which it established a United Nations Council",
        sc("S/RES/385(1976)", 1976),
        ["A/RES/2145(XXI)", "A/RES/2248(S-V)"],
    ),
    (
        "OCR lost an opening bracket",  # S/RES/546 (1984) PP2
        "Recalling its resolutions 387 1976), 418 (1977), 428 (1978), 447 (1979), 454 "
        "(1979), 475 (1980) and 545 (1983),",
        sc("S/RES/546(1984)", 1984),
        [
            "S/RES/387(1976)",
            "S/RES/418(1977)",
            "S/RES/428(1978)",
            "S/RES/447(1979)",
            "S/RES/454(1979)",
            "S/RES/475(1980)",
            "S/RES/545(1983)",
        ],
    ),
    (
        "OCR slip of one digit in the year",  # S/RES/281 (1970) OP1
        "Reaffirms its resolutions 186 (1964) of 4 March, 187 (1964) of 13 March, 192 (1964) "
        "of 20 June, 193 (1964) of 9 August, 194 (1964) of 25 September and 198 (1964) of 18 "
        "December 1964, 201 (1965) of 19 March, 206 (1965) of 15 June, 207 (1965) of 10 "
        "August and 219 (1965) of 17 December 1965, 220 (1966) of 16 March, 222 (1966) of 16 "
        "June and 231 (1966) of 15 December 1966, 238 (1967) of 19 June and 244 (1967) of 22 "
        "December 1967, 247 (1968) of 18 March, 254 (1968) of 18 June and 261 (1968) of 19 "
        "December 1968, and 266 (1969) of 10 June and 274 (1959) of 11 December 1969, and the "
        "consensus",
        sc("S/RES/281(1970)", 1970),
        [f"S/RES/{n}" for n in S_RES_281_OP1.split()],
    ),
    # --- series of UN-serviced bodies found by a survey of the corpus's symbols ---------
    (
        "Convention on Cluster Munitions meeting",  # A/RES/78/32 footnote 3
        "CCM/CONF/2021/6, annexes I and II.",
        ga("A/RES/78/32"),
        ["CCM/CONF/2021/6"],
    ),
    (
        "UNCTAD's own series",  # A/RES/80/110 footnote 125
        "United Nations Conference on Trade and Development, document UNCTAD/RMT/2023.",
        ga("A/RES/80/110"),
        ["UNCTAD/RMT/2023"],
    ),
    # A/RES/78/158 footnote 8
    ("ESCAP's series", "ESCAP/78/12/Add.1.", ga("A/RES/78/158"), ["ESCAP/78/12/Add.1"]),
    (
        "UNODC expert group",  # A/RES/79/187 footnote 9
        "UNODC/CCPCJ/EG.9/2023/2.",
        ga("A/RES/79/187"),
        ["UNODC/CCPCJ/EG.9/2023/2"],
    ),
    # A/RES/79/214 footnote 4, A/RES/79/210 footnote 14, A/RES/78/219 footnote 17
    ("Chief Executives Board", "CEB/2019/1/Add.5.", ga("A/RES/79/214"), ["CEB/2019/1/Add.5"]),
    ("IPBES plenary", "IPBES/9/14/Add.2.", ga("A/RES/79/210"), ["IPBES/9/14/Add.2"]),
    ("Security Council press release", "SC/13331.", ga("A/RES/78/219"), ["SC/13331"]),
]

# Numbers that name no UN symbol: another body's, or one that cannot exist.
NOT_CITATIONS: list[tuple[str, str, CiteContext]] = [
    (
        "Conference of the States Parties to the Convention",  # A/RES/79/190 PP38
        "to support the effective implementation of resolutions 7/8 and 8/4 adopted by the "
        "Conference of the States Parties to the Convention,",
        UNCAC,
    ),
    (
        "dates, then the Conference",  # A/RES/79/190 PP35
        "and the need to effectively implement resolutions 7/8 of 10 November 2017 and 8/4 "
        "of 20 December 2019 adopted by the Conference of the States Parties to the "
        "Convention,",
        UNCAC,
    ),
    (
        "Conference of the Parties to the Convention on Organized Crime",  # A/C.3/80/L.9 PP6
        "Recalling Conference of the Parties to the United Nations Convention on "
        "Transnational Organized Crime resolutions 10/6 of 16 October 2020, 11/3 of 21 "
        "October 2022 and 12/4 of 18 October 2024,",
        ga("A/C.3/80/L.9"),
    ),
    (
        "regional commission at its session, of resolution",  # A/RES/78/147 PP9
        "Noting also the adoption, by the Economic and Social Commission for Asia and the "
        "Pacific at its seventy-ninth session, of resolution 79/8 of 19 May 2023 on the "
        "modalities",
        ga("A/RES/78/147"),
    ),
    (
        "High-level Committee on South-South Cooperation",  # A/C.2/80/L.14 OP9
        "and notes decisions 22/1 and 22/2 adopted by the High-level Committee on South-South "
        "Cooperation at its twenty-second session, held from 27 to 30 May 2025;",
        ga("A/C.2/80/L.14"),
    ),
    (
        "Open-ended Working Group on Ageing",  # A/RES/80/179 OP72
        "Also recalls the adoption by the Open-ended Working Group on Ageing of decision "
        "14/1, which contains options",
        ga("A/RES/80/179"),
    ),
    (
        "Indian Ocean Tuna Commission",  # A/RES/80/109 footnote 46
        "Indian Ocean Tuna Commission, resolutions 12/07 and 13/07.",
        ga("A/RES/80/109"),
    ),
    (
        "Food and Agriculture Organization",  # A/RES/80/174 PP6
        "as recalled by the Food and Agriculture Organization of the United Nations in its "
        "resolution 7/2025,",
        ga("A/RES/80/174"),
    ),
    (
        "Conference of the States Parties' report",  # A/RES/79/190 footnote 37
        "See CAC/COSP/2021/17, sect. I.A, resolution 9/2, para. 15.",
        UNCAC,
    ),
    (
        "joint document of another organization",  # A/RES/80/109 footnote 46 (A/80/L.16 fn 10)
        "A/56/1026-S/2002/932, annex II, resolution 14/221.",
        ga("A/80/L.16"),
    ),
    (
        "Commission on the Status of Women's report",  # A/RES/80/186 footnote 9
        "Official Records of the Economic and Social Council, 2025, Supplement No. 7 "
        "(E/2025/27), chap. I, sect. C, resolution 69/1, annex.",
        ga("A/RES/80/186"),
    ),
    (
        "IAEA Board of Governors' resolutions",  # A/RES/78/316 PP4
        "the International Atomic Energy Agency, as well as resolutions GOV/2022/17 of "
        "3 March 2022, GOV/2022/58 of 15 September 2022",
        ga("A/RES/78/316"),
    ),
    (
        "IMO conference document",  # A/RES/80/110 footnote 126
        "International Maritime Organization, document BWM/CONF/36, annex.",
        ga("A/RES/80/110"),
    ),
    (
        "Arms Trade Treaty secretariat",  # A/RES/78/48 footnote 8
        "See ATT/CSP9/2023/SEC/773/Conf.FinRep.Rev2.",
        ga("A/RES/78/48"),
    ),
]
# the documents the last two cite are citations themselves; only the numbers are not
DOCUMENTS_ONLY = {
    "A/56/1026-S/2002/932, annex II, resolution 14/221.": ["A/56/1026", "S/2002/932"],
    "See CAC/COSP/2021/17, sect. I.A, resolution 9/2, para. 15.": ["CAC/COSP/2021/17"],
    "Official Records of the Economic and Social Council, 2025, Supplement No. 7 "
    "(E/2025/27), chap. I, sect. C, resolution 69/1, annex.": ["E/2025/27"],
}


def _targets(text: str, ctx: CiteContext) -> list[str]:
    found = [c for c in find_citations(text, ctx) if c.kind is CitationKind.CITATION]
    for cite in found:
        assert text[cite.start : cite.end] == cite.surface
    return [c.target for c in found]


@pytest.mark.parametrize(
    ("text", "ctx", "expected"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS]
)
def test_error_class(text: str, ctx: CiteContext, expected: list[str]) -> None:
    assert _targets(text, ctx) == expected


@pytest.mark.parametrize(
    ("text", "ctx"), [r[1:] for r in NOT_CITATIONS], ids=[r[0] for r in NOT_CITATIONS]
)
def test_not_a_citation(text: str, ctx: CiteContext) -> None:
    assert _targets(text, ctx) == DOCUMENTS_ONLY.get(text, [])


# --- the plausibility check, on its own -----------------------------------------------

# (organ, first, number, bracket, citing year, citing session, plausible)
PLAUSIBLE: list[tuple[Organ, str, str, str, int | None, int | None, bool]] = [
    (Organ.GA, "6", "8", "", 2025, 80, False),  # A/RES/6/8: sessions 1-30 in Roman numerals
    (Organ.GA, "31", "1", "", 1976, None, True),
    (Organ.GA, "79", "5", "", 2023, 78, False),  # later than the citing session
    (Organ.GA, "80", "5", "", 2025, 80, True),
    (Organ.GA, "ES-10", "19", "", 2024, 79, True),  # emergency special session
    (Organ.GA, "", "1514", "XV", 1965, None, True),
    (Organ.GA, "", "1514", "XXXV", 1990, None, False),  # no Roman session past 30
    (Organ.GA, "", "2625", "XXVV", 1985, None, True),  # an OCR slip, not another body
    (Organ.GA, "", "2248", "S-V", 1976, None, True),
    (Organ.SC, "", "242", "1967", 1970, None, True),
    (Organ.SC, "", "2800", "2024", 2025, None, False),  # past the Council's 2024 numbers
    (Organ.SC, "", "425", "1978", 1973, None, False),  # later than the citing year
    (Organ.HRC, "54", "18", "", 2025, None, True),
    (Organ.HRC, "60", "1", "", 2020, None, False),
    (Organ.CHR, "2005", "69", "", 2024, None, True),
    (Organ.CHR, "2010", "5", "", 2024, None, False),  # the Commission ended in 2006
    (Organ.ECOSOC, "2026", "2", "", 2025, None, True),  # its 2026 session opens in 2025
    (Organ.UNEA, "6", "8", "", 2025, None, True),
    (Organ.UNEA, "7", "1", "", 2024, None, False),
]


@pytest.mark.parametrize(
    ("organ", "first", "number", "bracket", "year", "session", "expected"), PLAUSIBLE
)
def test_plausible(
    organ: Organ,
    first: str,
    number: str,
    bracket: str,
    year: int | None,
    session: int | None,
    expected: bool,
) -> None:
    assert plausible(organ, first, number, bracket, year, session) is expected


def test_sc_calendar() -> None:
    assert sc_year_of(242) == 1967
    assert sc_year_of(2722) == 2024
    assert sc_year_slip("274", "1959") == "1969"  # S/RES/281 (1970) OP1
    assert sc_year_slip("587", "1991") is None  # two digits off: another number's slip
    assert sc_year_slip("242", "1967") is None
    low, high = sc_number_range(1990) or (0, 0)
    assert low <= 647
    assert high >= 683


# --- the table and the symbol key ------------------------------------------------------


def test_one_row_per_organ() -> None:
    assert sorted(row.organ for row in ORGANS) == sorted(Organ)
    assert ADOPTING == (Organ.GA, Organ.SC, Organ.HRC, Organ.ECOSOC)
    assert set(Body) == set(Organ)  # models.Body is the table's enum


@pytest.mark.parametrize(
    ("name", "organ"),
    [
        ("General Assembly", Organ.GA),
        ("ga", Organ.GA),
        ("security  council", Organ.SC),
        ("HRC", Organ.HRC),
        ("Economic and Social Council", Organ.ECOSOC),
        ("UNEA", Organ.UNEA),
        ("Commission on Narcotic Drugs", Organ.CND),
        ("the Assembly", None),
    ],
)
def test_organ_named(name: str, organ: Organ | None) -> None:
    assert organ_named(name) is organ


def test_filter_names_are_the_indexed_bodies() -> None:
    assert set(filter_names().values()) == set(ADOPTING)
    assert filter_names()["economic and social council"] is Organ.ECOSOC


@pytest.mark.parametrize(
    ("organ", "decision", "first", "number", "bracket", "target"),
    [
        (Organ.GA, False, "70", "153", "", "A/RES/70/153"),
        (Organ.GA, True, "63", "550", "", "A/DEC/63/550"),
        (Organ.GA, False, "", "217", "III", "A/RES/217(III)"),
        (Organ.SC, False, "", "242", "1967", "S/RES/242(1967)"),
        (Organ.HRC, True, "2", "102", "", "A/HRC/DEC/2/102"),
        (Organ.SUB, False, "2000", "22", "", "E/CN.4/Sub.2/RES/2000/22"),
        (Organ.UNEA, False, "5", "14", "", "UNEP/EA.5/Res.14"),
        (Organ.CBD_COP, True, "15", "4", "", "CBD/COP/DEC/15/4"),
        (Organ.CBD_COP, True, "13", "5", "", "UNEP/CBD/COP/DEC/XIII/5"),
        (Organ.CBD_COP, False, "15", "4", "", None),  # the Conference adopts decisions
        (Organ.CND, False, "67", "3", "", None),
    ],
)
def test_series_target(
    organ: Organ, decision: bool, first: str, number: str, bracket: str, target: str | None
) -> None:
    assert series_target(organ, decision, first, number, bracket) == target


def test_documents_and_symbols() -> None:
    assert organ_of_document("CBD/COP/15/17") is Organ.CBD_COP
    assert organ_of_document("UNEP/CBD/COP/13/25") is Organ.CBD_COP
    assert organ_of_document("A/77/53/Add.1") is Organ.HRC
    assert organ_of_document("A/52/25") is Organ.UNEP_GC
    assert resolution_symbol(Organ.GA, "71/194") == "A/RES/71/194"
    assert resolution_symbol(Organ.SC, "242 (1967)") == "S/RES/242(1967)"
    assert symbol_key("S/RES/242 (1967)") == symbol_key("s/res/242(1967)") == "s/res/242(1967)"
