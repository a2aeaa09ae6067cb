"""CleanText -> Resolution: the structure steps, each a pure function over frozen data.

1. ``parts``: the clean lines split into header, body, closing and annex;
2. ``metadata``: symbol, organ, dates, title, sponsors … from the header and closing;
3. ``paragraphs`` (with ``subparagraphs``): body blocks -> preambular and operative
   paragraphs and their sub-paragraphs;
4. ``sections``: resolutions adopted in sections, texts adopted in full, annexes, unique
   labels;
5. ``footnotes`` (with ``markers`` and ``choose``): the footnotes, and the paragraphs
   frozen with their footnote markers found and removed.
"""

from __future__ import annotations

from dataclasses import replace

from resdex.indexer import patterns as P
from resdex.indexer.models import CleanText, Resolution, SourceFormat
from resdex.indexer.structure.footnotes import (
    attach_markers,
    parse_footnotes,
    split_asterisk_notes,
)
from resdex.indexer.structure.metadata import read_metadata
from resdex.indexer.structure.paragraphs import build_paragraphs
from resdex.indexer.structure.parts import split_footnotes, split_parts
from resdex.indexer.structure.sections import (
    annex_paragraphs,
    in_section,
    split_embedded,
    split_sections,
    unique_labels,
)

__all__ = ["structure"]


def structure(clean: CleanText) -> Resolution:
    """The structured resolution of a clean text. Raises NotAResolution when no organ,
    symbol or resolution number can be found."""
    lines, note_lines = split_footnotes(clean.lines)
    parts = split_parts(lines, clean.format)
    meta = read_metadata(parts, dict(clean.front_matter), clean.format)
    body_lines, asterisk_notes = split_asterisk_notes(parts.body_lines)
    if P.AMENDMENT_HEADER_RE.search(meta.draft_header or "") and not any(
        P.OP_NUMBER_RE.match(line) for line in body_lines
    ):
        # an amendment has no preamble and no operative part, only its instructions:
        # "Delete operative paragraphs 3, 43 and 45." (ga-drafts/A_80_L.39), kept as
        # "AMENDMENT.1" (never "PP1"); numbered instructions ("1. Replace “Chernobyl”
        # with “Chornobyl” …", A_80_L.28) keep their numbers as operative paragraphs
        body_lines, parts = (), replace(parts, annex=(*body_lines, *parts.annex))
        first_annex = "AMENDMENT"
    else:
        first_annex = "ANNEX"
    adopted_text, embedded = split_embedded(body_lines)
    preamble = build_paragraphs(parts.preamble, clean.format) if parts.preamble else ()
    raw = preamble + tuple(
        p
        for section in split_sections(adopted_text)
        for p in in_section(
            build_paragraphs(section.blocks, clean.format, operative_only=bool(preamble)),
            section.name,
        )
    )
    raw = unique_labels(raw + annex_paragraphs(embedded + parts.annex, first_annex))
    footnotes = parse_footnotes((*note_lines, *asterisk_notes))
    paragraphs = attach_markers(
        raw, {f.number for f in footnotes}, trailing=clean.format is SourceFormat.SC_OCR
    )
    return Resolution(meta=meta, paragraphs=paragraphs, footnotes=footnotes)
