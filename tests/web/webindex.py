"""Helpers of the web tests: the test document, and building an index with the CLI."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from resdex.cli.main import app

HERE = Path(__file__).resolve().parent
TEST_DOCUMENT = HERE / "A_RES_99_1.md"

runner = CliRunner()


def build_index(folder: Path, sources: list[Path]) -> Path:
    inputs = folder / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    for source in sources:
        shutil.copy(source, inputs / source.name)
    where = folder / "index"
    result = runner.invoke(app, ["index", str(inputs), "--index", str(where)])
    assert result.exit_code == 0, result.output
    return where
