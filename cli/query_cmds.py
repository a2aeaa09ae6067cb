"""``resdex search``, ``resdex cites``, ``resdex show``: read the index, never parse.

This is the path that must start fast: no spaCy, no parser imported here or below.
"""

from __future__ import annotations

import contextlib
import sys
import textwrap
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from typing import Annotated

import typer

from resdex.cli.index_cmd import IndexOption, JsonOption
from resdex.search.results import CitesResult, Hit, SearchResult

WIDTH = 100


def _open(index_dir: Path | None) -> object:
    from resdex.cli.main import resolve_index_dir
    from resdex.search.store import open_index

    return open_index(resolve_index_dir(index_dir))


def _reading(index_dir: Path | None) -> contextlib.AbstractContextManager[None]:
    """Any failure to read the index inside: one line naming it as damaged (issue 10)."""
    from resdex.cli.main import resolve_index_dir
    from resdex.search.store import reading

    return reading(resolve_index_dir(index_dir))


def _range(text: str | None, option: str) -> tuple[int | None, int | None] | None:
    if text is None:
        return None
    from resdex.cli.main import fail
    from resdex.search.query import QueryError, parse_range

    try:
        return parse_range(text, option)
    except QueryError as err:
        fail(str(err), 2)


# --- search ---------------------------------------------------------------------------------


def _resolution_head(hit: Hit) -> str:
    when = ", ".join(
        x
        for x in (
            hit.body,
            f"session {hit.session}" if hit.session else None,
            hit.adopted or (str(hit.year) if hit.year else None),
        )
        if x
    )
    return f"{hit.symbol}  ({when})  {hit.title or ''}".rstrip()


def render_search(result: SearchResult, color: bool) -> Iterator[str]:
    shown = len(result.hits)
    more = f", showing {shown} (--limit 0 for all)" if shown < result.total else ""
    noun = "paragraph" if result.total == 1 else "paragraphs"
    yield (
        f"{result.total} {noun} in {result.resolutions} resolution"
        f"{'' if result.resolutions == 1 else 's'} match {result.query}{more}"
    )
    for _, group in groupby(result.hits, key=lambda h: h.symbol):
        hits = list(group)
        yield ""
        head = _resolution_head(hits[0])
        yield typer.style(head, bold=True) if color else head
        for hit in hits:
            verb = f"  [{hit.opening or hit.verb}]" if hit.verb else ""
            yield f"  {hit.label}{verb}"
            body = textwrap.fill(
                " ".join(hit.highlight().split()),
                WIDTH,
                initial_indent="      ",
                subsequent_indent="      ",
            )
            if color:  # wrap on the plain text, then colour the matches
                parts = body.split("**")
                body = "".join(
                    typer.style(p, fg="yellow", bold=True) if i % 2 else p
                    for i, p in enumerate(parts)
                )
            yield body


def search(
    query: Annotated[str, typer.Argument(help='Words, "phrases", AND / OR / NOT, ( ).')],
    body: Annotated[str | None, typer.Option("--body", help="GA, SC, HRC or ECOSOC.")] = None,
    session: Annotated[
        str | None, typer.Option("--session", help="Sessions: 75, 70..80, 70.. or ..80.")
    ] = None,
    year: Annotated[
        str | None, typer.Option("--year", help="Years: 2016, 2015..2024, 2015.. or ..2024.")
    ] = None,
    kind: Annotated[
        str | None, typer.Option("--kind", help="preambular, operative or footnote.")
    ] = None,
    verb: Annotated[
        str | None,
        typer.Option("--verb", help='Operative verb: "urges" also finds "Strongly urges".'),
    ] = None,
    limit: Annotated[int, typer.Option("--limit", help="Most hits shown; 0: all.")] = 20,
    index_dir: IndexOption = None,
    as_json: JsonOption = False,
) -> None:
    """Paragraphs matching QUERY, grouped by resolution in session order."""
    from resdex.cli.main import fail, print_json
    from resdex.search import query as q
    from resdex.search.results import search_to_json

    if limit < 0:
        fail("--limit must be 0 (all) or more", 2)
    try:
        request = q.SearchRequest(
            query=query,
            body=q.normalize_body(body) if body is not None else None,
            session=_range(session, "--session"),
            year=_range(year, "--year"),
            kind=q.normalize_kind(kind) if kind is not None else None,
            verb=q.normalize_verb(verb) if verb is not None else None,
            limit=limit,
        )
    except q.QueryError as err:
        fail(str(err), 2)
    with _reading(index_dir):
        result = q.search(_open(index_dir), request)
    if as_json:
        print_json(search_to_json(result))
        return
    color = sys.stdout.isatty()
    for line in render_search(result, color):
        typer.echo(line)


# --- cites ----------------------------------------------------------------------------------


def render_cites(result: CitesResult) -> Iterator[str]:
    n = len(result.citing)
    if not n:
        yield f"no indexed resolution cites {result.target}"
        return
    yield f"{result.target} is cited by {n} resolution{'' if n == 1 else 's'}"
    for c in result.citing:
        when = c.adopted or (str(c.year) if c.year else "undated")
        yield ""
        yield f"{when}  {c.symbol}  {c.title or ''}".rstrip()
        for u in c.units:
            how = []
            if u.direct:
                how.append("directly")
            if u.via_footnotes:
                notes = ", ".join(str(n) for n in u.via_footnotes)
                how.append(f"through footnote{'s' if len(u.via_footnotes) > 1 else ''} {notes}")
            said = "; ".join(f"“{s}”" for s in u.surfaces)
            yield f"    {u.label:<12} {' and '.join(how)}: {said}".rstrip(": ")


def cites(
    target: Annotated[
        str, typer.Argument(help="A symbol in any usual spelling: 'resolution 55/2'.")
    ],
    index_dir: IndexOption = None,
    as_json: JsonOption = False,
) -> None:
    """Every resolution citing TARGET, by date, with the paragraphs that cite it."""
    from resdex.cli.main import print_json
    from resdex.search import query as q
    from resdex.search.results import cites_to_json

    with _reading(index_dir):
        result = q.cites(_open(index_dir), target)
    if as_json:
        print_json(cites_to_json(result))
        return
    for line in render_cites(result):
        typer.echo(line)


# --- show -----------------------------------------------------------------------------------


def show(
    symbol: Annotated[str, typer.Argument(help="A/RES/71/194, 71/194, 'S/RES/242 (1967)'.")],
    index_dir: IndexOption = None,
    as_json: JsonOption = False,
) -> None:
    """One indexed resolution, paragraph by paragraph, with its citations."""
    from resdex.cli.main import print_json
    from resdex.cli.render import render_resolution
    from resdex.indexer.serialize import resolution_to_dict
    from resdex.search import query as q

    with _reading(index_dir):
        resolution = q.show(_open(index_dir), symbol)
    if as_json:
        print_json(resolution_to_dict(resolution))
    else:
        typer.echo(render_resolution(resolution))


def register(app: typer.Typer) -> None:
    from resdex.cli.main import reports_errors

    app.command("search")(reports_errors(search))
    app.command("cites")(reports_errors(cites))
    app.command("show")(reports_errors(show))
