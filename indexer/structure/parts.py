"""Step 1: the clean lines of a document split into header, body, closing and annex."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from resdex.indexer import patterns as P
from resdex.indexer.clean import FOOTNOTE_RULE, ends_sentence_part
from resdex.indexer.models import SourceFormat
from resdex.indexer.organs import Organ, organ_of
from resdex.indexer.verbs import opens_with_listed_opener


@dataclass(frozen=True, slots=True)
class Parts:
    """The clean lines of a document split into header, title, body and closing."""

    header: tuple[str, ...] = ()
    number_line: str | None = None  # "80/204. Enhancement of ..."
    organ: Organ | None = None  # Organ.GA from "The General Assembly,"
    # the old Security Council form: a preamble "Whereas …" standing before "The Security
    # Council / Resolves:" (sc-text/S_RES_0070_1949); the body after that line is operative
    preamble: tuple[str, ...] = ()
    body_lines: tuple[str, ...] = ()  # the paragraphs, one block a line
    closing: tuple[str, ...] = ()  # "65th plenary meeting", "18 December 2025"
    annex: tuple[str, ...] = ()  # everything after the closing lines


@dataclass(frozen=True, slots=True)
class _Start:
    """Where the body starts, and what the lines before it said."""

    index: int
    organ: Organ | None = None
    number_line: str | None = None
    preamble_at: int | None = None  # where a preamble before the organ line starts


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
    header_end = start.index if start.preamble_at is None else start.preamble_at
    return Parts(
        header=tuple(lines[:header_end]),
        number_line=start.number_line,
        organ=start.organ,
        preamble=tuple(lines[header_end : max(header_end, start.index - 1)]),
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
            return _Start(i + 1, organ_of(organ), number_line, _preamble_before(lines, i))
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


def _preamble_before(lines: Sequence[str], organ_at: int) -> int | None:
    """Where a preamble standing before the organ line starts, in the old Security Council
    form: "70 (1949). Resolution of 7 March 1949 [S/1280]" / "Whereas Article 83 …" /
    "The Security Council Resolves:" (sc-text/S_RES_0070_1949; also S_RES_0007_1946,
    S_RES_0015_1946, S_RES_0030_1947, S_RES_0058_1948, whose "Whereas" paragraphs were
    read as the header and lost): the first line after the heading that opens with a
    preambular opener."""
    if organ_at < 2 or not P.SC_HEADING_RE.match(lines[0]):
        return None
    return next(
        (
            k
            for k in range(1, organ_at)
            if P.WHEREAS_RE.match(lines[k]) or opens_with_listed_opener(lines[k])
        ),
        None,
    )
