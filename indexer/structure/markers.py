"""Step 5a: every place a footnote marker may stand in a paragraph's text.

Markers are glued to the text in the PDF extractions ("25 June 19931" is 1993 + footnote
1, "tenth4"), spaced ("Climate Change 1 and") or explicit ("[^4]"); each candidate has a
``Strength``; ``resdex.indexer.structure.choose`` decides which are markers.
"""

from __future__ import annotations

import re
import string
from collections.abc import Container
from dataclasses import dataclass
from enum import IntEnum

from resdex.indexer import patterns as P
from resdex.indexer.frozen import fast_init


class Strength(IntEnum):
    """How sure a marker candidate is, by how it stands in the text."""

    SPACED = 1  # a number standing apart, or a split of a longer number: taken in sequence
    GLUED = 2  # glued to a year, a word or punctuation: "19931", "tenth4", "Action,4"
    EXPLICIT = 3  # written as a marker: "[^4]" (Markdown, superscripts)


@fast_init
@dataclass(frozen=True, slots=True)
class Candidate:
    """A place a footnote marker may stand: the text to remove and the number."""

    start: int  # where the text to remove starts
    end: int
    number: int
    strength: Strength
    head: str = ""  # the word before a spaced number
    tail: str = ""  # the word after it


def explicit_candidates(text: str) -> list[Candidate]:
    if "[^" not in text:  # (the cheap test first: the regex tries every position)
        return []
    return [
        Candidate(m.start(), m.end(), int(m.group("n")), Strength.EXPLICIT)
        for m in P.EXPLICIT_MARKER_RE.finditer(text)
    ]


def asterisk_candidates(text: str) -> list[Candidate]:
    """ "the Rome Statute of the International Criminal Court,** and noting" (ga-drafts/
    A_80_L.19): the marker of the footnote "**", numbered -2 (see ``parse_footnotes``)."""
    if "*" not in text:  # (the cheap test first: most paragraphs have no asterisk)
        return []
    return [
        Candidate(m.start(), m.end(), -len(m.group("stars")), Strength.EXPLICIT)
        for m in P.ASTERISK_MARKER_RE.finditer(text)
    ]


# The marker patterns tried at the start of every short run of digits, by strength, each
# with the characters its look-behind needs right before the run (the cheap test first):
# "tenth4" (a lower-case letter), "Action,4" (punctuation), "HIV/AIDS7" (a capital),
# "Agreement4and", "Agreement,38and" (a lower-case letter, a comma or semicolon).
_LOWER = frozenset(string.ascii_lowercase)
_AT_RUN: tuple[tuple[re.Pattern[str], frozenset[str], Strength], ...] = (
    (P.WORD_MARKER_RE, _LOWER, Strength.GLUED),
    (P.PUNCT_MARKER_RE, frozenset(P.MARKER_PUNCT), Strength.GLUED),
    (P.UPPER_MARKER_RE, frozenset(string.ascii_uppercase), Strength.SPACED),
    (P.BOTH_GLUED_MARKER_RE, _LOWER | {",", ";"}, Strength.SPACED),
)
# "Agenda 216", "COVID-1915": the name before the number, and the number's first digits
_NAMED: tuple[tuple[str, str], ...] = tuple(
    (name[:-2], name[-2:]) for name in P.NAMES_ENDING_IN_NUMBER
)
# their numbers' first digits: a run starting otherwise ("2015", most) is none of them
_NAMED_DIGITS: tuple[str, ...] = tuple({digits for _, digits in _NAMED})


def candidates(text: str, known: Container[int] | None = None) -> list[Candidate]:
    """Every place a footnote marker may stand (only those numbered in ``known`` when
    given: the others are never markers). The marker patterns are tried only around the
    runs of digits of the text (one scan), not at every position."""
    out = explicit_candidates(text)
    runs = P.ASCII_DIGIT_RUN_RE if text.isascii() else P.DIGIT_RUN_RE
    for run in runs.finditer(text):
        start, stop = run.span()
        length = stop - start
        before = text[start - 1] if start else " "
        if length >= 5:
            year = P.YEAR_MARKER_RE.match(text, start)
            _add(out, year, Strength.GLUED, text)
            if year is None:
                _add_long_number(out, P.LONG_NUMBER_RE.match(text, start), text)
        elif length <= 3:
            if before == "/" and length == 3:
                council = P.COUNCIL_RESOLUTION_HEAD_RE.search(text, max(0, start - 40), start - 1)
                if council is not None:
                    out.append(_weak(text, stop - 1, stop, start))
            # the patterns below take the whole run as the number
            if known is None or int(run.group()) in known:
                _add_whole_run(out, text, start, before)
        if 3 <= length <= 5 and text.startswith(_NAMED_DIGITS, start):
            _add_named(out, text, run)
        if (before == "/" or before == ".") and _may_split(text, start, stop, known):
            heads = (P.SLASH_HEAD_RE, P.SPECIAL_HEAD_RE) if before == "/" else (P.DOTTED_HEAD_RE,)
            for head_re in heads:
                head = head_re.search(text, max(0, start - 8), start - 1)
                if head is not None:
                    _add_slash(out, P.SLASH_NUMBER_RE.match(text, head.start()))
    if known is not None and out:
        out = [c for c in out if c.number in known]
    if len(out) < 2:  # (most paragraphs: none, or one)
        return out
    return sorted(out, key=lambda c: (c.start, -c.strength))


def _may_split(text: str, start: int, stop: int, known: Container[int] | None) -> bool:
    """Whether the run ``text[start:stop]`` after a slash or a full stop can give a
    candidate of ``_add_slash`` (its number group is the whole run): a run of two digits or
    more, one of whose last one to three digits (less its first) is a known number."""
    length = stop - start
    if length < 2:
        return False  # "resolution 70/1": nothing to split
    if known is None:
        return True
    return any(int(text[stop - k : stop]) in known for k in range(1, min(3, length - 1) + 1))


def _add_whole_run(out: list[Candidate], text: str, start: int, before: str) -> None:
    """The candidates that are a whole run of one to three digits at ``start``."""
    if before == ".":
        if start >= 5:
            _add(out, P.YEAR_PERIOD_MARKER_RE.match(text, start - 5), Strength.GLUED, text)
        _add_weak(out, P.NUMBER_PERIOD_MARKER_RE.match(text, start - 1), text)
    for regex, after, strength in _AT_RUN:
        if before in after:
            _add(out, regex.match(text, start), strength, text)
    if before == ".":
        _add(out, P.PERIOD_MARKER_RE.match(text, start - 1), Strength.GLUED, text)
    elif before.isspace():
        # only the digits go: "Nuclear Weapons 6and" -> "Nuclear Weapons and"
        _add(out, P.LEFT_SPACED_MARKER_RE.match(text, start - 1), Strength.SPACED, text)
        _add_spaced(out, P.SPACED_MARKER_RE.match(text, start - 1), text)


def _add(out: list[Candidate], m: re.Match[str] | None, strength: Strength, text: str) -> None:
    if m is None:
        return
    if strength is Strength.GLUED and _false_glued(m, text):
        return
    out.append(Candidate(m.start("n"), m.end("n"), int(m.group("n")), strength))


def _weak(text: str, start: int, end: int, word_start: int) -> Candidate:
    """A weak candidate for the digits ``text[start:end]``, with the word before the number
    (which starts at ``word_start``) and the word after it, for the checks of
    ``choose_markers`` ("No. 27531" is a treaty number, not 2753 + footnote 1)."""
    before = text[max(0, word_start - 40) : word_start].split()
    after = text[end : end + 40].split()
    return Candidate(
        start,
        end,
        int(text[start:end]),
        Strength.SPACED,
        before[-1].lower().strip("(") if before else "",
        after[0].lower().strip(",;:.") if after else "",
    )


def _add_weak(out: list[Candidate], m: re.Match[str] | None, text: str) -> None:
    """ "model strategy 10.24 Furthermore": 10. + footnote 24, taken only in sequence."""
    if m is not None:
        word_start = text.rfind(" ", 0, m.start()) + 1
        out.append(_weak(text, m.start("n"), m.end("n"), word_start))


def _add_long_number(out: list[Candidate], m: re.Match[str] | None, text: str) -> None:
    """ "at least 56514 humanitarian workers": 5651 + 4 or 565 + 14 (the sequence decides)."""
    if m is not None:
        for k in (1, 2):
            if text[m.end() - k] != "0":
                out.append(_weak(text, m.end() - k, m.end(), m.start()))


def _add_named(out: list[Candidate], text: str, run: re.Match[str]) -> None:
    """ "Agenda 216" = Agenda 21 + footnote 6, "COVID-1915" = COVID-19 + footnote 15."""
    start, number = run.start(), run.group()
    for prefix, digits in _NAMED:
        if number.startswith(digits) and text.endswith(prefix, 0, start):
            out.append(Candidate(start + 2, run.end(), int(number[2:]), Strength.GLUED))


def _add_spaced(out: list[Candidate], m: re.Match[str] | None, text: str) -> None:
    if m is None:
        return
    before = text[max(0, m.start() - 40) : m.start()].split()
    after = text[m.end() : m.end() + 40].split()
    out.append(
        Candidate(
            m.start(),
            m.end("n"),
            int(m.group("n")),
            Strength.SPACED,
            before[-1].lower().strip("(") if before else "",
            after[0].lower().strip(",;:.") if after else "",
        )
    )


def _add_slash(out: list[Candidate], m: re.Match[str] | None) -> None:
    """ "76/17918": 76/1791 + 8, 76/179 + 18, 76/17 + 918 (the sequence decides)."""
    if m is None:
        return
    digits = m.group("digits") or m.group("short") or m.group("dotted") or m.group("special")
    for k in range(1, min(3, len(digits) - 1) + 1):
        out.append(Candidate(m.end() - k, m.end(), int(digits[-k:]), Strength.SPACED))


def _false_glued(match: re.Match[str], text: str) -> bool:
    """A glued number that is part of a reference: "1,137 students", "GC.18/Res.9"."""
    before = text[max(0, match.start("n") - 40) : match.start("n")]
    if match.re is P.PERIOD_MARKER_RE:
        return bool(P.SYMBOL_ABBREVIATION_RE.search(before[:-1]))
    words = before.split()
    token = words[-1] if words else ""
    # "CM/Rec(2022)7 of the Committee", "(CM/Rec(2022)12)" (A/RES/79/284)
    if (
        token.endswith(")")
        and "/" in token
        and token.rstrip(")").count("(") >= 1
        and (not token.startswith("(") or token.count("(") >= 2)
    ):
        return True
    return len(match.group("n")) == 3 and bool(P.THOUSANDS_RE.search(before))
