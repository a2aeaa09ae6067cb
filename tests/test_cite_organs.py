"""Issue 9's citation error classes, on real passages (the document each comes from is
named beside it; expected targets written by hand from reading the passage):

1. the organ named after the number, or elsewhere in the sentence, and the plausibility
   check that drops or re-attributes a target that cannot exist;
5. "document S/16858 and Add.1", OCR "S$/21909", "2248(S-V)", a lost bracket, a year
   slip; and "not a citation" cases for the bodies of the organ table.
"""

from __future__ import annotations

import re._constants as _c
import re._parser as _p
import string
from typing import Any

import pytest
from cite_cases import CiteCase, cases_and_nots

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

# the cases, real passages with their targets written by hand: tests/passages/cite-organs.txt
CASES, NOT_CITATIONS = cases_and_nots("cite-organs")


def _targets(text: str, ctx: CiteContext) -> list[str]:
    found = [c for c in find_citations(text, ctx) if c.kind is CitationKind.CITATION]
    for cite in found:
        assert text[cite.start : cite.end] == cite.surface
    return [c.target for c in found]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_error_class(case: CiteCase) -> None:
    assert _targets(case.text, case.ctx) == [cite[0] for cite in case.cites]


# the documents a "not:" case names are citations; its numbers are not
@pytest.mark.parametrize("case", NOT_CITATIONS, ids=[c.name for c in NOT_CITATIONS])
def test_not_a_citation(case: CiteCase) -> None:
    assert _targets(case.text, case.ctx) == [cite[0] for cite in case.cites]


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


def _first_chars(parsed: Any) -> set[str]:
    """The characters a parsed regex can begin with (literals, optional groups, branches)."""
    first: set[str] = set()
    for op, av in parsed:
        if op is _c.LITERAL:
            return first | {chr(av)}
        if op is _c.SUBPATTERN:
            inner = _first_chars(av[3])
        elif op is _c.BRANCH:
            inner = set().union(*(_first_chars(branch) for branch in av[1]))
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT) and av[0] == 0:
            first |= _first_chars(av[2])
            continue
        else:
            raise AssertionError(f"an organ name opening with {op} {av}")
        return first | inner
    raise AssertionError("an organ name that can be empty")


def test_every_organ_name_begins_with_a_capital() -> None:
    # ``name_alternation`` opens with "(?=[A-Z])": a name of the table opening otherwise
    # would never be found
    for row in ORGANS:
        if row.organ is not Organ.OTHER:
            assert _first_chars(_p.parse(row.pattern)) <= set(string.ascii_uppercase), row


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
