"""Turn an anchor found by the span ruler, with its context, into canonical citations.

Pure functions over strings: no spaCy here. An *anchor* is what the ruler matched (an
explicit symbol token, or a keyword and the first number of a reference); from its
character offsets the resolver reads the whole reference with the regexes of
``resdex.indexer.cite_patterns`` (list members, lettered parts, parts, pinpoints, corrigenda,
joint symbols), finds the organ it belongs to (``resdex.indexer.attribution``), and builds
the canonical targets of ``../shared/citations.md`` from the organ table
(``resdex.indexer.organs``). Every target built from a number goes through the
plausibility check (``resdex.indexer.plausibility``): one that cannot exist ("A/RES/6/8")
goes to another organ named in its sentence that can have it, or is dropped.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from resdex.indexer import cite_patterns as cp
from resdex.indexer.attribution import (
    organ_after,
    organ_before,
    organ_subject_after,
    organs_in_sentence,
)
from resdex.indexer.frozen import fast_init
from resdex.indexer.models import Body, Citation
from resdex.indexer.organs import (
    ROW,
    WITH_SERIES,
    Numbering,
    Organ,
    conference_of,
    series_target,
    symbol_key,
)
from resdex.indexer.plausibility import plausible, sc_year_slip

ANCHOR_SYMBOL = cp.LABEL_SYMBOL
ANCHOR_REFERENCE = cp.LABEL_REFERENCE


@fast_init
@dataclass(frozen=True, slots=True)
class Anchor:
    """What the ruler matched: its label and character offsets in the text."""

    label: str  # cite_patterns.LABEL_SYMBOL or LABEL_REFERENCE
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CiteContext:
    """What the resolver needs to know about the document a text belongs to."""

    body: Body  # the adopting organ of the document: "its resolution" is one of its own
    own_symbol: str = ""  # the document's own symbol: never a citation of itself
    year: int | None = None  # year of adoption (or distribution): nothing later is cited
    session: int | None = None  # its session: no later one of its own body is cited
    title: str = ""  # which Convention "the Conference of the Parties" serves
    ibid: str = ""  # the footnote before an "Ibid., decision 15/7" footnote


# --- explicit symbols ----------------------------------------------------------------


def _split_joint(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The pieces of a joint symbol: "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46" -> 2 spans."""
    pieces: list[tuple[int, int]] = []
    pos = start
    for seam in cp.JOINT_SEAM_RE.finditer(text, start, end):
        pieces.append((pos, seam.start()))
        pos = seam.end()
    pieces.append((pos, end))
    return pieces


_RESOLUTION_SYMBOL_RE = re.compile(r"^(?:S|A|E)/RES/\d{1,4}$")


def resolve_symbol(text: str, anchor: Anchor, ctx: CiteContext) -> list[Citation]:
    """Citations for an explicit symbol at ``anchor`` (joint symbols give several)."""
    out: list[Citation] = []
    pieces = _split_joint(text, anchor.start, anchor.end)
    own = symbol_key(ctx.own_symbol) if ctx.own_symbol else ""
    for index, (start, end) in enumerate(pieces):
        target = text[start:end]
        for ocr in cp.OCR_S_ROOTS:
            if target.startswith(ocr + "/"):
                target = "S" + target[len(ocr) :]  # OCR "$/26627", "S$/21909"
                break
        part: str | None = None
        pinpoint: str | None = None
        surface_end = end
        pos = end
        last = index == len(pieces) - 1
        if last:
            # "S/RES/242 (1967)", "A/RES/1514 (XV)": the year or session belongs to it.
            if _RESOLUTION_SYMBOL_RE.match(target):
                session = cp.SYMBOL_SESSION_SUFFIX_RE.match(text, pos)
                if session:
                    target = f"{target}({session.group('session')})"
                    pos = surface_end = session.end()
            part_m = cp.PART_RE.match(text, pos)
            if part_m:
                part = part_m.group("part")
                pos = part_m.end()
                glued = cp.GLUED_SUFFIX_RE.match(text, pos)
                if glued:  # "A/80/6 (Sect. 24)/Corr.1"
                    target += glued.group("suffix")
                    pos = surface_end = glued.end()
            pin = cp.PINPOINT_RE.match(text, pos)
            if pin is None and text.startswith(")", pos):
                # "Supplement No. 53 (A/79/53), chap. V, sect. A": after the bracket
                pin = cp.PINPOINT_RE.match(text, pos + 1)
            if pin:
                pinpoint = pin.group("pinpoint")
                if pin.start() == pos:
                    pos = pin.end()
        normalized = symbol_key(target)
        if own and normalized == own:
            continue
        out.append(
            Citation(
                surface=text[start:surface_end],
                target=target,
                start=start,
                end=surface_end,
                part=part,
                pinpoint=pinpoint,
            )
        )
        if last:
            # "A/69/488/Add.2 and Corr.1": a corrigendum to the symbol before it.
            corr = cp.AND_CORR_RE.match(text, pos)
            if corr:
                doc_target = f"{target}/{corr.group('doc')}"
                if symbol_key(doc_target) != own:
                    out.append(
                        Citation(
                            surface=corr.group("doc"),
                            target=doc_target,
                            start=corr.start("doc"),
                            end=corr.end("doc"),
                        )
                    )
    return out


# --- references by number ------------------------------------------------------------


@fast_init
@dataclass(frozen=True, slots=True)
class Member:
    """One number of a reference: "70/153", "1514 (XV)", "51/153 B"."""

    start: int
    end: int  # end of the number and its lettered part (not the date)
    first: str  # "70", "ES-10", "2004" for session numbers; "" for bracket numbers
    number: str  # "153", "1514"
    session: str  # bracket session "XV", "1967", "S-IV"; "" for session numbers
    letter: str | None  # "B", "A and B"


def _member(match: re.Match[str]) -> Member:
    letter = match.group("letter")
    if match.group("snum"):
        first, number = match.group("snum").replace("‑", "-").split("/")
        return Member(match.start(), match.end(), first, number, "", letter)
    raw = match.group("number")
    number = re.match(r"\d+", raw)
    assert number is not None  # the bracket form always starts with digits
    bletter = match.group("bletter")
    return Member(
        match.start(),
        match.end(),
        "",
        number.group(),
        (match.group("bsession") or match.group("nyear") or match.group("oyear")).replace("‑", "-"),
        bletter or letter,
    )


def _is_year_first(member: Member) -> bool:
    return len(member.first) == 4 and member.first.isdigit() and int(member.first) >= 1946


def default_organ(member: Member, body: Body, its: bool) -> Organ:
    """The organ of a member when none is named: told by its form, else the document's."""
    if member.session.isdigit():
        return Organ.SC  # "242 (1967)": only the Security Council numbers by year
    if _is_year_first(member) and body is not Body.ECOSOC:
        # "resolution 2004/67": numbered by year, an ECOSOC resolution (in a Human Rights
        # Council text, one of the Commission on Human Rights it replaced)
        return Organ.CHR if body is Body.HRC else Organ.ECOSOC
    if its and body is not Body.SC:
        return body  # "its resolution 70/153"
    if member.session:
        return Organ.ECOSOC if body is Body.ECOSOC else Organ.GA  # "1514 (XV)"
    if body is Body.SC:
        return Organ.GA  # a Security Council text citing "resolution 55/2"
    return body


def target_for(organ: Organ, decision: bool, member: Member) -> str | None:
    """The canonical symbol of a member for an organ, or None if it has none."""
    return series_target(organ, decision, member.first, member.number, member.session)


def _read_members(text: str, pos: int) -> tuple[list[tuple[Member, str | None]], int]:
    """Members of a reference list from ``pos`` (the first number), with pinpoints; and
    where the list ends (after the last member's date or title)."""
    members: list[tuple[Member, str | None]] = []
    first = cp.MEMBER_RE.match(text, pos)
    if first is None:
        return members, pos
    match: re.Match[str] | None = first
    end = pos
    while match is not None:
        member = _member(match)
        end = match.end()
        pinpoint: str | None = None
        comma = False
        for extra in (cp.GLUED_MARKER_RE, cp.PINPOINT_RE, cp.DATE_RE, cp.GLUED_MARKER_RE):
            more = extra.match(text, end)
            if more is None:
                continue
            end = more.end()
            if extra is cp.PINPOINT_RE:
                pinpoint = more.group("pinpoint")
            else:
                comma = extra is cp.GLUED_MARKER_RE and bool(more.group("comma"))
        for extra in (cp.TOPIC_RE, cp.ENTITLED_RE, cp.PINPOINT_RE):
            more = extra.match(text, end)
            if more:
                end = more.end()
                if extra is cp.PINPOINT_RE and pinpoint is None:
                    pinpoint = more.group("pinpoint")
        members.append((member, pinpoint))
        if comma:
            sep = cp.AFTER_COMMA_SEP_RE.match(text, end)
        else:
            sep = cp.LIST_SEP_RE.match(text, end)
            if sep is None and pinpoint is not None:
                sep = cp.AFTER_PINPOINT_SEP_RE.match(text, end)
        match = cp.MEMBER_RE.match(text, sep.end()) if sep else None
    return members, end


def resolve_reference(text: str, anchor: Anchor, ctx: CiteContext) -> list[Citation]:
    """Citations for a reference by number at ``anchor`` ("its resolutions 64/117 of …,
    65/33 … and 79/127" gives one per member)."""
    return _resolve_reference(text, anchor, ctx, None).citations


@fast_init
@dataclass(frozen=True, slots=True)
class _Read:
    """A reference read at an anchor: its citations, and the organ named before it that a
    bare keyword going on with the same list takes over (None if none was named)."""

    citations: list[Citation]
    named: Organ | None = None
    end: int = -1  # where the list ends (after the last member's date or topic)


def _fits(organ: Organ, member: Member) -> bool:
    """Whether a member's numbering can be one of ``organ``'s: "2004/67" (by year) is no
    Human Rights Council number, "32/13" no Economic and Social Council one."""
    row = ROW[organ]
    if member.session:
        return row.bracket is not None  # "1514 (XV)", "155 C (VII)"
    return _is_year_first(member) == (row.numbering is Numbering.YEAR)


def _resolve_reference(text: str, anchor: Anchor, ctx: CiteContext, carried: Organ | None) -> _Read:
    """``resolve_reference``, where ``carried`` is the organ named before the list this
    reference goes on with ("Human Rights Council resolutions 28/16 … on … and resolutions
    32/13": the second keyword is the Council's too)."""
    head = cp.REFERENCE_HEAD_RE.match(text, anchor.start)
    if head is None:
        return _Read([])
    decision = head.group("kw").lower().startswith("decision")
    members, end = _read_members(text, head.end())
    if not members:
        return _Read([])
    cue = organ_before(text, anchor.start, ctx.body)
    organ: Organ | None = _specific(cue.organ, ctx)
    if organ is not None and organ not in WITH_SERIES:
        return _Read([])  # "Commission on Narcotic Drugs resolution 60/1": no UN symbol
    named: Organ | None = organ
    if organ is None and cue.its and not cue.council:
        organ = _specific(organ_subject_after(text, end), ctx)
    elif organ is None and not cue.council:
        organ = _specific(organ_after(text, end), ctx)
        if organ is Organ.SC and not all(m.session.isdigit() for m, _ in members):
            organ = None  # "… presidential statements of the Security Council": not theirs
        if organ is None and carried is not None:
            named = carried
    own = symbol_key(ctx.own_symbol) if ctx.own_symbol else ""
    out: list[Citation] = []
    for index, (member, pinpoint) in enumerate(members):
        if member.session.isdigit():
            member_organ = Organ.SC  # "242 (1967)", whoever is said to have adopted it
        elif organ is not None:
            member_organ = organ
        elif named is not None and _fits(named, member):
            member_organ = named  # the list goes on: "… and resolutions 32/13"
        elif cue.council:
            member_organ = _council_default(member)
        else:
            member_organ = default_organ(member, ctx.body, cue.its)
        slip = sc_year_slip(member.number, member.session) if member.session.isdigit() else None
        if slip is not None and not _plausible(member_organ, member, ctx):
            member = dataclasses.replace(member, session=slip)  # "274 (1959)": 1969
        target = target_for(member_organ, decision, member)
        if target is not None and not _plausible(member_organ, member, ctx):
            target = _reattributed(text, anchor.start, member, member_organ, decision, ctx)
        if target is None or symbol_key(target) == own:
            continue
        start = anchor.start if index == 0 else member.start
        out.append(
            Citation(
                surface=text[start : member.end],
                target=target,
                start=start,
                end=member.end,
                part=member.letter,
                pinpoint=pinpoint,
            )
        )
    return _Read(out, named, end)


def _specific(organ: Organ | None, ctx: CiteContext) -> Organ | None:
    """A bare "Conference of the Parties to the Convention" is the Conference of the
    Convention the document's title names, when it names one."""
    if organ is Organ.COP:
        return conference_of(ctx.title) or organ
    return organ


def _plausible(organ: Organ, member: Member, ctx: CiteContext) -> bool:
    """Whether the member can exist as a text of ``organ`` cited in this document."""
    session = ctx.session if organ is ctx.body else None
    return plausible(organ, member.first, member.number, member.session, ctx.year, session)


def _reattributed(
    text: str, start: int, member: Member, wrong: Organ, decision: bool, ctx: CiteContext
) -> str | None:
    """The target of a member that cannot be ``wrong``'s, from the organs named in its
    sentence, nearest first: "the decision by the United Nations Environment Assembly at its
    resumed fifth session, in resolution 5/14" (A/RES/5/14 cannot exist: UNEP/EA.5/Res.14);
    None when the nearest that can have it has no UN series ("CAC/COSP/2021/17, sect. I.A,
    resolution 9/2") or no organ can."""
    for named in organs_in_sentence(text, start, member.end):
        organ = _specific(named, ctx)
        if organ is None or organ is wrong:
            continue
        if organ not in WITH_SERIES:
            return None
        target = target_for(organ, decision, member)
        if target is not None and _plausible(organ, member, ctx):
            return target
    if ctx.ibid:  # "Ibid., decision 15/7." after "… document CBD/COP/15/17, decision 15/4"
        for named in organs_in_sentence(ctx.ibid, len(ctx.ibid), len(ctx.ibid)):
            organ = _specific(named, ctx)
            if organ is None or organ is wrong or organ not in WITH_SERIES:
                continue
            target = target_for(organ, decision, member)
            if target is not None and _plausible(organ, member, ctx):
                return target
    treaty = conference_of(ctx.title)  # "decisions 15/6, 16/31 and 16/32" in a text on the
    if treaty is not None and treaty in WITH_SERIES and treaty is not wrong:  # Convention
        target = target_for(treaty, decision, member)
        if target is not None and _plausible(treaty, member, ctx):
            return target
    return None


def _council_default(member: Member) -> Organ:
    """ "the Council resolution …" with no council named: the number tells which."""
    if member.session or _is_year_first(member):
        return Organ.ECOSOC  # "Council resolution 155 C (VII)", "2004/67"
    return Organ.HRC  # "the Council in its resolution 5/1"


# --- all anchors of a text -----------------------------------------------------------


def resolve_anchors(
    text: str, anchors: Iterable[Anchor], ctx: CiteContext, location: str = ""
) -> tuple[Citation, ...]:
    """Every citation of ``text`` from the ruler's anchors, in text order, each once."""
    found: dict[tuple[int, str], Citation] = {}
    covered_until = -1
    last: _Read | None = None  # the last reference read, whose list a keyword may go on
    for anchor in sorted(anchors, key=lambda a: (a.start, -a.end)):
        if anchor.start < covered_until and anchor.label == ANCHOR_REFERENCE:
            continue  # a keyword already read as part of a longer reference
        if anchor.label == ANCHOR_SYMBOL:
            cites = resolve_symbol(text, anchor, ctx)
        else:
            carried = None
            if last is not None and last.named is not None and 0 <= last.end <= anchor.start:
                gap = cp.LIST_CONTINUES_RE.fullmatch(text, last.end, anchor.start)
                carried = last.named if gap else None
            last = _resolve_reference(text, anchor, ctx, carried)
            cites = last.citations
        for cite in cites:
            key = (cite.start, cite.target)
            if key not in found:
                found[key] = _located(cite, location)
            covered_until = max(covered_until, cite.end)
    return tuple(sorted(found.values(), key=lambda c: (c.start, c.end)))


def _located(cite: Citation, location: str) -> Citation:
    return cite.at(location) if location else cite
