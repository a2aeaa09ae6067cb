"""The ``resdex`` command: a thin Typer layer over ``indexer`` and ``search``.

Only this package prints or exits. Heavy imports (spaCy, the parser) happen inside the
commands that need them, so that ``resdex search`` starts fast.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, NoReturn, ParamSpec, TypeVar

import typer

from resdex.indexer.errors import ResdexError

P = ParamSpec("P")
R = TypeVar("R")

INDEX_ENV = "RESDEX_INDEX"

app = typer.Typer(
    name="resdex",
    help="Full-text search and citation index for United Nations resolutions.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


def fail(message: str, code: int = 1) -> NoReturn:
    """One line on standard error, then exit with ``code`` (1: input or index, 2: usage)."""
    typer.echo(f"resdex: error: {' '.join(message.split())}", err=True)
    raise typer.Exit(code)


def reports_errors(func: Callable[P, R]) -> Callable[P, R]:
    """Turn resdex's own exceptions into one line on stderr and exit status 1."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except ResdexError as err:
            fail(str(err))
        except BrokenPipeError:  # `resdex ... | head`: the reader went away
            sys.stderr.close()
            raise typer.Exit(1) from None

    return wrapper


def resolve_index_dir(option: Path | None) -> Path:
    """``--index DIR``, else ``$RESDEX_INDEX``, else the per-user data folder."""
    if option is not None:
        return option
    env = os.environ.get(INDEX_ENV)
    if env:
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("resdex", appauthor=False) / "index"


def print_json(data: Any) -> None:
    """One JSON document on standard output."""
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2))


JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]


@app.command()
@reports_errors
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


from resdex.cli import index_cmd, query_cmds, serve_cmd  # noqa: E402

index_cmd.register(app)
query_cmds.register(app)
serve_cmd.register(app)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
