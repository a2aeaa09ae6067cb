"""`resdex search --stem`: query-time expansion to the index's words with the same English
stem; phrases stay exact; the default stays exact. Counts read by hand from the seeds:
"Emphasizing" opens a preambular paragraph of each, "Emphasizes" / "Also emphasizes" /
"Further emphasizes" open OP8 and OP9 of 69/179 and OP8, OP9 and OP10 of 71/194."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resdex.cli.main import app
from resdex.search.engine import open_reader
from resdex.search.whoosh_engine.stemming import stem_query

runner = CliRunner()


def total(index: Path, *args: str) -> int:
    result = runner.invoke(app, ["search", *args, "--json", "--index", str(index)])
    assert result.exit_code == 0, result.stderr
    count: int = json.loads(result.stdout)["total"]
    return count


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["emphasize"], 0),  # exact: no paragraph says "emphasize"
        (["emphasize", "--stem"], 7),
        (["emphasizes"], 5),
        (["emphasizes", "--stem"], 7),
        (["emphasi*"], 7),
        (['"emphasize the need"', "--stem"], 0),  # phrases stay exact
        (['"emphasizes the need"', "--stem"], 2),  # 69/179 OP8, 71/194 OP9
    ],
)
def test_stem(seed_index: Path, args: list[str], expected: int) -> None:
    assert total(seed_index, *args) == expected


def test_expansion_leaves_the_rest_alone(seed_index: Path) -> None:
    ix = open_reader(seed_index)
    assert stem_query('emphasize AND "the need" NOT A/RES/70/1 coop*', ix) == (
        '(emphasize OR emphasizes OR emphasizing) AND "the need" NOT A/RES/70/1 coop*'
    )


def test_query_shown_as_typed(seed_index: Path) -> None:
    result = runner.invoke(app, ["search", "emphasize", "--stem", "--index", str(seed_index)])
    assert result.stdout.splitlines()[0] == "7 paragraphs in 2 resolutions match emphasize"
