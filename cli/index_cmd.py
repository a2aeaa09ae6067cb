"""``resdex index PATH…``: add files and folders to the index.

Imports of the parser and spaCy happen in ``resdex.search.build``'s worker processes, never when
this module is imported (``resdex search`` imports it too, to register the command).
"""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

if TYPE_CHECKING:
    from resdex.search.build import FileOutcome, IndexReport

# ``resdex.cli.main`` imports this module to register its command: importing
# ``resdex.cli.main`` back happens inside functions only, so that
# ``python -m resdex.cli.main`` works too.
JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
IndexOption = Annotated[
    Path | None,
    typer.Option(
        "--index",
        help="Index folder (default: $RESDEX_INDEX, else the per-user data folder).",
        show_default=False,
    ),
]


def _outcome_line(o: FileOutcome) -> str:
    if o.status == "refused":
        return f"refused     {o.path}: {o.reason}"
    counts = f"  ({o.paragraphs} paragraphs, {o.footnotes} footnotes)" if o.paragraphs else ""
    line = f"{o.status.value:<11} {o.symbol or '':<18} {o.path}"
    if o.status == "replaced":
        return f"{line}{counts}  (replaces {o.reason})"
    if o.status in ("superseded", "skipped"):
        return f"{line}  ({o.reason})"
    return line + counts


def _summary(report: IndexReport, looked_at: int) -> str:
    from resdex.search.build import Status

    parts = ", ".join(
        f"{report.count(s)} {s.value}" for s in Status if report.count(s) or s != "superseded"
    )
    return (
        f"{looked_at} files: {parts}; {report.documents} resolutions in "
        f"{report.index_dir} ({report.seconds:.1f} s)"
    )


def _to_json(report: IndexReport) -> dict[str, Any]:
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
    }


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
        bool, typer.Option("--verbose", "-v", help="Also list the files skipped.")
    ] = False,
    max_size: Annotated[
        float,
        typer.Option("--max-size", help="Refuse files larger than this many MB.", min=0.001),
    ] = 32.0,
) -> None:
    """Add files and folders to the index; a file already indexed is skipped."""
    from resdex.cli.main import fail, print_json, resolve_index_dir
    from resdex.search.build import Status, WriterOptions, cpu_workers, index_paths

    target = resolve_index_dir(index_dir)
    show_bar = not as_json and sys.stderr.isatty()
    looked_at = 0
    with contextlib.ExitStack() as stack:
        bar: list[Any] = []

        def on_start(n: int) -> None:
            nonlocal looked_at
            looked_at = n
            if show_bar and n:
                bar.append(
                    stack.enter_context(
                        typer.progressbar(length=n, label="indexing", file=sys.stderr)
                    )
                )

        def progress(k: int) -> None:
            if bar:
                bar[0].update(k)

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
            stack.close()
            fail(f"interrupted: the index at {target} is as it was", 130)
    if as_json:
        print_json(_to_json(report))
    else:
        for o in report.outcomes:
            if o.status != Status.SKIPPED or verbose:
                typer.echo(_outcome_line(o))
        typer.echo(_summary(report, looked_at))
    refused = report.refused
    if refused:
        fail(f"refused {len(refused)} of {len(report.outcomes)} files")


def register(app: typer.Typer) -> None:
    from resdex.cli.main import reports_errors

    app.command("index")(reports_errors(index))
