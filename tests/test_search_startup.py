"""The query path never imports spaCy (nor the parser); the installed `resdex` command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
RESDEX = Path(sys.executable).with_name("resdex")
HEAVY = (
    "spacy",
    "thinc",
    "pypdf",
    "resdex.indexer.parse",
    "resdex.indexer.citations",
    "resdex.indexer.nlp",
)


@pytest.fixture(scope="module")
def index(tmp_path_factory: pytest.TempPathFactory, project_corpus: Path) -> Path:
    where = tmp_path_factory.mktemp("startup") / "index"
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "resdex.cli.main",
            "index",
            str(project_corpus),
            "--index",
            str(where),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return where


@pytest.mark.parametrize(
    "argv",
    [
        ["search", '"universal periodic review"', "--json"],
        ["search", "rights", "--verb", "urges", "--session", "60..80"],
        ["cites", "A/CONF.157/24", "--json"],
        ["show", "A/RES/69/179"],
        ["search", "(unbalanced"],
    ],
)
def test_query_path_never_imports_spacy(index: Path, argv: list[str]) -> None:
    heavy = [m for m in _modules_after(index, argv) if m.split(".")[0] in HEAVY or m in HEAVY]
    assert heavy == []


# A plain search (no --body, --verb, --by verb) makes none of the parser's dataclasses nor
# loads the write side: a frozen dataclass costs its module about a millisecond to create
LIGHT_SEARCHES = [
    ["search", '"human rights"', "--limit", "10"],
    ["search", '"universal periodic review"', "--json", "--session", "70..80"],
    ["search", '"human rights"', "--by", "session"],
]
WRITE_SIDE = ("resdex.indexer.models", "resdex.search.documents", "resdex.indexer.serialize")


@pytest.mark.parametrize("argv", LIGHT_SEARCHES)
def test_plain_search_leaves_the_write_side_unloaded(index: Path, argv: list[str]) -> None:
    assert [m for m in _modules_after(index, argv) if m in WRITE_SIDE] == []


def _modules_after(index: Path, argv: list[str]) -> list[str]:
    """The modules a fresh interpreter holds after running ``resdex ARGV`` on ``index``."""
    code = (
        "import json, sys\n"
        "from resdex.cli.main import run\n"
        f"sys.argv = ['resdex', *{argv!r}, '--index', {str(index)!r}]\n"
        "run(sys.argv[1:])\n"
        "print('MODULES', json.dumps(sorted(sys.modules)), file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=False
    )
    line = next((x for x in done.stderr.splitlines() if x.startswith("MODULES ")), None)
    assert line is not None, done.stderr
    return list(json.loads(line.removeprefix("MODULES ")))


@pytest.mark.skipif(not RESDEX.exists(), reason="the resdex script is not installed")
def test_installed_command(index: Path) -> None:
    env = {**os.environ, "RESDEX_INDEX": str(index)}
    done = subprocess.run(
        [str(RESDEX), "cites", "a/conf.157/24", "--json"],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert [c["symbol"] for c in json.loads(done.stdout)["citing"]] == [
        "A/RES/69/179",
        "A/RES/71/194",
    ]
    bad = subprocess.run(
        [str(RESDEX), "search", '"open'], capture_output=True, text=True, env=env, check=False
    )
    assert bad.returncode == 1 and bad.stdout == ""
    assert bad.stderr.startswith("resdex: error: unbalanced quote") and bad.stderr.count("\n") == 1


# The read-only commands end with os._exit once their output is flushed (cli/main.py): the
# whole output still arrives, in pieces larger than the 8 KB buffer, and the exit statuses
# are the ones CliRunner sees in-process
QUICK_EXITS = [
    (["search", "rights", "--limit", "0", "--json"], 0),
    (["search", "rights", "--limit", "0"], 0),
    (["cites", "A/CONF.157/24", "--csv"], 0),
    (["show", "A/RES/69/179", "--json"], 0),
    (["search", "rights", "--limit", "-3"], 2),
    (["show", "A/RES/1/999"], 1),
]


@pytest.mark.skipif(not RESDEX.exists(), reason="the resdex script is not installed")
@pytest.mark.parametrize(("argv", "status"), QUICK_EXITS)
def test_quick_exit_writes_everything(index: Path, argv: list[str], status: int) -> None:
    from typer.testing import CliRunner

    from resdex.cli.main import app

    done = subprocess.run(
        [str(RESDEX), *argv, "--index", str(index)], capture_output=True, text=True, check=False
    )
    inside = CliRunner().invoke(app, [*argv, "--index", str(index)])
    assert (done.returncode, inside.exit_code) == (status, status)
    assert done.stdout == inside.stdout
    assert done.stderr == inside.stderr


@pytest.mark.skipif(not RESDEX.exists(), reason="the resdex script is not installed")
@pytest.mark.parametrize(
    "argv",
    [
        ["search", "rights", "--limit", "0"],  # 13 KB: the pipe breaks while it prints
        ["cites", "A/CONF.157/24"],  # 1 KB: only when the output is flushed at the end
    ],
)
def test_reader_gone_exits_1_without_a_traceback(index: Path, argv: list[str]) -> None:
    """`resdex search … | head -0`: the pipe closed before the answer is written."""
    with subprocess.Popen(
        [str(RESDEX), *argv, "--index", str(index)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stdout is not None and proc.stderr is not None
        proc.stdout.close()
        err = proc.stderr.read()
        assert proc.wait(timeout=60) == 1
    assert err == b""


@pytest.mark.skipif(not RESDEX.exists(), reason="the resdex script is not installed")
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full (a full disk)")
def test_output_to_a_full_disk_exits_1_in_one_line(index: Path) -> None:
    """`resdex cites … > /dev/full`: the answer cannot be written; one line, no traceback."""
    with open("/dev/full", "w") as full:
        done = subprocess.run(
            [str(RESDEX), "cites", "A/CONF.157/24", "--index", str(index)],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
        )
    assert done.returncode == 1
    assert done.stderr == "resdex: error: cannot write the output: No space left on device\n"
