"""Every row of the conventions table of ../shared/citations.md, and every "not a
citation" case, on real passages (the source of each is named beside it). Expected
targets written by hand from the table."""

from __future__ import annotations

import pytest
from cite_cases import CiteCase, cases_and_nots

from resdex.indexer.citations import find_citations
from resdex.indexer.models import Body, CitationKind
from resdex.indexer.resolve import CiteContext

GA = CiteContext(Body.GA, "A/RES/79/166")


# the cases, real passages with their citations written by hand:
# tests/passages/cite-conventions.txt
CASES, NOT_CITATIONS = cases_and_nots("cite-conventions")


def _expected(case: CiteCase) -> list[tuple[str | None, ...]]:
    """(target, surface, part, pinpoint) of each cite line, None where it says nothing."""
    return [tuple(part or None for part in (*cite, "", "", ""))[:4] for cite in case.cites]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_convention_row(case: CiteCase) -> None:
    found = [c for c in find_citations(case.text, case.ctx) if c.kind is CitationKind.CITATION]
    assert [(c.target, c.surface, c.part, c.pinpoint) for c in found] == _expected(case)
    for cite in found:
        assert case.text[cite.start : cite.end] == cite.surface


@pytest.mark.parametrize("case", NOT_CITATIONS, ids=[c.name for c in NOT_CITATIONS])
def test_not_a_citation(case: CiteCase) -> None:
    assert [c for c in find_citations(case.text, case.ctx) if c.kind is CitationKind.CITATION] == []


INSTRUMENTS = [
    (
        "Reaffirming the Universal Declaration of Human Rights and the Vienna Declaration and "
        "Programme of Action, the 2030 Agenda for Sustainable Development",
        ["A/RES/217(III)", "A/CONF.157/24", "A/RES/70/1"],
    ),
    (  # the Optional Protocol is another instrument
        "the Optional Protocol to the Convention on the Rights of the Child on the sale of "
        "children, and the Convention on the Rights of the Child",
        ["A/RES/44/25"],
    ),
    ("the Charter of the United Nations", []),
]


@pytest.mark.parametrize(("text", "targets"), INSTRUMENTS)
def test_instrument_links_are_their_own_kind(text: str, targets: list[str]) -> None:
    found = find_citations(text, GA)
    assert [c.target for c in found if c.kind is CitationKind.INSTRUMENT] == targets
    assert [c for c in found if c.kind is CitationKind.CITATION] == []
    for cite in found:
        assert text[cite.start : cite.end] == cite.surface
