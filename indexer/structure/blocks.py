"""What a body block is: the frozen paragraph under construction, and the tests on a
block's words that the paragraph and section steps share (headings, operative openings)."""

from __future__ import annotations

from dataclasses import dataclass

from resdex.indexer import patterns as P
from resdex.indexer.clean import ends_sentence_part
from resdex.indexer.frozen import fast_init
from resdex.indexer.models import ParagraphKind
from resdex.indexer.verbs import looks_like_operative, opens_with_listed_opener


@fast_init
@dataclass(frozen=True, slots=True)
class RawParagraph:
    """A paragraph before its footnote markers are found: label, place and text as
    written (markers still in it)."""

    label: str  # "OP3", "PP2", "OP2(a)", "XII.OP3", "ANNEX.4"
    kind: ParagraphKind
    number: int  # the top-level paragraph's number
    text: str
    parent: str | None = None
    level: int = 0  # 0 top-level, 1 "(a)", 2 "(i)"
    sub: str | None = None  # this paragraph's own label: "a", "i"

    def extended(self, block: str) -> RawParagraph:
        """This paragraph with ``block`` appended (a continuation line)."""
        # (built directly: ``dataclasses.replace`` costs several times a plain call)
        return RawParagraph(
            self.label,
            self.kind,
            self.number,
            f"{self.text} {block}",
            self.parent,
            self.level,
            self.sub,
        )

    def relabelled(self, label: str, parent: str | None) -> RawParagraph:
        return RawParagraph(label, self.kind, self.number, self.text, parent, self.level, self.sub)


def is_operative_opening(block: str) -> bool:
    """ "Adopts", "Also decides", "Takes note": a verb in the third person singular."""
    return looks_like_operative(block)


def is_heading(block: str) -> bool:
    """Section headings: "Peacebuilding financing", "I", "H" (OCR), "CHAPTER X. ...",
    "Working methods" (A/RES/79/327: a word in -ing that is not a paragraph's opener)."""
    if P.ROMAN_HEADING_RE.match(block):
        return True
    # (the cheap tests first: a paragraph, most blocks, ends as a sentence part or is long;
    # split no further than a fifteenth word: the count of the words up to it decides)
    if block[:1].islower() or ends_sentence_part(block) or len(block.split(None, 14)) > 14:
        return False
    if opens_with_listed_opener(block) or opens_with_listed_opener(block, operative=True):
        return False
    # a row of a table of documents: "Issued A/80/7/Add.3 Report of …"
    return not names_a_reference(block)


def names_a_reference(block: str) -> bool:
    """Whether ``block`` names a document symbol or an agenda item (``REFERENCE_IN_BLOCK_RE``);
    searched only where "A/" or "Item " stands (the search tries every position)."""
    return ("A/" in block or "Item " in block) and bool(P.REFERENCE_IN_BLOCK_RE.search(block))
