"""What every command shares: its options, its errors, and how it writes JSON and CSV.

Command modules import this module (and ``render``), never ``resdex.cli.main``: ``main``
imports the command modules and registers them, so imports go one way and there is no
circle. Nothing heavy is imported here: ``resdex search`` pays for this module on every run.

Errors: a command wrapped by ``reports_errors`` turns resdex's own exceptions
(``ResdexError``) into one line on standard error and exit status 1, and a ``UsageError``
(an option that reads as nothing valid) into one line and exit status 2.
"""

from __future__ import annotations

import errno
import functools
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, ParamSpec, TypeVar

import typer

from resdex.indexer.errors import ResdexError

if TYPE_CHECKING:
    from resdex.search.engine import Reader

P = ParamSpec("P")
R = TypeVar("R")

INDEX_ENV = "RESDEX_INDEX"

# --- the options several commands take ---------------------------------------------------------

JsonOption = Annotated[bool, typer.Option("--json", help="Print one JSON document.")]
CsvOption = Annotated[
    bool, typer.Option("--csv", help="Print CSV: a header row, then one row per result.")
]
IndexOption = Annotated[
    Path | None,
    typer.Option(
        "--index",
        help="Index folder (default: $RESDEX_INDEX, else the per-user data folder).",
        show_default=False,
    ),
]


# --- errors -----------------------------------------------------------------------------------


class UsageError(Exception):
    """An option or argument that reads as nothing valid: exit status 2."""


def fail(message: str, code: int = 1) -> NoReturn:
    """One line on standard error, then exit with ``code`` (1: input or index, 2: usage)."""
    typer.echo(f"resdex: error: {' '.join(message.split())}", err=True)
    raise typer.Exit(code)


@contextmanager
def usage_errors() -> Iterator[None]:
    """Inside this block, resdex's own errors are the user's options' fault: exit 2."""
    try:
        yield
    except ResdexError as err:
        raise UsageError(str(err)) from err


# The errors of a write to standard output that cannot be done (a full disk or quota, a
# failing device, a file too large): what ``resdex search … > /dev/full`` raises
OUTPUT_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EFBIG})


def reports_errors(func: Callable[P, R]) -> Callable[P, R]:
    """``ResdexError`` -> one line, exit 1; ``UsageError`` -> one line, exit 2; an output that
    cannot be written -> one line, exit 1."""

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return func(*args, **kwargs)
        except UsageError as err:
            fail(str(err), 2)
        except ResdexError as err:
            fail(str(err))
        except BrokenPipeError:  # `resdex ... | head`: the reader went away
            sys.stderr.close()
            raise typer.Exit(1) from None
        except OSError as err:  # `resdex ... > file` on a full disk: the output's, no file
            if err.filename is not None or err.errno not in OUTPUT_ERRNOS:
                raise
            fail(f"cannot write the output: {err.strerror or err}")

    return wrapper


def add_command(app: typer.Typer, name: str, func: Callable[..., Any]) -> None:
    """Register ``func`` as ``resdex NAME``, its errors reported as above."""
    app.command(name)(reports_errors(func))


# --- the index --------------------------------------------------------------------------------


def resolve_index_dir(option: Path | None) -> Path:
    """``--index DIR``, else ``$RESDEX_INDEX``, else the per-user data folder."""
    if option is not None:
        return option
    env = os.environ.get(INDEX_ENV)
    if env:
        return Path(env)
    from platformdirs import user_data_path

    return user_data_path("resdex", appauthor=False) / "index"


def open_reader(option: Path | None) -> Reader:
    """The index that ``--index`` (or its defaults) names, open for questions."""
    from resdex.search.engine import open_reader as open_dir

    return open_dir(resolve_index_dir(option))


# --- validation -------------------------------------------------------------------------------


def check_limit(limit: int) -> int:
    if limit < 0:
        raise UsageError("--limit must be 0 (all) or more")
    return limit


def one_format(**flags: bool) -> str | None:
    """The one output format asked for (``--json``, ``--csv``), or None for text."""
    chosen = [name for name, on in flags.items() if on]
    if len(chosen) > 1:
        raise UsageError(" and ".join(f"--{name}" for name in chosen) + " exclude each other")
    return chosen[0] if chosen else None


# --- output -----------------------------------------------------------------------------------


def print_json(data: Any) -> None:
    """One JSON document on standard output (``resdex.search.jsontext``)."""
    from resdex.search.jsontext import json_text

    typer.echo(json_text(data))


def print_csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
    """A header row, then ``rows``, as CSV on standard output."""
    import csv

    writer = csv.writer(sys.stdout, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    sys.stdout.flush()


def print_resolution(resolution: Any, as_json: bool) -> None:
    """One resolution (``parse``, ``show``): its JSON (interface.md), or as text."""
    if as_json:
        from resdex.indexer.serialize import resolution_to_dict

        print_json(resolution_to_dict(resolution))
    else:
        from resdex.cli.render import render_resolution

        typer.echo(render_resolution(resolution))


def print_lines(lines: Iterable[str]) -> None:
    for line in lines:
        typer.echo(line)
