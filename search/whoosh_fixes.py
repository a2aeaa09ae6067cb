"""A fix to Whoosh-Reloaded 2.7.5 on resdex's write path.

While a segment is committed, ``W3PerDocReader.doc_field_length`` is asked for the length
of every posting; for a field that keeps no lengths (ID, KEYWORD, NUMERIC) the reader looks
for the column file on disk each time instead of remembering that it is absent: one
``stat`` per posting, a fifth of the commit. ``apply`` makes the reader remember.
"""

from __future__ import annotations

from typing import Any

_APPLIED = False


def apply() -> None:
    global _APPLIED
    if _APPLIED:
        return
    from whoosh.codec import whoosh3

    reader_class: Any = whoosh3.W3PerDocReader

    def _cached_reader(self: Any, fieldname: str, column: Any) -> Any:
        readers = self._readers
        if fieldname in readers:
            return readers[fieldname]
        reader = self.column_reader(fieldname, column) if self.has_column(fieldname) else None
        readers[fieldname] = reader
        return reader

    reader_class._cached_reader = _cached_reader
    _APPLIED = True
