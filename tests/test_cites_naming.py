"""`resdex cites` with a document named the way people name it, suggestions when nothing
cites the target, and symbols printed as the UN writes them."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resdex.cli.main import app
from resdex.search.naming import display_symbol, instrument_symbol, resolve_target

runner = CliRunner()


# as typed -> the symbol the instrument's usual footnote gives (indexer/instruments.py)
INSTRUMENT_NAMES = {
    "Universal Declaration of Human Rights": "A/RES/217(III)",
    "the universal declaration of human rights": "A/RES/217(III)",
    "Vienna Declaration and Programme of Action": "A/CONF.157/24",
    "United Nations Millennium Declaration": "A/RES/55/2",
    "Millennium Declaration": "A/RES/55/2",
    "the 2030 Agenda for Sustainable Development": "A/RES/70/1",
    "International Covenant on Civil and Political Rights": "A/RES/2200(XXI)",
    "Convention on the Rights of the Child": "A/RES/44/25",
}


@pytest.mark.parametrize(("typed", "symbol"), INSTRUMENT_NAMES.items())
def test_instruments_by_name(typed: str, symbol: str) -> None:
    assert instrument_symbol(typed) == symbol
    assert resolve_target(typed) == symbol


def test_symbols_still_read() -> None:
    assert instrument_symbol("resolution 55/2") is None
    assert resolve_target("resolution 55/2") == "A/RES/55/2"
    assert resolve_target("S/RES/242 (1967)") == "S/RES/242(1967)"


def test_display_symbol() -> None:
    stored = "S/RES/242(1967) A/RES/217(III) A/RES/1514(XV) A/RES/71/194 E/CN.4/Sub.2/2000/46"
    assert [display_symbol(s) for s in stored.split()] == [
        "S/RES/242 (1967)",
        "A/RES/217 (III)",
        "A/RES/1514 (XV)",
        "A/RES/71/194",
        "E/CN.4/Sub.2/2000/46",
    ]


def test_cites_an_instrument_by_name(seed_index: Path) -> None:
    # PP1 of both seeds: "the Vienna Declaration and Programme of Action", footnote 1
    # "A/CONF.157/24 (Part I), chap. III."
    result = runner.invoke(
        app, ["cites", "Vienna Declaration and Programme of Action", "--index", str(seed_index)]
    )
    assert result.exit_code == 0, result.stderr
    assert result.stdout.splitlines()[0] == (
        "Vienna Declaration and Programme of Action, A/CONF.157/24, is cited by 2 resolutions"
    )


def test_nothing_cites_it_suggests_the_nearest(seed_index: Path) -> None:
    # neither seed cites an HRC resolution 55/2; both cite General Assembly resolution 55/2
    result = runner.invoke(app, ["cites", "HRC resolution 55/2", "--index", str(seed_index)])
    assert result.exit_code == 0
    assert result.stdout == "A/HRC/RES/55/2 is cited by none; A/RES/55/2 by 2 resolutions\n"
    result = runner.invoke(
        app, ["cites", "HRC resolution 55/2", "--json", "--index", str(seed_index)]
    )
    data = json.loads(result.stdout)
    assert data["citing"] == [] and data["nearest"] == [{"target": "A/RES/55/2", "resolutions": 2}]


def test_one_resolution_in_the_singular(seed_index: Path) -> None:
    # only 69/179 cites resolution 68/160 (PP2)
    result = runner.invoke(app, ["cites", "A/RES/68/160", "--index", str(seed_index)])
    assert result.stdout.splitlines()[0] == "A/RES/68/160 is cited by 1 resolution"


def test_no_suggestion_far_from_anything(seed_index: Path) -> None:
    result = runner.invoke(app, ["cites", "S/RES/242 (1967)", "--index", str(seed_index)])
    assert result.stdout == "no indexed resolution cites S/RES/242 (1967)\n"


def test_neither_symbol_nor_name(seed_index: Path) -> None:
    result = runner.invoke(app, ["cites", "Millennium Declarations", "--index", str(seed_index)])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "resdex: error: 'Millennium Declarations' is neither a document symbol"
    )


# TARGET as typed -> what both faces answer (``answer_cites``): the target, the instrument's
# name as asked, how many resolutions cite it, the nearest cited targets when none does
ANSWERS = [
    # PP1 of both seeds, through footnote 1 "A/CONF.157/24 (Part I), chap. III."
    (
        " Vienna Declaration and  Programme of Action",
        ("A/CONF.157/24", "Vienna Declaration and Programme of Action", 2, []),
    ),
    # footnote 2 of both seeds: "Resolution 55/2."
    ("resolution 55/2", ("A/RES/55/2", None, 2, [])),
    # neither seed cites an HRC resolution 55/2
    ("HRC resolution 55/2", ("A/HRC/RES/55/2", None, 0, [("A/RES/55/2", 2)])),
]


@pytest.mark.parametrize(("typed", "expected"), ANSWERS)
def test_answer_cites_for_both_faces(
    seed_index: Path, typed: str, expected: tuple[str, str | None, int, list[tuple[str, int]]]
) -> None:
    from resdex.search.engine import open_reader
    from resdex.search.naming import answer_cites

    answer = answer_cites(open_reader(seed_index), typed)
    nearest = [(s.target, s.resolutions) for s in answer.nearest]
    assert (answer.result.target, answer.asked, len(answer.result.citing), nearest) == expected
