"""``resdex index``: files -> (worker processes) index documents -> one writer -> a new
generation of the index, swapped in only once it is complete (see ``search.store``).

Steps: list the files; take the write lock; stage a copy of the current index; skip files
whose content is already indexed; parse the rest in worker processes; write from this
process; delete what the new documents replace; commit; publish. Nothing is printed here:
the caller gets an ``IndexReport`` and a progress callback.
"""

from __future__ import annotations

import hashlib
import multiprocessing
import os
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from indexer.models import Resolution
from indexer.sources import SUPPORTED_SUFFIXES
from search import store
from search.documents import index_documents
from search.schema import UNIT_DOCUMENT
from search.targets import target_key
from search.workers import Parsed, init_worker, parse_file

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

    workers: int = 2  # parse processes; 0 or 1: parse in this process
    procs: int = 1  # Whoosh writer processes (MpWriter) when > 1
    multisegment: bool = True
    limitmb: int = 256


# --- the files --------------------------------------------------------------------------------


def collect_files(paths: Iterable[Path]) -> tuple[list[Path], list[FileOutcome]]:
    """Files to index (folders walked recursively, supported suffixes only, sorted), and
    the paths refused outright."""
    files: list[Path] = []
    refused: list[FileOutcome] = []
    for path in paths:
        if path.is_dir():
            files += sorted(
                p for p in path.rglob("*") if p.suffix.lower() in SUPPORTED_SUFFIXES and p.is_file()
            )
        elif path.is_file():
            files.append(path)
        else:
            refused.append(FileOutcome(str(path), Status.REFUSED, reason="no such file or folder"))
    unique = list(dict.fromkeys(files))
    return unique, refused


def file_sha(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


# --- parsing, in workers or here --------------------------------------------------------------


def _parsed_stream(jobs: Sequence[tuple[str, str]], workers: int) -> Iterator[Parsed]:
    if workers <= 1 or len(jobs) < MIN_FILES_FOR_WORKERS:
        for job in jobs:
            yield parse_file(job)
        return
    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    pool = ctx.Pool(min(workers, len(jobs)), initializer=init_worker)
    try:
        yield from pool.imap(parse_file, jobs, chunksize=2)
        pool.close()
    finally:
        pool.terminate()
        pool.join()


# --- the run ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Run:
    """What a run learns as results come in (the only mutable state of ``index_paths``)."""

    outcomes: dict[str, FileOutcome] = field(default_factory=dict)
    by_symbol: dict[str, Parsed] = field(default_factory=dict)  # symkey -> latest in run
    contents: dict[str, list[str]] = field(default_factory=dict)  # symkey -> digests
    drop_later: list[tuple[str, str]] = field(default_factory=list)  # (symkey, digest)
    written: bool = False


def _record(searcher: Any, **terms: str) -> dict[str, Any] | None:
    stored = searcher.document(unit=UNIT_DOCUMENT, **terms)
    if stored is None:
        return None
    stored.pop("data", None)
    return dict(stored)


def _add(writer: Any, parsed: Parsed, contents: list[str]) -> None:
    for doc in parsed.docs:
        if doc.get("unit") == UNIT_DOCUMENT:
            doc = doc | {"contents": " ".join(dict.fromkeys([parsed.sha, *contents]))}
        writer.add_document(**doc)


def _handle(run: _Run, parsed: Parsed, searcher: Any, writer: Any) -> None:
    if parsed.refused is not None or parsed.symbol is None:
        run.outcomes[parsed.path] = FileOutcome(
            parsed.path, Status.REFUSED, reason=parsed.refused or "not a resolution"
        )
        return
    key = target_key(parsed.symbol)
    status, reason = Status.ADDED, None
    contents: list[str] = []
    earlier = run.by_symbol.get(key)
    if earlier is not None:  # same symbol twice in one run: the later file wins
        run.drop_later.append((key, earlier.sha))
        contents = [*run.contents.get(key, []), earlier.sha]
        before = run.outcomes[earlier.path]
        run.outcomes[earlier.path] = FileOutcome(
            earlier.path,
            Status.SUPERSEDED,
            symbol=parsed.symbol,
            reason=f"same symbol as {parsed.path}, indexed instead",
            paragraphs=earlier.paragraphs,
            footnotes=earlier.footnotes,
        )
        status, reason = before.status, before.reason
        if status == Status.ADDED:
            status, reason = Status.REPLACED, f"{earlier.path} (same symbol, this run)"
    else:
        old = _record(searcher, symkey=key)
        if old is not None:
            writer.delete_by_term("symkey", key)
            status, reason = Status.REPLACED, str(old.get("path") or old.get("symbol"))
    run.by_symbol[key] = parsed
    run.contents[key] = contents
    _add(writer, parsed, contents)
    run.written = True
    run.outcomes[parsed.path] = FileOutcome(
        parsed.path,
        status,
        symbol=parsed.symbol,
        reason=reason,
        paragraphs=parsed.paragraphs,
        footnotes=parsed.footnotes,
    )


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
    are done. Raises ``IndexLocked`` when another writer holds the index past ``wait``.
    An exception or KeyboardInterrupt leaves the published index as it was.
    """
    opts = options or WriterOptions()
    started = time.perf_counter()
    files, refused = collect_files(paths)
    if on_start:
        on_start(len(files))
    run = _Run()
    for outcome in refused:
        run.outcomes[outcome.path] = outcome
    with store.write_lock(index_dir, timeout=wait):
        staged = store.stage(index_dir, fresh=rebuild)
        try:
            documents, published = _write(staged, files, run, opts, progress)
            if published:
                store.publish(index_dir, staged)
            else:
                store.discard(staged)
        except BaseException:
            store.discard(staged)
            raise
    order = {str(p): i for i, p in enumerate(files)}
    outcomes = sorted(run.outcomes.values(), key=lambda o: order.get(o.path, -1))
    return IndexReport(
        index_dir=index_dir,
        outcomes=tuple(outcomes),
        published=published,
        documents=documents,
        seconds=time.perf_counter() - started,
    )


def _write(
    staged: Path,
    files: Sequence[Path],
    run: _Run,
    opts: WriterOptions,
    progress: Callable[[int], None] | None,
) -> tuple[int, bool]:
    from whoosh.index import open_dir

    ix = open_dir(str(staged))
    jobs: list[tuple[str, str]] = []
    seen: dict[str, str] = {}  # digest -> first path of this run with it
    with ix.searcher() as searcher:
        for path in files:
            sha = file_sha(path)
            old = _record(searcher, contents=sha)
            if old is not None or sha in seen:
                where = seen.get(sha) or str(old.get("path") if old else "")
                symbol = old.get("symbol") if old else None
                run.outcomes[str(path)] = FileOutcome(
                    str(path), Status.SKIPPED, symbol=symbol, reason=f"same content as {where}"
                )
                if progress:
                    progress(1)
                continue
            seen[sha] = str(path)
            jobs.append((str(path), sha))
        if not jobs:
            return _count_documents(searcher), False
        writer = _writer(ix, opts)
        try:
            for parsed in _parsed_stream(jobs, opts.workers):
                _handle(run, parsed, searcher, writer)
                if progress:
                    progress(1)
        except BaseException:
            writer.cancel()
            raise
    if not run.written:
        writer.cancel()
        with ix.searcher() as searcher:
            return _count_documents(searcher), False
    writer.commit()
    if run.drop_later:  # files of this run superseded by a later one with their symbol
        cleaner = ix.writer()
        with cleaner.searcher() as searcher:
            for key, sha in run.drop_later:
                for docnum in list(searcher.document_numbers(symkey=key)):
                    if searcher.stored_fields(docnum).get("sha") == sha:
                        cleaner.delete_document(docnum)
        cleaner.commit(merge=False)
    with ix.searcher() as searcher:
        return _count_documents(searcher), True


def _count_documents(searcher: Any) -> int:
    return sum(1 for _ in searcher.document_numbers(unit=UNIT_DOCUMENT))


def _writer(ix: Any, opts: WriterOptions) -> Any:
    kwargs: dict[str, Any] = {"limitmb": opts.limitmb}
    if opts.procs > 1:
        kwargs |= {"procs": opts.procs, "multisegment": opts.multisegment}
    return ix.writer(**kwargs)


def cpu_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def add_resolution(writer: Any, res: Resolution, *, sha: str, path: str) -> None:
    """Add one already parsed Resolution (tests, benchmarks, other front ends)."""
    for doc in index_documents(res, sha, path):
        writer.add_document(**doc)
