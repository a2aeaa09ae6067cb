"""``resdex lineage``, ``resdex diff``, ``resdex precedents``: language across sessions.

``lineage`` and ``diff`` read the index only; ``precedents`` also parses its FILE (without
citations, so without spaCy).
"""

from __future__ import annotations

import math
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from resdex.cli.common import (
    IndexOption,
    JsonOption,
    add_command,
    open_reader,
    print_json,
)
from resdex.cli.common import print_lines as _print_lines
from resdex.search.naming import display_symbol as sym

if TYPE_CHECKING:
    from resdex.search.align import Op
    from resdex.search.diff import Diff, ParagraphDiff
    from resdex.search.lineage import Gap, Lineage
    from resdex.search.precedents import Precedents, Source

WIDTH = 100
_CLOSING = tuple(",;:.)")


def _wrap(text: str, indent: str) -> str:
    return textwrap.fill(
        " ".join(text.split()),
        WIDTH,
        initial_indent=indent,
        subsequent_indent=indent,
        break_on_hyphens=False,
    )


def render_ops(ops: tuple[Op, ...], color: bool, indent: str) -> str:
    """A word-level edit as wrapped text: insertions green, deletions red and struck out on
    a terminal; ``[+…+]`` and ``[-…-]`` elsewhere."""
    pieces = []
    for kind, words in ops:
        if kind == "equal":
            pieces.append(words)
        elif color:
            style = {"fg": "green", "bold": True} if kind == "insert" else {"fg": "red"}
            text = f"\x1b[9m{words}\x1b[29m" if kind == "delete" else words
            pieces.append(typer.style(text, **style))
        else:
            pieces.append(f"[+{words}+]" if kind == "insert" else f"[-{words}-]")
    if color:  # styled text does not wrap well: one long line, wrapped by the terminal
        line = ""
        for piece, (_, words) in zip(pieces, ops, strict=True):
            line += piece if (not line or words.startswith(_CLOSING)) else f" {piece}"
        return indent + line
    text = ""
    for piece in pieces:
        text += piece if (not text or piece.lstrip("[+-").startswith(_CLOSING)) else f" {piece}"
    return _wrap(text, indent)


# --- lineage --------------------------------------------------------------------------------


def _when(session: int | None, year: int | None) -> str:
    if session:
        return f"session {session}"
    return f"year {year}" if year else "undated"


def _sessions(sessions: tuple[int, ...]) -> str:
    if len(sessions) == 1:
        return f"session {sessions[0]}"
    return f"sessions {sessions[0]}–{sessions[-1]}"


def render_lineage(result: Lineage, color: bool) -> Iterator[str]:
    n = len(result.versions)
    yield f"{result.title or sym(result.symbol)}: {n} versions in the index, oldest first"
    # a gap is shown before the first version of the session it ends at (drafts included)
    gaps: dict[str, Gap] = {}
    for g in result.gaps:
        ends = next(v for v in result.versions if v.symbol == g.before)
        first = next(
            v
            for v in result.versions
            if v.symbol == g.before or (ends.session is not None and v.session == ends.session)
        )
        gaps[first.symbol] = g
    previous: str | None = None
    for v in result.versions:
        gap = gaps.get(v.symbol)
        if gap is not None:
            named = ", ".join(map(sym, gap.recalled))
            recalled = (
                f" ({sym(gap.before)} recalls {named}, not in the index)" if gap.recalled else ""
            )
            yield f"  ·· gap: {_sessions(gap.sessions)} not in the index{recalled}"
        date = v.adopted or ("draft" if v.status == "draft" else "undated")
        if v.link == "draft":
            how = f"adopted from {previous}"
        elif v.link == "recalls":
            how = f"recalls {previous}"
        elif v.link == "title":
            how = "same title"
        else:
            how = ""
        mark = "  ◀" if v.symbol == result.symbol else ""
        line = f"  {_when(v.session, v.year):<11} {date:<10}  {sym(v.symbol):<17} {how}{mark}"
        line = line.rstrip()
        yield typer.style(line, bold=True) if color and mark else line
        previous = sym(v.symbol)


def lineage(
    symbol: Annotated[str, typer.Argument(help="A/RES/80/204, 80/204, 'S/RES/242 (1967)'.")],
    index_dir: IndexOption = None,
    as_json: JsonOption = False,
) -> None:
    """The versions of a recurring resolution in the index, oldest first."""
    from resdex.search.lineage import lineage as find_lineage
    from resdex.search.lineage import lineage_to_json

    result = find_lineage(open_reader(index_dir), symbol)
    if as_json:
        print_json(lineage_to_json(result))
        return
    _print_lines(render_lineage(result, sys.stdout.isatty()))


# --- diff -----------------------------------------------------------------------------------


def _same_run(run: list[ParagraphDiff]) -> str:
    if len(run) < 3:
        return "\n".join(f"  same     {p.old:>8} → {p.new}" for p in run)
    old = f"{run[0].old}…{run[-1].old}"
    new = f"{run[0].new}…{run[-1].new}"
    return f"  same     {old:>8} → {new}  ({len(run)} paragraphs)"


def render_diff(result: Diff, color: bool) -> Iterator[str]:
    counts = ", ".join(f"{result.count(s)} {s}" for s in ("same", "changed", "added", "removed"))
    yield f"{sym(result.old.symbol)} → {sym(result.new.symbol)}: {counts}"
    if result.note:
        yield f"note: {result.note}"
    run: list[ParagraphDiff] = []  # consecutive same paragraphs, shown on one line
    for p in result.paragraphs:
        if p.status == "same":
            run.append(p)
            continue
        if run:
            yield _same_run(run)
            run = []
        labels = f"{p.old or '':>8} → {p.new or ''}"
        if p.status == "changed":
            yield f"  changed  {labels}  {math.floor((p.similarity or 0) * 100) / 100:.2f}"
            yield render_ops(p.ops, color, "      ")
            continue
        head = f"  {p.status:<8} {labels}".rstrip()
        yield typer.style(head, fg="green" if p.status == "added" else "red") if color else head
        yield _wrap(p.new_text or p.old_text or "", "      ")
    if run:
        yield _same_run(run)


def diff(
    old: Annotated[
        str, typer.Argument(help="The older version (alone: compared with its lineage).")
    ],
    new: Annotated[str | None, typer.Argument(help="The newer version.")] = None,
    index_dir: IndexOption = None,
    as_json: JsonOption = False,
) -> None:
    """What changed, paragraph by paragraph, from OLD to NEW."""
    from resdex.search.diff import diff as find_diff
    from resdex.search.diff import diff_to_json

    result = find_diff(open_reader(index_dir), old, new)
    if as_json:
        print_json(diff_to_json(result))
        return
    _print_lines(render_diff(result, sys.stdout.isatty()))


# --- precedents -----------------------------------------------------------------------------


def _source(s: Source) -> str:
    return f"{sym(s.symbol)} {s.label}"


def render_precedents(result: Precedents, color: bool) -> Iterator[str]:
    n = len(result.paragraphs)
    yield (
        f"{sym(result.symbol)}: {n} paragraphs, {result.count('verbatim')} verbatim, "
        f"{result.count('edited')} edited, {result.count('new')} new"
    )
    for p in result.paragraphs:
        status = p.status
        if color:
            status = typer.style(
                f"{status:<8}", fg={"verbatim": "green", "edited": "yellow", "new": "red"}[status]
            )
        else:
            status = f"{status:<8}"
        line = f"  {p.label:<8} {status}"
        if p.precedents:
            best = p.precedents[0]
            line += f" {_source(best)} ({best.similarity:.2f})"
        if p.first_use is not None:
            line += f"; first used {_source(p.first_use)}"
            line += f" ({p.first_use.adopted})" if p.first_use.adopted else ""
        same = p.first_verbatim
        if same is not None and p.first_use is not None and same.symbol != p.first_use.symbol:
            line += f", verbatim since {sym(same.symbol)}"
        yield line
        if p.ops:
            yield render_ops(p.ops, color, "           ")


def precedents(
    file: Annotated[Path, typer.Argument(help="A draft or resolution: .txt, .md or .pdf.")],
    index_dir: IndexOption = None,
    as_json: JsonOption = False,
) -> None:
    """For each paragraph of FILE, the closest earlier paragraphs and the first use."""
    from resdex.indexer.pipeline import parse_path
    from resdex.search.precedents import precedents as find_precedents
    from resdex.search.precedents import precedents_to_json

    index = open_reader(index_dir)
    res = parse_path(file, citations=False)
    result = find_precedents(index, res, file=str(file))
    if as_json:
        print_json(precedents_to_json(result))
        return
    _print_lines(render_precedents(result, sys.stdout.isatty()))


def register(app: typer.Typer) -> None:
    add_command(app, "lineage", lineage)
    add_command(app, "diff", diff)
    add_command(app, "precedents", precedents)
