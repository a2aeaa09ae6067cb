"""CleanText -> Resolution: metadata, paragraphs (PP, OP, sub-paragraphs), footnotes and
the paragraphs that carry each footnote marker."""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass, field

from resdex.indexer import patterns as P
from resdex.indexer.clean import FOOTNOTE_RULE, ends_sentence_part
from resdex.indexer.errors import NotAResolution
from resdex.indexer.models import (
    Body,
    CleanText,
    Footnote,
    Metadata,
    Paragraph,
    ParagraphKind,
    Report,
    Resolution,
    SourceFormat,
)
from resdex.indexer.verbs import (
    looks_like_opening,
    looks_like_operative,
    opens_with_listed_opener,
    parse_opening,
)

_MONTHS = {
    m: i
    for i, m in enumerate(
        P.word_list(
            """January February March April May June July August September October November
            December"""
        ),
        start=1,
    )
}
_MONTHS["Apri]"] = 4
_UNITS = {
    w: i
    for i, w in enumerate(
        P.word_list("""first second third fourth fifth sixth seventh eighth ninth"""), start=1
    )
}
_TEENS = {
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
}
_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_TENS_ORDINAL = {
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
}
_ORGANS = {
    "General Assembly": Body.GA,
    "Security Council": Body.SC,
    "Economic and Social Council": Body.ECOSOC,
    "Human Rights Council": Body.HRC,
}
# OCR slips for roman sub-paragraph labels: "(1)" for "(i)" (sc-text/S_RES_0242_1967)
_OCR_ROMAN = {"1": "i", "11": "ii", "111": "iii", "l": "i", "il": "ii", "li": "ii"}
_ROMANS = P.word_list("""i ii iii iv v vi vii viii ix x xi xii xiii xiv xv xvi xvii xviii xix xx""")


# --------------------------------------------------------------------------- entry point


def structure(clean: CleanText) -> Resolution:
    """The structured resolution of a clean text. Raises NotAResolution when no organ,
    symbol or resolution number can be found."""
    lines, notes = split_footnotes(clean.lines)
    front = dict(clean.front_matter)
    parts = split_parts(lines, clean.format)
    meta = read_metadata(parts, front, clean.format)
    body, embedded = split_embedded(parts.body)
    drafts: list[_Draft] = []
    for section, blocks in split_sections(body):
        drafts.extend(in_section(build_paragraphs(blocks, clean.format), section))
    drafts = unique_labels(drafts + annex_paragraphs(embedded + parts.annex))
    footnotes = parse_footnotes(notes)
    paragraphs = attach_markers(
        drafts, {f.number for f in footnotes}, trailing=clean.format is SourceFormat.SC_OCR
    )
    return Resolution(meta=meta, paragraphs=paragraphs, footnotes=footnotes)


def split_footnotes(lines: Sequence[str]) -> tuple[list[str], list[str]]:
    if FOOTNOTE_RULE in lines:
        i = lines.index(FOOTNOTE_RULE)
        return list(lines[:i]), list(lines[i + 1 :])
    return list(lines), []


# --------------------------------------------------------------------------- parts


@dataclass
class Parts:
    """The clean lines of a document split into header, title, body and closing."""

    header: list[str] = field(default_factory=list)
    number_line: str | None = None  # "80/204. Enhancement of ..."
    title_line: str | None = None  # drafts: the title block after the sponsors line
    organ: str | None = None  # "General Assembly" from "The General Assembly,"
    body: list[str] = field(default_factory=list)
    closing: list[str] = field(default_factory=list)
    annex: list[str] = field(default_factory=list)  # everything after the closing lines


def split_parts(lines: list[str], fmt: SourceFormat) -> Parts:
    parts = Parts()
    start = _body_start(lines, parts)
    parts.header = lines[:start]
    body: list[str] = []
    closing: list[str] = []
    for line in lines[start:]:
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
    parts.body, parts.closing, parts.annex = body, closing[:cut], closing[cut:]
    return parts


def _body_start(lines: list[str], parts: Parts) -> int:
    """Index of the first body line: after "The General Assembly," or, when that line is
    missing (A/RES/78/225), after the number-and-title line or the draft's title."""
    sponsor_at: int | None = None
    for i, line in enumerate(lines[:80]):
        organ = P.ORGAN_OPENING_RE.match(line)
        if organ is not None:
            parts.organ = organ.group("organ")
            return i + 1
        if parts.number_line is None and P.RES_NUMBER_TITLE_RE.match(line):
            parts.number_line = line
        if sponsor_at is None and P.SPONSORS_RE.match(line):
            sponsor_at = i
            if i + 1 < len(lines):
                parts.title_line = lines[i + 1]
    if parts.number_line is not None:
        return lines.index(parts.number_line) + 1
    if sponsor_at is not None:
        return min(sponsor_at + 2, len(lines))
    for i, line in enumerate(lines[:40]):
        if P.SC_HEADING_RE.match(line) or P.SC_ADOPTED_AT_RE.search(line):
            continue
        if i and (P.OP_NUMBER_RE.match(line) or ends_sentence_part(line)):
            return i
    return 0


# --------------------------------------------------------------------------- metadata


def read_metadata(parts: Parts, front: dict[str, str], fmt: SourceFormat) -> Metadata:
    head = " \n".join(parts.header)
    if fmt is SourceFormat.SC_OCR:
        return sc_metadata(parts, head)
    # the document's own symbol: the YAML header's, else a symbol in the page header (not
    # the one of the report line: "[without reference to a Main Committee (A/80/L.11)]")
    symbol_match = P.SYMBOL_LINE_RE.search(P.REPORT_RE.sub(" ", head))
    symbol = front.get("symbol") or (symbol_match.group("symbol") if symbol_match else None)
    number_match = P.RES_NUMBER_TITLE_RE.match(parts.number_line or "")
    adopted_match = P.ADOPTED_RE.search(head)
    organ = parts.organ or (adopted_match.group("organ") if adopted_match else None)
    body = _ORGANS.get(organ or "", Body.GA)
    distr = P.DISTR_RE.search(head)
    draft = bool(symbol and "/L." in symbol) or bool(distr and distr.group("kind") == "Limited")
    if symbol is None and number_match is not None:
        symbol = derive_symbol(number_match.group("number"), body)
    if symbol is None:
        raise NotAResolution("no document symbol or resolution number found")
    number = number_match.group("number") if number_match else symbol.rsplit("/", 1)[-1]
    adopted = parse_date(adopted_match.group("date")) if adopted_match else None
    if adopted is None and not draft and front.get("date"):
        adopted = _iso_date(front["date"])
    distributed = parse_date(distr.group("date")) if distr and distr.group("date") else None
    if distributed is None:
        distributed = _date_after_distr(head)
    title = number_match.group("title") if number_match else parts.title_line
    sponsors = _sponsors(parts.header)
    meeting = None
    if parts.closing:
        plenary = P.PLENARY_RE.match(parts.closing[0])
        meeting = plenary.group("meeting") if plenary else None
    year_source = adopted or distributed
    return Metadata(
        symbol=symbol,
        body=body,
        number=number,
        title=clean_title(title),
        session=_session(head, symbol),
        year=year_source.year if year_source else None,
        adopted=adopted,
        distributed=distributed,
        agenda_items=agenda_items(head),
        report=read_report(head),
        meeting=meeting,
        sponsors=sponsors,
        draft=draft,
        distribution=distr.group("kind") if distr else None,
    )


def sc_metadata(parts: Parts, head: str) -> Metadata:
    heading = P.SC_HEADING_RE.search(head)
    if heading is None:
        raise NotAResolution("no Security Council resolution heading found")
    n = heading.group("n1") or heading.group("n2")
    adopted_at = P.SC_ADOPTED_AT_RE.search(head)
    date_match = P.SC_DATE_RE.search(head)
    date_text = (
        adopted_at.group("date") if adopted_at else date_match.group("date") if date_match else None
    )
    adopted = parse_date(date_text) if date_text else None
    year = (heading.group("y1") or heading.group("y2") or "").replace("-", "")
    if not year and adopted is not None:
        year = str(adopted.year)  # "Resolution 290\nof 8 December 1970"
    if not year:
        raise NotAResolution("Security Council resolution without a year")
    vote = reflow_text(" ".join(parts.closing)) if parts.closing else None
    if vote is not None:  # "... by 14 votes to none. 30": the editorial footnote number
        vote = P.TRAILING_MARKER_RE.sub("", vote)
    meeting_source = vote or (adopted_at.group("meeting") if adopted_at else "")
    meeting = P.SC_MEETING_RE.search(meeting_source)
    return Metadata(
        symbol=f"S/RES/{n}({year})",
        body=Body.SC,
        number=f"{n} ({year})",
        year=int(year),
        adopted=adopted,
        meeting=_fix_ocr_meeting(meeting.group("meeting")) if meeting else None,
        vote=vote,
    )


def _fix_ocr_meeting(meeting: str) -> str:
    """ "298Ist meeting" (OCR) -> "2981st meeting"."""
    number, _, rest = meeting.partition(" ")
    digits = re.sub(r"[Il](?=\d|st|nd|rd|th)", "1", number)
    return f"{digits} {rest}".strip()


def derive_symbol(number: str, body: Body) -> str:
    """ "71/194" and the General Assembly -> "A/RES/71/194"."""
    prefix = {Body.GA: "A/RES/", Body.HRC: "A/HRC/RES/", Body.ECOSOC: "E/RES/"}.get(body, "A/RES/")
    return prefix + number


def parse_date(text: str) -> dt.date | None:
    parts = text.split()
    try:
        return dt.date(int(parts[2]), _MONTHS[parts[1]], int(parts[0]))
    except (KeyError, ValueError, IndexError):
        return None


def _iso_date(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def _date_after_distr(head: str) -> dt.date | None:
    """ga-text puts the date on the line after "Distr.: General"."""
    match = re.search(rf"Distr\.:\s*(?:General|Limited)\s*\n?\s*({P.DATE})", head)
    return parse_date(match.group(1)) if match else None


def ordinal_number(word: str) -> int | None:
    """ "Seventy-first" -> 71, "Eightieth" -> 80, "Tenth" -> 10."""
    low = word.lower()
    if low in _UNITS:
        return _UNITS[low]
    if low in _TEENS:
        return _TEENS[low]
    if low in _TENS_ORDINAL:
        return _TENS_ORDINAL[low]
    tens, _, unit = low.partition("-")
    if tens in _TENS and unit in _UNITS:
        return _TENS[tens] + _UNITS[unit]
    return None


def _session(head: str, symbol: str) -> int | None:
    for match in P.SESSION_RE.finditer(head):
        number = ordinal_number(match.group("ordinal"))
        if number is not None:
            return number
    found = re.match(r"A/(?:RES/|C\.\d/)?(?:ES-|S-)?(\d+)/", symbol)
    return int(found.group(1)) if found else None


def agenda_items(head: str) -> tuple[str, ...]:
    match = P.AGENDA_RE.search(head)
    if match is None:
        return ()
    return tuple(
        P.WS_RE.sub(" ", item).strip()
        for item in P.AGENDA_SPLIT_RE.split(match.group("items"))
        if item.strip()
    )


def read_report(head: str) -> Report | None:
    match = P.REPORT_RE.search(P.WS_RE.sub(" ", head))
    if match is None:
        return None
    inner = match.group("inner") or ""
    symbol_match = P.REPORT_SYMBOL_RE.search(inner)
    symbol = symbol_match.group("symbol") if symbol_match else None
    committee = match.group("committee")
    return Report(
        committee=committee.strip() if committee else None,
        symbol=symbol,
        text=match.group("text").strip(),
    )


def _sponsors(header: list[str]) -> tuple[str, ...]:
    for line in header:
        match = P.SPONSORS_RE.match(line)
        if match is not None:
            names = P.SPONSOR_SPLIT_RE.split(match.group("sponsors").rstrip("*"))
            return tuple(n.strip(" *") for n in names if n.strip(" *"))
    return ()


def clean_title(title: str | None) -> str | None:
    if title is None:
        return None
    title = P.EXPLICIT_MARKER_RE.sub("", title)
    return reflow_text(title) or None


def reflow_text(text: str) -> str:
    """Whitespace normalized; no space before , ; : . (left where a marker was removed)."""
    text = " ".join(text.split())
    if " ," in text or " ;" in text or " :" in text or " ." in text:
        text = P.SPACE_BEFORE_PUNCT_RE.sub("", text)
    return text


# --------------------------------------------------------------------------- paragraphs


@dataclass
class _Draft:
    """A paragraph being built (mutable; frozen into a Paragraph at the end)."""

    label: str
    kind: ParagraphKind
    number: int
    text: str
    parent: str | None = None
    level: int = 0  # 0 top-level, 1 "(a)", 2 "(i)"
    sub: str | None = None  # this paragraph's own label: "a", "i"


def build_paragraphs(body: list[str], fmt: SourceFormat) -> list[_Draft]:
    """Preambular paragraphs, operative paragraphs and their sub-paragraphs, in order."""
    drafts: list[_Draft] = []
    numbered = any(P.OP_NUMBER_RE.match(block) for block in body)
    arabic = any(block.startswith("(2)") for block in body)
    for index, block in enumerate(body):
        top = next((d for d in reversed(drafts) if d.level == 0), None)
        op = _op_number(block, drafts, fmt)
        sub = P.SUB_LABEL_RE.match(block)
        if op is not None:
            n, rest = op
            drafts.append(_Draft(f"OP{n}", ParagraphKind.OPERATIVE, n, rest))
        elif not numbered and _unnumbered_operative(block, sub, top):
            # "The General Assembly / Adopts the Doha Political Declaration ..." (80/5),
            # "Approves the report ..." (78/124), "(a) Expresses its profound gratitude"
            # under a preamble with no numbered paragraph (ga-drafts/A_80_L.1)
            text = sub.group("rest") if sub is not None else block
            n = 1 + _last_op(drafts)
            drafts.append(_Draft(f"OP{n}", ParagraphKind.OPERATIVE, n, text))
        elif sub is not None and top is not None and sub.group("rest"):
            drafts.append(
                _sub_paragraph(drafts, top, sub.group("label"), sub.group("rest"), fmt, arabic)
            )
        elif is_heading(block):
            continue
        elif drafts and (block[:1].islower() or not ends_sentence_part(drafts[-1].text)):
            drafts[-1].text = f"{drafts[-1].text} {block}"
        elif top is not None and top.kind is ParagraphKind.OPERATIVE:
            following = _next_op_number(body, index)
            if (is_operative_opening(block) and following > _last_op(drafts) + 1) or (
                following == 0
                and drafts[-1].text.rstrip().endswith(";")
                and opens_with_listed_opener(block, operative=True)
            ):
                # an operative number lost in OCR: "Calls upon Israel ..." between
                # "1. Reaffirms" and "3. Declares" (S_RES_0484_1980); the last number lost
                # in a Markdown conversion: "1. Endorses …;" then "Expresses its profound
                # gratitude …" (ga-md/A_RES_80_3)
                n = _last_op(drafts) + 1
                drafts.append(_Draft(f"OP{n}", ParagraphKind.OPERATIVE, n, block))
            else:
                drafts[-1].text = f"{drafts[-1].text} {block}"
        else:
            n = 1 + sum(1 for d in drafts if d.kind is ParagraphKind.PREAMBULAR and d.level == 0)
            drafts.append(_Draft(f"PP{n}", ParagraphKind.PREAMBULAR, n, block))
    return drafts


def _op_number(block: str, drafts: list[_Draft], fmt: SourceFormat) -> tuple[int, str] | None:
    """The number and text of an operative paragraph opening ``block``, if it opens one."""
    last = _last_op(drafts)
    match = P.OP_NUMBER_RE.match(block)
    if match is not None and (last == 0 or int(match.group("n")) > last):
        return int(match.group("n")), match.group("rest")
    if match is None and fmt is SourceFormat.SC_OCR:
        ocr = P.OCR_OP_NUMBER_RE.match(block)
        if ocr is not None:
            n = int(re.sub(r"[IlL]", "1", ocr.group("n")))
            if n == last + 1:
                return n, ocr.group("rest")
    undotted = P.OP_NUMBER_NO_DOT_RE.match(block)
    if (
        match is None
        and undotted is not None
        and int(undotted.group("n")) == last + 1
        and is_operative_opening(undotted.group("rest"))
    ):
        return int(undotted.group("n")), undotted.group("rest")
    return None


def _unnumbered_operative(block: str, sub: re.Match[str] | None, top: _Draft | None) -> bool:
    if top is not None and top.kind is ParagraphKind.OPERATIVE and sub is not None:
        return False  # "(b)" under an unnumbered operative paragraph
    if P.ORGAN_SENTENCE_RE.match(block):
        return True
    text = sub.group("rest") if sub is not None and sub.group("rest") else block
    return is_operative_opening(text) and not text[:1].islower()


def _last_op(drafts: list[_Draft]) -> int:
    for d in reversed(drafts):
        if d.level == 0 and d.label.startswith("OP"):
            return d.number
    return 0


def _next_op_number(body: list[str], index: int) -> int:
    for block in body[index + 1 :]:
        match = P.OP_NUMBER_RE.match(block)
        if match is not None:
            return int(match.group("n"))
    return 0


# --------------------------------------------------------------------------- sections


def split_sections(body: list[str]) -> list[tuple[str, list[str]]]:
    """The sections of a resolution adopted in parts, each with its own preamble and its
    own numbering ("I / Enterprise resource planning project, Umoja / Recalling … /
    1. Takes note …" then "II / …" again from "1.", A/RES/78/253): (section, blocks)
    pairs, the blocks before the first heading under "". A heading is taken only in
    sequence (I, II, III … or A, B, C …) and only where a paragraph opens after it (not
    "A. Pension Administration" above a table). When the numbering does not restart in
    the sections (headings over one numbered sequence), there is one part, "", without
    the headings."""
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
        return [("", body)]
    bounds = [i for i, _ in heads] + [len(body)]
    sections = [("", body[: bounds[0]])]
    sections += [
        (sec, [b for j, b in enumerate(body[i + 1 : bounds[k + 1]], i + 1) if j not in titles])
        for k, (i, sec) in enumerate(heads)
    ]
    # every section numbered from 1, or holding one unnumbered paragraph ("II / Review of
    # … / Having considered … / Takes note of the notes by the Secretary-General.",
    # A/RES/79/281)
    if len(heads) < 2 or any(
        _first_op_number(blocks) not in (1, None) for _, blocks in sections[1:]
    ):
        return [("", [b for _, blocks in sections for b in blocks])]
    return [(sec, blocks) for sec, blocks in sections if blocks]


def in_section(drafts: list[_Draft], section: str) -> list[_Draft]:
    """Labels of a section's paragraphs: "XII.OP3", "XII.PP1", "I.OP6(a)"."""
    if section:
        for d in drafts:
            d.label = f"{section}.{d.label}"
            if d.parent is not None:
                d.parent = f"{section}.{d.parent}"
    return drafts


_ROMAN_VALUES = (("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def _roman(n: int) -> str:
    out = ""
    for letters, value in _ROMAN_VALUES:
        while n >= value:
            out, n = out + letters, n - value
    return out


def _roman_value(text: str) -> int | None:
    for n in range(1, 50):
        if _roman(n) == text:
            return n
    return None


def _next_section(section: str, *, roman: bool) -> str:
    """ "I" -> "II", "V" -> "VI", "XIX" -> "XX" in a roman series; "A" -> "B"."""
    value = _roman_value(section) if roman else None
    if value is not None:
        return _roman(value + 1)
    return chr(ord(section[-1]) + 1)


def _section_title(title: str) -> bool:
    """A section's title on its heading line: "Enterprise resource planning project,
    Umoja", not a sentence ("A Member State shall …;")."""
    # (the closed lists, not looks_like_opening/looks_like_operative: "Revised estimates
    # relating to …" (A/RES/78/253, section VIII) looks like a participle in -ed,
    # "Conditions of service and compensation …" (A/RES/80/243, section I) like a verb)
    return (
        len(title.split()) <= 60
        and not ends_sentence_part(title)
        and not opens_with_listed_opener(title)
        and not opens_with_listed_opener(title, operative=True)
    )


def _title_lines(body: list[str], start: int) -> int | None:
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


def _first_op_number(blocks: list[str]) -> int | None:
    for block in blocks:
        match = P.OP_NUMBER_RE.match(block)
        if match is not None:
            return int(match.group("n"))
    return None


def split_embedded(body: list[str]) -> tuple[list[str], list[str]]:
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
        return body[: first + 1], body[first + 1 :]
    return body, []


def unique_labels(drafts: list[_Draft]) -> list[_Draft]:
    """A label used twice (a list restarting at "(a)" under the same paragraph) gets "#2",
    "#3": every paragraph keeps an address of its own."""
    seen: dict[str, int] = {}
    for d in drafts:
        count = seen.get(d.label, 0) + 1
        seen[d.label] = count
        if count > 1:
            old = d.label
            d.label = f"{old}#{count}"
            for child in drafts:
                if child.parent == old and child is not d and drafts.index(child) > drafts.index(d):
                    child.parent = d.label
    return drafts


def annex_paragraphs(lines: list[str]) -> list[_Draft]:
    """The annexes after the closing lines ("Annex", "Annex I", "Annex II"): each
    non-heading block a paragraph "ANNEX.3" / "ANNEX-II.3" (running index), its text as
    written, so that nothing of the document is lost and the footnote markers standing
    in an annex are found."""
    drafts: list[_Draft] = []
    name = "ANNEX"
    index = 0
    for block in lines:
        heading = P.ANNEX_HEADING_RE.match(block)
        if heading is not None:
            name = f"ANNEX-{heading.group('n')}" if heading.group("n") else "ANNEX"
            index = 0
            continue
        if P.DATE_LINE_RE.match(block) and not drafts:
            continue
        # headings stay: an annex's headings ("Rule 17", "I. Our shared commitment") are
        # part of its text and may carry footnote markers (A/RES/78/128)
        if drafts and drafts[-1].label.startswith(name + ".") and block[:1].islower():
            drafts[-1].text = f"{drafts[-1].text} {block}"
            continue
        index += 1
        drafts.append(_Draft(f"{name}.{index}", ParagraphKind.OPERATIVE, index, block))
    return drafts


def is_operative_opening(block: str) -> bool:
    """ "Adopts", "Also decides", "Takes note": a verb in the third person singular."""
    return looks_like_operative(block)


def is_heading(block: str) -> bool:
    """Section headings: "Peacebuilding financing", "I", "H" (OCR), "CHAPTER X. ..."."""
    if P.ROMAN_HEADING_RE.match(block):
        return True
    if looks_like_opening(block):
        return False
    words = block.split()
    return len(words) <= 14 and not ends_sentence_part(block) and not block[:1].islower()


def _sub_paragraph(
    drafts: list[_Draft], top: _Draft, label: str, text: str, fmt: SourceFormat, arabic: bool
) -> _Draft:
    """A sub-paragraph "(a)" under ``top``, or "(i)" under the last "(a)". ``arabic``: the
    text numbers sub-paragraphs "(1)", "(2)" (so "(1)" is not the OCR slip for "(i)")."""
    last_letter = next(
        (d for d in reversed(drafts) if d.level == 1 and d.parent == top.label), None
    )
    last_roman = next(
        (d for d in reversed(drafts) if d.level == 2 and d.label.startswith(top.label + "(")), None
    )
    label = label.lower() if not label.isdigit() else label
    if (
        fmt is SourceFormat.SC_OCR
        and label in _OCR_ROMAN
        and (last_letter is not None or last_roman is None)
        and not (label.isdigit() and arabic)
    ):
        label = _OCR_ROMAN[label]
    roman = label in _ROMANS and not _continues_letters(last_letter, label)
    roman_list = (  # "(i) Withdrawal ...", "(ii) Termination ..." right under OP1 (242 (1967))
        last_letter is not None
        and last_letter.sub in _ROMANS
        and label in _ROMANS
        and _ROMANS.index(label) == _ROMANS.index(last_letter.sub) + 1
        and not _continues_letters(last_letter, label)
        and (last_roman is None or last_roman.parent != last_letter.label)
    )
    if roman and last_letter is not None and not roman_list:
        parent = last_letter
        level = 2
    else:
        parent = top
        level = 1
    return _Draft(
        f"{parent.label}({label})",
        top.kind,
        top.number,
        text,
        parent=parent.label,
        level=level,
        sub=label,
    )


def _continues_letters(last_letter: _Draft | None, label: str) -> bool:
    """ "(i)" after "(h)" is the letter i, not the roman one."""
    if last_letter is None or last_letter.sub is None or len(label) != 1:
        return False
    return len(last_letter.sub) == 1 and ord(label) == ord(last_letter.sub) + 1


# --------------------------------------------------------------------------- footnotes


def parse_footnotes(lines: list[str]) -> tuple[Footnote, ...]:
    notes: list[Footnote] = []
    for line in lines:
        number, _, text = line.partition(" ")
        if number.isdigit():
            notes.append(Footnote(number=int(number), text=reflow_text(text)))
    return tuple(notes)


def attach_markers(
    drafts: list[_Draft], known: set[int], *, trailing: bool = False
) -> tuple[Paragraph, ...]:
    """Find the footnote markers of every paragraph, remove them from the text, and
    freeze the paragraphs (verb, modifier and opening from the top-level paragraph).
    ``trailing``: an editorial number ending a paragraph after its comma or semicolon
    is a marker even when its footnote text is not in the file (Security Council
    yearbooks)."""
    texts = [d.text for d in drafts]
    if known:
        per_paragraph = choose_markers([_candidates(t) for t in texts], known, texts)
    else:  # no footnote texts: only explicit markers ("[^4]") can stand in the text
        per_paragraph = [_explicit_candidates(t) for t in texts]
    if trailing:
        per_paragraph = _with_trailing_markers(texts, per_paragraph)
    out: list[Paragraph] = []
    top_opening: dict[str, tuple[str | None, str | None, str | None]] = {}
    for d, chosen in zip(drafts, per_paragraph, strict=True):
        text = d.text
        for cand in sorted(chosen, key=lambda c: c.start, reverse=True):
            text = text[: cand.start] + text[cand.end :]
        text = reflow_text(text)
        markers = tuple(dict.fromkeys(c.number for c in sorted(chosen, key=lambda c: c.start)))
        root_label = d.label.split("(")[0].split("#")[0]
        if d.level == 0:
            opening = parse_opening(P.OP_NUMBER_RE.sub(r"\g<rest>", text, count=1))
            top_opening[root_label] = (opening.verb, opening.modifier, opening.opening)
        verb, modifier, opening_words = top_opening.get(root_label, (None, None, None))
        out.append(
            Paragraph(
                label=d.label,
                kind=d.kind,
                number=d.number,
                text=text,
                verb=verb,
                modifier=modifier,
                opening=opening_words,
                parent=d.parent,
                footnotes=markers,
            )
        )
    return tuple(out)


def _with_trailing_markers(
    texts: list[str], chosen: list[list[_Candidate]]
) -> list[list[_Candidate]]:
    """ "…the use of chemical weapons contrary to obligations under the 1925 Geneva
    Protocol, 28" (S/RES/598 (1987), PP4): the yearbook's footnote 28 stands on another
    page, not in the file, but the number is a marker all the same. Taken where the
    paragraph's end is not already a chosen marker and the number rises above every
    marker before it (the yearbook numbers its footnotes in order)."""
    out: list[list[_Candidate]] = []
    highest = 0
    for text, cands in zip(texts, chosen, strict=True):
        match = P.TRAILING_EDITORIAL_MARKER_RE.search(text)
        cands = list(cands)
        if match is not None and not any(c.end == len(text) for c in cands):
            number = int(match.group("n"))
            earlier = [c.number for c in cands if c.start < match.start("n")]
            if number > max([highest, *earlier]):
                cands.append(_Candidate(match.start(), match.end(), number, 1))
        highest = max([highest, *(c.number for c in cands)])
        out.append(cands)
    return out


@dataclass(frozen=True, slots=True)
class _Candidate:
    start: int  # where the text to remove starts
    end: int
    number: int
    strength: int  # 3 explicit "[^4]", 2 glued to a year/word/punctuation, 1 spaced
    head: str = ""  # the word before a spaced number
    tail: str = ""  # the word after it


def _explicit_candidates(text: str) -> list[_Candidate]:
    return [
        _Candidate(m.start(), m.end(), int(m.group("n")), 3)
        for m in P.EXPLICIT_MARKER_RE.finditer(text)
    ]


# (pattern, offset of the match start from the digit run, strength): where each marker
# pattern can match around a run of digits
_GLUED_AT_RUN = (P.WORD_MARKER_RE, P.PUNCT_MARKER_RE)
_WEAK_AT_RUN = (P.UPPER_MARKER_RE, P.BOTH_GLUED_MARKER_RE)


def _candidates(text: str) -> list[_Candidate]:
    """Every place a footnote marker may stand. The marker patterns are tried only around
    the runs of digits of the text (one scan), not at every position."""
    out = _explicit_candidates(text) if "[^" in text else []
    for run in P.DIGIT_RUN_RE.finditer(text):
        start, length = run.start(), run.end() - run.start()
        before = text[start - 1] if start else " "
        if length >= 5:
            year = P.YEAR_MARKER_RE.match(text, start)
            _add(out, year, 2, text)
            if year is None:
                _add_long_number(out, P.LONG_NUMBER_RE.match(text, start), text)
        if before == "." and length <= 3:
            if start >= 5:
                _add(out, P.YEAR_PERIOD_MARKER_RE.match(text, start - 5), 2, text)
            _add_weak(out, P.NUMBER_PERIOD_MARKER_RE.match(text, start - 1), text)
        if before == "/" and length == 3:
            council = P.COUNCIL_RESOLUTION_HEAD_RE.search(text, max(0, start - 40), start - 1)
            if council is not None:
                out.append(_weak(text, run.end() - 1, run.end(), start))
        if length <= 3:
            for regex in _GLUED_AT_RUN:
                _add(out, regex.match(text, start), 2, text)
            for regex in _WEAK_AT_RUN:
                _add(out, regex.match(text, start), 1, text)
            if before == ".":
                _add(out, P.PERIOD_MARKER_RE.match(text, start - 1), 2, text)
            if before.isspace():
                _add(out, P.LEFT_SPACED_MARKER_RE.match(text, start - 1), 1, text, whole=True)
                _add_spaced(out, P.SPACED_MARKER_RE.match(text, start - 1), text)
        if 3 <= length <= 5:
            _add_named(out, text, run)
        if before in "/.":
            heads = (P.SLASH_HEAD_RE, P.SPECIAL_HEAD_RE) if before == "/" else (P.DOTTED_HEAD_RE,)
            for head_re in heads:
                head = head_re.search(text, max(0, start - 8), start - 1)
                if head is not None:
                    _add_slash(out, P.SLASH_NUMBER_RE.match(text, head.start()))
    return sorted(out, key=lambda c: (c.start, -c.strength))


def _add(
    out: list[_Candidate], m: re.Match[str] | None, strength: int, text: str, *, whole: bool = False
) -> None:
    if m is None:
        return
    if strength == 2 and _false_glued(m, text):
        return
    out.append(
        _Candidate(m.start() if whole else m.start("n"), m.end("n"), int(m.group("n")), strength)
    )


def _weak(text: str, start: int, end: int, word_start: int) -> _Candidate:
    """A weak candidate for the digits ``text[start:end]``, with the word before the number
    (which starts at ``word_start``) and the word after it, for the checks of
    ``choose_markers`` ("No. 27531" is a treaty number, not 2753 + footnote 1)."""
    before = text[max(0, word_start - 40) : word_start].split()
    after = text[end : end + 40].split()
    return _Candidate(
        start,
        end,
        int(text[start:end]),
        1,
        before[-1].lower().strip("(") if before else "",
        after[0].lower().strip(",;:.") if after else "",
    )


def _add_weak(out: list[_Candidate], m: re.Match[str] | None, text: str) -> None:
    """ "model strategy 10.24 Furthermore": 10. + footnote 24, taken only in sequence."""
    if m is not None:
        word_start = text.rfind(" ", 0, m.start()) + 1
        out.append(_weak(text, m.start("n"), m.end("n"), word_start))


def _add_long_number(out: list[_Candidate], m: re.Match[str] | None, text: str) -> None:
    """ "at least 56514 humanitarian workers": 5651 + 4 or 565 + 14 (the sequence decides)."""
    if m is not None:
        for k in (1, 2):
            if text[m.end() - k] != "0":
                out.append(_weak(text, m.end() - k, m.end(), m.start()))


def _add_named(out: list[_Candidate], text: str, run: re.Match[str]) -> None:
    """ "Agenda 216" = Agenda 21 + footnote 6, "COVID-1915" = COVID-19 + footnote 15."""
    for name in P.NAMES_ENDING_IN_NUMBER:
        prefix, digits = name[:-2], name[-2:]
        start = run.start()
        if run.group().startswith(digits) and text[start - len(prefix) : start] == prefix:
            out.append(_Candidate(start + 2, run.end(), int(run.group()[2:]), 2))


def _add_spaced(out: list[_Candidate], m: re.Match[str] | None, text: str) -> None:
    if m is None:
        return
    before = text[max(0, m.start() - 40) : m.start()].split()
    after = text[m.end() : m.end() + 40].split()
    out.append(
        _Candidate(
            m.start(),
            m.end("n"),
            int(m.group("n")),
            1,
            before[-1].lower().strip("(") if before else "",
            after[0].lower().strip(",;:.") if after else "",
        )
    )


def _add_slash(out: list[_Candidate], m: re.Match[str] | None) -> None:
    """ "76/17918": 76/1791 + 8, 76/179 + 18, 76/17 + 918 (the sequence decides)."""
    if m is None:
        return
    digits = m.group("digits") or m.group("short") or m.group("dotted") or m.group("special")
    for k in range(1, min(3, len(digits) - 1) + 1):
        out.append(_Candidate(m.end() - k, m.end(), int(digits[-k:]), 1))


def _false_glued(match: re.Match[str], text: str) -> bool:
    """A glued number that is part of a reference: "1,137 students", "GC.18/Res.9"."""
    before = text[max(0, match.start("n") - 40) : match.start("n")]
    if match.re is P.PERIOD_MARKER_RE:
        return bool(P.SYMBOL_ABBREVIATION_RE.search(before[:-1]))
    token = before.split()[-1] if before.split() else ""
    # "CM/Rec(2022)7 of the Committee", "(CM/Rec(2022)12)" (A/RES/79/284)
    if (
        token.endswith(")")
        and "/" in token
        and token.rstrip(")").count("(") >= 1
        and (not token.startswith("(") or token.count("(") >= 2)
    ):
        return True
    return len(match.group("n")) == 3 and bool(P.THOUSANDS_RE.search(before))


def choose_markers(
    candidates: list[list[_Candidate]], known: set[int], texts: list[str]
) -> list[list[_Candidate]]:
    """Which candidates are footnote markers. Footnotes are numbered in order through the
    document, so the first occurrences of the markers rise: among the explicit and glued
    candidates, the longest rising sequence of known numbers is taken; a glued candidate
    repeating a number already taken is a marker reused ("Programme of Action,1"); a
    spaced number ("Climate Change 1 and") is taken only where it fits the sequence
    between its neighbours."""
    flat = [(i, c) for i, cands in enumerate(candidates) for c in cands if c.number in known]
    strong = [(i, c) for i, c in flat if c.strength >= 2]
    chain = _longest_rising(strong)
    taken: dict[tuple[int, int], _Candidate] = {(i, c.start): c for i, c in chain}
    first_at = {c.number: (i, c.start) for i, c in reversed(chain)}
    for i, c in strong:
        if c.number in first_at and (i, c.start) > first_at[c.number]:
            taken.setdefault((i, c.start), c)
    # the rising sequence of first occurrences (reuses do not bound a spaced marker)
    order = sorted(first_at.values())
    numbers = [taken[k].number for k in order]
    for i, c in flat:
        if c.strength != 1 or c.number in first_at or (i, c.start) in taken:
            continue
        if c.head in P.NUMBER_HEADS or c.tail in P.NUMBER_TAILS:
            continue
        if c.strength == 1 and P.NUMBER_TAIL_RE.match(texts[i][c.end :]):
            continue
        pos = bisect_left(order, (i, c.start))
        low = max(numbers[:pos], default=0)
        high = min(numbers[pos:], default=max(known) + 1)
        if low < c.number < high and not _overlaps(taken, i, c):
            taken[(i, c.start)] = c
            first_at[c.number] = (i, c.start)
            order.insert(pos, (i, c.start))
            numbers.insert(pos, c.number)
    out: list[list[_Candidate]] = [[] for _ in candidates]
    for (i, _), c in taken.items():
        out[i].append(c)
    return [_without_overlaps(cands) for cands in out]


def _longest_rising(items: list[tuple[int, _Candidate]]) -> list[tuple[int, _Candidate]]:
    """Longest subsequence with strictly rising numbers (patience sorting)."""
    tails: list[int] = []  # number at the end of the best chain of each length
    tail_index: list[int] = []
    previous: list[int] = [-1] * len(items)
    for k, (_, cand) in enumerate(items):
        pos = bisect_left(tails, cand.number)
        if pos == len(tails):
            tails.append(cand.number)
            tail_index.append(k)
        else:
            tails[pos] = cand.number
            tail_index[pos] = k
        previous[k] = tail_index[pos - 1] if pos else -1
    chain: list[tuple[int, _Candidate]] = []
    k = tail_index[-1] if tail_index else -1
    while k >= 0:
        chain.append(items[k])
        k = previous[k]
    return chain[::-1]


def _overlaps(taken: dict[tuple[int, int], _Candidate], i: int, cand: _Candidate) -> bool:
    return any(j == i and c.start < cand.end and cand.start < c.end for (j, _), c in taken.items())


def _without_overlaps(cands: list[_Candidate]) -> list[_Candidate]:
    kept: list[_Candidate] = []
    for cand in sorted(cands, key=lambda c: (c.start, -c.strength)):
        if not kept or cand.start >= kept[-1].end:
            kept.append(cand)
    return kept
