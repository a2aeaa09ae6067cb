"""What ``resdex.search.engine.Reader`` offers besides ``search``, ``cites``, ``show``, over a
Whoosh searcher: the whole index for the export, the cited targets for the nearest ones,
the words for ``--stem``, which documents are indexed for the web page's links, and the
units by number for ``precedents``. ``WhooshReader``'s methods of the same names call these
with the searcher of their thread.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from whoosh.reading import TermNotFound

from resdex.search.engine import Passage
from resdex.search.schema import UNIT_DOCUMENT, UNIT_NAMES
from resdex.search.whoosh_engine.units import (
    leaf_of,
    resolution_at,
    segment_columns,
    stored_fields,
    unit_meta,
)

if TYPE_CHECKING:
    from resdex.indexer.models import Resolution


def _text(term: Any) -> str:
    return term.decode("utf-8") if isinstance(term, bytes) else str(term)


def size(searcher: Any) -> int:
    return int(searcher.doc_count())


def resolutions(searcher: Any) -> Iterator[Resolution]:
    reader = searcher.reader()
    for docnum in searcher.document_numbers(unit=UNIT_DOCUMENT):
        yield resolution_at(reader, docnum)


def cited_keys(searcher: Any) -> list[str]:
    return [_text(t) for t in searcher.reader().lexicon("cites")]


def words(searcher: Any, prefix: str) -> Iterator[str]:
    for term in searcher.reader().expand_prefix("text", prefix):
        yield _text(term)


def indexed(searcher: Any, symkeys: Iterable[str]) -> set[str]:
    return {
        k
        for k in set(symkeys)
        if searcher.document_number(symkey=k, unit=UNIT_DOCUMENT) is not None
    }


def generation(ix: Any) -> str | None:
    folder = getattr(ix.storage, "folder", None)
    return Path(folder).name if folder else None


class Units:
    """``resdex.search.engine.Units`` over one searcher: unit numbers are its document
    numbers."""

    def __init__(self, searcher: Any) -> None:
        self.reader = searcher.reader()

    def frequency(self, word: str) -> int:
        return int(self.reader.doc_frequency("text", word))

    def holding(self, word: str) -> frozenset[int]:
        try:
            return frozenset(self.reader.postings("text", word).all_ids())
        except TermNotFound:
            return frozenset()

    def length(self, number: int) -> int:
        return int(self.reader.doc_field_length(number, "text", 0))

    def passage(self, number: int) -> Passage:
        segreader, doc = leaf_of(self.reader, number)
        stored = stored_fields(segreader, doc)
        columns = segment_columns(segreader)
        meta = unit_meta(segreader, columns, doc)
        return Passage(
            symbol=meta.symbol,
            label=stored.get("label", ""),
            unit=UNIT_NAMES.get(columns.unit[doc], ""),
            body=meta.body,
            session=meta.session,
            year=meta.year,
            adopted=meta.adopted,
            text=stored.get("text", ""),
        )
