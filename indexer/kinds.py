"""The kinds of things resdex reads and writes, as string enums: apart from the dataclasses
of ``resdex.indexer.models`` (which re-exports them), so that the query path can name a
paragraph's kind without making those classes (each frozen dataclass costs its module
about a millisecond to create: ``resdex search`` starts without them).
"""

from __future__ import annotations

from enum import StrEnum


class SourceFormat(StrEnum):
    """The formats resdex reads, as detected from a file's content (not its name)."""

    ODS = "ods"  # word-processor export from the Official Document System (tab-indented)
    MARKDOWN = "markdown"  # Markdown conversion (YAML header or "[70/1](#)" links)
    PDF_TEXT = "pdf-text"  # text extracted from an official PDF (ga-text/, ga-drafts/)
    PDF = "pdf"  # the official PDF itself
    SC_OCR = "sc-ocr"  # hand-corrected OCR of the Security Council yearbooks (sc-text/)


class ParagraphKind(StrEnum):
    PREAMBULAR = "preambular"
    OPERATIVE = "operative"


class CitationKind(StrEnum):
    CITATION = "citation"  # a reference written in the text: counts as a citation
    INSTRUMENT = "instrument"  # a well-known instrument named without a symbol: a link only
