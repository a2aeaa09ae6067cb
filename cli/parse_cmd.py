"""``resdex parse FILE``: one document's structure; indexes nothing (imports spaCy)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from resdex.cli.common import JsonOption, add_command, print_resolution


def parse(
    file: Annotated[Path, typer.Argument(help="A resolution: .txt, .md or .pdf.")],
    as_json: JsonOption = False,
    citations: Annotated[
        bool, typer.Option("--citations/--no-citations", help="Tag cited documents.")
    ] = True,
) -> None:
    """Parse one document and print its structure (indexes nothing)."""
    from resdex.indexer.pipeline import parse_path

    print_resolution(parse_path(file, citations=citations), as_json)


def register(app: typer.Typer) -> None:
    add_command(app, "parse", parse)
