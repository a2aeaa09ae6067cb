"""``/api/…``: exactly the JSON of the CLI's ``--json``, from the same library functions
(``search_to_json``, ``cites_to_json``, ``resolution_to_dict``, and across sessions'
``*_to_json``). A bad parameter: 400 and ``{"error": …}``; an unknown symbol: 404.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Any

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from resdex.indexer.errors import ResdexError
from resdex.indexer.serialize import resolution_to_dict
from resdex.search import query as q
from resdex.search.naming import answer_cites, answer_search, cites_answer_to_json
from resdex.search.results import search_to_json
from resdex.web import across, params
from resdex.web.context import context
from resdex.web.errors import one_line, status_of
from resdex.web.upload import parse_draft, read_upload

Handler = Callable[[Request], Awaitable[Response]]


class PrettyJSON(JSONResponse):
    """JSON laid out one item a line, as ``resdex … --json`` writes it."""

    def render(self, content: Any) -> bytes:
        from resdex.search.jsontext import json_text

        return json_text(content).encode("utf-8")


def answers_errors(handler: Handler) -> Handler:
    async def wrapper(request: Request) -> Response:
        try:
            return await handler(request)
        except ResdexError as err:
            return PrettyJSON({"error": one_line(err)}, status_code=status_of(err))

    wrapper.__name__ = handler.__name__
    wrapper.__doc__ = handler.__doc__
    return wrapper


@answers_errors
async def search(request: Request) -> Response:
    """``/api/search?q=…&body=…&session=…&year=…&kind=…&verb=…&stem=1&limit=…`` =
    ``search --json``."""
    req = params.api_search_request(request.query_params)
    stem = params.flag(request.query_params, "stem")
    result = await context(request).query(lambda index: answer_search(index, req, stem))
    return PrettyJSON(search_to_json(result))


@answers_errors
async def cites(request: Request) -> Response:
    """``/api/cites?target=…`` = ``cites --json``."""
    target = params.required(request.query_params, "target")
    answer = await context(request).query(lambda index: answer_cites(index, target))
    return PrettyJSON(cites_answer_to_json(answer))


@answers_errors
async def show(request: Request) -> Response:
    """``/api/show?symbol=…`` = ``show --json``."""
    symbol = params.required(request.query_params, "symbol")
    res = await context(request).query(lambda index: q.show(index, symbol))
    return PrettyJSON(resolution_to_dict(res))


@answers_errors
async def lineage(request: Request) -> Response:
    """``/api/lineage?symbol=…`` = ``lineage --json``."""
    symbol = params.required(request.query_params, "symbol")
    return PrettyJSON(
        await context(request).query(lambda index: across.lineage_json(index, symbol))
    )


@answers_errors
async def diff(request: Request) -> Response:
    """``/api/diff?old=…[&new=…]`` = ``diff --json``."""
    old = params.required(request.query_params, "old")
    new = params.optional(request.query_params, "new")
    return PrettyJSON(await context(request).query(lambda index: across.diff_json(index, old, new)))


@answers_errors
async def precedents(request: Request) -> Response:
    """``POST /api/precedents`` (a ``file`` or a ``text`` field) = ``precedents --json``."""
    draft = await read_upload(request)
    return PrettyJSON(
        await context(request).query(
            lambda index: across.precedents_json(index, parse_draft(draft), draft.name)
        )
    )


async def status(request: Request) -> Response:
    """The index served: its folder, the generation open, how many resolutions it holds."""
    ctx = context(request)
    try:
        documents = await ctx.query(lambda index: index.size())
    except ResdexError as err:
        return PrettyJSON({"error": one_line(err)}, status_code=status_of(err))
    generation = ctx.live.generation
    return PrettyJSON(
        {
            "index": str(ctx.live.index_dir),
            "generation": generation.name if generation else None,
            "units": documents,
            "features": {f: across.available(f) for f in across.FEATURES},
        }
    )
