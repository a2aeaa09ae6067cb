"""Step 4: sections of resolutions adopted in parts, a text adopted in full, annexes, and
the labels that make every paragraph's address unique."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from resdex.indexer import patterns as P
from resdex.indexer.clean import ends_sentence_part
from resdex.indexer.models import ParagraphKind
from resdex.indexer.organs import from_roman, to_roman
from resdex.indexer.structure.blocks import RawParagraph, is_heading, is_operative_opening
from resdex.indexer.verbs import looks_like_opening, looks_like_operative, opens_with_listed_opener


@dataclass(frozen=True, slots=True)
class Section:
    """One section of a body: its heading ("XII", "B"; "" before the first) and blocks."""

    name: str
    blocks: tuple[str, ...]


def split_sections(body: Sequence[str]) -> tuple[Section, ...]:
    """The sections of a resolution adopted in parts, each with its own preamble and its
    own numbering ("I / Enterprise resource planning project, Umoja / Recalling … /
    1. Takes note …" then "II / …" again from "1.", A/RES/78/253), the blocks before the
    first heading under "". A heading is taken only in sequence (I, II, III … or A, B,
    C …) and only where a paragraph opens after it (not "A. Pension Administration"
    above a table). When the numbering does not restart in the sections (headings over
    one numbered sequence), there is one section, "", without the headings."""
    heads: list[tuple[int, str]] = []
    titles: set[int] = set()  # the blocks holding a section's title
    for i, block in enumerate(body):
        match = P.SECTION_HEADING_RE.match(block)
        if match is None:
            continue
        sec = match.group("sec")
        expected = _next_section(heads[-1][1], roman=heads[0][1] == "I") if heads else None
        if (sec != expected) if expected else (sec not in ("I", "A")):
            continue
        title = match.group("title")
        if title is not None and not _section_title(title):
            continue
        lines = _title_lines(body, i + 1)
        if lines is not None:
            heads.append((i, sec))
            titles.update(range(i + 1, i + 1 + lines))
    if not heads:
        return (Section("", tuple(body)),)
    bounds = [i for i, _ in heads] + [len(body)]
    sections = [Section("", tuple(body[: bounds[0]]))]
    sections += [
        Section(
            sec,
            tuple(b for j, b in enumerate(body[i + 1 : bounds[k + 1]], i + 1) if j not in titles),
        )
        for k, (i, sec) in enumerate(heads)
    ]
    # every section numbered from 1, or holding one unnumbered paragraph ("II / Review of
    # … / Having considered … / Takes note of the notes by the Secretary-General.",
    # A/RES/79/281)
    if len(heads) < 2 or any(_first_op_number(s.blocks) not in (1, None) for s in sections[1:]):
        return (Section("", tuple(b for s in sections for b in s.blocks)),)
    return tuple(s for s in sections if s.blocks)


def in_section(paragraphs: Sequence[RawParagraph], section: str) -> tuple[RawParagraph, ...]:
    """Labels of a section's paragraphs: "XII.OP3", "XII.PP1", "I.OP6(a)"."""
    if not section:
        return tuple(paragraphs)
    return tuple(
        p.relabelled(f"{section}.{p.label}", f"{section}.{p.parent}" if p.parent else None)
        for p in paragraphs
    )


def _next_section(section: str, *, roman: bool) -> str:
    """ "I" -> "II", "V" -> "VI", "XIX" -> "XX" in a roman series; "A" -> "B"."""
    value = from_roman(section) if roman else None
    if value is not None:
        return to_roman(value + 1)
    return chr(ord(section[-1]) + 1)


def _section_title(title: str) -> bool:
    """A section's title on its heading line: "Enterprise resource planning project,
    Umoja", not a sentence ("A Member State shall …;")."""
    # (the closed lists, not looks_like_opening/looks_like_operative: "Revised estimates
    # relating to …" (A/RES/78/253, section VIII) looks like a participle in -ed,
    # "Conditions of service and compensation …" (A/RES/80/243, section I) like a verb)
    return (
        len(title.split(None, 60)) <= 60  # (split no further than a 61st word)
        and not ends_sentence_part(title)
        and not opens_with_listed_opener(title)
        and not opens_with_listed_opener(title, operative=True)
    )


def _title_lines(body: Sequence[str], start: int) -> int | None:
    """How many title blocks stand between a section's heading and its first paragraph
    ("XI / Programme budget implications arising from … / Having considered …",
    A/RES/79/258); None when no paragraph opens there. A paragraph opens with "Recalling
    …", "1. Takes note …", "Approves resources …" or "The General Assembly,"."""
    for k, block in enumerate(body[start : start + 3]):
        number = P.OP_NUMBER_RE.match(block)
        if number is not None:
            return k if number.group("n") == "1" else None
        if (
            opens_with_listed_opener(block)
            or opens_with_listed_opener(block, operative=True)
            or P.ORGAN_OPENING_RE.match(block)
            or P.ORGAN_SENTENCE_RE.match(block)
        ):
            return k
        if is_heading(block) or _section_title(block):
            continue  # "Revised estimates relating to …" (a title, not a participle)
        return k if looks_like_opening(block) or looks_like_operative(block) else None
    return None


def _first_op_number(blocks: Sequence[str]) -> int | None:
    for block in blocks:
        match = P.OP_NUMBER_RE.match(block)
        if match is not None:
            return int(match.group("n"))
    return None


def split_embedded(body: Sequence[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A resolution whose only paragraph adopts a text that follows it in full ("Adopts the
    following Pact for the Future and its annexes:" then the Pact, A/RES/79/1): the text
    is kept apart, like an annex."""
    first = next((i for i, b in enumerate(body) if not is_heading(b)), None)
    if (
        first is not None
        and first + 1 < len(body)
        and body[first].rstrip().endswith(":")
        and is_operative_opening(body[first])
        and not P.OP_NUMBER_RE.match(body[first])
    ):
        return tuple(body[: first + 1]), tuple(body[first + 1 :])
    return tuple(body), ()


def unique_labels(paragraphs: Sequence[RawParagraph]) -> tuple[RawParagraph, ...]:
    """A label used twice (a list restarting at "(a)" under the same paragraph) gets "#2",
    "#3": every paragraph keeps an address of its own; the paragraphs under a renamed one
    (after it) follow its new label."""
    seen: dict[str, int] = {}
    renamed: dict[str, str] = {}  # old label -> new label, for the children after it
    out: list[RawParagraph] = []
    for p in paragraphs:
        parent = renamed.get(p.parent, p.parent) if p.parent is not None else None
        count = seen.get(p.label, 0) + 1
        seen[p.label] = count
        label = f"{p.label}#{count}" if count > 1 else p.label
        if count > 1:
            renamed[p.label] = label
        out.append(p.relabelled(label, parent) if (label, parent) != (p.label, p.parent) else p)
    return tuple(out)


def annex_paragraphs(lines: Sequence[str], first: str = "ANNEX") -> tuple[RawParagraph, ...]:
    """The annexes after the closing lines ("Annex", "Annex I", "Annex II"): each
    non-heading block a paragraph "ANNEX.3" / "ANNEX-II.3" (running index), its text as
    written, so that nothing of the document is lost and the footnote markers standing
    in an annex are found. ``first``: the name before any annex heading ("AMENDMENT" for
    the instructions of an amendment, see ``structure``)."""
    out: list[RawParagraph] = []
    name = first
    index = 0
    for block in lines:
        heading = P.ANNEX_HEADING_RE.match(block)
        if heading is not None:
            name = f"ANNEX-{heading.group('n')}" if heading.group("n") else "ANNEX"
            index = 0
            continue
        if P.DATE_LINE_RE.match(block) and not out:
            continue
        # headings stay: an annex's headings ("Rule 17", "I. Our shared commitment") are
        # part of its text and may carry footnote markers (A/RES/78/128)
        if out and out[-1].label.startswith(name + ".") and block[:1].islower():
            out[-1] = out[-1].extended(block)
            continue
        index += 1
        out.append(RawParagraph(f"{name}.{index}", ParagraphKind.OPERATIVE, index, block))
    return tuple(out)
