"""Every line of text the commands print (``--json`` and ``--csv`` aside).

Pure functions from results to lines: no printing, no exiting. Symbols go through
``display_symbol`` ("S/RES/242 (1967)", as the UN writes them); counts through ``plural``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator, Sequence
from itertools import groupby
from typing import TYPE_CHECKING

import typer

from resdex.search.naming import display_symbol

if TYPE_CHECKING:
    from resdex.indexer.models import Citation, Paragraph, Resolution
    from resdex.search.build import FileOutcome, IndexReport
    from resdex.search.naming import Suggestion
    from resdex.search.results import CitesResult, Hit, SearchResult

WIDTH = 100
MAX_SUFFIXES = 6  # file types named in the index summary's "N ignored: …"


def plural(n: int, noun: str, nouns: str | None = None) -> str:
    """ "1 resolution", "2 resolutions", "0 resolutions"; ``nouns`` for irregular ones."""
    return f"{n:,} {noun if n == 1 else (nouns or noun + 's')}"


def _fill(text: str, indent: str, *, break_on_hyphens: bool = True) -> str:
    return textwrap.fill(
        text,
        WIDTH,
        initial_indent=indent,
        subsequent_indent=indent,
        break_on_hyphens=break_on_hyphens,
    )


# --- one resolution (parse, show) -------------------------------------------------------------


def _citation_line(c: Citation) -> str:
    how = f" (footnote {c.via_footnote})" if c.via_footnote is not None else ""
    extra = " ".join(x for x in (c.part, c.pinpoint) if x)
    extra = f" [{extra}]" if extra else ""
    kind = "" if c.kind == "citation" else f" ({c.kind})"
    return f"-> {display_symbol(c.target)}{extra}{how}{kind}: “{c.surface}”"


def _paragraph_block(p: Paragraph) -> list[str]:
    depth = p.label.count("(")
    indent = "  " * depth
    head = f"{indent}{p.label}"
    if p.verb and p.parent is None:
        head += f"  [{p.opening or p.verb}]"
    if p.footnotes:
        head += "  footnotes " + ", ".join(str(n) for n in p.footnotes)
    lines = [head, _fill(p.text, indent + "    ", break_on_hyphens=False)]
    lines += [f"{indent}    {_citation_line(c)}" for c in p.citations]
    return lines


def render_resolution(res: Resolution) -> str:
    meta = res.meta
    lines = [f"{display_symbol(meta.symbol)}  {meta.title or ''}".rstrip()]
    facts = [
        ("body", meta.body.value),
        ("session", str(meta.session) if meta.session is not None else None),
        ("adopted", meta.adopted.isoformat() if meta.adopted else None),
        ("distributed", meta.distributed.isoformat() if meta.distributed else None),
        ("agenda", ", ".join(meta.agenda_items) or None),
        ("report", meta.report.text if meta.report else None),
        ("sponsors", ", ".join(meta.sponsors) or None),
        ("meeting", meta.meeting),
        ("vote", meta.vote),
    ]
    lines += [f"  {name}: {value}" for name, value in facts if value]
    lines += [f"  {_citation_line(c)}" for c in res.header_citations]
    lines.append("")
    for p in res.paragraphs:
        lines += _paragraph_block(p)
    if res.footnotes:
        lines += ["", "Footnotes"]
        for f in res.footnotes:
            lines.append(textwrap.fill(f"{f.number}. {f.text}", WIDTH, subsequent_indent="    "))
            lines += [f"    {_citation_line(c)}" for c in f.citations]
    return "\n".join(lines)


# --- search -----------------------------------------------------------------------------------


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
    return f"{display_symbol(hit.symbol)}  ({when})  {hit.title or ''}".rstrip()


def render_search(result: SearchResult, color: bool) -> Iterator[str]:
    shown = len(result.hits)
    more = f", showing {shown} (--limit 0 for all)" if shown < result.total else ""
    match = "matches" if result.total == 1 else "match"
    yield (
        f"{plural(result.total, 'paragraph')} in {plural(result.resolutions, 'resolution')} "
        f"{match} {result.query}{more}"
    )
    for _, group in groupby(result.hits, key=lambda h: h.symbol):
        hits = list(group)
        yield ""
        head = _resolution_head(hits[0])
        yield typer.style(head, bold=True) if color else head
        for hit in hits:
            verb = f"  [{hit.opening or hit.verb}]" if hit.verb else ""
            yield f"  {hit.label}{verb}"
            body = _fill(" ".join(hit.highlight().split()), "      ")
            if color:  # wrap on the plain text, then colour the matches
                parts = body.split("**")
                body = "".join(
                    typer.style(p, fg="yellow", bold=True) if i % 2 else p
                    for i, p in enumerate(parts)
                )
            yield body


# --- cites ------------------------------------------------------------------------------------


def render_cites(
    result: CitesResult, asked: str | None = None, nearest: Sequence[Suggestion] = ()
) -> Iterator[str]:
    """``asked``: the instrument's name TARGET gave, if it gave one."""
    target = display_symbol(result.target)
    named = f"{asked}, {target}," if asked else target
    n = len(result.citing)
    if not n:
        if nearest:
            others = "; ".join(
                f"{display_symbol(s.target)} by {plural(s.resolutions, 'resolution')}"
                for s in nearest
            )
            yield f"{named} is cited by none; {others}"
        else:
            yield f"no indexed resolution cites {named}"
        return
    yield f"{named} is cited by {plural(n, 'resolution')}"
    for c in result.citing:
        when = c.adopted or (str(c.year) if c.year else "undated")
        yield ""
        yield f"{when}  {display_symbol(c.symbol)}  {c.title or ''}".rstrip()
        for u in c.units:
            how = []
            if u.direct:
                how.append("directly")
            if u.via_footnotes:
                notes = ", ".join(str(n) for n in u.via_footnotes)
                how.append(f"through footnote{'s' if len(u.via_footnotes) > 1 else ''} {notes}")
            said = "; ".join(f"“{s}”" for s in u.surfaces)
            yield f"    {u.label:<12} {' and '.join(how)}: {said}".rstrip(": ")


# --- index ------------------------------------------------------------------------------------


def outcome_line(o: FileOutcome) -> str:
    if o.status == "refused":
        return f"refused     {o.path}: {o.reason}"
    counts = (
        f"  ({plural(o.paragraphs, 'paragraph')}, {plural(o.footnotes, 'footnote')})"
        if o.paragraphs
        else ""
    )
    line = f"{o.status.value:<11} {display_symbol(o.symbol or ''):<18} {o.path}"
    if o.status == "replaced":
        return f"{line}{counts}  (replaces {o.reason})"
    if o.status in ("superseded", "skipped"):
        return f"{line}  ({o.reason})"
    return line + counts


def ignored_part(suffixes: Sequence[str]) -> str:
    """ "3 ignored: .bin, .exe" for the files of unsupported types, by type."""
    kinds = sorted(set(suffixes))
    listed = ", ".join(kinds[:MAX_SUFFIXES]) + (", …" if len(kinds) > MAX_SUFFIXES else "")
    return f"{len(suffixes):,} ignored: {listed}"


def index_summary(report: IndexReport, looked_at: int, ignored: Sequence[str] = ()) -> str:
    """ "2 files: 2 added, 0 replaced, 0 skipped, 0 refused; 2 resolutions in DIR (2.3 s)",
    with superseded files and ignored ones (their suffixes) only when there are any."""
    from resdex.search.build import Status

    parts = [
        f"{report.count(s):,} {s.value}" for s in Status if report.count(s) or s != "superseded"
    ]
    if ignored:
        parts.append(ignored_part(ignored))
    return (
        f"{plural(looked_at, 'file')}: {', '.join(parts)}; "
        f"{plural(report.documents, 'resolution')} in {report.index_dir} "
        f"({report.seconds:.1f} s)"
    )
