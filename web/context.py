"""What every handler shares: the live index, the query runner, the templates."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, Response

from resdex.search.engine import Reader
from resdex.web import across, params
from resdex.web.links import show_url, url
from resdex.web.run import Runner
from resdex.web.state import LiveIndex
from resdex.web.views import plain_text

TEMPLATES = Path(__file__).resolve().parent / "templates"

T = TypeVar("T")


def template_env() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=True,  # every value is escaped: a document holding <script> shows as text
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals["url"] = url
    env.globals["show_url"] = show_url
    env.globals["plain_text"] = plain_text
    return env


@dataclass
class Context:
    """What every handler needs: the live index, the query runner, the templates."""

    live: LiveIndex
    runner: Runner
    env: Environment

    async def query(self, fn: Callable[[Reader], T]) -> T:
        """``fn(index)`` on the current index, off the event loop, under the time cap. A
        generation removed under an open index is reopened once."""

        def work() -> T:
            index = self.live.get()
            try:
                return fn(index)
            except FileNotFoundError:
                return fn(self.live.refresh())

        return await self.runner(work)

    def render(self, template: str, status_code: int = 200, **values: Any) -> HTMLResponse:
        html = self.env.get_template(template).render(**(common() | values))
        return HTMLResponse(html, status_code=status_code)


def common() -> dict[str, Any]:
    """What every page's template may ask: the features of this version of the library."""
    return {
        "features": {f: across.available(f) for f in across.FEATURES},
        "has_status": params.supported("status"),
        "has_sort": params.supported("sort"),
        "form": {},
        "page": None,
    }


def context(request: Request) -> Context:
    ctx: Context = request.app.state.ctx
    return ctx


def error_response(request: Request, status: int, message: str) -> Response:
    if request.url.path.startswith("/api/"):
        return JSONResponse({"error": message}, status_code=status)
    ctx = context(request)
    return ctx.render("error.html", status, status=status, message=message)
