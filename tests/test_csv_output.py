"""`resdex search --csv` and `resdex cites --csv`, read back with Python's csv module
(expected rows read by hand from the two seed texts)."""

from __future__ import annotations

import csv
import io
from pathlib import Path

from typer.testing import CliRunner

from resdex.cli.main import app
from resdex.search.export import CITES_HEADER, SEARCH_HEADER

runner = CliRunner()


def rows(index: Path, *args: str) -> list[dict[str, str]]:
    result = runner.invoke(app, [*args, "--csv", "--index", str(index)])
    assert result.exit_code == 0, result.stderr
    return list(csv.DictReader(io.StringIO(result.stdout)))


def test_search_one_row_per_hit(seed_index: Path) -> None:
    got = rows(seed_index, "search", '"cooperative approach"')
    assert [(r["symbol"], r["label"], r["verb"]) for r in got] == [
        ("A/RES/69/179", "OP8", "Emphasizes"),
        ("A/RES/71/194", "OP9", "Also emphasizes"),
    ]
    assert got[0]["session"] == "69" and got[0]["adopted"] == "2014-12-18"
    assert got[1]["text"].startswith("Also emphasizes the need for a cooperative approach")


def test_search_header_without_hits(seed_index: Path) -> None:
    result = runner.invoke(app, ["search", "xylophone", "--csv", "--index", str(seed_index)])
    assert result.stdout == ",".join(SEARCH_HEADER) + "\n"


def test_cites_one_row_per_citing_paragraph(seed_index: Path) -> None:
    got = rows(seed_index, "cites", "resolution 55/2")
    # PP2 of each cites the Millennium Declaration through footnote 2 ("Resolution 55/2.")
    assert [(r["symbol"], r["label"], r["direct"], r["via_footnotes"]) for r in got] == [
        ("A/RES/69/179", "PP2", "no", "2"),
        ("A/RES/71/194", "PP3", "no", "2"),
    ]
    assert {r["target"] for r in got} == {"A/RES/55/2"}
    assert list(got[0]) == list(CITES_HEADER)
