"""Builders for resolutions written BY HAND in tests: the text is typed from a document,
the rest (citation offsets, a paragraph's kind and number, a record's number, session and
year) follows from what is typed, so that a test states each fact once.

``from builders import ga_meta, note, para, resolution, sc_meta`` (tests/ is on the path, as for
``rel_helpers``).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from typing import Any

from resdex.indexer.models import (
    Body,
    Citation,
    Footnote,
    Metadata,
    Paragraph,
    ParagraphKind,
    Resolution,
)

# "PP12", "OP8": the kind and the number a top-level paragraph's label carries
_LABEL = re.compile(r"(PP|OP)(\d+)")
_KINDS = {"PP": ParagraphKind.PREAMBULAR, "OP": ParagraphKind.OPERATIVE}


def cite(
    text: str,
    surface: str,
    target: str,
    *,
    via: int | None = None,
    location: str = "",
    part: str | None = None,
    pinpoint: str | None = None,
) -> Citation:
    """The citation of ``target`` written as ``surface`` (its first place in ``text``)."""
    start = text.index(surface)
    return Citation(
        surface=surface,
        target=target,
        start=start,
        end=start + len(surface),
        via_footnote=via,
        location=location,
        part=part,
        pinpoint=pinpoint,
    )


def para(
    label: str,
    text: str,
    verb: str,
    *,
    modifier: str | None = None,
    opening: str | None = None,
    footnotes: tuple[int, ...] = (),
    citations: tuple[tuple[str, str], ...] = (),
) -> Paragraph:
    """A top-level paragraph ("PP3", "OP11"); ``citations``: (surface, target) in its text;
    ``footnotes``: the numbers of its footnote markers (``resolution`` adds the citations
    they carry)."""
    match = _LABEL.fullmatch(label)
    assert match, f"a top-level paragraph label: {label!r}"
    return Paragraph(
        label=label,
        kind=_KINDS[match[1]],
        number=int(match[2]),
        text=text,
        verb=verb,
        modifier=modifier,
        opening=opening or verb,
        footnotes=footnotes,
        citations=tuple(cite(text, s, t, location=label) for s, t in citations),
    )


def note(number: int, text: str, *cites: tuple[str, str]) -> Footnote:
    """Footnote ``number``; ``cites``: (surface, target) in its text."""
    return Footnote(
        number, text, tuple(cite(text, s, t, location=f"footnote {number}") for s, t in cites)
    )


def resolution(
    meta: Metadata, paragraphs: tuple[Paragraph, ...], footnotes: tuple[Footnote, ...] = ()
) -> Resolution:
    """The resolution, each paragraph with the citations of its footnotes (numbered from 1)
    after its own, and the report line's symbol as a header citation."""
    with_notes = tuple(
        replace(
            p,
            citations=p.citations
            + tuple(
                replace(c, via_footnote=n, location=p.label)
                for n in p.footnotes
                for c in footnotes[n - 1].citations
            ),
        )
        for p in paragraphs
    )
    report = meta.report
    header = (
        (cite(report.text, report.symbol, report.symbol, location="header:report"),)
        if report is not None and report.symbol
        else ()
    )
    return Resolution(meta, with_notes, footnotes, header)


def sc_meta(symbol: str, adopted: dt.date, **more: Any) -> Metadata:
    """The record of Security Council resolution ``symbol`` ("S/RES/338(1973)"): its number
    ("338 (1973)") and year are in the symbol; ``more``: the other ``Metadata`` fields."""
    number, year = symbol.removeprefix("S/RES/").rstrip(")").split("(")
    return Metadata(symbol, Body.SC, f"{number} ({year})", year=int(year), adopted=adopted, **more)


def ga_meta(symbol: str, adopted: dt.date, **more: Any) -> Metadata:
    """The record of General Assembly resolution ``symbol`` ("A/RES/71/194"): its number
    and session are in the symbol, its year is the year of adoption; ``more``: the other
    ``Metadata`` fields."""
    number = symbol.removeprefix("A/RES/")
    session = int(number.split("/")[0])
    return Metadata(
        symbol, Body.GA, number, session=session, year=adopted.year, adopted=adopted, **more
    )
