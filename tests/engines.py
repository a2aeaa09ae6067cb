"""The engines the query tests run against: each builds a ``Reader`` over resolutions.

A second engine is added here (as eyecite runs every case against each of its tokenizers):
``tests/test_query_ram.py`` runs its cases through the ``reader`` fixture, once per entry
of ``ENGINES``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from whoosh.filedb.filestore import RamStorage

from resdex.indexer.models import Resolution
from resdex.search.build import add_resolution
from resdex.search.engine import Reader
from resdex.search.whoosh_engine.reader import WhooshReader
from resdex.search.whoosh_engine.schema import build_schema


def whoosh_index(resolutions: Sequence[Resolution]) -> object:
    """An in-memory Whoosh index of ``resolutions``."""
    index = RamStorage().create_index(build_schema())
    writer = index.writer()
    for res in resolutions:
        add_resolution(writer, res, sha=f"sha-{res.meta.number}", path=f"/corpus/{res.symbol}")
    writer.commit()
    return index


def whoosh(resolutions: Sequence[Resolution]) -> Reader:
    return WhooshReader(whoosh_index(resolutions), keep=True)


ENGINES: dict[str, Callable[[Sequence[Resolution]], Reader]] = {"whoosh": whoosh}
