"""The index folder: generations swapped in whole, one writer at a time, killed runs
leave the previous index usable."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resdex.cli.main import app
from resdex.search import store
from resdex.search.schema import INDEX_FORMAT
from resdex.search.store import BadIndex, IndexLocked, NoIndex

runner = CliRunner()
ROOT = Path(__file__).resolve().parents[1]


def answers(index: Path) -> tuple[object, object, object]:
    """What the index says to three queries (JSON, scores aside)."""
    search = runner.invoke(
        app, ["search", '"universal periodic review"', "--json", "--index", str(index)]
    )
    cites = runner.invoke(app, ["cites", "A/CONF.157/24", "--json", "--index", str(index)])
    show = runner.invoke(app, ["show", "A/RES/69/179", "--json", "--index", str(index)])
    assert search.exit_code == cites.exit_code == show.exit_code == 0, search.stderr
    hits = [(h["symbol"], h["label"]) for h in json.loads(search.stdout)["hits"]]
    return hits, json.loads(cites.stdout), json.loads(show.stdout)


@pytest.fixture()
def seeded(tmp_path: Path, project_corpus: Path) -> Path:
    index = tmp_path / "index"
    result = runner.invoke(app, ["index", str(project_corpus), "--index", str(index)])
    assert result.exit_code == 0, result.stderr
    return index


def test_layout_after_a_run(seeded: Path) -> None:
    names = sorted(p.name for p in seeded.iterdir())
    assert names == ["CURRENT", "gen-000001", "write.lock"]
    pointer = json.loads((seeded / "CURRENT").read_text())
    assert {k: pointer[k] for k in ("format", "generation")} == {
        "format": INDEX_FORMAT,
        "generation": "gen-000001",
    }


def test_no_index(tmp_path: Path) -> None:
    with pytest.raises(NoIndex, match=r"no index at .*: run `resdex index PATH`"):
        store.open_index(tmp_path / "nowhere")
    assert not (tmp_path / "nowhere").exists()  # reading never creates the folder


def test_a_folder_of_other_files_is_refused(tmp_path: Path, project_corpus: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(BadIndex, match="is not a resdex index"), store.write_lock(tmp_path):
        pass
    result = runner.invoke(app, ["index", str(project_corpus), "--index", str(tmp_path)])
    assert result.exit_code == 1 and (tmp_path / "notes.txt").read_text() == "mine"


def test_a_damaged_pointer_is_reported(seeded: Path) -> None:
    (seeded / "CURRENT").write_text("{")
    result = runner.invoke(app, ["search", "rights", "--index", str(seeded)])
    assert result.exit_code == 1
    assert result.stderr.count("\n") == 1 and "damaged" in result.stderr


def test_second_writer_fails_after_waiting(tmp_path: Path) -> None:
    with store.write_lock(tmp_path):
        started = time.monotonic()
        with (
            pytest.raises(IndexLocked, match=rf"\(pid {os.getpid()}\) is writing"),
            store.write_lock(tmp_path, timeout=0.3),
        ):
            pass
        assert time.monotonic() - started >= 0.3


def test_second_writer_cli_message(seeded: Path, project_corpus: Path) -> None:
    with store.write_lock(seeded):
        result = runner.invoke(
            app, ["index", str(project_corpus), "--index", str(seeded), "--wait", "0.2"]
        )
    assert result.exit_code == 1
    assert result.stderr.startswith("resdex: error: another `resdex index`")
    assert result.stderr.count("\n") == 1


def test_second_writer_waits_for_the_first(seeded: Path, project_corpus: Path) -> None:
    released = threading.Event()

    def hold() -> None:
        with store.write_lock(seeded):
            time.sleep(0.6)
        released.set()

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.1)
    result = runner.invoke(
        app, ["index", str(project_corpus), "--index", str(seeded), "--wait", "10"]
    )
    holder.join()
    assert released.is_set() and result.exit_code == 0, result.stderr


def test_generations_swap_and_stale_folders_go(
    seeded: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store, "GRACE", -1.0)  # no reader to wait for
    before = answers(seeded)
    (seeded / "tmp-999-1").mkdir()  # what a killed run leaves
    (seeded / "gen-000007").mkdir()  # an unpublished generation of a killed run
    changed = tmp_path / "changed"
    changed.mkdir()
    text = (ROOT / "corpus" / "A_RES_71_194.md").read_text()
    (changed / "A_RES_71_194.md").write_text(text + "\n")
    for _ in range(2):  # two runs: gen 2 and gen 3; gen 1 is then dropped (GRACE passed)
        result = runner.invoke(app, ["index", str(changed), "--index", str(seeded)])
        assert result.exit_code == 0, result.stderr
        (changed / "A_RES_71_194.md").write_text(text + "\n\n")
    names = sorted(p.name for p in seeded.iterdir())
    assert names == ["CURRENT", "gen-000002", "gen-000003", "write.lock"]
    assert answers(seeded) == before


def test_rebuild_starts_empty(seeded: Path, project_corpus: Path) -> None:
    result = runner.invoke(
        app,
        ["index", str(project_corpus / "A_RES_71_194.md"), "--index", str(seeded), "--rebuild"],
    )
    assert result.exit_code == 0, result.stderr
    gone = runner.invoke(app, ["show", "A/RES/69/179", "--index", str(seeded)])
    assert gone.exit_code == 1 and "not in the index" in gone.stderr


# enough files that a run is still parsing a second after it staged its generation, however
# fast parsing gets (some 10 s of CPU for 4,000 files today, with the text cache; killed
# after one)
MIDWAY_FILES = 4000


def _many_copies(folder: Path, n: int) -> None:
    """``n`` files with distinct contents (trailing newlines differ), same two resolutions."""
    folder.mkdir()
    seeds = sorted((ROOT / "corpus").iterdir())
    for i in range(n):
        seed = seeds[i % len(seeds)]
        (folder / f"{i:04d}{''.join(seed.suffixes)}").write_bytes(
            seed.read_bytes() + b"\n" * (i + 1)
        )


def _kill_midway(seeded: Path, work: Path, sig: int) -> subprocess.CompletedProcess[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "resdex.cli.main", "index", str(work), "--index", str(seeded)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 30
    while not any(p.name.startswith("tmp-") for p in seeded.iterdir()):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.02)
    time.sleep(1.0)  # parsing and writing under way
    assert proc.poll() is None, "the run ended before it could be interrupted"
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=30)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


def test_sigkill_midway_leaves_the_previous_index(seeded: Path, tmp_path: Path) -> None:
    before = answers(seeded)
    pointer = (seeded / "CURRENT").read_text()
    work = tmp_path / "work"
    _many_copies(work, MIDWAY_FILES)
    killed = _kill_midway(seeded, work, signal.SIGKILL)
    assert killed.returncode == -signal.SIGKILL
    assert (seeded / "CURRENT").read_text() == pointer
    assert answers(seeded) == before
    # the lock went with the process: the next writer gets it at once, and cleans up
    shutil.rmtree(work)
    _many_copies(work, 3)
    result = runner.invoke(app, ["index", str(work), "--index", str(seeded), "--wait", "2"])
    assert result.exit_code == 0, result.stderr
    assert not [p for p in seeded.iterdir() if p.name.startswith("tmp-")]


def test_ctrl_c_midway_leaves_the_previous_index(seeded: Path, tmp_path: Path) -> None:
    before = answers(seeded)
    work = tmp_path / "work"
    _many_copies(work, MIDWAY_FILES)
    stopped = _kill_midway(seeded, work, signal.SIGINT)
    assert stopped.returncode == 130
    assert stopped.stderr.startswith("resdex: error: interrupted")
    assert stopped.stderr.count("\n") == 1
    assert answers(seeded) == before
    assert not [p for p in seeded.iterdir() if p.name.startswith("tmp-")]
