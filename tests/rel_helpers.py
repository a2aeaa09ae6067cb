"""Helpers of the reliability tests (tests/test_rel_*.py): one small real index built once
per test process from the project's corpus, copied for each test that alters it."""

from __future__ import annotations

import functools
import json
import shutil
import tempfile
from pathlib import Path

from typer.testing import CliRunner

from resdex.cli.main import app

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
runner = CliRunner()


@functools.cache
def pristine_index() -> Path:
    """An index of corpus/ (A/RES/69/179 and A/RES/71/194), built once; never alter it."""
    from resdex.search.build import WriterOptions, index_paths

    folder = Path(tempfile.mkdtemp(prefix="resdex-rel-")) / "index"
    report = index_paths([CORPUS], folder, options=WriterOptions(workers=1))
    assert report.published and report.documents == 2
    return folder


def copy_index(target: Path) -> Path:
    shutil.copytree(pristine_index(), target, symlinks=True)
    return target


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def one_line_error(code: int, stdout: str, stderr: str) -> bool:
    """A refusal as resdex gives it: exit 1 or 2, one ``resdex: error:`` line, no
    traceback."""
    return (
        code in (1, 2)
        and stderr.startswith("resdex: error: ")
        and stderr.count("\n") == 1
        and "Traceback" not in stdout + stderr
    )


def pointer(index: Path) -> dict[str, object]:
    data = json.loads((index / "CURRENT").read_text())
    assert isinstance(data, dict)
    return data
