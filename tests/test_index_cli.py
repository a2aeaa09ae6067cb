"""`resdex index PATH…`: added, skipped, replaced, superseded, refused; folders; workers."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resdex.cli.main import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus"


def index(
    where: Path, *paths: Path | str, extra: tuple[str, ...] = ()
) -> tuple[int, dict[str, object], str]:
    result = runner.invoke(
        app, ["index", *map(str, paths), "--index", str(where), "--json", *extra]
    )
    return result.exit_code, json.loads(result.stdout), result.stderr


def statuses(data: dict[str, object]) -> dict[str, str]:
    return {Path(f["path"]).name: f["status"] for f in data["files"]}  # type: ignore[attr-defined]


def test_add_then_skip(tmp_path: Path) -> None:
    code, data, _ = index(tmp_path / "ix", SEEDS)
    assert code == 0
    assert statuses(data) == {"A_RES_69_179.ods.txt": "added", "A_RES_71_194.md": "added"}
    assert data["documents"] == 2
    assert {f["symbol"] for f in data["files"]} == {"A/RES/69/179", "A/RES/71/194"}  # type: ignore[attr-defined]
    code, data, _ = index(tmp_path / "ix", SEEDS)
    assert code == 0 and set(statuses(data).values()) == {"skipped"}
    assert data["skipped"] == [str(SEEDS / "A_RES_69_179.ods.txt"), str(SEEDS / "A_RES_71_194.md")]


def test_same_content_elsewhere_is_skipped(tmp_path: Path) -> None:
    index(tmp_path / "ix", SEEDS)
    copy = tmp_path / "copy"
    copy.mkdir()
    shutil.copy(SEEDS / "A_RES_71_194.md", copy / "renamed.md")
    code, data, _ = index(tmp_path / "ix", copy)
    assert code == 0 and statuses(data) == {"renamed.md": "skipped"}
    (reason,) = [f["reason"] for f in data["files"]]  # type: ignore[attr-defined]
    assert reason.startswith("same content as ") and reason.endswith("A_RES_71_194.md")


def test_other_content_replaces_and_says_so(tmp_path: Path) -> None:
    index(tmp_path / "ix", SEEDS)
    new = tmp_path / "new"
    new.mkdir()
    text = (SEEDS / "A_RES_71_194.md").read_text()
    (new / "A_RES_71_194.md").write_text(text.replace("universal periodic review", "UPR"))
    result = runner.invoke(app, ["index", str(new), "--index", str(tmp_path / "ix")])
    assert result.exit_code == 0
    line = result.stdout.splitlines()[0]
    assert line.startswith("replaced    A/RES/71/194")
    assert f"(replaces {SEEDS / 'A_RES_71_194.md'})" in line
    search = runner.invoke(
        app, ["search", '"universal periodic review"', "--json", "--index", str(tmp_path / "ix")]
    )
    assert json.loads(search.stdout)["total"] == 0
    shown = runner.invoke(app, ["show", "A/RES/71/194", "--index", str(tmp_path / "ix")])
    assert "the importance of the UPR as a mechanism" in " ".join(shown.stdout.split())


def test_refused_files_listed_the_rest_indexed(tmp_path: Path) -> None:
    mixed = tmp_path / "mixed"
    (mixed / "deeper").mkdir(parents=True)
    shutil.copy(SEEDS / "A_RES_69_179.ods.txt", mixed / "deeper" / "ok.txt")
    (mixed / "empty.txt").write_text("")
    (mixed / "notes.md").write_text("Shopping list\n\nmilk, bread, tea\n")
    (mixed / "binary.pdf").write_bytes(b"%PDF-1.4\n\x00\x01 broken")
    (mixed / "ignored.docx").write_bytes(b"not a supported suffix")
    result = runner.invoke(
        app, ["index", str(mixed), str(tmp_path / "missing"), "--index", str(tmp_path / "ix")]
    )
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    refused = sorted(line.split()[1].rstrip(":") for line in lines if line.startswith("refused "))
    assert refused == sorted(
        str(p)
        for p in (
            mixed / "empty.txt",
            mixed / "notes.md",
            mixed / "binary.pdf",
            tmp_path / "missing",
        )
    )
    assert any(line.startswith("added       A/RES/69/179") for line in lines)
    assert "ignored.docx" not in result.stdout
    assert ", 4 refused, 1 ignored: .docx; 1 resolution in " in lines[-1]
    assert result.stderr == "resdex: error: refused 4 of 5 files\n"
    shown = runner.invoke(app, ["show", "A/RES/69/179", "--index", str(tmp_path / "ix")])
    assert shown.exit_code == 0


def _variants(folder: Path, n: int) -> None:
    folder.mkdir()
    for i in range(n):
        seed = [SEEDS / "A_RES_69_179.ods.txt", SEEDS / "A_RES_71_194.md"][i % 2]
        (folder / f"{i:03d}{''.join(seed.suffixes)}").write_bytes(
            seed.read_bytes() + b"\n" * (i + 1)
        )


def test_workers_and_same_symbol_in_one_run(tmp_path: Path) -> None:
    """Ten files (enough for worker processes), two symbols: the last file of each symbol
    is indexed, the others are superseded; a second run skips them all."""
    work = tmp_path / "work"
    _variants(work, 10)
    code, data, _ = index(tmp_path / "ix", work, extra=("--workers", "2"))
    assert code == 0
    got = statuses(data)
    assert got["008.ods.txt"] == got["009.md"] == "added"
    assert {got[f"{i:03d}{'.ods.txt' if i % 2 == 0 else '.md'}"] for i in range(8)} == {
        "superseded"
    }
    assert data["documents"] == 2
    search = runner.invoke(app, ["search", "seminar", "--json", "--index", str(tmp_path / "ix")])
    assert json.loads(search.stdout)["total"] == 1  # one 69/179, not five
    code, data, _ = index(tmp_path / "ix", work, extra=("--workers", "2"))
    assert code == 0 and set(statuses(data).values()) == {"skipped"}


def test_no_progress_bar_when_piped(tmp_path: Path) -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "resdex.cli.main",
            "index",
            str(SEEDS),
            "--index",
            str(tmp_path / "ix"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert result.returncode == 0
    assert result.stderr == ""
    assert result.stdout.splitlines()[-1].startswith("2 files: 2 added, 0 replaced, 0 skipped")


@pytest.mark.parametrize("args", [[], ["--wait", "-1"]])
def test_usage_errors(tmp_path: Path, args: list[str]) -> None:
    result = runner.invoke(app, ["index", *args, "--index", str(tmp_path / "ix")])
    assert result.exit_code == 2
