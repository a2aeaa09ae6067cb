"""Issue 10, the write path: each unreadable entry refused with its reason and the rest
indexed; read-only and full disks in one line with the previous index intact and nothing
left behind (a real tmpfs where mounting works, a test double of the failing call always);
hard links between generations; the same-symbol winner decided by the file order."""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from rel_helpers import CORPUS, copy_index, invoke, one_line_error, pointer

from resdex.search import store
from resdex.search.build import Status, WriterOptions, index_paths

GOOD = CORPUS / "A_RES_71_194.md"


def _fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.txt")
    return folder / "pipe.txt"


def _device(folder: Path) -> Path:
    (folder / "zero.txt").symlink_to("/dev/zero")
    return folder / "zero.txt"


def _dangling(folder: Path) -> Path:
    (folder / "gone.md").symlink_to(folder / "nowhere.md")
    return folder / "gone.md"


def _loop(folder: Path) -> Path:
    (folder / "loop.md").symlink_to(folder / "loop.md")
    return folder / "loop.md"


def _empty(folder: Path) -> Path:
    (folder / "empty.txt").write_bytes(b"")
    return folder / "empty.txt"


def _large(folder: Path) -> Path:
    (folder / "large.txt").write_bytes(b"x" * (2 * 1024 * 1024))
    return folder / "large.txt"


def _folder_loop(folder: Path) -> Path:
    (folder / "sub").mkdir()
    (folder / "sub" / "back").symlink_to(folder)
    return folder / "sub" / "back"


def _socket(folder: Path) -> Path:
    import socket

    path = folder / "sock.md"
    s = socket.socket(socket.AF_UNIX)
    s.bind(str(path))
    s.close()
    return path


# entry -> the reason it is refused with
ENTRIES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "FIFO": (_fifo, "a FIFO (named pipe), not a regular file"),
    "device": (_device, "a character device, not a regular file"),
    "socket": (_socket, "a socket, not a regular file"),
    "dangling link": (_dangling, "dangling symbolic link"),
    "looping link": (_loop, "symbolic link loop"),
    "empty file": (_empty, "empty file"),
    "over the size cap": (_large, "than the 1 MB cap (--max-size)"),
    "folder link loop": (_folder_loop, "symbolic link loop (folder already listed)"),
}


@pytest.mark.parametrize("entry", list(ENTRIES))
def test_each_unreadable_entry_is_refused_the_rest_indexed(tmp_path: Path, entry: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(GOOD, folder / "good.md")
    make, reason = ENTRIES[entry]
    bad = make(folder)
    code, out, err = invoke(
        "index", str(folder), "--index", str(tmp_path / "ix"), "--json", "--max-size", "1"
    )
    assert code == 1 and "Traceback" not in out + err, err
    files = {f["path"]: f for f in json.loads(out)["files"]}
    assert files[str(folder / "good.md")]["status"] == "added"
    assert files[str(bad)]["status"] == "refused"
    assert reason in files[str(bad)]["reason"]


def test_permission_errors_are_refused_with_their_reason(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Root reads through ``chmod 000``: the failing calls are doubled instead."""
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    shutil.copy(GOOD, folder / "good.md")
    (folder / "secret.txt").write_text("x")
    real_open, real_scandir = os.open, os.scandir

    def deny_open(path: object, *args: object, **kwargs: object) -> int:
        if str(path).endswith("secret.txt"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)  # type: ignore[arg-type]

    def deny_scandir(path: object) -> object:
        if str(path).endswith("locked"):
            raise PermissionError(errno.EACCES, "Permission denied", str(path))
        return real_scandir(path)  # type: ignore[call-overload]

    monkeypatch.setattr(os, "open", deny_open)
    monkeypatch.setattr(os, "scandir", deny_scandir)
    report = index_paths([folder], tmp_path / "ix", options=WriterOptions(workers=1))
    reasons = {Path(o.path).name: (o.status, o.reason) for o in report.outcomes}
    assert reasons["good.md"] == (Status.ADDED, None)
    assert reasons["secret.txt"] == (Status.REFUSED, "cannot be read (Permission denied)")
    assert reasons["locked"] == (Status.REFUSED, "folder cannot be read (Permission denied)")


def test_parse_refuses_fifo_and_dev_zero_at_once(tmp_path: Path) -> None:
    fifo = _fifo(tmp_path)
    for path, reason in ((fifo, "FIFO"), (Path("/dev/zero"), "character device")):
        done = subprocess.run(
            [_python(), "-m", "resdex", "parse", str(path)],
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert done.returncode == 1 and reason in done.stderr, done.stderr
        assert done.stderr.count("\n") == 1


def _python() -> str:
    import sys

    return sys.executable


def test_non_utf8_file_names_are_escaped_in_json(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    name = os.fsdecode(b"r\xe9solution.md")
    shutil.copy(GOOD, folder / name)
    done = subprocess.run(
        [
            _python(),
            "-m",
            "resdex",
            "index",
            str(folder),
            "--index",
            str(tmp_path / "ix"),
            "--json",
        ],
        capture_output=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout.decode("utf-8"))  # valid UTF-8, valid JSON
    assert data["files"][0]["path"].endswith("r\\xe9solution.md")
    assert data["files"][0]["status"] == "added"


def test_generations_share_their_segments_by_hard_links(tmp_path: Path) -> None:
    index = copy_index(tmp_path / "index")
    first = store.current_generation(index)
    assert first is not None
    seg = next(first.glob("*.seg"))
    changed = tmp_path / "changed.md"
    changed.write_text(GOOD.read_text() + "\n")
    report = index_paths([changed], index, options=WriterOptions(workers=1))
    assert report.published
    second = store.current_generation(index)
    assert second is not None and second != first
    linked = second / seg.name
    if linked.exists():  # kept (not merged away): the very same inode
        assert linked.stat().st_ino == seg.stat().st_ino
    store.verify_files(index, second)


def test_same_symbol_twice_the_later_file_wins_whatever_the_timing(tmp_path: Path) -> None:
    """A/RES/71/194 in two files of one run: the later in the sorted list wins, with one
    worker and with two, whichever finishes first (a big file parses later)."""
    folder = tmp_path / "in"
    folder.mkdir()
    text = GOOD.read_text()
    for i in range(10):  # enough files for worker processes
        shutil.copy(CORPUS / "A_RES_69_179.ods.txt", folder / f"c{i}.txt")
        (folder / f"c{i}.txt").write_text((CORPUS / "A_RES_69_179.ods.txt").read_text() + "\n" * i)
    (folder / "a-first.md").write_text(text + "\n\nfirst version\n")
    (folder / "z-last.md").write_text(text)
    for workers in (1, 2):
        index = tmp_path / f"ix{workers}"
        report = index_paths([folder], index, options=WriterOptions(workers=workers))
        status = {Path(o.path).name: o.status for o in report.outcomes}
        assert status["z-last.md"] == Status.ADDED
        assert status["a-first.md"] == Status.SUPERSEDED
        code, out, _err = invoke("show", "A/RES/71/194", "--json", "--index", str(index))
        assert code == 0 and "first version" not in out
        # the winner's units read their resolution's facts from its record, not the
        # superseded file's (deleted, in the same segment with one worker)
        code, out, _err = invoke(
            "search", "universal periodic review", "--json", "--index", str(index)
        )
        assert code == 0
        hits = [
            (h["symbol"], h["label"], h["body"], h["session"], h["year"], h["adopted"])
            for h in json.loads(out)["hits"]
        ]
        assert hits == [("A/RES/71/194", "OP8", "GA", 71, 2016, "2016-12-19")]
        code, _out, err = invoke("check", "--index", str(index))
        assert code == 0, err


# --- read-only and full disks ----------------------------------------------------------------


@contextlib.contextmanager
def _tmpfs(where: Path, size: str, *options: str) -> Iterator[Path]:
    where.mkdir(parents=True, exist_ok=True)
    opts = ",".join((f"size={size}", *options))
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", opts, "tmpfs", str(where)], capture_output=True
    )
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False)


def _assert_intact(index: Path, before: bytes) -> None:
    assert (index / "CURRENT").read_bytes() == before
    assert not list(index.glob("tmp-*"))
    names = {p.name for p in index.iterdir() if p.name.startswith("gen-")}
    assert names == {pointer(index)["generation"]}
    code, _out, err = invoke("search", "human rights", "--index", str(index))
    assert code == 0, err


def test_full_disk_on_a_real_tmpfs(tmp_path: Path) -> None:
    with _tmpfs(tmp_path / "mnt", "2m") as mnt:
        index = copy_index(mnt / "index")
        before = (index / "CURRENT").read_bytes()
        filler = mnt / "filler"
        free = store.free_bytes(mnt)
        filler.write_bytes(b"\0" * max(0, free - 200 * 1024))  # 200 KB left: less than a run needs
        code, out, err = invoke("index", str(GOOD), "--index", str(index), "--rebuild")
        assert one_line_error(code, out, err), err
        assert str(index) in err and "free" in err
        _assert_intact(index, before)


def test_full_disk_during_the_write_on_a_real_tmpfs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The free-space check passes (estimates can be wrong): ENOSPC comes from the write."""
    monkeypatch.setattr(store, "check_space", lambda index_dir, needed: None)
    with _tmpfs(tmp_path / "mnt", "2m") as mnt:
        index = copy_index(mnt / "index")
        before = (index / "CURRENT").read_bytes()
        (mnt / "filler").write_bytes(b"\0" * max(0, store.free_bytes(mnt) - 40 * 1024))
        code, out, err = invoke("index", str(CORPUS), "--index", str(index), "--rebuild")
        assert one_line_error(code, out, err), err
        assert str(index) in err and "no space left" in err
        _assert_intact(index, before)


def test_read_only_index_folder_on_a_real_tmpfs(tmp_path: Path) -> None:
    with _tmpfs(tmp_path / "mnt", "4m") as mnt:
        index = copy_index(mnt / "index")
        before = (index / "CURRENT").read_bytes()
        subprocess.run(["mount", "-o", "remount,ro", str(mnt)], check=True)
        code, out, err = invoke("index", str(GOOD), "--index", str(index))
        assert one_line_error(code, out, err), err
        assert str(index) in err and "Read-only file system" in err
        assert (index / "CURRENT").read_bytes() == before
        assert invoke("search", "rights", "--index", str(index))[0] == 0


FAILURES = {
    "full disk": errno.ENOSPC,
    "read-only": errno.EROFS,
    "permission": errno.EACCES,
}
# where the failing call strikes: the hard links, Whoosh's write, the pointer
WHERE = ["link", "write", "pointer"]


@pytest.mark.parametrize("where", WHERE)
@pytest.mark.parametrize("failure", list(FAILURES))
def test_write_failures_by_test_double(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failure: str, where: str
) -> None:
    index = copy_index(tmp_path / "index")
    before = (index / "CURRENT").read_bytes()
    code_ = FAILURES[failure]

    def fail(*args: object, **kwargs: object) -> None:
        raise OSError(code_, os.strerror(code_))

    if where == "link":
        monkeypatch.setattr(os, "link", fail)
        monkeypatch.setattr(shutil, "copy2", fail)
    elif where == "write":
        from whoosh.filedb.filestore import FileStorage

        monkeypatch.setattr(FileStorage, "create_file", fail)
    else:
        real_replace = os.replace

        def replace(src: object, dst: object) -> None:
            if str(dst).endswith("CURRENT"):
                fail()
            real_replace(src, dst)  # type: ignore[arg-type]

        monkeypatch.setattr(os, "replace", replace)
    changed = tmp_path / "changed.md"
    changed.write_text(GOOD.read_text() + "\n")
    code, out, err = invoke("index", str(changed), "--index", str(index))
    assert one_line_error(code, out, err), (code, out, err)
    assert f"cannot write the index at {index}" in err and "the index is as it was" in err
    _assert_intact(index, before)
