"""``resdex index PATH…``: add files and folders to the index.

Imports of the parser and spaCy happen in ``resdex.search.build``'s worker processes, never when
this module is imported (``resdex search`` imports it too, to register the command).

What it prints: a progress bar on standard error when that is a terminal; then the refused
files (always), the first ``SHOWN`` files added, replaced or superseded and a count of the
rest (``--verbose``: every file, skipped ones too; ``--quiet``: none but the refused); then
one summary line, which also counts the files a folder holds of unsupported types.
"""

from __future__ import annotations

import contextlib
import sys
import time
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from resdex.cli.common import (
    IndexOption,
    JsonOption,
    UsageError,
    add_command,
    fail,
    print_json,
    resolve_index_dir,
)

if TYPE_CHECKING:
    from resdex.search.build import FileOutcome, IndexReport

# Files listed one a line by default (refused ones are always listed); then a count.
SHOWN = 10
# The ETA is shown once this share of the files is done, and this many seconds have passed:
# before that, skipped files (instant) and the workers' start (seconds) would mislead it.
ETA_AFTER_SHARE = 0.02
ETA_AFTER_SECONDS = 3.0


def ignored_files(paths: Iterable[Path]) -> list[Path]:
    """The files in the folders of ``paths`` that ``index`` does not read (their type is not
    supported): counted in the summary, never dropped silently."""
    from resdex.indexer.sources import SUPPORTED_SUFFIXES

    return [
        p
        for path in paths
        if path.is_dir()
        for p in sorted(path.rglob("*"))
        if p.suffix.lower() not in SUPPORTED_SUFFIXES and p.is_file()
    ]


def suffix_of(path: Path) -> str:
    return path.suffix.lower() or "(no extension)"


def to_json(report: IndexReport, ignored: Sequence[Path]) -> dict[str, Any]:
    return {
        "index": str(report.index_dir),
        "documents": report.documents,
        "seconds": round(report.seconds, 3),
        "files": [
            {
                "path": o.path,
                "status": o.status.value,
                "symbol": o.symbol,
                "reason": o.reason,
                "paragraphs": o.paragraphs,
                "footnotes": o.footnotes,
            }
            for o in report.outcomes
        ],
        **{
            s: [o.path for o in report.outcomes if o.status == s]
            for s in ("added", "replaced", "skipped", "superseded", "refused")
        },
        "ignored": [str(p) for p in ignored],
    }


def outcome_lines(outcomes: Sequence[FileOutcome], detail: str) -> Iterator[str]:
    """``detail``: "quiet" (refused only), "short" (refused, and the first ``SHOWN`` of the
    rest but skipped ones), "verbose" (every file)."""
    from resdex.cli.render import outcome_line
    from resdex.search.build import Status

    shown = 0
    held_back = 0
    for o in outcomes:
        if o.status == Status.REFUSED or detail == "verbose":
            yield outcome_line(o)
        elif o.status == Status.SKIPPED or detail == "quiet":
            continue
        elif shown < SHOWN:
            shown += 1
            yield outcome_line(o)
        else:
            held_back += 1
    if held_back:
        yield f"… and {held_back:,} more (--verbose lists every file)"


@contextlib.contextmanager
def progress_bar(show: bool) -> Iterator[tuple[Any, Any]]:
    """``(on_start, progress)`` callbacks for ``index_paths`` driving a rich progress bar on
    standard error (no bar when ``show`` is false)."""
    if not show:
        yield None, None
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        Task,
        TextColumn,
        TimeElapsedColumn,
    )
    from rich.text import Text

    started = time.monotonic()

    class Eta(ProgressColumn):
        """Time left at the pace so far, once enough is done for the pace to mean much."""

        def render(self, task: Task) -> Text:
            elapsed = time.monotonic() - started
            total = task.total or 0
            if (
                not task.completed
                or task.completed < total * ETA_AFTER_SHARE
                or elapsed < ETA_AFTER_SECONDS
            ):
                return Text("ETA …", style="progress.remaining")
            left = int(elapsed / task.completed * (total - task.completed))
            return Text(f"ETA {left // 60}:{left % 60:02d}", style="progress.remaining")

    bar = Progress(
        TextColumn("indexing"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        Eta(),
        console=Console(file=sys.stderr),
        transient=True,
    )
    task: list[Any] = []

    def on_start(n: int) -> None:
        if n:
            task.append(bar.add_task("indexing", total=n))

    def progress(k: int) -> None:
        if task:
            bar.advance(task[0], k)

    with bar:
        yield on_start, progress


def index(
    paths: Annotated[list[Path], typer.Argument(help="Files and folders (searched recursively).")],
    index_dir: IndexOption = None,
    as_json: JsonOption = False,
    rebuild: Annotated[
        bool, typer.Option("--rebuild", help="Start from an empty index instead of adding.")
    ] = False,
    wait: Annotated[
        float, typer.Option("--wait", help="Seconds to wait for another writer.", min=0)
    ] = 10.0,
    workers: Annotated[
        int, typer.Option("--workers", help="Parse processes (default: 2, or 1 core).", min=0)
    ] = 0,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List every file, skipped ones too.")
    ] = False,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="List only the refused files, then the summary.")
    ] = False,
    max_size: Annotated[
        float,
        typer.Option("--max-size", help="Refuse files larger than this many MB.", min=0.001),
    ] = 32.0,
) -> None:
    """Add files and folders to the index; a file already indexed is skipped.

    Lists the refused files, the first few files added or replaced, and a summary
    (-q: the refused files and the summary; -v: every file).
    """
    from resdex.cli.render import index_summary, plural
    from resdex.search.build import WriterOptions, cpu_workers, index_paths

    if verbose and quiet:
        raise UsageError("--verbose and --quiet exclude each other")
    target = resolve_index_dir(index_dir)
    ignored = ignored_files(paths)
    looked_at = 0
    with progress_bar(not as_json and sys.stderr.isatty()) as (on_bar_start, progress):

        def on_start(n: int) -> None:
            nonlocal looked_at
            looked_at = n
            if on_bar_start:
                on_bar_start(n)

        try:
            report = index_paths(
                paths,
                target,
                options=WriterOptions(
                    workers=workers or cpu_workers(), max_bytes=int(max_size * 1024 * 1024)
                ),
                wait=wait,
                rebuild=rebuild,
                progress=progress,
                on_start=on_start,
            )
        except KeyboardInterrupt:
            report = None
    if report is None:
        fail(f"interrupted: the index at {target} is as it was", 130)
    if as_json:
        print_json(to_json(report, ignored))
    else:
        detail = "verbose" if verbose else "quiet" if quiet else "short"
        for line in outcome_lines(report.outcomes, detail):
            typer.echo(line)
        typer.echo(index_summary(report, looked_at, [suffix_of(p) for p in ignored]))
    refused = report.refused
    if refused:
        fail(f"refused {len(refused)} of {plural(len(report.outcomes), 'file')}")


def register(app: typer.Typer) -> None:
    add_command(app, "index", index)
