"""The CLI's own structure: one-way imports, --version, completion, usage errors (exit 2),
`python -m resdex`, and the command modules registered by one line each."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resdex.cli.main import COMMANDS, app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
RESDEX = Path(sys.executable).with_name("resdex")


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at its top or inside functions."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
            found.update(f"{node.module}.{a.name}" for a in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name for a in node.names)
    return found


@pytest.mark.parametrize("path", sorted((ROOT / "cli").glob("*.py")), ids=lambda p: p.name)
def test_no_module_imports_main_back(path: Path) -> None:
    if path.name == "main.py":
        return
    assert "resdex.cli.main" not in imported_modules(path)


def test_every_command_module_is_registered() -> None:
    modules = {m.__name__.rsplit(".", 1)[1] for m in COMMANDS}
    on_disk = {p.stem for p in (ROOT / "cli").glob("*_cmd*.py")}
    assert on_disk <= modules
    names = {c.name for c in app.registered_commands}
    assert {"parse", "index", "search", "cites", "show", "export"} <= names


def test_version() -> None:
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"resdex {version('resdex')}\n"


def test_completion_offered() -> None:
    result = runner.invoke(app, ["--help"])
    assert "--install-completion" in result.stdout and "--show-completion" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["search", "rights", "--json", "--csv"], "--json and --csv exclude each other"),
        (["cites", "A/RES/55/2", "--json", "--csv"], "--json and --csv exclude each other"),
        (["search", "rights", "--limit", "-3"], "--limit must be 0 (all) or more"),
        (["export", "--format", "xlsx"], "unknown --format 'xlsx': csv, jsonl, graphml"),
        (["index", "corpus", "-q", "-v"], "--verbose and --quiet exclude each other"),
    ],
)
def test_usage_errors_one_line_exit_2(seed_index: Path, args: list[str], message: str) -> None:
    result = runner.invoke(app, [*args, "--index", str(seed_index)])
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr == f"resdex: error: {message}\n"


def test_python_m_resdex_help() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "resdex", "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0, done.stderr
    assert "Full-text search and citation index" in done.stdout


def test_installed_command_version() -> None:
    done = subprocess.run([str(RESDEX), "--version"], capture_output=True, text=True, check=False)
    assert done.returncode == 0 and done.stdout.startswith("resdex ")


def test_search_help_documents_the_query_language() -> None:
    result = runner.invoke(app, ["search", "--help"], env={"COLUMNS": "200"})
    text = " ".join(result.stdout.split())
    for said in ('"quoted phrases"', "AND / OR / NOT", "`ratif*`", "--stem", "exact"):
        assert said in text


@pytest.mark.parametrize(
    ("args", "whole"),
    [
        (["search", "x"], False),  # a command: only its module's commands are built
        (["cites", "A/RES/55/2"], False),
        (["--help"], True),  # the whole list of commands
        (["--version"], True),
        ([], True),
        (["nosuch"], True),  # typer's own "No such command"
    ],
)
def test_the_app_run_for_each_command_line(args: list[str], whole: bool) -> None:
    from resdex.cli.main import app_for, app

    chosen = app_for(args)
    assert (chosen is app) is whole
    if not whole:
        names = {info.name for info in chosen.registered_commands}
        assert args[0] in names
        assert len(names) < len(app.registered_commands)
