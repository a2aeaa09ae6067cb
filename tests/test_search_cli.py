"""`resdex search`: every option through the CLI, over an index of corpus/ built by
`resdex index` (expected values read by hand from the two seed texts)."""

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


def run_json(index: Path, *args: str) -> dict[str, object]:
    result = runner.invoke(app, ["search", *args, "--json", "--index", str(index)])
    assert result.exit_code == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def addresses(index: Path, *args: str) -> list[str]:
    hits = run_json(index, *args, "--limit", "0")["hits"]
    return [f"{h['symbol']} {h['label']}" for h in hits]  # type: ignore[attr-defined]


def test_phrase_json_shape(index: Path) -> None:
    data = run_json(index, '"universal periodic review"')
    assert data["query"] == '"universal periodic review"'
    assert (data["total"], data["resolutions"]) == (1, 1)
    hits: list[dict[str, object]] = data["hits"]  # type: ignore[assignment]
    (hit,) = hits
    assert {k: hit[k] for k in ("symbol", "label", "kind", "body", "session", "year", "verb")} == {
        "symbol": "A/RES/71/194",
        "label": "OP8",
        "kind": "operative",
        "body": "GA",
        "session": 71,
        "year": 2016,
        "verb": "Emphasizes",
    }
    assert str(hit["text"]).startswith("Emphasizes the importance of the universal periodic")
    assert "**universal periodic review**" in str(hit["highlight"])


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        # 69/179 OP8 and 71/194 OP9 read the same
        (("cooperative approach",), ["A/RES/69/179 OP8", "A/RES/71/194 OP9"]),
        (("seminar",), ["A/RES/69/179 OP13"]),
        (('"seventy-second session"',), ["A/RES/71/194 OP15"]),
        (("seminar OR seventy-second",), ["A/RES/69/179 OP13", "A/RES/71/194 OP15"]),
        (("cooperative approach NOT stakeholders",), []),
        # the joint symbol of footnote 5 stays one token
        (
            ("E/CN.4/2001/2-E/CN.4/Sub.2/2000/46",),
            ["A/RES/69/179 footnote 5", "A/RES/71/194 footnote 5"],
        ),
        (("cooperative", "--session", "70..80"), ["A/RES/71/194 OP9"]),
        (("cooperative", "--session", "..69"), ["A/RES/69/179 OP8"]),
        (("cooperative", "--year", "2016"), ["A/RES/71/194 OP9"]),
        (("cooperative", "--year", "2010..2015"), ["A/RES/69/179 OP8"]),
        (("cooperative", "--body", "SC"), []),
        (("cooperative", "--body", "ga", "--session", "69"), ["A/RES/69/179 OP8"]),
        (("seminar", "--kind", "preambular"), []),
        (("55/2", "--kind", "footnote"), ["A/RES/69/179 footnote 2", "A/RES/71/194 footnote 2"]),
        # "Urges" (OP4, and OP11 of 69 / OP12 of 71)
        (
            ("states", "--verb", "urges"),
            ["A/RES/69/179 OP11", "A/RES/71/194 OP12"],
        ),
        (("*", "--verb", "also emphasizes"), ["A/RES/69/179 OP9", "A/RES/71/194 OP9"]),
        (("*", "--verb", "Calls upon"), ["A/RES/69/179 OP10", "A/RES/71/194 OP11"]),
    ],
)
def test_search_options(index: Path, args: tuple[str, ...], expected: list[str]) -> None:
    assert addresses(index, *args) == expected


@pytest.mark.parametrize("kind", ["preambular", "operative", "footnote"])
def test_kind_hits_all_have_it(index: Path, kind: str) -> None:
    hits = run_json(index, "rights OR resolution", "--kind", kind, "--limit", "0")["hits"]
    assert hits and {h["kind"] for h in hits} == {kind}  # type: ignore[attr-defined]


@pytest.mark.parametrize("verb", ["urges", "reaffirms", "recalling"])
def test_verb_hits_all_have_it(index: Path, verb: str) -> None:
    hits = run_json(index, "*", "--verb", verb, "--limit", "0")["hits"]
    assert hits and {h["verb"].casefold() for h in hits} == {verb}  # type: ignore[attr-defined]


def test_limit(index: Path) -> None:
    every = run_json(index, "rights", "--limit", "0")
    two = run_json(index, "rights", "--limit", "2")
    assert len(two["hits"]) == 2 and two["total"] == every["total"]  # type: ignore[arg-type]
    assert len(every["hits"]) == every["total"]  # type: ignore[arg-type]
    default = run_json(index, "rights")
    assert len(default["hits"]) == 20  # type: ignore[arg-type]


def test_text_output_grouped_in_session_order(index: Path) -> None:
    result = runner.invoke(app, ["search", "cooperative approach", "--index", str(index)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "2 paragraphs in 2 resolutions match cooperative approach"
    heads = [line for line in lines if line.startswith("A/RES/")]
    assert [h.split()[0] for h in heads] == ["A/RES/69/179", "A/RES/71/194"]
    assert "(GA, session 69, 2014-12-18)" in heads[0]
    assert "  OP8  [Emphasizes]" in lines
    assert "  OP9  [Also emphasizes]" in lines
    assert any("**cooperative approach**" in line for line in lines)


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (['"universal periodic'], 1, "unbalanced quote"),
        (["rights AND"], 1, "AND has nothing after it"),
        (["(rights"], 1, "unbalanced parenthesis"),
        (["rights", "--session", "eighty"], 2, "--session 'eighty' is not"),
        (["rights", "--year", "2020..2010"], 2, "runs backwards"),
        (["rights", "--kind", "annex"], 2, "unknown kind"),
        (["rights", "--body", "UNGA"], 2, "unknown body"),
        (["rights", "--limit", "-1"], 2, "--limit"),
    ],
)
def test_errors_one_line(index: Path, args: list[str], code: int, message: str) -> None:
    result = runner.invoke(app, ["search", *args, "--index", str(index)])
    assert result.exit_code == code
    assert result.stdout == ""
    assert result.stderr.startswith("resdex: error: ") and result.stderr.count("\n") == 1
    assert message in result.stderr


def test_no_index(tmp_path: Path) -> None:
    result = runner.invoke(app, ["search", "rights", "--index", str(tmp_path / "none")])
    assert result.exit_code == 1
    assert result.stderr == (
        f"resdex: error: no index at {tmp_path / 'none'}: run `resdex index PATH` to build one\n"
    )


def test_index_from_environment(index: Path, tmp_path: Path) -> None:
    result = runner.invoke(app, ["search", "seminar", "--json"], env={"RESDEX_INDEX": str(index)})
    assert result.exit_code == 0 and json.loads(result.stdout)["total"] == 1
    # --index wins over the environment
    result = runner.invoke(
        app,
        ["search", "seminar", "--index", str(tmp_path / "none")],
        env={"RESDEX_INDEX": str(index)},
    )
    assert result.exit_code == 1
