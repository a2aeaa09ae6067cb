"""Step 5b: which marker candidates are footnote markers (footnotes are numbered in order
through the document, so the markers' first occurrences rise)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from resdex.indexer import patterns as P
from resdex.indexer.rising import longest_rising
from resdex.indexer.structure.markers import Candidate, Strength


def choose_markers(
    candidates: Sequence[Sequence[Candidate]], known: set[int], texts: list[str]
) -> list[list[Candidate]]:
    """Which candidates are footnote markers. Footnotes are numbered in order through the
    document, so the first occurrences of the markers rise: among the explicit and glued
    candidates, the longest rising sequence of known numbers is taken; a glued candidate
    repeating a number already taken is a marker reused ("Programme of Action,1"); a
    spaced number ("Climate Change 1 and") is taken only where it fits the sequence
    between its neighbours."""
    flat = [(i, c) for i, cands in enumerate(candidates) for c in cands if c.number in known]
    strong = [(i, c) for i, c in flat if c.strength >= Strength.GLUED]
    chain = [strong[k] for k in longest_rising([c.number for _, c in strong])]
    taken: dict[tuple[int, int], Candidate] = {(i, c.start): c for i, c in chain}
    first_at = {c.number: (i, c.start) for i, c in reversed(chain)}
    for i, c in strong:
        if c.number in first_at and (i, c.start) > first_at[c.number]:
            taken.setdefault((i, c.start), c)
    # the rising sequence of first occurrences (reuses do not bound a spaced marker)
    order = sorted(first_at.values())
    numbers = [taken[k].number for k in order]
    for i, c in flat:
        if c.strength is not Strength.SPACED or c.number in first_at or (i, c.start) in taken:
            continue
        if c.head in P.NUMBER_HEADS or c.tail in P.NUMBER_TAILS:
            continue
        if P.NUMBER_TAIL_RE.match(texts[i][c.end :]):
            continue
        pos = bisect_left(order, (i, c.start))
        low = max(numbers[:pos], default=0)
        high = min(numbers[pos:], default=max(known) + 1)
        if low < c.number < high and not _overlaps(taken, i, c):
            taken[(i, c.start)] = c
            first_at[c.number] = (i, c.start)
            order.insert(pos, (i, c.start))
            numbers.insert(pos, c.number)
    out: list[list[Candidate]] = [[] for _ in candidates]
    for (i, _), c in taken.items():
        out[i].append(c)
    return [_without_overlaps(cands) for cands in out]


def _overlaps(taken: dict[tuple[int, int], Candidate], i: int, cand: Candidate) -> bool:
    return any(j == i and c.start < cand.end and cand.start < c.end for (j, _), c in taken.items())


def _without_overlaps(cands: list[Candidate]) -> list[Candidate]:
    if len(cands) < 2:  # most paragraphs: no marker, or one
        return list(cands)
    kept: list[Candidate] = []
    for cand in sorted(cands, key=lambda c: (c.start, -c.strength)):
        if not kept or cand.start >= kept[-1].end:
            kept.append(cand)
    return kept


def with_trailing_markers(
    texts: list[str], chosen: list[list[Candidate]], known: set[int]
) -> list[list[Candidate]]:
    """Editorial footnote numbers of the Security Council yearbooks whose footnote text
    stands on another page, not in the file: markers all the same. At a paragraph's end
    after its comma or semicolon ("…under the 1925 Geneva Protocol, 28", S/RES/598 (1987),
    PP4): taken where the number rises above every marker before it (the yearbook numbers
    its footnotes in order). Right after a date, mid-sentence ("the report of the
    Secretary-General of 2 April 1992 44 submitted pursuant to", S/RES/749 (1992)): taken
    where it rises, or repeats one taken ("…of 4 February 1992 32 submitted …" then "…the
    report of the Secretary-General, 32", S/RES/740 (1992)); these do not raise the bar
    for the trailing ones, which may cite a footnote of an earlier resolution of the
    same yearbook page ("…plan; 34" after "…of 26 June 1992 56", S/RES/762 (1992)). Glued
    after a year and its comma ("…of 12 August 1949,4 and acting", S/RES/694 (1991)): cut
    out, a marker only where its footnote text is in the file."""
    out: list[list[Candidate]] = []
    highest = 0
    dated: set[int] = set()
    for text, cands in zip(texts, chosen, strict=True):
        cands = list(cands)
        for match in P.DATE_EDITORIAL_MARKER_RE.finditer(text):
            number = int(match.group("n"))
            if number in known or _overlaps_any(cands, match):
                continue
            if number > max([highest, *(c.number for c in cands)]) or number in dated:
                cands.append(Candidate(match.start("n"), match.end(), number, Strength.SPACED))
                dated.add(number)
        glued = P.COMMA_DIGIT_RE.search(text) is not None
        for match in P.YEAR_COMMA_MARKER_RE.finditer(text) if glued else ():
            if not _overlaps_any(cands, match):
                # the footnote's text may be on a yearbook page not in the file: then the
                # number is cut out of the text but is no marker (number 0)
                number = int(match.group("n"))
                cands.append(
                    Candidate(
                        match.start("n"),
                        match.end(),
                        number if number in known else 0,
                        Strength.SPACED,
                    )
                )
        # (the cheap test first: the number ends the text, or stands before its last line
        # break; the search tries every position)
        trailing = (
            P.TRAILING_EDITORIAL_MARKER_RE.search(text)
            if text[-1:].isdecimal() or text[-2:-1].isdecimal()
            else None
        )
        if trailing is not None and not _overlaps_any(cands, trailing):
            number = int(trailing.group("n"))
            earlier = [c.number for c in cands if c.start < trailing.start("n")]
            if number > max([highest, *earlier]) or number in dated:
                cands.append(
                    Candidate(trailing.start("n"), trailing.end(), number, Strength.SPACED)
                )
        highest = max([highest, *(c.number for c in cands if c.number not in dated)])
        out.append(sorted(cands, key=lambda c: c.start))
    return out


def _overlaps_any(cands: list[Candidate], match: re.Match[str]) -> bool:
    return any(c.start < match.end() and match.start("n") < c.end for c in cands)
