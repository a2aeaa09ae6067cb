"""What ``resdex.search.engine.Reader`` offers besides search, cites and show (the export, the
nearest cited targets, ``--stem``, the web page's links, ``precedents``, ``resdex check``),
asked of every engine of ``tests/engines.py`` over the hand-built resolutions of
``test_search_handbuilt`` (A/RES/71/194, A/RES/69/179, S/RES/338 (1973), A/RES/78/116).
Expected values are read from those resolutions' texts."""

from __future__ import annotations

import pytest
from engines import ENGINES
from test_search_handbuilt import ALL

from resdex.search.engine import Passage, Reader

# 19 paragraphs (9 + 6 + 3 + 1), footnotes 1-5 of each enhancement resolution, 4 records
PARAGRAPHS, FOOTNOTES, RECORDS = 19, 10, 4


@pytest.fixture(scope="module", params=sorted(ENGINES))
def reader(request: pytest.FixtureRequest) -> Reader:
    return ENGINES[request.param](ALL)


def test_is_a_reader(reader: Reader) -> None:
    assert isinstance(reader, Reader)


def test_size_counts_records_paragraphs_and_footnotes(reader: Reader) -> None:
    assert reader.size() == PARAGRAPHS + FOOTNOTES + RECORDS


def test_resolutions_come_back_whole(reader: Reader) -> None:
    found = sorted(reader.resolutions(), key=lambda r: r.symbol)
    assert found == sorted(ALL, key=lambda r: r.symbol)


@pytest.mark.parametrize(
    ("key", "cited"),
    [
        ("a/res/70/1", True),  # A/RES/71/194 PP2: "Recalling its resolution 70/1"
        ("s/res/242(1967)", True),  # S/RES/338 OP2: "Security Council resolution 242 (1967)"
        ("a/conf.157/24", True),  # footnote 1: "A/CONF.157/24 (Part I), chap. III."
        ("a/res/71/194", False),  # nothing here cites it
    ],
)
def test_cited_keys(reader: Reader, key: str, cited: bool) -> None:
    keys = reader.cited_keys()
    assert keys == sorted(keys)
    assert (key in keys) is cited


@pytest.mark.parametrize(
    ("prefix", "words"),
    [
        ("emphasiz", ["emphasizes"]),  # A/RES/71/194 OP8 and OP9, A/RES/69/179 OP8
        ("cooperati", ["cooperation", "cooperative"]),  # PP1; "a cooperative approach"
        ("xenophob", ["xenophobia"]),  # "Urges all actors" (OP4 of both)
        ("zz", []),
    ],
)
def test_words(reader: Reader, prefix: str, words: list[str]) -> None:
    assert list(reader.words(prefix)) == words


def test_indexed(reader: Reader) -> None:
    asked = {"a/res/71/194", "s/res/338(1973)", "a/res/70/1", "a/conf.157/24"}
    assert reader.indexed(asked) == {"a/res/71/194", "s/res/338(1973)"}


SEMINAR = (
    "Recalls the seminar on the enhancement of international cooperation in the field of "
    "human rights held in 2013, with the participation of States, relevant United Nations "
    "agencies, funds and programmes and other stakeholders, including academic experts and "
    "civil society;"
)


def test_units_find_a_paragraph_by_its_words(reader: Reader) -> None:
    units = reader.units()
    assert units.frequency("seminar") == 1  # A/RES/69/179 OP13 only
    assert units.frequency("nowhere") == 0
    assert units.holding("nowhere") == frozenset()
    (number,) = units.holding("seminar")
    assert units.passage(number) == Passage(
        symbol="A/RES/69/179",
        label="OP13",
        unit="paragraph",
        body="GA",  # Body.GA, as the JSON writes it
        session=69,
        year=2014,
        adopted="2014-12-18",
        text=SEMINAR,
    )
    # its 39 words ("2013" one of them), as an engine keeps lengths (Whoosh: in one byte)
    assert abs(units.length(number) - 39) <= 39 // 10
    assert len(units.holding("xenophobia")) == 2  # OP4 of both enhancement resolutions


def test_check_reads_everything(reader: Reader) -> None:
    segments, problems = reader.check()
    assert problems == ()
    assert sum(s.resolutions for s in segments) == RECORDS
    assert sum(s.units for s in segments) == PARAGRAPHS + FOOTNOTES
    assert sum(s.documents for s in segments) == reader.size()


def test_an_index_in_memory_has_no_generation(reader: Reader) -> None:
    assert reader.generation() is None
