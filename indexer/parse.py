"""RawDocument -> Resolution: clean, then structure (no citations)."""

from __future__ import annotations

from dataclasses import replace

from resdex.indexer.clean import clean
from resdex.indexer.errors import NotAResolution
from resdex.indexer.models import RawDocument, Resolution
from resdex.indexer.structure import structure


def parse_raw(raw: RawDocument) -> Resolution:
    """The structured resolution of a raw document. Raises NotAResolution."""
    try:
        resolution = structure(clean(raw))
    except NotAResolution as err:
        raise NotAResolution(f"{raw.path}: {err}") from None
    return replace(resolution, source=raw)
