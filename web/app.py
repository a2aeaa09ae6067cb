"""The Starlette application: routes, the errors each becomes, security headers.

``create_app(index_dir)`` is what ``resdex serve`` runs and what the tests drive. Pages are in
``resdex.web.pages``, the JSON API in ``resdex.web.api``; both go through
``resdex.web.context.Context.query``, which runs library calls off the event loop under the
time cap.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from resdex.web import api, pages
from resdex.web.context import Context, error_response, template_env
from resdex.web.run import Runner
from resdex.web.state import LiveIndex

STATIC = Path(__file__).resolve().parent / "static"

# Everything from this server, nothing inline: no script or style from the data can run.
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
}


class SecurityHeaders:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                for name, value in SECURITY_HEADERS.items():
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def create_app(
    index_dir: Path,
    *,
    allowed_hosts: Sequence[str] | None = None,
    query_seconds: float | None = None,
    check_every: float = 0.0,
) -> Starlette:
    """The web application over the index at ``index_dir`` (read-only). ``allowed_hosts``:
    the Host headers answered (None: any), against DNS rebinding of a loopback server."""
    runner = Runner() if query_seconds is None else Runner(seconds=query_seconds)
    ctx = Context(LiveIndex(index_dir, check_every), runner, template_env())
    routes = [
        Route("/", pages.home),
        Route("/search", pages.search_page),
        Route("/search.csv", pages.search_csv_download),
        Route("/show", pages.show_page),
        Route("/cites", pages.cites_page),
        Route("/cites.csv", pages.cites_csv_download),
        Route("/lineage", pages.lineage_page),
        Route("/diff", pages.diff_page),
        Route("/precedents", pages.precedents_page, methods=["GET", "POST"]),
        Route("/api/search", api.search),
        Route("/api/cites", api.cites),
        Route("/api/show", api.show),
        Route("/api/lineage", api.lineage),
        Route("/api/diff", api.diff),
        Route("/api/precedents", api.precedents, methods=["POST"]),
        Route("/api/status", api.status),
        Mount("/static", app=StaticFiles(directory=STATIC), name="static"),
    ]
    middleware = [Middleware(SecurityHeaders)]
    if allowed_hosts is not None:
        middleware.append(Middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts)))
    app = Starlette(
        routes=routes,
        middleware=middleware,
        exception_handlers={HTTPException: http_error, 500: server_error},
    )
    app.state.ctx = ctx
    return app


async def http_error(request: Request, exc: Exception) -> Response:
    status = exc.status_code if isinstance(exc, HTTPException) else 500
    detail = exc.detail if isinstance(exc, HTTPException) else ""
    message = {404: "no such page", 405: "method not allowed"}.get(status, str(detail))
    return error_response(request, status, message)


async def server_error(request: Request, exc: Exception) -> Response:
    return error_response(request, 500, "internal error (see the server's output)")


# ``resdex serve --workers N``: each worker process builds its app from these
ENV_INDEX = "RESDEX_SERVE_INDEX"
ENV_HOSTS = "RESDEX_SERVE_HOSTS"  # comma-separated; absent: any


def app_from_environment() -> Starlette:
    """The app of one worker process of ``resdex serve --workers N`` (uvicorn's factory)."""
    import os

    hosts = os.environ.get(ENV_HOSTS)
    return create_app(
        Path(os.environ[ENV_INDEX]), allowed_hosts=hosts.split(",") if hosts is not None else None
    )
