"""``resdex export``: the whole index for other tools (CSV, JSON Lines, GraphML)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from resdex.cli.common import IndexOption, UsageError, add_command, fail, open_reader

FORMAT_HELP = (
    "csv: a row per paragraph and footnote, with its resolution's metadata and the symbols it "
    "cites; jsonl: the same, one JSON object a line, citations in full; graphml: the citation "
    "graph (a node per document, an edge per citing/cited pair) for Gephi or networkx."
)


def export(
    fmt: Annotated[str, typer.Option("--format", help=FORMAT_HELP)] = "csv",
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write to FILE (default: standard output)."),
    ] = None,
    index_dir: IndexOption = None,
) -> None:
    """The whole index for other tools: paragraphs (csv, jsonl), citations (graphml)."""
    from resdex.cli.render import plural
    from resdex.search import export as ex

    name = fmt.strip().casefold()
    if name not in ex.FORMATS:
        raise UsageError(f"unknown --format {fmt!r}: {', '.join(ex.FORMATS)}")
    index = open_reader(index_dir)
    # a file is written beside its final name and renamed once complete: an error midway
    # leaves what was there before
    partial = None if output is None else output.with_name(f".{output.name}.partial")
    try:
        out = sys.stdout if partial is None else partial.open("w", encoding="utf-8", newline="")
    except OSError as err:
        fail(f"cannot write {output}: {err.strerror}")
    try:
        if name == "graphml":
            graph = ex.write_graphml(index, out)
            done = f"{plural(len(graph.nodes), 'node')}, {plural(len(graph.edges), 'edge')}"
        elif name == "jsonl":
            done = plural(ex.write_jsonl(index, out), "line")
        else:
            done = plural(ex.write_csv(index, out), "row") + " and a header"
    except BaseException:
        if partial is not None:
            out.close()
            partial.unlink(missing_ok=True)
        raise
    if partial is not None:
        out.close()
        try:
            partial.replace(output)  # type: ignore[arg-type]  # set with partial
        except OSError as err:
            partial.unlink(missing_ok=True)
            fail(f"cannot write {output}: {err.strerror}")
        typer.echo(f"{done} written to {output}", err=True)


def register(app: typer.Typer) -> None:
    add_command(app, "export", export)
