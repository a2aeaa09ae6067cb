"""Step 5: the footnotes of a document, and the paragraphs frozen with their markers found
and removed (verb, modifier and opening read from each top-level paragraph)."""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

from resdex.indexer import patterns as P
from resdex.indexer.models import Footnote, Paragraph
from resdex.indexer.spaces import reflow_text
from resdex.indexer.structure.blocks import RawParagraph
from resdex.indexer.structure.choose import choose_markers, with_trailing_markers
from resdex.indexer.structure.markers import (
    Candidate,
    asterisk_candidates,
    candidates,
    explicit_candidates,
)
from resdex.indexer.text_cache import DEFAULT_MAXSIZE
from resdex.indexer.verbs import NO_OPENING, Opening, parse_opening


def parse_footnotes(lines: Iterable[str]) -> tuple[Footnote, ...]:
    """ "4 United Nations, Treaty Series, vol. 1771, No. 30822." -> footnote 4; "* On behalf
    of the States …", "** Any changes to the list of sponsors …" (drafts) -> footnotes -1
    and -2, their ``mark`` "*" and "**" (an asterisk footnote can carry citations)."""
    notes: list[Footnote] = []
    for line in lines:
        number, _, text = line.partition(" ")
        if number.isdigit():
            notes.append(Footnote(number=int(number), text=reflow_text(text)))
        elif number and set(number) == {"*"} and len(number) <= 3:
            notes.append(Footnote(number=-len(number), text=reflow_text(text), mark=number))
    return tuple(notes)


def split_asterisk_notes(body: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Asterisk footnotes standing in the body where a page has no footnote rule
    ("* Any changes to the list of sponsors will be reflected …", ga-drafts/A_80_L.19):
    the body without them, and them."""
    notes = tuple(line for line in body if P.ASTERISK_NOTE_LINE_RE.match(line))
    if not notes:
        return tuple(body), ()
    return tuple(line for line in body if not P.ASTERISK_NOTE_LINE_RE.match(line)), notes


def attach_markers(
    paragraphs: Sequence[RawParagraph], known: set[int], *, trailing: bool = False
) -> tuple[Paragraph, ...]:
    """Find the footnote markers of every paragraph, remove them from the text, and
    freeze the paragraphs (verb, modifier and opening from the top-level paragraph).
    ``trailing``: an editorial number ending a paragraph after its comma or semicolon
    is a marker even when its footnote text is not in the file (Security Council
    yearbooks)."""
    texts = [p.text for p in paragraphs]
    numbered = {n for n in known if n > 0}
    if numbered:
        key = frozenset(numbered)
        per_paragraph = choose_markers([_candidates_of(t, key) for t in texts], numbered, texts)
    else:  # no footnote texts: only explicit markers ("[^4]") can stand in the text
        per_paragraph = [explicit_candidates(t) for t in texts]
    if trailing:
        per_paragraph = with_trailing_markers(texts, per_paragraph, numbered)
    if len(numbered) < len(known):  # asterisk footnotes: "Court,**"
        per_paragraph = [
            [*chosen, *(c for c in asterisk_candidates(t) if c.number in known)]
            for t, chosen in zip(texts, per_paragraph, strict=True)
        ]
    out: list[Paragraph] = []
    openings: dict[str, Opening] = {}  # top-level label -> its opening
    for p, chosen in zip(paragraphs, per_paragraph, strict=True):
        markers: tuple[int, ...] = ()
        if chosen:  # (most paragraphs have no marker)
            text = reflow_text(_without(p.text, chosen))
            ordered = sorted(chosen, key=lambda c: c.start)
            # number 0: an editorial number cut out whose footnote is not in the file
            markers = tuple(dict.fromkeys(c.number for c in ordered if c.number != 0))
        else:
            text = reflow_text(p.text)
        root_label = _root_label(p.label)
        if p.level == 0:
            opening = openings[root_label] = _opening_of(text)
        else:
            opening = openings.get(root_label, NO_OPENING)
        out.append(
            Paragraph(
                label=p.label,
                kind=p.kind,
                number=p.number,
                text=text,
                verb=opening.verb,
                modifier=opening.modifier,
                opening=opening.opening,
                parent=p.parent,
                footnotes=markers,
            )
        )
    return tuple(out)


def _root_label(label: str) -> str:
    """ "OP2(a)(i)" -> "OP2", "ANNEX#3" -> "ANNEX" (a top-level label as it is: most)."""
    if "(" in label or "#" in label:
        return label.split("(")[0].split("#")[0]
    return label


# A paragraph's text often comes again (a draft and its resolution, the same preamble in a
# series of resolutions): the opening of recent texts is kept, as many as the citation
# tagger's text cache keeps (``text_cache.DEFAULT_MAXSIZE``, the same text objects).
@functools.lru_cache(maxsize=DEFAULT_MAXSIZE)
def _opening_of(text: str) -> Opening:
    """The opening of a top-level paragraph's text (its number cut off)."""
    return parse_opening(_without_number(text))


# The same paragraph comes again with the same footnote numbers (a resolution's copies, a
# series of resolutions repeating a preamble): its candidates are kept as its opening is.
@functools.lru_cache(maxsize=DEFAULT_MAXSIZE)
def _candidates_of(text: str, numbered: frozenset[int]) -> tuple[Candidate, ...]:
    return tuple(candidates(text, numbered))


def _without_number(text: str) -> str:
    """ "3. Decides to …" -> "Decides to …" (the paragraph number cut off)."""
    number = P.OP_NUMBER_RE.match(text)
    return number.group("rest") + text[number.end() :] if number else text


def _without(text: str, chosen: Iterable[Candidate]) -> str:
    """``text`` with the chosen markers cut out."""
    for cand in sorted(chosen, key=lambda c: c.start, reverse=True):
        text = text[: cand.start] + text[cand.end :]
    return text
