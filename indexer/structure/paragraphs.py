"""Step 3: the blocks of a body (or of one section) -> preambular and operative paragraphs
and their sub-paragraphs, in order.

Each block gets one ``Role``, decided by ``classify`` from the block, the paragraphs
built so far and two facts about the whole body (``BodyFacts``); the rules are tried in
the order of the ``Role`` members, the first that holds wins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum, auto

from resdex.indexer import patterns as P
from resdex.indexer.clean import ends_sentence_part
from resdex.indexer.frozen import fast_init
from resdex.indexer.models import ParagraphKind, SourceFormat
from resdex.indexer.structure.blocks import (
    RawParagraph,
    is_heading,
    is_operative_opening,
    names_a_reference,
)
from resdex.indexer.structure.subparagraphs import sub_paragraph
from resdex.indexer.verbs import (
    has_operative_clause,
    opens_after_lost_terminal,
    opens_with_listed_opener,
)


class Role(Enum):
    """What a body block is, in the order the rules are tried."""

    NUMBERED_OP = auto()  # "3. Decides …", a number above the last one
    UNNUMBERED_OP = auto()  # in a body with no numbered paragraph: "Adopts the …"
    SUB_PARAGRAPH = auto()  # "(a) To develop …" under a top-level paragraph
    HEADING = auto()  # "Peacebuilding financing", "I": dropped
    CONTINUATION = auto()  # lower-case start, or the sentence before is not finished
    LOST_NUMBER_OP = auto()  # an operative paragraph whose number was lost
    PARTICIPLE_OP = auto()  # "Noting with concern …, considers that …" (unnumbered, operative part)
    OPERATIVE_TAIL = auto()  # text after an operative paragraph's sub-paragraphs
    PREAMBULAR = auto()  # "Recalling …"


@dataclass(frozen=True, slots=True)
class BodyFacts:
    """What is known of the whole body before its blocks are read one by one."""

    fmt: SourceFormat
    numbered: bool  # some block opens with an operative number "1."
    arabic_sublabels: bool  # sub-paragraphs are numbered "(1)", "(2)" (a block opens "(2)")
    # the body is the operative part only: its preamble stood before the organ line
    # ("Whereas …" / "The Security Council / Resolves:" / "That the Commission be …",
    # sc-text/S_RES_0015_1946)
    operative_only: bool = False


@fast_init
@dataclass(frozen=True, slots=True)
class Decision:
    role: Role
    number: int = 0  # the operative number of a new OP
    text: str = ""  # the paragraph's text (label removed)
    label: str = ""  # a sub-paragraph's own label


def body_facts(blocks: Sequence[str], fmt: SourceFormat, *, operative_only: bool) -> BodyFacts:
    return BodyFacts(
        fmt=fmt,
        numbered=any(P.OP_NUMBER_RE.match(block) for block in blocks),
        arabic_sublabels=any(block.startswith("(2)") for block in blocks),
        operative_only=operative_only,
    )


def build_paragraphs(
    blocks: Sequence[str], fmt: SourceFormat, *, operative_only: bool = False
) -> tuple[RawParagraph, ...]:
    """Preambular paragraphs, operative paragraphs and their sub-paragraphs, in order
    (``operative_only``: no preamble in ``blocks``, see ``BodyFacts``)."""
    facts = body_facts(blocks, fmt, operative_only=operative_only)
    state = _Built()
    for index, block in enumerate(blocks):
        decision = classify(block, blocks[index + 1 :], state, facts)
        apply(decision, block, state, facts)
    return tuple(state.done)


class _Built:
    """The paragraphs built so far, with what the rules ask of them kept up to date as
    they grow (not read again from the whole list at every block): the last top-level
    paragraph, the last operative number, the number of preambular paragraphs."""

    __slots__ = ("done", "last_op", "preambular", "top_at")

    def __init__(self) -> None:
        self.done: list[RawParagraph] = []
        self.top_at = -1  # where the last top-level paragraph is in ``done``
        self.last_op = 0
        self.preambular = 0

    @property
    def top(self) -> RawParagraph | None:
        return self.done[self.top_at] if self.top_at >= 0 else None

    def add_top(self, paragraph: RawParagraph) -> None:
        self.top_at = len(self.done)
        self.done.append(paragraph)


def classify(block: str, following: Sequence[str], state: _Built, facts: BodyFacts) -> Decision:
    """The role of ``block`` after the paragraphs built (``following``: the blocks after
    it, for the lost-number rule)."""
    done = state.done
    top = state.top
    last_op = state.last_op
    op = _op_number(block, last_op, facts.fmt)
    sub = P.SUB_LABEL_RE.match(block)
    if op is not None:
        return Decision(Role.NUMBERED_OP, op[0], op[1])
    if not facts.numbered and _unnumbered_operative(block, sub, top):
        # "The General Assembly / Adopts the Doha Political Declaration ..." (80/5),
        # "Approves the report ..." (78/124), "(a) Expresses its profound gratitude"
        # under a preamble with no numbered paragraph (ga-drafts/A_80_L.1)
        text = sub.group("rest") if sub is not None else block
        return Decision(Role.UNNUMBERED_OP, last_op + 1, text)
    if sub is not None and top is not None and sub.group("rest"):
        return Decision(Role.SUB_PARAGRAPH, text=sub.group("rest"), label=sub.group("label"))
    if is_heading(block) or _heading_before_number(block, following, done, last_op, facts):
        return Decision(Role.HEADING)
    if done and (block[:1].islower() or not _ended(done[-1].text, block, facts)):
        return Decision(Role.CONTINUATION)
    if done and _quotation_after_colon(done[-1].text, block):
        return Decision(Role.CONTINUATION)
    if facts.operative_only and not facts.numbered and sub is None:
        return Decision(Role.UNNUMBERED_OP, last_op + 1, block)
    if top is not None and top.kind is ParagraphKind.OPERATIVE:
        next_number = _next_op_number(following)
        if (is_operative_opening(block) and next_number > last_op + 1) or (
            next_number == 0
            and done[-1].text.rstrip().endswith(";")
            and opens_with_listed_opener(block, operative=True)
        ):
            # an operative number lost in OCR: "Calls upon Israel ..." between
            # "1. Reaffirms" and "3. Declares" (S_RES_0484_1980); the last number lost
            # in a Markdown conversion: "1. Endorses …;" then "Expresses its profound
            # gratitude …" (ga-md/A_RES_80_3)
            return Decision(Role.LOST_NUMBER_OP, last_op + 1, block)
        if not facts.numbered and _participle_operative(block, done[-1].text):
            return Decision(Role.PARTICIPLE_OP, last_op + 1, block)
        return Decision(Role.OPERATIVE_TAIL)
    return Decision(Role.PREAMBULAR)


def apply(decision: Decision, block: str, state: _Built, facts: BodyFacts) -> None:
    """The paragraphs built after ``block`` took its role."""
    role = decision.role
    done = state.done
    if role in (Role.NUMBERED_OP, Role.UNNUMBERED_OP, Role.LOST_NUMBER_OP, Role.PARTICIPLE_OP):
        n = decision.number
        state.add_top(RawParagraph(f"OP{n}", ParagraphKind.OPERATIVE, n, decision.text))
        state.last_op = n
    elif role is Role.SUB_PARAGRAPH:
        top = state.top
        assert top is not None  # classify checked it
        done.append(
            sub_paragraph(
                done, top, decision.label, decision.text, facts.fmt, arabic=facts.arabic_sublabels
            )
        )
    elif role in (Role.CONTINUATION, Role.OPERATIVE_TAIL):
        done[-1] = done[-1].extended(block)
    elif role is Role.PREAMBULAR:
        state.preambular += 1
        n = state.preambular
        state.add_top(RawParagraph(f"PP{n}", ParagraphKind.PREAMBULAR, n, block))


def _ended(previous: str, block: str, facts: BodyFacts) -> bool:
    """Whether the paragraph ``previous`` ended before ``block``: its closing comma,
    semicolon or full stop, or, in the Security Council's OCR texts, a closing comma
    lost before a block opening with a verb of the closed lists ("…the hostilities of
    5 June" / "Recalling its resolution 237 (1967)", sc-text/S_RES_0259_1968)."""
    if ends_sentence_part(previous):
        return True
    return facts.fmt is SourceFormat.SC_OCR and opens_after_lost_terminal(previous, block)


def _quotation_after_colon(previous: str, block: str) -> bool:
    """A quotation that a paragraph introduces with a colon goes on with it: "Whereas
    Article 83, paragraph 3, of the Charter of the United Nations provides:" / "“The
    Security Council shall, subject to the provisions …”," (sc-text/S_RES_0070_1949)."""
    return previous.rstrip().endswith(":") and P.QUOTATION_OPENING_RE.match(block) is not None


def _participle_operative(block: str, previous: str) -> bool:
    """An operative paragraph that opens with a participle, in an operative part without
    numbers: "Noting with concern the refusal … to permit observers …, considers that the
    parties should permit such entry …;" after "… Chairman of the Mixed Armistice
    Commission;" (sc-text/S_RES_0093_1951). Evidence: the paragraph before it ended
    (";" or "."), the block opens with a listed participle, and it either carries an
    operative verb after a comma or introduces sub-paragraphs (ends with ":")."""
    if not previous.rstrip().endswith((";", ".")) or not opens_with_listed_opener(block):
        return False
    return block.rstrip().endswith(":") or has_operative_clause(block)


# the longest section heading seen: "Implementation of the 1995 Agreement for the
# Implementation of the Provisions of the United Nations Convention on the Law of the Sea
# of 10 December 1982 relating to the Conservation and Management of Straddling Fish
# Stocks and Highly Migratory Fish Stocks" (A/RES/78/68, 42 words)
_HEADING_WORDS = 50


def _heading_before_number(
    block: str,
    following: Sequence[str],
    done: Sequence[RawParagraph],
    last_op: int,
    facts: BodyFacts,
) -> bool:
    """A long section heading between two numbered paragraphs: "Strengthening of the
    accountability, transparency and institutional memory of the Office of the President
    of the General Assembly" between "46. Urges …;" and "47. Emphasizes …" (A/RES/79/327):
    no sentence ends in it, the paragraph before it ended, the next block opens the next
    operative number."""
    if not facts.numbered or not done or not following or block[:1].islower():
        return False
    # (the cheap test first: most blocks are paragraphs, ending as a sentence part)
    if ends_sentence_part(block) or not ends_sentence_part(done[-1].text):
        return False
    if (
        len(block.split(None, _HEADING_WORDS)) > _HEADING_WORDS  # (the words counted so far)
        or P.OP_NUMBER_RE.match(block)
        or P.SUB_LABEL_RE.match(block)
    ):
        return False  # "3. Promote the social advancement …; and" (a numbered article)
    if names_a_reference(block):
        return False
    if opens_with_listed_opener(block) or opens_with_listed_opener(block, operative=True):
        return False  # "Bearing in mind the report … on 20 March 1991,°" (S_RES_0688_1991)
    number = P.OP_NUMBER_RE.match(following[0])
    return number is not None and int(number.group("n")) == last_op + 1


def _op_number(block: str, last: int, fmt: SourceFormat) -> tuple[int, str] | None:
    """The number and text of an operative paragraph opening ``block``, if it opens one."""
    match = P.OP_NUMBER_RE.match(block)
    if match is not None:
        if last == 0 or int(match.group("n")) > last:
            return int(match.group("n")), match.group("rest")
        return None
    if fmt is SourceFormat.SC_OCR:
        ocr = P.OCR_OP_NUMBER_RE.match(block)
        if ocr is not None:
            n = int(P.OCR_DIGIT_ONE_RE.sub("1", ocr.group("n")))
            if n == last + 1:
                return n, ocr.group("rest")
    undotted = P.OP_NUMBER_NO_DOT_RE.match(block)
    if (
        undotted is not None
        and int(undotted.group("n")) == last + 1
        and is_operative_opening(undotted.group("rest"))
    ):
        return int(undotted.group("n")), undotted.group("rest")
    return None


def _unnumbered_operative(block: str, sub: re.Match[str] | None, top: RawParagraph | None) -> bool:
    if top is not None and top.kind is ParagraphKind.OPERATIVE and sub is not None:
        return False  # "(b)" under an unnumbered operative paragraph
    if P.ORGAN_SENTENCE_RE.match(block) or P.RESOLVED_OPENING_RE.match(block):
        return True
    text = sub.group("rest") if sub is not None and sub.group("rest") else block
    return is_operative_opening(text) and not text[:1].islower()


def _next_op_number(following: Sequence[str]) -> int:
    for block in following:
        match = P.OP_NUMBER_RE.match(block)
        if match is not None:
            return int(match.group("n"))
    return 0
