"""The parse path, composed: file -> RawDocument -> Resolution -> Resolution with citations.

Importing this module does not import spaCy; tagging citations does, on first use.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from resdex.indexer.models import Resolution
from resdex.indexer.parse import parse_raw
from resdex.indexer.sources import read_document

if TYPE_CHECKING:
    from spacy.language import Language


def parse_path(
    path: str | Path, *, citations: bool = True, nlp: Language | None = None
) -> Resolution:
    """Read, clean and structure one file; tag its citations unless ``citations`` is False.

    Raises ``UnreadableFile`` or ``NotAResolution`` (both ``ResdexError``).
    """
    resolution = parse_raw(read_document(path))
    if not citations:
        return resolution
    from resdex.indexer.citations import tag_citations

    return tag_citations(resolution, nlp)
