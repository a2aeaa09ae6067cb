"""``resdex index``: files -> (worker processes) index documents -> one writer -> a new
generation of the index, swapped in only once it is complete (see ``resdex.search.store``).

Steps: list the files; take the write lock; stage a copy of the current index; skip files
whose content is already indexed; parse the rest in worker processes; write from this
process; delete what the new documents replace; commit; publish. Nothing is printed here:
the caller gets an ``IndexReport`` and a progress callback.
"""

from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable, Generator, Iterable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any

from resdex.indexer.models import Resolution
from resdex.indexer.sources import SUPPORTED_SUFFIXES
from resdex.search import store, whoosh_fixes
from resdex.search.documents import index_documents
from resdex.search.schema import UNIT_ALIAS, UNIT_DOCUMENT
from resdex.search.targets import target_key
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


# --- the run ----------------------------------------------------------------------------------


@dataclass(slots=True)
class _Run:
    """What a run learns as results come in (the only mutable state of ``index_paths``)."""

    outcomes: dict[str, FileOutcome] = field(default_factory=dict)
    by_symbol: dict[str, Parsed] = field(default_factory=dict)  # symkey -> latest in run
    drop_later: list[tuple[str, str]] = field(default_factory=list)  # (symkey, digest)
    written: bool = False


def _record(searcher: Any, **terms: str) -> dict[str, Any] | None:
    """The stored fields of the record (or alias) matching ``terms``, without its data."""
    docnum = searcher.document_number(**terms)
    if docnum is None:
        return None
    stored = dict(searcher.stored_fields(docnum))
    stored.pop("data", None)
    return stored


def _handle(run: _Run, parsed: Parsed, searcher: Any, writer: Any) -> None:
    """Decide what one parsed file is (added, replaced, refused; an earlier file of the run
    with its symbol becomes superseded), delete what it replaces, and add its documents
    when they were not written by a worker already."""
    if parsed.refused is not None or parsed.symbol is None:
        run.outcomes[parsed.path] = FileOutcome(
            parsed.path, Status.REFUSED, reason=parsed.refused or "not a resolution"
        )
        return
    key = target_key(parsed.symbol)
    status, reason = Status.ADDED, None
    earlier = run.by_symbol.get(key)
    if earlier is not None:  # same symbol twice in one run: the later file wins
        run.drop_later.append((key, earlier.sha))
        before = run.outcomes[earlier.path]
        run.outcomes[earlier.path] = FileOutcome(
            earlier.path,
            Status.SUPERSEDED,
            symbol=parsed.symbol,
            reason=f"same symbol as {parsed.path}, indexed instead",
            paragraphs=earlier.paragraphs,
            footnotes=earlier.footnotes,
        )
        status, reason = before.status, before.reason  # added, or replaced an older run's
    else:
        old = _record(searcher, symkey=key, unit=UNIT_DOCUMENT)
        if old is not None:
            writer.delete_by_term("symkey", key)  # the old version, records and aliases
            status, reason = Status.REPLACED, str(old.get("path") or old.get("symbol"))
    run.by_symbol[key] = parsed
    for doc in parsed.docs:
        writer.add_document(**doc)
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

    whoosh_fixes.apply()
    ix = open_dir(str(staged))
    jobs: list[tuple[str, str]] = []
    seen: dict[str, str] = {}  # digest -> first path of this run with it
    with ix.searcher() as searcher:
        for path in files:
            sha = file_sha(path)
            old = _record(searcher, contents=sha)
            if old is not None or sha in seen:
                where = seen.get(sha) or str(old.get("path") if old else "")
                run.outcomes[str(path)] = FileOutcome(
                    str(path),
                    Status.SKIPPED,
                    symbol=old.get("symbol") if old else None,
                    reason=f"same content as {where}",
                )
                if progress:
                    progress(1)
                continue
            seen[sha] = str(path)
            jobs.append((str(path), sha))
        if not jobs:
            return _count_documents(searcher), False
        writer = ix.writer(limitmb=opts.limitmb)
        segments: list[Any] = []
        stream: Generator[Parsed, None, None]
        try:
            if opts.workers > 1 and len(jobs) >= MIN_FILES_FOR_WORKERS:
                stream = parse_and_write(
                    str(staged), jobs, min(opts.workers, len(jobs)), opts.limitmb, segments
                )
            else:
                stream = (parse_file(job) for job in jobs)
            try:
                for parsed in stream:
                    _handle(run, parsed, searcher, writer)
                    if progress:
                        progress(1)
            finally:
                stream.close()
        except BaseException:
            writer.cancel()
            raise
    if not run.written:
        writer.cancel()
        with ix.searcher() as searcher:
            return _count_documents(searcher), False
    _commit(writer, segments)
    if run.drop_later:
        _drop_superseded(ix, run.drop_later)
    with ix.searcher() as searcher:
        return _count_documents(searcher), True


def _commit(writer: Any, segments: list[Any]) -> None:
    """``writer.commit()``, with the segments the worker processes wrote added to the
    index as they are (Whoosh's ``MpWriter(multisegment=True)`` does the same)."""
    if not segments:
        writer.commit()
        return
    final = writer._merge_segments(None, None, None)
    final += segments
    if writer._added:
        final.append(writer._finalize_segment())
    else:
        writer._close_segment()
    writer._commit_toc(final)
    writer._finish()


def _drop_superseded(ix: Any, superseded: list[tuple[str, str]]) -> None:
    """Delete the documents of files superseded in this run by a later file with their
    symbol, and leave an alias record so that re-running skips them as indexed."""
    cleaner = ix.writer()
    with cleaner.searcher() as searcher:
        for key, sha in superseded:
            symbol = None
            for docnum in list(searcher.document_numbers(symkey=key)):
                stored = searcher.stored_fields(docnum)
                if stored.get("sha") == sha:
                    symbol = stored.get("symbol")
                    cleaner.delete_document(docnum)
            cleaner.add_document(unit=UNIT_ALIAS, symkey=key, symbol=symbol, sha=sha, contents=sha)
    cleaner.commit(merge=False)


def _count_documents(searcher: Any) -> int:
    return sum(1 for _ in searcher.document_numbers(unit=UNIT_DOCUMENT))


def cpu_workers() -> int:
    return max(1, min(2, os.cpu_count() or 1))


def add_resolution(writer: Any, res: Resolution, *, sha: str, path: str) -> None:
    """Add one already parsed Resolution (tests, benchmarks, other front ends)."""
    for doc in index_documents(res, sha, path):
        writer.add_document(**doc)
