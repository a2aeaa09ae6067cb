"""Where the index lives on disk, and how it changes without ever being half-written.

Layout of an index folder::

    DIR/CURRENT        {"format": 1, "generation": "gen-000007"}  (replaced atomically)
    DIR/gen-000007/    the Whoosh index readers open (never written once published)
    DIR/write.lock     held (flock) by the one ``resdex index`` that may write
    DIR/tmp-…/         a generation being built (left behind only by a killed run)

A writer takes the lock, copies the current generation into a fresh ``tmp-`` folder (or
starts it empty), writes and commits there, syncs it to disk, renames it to the next
``gen-`` name, then replaces ``CURRENT``. Until that last ``os.replace`` readers see the
previous generation, whole; a run killed at any point leaves ``CURRENT`` as it was. The
lock is a kernel ``flock``: a killed writer's lock goes with its process. Readers take no
lock.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import shutil
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from resdex.indexer.errors import ResdexError
from resdex.search.schema import INDEX_FORMAT, build_schema

POINTER = "CURRENT"
LOCK_FILE = "write.lock"
GEN_PREFIX = "gen-"
TMP_PREFIX = "tmp-"
DEFAULT_WAIT = 10.0  # seconds a second writer waits for the first


class NoIndex(ResdexError):
    """There is no index in the folder: the message names the command that builds one."""


class IndexLocked(ResdexError):
    """Another ``resdex index`` holds the write lock and did not let go in time."""


class BadIndex(ResdexError):
    """The folder holds something that is not a resdex index this version can read."""


def _read_pointer(index_dir: Path) -> dict[str, Any] | None:
    try:
        raw = (index_dir / POINTER).read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except OSError as err:
        raise BadIndex(f"cannot read the index at {index_dir}: {err.strerror}") from err
    damaged = f"{index_dir / POINTER} is damaged; rebuild: resdex index --rebuild PATH"
    try:
        pointer = json.loads(raw)
    except json.JSONDecodeError as err:
        raise BadIndex(damaged) from err
    if not isinstance(pointer, dict) or not isinstance(pointer.get("generation"), str):
        raise BadIndex(damaged)
    return pointer


def current_generation(index_dir: Path) -> Path | None:
    """The folder of the published Whoosh index, or None when there is no index yet."""
    pointer = _read_pointer(index_dir)
    if pointer is None:
        return None
    if pointer.get("format") != INDEX_FORMAT:
        raise BadIndex(
            f"the index at {index_dir} was built by another version of resdex; "
            "rebuild it: resdex index --rebuild PATH"
        )
    return index_dir / str(pointer["generation"])


def open_index(index_dir: Path) -> Any:
    """Open the published index for reading. Raises ``NoIndex`` when there is none."""
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import EmptyIndexError

    from resdex.search import whoosh_fixes

    generation = current_generation(index_dir)
    if generation is None:
        raise NoIndex(f"no index at {index_dir}: run `resdex index PATH` to build one")
    try:
        # mmap'd segments, read without Whoosh's copy of each part (see whoosh_fixes)
        whoosh_fixes.apply_read()
        return FileStorage(str(generation)).open_index()
    except (EmptyIndexError, OSError) as err:
        raise BadIndex(
            f"the index at {index_dir} cannot be opened ({err}); "
            "rebuild it: resdex index --rebuild PATH"
        ) from err


def create_empty(storage_dir: Path) -> Any:
    """A new, empty Whoosh index with resdex's schema in ``storage_dir``."""
    from whoosh.index import create_in

    storage_dir.mkdir(parents=True, exist_ok=True)
    return create_in(str(storage_dir), build_schema())


# --- the write lock -------------------------------------------------------------------------


def _holder(lock_path: Path) -> str:
    try:
        pid = lock_path.read_text(encoding="ascii").strip()
    except OSError:
        return ""
    return f" (pid {pid})" if pid.isdigit() else ""


@contextlib.contextmanager
def write_lock(index_dir: Path, timeout: float = DEFAULT_WAIT) -> Iterator[None]:
    """Hold the index's write lock; wait up to ``timeout`` seconds for another writer."""
    import fcntl

    _prepare_folder(index_dir)
    lock_path = index_dir / LOCK_FILE
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
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
        raise BadIndex(f"cannot create the index folder {index_dir}: {err.strerror}") from err
    if not index_dir.is_dir():
        raise BadIndex(f"{index_dir} is not a folder")
    ours = {POINTER, LOCK_FILE, POINTER + ".tmp"}
    strangers = [
        p.name
        for p in index_dir.iterdir()
        if p.name not in ours and not p.name.startswith((GEN_PREFIX, TMP_PREFIX))
    ]
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


def remove_stale(index_dir: Path) -> None:
    """Remove what killed runs left: ``tmp-`` folders and unpublished generations. Call it
    only while holding the write lock."""
    generation = current_generation(index_dir)
    keep = {generation.name} if generation else set()
    for path in index_dir.iterdir():
        name = path.name
        stale_tmp = name.startswith(TMP_PREFIX)
        unpublished = name.startswith(GEN_PREFIX) and _gen_number(name) > _gen_number(
            generation.name if generation else ""
        )
        if (stale_tmp or unpublished) and name not in keep and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)


def _gen_number(name: str) -> int:
    digits = name.removeprefix(GEN_PREFIX)
    return int(digits) if digits.isdigit() else 0


def stage(index_dir: Path, *, fresh: bool = False) -> Path:
    """A private copy of the current generation (empty when ``fresh`` or none) to write to.
    Call it while holding the write lock."""
    remove_stale(index_dir)
    staged = index_dir / f"{TMP_PREFIX}{os.getpid()}-{time.time_ns()}"
    current = None if fresh else current_generation(index_dir)
    if current is not None and current.is_dir():
        shutil.copytree(current, staged)
        for leftover in staged.glob("*LOCK*"):
            leftover.unlink()
    else:
        create_empty(staged)
    return staged


def publish(index_dir: Path, staged: Path) -> Path:
    """Make ``staged`` the index readers open: sync it, rename it to the next generation,
    atomically replace the pointer, then drop generations older than the previous one."""
    _fsync_tree(staged)
    previous = current_generation(index_dir)
    number = _gen_number(previous.name) + 1 if previous else 1
    generation = index_dir / f"{GEN_PREFIX}{number:06d}"
    if generation.exists():  # an unpublished leftover of a killed run
        shutil.rmtree(generation)
    staged.rename(generation)
    pointer_tmp = index_dir / (POINTER + ".tmp")
    with open(pointer_tmp, "w", encoding="utf-8") as f:
        json.dump({"format": INDEX_FORMAT, "generation": generation.name}, f)
        f.flush()
        os.fsync(f.fileno())
    os.replace(pointer_tmp, index_dir / POINTER)
    _fsync_dir(index_dir)
    for path in index_dir.iterdir():
        old = path.name.startswith(GEN_PREFIX) and _gen_number(path.name) < number - 1
        if old and path.is_dir():
            shutil.rmtree(path, ignore_errors=True)
    return generation


def discard(staged: Path) -> None:
    shutil.rmtree(staged, ignore_errors=True)
