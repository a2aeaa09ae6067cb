"""``resdex search``, ``resdex cites``, ``resdex show``: read the index, never parse.

This is the path that must start fast: no spaCy, no parser imported here or below.
"""

from __future__ import annotations

import sys
import textwrap
from collections.abc import Iterator
from itertools import groupby
from pathlib import Path
from typing import Annotated

import typer

from resdex.cli.index_cmd import IndexOption, JsonOption
from resdex.search.results import CitesResult, Group, Hit, SearchResult

WIDTH = 100


def _open(index_dir: Path | None) -> object:
    from resdex.cli.main import resolve_index_dir
    from resdex.search.store import open_index

    return open_index(resolve_index_dir(index_dir))


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


SORTED = {"relevance": "best-scoring", "oldest": "oldest", "newest": "newest"}


def head_line(result: SearchResult) -> str:
    """ "316 paragraphs in 40 resolutions match "right to development"; the 20 oldest of
    316 shown (--limit 0 for all)"."""
    noun = "paragraph" if result.total == 1 else "paragraphs"
    line = (
        f"{result.total} {noun} in {result.resolutions} resolution"
        f"{'' if result.resolutions == 1 else 's'} match {result.query}"
    )
    shown = len(result.hits)
    if result.by is None and shown < result.total:
        line += f"; the {shown} {SORTED[result.sort]} of {result.total} shown (--limit 0 for all)"
    return line


BAR = 30  # characters of the longest bar


def render_groups(result: SearchResult, color: bool) -> Iterator[str]:
    """One line per group: its key, a bar as long as its share, the counts, the first
    paragraph."""
    yield head_line(result)
    if not result.groups:
        return
    yield ""
    top = max(g.paragraphs for g in result.groups)
    width = max(len(_group_key(g)) for g in result.groups)
    for g in result.groups:
        bar = "█" * max(1, round(BAR * g.paragraphs / top))
        bar = typer.style(bar, fg="cyan") if color else bar
        res = f"{g.resolutions} res."
        first = f"first {g.first.symbol} {g.first.label}"
        if g.first.adopted:
            first += f" ({g.first.adopted})"
        yield f"{_group_key(g):>{width}}  {g.paragraphs:>6} par. {res:>9}  {bar}  {first}"


def _group_key(g: Group) -> str:
    return "none" if g.key is None else str(g.key)


def render_search(result: SearchResult, color: bool) -> Iterator[str]:
    if result.by is not None:
        yield from render_groups(result, color)
        return
    yield head_line(result)
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
    sort: Annotated[
        str,
        typer.Option("--sort", help="Which hits --limit keeps: relevance, oldest or newest."),
    ] = "relevance",
    by: Annotated[
        str | None,
        typer.Option(
            "--by",
            help="Count every match per session, year, body or verb (instead of hits).",
        ),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status", help="adopted, or draft (an L. document or one without adoption date)."
        ),
    ] = None,
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
            sort=q.normalize_sort(sort),
            by=q.normalize_by(by) if by is not None else None,
            status=q.normalize_status(status) if status is not None else None,
        )
    except q.QueryError as err:
        fail(str(err), 2)
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
