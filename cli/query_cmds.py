"""``resdex search``, ``resdex cites``, ``resdex show``: read the index, never parse.

This is the path that must start fast: no spaCy, no parser imported here or below.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator
from itertools import chain
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from resdex.cli.common import (
    CsvOption,
    IndexOption,
    JsonOption,
    add_command,
    check_limit,
    one_format,
    open_reader,
    print_csv,
    print_json,
    print_lines,
    print_resolution,
    usage_errors,
)

if TYPE_CHECKING:
    from resdex.search.query import Range, SearchRequest
    from resdex.search.results import Group, SearchResult


def _reading(index_dir: Path | None) -> contextlib.AbstractContextManager[None]:
    """Any failure to read the index inside: one line naming it damaged (issue 10)."""
    from resdex.cli.common import resolve_index_dir
    from resdex.search.store import reading

    return reading(resolve_index_dir(index_dir))


# --- search ---------------------------------------------------------------------------------

QUERY_HELP = "\n\n".join(
    (
        "Paragraphs matching QUERY, grouped by resolution in session order.",
        "QUERY holds words (a paragraph must hold every one: `cooperation dialogue`), "
        '"quoted phrases", AND / OR / NOT and ( ) between them, and `*` or `?` inside a word '
        "(`ratif*`); `*` alone matches every paragraph. A document symbol is one word "
        "(`A/RES/70/1`). Use the options, not field prefixes, to filter.",
        'Matching is exact, word for word, whatever the case: "ratify" does not find '
        '"ratification" or "ratified"; `ratif*` finds all three, and --stem finds the forms '
        'that share the word\'s English stem ("ratified", "ratifies", "ratifying"). Phrases '
        "always match exactly.",
    )
)


def _range(text: str | None, option: str) -> Range | None:
    from resdex.search.query import parse_range

    return None if text is None else parse_range(text, option)


def search_request(
    query: str,
    *,
    body: str | None,
    session: str | None,
    year: str | None,
    kind: str | None,
    verb: str | None,
    limit: int,
    sort: str = "relevance",
    by: str | None = None,
    status: str | None = None,
) -> SearchRequest:
    """The request the options ask for, each option checked here once (a bad one is a
    usage error: exit 2). A new option of ``search`` adds its field here."""
    from resdex.search import query as q

    with usage_errors():
        return q.SearchRequest(
            query=query,
            body=q.normalize_body(body) if body is not None else None,
            session=_range(session, "--session"),
            year=_range(year, "--year"),
            kind=q.normalize_kind(kind) if kind is not None else None,
            verb=q.normalize_verb(verb) if verb is not None else None,
            limit=check_limit(limit),
            sort=q.normalize_sort(sort),
            by=q.normalize_by(by) if by is not None else None,
            status=q.normalize_status(status) if status is not None else None,
        )


def search(
    query: Annotated[
        str, typer.Argument(help='Words, "phrases", AND / OR / NOT, ( ), ratif* (see above).')
    ],
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
    stem: Annotated[
        bool,
        typer.Option(
            "--stem",
            help="Also match other English forms of each word (ratified, ratifies for "
            "ratify); phrases stay exact.",
        ),
    ] = False,
    limit: Annotated[int, typer.Option("--limit", help="Most hits shown; 0: all.")] = 20,
    sort: Annotated[
        str,
        typer.Option("--sort", help="Which hits --limit keeps: relevance, oldest or newest."),
    ] = "relevance",
    by: Annotated[
        str | None,
        typer.Option(
            "--by", help="Count every match per session, year, body or verb (instead of hits)."
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
    as_csv: CsvOption = False,
) -> None:
    from resdex.cli.render import render_search
    from resdex.search.naming import answer_search

    output = one_format(json=as_json, csv=as_csv)
    request = search_request(
        query,
        body=body,
        session=session,
        year=year,
        kind=kind,
        verb=verb,
        limit=limit,
        sort=sort,
        by=by,
        status=status,
    )
    with _reading(index_dir):
        result = answer_search(open_reader(index_dir), request, stem)
    if output == "json":
        from resdex.search.results import search_to_json

        print_json(search_to_json(result))
    elif output == "csv":
        from resdex.search.export import SEARCH_HEADER, search_rows

        print_csv(SEARCH_HEADER, search_rows(result))
    elif result.by is not None:
        print_lines(render_groups(result, sys.stdout.isatty()))
    else:
        lines = render_search(result, sys.stdout.isatty())
        next(lines, None)  # its head line, said here with the sort (move to render.py)
        print_lines(chain([head_line(result)], lines))


search.__doc__ = QUERY_HELP

SORTED = {"relevance": "best-scoring", "oldest": "oldest", "newest": "newest"}


def head_line(result: SearchResult) -> str:
    """ "316 paragraphs in 40 resolutions match "right to development"; the 20 oldest of
    316 shown (--limit 0 for all)"."""
    noun = "paragraph" if result.total == 1 else "paragraphs"
    line = (
        f"{result.total} {noun} in {result.resolutions} resolution"
        f"{'' if result.resolutions == 1 else 's'} "
        f"{'matches' if result.total == 1 else 'match'} {result.query}"
    )
    shown = len(result.hits)
    if result.by is None and shown < result.total:
        line += f"; the {shown} {SORTED[result.sort]} of {result.total} shown (--limit 0 for all)"
    return line


BAR = 30  # characters of the longest bar


def render_groups(result: SearchResult, color: bool) -> Iterator[str]:
    """``search --by``: one line per group: its key, its counts, a bar as long as its
    share, its first paragraph."""
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


# --- cites ----------------------------------------------------------------------------------


def cites(
    target: Annotated[
        str,
        typer.Argument(
            help="A symbol in any usual spelling ('resolution 55/2', 'S/RES/242 (1967)') or "
            "a well-known instrument by name ('Universal Declaration of Human Rights')."
        ),
    ],
    index_dir: IndexOption = None,
    as_json: JsonOption = False,
    as_csv: CsvOption = False,
) -> None:
    """Every resolution citing TARGET, by date, with the paragraphs that cite it."""
    from resdex.cli.render import render_cites
    from resdex.search.naming import answer_cites, cites_answer_to_json

    output = one_format(json=as_json, csv=as_csv)
    with _reading(index_dir):
        answer = answer_cites(open_reader(index_dir), target)
    if output == "json":
        print_json(cites_answer_to_json(answer))
    elif output == "csv":
        from resdex.search.export import CITES_HEADER, cites_rows

        print_csv(CITES_HEADER, cites_rows(answer.result))
    else:
        print_lines(render_cites(answer.result, asked=answer.asked, nearest=answer.nearest))


# --- show -----------------------------------------------------------------------------------


def show(
    symbol: Annotated[str, typer.Argument(help="A/RES/71/194, 71/194, 'S/RES/242 (1967)'.")],
    index_dir: IndexOption = None,
    as_json: JsonOption = False,
) -> None:
    """One indexed resolution, paragraph by paragraph, with its citations."""
    from resdex.search import query as q

    with _reading(index_dir):
        resolution = q.show(open_reader(index_dir), symbol)
    print_resolution(resolution, as_json)


def register(app: typer.Typer) -> None:
    add_command(app, "search", search)
    add_command(app, "cites", cites)
    add_command(app, "show", show)
