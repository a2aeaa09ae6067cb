"""``resdex serve``: the web page over the index (``resdex.web``), until Ctrl-C.

Starlette, Jinja2, uvicorn (and even ``socket``) are imported inside the command only:
registering it costs ``resdex search`` nothing.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from resdex.cli.common import IndexOption, add_command, fail, resolve_index_dir

if TYPE_CHECKING:
    import socket

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8750


def _allowed_hosts(host: str) -> list[str] | None:
    """The Host headers a server bound to ``host`` answers: on a loopback address only the
    loopback names (a web page elsewhere cannot reach it by DNS rebinding); else any."""
    import ipaddress

    try:
        loopback = ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = host == "localhost"
    return ["127.0.0.1", "localhost", "[::1]", "::1"] if loopback else None


def _listen(host: str, port: int) -> socket.socket:
    import socket

    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    sock = socket.socket(family, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind((host, port))
    except OSError as err:
        sock.close()
        fail(f"cannot listen on {host}:{port}: {err.strerror or err}")
    sock.listen(128)
    sock.set_inheritable(True)
    return sock


def serve(
    index_dir: IndexOption = None,
    host: Annotated[
        str,
        typer.Option("--host", help="Address to listen on (others reach it only if not loopback)."),
    ] = DEFAULT_HOST,
    port: Annotated[int, typer.Option("--port", help="Port (0: any free one).")] = DEFAULT_PORT,
    workers: Annotated[
        int, typer.Option("--workers", help="Server processes (more answer more people at once).")
    ] = 1,
) -> None:
    """A local web page over the index (search, resolutions, citations), and the same JSON
    under /api/…; read-only; picks up a new `resdex index` without a restart."""
    import os

    import uvicorn

    from resdex.search.engine import open_reader
    from resdex.web import app as web

    if not 0 <= port <= 65535:
        fail("--port must be between 0 and 65535", 2)
    if not 1 <= workers <= 32:
        fail("--workers must be between 1 and 32", 2)
    folder = resolve_index_dir(index_dir).absolute()
    open_reader(folder)  # no index, or a damaged one: say so now, in one line
    hosts = _allowed_hosts(host)
    sock = _listen(host, port)
    bound_port = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    typer.echo(f"resdex: serving {folder} at http://{shown}:{bound_port}/  (Ctrl-C to stop)")
    try:
        if workers == 1:
            app = web.create_app(folder, allowed_hosts=hosts)
            config = uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off")
            uvicorn.Server(config).run(sockets=[sock])
        else:
            from uvicorn.supervisors import Multiprocess

            # each worker process builds its own app (its own open index) from these
            os.environ[web.ENV_INDEX] = str(folder)
            if hosts is not None:
                os.environ[web.ENV_HOSTS] = ",".join(hosts)
            config = uvicorn.Config(
                "resdex.web.app:app_from_environment",
                factory=True,
                workers=workers,
                log_level="warning",
                access_log=False,
                lifespan="off",
            )
            Multiprocess(config, sockets=[sock]).run()
    except KeyboardInterrupt:  # a second Ctrl-C while shutting down
        pass
    finally:
        sock.close()
    typer.echo("resdex: stopped")


def register(app: typer.Typer) -> None:
    add_command(app, "serve", serve)
