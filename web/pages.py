"""The pages a person uses. Each page's URL holds its whole state (bookmark, share, back
button); the precedents upload is the one POST. Errors become the page with a message and
the status the API would give.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from resdex.indexer.errors import ResdexError
from resdex.search import query as q
from resdex.search.engine import Reader
from resdex.search.naming import CitesAnswer, answer_cites, answer_search, stemmed
from resdex.search.results import SearchResult
from resdex.web import across, params, views
from resdex.web.context import context
from resdex.web.csvout import cites_csv, search_csv
from resdex.web.errors import one_line, status_of
from resdex.web.links import Linker, indexed_keys, url
from resdex.web.timeline import Counts, chart, session_counts
from resdex.web.upload import MAX_TEXT, Draft, parse_draft, pasted, read_upload

Handler = Callable[[Request], Awaitable[Response]]


def shows_errors(template: str) -> Callable[[Handler], Handler]:
    """A ResdexError becomes ``template`` (with the form as the request filled it) and a
    message, with the status the API gives for it."""

    def decorate(handler: Handler) -> Handler:
        async def wrapper(request: Request) -> Response:
            try:
                return await handler(request)
            except ResdexError as err:
                return context(request).render(
                    "error.html",
                    status_of(err),
                    status=status_of(err),
                    message=one_line(err),
                    form=dict(request.query_params),
                    page=template,
                )

        wrapper.__name__ = handler.__name__
        return wrapper

    return decorate


# --- search ---------------------------------------------------------------------------------


async def home(request: Request) -> Response:
    ctx = context(request)
    return ctx.render("search.html", form=params.SearchForm(), result=None)


@shows_errors("search")
async def search_page(request: Request) -> Response:
    ctx = context(request)
    form = params.search_form(request.query_params)
    if form.q is None:
        return ctx.render("search.html", form=form, result=None)
    page = form.page
    current = params.search_request(form, page * params.PER_PAGE)
    before = params.search_request(form, (page - 1) * params.PER_PAGE) if page > 1 else None

    def work(index: Reader) -> tuple[SearchResult, SearchResult | None, Any]:
        # the query stemmed once (a look-up of every form of every word) for the page, the
        # page before it and the counts; each result reports the query as the user wrote it
        counted = stemmed(index, current, form.stem)
        result = replace(q.search(index, counted), query=current.query)
        previous = None
        if before is not None:
            asked = replace(before, query=counted.query)
            previous = replace(q.search(index, asked), query=before.query)
        counts = session_counts(index, counted, result.total) if result.total else Counts((), 0)
        return result, previous, counts

    result, previous, counts = await ctx.query(work)
    hits = views.page_hits(result, previous)
    return ctx.render(
        "search.html",
        form=form,
        result=result,
        groups=views.hit_groups(hits),
        pager=views.pager(page, len(hits), result.total, params.MAX_PAGE),
        chart=chart(counts),
        csv_url=url("/search.csv", form.params(page=None)),
        csv_cap=params.MAX_LIMIT,
    )


@shows_errors("search")
async def search_csv_download(request: Request) -> Response:
    """The current search's hits (the best ``MAX_LIMIT``) as CSV."""
    form = params.search_form(request.query_params)
    req = params.search_request(form, params.MAX_LIMIT)
    result = await context(request).query(lambda index: answer_search(index, req, form.stem))
    return csv_download(search_csv(result), "resdex-search.csv")


def csv_download(text: str, filename: str) -> Response:
    return Response(
        text,
        media_type="text/csv; charset=utf-8",
        headers={"content-disposition": f'attachment; filename="{filename}"'},
    )


# --- one resolution, and what cites it ------------------------------------------------------


@shows_errors("show")
async def show_page(request: Request) -> Response:
    symbol = params.required(request.query_params, "symbol")

    def work(index: Reader) -> views.ResolutionView:
        res = q.show(index, symbol)
        linker = Linker(frozenset(indexed_keys(index, views.targets_of(res))))
        return views.resolution_view(res, linker)

    ctx = context(request)
    view = await ctx.query(work)
    return ctx.render("show.html", res=view)


@shows_errors("cites")
async def cites_page(request: Request) -> Response:
    target = params.required(request.query_params, "target")

    def work(index: Reader) -> tuple[CitesAnswer, bool]:
        answer = answer_cites(index, target)
        return answer, bool(indexed_keys(index, [answer.result.target]))

    ctx = context(request)
    answer, indexed = await ctx.query(work)
    return ctx.render(
        "cites.html",
        target=answer.result.target,
        indexed=indexed,
        citing=views.cites_view(answer.result),
        nearest=answer.nearest,
        asked=target,
    )


@shows_errors("cites")
async def cites_csv_download(request: Request) -> Response:
    """What cites ``target``, a row per citing paragraph (``resdex cites --csv``)."""
    target = params.required(request.query_params, "target")
    answer = await context(request).query(lambda index: answer_cites(index, target))
    return csv_download(cites_csv(answer.result), "resdex-cites.csv")


# --- across sessions ------------------------------------------------------------------------


@shows_errors("lineage")
async def lineage_page(request: Request) -> Response:
    ctx = context(request)
    symbol = params.optional(request.query_params, "symbol")
    data = None
    if symbol is not None and across.available("lineage"):
        data = await ctx.query(lambda index: across.lineage_json(index, symbol))
    return ctx.render("lineage.html", symbol=symbol, data=data)


@shows_errors("diff")
async def diff_page(request: Request) -> Response:
    ctx = context(request)
    old = params.optional(request.query_params, "old")
    new = params.optional(request.query_params, "new")
    data = None
    if old is not None and across.available("diff"):
        data = await ctx.query(lambda index: across.diff_json(index, old, new))
    return ctx.render("diff.html", old=old, new=new, data=data, ops=views.ops_pieces)


@shows_errors("precedents")
async def precedents_page(request: Request) -> Response:
    """GET: the form, or the precedents of ``text`` (pasted paragraphs, in the URL); POST:
    the precedents of an uploaded draft (or of pasted text too long for a URL)."""
    ctx = context(request)
    draft: Draft | None = None
    text = None
    if request.method == "GET":
        text = params.optional(request.query_params, "text", MAX_TEXT)
    if request.method == "POST":
        draft = await read_upload(request)
    elif text is not None:
        draft = pasted(text)
    data = None
    if draft is not None and across.available("precedents"):
        chosen = draft
        data = await ctx.query(
            lambda index: across.precedents_json(index, parse_draft(chosen), chosen.name)
        )
    return ctx.render(
        "precedents.html",
        text=text or (draft.text if draft else None),
        name=draft.name if draft else None,
        data=data,
        ops=views.ops_pieces,
    )
