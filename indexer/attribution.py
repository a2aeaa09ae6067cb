"""Which organ a reference by number belongs to, read from the words around it.

Pure functions over strings (no spaCy), used by ``resdex.indexer.resolve``: the organ
named right before the keyword ("Human Rights Council resolution 32/6", "the decision by
the United Nations Environment Assembly at its resumed fifth session, in resolution
5/14"), after the reference in the same clause ("resolution 5/12 of 2 March 2022 of the
United Nations Environment Assembly", "… adopted by the Conference of the States Parties
to the Convention"), the subject of an "its resolution …, the Human Rights Council
submitted", and every organ named in the sentence (nearest first), for re-attributing a
target that cannot exist ("document CBD/COP/15/17, decision 15/4").
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

from resdex.indexer import cite_patterns as cp
from resdex.indexer.frozen import fast_init
from resdex.indexer.models import Body
from resdex.indexer.organs import Organ, organ_of, organ_of_document


@fast_init
@dataclass(frozen=True, slots=True)
class OrganCue:
    """What the words right before a keyword say about the organ."""

    organ: Organ | None  # named ("Human Rights Council resolution"), or None
    its: bool = False  # "its resolution": the document's own organ, unless one is named
    council: bool = False  # a bare "the Council" with no council named before it


def organ_before(text: str, start: int, body: Body) -> OrganCue:
    """The organ named right before the keyword at ``start``."""
    window = text[max(0, start - 200) : start].rstrip()
    its = False
    tail = cp.ITS_TAIL_RE.search(window) if window.endswith(cp.ITS_TAIL_ENDINGS) else None
    if tail:
        its = True
        window = window[: tail.start()].rstrip()
    # the end-anchored searches are costly over a long alternation: try them only where
    # the window can end as they do (an organ's name ends with a capitalized word)
    last_token = window[-80:].rsplit(None, 1)[-1] if window else ""
    named = (
        cp.AROUND_ORGAN.before.search(window) if last_token[:1].isupper() else None
    ) or cp.AROUND_ORGAN.acting_before.search(window)
    if named:
        return OrganCue(organ_of(named), its)
    # (the cheap test first: the search can match only a window ending with a comma)
    document = cp.DOCUMENT_BEFORE_RE.search(window) if window.endswith(",") else None
    if document:
        organ = organ_of_document(document.group("symbol"))
        if organ is not None and organ is not Organ.GA:
            return OrganCue(organ, its)
    if window.endswith(cp.LIST_HEAD_ENDINGS):
        context = cp.AROUND_ORGAN.context_before.search(window) or (
            cp.AROUND_ORGAN.list_head_before.search(window)
        )
        if context:
            return OrganCue(organ_of(context), its)
    last = cp.LAST_WORD_REVERSED_RE.match(window[::-1])
    if last is None:
        return OrganCue(None, its)
    word = last.group("word")[::-1]
    prev = (last.group("prev") or "")[::-1]
    is_body = word in cp.OTHER_BODY_WORDS or cp.ACRONYM_RE.match(word) is not None
    # "the Council resolution", "Commission”, Assembly decision 52/492" (A/RES/78/62)
    bare = not prev[:1].isupper() or prev[-1:] in ',;:”")'
    if word in ("Assembly", "Council", "Commission") and bare:
        if word == "Assembly":  # "the Assembly in its resolution 77/335"
            return OrganCue(Organ.GA, its)
        if word == "Council":  # "the Council, in its resolution 5/1"
            councils = list(cp.LAST_COUNCIL_RE.finditer(text, 0, start))
            if councils:
                return OrganCue(organ_of(councils[-1]), its)
            if body is not Body.GA:
                return OrganCue(body, its)
            return OrganCue(None, its, council=True)
        if "Commission on Human Rights" in text[:start]:  # "the Commission"
            return OrganCue(Organ.CHR, its)
        return OrganCue(Organ.OTHER, its)
    if is_body:
        return OrganCue(Organ.OTHER, its)
    return OrganCue(None, its)


def organ_after(text: str, end: int) -> Organ | None:
    """The organ named after a reference in the same clause: "of the Human Rights
    Council" right after it, or "… by the Subcommission on …" before the clause ends."""
    right = cp.AROUND_ORGAN.after_of.match(text, end)
    if right:
        return organ_of(right)
    stop = cp.CLAUSE_END_RE.search(text, end, min(len(text), end + 250))
    limit = stop.start() if stop else min(len(text), end + 250)
    by = cp.AROUND_ORGAN.after_by.search(text, end, limit)
    if by:
        return organ_of(by)
    return None


def organ_subject_after(text: str, end: int) -> Organ | None:
    """The organ named as the subject right after an "its" reference: "through its
    resolution 54/18 of 12 October 2023, the Human Rights Council submitted"."""
    subject = cp.AROUND_ORGAN.subject_after.match(text, end)
    return organ_of(subject) if subject else None


def organs_in_sentence(text: str, start: int, end: int) -> list[Organ]:
    """Every organ named in the sentence of the reference at ``start``..``end`` (by name,
    or by the series of a symbol written before it: "document CBD/COP/15/17, decision
    15/4"), nearest first."""
    sentence_start = 0
    for stop in cp.SENTENCE_END_RE.finditer(text, 0, start):
        sentence_start = stop.end()
    stop_after = cp.SENTENCE_END_RE.search(text, end)
    sentence_end = stop_after.start() if stop_after else len(text)
    found: list[tuple[int, Organ]] = []
    for name_start, name_end, named in _organs_named(text, sentence_start, sentence_end):
        distance = start - name_end if name_end <= start else name_start - end
        found.append((abs(distance), named))
    # (the cheap test first: a symbol holds a slash; the regex tries every position)
    symbols = (
        cp.SYMBOL_RE.finditer(text, sentence_start, start)
        if "/" in text[sentence_start:start]
        else ()
    )
    for symbol in symbols:
        organ = organ_of_document(symbol.group())
        if organ is not None:
            found.append((start - symbol.end(), organ))
    return [organ for _, organ in sorted(found, key=lambda pair: pair[0])]


# The organs named in a sentence, by where they stand: every number of a reference list
# whose target cannot exist looks at the same sentence ("decisions 15/4, 15/5 and 15/6")
@functools.lru_cache(maxsize=256)
def _organs_named(text: str, start: int, end: int) -> tuple[tuple[int, int, Organ], ...]:
    return tuple(
        (name.start(), name.end(), organ_of(name))
        for name in cp.ORGAN_ANY_RE.finditer(text, start, end)
    )
