"""Step 1: the clean lines of a document split into header, body, closing and annex."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from resdex.indexer import patterns as P
from resdex.indexer.clean import FOOTNOTE_RULE, ends_sentence_part
from resdex.indexer.models import SourceFormat
from resdex.indexer.organs import Organ, organ_of


@dataclass(frozen=True, slots=True)
class Parts:
    """The clean lines of a document split into header, title, body and closing."""

    header: tuple[str, ...] = ()
    number_line: str | None = None  # "80/204. Enhancement of ..."
    organ: Organ | None = None  # Organ.GA from "The General Assembly,"
    body_lines: tuple[str, ...] = ()  # the paragraphs, one block a line
    closing: tuple[str, ...] = ()  # "65th plenary meeting", "18 December 2025"
    annex: tuple[str, ...] = ()  # everything after the closing lines


@dataclass(frozen=True, slots=True)
class _Start:
    """Where the body starts, and what the lines before it said."""

    index: int
    organ: Organ | None = None
    number_line: str | None = None


def split_footnotes(lines: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The text lines and the footnote lines (after ``FOOTNOTE_RULE``)."""
    if FOOTNOTE_RULE in lines:
        i = list(lines).index(FOOTNOTE_RULE)
        return tuple(lines[:i]), tuple(lines[i + 1 :])
    return tuple(lines), ()


def split_parts(lines: Sequence[str], fmt: SourceFormat) -> Parts:
    start = body_start(lines)
    body: list[str] = []
    closing: list[str] = []
    for line in lines[start.index :]:
        if (
            closing
            or P.PLENARY_RE.match(line)
            or (fmt is SourceFormat.SC_OCR and P.SC_VOTE_START_RE.match(line) and body)
        ):
            closing.append(line)
        else:
            body.append(line)
    cut = 1
    if len(closing) > cut and P.DATE_LINE_RE.match(closing[cut]):
        cut += 1
    if fmt is SourceFormat.SC_OCR:
        cut = len(closing)
    return Parts(
        header=tuple(lines[: start.index]),
        number_line=start.number_line,
        organ=start.organ,
        body_lines=tuple(body),
        closing=tuple(closing[:cut]),
        annex=tuple(closing[cut:]),
    )


def body_start(lines: Sequence[str]) -> _Start:
    """The first body line: after "The General Assembly," or, when that line is missing
    (A/RES/78/225), after the number-and-title line or the draft's title."""
    number_line: str | None = None
    number_at = 0
    title_at: int | None = None
    for i, line in enumerate(lines[:80]):
        organ = P.ORGAN_OPENING_RE.match(line)
        if organ is not None:
            return _Start(i + 1, organ_of(organ), number_line)
        if number_line is None and P.RES_NUMBER_TITLE_RE.match(line):
            number_line, number_at = line, i
        if title_at is None and P.SPONSORS_RE.match(line):
            title_at = i + 1
    if number_line is not None:
        return _Start(number_at + 1, None, number_line)
    if title_at is not None:
        return _Start(min(title_at + 1, len(lines)))
    for i, line in enumerate(lines[:40]):
        if P.SC_HEADING_RE.match(line) or P.SC_ADOPTED_AT_RE.search(line):
            continue
        if i and (P.OP_NUMBER_RE.match(line) or ends_sentence_part(line)):
            return _Start(i)
    return _Start(0)
