"""``resdex index``: files -> (worker processes) index documents -> one writer -> a new
generation of the index, swapped in only once it is complete (see ``resdex.search.store``).

Steps: list the files; take the write lock; stage a copy of the current index; skip files
whose content is already indexed; parse the rest in worker processes; write from this
process; delete what the new documents replace; commit; publish. Nothing is printed here:
the caller gets an ``IndexReport`` and a progress callback.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import itertools
import os
import signal
import threading
import time
from collections.abc import Callable, Generator, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from resdex.indexer.errors import ResdexError, UnreadableFile
from resdex.indexer.models import Resolution
from resdex.indexer.sources import (
    MAX_FILE_BYTES,
    SUPPORTED_SUFFIXES,
    read_regular,
    unreadable_reason,
)
from resdex.search import store
from resdex.search.documents import index_documents
from resdex.search.engine import Writer
from resdex.search.targets import target_key
from resdex.search.whoosh_engine.writer import WhooshWriter
from resdex.search.workers import Parsed, parse_and_write, parse_file

# Below this many files to parse, starting worker processes (each importing spaCy) costs
# more than it saves.
MIN_FILES_FOR_WORKERS = 8


class Status(StrEnum):
    ADDED = "added"
    REPLACED = "replaced"  # the symbol was indexed with other content: that is gone now
    SKIPPED = "skipped"  # the same content is already indexed
    SUPERSEDED = "superseded"  # a later file of the same run has the same symbol
    REFUSED = "refused"


@dataclass(frozen=True, slots=True)
class FileOutcome:
    path: str
    status: Status
    symbol: str | None = None
    reason: str | None = None  # refused: why; replaced / superseded / skipped: by or of what
    paragraphs: int = 0
    footnotes: int = 0


@dataclass(frozen=True, slots=True)
class IndexReport:
    index_dir: Path
    outcomes: tuple[FileOutcome, ...]
    published: bool  # False when nothing changed (no new generation)
    documents: int  # resolutions in the index after the run
    seconds: float

    def count(self, status: Status) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    @property
    def refused(self) -> tuple[FileOutcome, ...]:
        return tuple(o for o in self.outcomes if o.status == Status.REFUSED)


@dataclass(frozen=True, slots=True)
class WriterOptions:
    """How the writing side runs (``benchmarks/bench_index.py`` compares them)."""

    workers: int = 2  # processes that parse and write a segment each; 0 or 1: this one
    limitmb: int = 128  # memory for postings per writer before spilling to disk
    max_bytes: int = MAX_FILE_BYTES  # larger files are refused unread (--max-size)


# --- the files --------------------------------------------------------------------------------


def display_path(path: Path | str) -> str:
    """A path as text that encodes to UTF-8: a byte of a non-UTF-8 file name (kept by
    Python as a lone surrogate) is shown as ``\\xNN``."""
    text = str(path)
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        return os.fsencode(text).decode("utf-8", "backslashreplace")


def _refused(path: Path, reason: str) -> FileOutcome:
    return FileOutcome(str(path), Status.REFUSED, reason=reason)


def _walk(
    folder: Path, files: list[Path], refused: list[FileOutcome], seen: set[tuple[int, int]]
) -> None:
    """Files of supported suffixes under ``folder``, sorted by name, recursively; symbolic
    links to folders followed once (a loop is refused), unreadable entries refused."""
    try:
        st = folder.stat()
        with os.scandir(folder) as it:
            entries = sorted(it, key=lambda e: e.name)
    except OSError as err:
        refused.append(_refused(folder, f"folder {unreadable_reason(folder, err)}"))
        return
    if (st.st_dev, st.st_ino) in seen:
        refused.append(_refused(folder, "symbolic link loop (folder already listed)"))
        return
    seen.add((st.st_dev, st.st_ino))
    for entry in entries:
        path = Path(entry.path)
        try:
            is_dir = entry.is_dir()  # follows symbolic links
        except OSError:
            is_dir = False
        if is_dir:
            _walk(path, files, refused, seen)
        elif path.suffix.lower() in SUPPORTED_SUFFIXES:
            files.append(path)  # read_regular refuses what it cannot read, with its reason


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[FileOutcome]]:
    """Files to index (folders walked recursively, supported suffixes only, sorted by
    name), and the paths refused outright (missing, unreadable folders, link loops)."""
    files: list[Path] = []
    refused: list[FileOutcome] = []
    seen: set[tuple[int, int]] = set()
    for path in paths:
        if path.is_dir():
            _walk(path, files, refused, seen)
        elif path.exists() or path.is_symlink():
            files.append(path)
        else:
            refused.append(_refused(path, "no such file or folder"))
    unique = list(dict.fromkeys(files))
    return unique, refused


def file_sha(path: Path, max_bytes: int = MAX_FILE_BYTES) -> str:
    """The sha256 of a regular file's content. Raises ``UnreadableFile`` (with the reason)."""
    return hashlib.sha256(read_regular(path, max_bytes)).hexdigest()


# --- the run ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Run:
    """What a run learns as results come in (the only mutable state of ``index_paths``)."""

    order: dict[str, int] = field(default_factory=dict)  # path -> place in the run's list
    outcomes: dict[str, FileOutcome] = field(default_factory=dict)
    by_symbol: dict[str, Parsed] = field(default_factory=dict)  # symkey -> winner so far
    drop_later: list[tuple[str, str]] = field(default_factory=list)  # (symkey, digest)
    written: bool = False


def _outcome(parsed: Parsed, status: Status, reason: str | None) -> FileOutcome:
    return FileOutcome(
        parsed.path,
        status,
        symbol=parsed.symbol,
        reason=reason,
        paragraphs=parsed.paragraphs,
        footnotes=parsed.footnotes,
    )


def _handle(run: _Run, parsed: Parsed, writer: Writer, *, written: bool) -> None:
    """Decide what one parsed file is (added, replaced, refused, superseded), delete what it
    replaces, and add its documents unless a worker ``written`` them already.

    Two files of one run with the same symbol: the one later in the run's list of files
    wins (the command line's order, each folder's files sorted by name), whichever worker
    finishes first; the other is "superseded" and its documents are dropped before commit.
    """
    if parsed.refused is not None or parsed.symbol is None:
        run.outcomes[parsed.path] = FileOutcome(
            parsed.path, Status.REFUSED, reason=parsed.refused or "not a resolution"
        )
        return
    key = target_key(parsed.symbol)
    earlier = run.by_symbol.get(key)
    if earlier is not None:
        first = run.outcomes[earlier.path]  # added, or replaced an older run's version
        later = run.order.get(parsed.path, 0) > run.order.get(earlier.path, 0)
        winner, loser = (parsed, earlier) if later else (earlier, parsed)
        run.drop_later.append((key, loser.sha))
        run.outcomes[loser.path] = _outcome(
            loser, Status.SUPERSEDED, f"same symbol as {winner.path}, indexed instead"
        )
        run.outcomes[winner.path] = _outcome(winner, first.status, first.reason)
        run.by_symbol[key] = winner
        if winner is not parsed:
            return
    else:
        status, reason = Status.ADDED, None
        old = writer.record(key)
        if old is not None:
            writer.delete(key)  # the old version, records and aliases
            status, reason = Status.REPLACED, str(old.get("path") or old.get("symbol"))
        run.by_symbol[key] = parsed
        run.outcomes[parsed.path] = _outcome(parsed, status, reason)
    if not written:
        for doc in parsed.docs:
            writer.add(doc)
    run.written = True


class _Interrupts:
    """Ctrl-C during a run: the handler raises ``KeyboardInterrupt`` and remembers it, so
    that one swallowed somewhere (a worker starting, a finalizer) is raised again at the
    next ``check``; from ``defer()`` on (the publish) it is only remembered."""

    def __init__(self) -> None:
        self.interrupted = False
        self.deferred = False
        self._previous: Any = None
        self._installed = False

    def _handler(self, signum: int, frame: Any) -> None:
        self.interrupted = True
        if not self.deferred:
            raise KeyboardInterrupt

    def __enter__(self) -> _Interrupts:
        if threading.current_thread() is threading.main_thread():
            self._previous = signal.signal(signal.SIGINT, self._handler)
            self._installed = True
        return self

    def __exit__(self, *exc: object) -> None:
        if self._installed:
            signal.signal(signal.SIGINT, self._previous)

    def check(self) -> None:
        if self.interrupted:
            raise KeyboardInterrupt

    def defer(self) -> None:
        self.check()
        self.deferred = True


def _space_needed(files: Sequence[Path]) -> int:
    """Bytes a run may write: the index takes about 3.6 times the text (issue 13's
    figure), a PDF's text is smaller than the PDF; plus Whoosh's merge headroom."""
    total = 0
    for path in files:
        with contextlib.suppress(OSError):
            total += os.stat(path).st_size
    return 4 * total + (16 << 20)


def index_paths(
    paths: Sequence[Path],
    index_dir: Path,
    *,
    options: WriterOptions | None = None,
    wait: float = store.DEFAULT_WAIT,
    rebuild: bool = False,
    progress: Callable[[int], None] | None = None,
    on_start: Callable[[int], None] | None = None,
) -> IndexReport:
    """Add ``paths`` (files and folders) to the index at ``index_dir``.

    ``on_start(n)`` is told how many files will be looked at, ``progress(k)`` how many more
    are done. Raises ``IndexLocked`` when another writer holds the index past ``wait``,
    ``WriteFailed`` when the folder cannot be written (read-only, full, no permission),
    ``DamagedIndex`` when the current index cannot be read. An exception or
    KeyboardInterrupt (Ctrl-C, at any moment before the pointer is replaced) leaves the
    published index as it was and no folder behind.
    """
    opts = options or WriterOptions()
    started = time.perf_counter()
    files, refused = collect_files(paths)
    if on_start:
        on_start(len(files) + len(refused))
    run = _Run(order={str(p): i for i, p in enumerate(files)})
    for outcome in refused:
        run.outcomes[outcome.path] = outcome
    failure: ResdexError | None = None
    with _Interrupts() as interrupts, store.write_lock(index_dir, timeout=wait):
        staged = store.stage(index_dir, fresh=rebuild, needed=_space_needed(files))
        try:
            documents, published = _write(staged, files, run, opts, progress, interrupts)
            if published:
                interrupts.defer()
                store.publish(index_dir, staged, before=interrupts.check)
            else:
                store.discard(staged)
        except BaseException as err:
            store.discard(staged)
            failure = _failure(index_dir, err)
            if failure is None:
                raise
    if failure is not None:
        _release_files()
        raise failure
    order = run.order
    outcomes = sorted(run.outcomes.values(), key=lambda o: order.get(o.path, -1))
    return IndexReport(
        index_dir=index_dir,
        outcomes=tuple(dataclasses.replace(o, path=display_path(o.path)) for o in outcomes),
        published=published,
        documents=documents,
        seconds=time.perf_counter() - started,
    )


def _failure(index_dir: Path, err: BaseException) -> ResdexError | None:
    """The one-line error for a failed write (the folder and the cause), or None to let
    ``err`` through as it is."""
    import pickle
    import struct
    import zlib

    from resdex.search.whoosh_engine.safe_pickle import UnsafeIndex

    store.close_files(err)
    if isinstance(err, OSError):
        return store.write_failed(index_dir, err)
    if isinstance(err, (EOFError, struct.error, zlib.error, pickle.UnpicklingError, UnsafeIndex)):
        return store.damaged(index_dir, f"{type(err).__name__}: {err}")
    return None


def _release_files() -> None:
    """Close the files a failed Whoosh writer left open (they went with its frames)."""
    import gc
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)
        gc.collect()


def _write(
    staged: Path,
    files: Sequence[Path],
    run: _Run,
    opts: WriterOptions,
    progress: Callable[[int], None] | None,
    interrupts: _Interrupts,
) -> tuple[int, bool]:
    writer: Writer = WhooshWriter(staged, limitmb=opts.limitmb)
    try:
        # the workers start at the first MIN_FILES_FOR_WORKERS files to parse, and parse
        # while this process reads and hashes the others
        found = _jobs(writer, files, run, opts, progress, interrupts)
        first = list(itertools.islice(found, MIN_FILES_FOR_WORKERS))
        if not first:
            writer.cancel()
            return writer.documents(), False
        in_workers = opts.workers > 1 and len(first) == MIN_FILES_FOR_WORKERS
        jobs = itertools.chain(first, found)
        stream: Generator[Parsed, None, None]
        if in_workers:
            # no more processes than files (each starts a spaCy pipeline)
            stream = parse_and_write(writer, jobs, min(opts.workers, len(files)))
        else:
            stream = (parse_file(job) for job in jobs)
        try:
            for parsed in stream:
                interrupts.check()
                _handle(run, parsed, writer, written=in_workers)
                if progress:
                    progress(1)
        finally:
            stream.close()
        interrupts.check()
        if not run.written:
            writer.cancel()
            return writer.documents(), False
        writer.commit(run.drop_later)
    except BaseException:
        writer.cancel()
        raise
    interrupts.check()
    return writer.documents(), True


def _jobs(
    writer: Writer,
    files: Sequence[Path],
    run: _Run,
    opts: WriterOptions,
    progress: Callable[[int], None] | None,
    interrupts: _Interrupts,
) -> Iterator[tuple[str, str, int]]:
    """The files to parse, as they are found: readable, and of a content not indexed yet
    (nor earlier in the run); the others get their outcome as they go by."""
    seen: dict[str, str] = {}  # digest -> first path of this run with it
    for path in files:
        interrupts.check()
        try:
            sha = file_sha(path, opts.max_bytes)
        except UnreadableFile as err:
            reason = str(err).removeprefix(f"{path}: ")
            run.outcomes[str(path)] = FileOutcome(str(path), Status.REFUSED, reason=reason)
            if progress:
                progress(1)
            continue
        old = writer.indexed_as(sha)
        if old is not None or sha in seen:
            where = seen.get(sha) or str(old.get("path") if old else "")
            run.outcomes[str(path)] = FileOutcome(
                str(path),
                Status.SKIPPED,
                symbol=old.get("symbol") if old else None,
                reason=f"same content as {display_path(where)}",
            )
            if progress:
                progress(1)
            continue
        seen[sha] = str(path)
        yield str(path), sha, opts.max_bytes


def cpu_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def add_resolution(writer: Any, res: Resolution, *, sha: str, path: str) -> None:
    """Add one already parsed Resolution (tests, benchmarks, other front ends)."""
    for doc in index_documents(res, sha, path):
        writer.add_document(**doc)
