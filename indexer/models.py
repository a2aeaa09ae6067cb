"""The typed, frozen data that flows through resdex.

raw file -> ``RawDocument`` -> ``CleanText`` -> ``Resolution`` (``Metadata``,
``Paragraph``, ``Footnote``) -> ``Citation`` -> index documents -> queries -> rendering.

Every step of the pipeline is a pure function from one of these to the next; nothing here
does I/O. All offsets are Python ``str`` indexes (code points).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from resdex.indexer.frozen import fast_init
from resdex.indexer.kinds import CitationKind as CitationKind
from resdex.indexer.kinds import ParagraphKind as ParagraphKind
from resdex.indexer.kinds import SourceFormat as SourceFormat
from resdex.indexer.organs import Organ

# The organ that adopted (or will adopt) a text: one of ``organs.ADOPTING`` ("GA", "SC",
# "HRC", "ECOSOC"); the enum is the organ table's (``resdex.indexer.organs``).
Body = Organ


@dataclass(frozen=True, slots=True)
class RawDocument:
    """A file's content, decoded, with the format it was recognized as."""

    path: str
    format: SourceFormat
    text: str  # decoded text (for a PDF: the text extracted from its pages, "\f" between)
    sha256: str  # digest of the file's bytes: "already indexed with the same content"


@dataclass(frozen=True, slots=True)
class CleanText:
    """Text with the noise removed (running heads, page marks, job numbers, ODS fields,
    Markdown syntax) and hard line breaks reflowed: one logical block per line."""

    format: SourceFormat
    lines: tuple[str, ...]
    front_matter: tuple[tuple[str, str], ...] = ()  # Markdown YAML header, as written


@fast_init
@dataclass(frozen=True, slots=True)
class Citation:
    """A reference to another UN document, and the document it designates.

    ``start``/``end`` index into the text of the unit the citation stands in: the
    paragraph's text, or the footnote's text when ``via_footnote`` is set (then the
    citation is attached to a paragraph through that footnote's marker), or the header
    line named by ``location`` for header citations. ``text[start:end] == surface``.
    """

    surface: str  # as written: "A/CONF.157/24", "its resolution 70/153", "65/33"
    target: str  # canonical symbol: "A/CONF.157/24", "A/RES/70/153", "S/RES/242(1967)"
    start: int
    end: int
    kind: CitationKind = CitationKind.CITATION
    part: str | None = None  # lettered part "B", or "(Sect. 24)" / "(Part I)"
    pinpoint: str | None = None  # "chap. III", "para. 99", "annex"
    via_footnote: int | None = None
    location: str = ""  # "PP1", "OP2(a)", "footnote 3", "header:report"

    def at(self, location: str, via_footnote: int | None = None) -> Citation:
        """The same citation standing at ``location`` (through footnote ``via_footnote``
        when given, else as it was); ``dataclasses.replace`` without its cost in the
        tagger's loops."""
        return Citation(
            self.surface,
            self.target,
            self.start,
            self.end,
            self.kind,
            self.part,
            self.pinpoint,
            self.via_footnote if via_footnote is None else via_footnote,
            location,
        )


@fast_init
@dataclass(frozen=True, slots=True)
class Paragraph:
    """One preambular or operative paragraph, or a sub-paragraph of one.

    Sub-paragraphs are listed on their own, right after their parent, with labels such as
    "OP2(a)" and "OP2(a)(i)"; a parent's ``text`` is then its chapeau only. A sub-paragraph
    carries the verb of the top-level paragraph it belongs to.
    """

    label: str  # "PP1", "OP8", "OP2(a)", "OP2(a)(i)"
    kind: ParagraphKind
    number: int  # the top-level paragraph's number: 8 for "OP8" and for "OP8(b)"
    text: str  # clean, whitespace-normalized, footnote markers removed
    verb: str | None = None  # head verb as written, capitalized: "Emphasizes", "Calls upon"
    modifier: str | None = None  # lower-case adverb before it: "also", "strongly", "deeply"
    opening: str | None = None  # the opening words as written: "Also emphasizes"
    parent: str | None = None  # "OP2" for "OP2(a)", "OP2(a)" for "OP2(a)(i)"
    footnotes: tuple[int, ...] = ()  # footnote markers the text carries, in order
    citations: tuple[Citation, ...] = ()  # direct ones, then those via footnotes

    def with_citations(self, citations: tuple[Citation, ...]) -> Paragraph:
        """The same paragraph with ``citations`` (``dataclasses.replace`` without its cost
        in the tagger's loop)."""
        return Paragraph(
            self.label,
            self.kind,
            self.number,
            self.text,
            self.verb,
            self.modifier,
            self.opening,
            self.parent,
            self.footnotes,
            citations,
        )


@fast_init
@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote: "4 United Nations, Treaty Series, …". A draft's asterisk footnotes ("*
    On behalf of the States …", "** Any changes to the list of sponsors …") are numbered
    -1, -2, -3 and carry their ``mark``; a paragraph's ``footnotes`` holds -2 for "**"."""

    number: int
    text: str
    citations: tuple[Citation, ...] = ()
    mark: str = ""  # "*", "**", "***" for an asterisk footnote

    def with_citations(self, citations: tuple[Citation, ...]) -> Footnote:
        """The same footnote with ``citations`` (see ``Paragraph.with_citations``)."""
        return Footnote(self.number, self.text, citations, self.mark)


@dataclass(frozen=True, slots=True)
class Report:
    """The report line: "[on the report of the Third Committee (A/71/484/Add.2)]"."""

    committee: str | None  # "Third Committee"; None for "without reference to a Main Committee"
    symbol: str | None  # "A/71/484/Add.2" (as written, pinpoint such as ", para. 99" removed)
    text: str  # the whole line without brackets


@dataclass(frozen=True, slots=True)
class Metadata:
    symbol: str  # "A/RES/71/194", "S/RES/242(1967)", "A/C.3/80/L.10"
    body: Body
    number: str  # "71/194", "242 (1967)", "L.10"
    title: str | None = None
    session: int | None = None  # GA session number; None for the Security Council
    year: int | None = None  # year of adoption (or of distribution for drafts)
    adopted: dt.date | None = None
    distributed: dt.date | None = None
    agenda_items: tuple[str, ...] = ()  # ("68 (b)",)
    report: Report | None = None
    meeting: str | None = None  # "65th plenary meeting", "1382nd meeting"
    vote: str | None = None  # "Adopted unanimously at the 1382nd meeting."
    sponsors: tuple[str, ...] = ()  # drafts: ("Peru",)
    draft: bool = False
    distribution: str | None = None  # "General", "Limited"
    # a draft's header line when it names what the draft comes from: "Draft resolution
    # submitted by the Vice-Chair … on the basis of informal consultations on draft
    # resolution A/C.2/80/L.8" (its citations are header citations, "header:draft")
    draft_header: str | None = None


@dataclass(frozen=True, slots=True)
class Resolution:
    meta: Metadata
    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...] = ()
    header_citations: tuple[Citation, ...] = ()  # report line, agenda, title
    source: RawDocument | None = field(default=None, compare=False, repr=False)

    @property
    def symbol(self) -> str:
        return self.meta.symbol

    def citations(self) -> tuple[Citation, ...]:
        """Every citation of the document once (header, paragraphs directly, footnotes);
        instrument links are not citations and are left out (see ``links``)."""
        return tuple(c for c in self._all_once() if c.kind is CitationKind.CITATION)

    def links(self) -> tuple[Citation, ...]:
        """Well-known instruments named without a symbol, linked to their symbol."""
        return tuple(c for c in self._all_once() if c.kind is CitationKind.INSTRUMENT)

    def _all_once(self) -> tuple[Citation, ...]:
        direct = tuple(c for p in self.paragraphs for c in p.citations if c.via_footnote is None)
        in_notes = tuple(c for f in self.footnotes for c in f.citations)
        return self.header_citations + direct + in_notes
