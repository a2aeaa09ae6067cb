"""What `resdex index` prints: a short listing by default, -q, -v, ignored file types
counted in the summary, and counts in the singular where they are 1."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from resdex.cli.index_cmd import SHOWN
from resdex.cli.main import app
from resdex.cli.render import plural

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "corpus"


def many_files(folder: Path, n: int) -> Path:
    """``n`` distinct files (variants of the seed 69/179, a symbol each)."""
    folder.mkdir()
    text = (SEEDS / "A_RES_69_179.ods.txt").read_text()
    for i in range(n):
        symbol = f"69/{500 + i}"
        (folder / f"r{i:02d}.txt").write_text(text.replace("69/179", symbol))
    return folder


def run(*args: str) -> tuple[int, list[str], str]:
    result = runner.invoke(app, ["index", *args])
    return result.exit_code, result.stdout.splitlines(), result.stderr


def test_default_lists_the_first_files_then_a_count(tmp_path: Path) -> None:
    folder = many_files(tmp_path / "many", SHOWN + 3)
    code, lines, _ = run(str(folder), "--index", str(tmp_path / "ix"), "--workers", "1")
    assert code == 0
    assert sum(line.startswith("added ") for line in lines) == SHOWN
    assert lines[-2] == "… and 3 more (--verbose lists every file)"
    assert lines[-1].startswith(f"{SHOWN + 3} files: {SHOWN + 3} added, 0 replaced, 0 skipped")
    # again: every file skipped, none listed
    code, lines, _ = run(str(folder), "--index", str(tmp_path / "ix"))
    assert code == 0 and len(lines) == 1


def test_quiet_lists_only_refusals_and_the_summary(tmp_path: Path) -> None:
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(SEEDS / "A_RES_71_194.md", folder)
    (folder / "notes.txt").write_text("Shopping list\n\nmilk, bread, tea\n")
    code, lines, err = run(str(folder), "-q", "--index", str(tmp_path / "ix"))
    assert code == 1
    assert len(lines) == 2
    assert lines[0].startswith(f"refused     {folder / 'notes.txt'}: ")
    assert lines[1].startswith("2 files: 1 added, 0 replaced, 0 skipped, 1 refused; 1 resolution")
    assert err == "resdex: error: refused 1 of 2 files\n"


def test_verbose_lists_skipped_files(tmp_path: Path) -> None:
    run(str(SEEDS), "--index", str(tmp_path / "ix"))
    code, lines, _ = run(str(SEEDS), "-v", "--index", str(tmp_path / "ix"))
    assert code == 0
    assert [line.split()[0] for line in lines[:-1]] == ["skipped", "skipped"]


def test_unsupported_types_are_counted(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    (folder / "sub").mkdir(parents=True)
    shutil.copy(SEEDS / "A_RES_71_194.md", folder)
    for name in ("a.bin", "sub/b.exe", "sub/c.bin", "README"):
        (folder / name).write_bytes(b"\x00")
    code, lines, _ = run(str(folder), "--index", str(tmp_path / "ix"))
    assert code == 0
    assert lines[-1].startswith(
        "1 file: 1 added, 0 replaced, 0 skipped, 0 refused, 4 ignored: (no extension), .bin, "
        ".exe; 1 resolution in "
    )
    result = runner.invoke(app, ["index", str(folder), "--json", "--index", str(tmp_path / "i2")])
    ignored = json.loads(result.stdout)["ignored"]
    assert sorted(Path(p).name for p in ignored) == ["README", "a.bin", "b.exe", "c.bin"]


def test_one_file_one_paragraph_in_the_singular(tmp_path: Path) -> None:
    code, lines, _ = run(str(SEEDS / "A_RES_71_194.md"), "--index", str(tmp_path / "ix"))
    assert code == 0
    assert lines[-1].startswith("1 file: 1 added, 0 replaced, 0 skipped, 0 refused; 1 resolution")


def test_plural() -> None:
    assert [plural(n, "resolution") for n in (0, 1, 2, 2200)] == [
        "0 resolutions",
        "1 resolution",
        "2 resolutions",
        "2,200 resolutions",
    ]
