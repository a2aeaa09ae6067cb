"""The ``resdex`` command: a thin Typer layer over ``indexer`` and ``search``.

Only this package prints or exits. Heavy imports (spaCy, the parser, Whoosh's writer) happen
inside the commands that need them, so that ``resdex search`` starts fast.

How the package fits together (imports go one way, with no circle):

- ``common``: shared options (``--json``, ``--csv``, ``--index``), errors (``fail``,
  ``UsageError``, ``reports_errors``), ``print_json``/``print_csv``;
- ``render``: every line of text the commands print;
- one module per command or group of commands (``parse_cmd``, ``index_cmd``,
  ``query_cmds``, ``export_cmd`` …), each with a ``register(app)`` that adds its commands
  (``common.add_command(app, "name", func)``), importing ``common`` and ``render`` only;
- this module, which builds ``app`` and registers every module of ``COMMANDS``.

A new command: write ``cli/NAME_cmd.py`` with its function(s) and
``def register(app: typer.Typer) -> None``, keep its heavy imports inside the function, and
add its module to ``COMMANDS`` below: one line.
"""

from __future__ import annotations

import contextlib
import os
import sys
from typing import Annotated

import typer

from resdex.cli import (
    across_cmds,
    check_cmd,
    export_cmd,
    index_cmd,
    parse_cmd,
    query_cmds,
    serve_cmd,
)

# The command modules, in the order ``resdex --help`` lists their commands.
COMMANDS = (parse_cmd, index_cmd, query_cmds, across_cmds, export_cmd, check_cmd, serve_cmd)


def _print_version(value: bool) -> None:
    if value:
        import resdex

        typer.echo(f"resdex {resdex.__version__}")
        raise typer.Exit()


def _options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print the version and exit.",
            callback=_print_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Full-text search and citation index for United Nations resolutions."""


def _new_app() -> typer.Typer:
    one = typer.Typer(
        name="resdex",
        help="Full-text search and citation index for United Nations resolutions.",
        add_completion=True,
        no_args_is_help=True,
        pretty_exceptions_enable=False,
    )
    one.callback()(_options)
    return one


app = _new_app()
for _module in COMMANDS:
    _module.register(app)


def app_for(args: list[str]) -> typer.Typer:
    """The app that runs ``resdex ARGS``: for a command (``resdex search …``), one with only
    that command registered, since typer builds a click command for every registered
    command on every run (about 2 ms each, 11 commands); the whole ``app`` for anything
    else (``--help``, ``--version``, completion, an unknown name)."""
    if args and not args[0].startswith("-"):
        for info in app.registered_commands:
            if info.name == args[0]:
                one = _new_app()
                one.registered_commands.append(info)
                return one
    return app


# Commands that only read the index and print. When one ends, its output flushed, the
# process ends at once (``os._exit``) instead of tearing the interpreter down: freeing every
# module and object of a cold ``resdex search`` is ~60M instructions (7% of the run's,
# callgrind) and ~17% of its wall time (445 -> 368 ms, medians of 20), after the answer is
# printed and with nothing left to write or close (the index is only read). Instagram's
# servers skip the same teardown the same way.
READ_ONLY_COMMANDS = frozenset({"search", "cites", "show", "lineage", "diff", "precedents"})


def run(args: list[str]) -> int:
    """Run ``resdex ARGS`` and return its exit status."""
    try:
        app_for(args)(args=args)
    except SystemExit as done:
        if done.code is None or isinstance(done.code, int):
            return done.code or 0
        print(done.code, file=sys.stderr)
        return 1
    return 0


def _exit_now(status: int) -> None:
    """End the process with ``status`` once what it printed is written: a reader that went
    away (``resdex search … | head``) makes it 1, as ``reports_errors`` does; so does an
    output that cannot be written (a full disk), said in one line."""
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        status = 1
    except OSError as err:
        if status == 0:  # else the command said it already (``reports_errors``)
            with contextlib.suppress(OSError, ValueError):
                message = f"resdex: error: cannot write the output: {err.strerror or err}"
                print(message, file=sys.stderr)
        status = 1
    with contextlib.suppress(BrokenPipeError, ValueError):  # closed by reports_errors
        sys.stderr.flush()
    os._exit(status)


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] in READ_ONLY_COMMANDS:
        _exit_now(run(args))
    app_for(args)()


if __name__ == "__main__":
    main()
