"""Step 2: the metadata of a document from its header and closing lines."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from resdex.indexer import patterns as P
from resdex.indexer.errors import NotAResolution
from resdex.indexer.models import Body, Metadata, Report, SourceFormat
from resdex.indexer.organs import Organ, organ_of, resolution_symbol
from resdex.indexer.spaces import reflow_text
from resdex.indexer.structure.dates import iso_date, ordinal_number, parse_date
from resdex.indexer.structure.parts import Parts


@dataclass(frozen=True, slots=True)
class Submission:
    """A draft's submission line and the title under it: "Iraq:*,** draft resolution",
    "Draft resolution submitted by the Vice-Chair of the Committee, … on the basis of
    informal consultations on draft resolution A/C.2/80/L.8" (ga-drafts/A_C.2_80_L.44)."""

    line: str  # as written, footnote asterisks removed
    sponsors: tuple[str, ...]  # the States of a sponsors line; () for "submitted by"
    title: str | None  # the header line after it


def read_submission(header: Sequence[str]) -> Submission | None:
    """The first sponsors line ("Peru: draft resolution") or "Draft resolution submitted
    by …" line of a draft's header, with the title line under it."""
    for i, line in enumerate(header):
        sponsors = P.SPONSORS_RE.match(line)
        submitted = None if sponsors else P.SUBMITTED_BY_RE.match(line)
        if sponsors is None and submitted is None:
            continue
        title = header[i + 1] if i + 1 < len(header) else None
        if title is not None and P.ORGAN_OPENING_RE.match(title):
            title = None  # "The General Assembly / Adopts the following outcome …" (A_80_L.41)
        text = reflow_text(P.ASTERISK_MARK_RE.sub("", line))
        if sponsors is None:
            return Submission(text, (), title)
        return Submission(text, split_sponsors(sponsors.group("sponsors")), title)
    return None


def split_sponsors(text: str) -> tuple[str, ...]:
    """ "Albania, Antigua and Barbuda, Australia and Austria" -> the four States (a name
    of ``patterns.STATES_WITH_AND`` stays whole)."""
    text = P.ASTERISK_MARK_RE.sub("", text)
    for name in P.STATES_WITH_AND:
        text = text.replace(name, name.replace(" and ", "\0"))
    names = (n.strip().replace("\0", " and ") for n in P.SPONSOR_SPLIT_RE.split(text))
    return tuple(n for n in names if n)


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
    organ = parts.organ or (organ_of(adopted_match) if adopted_match else Organ.GA)
    distr = P.DISTR_RE.search(head)
    draft = bool(symbol and "/L." in symbol) or bool(distr and distr.group("kind") == "Limited")
    if symbol is None and number_match is not None:
        symbol = derive_symbol(number_match.group("number"), organ)
    if symbol is None:
        raise NotAResolution("no document symbol or resolution number found")
    number = number_match.group("number") if number_match else symbol.rsplit("/", 1)[-1]
    adopted = parse_date(adopted_match.group("date")) if adopted_match else None
    if adopted is None and not draft and front.get("date"):
        adopted = iso_date(front["date"])
    distributed = parse_date(distr.group("date")) if distr and distr.group("date") else None
    if distributed is None:
        distributed = _date_after_distr(head)
    submission = read_submission(parts.header)
    title = number_match.group("title") if number_match else None
    if title is None and submission is not None:
        title = submission.title
    meeting = None
    if parts.closing:
        plenary = P.PLENARY_RE.match(parts.closing[0])
        meeting = plenary.group("meeting") if plenary else None
    year_source = adopted or distributed
    return Metadata(
        symbol=symbol,
        body=organ,
        number=number,
        title=complete_title(clean_title(title), front.get("title")),
        session=_session(head, symbol),
        year=year_source.year if year_source else None,
        adopted=adopted,
        distributed=distributed,
        agenda_items=agenda_items(head),
        report=read_report(head),
        meeting=meeting,
        sponsors=submission.sponsors if submission else (),
        draft=draft,
        distribution=distr.group("kind") if distr else None,
        draft_header=submission.line if submission else None,
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
    # (a vote line printed twice is read once: S_RES_0878_1993)
    vote = reflow_text(" ".join(dict.fromkeys(parts.closing))) if parts.closing else None
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
        meeting=fix_ocr_meeting(meeting.group("meeting")) if meeting else None,
        vote=vote,
    )


def fix_ocr_meeting(meeting: str) -> str:
    """ "298Ist meeting" (OCR) -> "2981st meeting"."""
    number, _, rest = meeting.partition(" ")
    return f"{P.OCR_ONE_RE.sub('1', number)} {rest}".strip()


def derive_symbol(number: str, organ: Body) -> str:
    """ "71/194" and the General Assembly -> "A/RES/71/194" (the organ table's series)."""
    return resolution_symbol(organ, number) or "A/RES/" + number


def _date_after_distr(head: str) -> dt.date | None:
    """ga-text puts the date on the line after "Distr.: General"."""
    match = P.DISTR_THEN_DATE_RE.search(head)
    return parse_date(match.group("date")) if match and match.group("date") else None


def _session(head: str, symbol: str) -> int | None:
    for match in P.SESSION_RE.finditer(head):
        number = ordinal_number(match.group("ordinal"))
        if number is not None:
            return number
    found = P.GA_SESSION_OF_SYMBOL_RE.match(symbol)
    return int(found.group("session")) if found else None


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


def clean_title(title: str | None) -> str | None:
    if title is None:
        return None
    title = P.EXPLICIT_MARKER_RE.sub("", title)
    return reflow_text(title) or None


def _title_key(text: str) -> str:
    # "non‑nuclear" (U+2011) and "non-nuclear", "working group" and "Working Group": the
    # catalogue title of a YAML header differs from the printed one in these only
    return text.replace("\u2011", "-").casefold()


def complete_title(title: str | None, catalogue: str | None) -> str | None:
    """The title line cut where the Markdown conversion lost its wrapped lines, completed
    from the YAML header's catalogue title when the printed one is a prefix of it.

    ga-md A/RES/80/23: printed "Possible risks of the integration of artificial intelligence
    into", catalogue "Possible risks of the integration of artificial intelligence into
    command, control and communications systems of nuclear weapons". A catalogue title that
    the printed one does not begin (A/RES/80/30 "4th special session") is not used.
    """
    if title is None or not catalogue:
        return title
    whole = reflow_text(catalogue.replace('\\"', '"')).rstrip(" :;,")
    if len(whole) <= len(title) or not _title_key(whole).startswith(_title_key(title)):
        return title
    rest = whole[len(title) :]
    if not rest[:1].isspace() and rest[:1] not in {",", ":", ";"}:
        return title  # the catalogue goes on inside the printed title's last word
    return reflow_text(title + rest)
