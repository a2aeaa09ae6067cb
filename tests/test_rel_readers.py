"""Issue 10, long-lived readers and Ctrl-C: a reader holding the index across publishes
keeps answering and sees the new generation; Ctrl-C at any moment publishes nothing."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rel_helpers import CORPUS, copy_index, pointer

from resdex.search import query as q
from resdex.search import store
from resdex.search.build import WriterOptions, index_paths
from resdex.search.check import check_index
from resdex.search.whoosh_engine.reader import WhooshReader

GOOD = CORPUS / "A_RES_71_194.md"


def test_a_reader_holding_the_index_across_publishes(tmp_path: Path) -> None:
    index = copy_index(tmp_path / "index")
    handle = store.IndexHandle(index, check_every=0.0)
    held = store.open_index(index)  # a bare reader, never reopened
    first = handle.get()
    assert q.search(WhooshReader.of(first), q.SearchRequest("human rights")).total > 0
    text = GOOD.read_text()
    for i in range(4):  # four publishes: the bare reader's generation is two behind
        changed = tmp_path / "changed.md"
        changed.write_text(text + "\n" * (i + 1) + f"\nversion {i}\n" * 0)
        assert index_paths([changed], index, options=WriterOptions(workers=1)).published
        assert q.search(WhooshReader.of(held), q.SearchRequest("human rights")).total > 0
        latest = handle.get()
        assert q.search(WhooshReader.of(latest), q.SearchRequest("human rights")).total > 0
    assert handle.get() is not first
    generation = store.current_generation(index)
    assert generation is not None
    assert handle.get().storage.folder == str(generation)


def test_old_generations_go_once_the_grace_has_passed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    index = copy_index(tmp_path / "index")
    text = GOOD.read_text()
    for i in range(3):
        (tmp_path / "c.md").write_text(text + "\n" * (i + 1))
        index_paths([tmp_path / "c.md"], index, options=WriterOptions(workers=1))
    assert len(list(index.glob("gen-*"))) == 4  # within the grace: all kept
    monkeypatch.setattr(store, "GRACE", -1.0)
    (tmp_path / "c.md").write_text(text + "\n" * 9)
    index_paths([tmp_path / "c.md"], index, options=WriterOptions(workers=1))
    assert sorted(p.name for p in index.glob("gen-*")) == ["gen-000004", "gen-000005"]


# --- Ctrl-C at chosen moments ------------------------------------------------------------------

# delays after `resdex index` took the write lock (staging, hashing, worker fork, parsing,
# commit, publish): the run either stops with exit 130 and the index as it was, or
# (a signal after the pointer was replaced) finishes with exit 0
DELAYS = [0.0, 0.02, 0.05, 0.1, 0.2, 0.4, 0.7, 1.0, 1.5, 2.5, 4.0]


def _start_and_signal(index: Path, work: Path, delay: float, sig: int) -> tuple[int, str, str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "resdex", "index", str(work), "--index", str(index), "--json"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lock = index / "write.lock"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:  # the run holds the lock
        if lock.exists() and lock.read_text() == str(proc.pid):
            break
        time.sleep(0.005)
    time.sleep(delay)
    proc.send_signal(sig)
    out, err = proc.communicate(timeout=300)
    return proc.returncode, out, err


def _work(tmp_path: Path) -> Path:
    work = tmp_path / "in"
    work.mkdir()
    text = GOOD.read_text()
    for i in range(10):  # enough for worker processes, a fork to interrupt
        (work / f"r{i}.md").write_text(text + "\n" * (i + 1))
    return work


@pytest.mark.parametrize("delay", DELAYS)
def test_ctrl_c_at_any_moment_publishes_nothing(tmp_path: Path, delay: float) -> None:
    index = copy_index(tmp_path / "index")
    before = (index / "CURRENT").read_bytes()
    code, out, err = _start_and_signal(index, _work(tmp_path), delay, signal.SIGINT)
    assert "Traceback" not in err, err
    assert not list(index.glob("tmp-*"))
    if code == 130:
        assert (index / "CURRENT").read_bytes() == before
        assert err.startswith("resdex: error: interrupted") and err.count("\n") == 1, err
    elif code == -signal.SIGINT:
        # the signal came as the interpreter was exiting, after the run had published
        # (Python gives SIGINT back to the system's default, which ends the process quietly):
        # the new generation is complete
        assert err == "", err
        assert pointer(index)["generation"] != json.loads(before)["generation"]
        assert check_index(index).ok
    else:  # the signal came after the pointer was replaced: the run is complete
        assert code == 0, err
        assert json.loads(out)["documents"] == 2
        assert pointer(index)["generation"] != json.loads(before)["generation"]


@pytest.mark.parametrize("delay", DELAYS)
def test_sigkill_at_any_moment_leaves_a_whole_index(tmp_path: Path, delay: float) -> None:
    index = copy_index(tmp_path / "index")
    before = (index / "CURRENT").read_bytes()
    code, _out, _err = _start_and_signal(index, _work(tmp_path), delay, signal.SIGKILL)
    assert code in (-signal.SIGKILL, 0)
    if code == -signal.SIGKILL and (index / "CURRENT").read_bytes() != before:
        pass  # killed after the pointer was replaced: the new generation is whole
    assert check_index(index).ok
    # the next run cleans what the killed one left
    assert index_paths([GOOD], index, options=WriterOptions(workers=1)) is not None
    assert not list(index.glob("tmp-*"))
    assert check_index(index).ok
