"""The CPU-heavy half of ``resdex index``: file -> Resolution with citations -> index
documents, run in worker processes (one spaCy pipeline each) or in-process for a few files.

Importing this module imports neither spaCy nor the parser; ``prepare`` does.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import gc
import signal
from collections.abc import Generator, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resdex.indexer.errors import ResdexError
from resdex.search.documents import IndexDoc, index_documents
from resdex.search.engine import Writer

_NLP: Any = None


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a worker sends back for one file: its index documents, or why it was refused."""

    path: str
    sha: str
    symbol: str | None = None
    docs: tuple[IndexDoc, ...] = ()
    paragraphs: int = 0
    footnotes: int = 0
    refused: str | None = None  # one-line reason


def prepare() -> None:
    """Build this process's spaCy pipeline once (and the parser's imports with it)."""
    global _NLP
    if _NLP is None:
        from resdex.indexer.nlp import build_pipeline

        _NLP = build_pipeline()


def init_worker() -> None:
    """Pool initializer: die with the parent (a killed ``resdex index`` leaves no orphans),
    leave Ctrl-C to the parent (it arrives blocked: see ``parse_and_write``), then build the
    pipeline."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    with contextlib.suppress(OSError, AttributeError):  # Linux: PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)
    prepare()
    tune_gc()


# A worker's collector: a collection of the youngest objects once allocations outnumber
# frees by 100,000 (Python's default, 700, ran one every few paragraphs over the index
# documents' many small objects that are not garbage); the middle generation every 10 of
# those and the oldest every 10 of the middle's, so that cycles (pypdf's objects of a PDF)
# are freed within a few files, not kept to the end (50 and 1000 kept 24,288 such objects
# and 36 MB more after 60 files: the review of session 5); the spaCy pipeline's objects,
# built once and kept, left out of every collection (``gc.freeze``). ~6% of a worker's CPU.
GC_THRESHOLDS = (100_000, 10, 10)


def tune_gc() -> None:
    """Set a worker process's garbage collector as ``GC_THRESHOLDS`` says, after
    ``prepare``: only in a process that parses many files and exits (not in the parent)."""
    gc.freeze()
    gc.set_threshold(*GC_THRESHOLDS)


def _reason(path: str, err: BaseException) -> str:
    message = " ".join(str(err).split()) or type(err).__name__
    return message.removeprefix(f"{path}: ").removeprefix(f"{Path(path).name}: ")


def parse_file(job: tuple[str, str, int]) -> Parsed:
    """One file (path, sha256, size cap), read -> parsed -> citations tagged -> index
    documents."""
    path, sha, max_bytes = job
    prepare()
    from resdex.indexer.citations import tag_citations
    from resdex.indexer.parse import parse_raw
    from resdex.indexer.sources import document_from_bytes, read_regular

    try:
        raw = document_from_bytes(path, read_regular(Path(path), max_bytes))
        res = tag_citations(parse_raw(raw), _NLP)
    except ResdexError as err:
        return Parsed(path, sha, refused=_reason(path, err))
    except Exception as err:  # a parser bug must not sink the other files of the run
        return Parsed(path, sha, refused=f"internal error: {type(err).__name__}: {err}")
    res = dataclasses.replace(res, source=None)
    stored_path = str(Path(path).resolve())
    return Parsed(
        path,
        sha,
        symbol=res.meta.symbol,
        docs=tuple(index_documents(res, sha, stored_path)),
        paragraphs=len(res.paragraphs),
        footnotes=len(res.footnotes),
    )


# --- worker processes that also write: one Whoosh segment each --------------------------------


class WorkerDied(ResdexError):
    """An index worker process ended without finishing its segment."""


def _segment_worker(writer: Writer, tasks: Any, results: Any) -> None:
    """Process body: parse the files taken from ``tasks``, write their index documents with
    a part writer of its own (no lock: the parent holds the index's), report each file on
    ``results``; on the ``None`` sentinel finish the part and send what the parent attaches."""
    init_worker()
    try:
        part = writer.open_part()
        while (job := tasks.get()) is not None:
            parsed = parse_file(job)
            for doc in parsed.docs:
                part.add(doc)
            results.put(("file", dataclasses.replace(parsed, docs=())))
        results.put(("done", part.finish()))
    except OSError as err:  # a full disk, a read-only folder: the parent says it in one line
        results.put(("oserror", (err.errno, err.strerror or str(err), err.filename)))
    except Exception as err:
        results.put(("error", f"{type(err).__name__}: {err}"))


def parse_and_write(
    writer: Writer, jobs: Iterable[tuple[str, str, int]], workers: int
) -> Generator[Parsed, None, None]:
    """Run ``workers`` processes over ``jobs``; yield each file's outcome (without its
    documents, already written) as it comes; ``writer.attach`` what each part wrote.
    The processes start first: they build their pipelines while ``jobs`` is drawn (the
    caller reads and hashes the files as it gives them) and parse the first files meanwhile.
    The processes are gone when the generator is closed, however it ends. Ctrl-C is
    blocked while they fork (a child between ``fork`` and ignoring it would die of it, and
    the parent's interrupt could be lost) and delivered to the parent right after."""
    import multiprocessing
    import queue

    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    tasks = ctx.Queue()
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_segment_worker, args=(writer, tasks, results), daemon=True)
        for _ in range(workers)
    ]
    blocked = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        for p in procs:
            p.start()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, blocked)
    done = 0
    try:
        for job in jobs:
            tasks.put(job)
        for _ in procs:
            tasks.put(None)
        while done < len(procs):
            try:
                kind, payload = results.get(timeout=0.5)
            except queue.Empty:
                dead = [p for p in procs if p.exitcode not in (None, 0)]
                if dead:
                    raise WorkerDied(
                        f"an index worker stopped (exit status {dead[0].exitcode}); "
                        "the index is unchanged"
                    ) from None
                continue
            if kind == "oserror":
                code, message, filename = payload
                raise OSError(code, message, filename)
            if kind == "error":
                raise WorkerDied(f"an index worker failed ({payload}); the index is unchanged")
            if kind == "done":
                done += 1
                writer.attach(payload)
            else:
                yield payload
        for p in procs:
            p.join()
    finally:
        for p in procs:
            if p.is_alive():
                p.terminate()
            p.join()
        tasks.cancel_join_thread()
        results.cancel_join_thread()
