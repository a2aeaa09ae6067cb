"""Where the index lives on disk, and how it changes without ever being half-written.

Layout of an index folder::

    DIR/CURRENT        {"format": 1, "generation": "gen-000007",
                        "files": {"_MAIN_3.toc": [size, crc32], …}}  (replaced atomically)
    DIR/gen-000007/    the Whoosh index readers open (never written once published)
    DIR/write.lock     held (flock) by the one ``resdex index`` that may write
    DIR/tmp-…/         a generation being built (left behind only by a killed run)

A writer takes the lock, checks the free space, hard-links the files of the current
generation into a fresh ``tmp-`` folder (Whoosh never rewrites a segment file: new
documents go to new segments, deletions to the new TOC; a copy is made only where the file
system has no hard links) after checking each against its size and CRC-32 in ``CURRENT``,
writes and commits there, syncs it to disk, renames it to the next ``gen-`` name, then
replaces ``CURRENT``. Until that last ``os.replace`` readers see the previous generation,
whole; a run killed at any point leaves ``CURRENT`` as it was, and a run that fails removes
its folder. The lock is a kernel ``flock``: a killed writer's lock goes with its process.
Readers take no lock: a generation is removed only ``GRACE`` seconds after it stopped being
the previous one, and ``IndexHandle`` moves long-lived readers to the newest generation.

Trust: ``CURRENT`` may only name a ``gen-NNNNNN`` folder directly inside the index folder
(no absolute path, no ``..``, no symbolic link), and every index is opened with resdex's
own schema and the restricted unpickler of ``resdex.search.whoosh_engine.safe_pickle``.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import shutil
import stat
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from resdex.indexer.errors import ResdexError
from resdex.search.schema import INDEX_FORMAT
from resdex.search.whoosh_engine.damage import (  # re-exported: callers use store.DamagedIndex etc.
    BadIndex,
    DamagedIndex,
    cause,
    close_files,
    damaged,
    reading,
)
from resdex.search.whoosh_engine.files import NoWhooshIndex, create_empty, open_generation

POINTER = "CURRENT"
LOCK_FILE = "write.lock"
GEN_PREFIX = "gen-"
TMP_PREFIX = "tmp-"
DEFAULT_WAIT = 10.0  # seconds a second writer waits for the first
GRACE = 60.0  # seconds an old generation stays for readers that still hold it
MAX_POINTER_BYTES = 1 << 20
# a generation folder: "gen-000007" (six digits or more), nothing else
GENERATION_RE = re.compile(r"gen-\d{6,}")
# Whoosh's own lock files, never carried into a new generation
_WHOOSH_LOCK_RE = re.compile(r".*LOCK.*")


class NoIndex(ResdexError):
    """There is no index in the folder: the message names the command that builds one."""


class IndexLocked(ResdexError):
    """Another ``resdex index`` holds the write lock and did not let go in time."""


class WriteFailed(ResdexError):
    """The index folder cannot be written (read-only, full, no permission): nothing changed."""


def write_failed(index_dir: Path, err: OSError) -> WriteFailed:
    cause = err.strerror or str(err) or type(err).__name__
    if err.errno == errno.ENOSPC:
        cause = "no space left on the device"
    return WriteFailed(f"cannot write the index at {index_dir}: {cause}; the index is as it was")


# --- the pointer ----------------------------------------------------------------------------


def _read_pointer(index_dir: Path) -> dict[str, Any] | None:
    try:
        fd = os.open(index_dir / POINTER, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError as err:
        raise BadIndex(f"cannot read the index at {index_dir}: {err.strerror}") from err
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise damaged(index_dir, f"{POINTER} is not a regular file")
        raw = os.read(fd, MAX_POINTER_BYTES + 1)
    except OSError as err:
        raise BadIndex(f"cannot read the index at {index_dir}: {err.strerror}") from err
    finally:
        os.close(fd)
    if len(raw) > MAX_POINTER_BYTES:
        raise damaged(index_dir, f"{POINTER} is too large")
    try:
        pointer = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        raise damaged(index_dir, f"{POINTER} is not JSON") from err
    if not isinstance(pointer, dict) or not isinstance(pointer.get("generation"), str):
        raise damaged(index_dir, f"{POINTER} names no generation")
    return pointer


def _generation_folder(index_dir: Path, name: str) -> Path:
    """``index_dir / name`` when ``name`` is a generation folder directly inside the index
    folder; anything else (an absolute path, ``..``, a symbolic link) is refused."""
    if not GENERATION_RE.fullmatch(name):
        raise damaged(index_dir, f"{POINTER} names {name!r}, not a generation folder")
    folder = index_dir / name
    if folder.is_symlink() or not folder.is_dir():
        raise damaged(index_dir, f"{name} is missing or not a folder")
    return folder


def current_generation(index_dir: Path) -> Path | None:
    """The folder of the published Whoosh index, or None when there is no index yet."""
    pointer = _read_pointer(index_dir)
    if pointer is None:
        return None
    if pointer.get("format") != INDEX_FORMAT:
        raise BadIndex(
            f"the index at {index_dir} was built by another version of resdex; "
            "rebuild it with `resdex index --rebuild PATH`"
        )
    return _generation_folder(index_dir, str(pointer["generation"]))


def _manifest(index_dir: Path) -> dict[str, tuple[int, int]]:
    """{file name: (size, CRC-32)} of the current generation (empty for an index written
    before checksums were kept)."""
    pointer = _read_pointer(index_dir) or {}
    files = pointer.get("files")
    if not isinstance(files, dict):
        return {}
    out: dict[str, tuple[int, int]] = {}
    for name, entry in files.items():
        ok = isinstance(entry, list) and len(entry) == 2 and all(isinstance(x, int) for x in entry)
        if not ok or "/" in name or name in (".", ".."):
            raise damaged(index_dir, f"{POINTER} lists {name!r} wrongly")
        out[name] = (entry[0], entry[1])
    return out


def crc32_file(path: Path) -> int:
    crc = 0
    with open(path, "rb") as f:
        while block := f.read(1 << 20):
            crc = zlib.crc32(block, crc)
    return crc


def verify_files(index_dir: Path, generation: Path, *, contents: bool = True) -> None:
    """Check the current generation's files against ``CURRENT``: each present, of its size,
    and (``contents``) of its CRC-32. Raises ``DamagedIndex``."""
    for name, (size, crc) in _manifest(index_dir).items():
        path = generation / name
        try:
            actual = path.stat().st_size
        except OSError as err:
            raise damaged(index_dir, f"{name}: {err.strerror}") from err
        if actual != size:
            raise damaged(index_dir, f"{name} has {actual} bytes, {size} written")
        if contents and crc32_file(path) != crc:
            raise damaged(index_dir, f"{name} fails its checksum")


__all__ = [
    "BadIndex",
    "DamagedIndex",
    "cause",
    "close_files",
    "create_empty",
    "damaged",
    "open_generation",
    "reading",
]


# --- reading --------------------------------------------------------------------------------


def open_index(index_dir: Path) -> Any:
    """Open the published index for reading. Raises ``NoIndex`` when there is none,
    ``DamagedIndex`` when it cannot be read."""
    generation = current_generation(index_dir)
    if generation is None:
        raise NoIndex(f"no index at {index_dir}: run `resdex index PATH` to build one")
    verify_files(index_dir, generation, contents=False)
    try:
        with reading(index_dir):
            return open_generation(generation)
    except NoWhooshIndex as err:
        raise damaged(index_dir, "no Whoosh index in its generation folder") from err


class IndexHandle:
    """An index held by a long-lived reader (the web server): ``get()`` returns the open
    index of the current generation, reopened within ``check_every`` seconds of a publish.
    Old generations stay on disk ``GRACE`` seconds after they stop being the previous one,
    so a request that started on one finishes on it. Thread-safe."""

    def __init__(self, index_dir: Path, *, check_every: float = 1.0) -> None:
        self.index_dir = index_dir
        self.check_every = check_every
        self._lock = threading.Lock()
        self._ix: Any = None
        self._stamp: tuple[int, int] | None = None
        self._checked = 0.0

    def _pointer_stamp(self) -> tuple[int, int] | None:
        try:
            st = os.stat(self.index_dir / POINTER)
        except FileNotFoundError:
            return None
        return st.st_ino, st.st_mtime_ns

    def get(self) -> Any:
        with self._lock:
            now = time.monotonic()
            if self._ix is not None and now - self._checked < self.check_every:
                return self._ix
            self._checked = now
            stamp = self._pointer_stamp()
            if self._ix is None or stamp != self._stamp:
                for attempt in range(3):  # a publish may land between stat and open
                    try:
                        self._ix = open_index(self.index_dir)
                        break
                    except DamagedIndex:
                        if attempt == 2 or self._pointer_stamp() == stamp:
                            raise
                        stamp = self._pointer_stamp()
                self._stamp = stamp
            return self._ix


# --- the write lock -------------------------------------------------------------------------


def _holder(lock_path: Path) -> str:
    try:
        pid = lock_path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""


@contextlib.contextmanager
def write_lock(index_dir: Path, timeout: float = DEFAULT_WAIT) -> Iterator[None]:
    """Hold the index's write lock; wait up to ``timeout`` seconds for another writer."""
    import fcntl

    _prepare_folder(index_dir)
    lock_path = index_dir / LOCK_FILE
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW, 0o644)
    except OSError as err:
        raise write_failed(index_dir, err) from err
    try:
        deadline = time.monotonic() + max(timeout, 0.0)
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except OSError as err:
                if err.errno not in (errno.EAGAIN, errno.EACCES):
                    raise
                if time.monotonic() >= deadline:
                    raise IndexLocked(
                        f"another `resdex index`{_holder(lock_path)} is writing the index at "
                        f"{index_dir}; gave up after {timeout:g} s (try again when it "
                        "finishes, or raise --wait)"
                    ) from None
                time.sleep(0.05)
        with contextlib.suppress(OSError):  # the pid is a courtesy: a full disk may refuse it
            os.ftruncate(fd, 0)
            os.write(fd, str(os.getpid()).encode("ascii"))
        try:
            yield
        finally:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def _prepare_folder(index_dir: Path) -> None:
    """Create the index folder; refuse a non-empty folder that is not a resdex index."""
    try:
        index_dir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise WriteFailed(f"cannot create the index folder {index_dir}: {err.strerror}") from err
    if not index_dir.is_dir():
        raise BadIndex(f"{index_dir} is not a folder")
    ours = {POINTER, LOCK_FILE, POINTER + ".tmp"}
    try:
        strangers = [
            p.name
            for p in index_dir.iterdir()
            if p.name not in ours and not p.name.startswith((GEN_PREFIX, TMP_PREFIX))
        ]
    except OSError as err:
        raise BadIndex(f"cannot read the index folder {index_dir}: {err.strerror}") from err
    if strangers and not (index_dir / POINTER).exists():
        raise BadIndex(
            f"{index_dir} holds other files ({strangers[0]}, …) and is not a resdex index; "
            "choose another folder with --index"
        )


# --- generations ----------------------------------------------------------------------------


def _fsync_tree(folder: Path) -> None:
    for path in folder.iterdir():
        if path.is_file():
            fd = os.open(path, os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _gen_number(name: str) -> int:
    digits = name.removeprefix(GEN_PREFIX)
    return int(digits) if digits.isdigit() else 0


def remove_stale(index_dir: Path) -> None:
    """Remove what killed runs left: ``tmp-`` folders and unpublished generations. Call it
    only while holding the write lock."""
    generation = current_generation(index_dir)
    number = _gen_number(generation.name) if generation else 0
    for path in index_dir.iterdir():
        name = path.name
        unpublished = name.startswith(GEN_PREFIX) and _gen_number(name) > number
        if (name.startswith(TMP_PREFIX) or unpublished) and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)


def free_bytes(folder: Path) -> int:
    st = os.statvfs(folder)
    return st.f_bavail * st.f_frsize


def check_space(index_dir: Path, needed: int) -> None:
    """Refuse to start when the index's file system has less than ``needed`` bytes free."""
    free = free_bytes(index_dir)
    if free < needed:
        mb = 1 << 20
        raise WriteFailed(
            f"cannot write the index at {index_dir}: {free // mb} MB free on its disk, about "
            f"{needed // mb + 1} MB needed; the index is as it was"
        )


def _carry(source: Path, target: Path) -> bool:
    """Hard-link ``source`` as ``target`` (a copy where the file system cannot link).
    Returns whether it was linked."""
    try:
        os.link(source, target)
        return True
    except OSError as err:
        if err.errno not in (errno.EXDEV, errno.EPERM, errno.EMLINK, errno.ENOTSUP):
            raise
    shutil.copy2(source, target)
    return False


def stage(index_dir: Path, *, fresh: bool = False, needed: int = 0) -> Path:
    """A private folder holding the current generation's files (hard links; empty when
    ``fresh`` or none) to write to. Call it while holding the write lock. ``needed``: bytes
    the run will write. Raises ``WriteFailed``, ``DamagedIndex``; leaves nothing behind."""
    try:
        remove_stale(index_dir)
    except OSError as err:
        raise write_failed(index_dir, err) from err
    current = None if fresh else current_generation(index_dir)
    files = [] if current is None else [p for p in sorted(current.iterdir()) if p.is_file()]
    if current is not None:
        verify_files(index_dir, current)  # a damaged segment is never carried over
        if not _manifest(index_dir):  # written before checksums were kept: read it all
            from resdex.search.check import check_index

            report = check_index(index_dir)
            if not report.ok:
                raise damaged(index_dir, report.problems[0])
    check_space(index_dir, needed + (1 << 20))
    staged = index_dir / f"{TMP_PREFIX}{os.getpid()}-{time.time_ns()}"
    try:
        staged.mkdir()
        for path in files:
            if _WHOOSH_LOCK_RE.fullmatch(path.name):
                continue
            if not _carry(path, staged / path.name):
                check_space(index_dir, needed)
        if current is None:
            create_empty(staged)
    except BaseException as err:
        discard(staged)
        if isinstance(err, OSError):
            raise write_failed(index_dir, err) from err
        raise
    return staged


def _checksums(
    folder: Path, previous: Path | None, known: dict[str, tuple[int, int]]
) -> dict[str, list[int]]:
    """{name: [size, crc32]} of ``folder``; a file hard-linked from ``previous`` (same
    inode, already verified) keeps the checksum ``known`` for it."""
    out: dict[str, list[int]] = {}
    for path in sorted(folder.iterdir()):
        if not path.is_file() or _WHOOSH_LOCK_RE.fullmatch(path.name):
            continue
        st = path.stat()
        old = known.get(path.name)
        if previous is not None and old is not None and old[0] == st.st_size:
            with contextlib.suppress(OSError):
                if os.stat(previous / path.name).st_ino == st.st_ino:
                    out[path.name] = [old[0], old[1]]
                    continue
        out[path.name] = [st.st_size, crc32_file(path)]
    return out


def publish(index_dir: Path, staged: Path, *, before: Callable[[], None] | None = None) -> Path:
    """Make ``staged`` the index readers open: sync it, rename it to the next generation,
    atomically replace the pointer, then drop generations no reader needs any more.
    Raises ``WriteFailed`` (nothing published, ``staged`` removed)."""
    previous = current_generation(index_dir)
    number = _gen_number(previous.name) + 1 if previous else 1
    generation = index_dir / f"{GEN_PREFIX}{number:06d}"
    pointer_tmp = index_dir / (POINTER + ".tmp")
    try:
        files = _checksums(staged, previous, _manifest(index_dir) if previous else {})
        _fsync_tree(staged)
        if generation.exists():  # an unpublished leftover of a killed run
            shutil.rmtree(generation)
        staged.rename(generation)
        pointer = {"format": INDEX_FORMAT, "generation": generation.name, "files": files}
        with open(pointer_tmp, "w", encoding="utf-8") as f:
            json.dump(pointer, f)
            f.flush()
            os.fsync(f.fileno())
        if before is not None:
            before()  # the caller's last word (Ctrl-C): raising here publishes nothing
        os.replace(pointer_tmp, index_dir / POINTER)  # the one step that publishes
    except BaseException as err:
        discard(staged)
        discard(generation)
        with contextlib.suppress(OSError):
            pointer_tmp.unlink()
        if isinstance(err, OSError):
            raise write_failed(index_dir, err) from err
        raise
    with contextlib.suppress(OSError):
        _fsync_dir(index_dir)
        if previous is not None:
            os.utime(previous)  # when it stopped being current: see remove_old
        remove_old(index_dir, number)
    return generation


def remove_old(index_dir: Path, current: int) -> None:
    """Remove generations older than the previous one that stopped being current more than
    ``GRACE`` seconds ago (a reader may still be answering from them)."""
    now = time.time()
    for path in index_dir.iterdir():
        if not path.name.startswith(GEN_PREFIX) or _gen_number(path.name) >= current - 1:
            continue
        try:
            superseded = path.stat().st_mtime  # set by publish when it stopped being current
        except OSError:
            continue
        if now - superseded > GRACE and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)


def discard(staged: Path) -> None:
    shutil.rmtree(staged, ignore_errors=True)
