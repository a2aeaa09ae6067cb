"""What the pages show, built from the library's results: plain data for the templates.

Pure functions (no I/O beyond the index lookups passed in): the templates only lay these out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from resdex.indexer.models import Resolution
from resdex.search.results import CitesResult, Hit, SearchResult
from resdex.web.links import Linker, Piece, anchor, pieces, show_url
from resdex.web.params import PER_PAGE

# --- search ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HitGroup:
    symbol: str
    href: str
    title: str | None
    facts: str  # "GA, session 71, 2016-12-19"
    hits: tuple[Hit, ...]


def facts(body: str, session: int | None, adopted: str | None, year: int | None) -> str:
    parts = [
        body,
        f"session {session}" if session else None,
        adopted or (str(year) if year else None),
    ]
    return ", ".join(p for p in parts if p)


def hit_groups(hits: tuple[Hit, ...]) -> tuple[HitGroup, ...]:
    """Consecutive hits of one resolution (the library returns them in session order)."""
    out = []
    for symbol, group in groupby(hits, key=lambda h: h.symbol):
        members = tuple(group)
        first = members[0]
        out.append(
            HitGroup(
                symbol=symbol,
                href=show_url(symbol),
                title=first.title,
                facts=facts(first.body, first.session, first.adopted, first.year),
                hits=members,
            )
        )
    return tuple(out)


def page_hits(current: SearchResult, before: SearchResult | None) -> tuple[Hit, ...]:
    """The hits of page N: the best N*PER_PAGE (``current``) less the best (N-1)*PER_PAGE
    (``before``), in the library's order. The best-k hits of a search are a prefix of the
    best-(k+1), so pages neither repeat nor skip a hit."""
    if before is None:
        return current.hits
    seen = {(h.symbol, h.label) for h in before.hits}
    return tuple(h for h in current.hits if (h.symbol, h.label) not in seen)


@dataclass(frozen=True, slots=True)
class Pager:
    page: int
    pages: int  # reachable pages (capped)
    first: int  # 1-based rank of the first hit shown
    last: int
    total: int

    @property
    def numbers(self) -> tuple[int | None, ...]:
        """Page numbers to offer; None where some are left out."""
        wanted = {1, self.pages, *range(self.page - 2, self.page + 3)}
        shown = sorted(n for n in wanted if 1 <= n <= self.pages)
        out: list[int | None] = []
        for n in shown:
            if out and n - (out[-1] or 0) > 1:
                out.append(None)
            out.append(n)
        return tuple(out)


def pager(page: int, shown: int, total: int, max_page: int) -> Pager:
    pages = min(max_page, max(1, -(-total // PER_PAGE)))
    first = (page - 1) * PER_PAGE + 1 if shown else 0
    return Pager(page, pages, first, first + shown - 1 if shown else 0, total)


# --- show -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ParagraphView:
    label: str
    anchor: str
    kind: str
    opening: str | None  # the verb phrase as written, top-level paragraphs only
    depth: int  # 0 for OP2, 1 for OP2(a), …
    pieces: tuple[Piece, ...]
    footnotes: tuple[int, ...]
    copy: str  # the plain text a delegate pastes


@dataclass(frozen=True, slots=True)
class FootnoteView:
    number: int
    pieces: tuple[Piece, ...]


@dataclass(frozen=True, slots=True)
class HeaderCitation:
    where: str
    surface: str
    target: str
    href: str
    indexed: bool


@dataclass(frozen=True, slots=True)
class ResolutionView:
    symbol: str
    title: str | None
    facts: tuple[tuple[str, str], ...]
    header: tuple[HeaderCitation, ...]
    paragraphs: tuple[ParagraphView, ...]
    footnotes: tuple[FootnoteView, ...]
    cited: int  # distinct documents it cites


# "OP8", "OP2(a)", "OP2(a)(i)": an operative paragraph's number and sub-paragraph marks
_OPERATIVE_LABEL = re.compile(r"^OP(?P<number>\d+)(?P<marks>(?:\([^()]*\))*)$")
_MARK = re.compile(r"\([^()]*\)")


def plain_text(label: str, text: str) -> str:
    """A paragraph as delegates paste it: "8. Emphasizes …", "(a) …", or the text alone
    (preambular paragraphs, footnotes)."""
    m = _OPERATIVE_LABEL.match(label)
    if m is None:
        return text
    marks = _MARK.findall(m.group("marks"))
    return f"{marks[-1]} {text}" if marks else f"{m.group('number')}. {text}"


def targets_of(res: Resolution) -> set[str]:
    return {c.target for c in (*res.citations(), *res.links())}


def resolution_view(res: Resolution, linker: Linker) -> ResolutionView:
    meta = res.meta
    facts_list = [
        ("Body", meta.body.value),
        ("Session", str(meta.session) if meta.session is not None else None),
        ("Adopted", meta.adopted.isoformat() if meta.adopted else None),
        ("Distributed", meta.distributed.isoformat() if meta.distributed else None),
        ("Status", "draft" if meta.draft else "adopted"),
        ("Agenda item", ", ".join(meta.agenda_items) or None),
        ("Report", meta.report.text if meta.report else None),
        ("Sponsors", ", ".join(meta.sponsors) or None),
        ("Meeting", meta.meeting),
        ("Vote", meta.vote),
    ]
    paragraphs = tuple(
        ParagraphView(
            label=p.label,
            anchor=anchor(p.label),
            kind=p.kind.value,
            opening=(p.opening or p.verb) if p.parent is None else None,
            depth=p.label.count("("),
            pieces=pieces(p.text, [c for c in p.citations if c.via_footnote is None], linker),
            footnotes=p.footnotes,
            copy=plain_text(p.label, p.text),
        )
        for p in res.paragraphs
    )
    notes = tuple(
        FootnoteView(f.number, pieces(f.text, f.citations, linker)) for f in res.footnotes
    )
    header = tuple(
        HeaderCitation(
            where=c.location.removeprefix("header:") or "header",
            surface=c.surface,
            target=c.target,
            href=linker.href(c.target),
            indexed=linker.is_indexed(c.target),
        )
        for c in res.header_citations
    )
    return ResolutionView(
        symbol=meta.symbol,
        title=meta.title,
        facts=tuple((k, v) for k, v in facts_list if v),
        header=header,
        paragraphs=paragraphs,
        footnotes=notes,
        cited=len({c.target for c in res.citations()}),
    )


# --- cites ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CitingUnitView:
    label: str
    href: str
    how: str  # "directly", "through footnote 3", "directly and through footnote 3"
    surfaces: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CitingView:
    symbol: str
    href: str
    title: str | None
    facts: str
    units: tuple[CitingUnitView, ...]


def cites_view(result: CitesResult) -> tuple[CitingView, ...]:
    out = []
    for c in result.citing:
        units = []
        for u in c.units:
            how = ["directly"] if u.direct else []
            if u.via_footnotes:
                many = "s" if len(u.via_footnotes) > 1 else ""
                how.append(f"through footnote{many} {', '.join(map(str, u.via_footnotes))}")
            label = u.label if u.kind != "header" else "header"
            target_label = None if u.kind in ("header", "footnote") else u.label
            units.append(
                CitingUnitView(
                    label, show_url(c.symbol, target_label), " and ".join(how), u.surfaces
                )
            )
        out.append(
            CitingView(
                symbol=c.symbol,
                href=show_url(c.symbol),
                title=c.title,
                facts=facts(c.body, c.session, c.adopted, c.year),
                units=tuple(units),
            )
        )
    return tuple(out)


def ops_pieces(ops: Any) -> tuple[tuple[str, str], ...]:
    """A diff's word-level edit as (kind, text) pairs: equal | insert | delete | replace."""
    return tuple((str(op[0]), str(op[1])) for op in ops or () if len(op) >= 2)
