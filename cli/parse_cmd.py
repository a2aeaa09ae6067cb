"""``resdex parse FILE``: one document's structure; indexes nothing (imports spaCy)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from resdex.cli.common import JsonOption, add_command, print_json


def parse(
    file: Annotated[Path, typer.Argument(help="A resolution: .txt, .md or .pdf.")],
    as_json: JsonOption = False,
    citations: Annotated[
        bool, typer.Option("--citations/--no-citations", help="Tag cited documents.")
    ] = True,
) -> None:
    """Parse one document and print its structure (indexes nothing)."""
    from resdex.cli.render import render_resolution
    from resdex.indexer.pipeline import parse_path
    from resdex.indexer.serialize import resolution_to_dict

    resolution = parse_path(file, citations=citations)
    if as_json:
        print_json(resolution_to_dict(resolution))
    else:
        typer.echo(render_resolution(resolution))


def register(app: typer.Typer) -> None:
    add_command(app, "parse", parse)
