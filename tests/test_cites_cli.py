"""`resdex cites TARGET` over an index of corpus/ (expected citations read by hand)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resdex.cli.main import app

runner = CliRunner()


@pytest.fixture(scope="module")
def index(seed_index: Path) -> Path:
    return seed_index


def cites_json(index: Path, target: str) -> dict[str, object]:
    result = runner.invoke(app, ["cites", target, "--json", "--index", str(index)])
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


@pytest.mark.parametrize("target", ["A/CONF.157/24", "a/conf.157/24", " A/CONF.157/24 (Part I)"])
def test_vienna_declaration_through_footnote_1(index: Path, target: str) -> None:
    data = cites_json(index, target)
    assert data["target"] == "A/CONF.157/24"
    citing = data["citing"]
    assert [c["symbol"] for c in citing] == ["A/RES/69/179", "A/RES/71/194"]  # type: ignore[attr-defined]
    first = citing[0]  # type: ignore[index]
    assert (first["session"], first["year"], first["adopted"]) == (69, 2014, "2014-12-18")
    assert first["paragraphs"] == ["PP1"]
    assert first["via_footnote"] is True and first["direct"] is False
    assert first["units"][0]["via_footnotes"] == [1]


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        # footnote 2 of both: "Resolution 55/2." carried by the Millennium Declaration PP
        ("resolution 55/2", {"A/RES/69/179": ["PP2"], "A/RES/71/194": ["PP3"]}),
        ("A/RES/55/2", {"A/RES/69/179": ["PP2"], "A/RES/71/194": ["PP3"]}),
        # written in 71/194 PP3 itself
        ("HRC resolution 32/6", {"A/RES/71/194": ["PP3"]}),
        ("Human Rights Council resolution 25/3", {"A/RES/69/179": ["PP2"]}),
        ("A/RES/70/1", {"A/RES/71/194": ["PP2"]}),
        # the report line of the header
        ("A/71/484/Add.2", {"A/RES/71/194": ["header"]}),
        ("S/RES/242 (1967)", {}),
    ],
)
def test_cites(index: Path, target: str, expected: dict[str, list[str]]) -> None:
    citing = cites_json(index, target)["citing"]
    got = {c["symbol"]: c["paragraphs"] for c in citing}  # type: ignore[attr-defined]
    assert got == expected


def test_text_output(index: Path) -> None:
    result = runner.invoke(app, ["cites", "a/conf.157/24", "--index", str(index)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "A/CONF.157/24 is cited by 2 resolutions"
    assert lines[2].startswith("2014-12-18  A/RES/69/179  Enhancement of international")
    assert lines[3].split() == ["PP1", "through", "footnote", "1:", "“A/CONF.157/24”"]


def test_nothing_cites_it(index: Path) -> None:
    result = runner.invoke(app, ["cites", "S/RES/242 (1967)", "--index", str(index)])
    assert result.exit_code == 0
    assert result.stdout == "no indexed resolution cites S/RES/242 (1967)\n"


@pytest.mark.parametrize("target", ["human rights", ""])
def test_not_a_symbol(index: Path, target: str) -> None:
    result = runner.invoke(app, ["cites", target, "--index", str(index)])
    assert result.exit_code == 1
    assert result.stderr.startswith("resdex: error: ") and result.stderr.count("\n") == 1


def test_no_index(tmp_path: Path) -> None:
    result = runner.invoke(app, ["cites", "A/RES/55/2", "--index", str(tmp_path / "none")])
    assert result.exit_code == 1 and "run `resdex index PATH`" in result.stderr
