"""`resdex show SYMBOL`: the stored document, rendered without parsing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resdex.cli.main import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def index(seed_index: Path) -> Path:
    return seed_index


@pytest.mark.parametrize("symbol", ["A/RES/71/194", "a/res/71/194", "71/194"])
def test_show_json_is_the_parse_json(index: Path, project_corpus: Path, symbol: str) -> None:
    shown = runner.invoke(app, ["show", symbol, "--json", "--index", str(index)])
    parsed = runner.invoke(app, ["parse", str(project_corpus / "A_RES_71_194.md"), "--json"])
    assert shown.exit_code == parsed.exit_code == 0, shown.stderr
    parse_data = json.loads(parsed.stdout)
    parse_data.pop("source", None)  # the file is not kept in the index
    assert json.loads(shown.stdout) == parse_data


def test_show_text(index: Path) -> None:
    result = runner.invoke(app, ["show", "A/RES/69/179", "--index", str(index)])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "A/RES/69/179  Enhancement of international cooperation in the field of human rights"
    )
    assert "OP13  [Recalls]" in lines
    assert any("-> A/CONF.157/24" in line and "(footnote 1)" in line for line in lines)


def test_show_unknown(index: Path) -> None:
    result = runner.invoke(app, ["show", "A/RES/70/1", "--index", str(index)])
    assert result.exit_code == 1
    assert result.stderr == "resdex: error: A/RES/70/1 is not in the index\n"


def test_show_never_imports_the_parser(index: Path) -> None:
    code = (
        "import sys\n"
        "from resdex.cli.main import run\n"
        f"sys.argv = ['resdex', 'show', 'A/RES/71/194', '--index', {str(index)!r}]\n"
        "run(sys.argv[1:])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'spacy'"
        " or m in ('resdex.indexer.parse', 'resdex.indexer.citations',"
        " 'resdex.indexer.nlp', 'pypdf'))\n"
        "print('IMPORTED', bad, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    assert "IMPORTED []" in result.stderr, result.stderr
    assert result.stdout.startswith("A/RES/71/194")
