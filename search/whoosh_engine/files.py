"""A generation folder (``resdex.search.store``) as a Whoosh index: opened safely, or
created empty with resdex's schema."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from resdex.indexer.errors import ResdexError
from resdex.search.whoosh_engine.schema import build_schema


class NoWhooshIndex(ResdexError):
    """A generation folder that holds no Whoosh index (no TOC)."""


def open_generation(folder: Path) -> Any:
    """The Whoosh index in ``folder``, opened safely: resdex's schema (the pickled one in
    the TOC is skipped), the restricted unpickler, memory-mapped segments. Raises
    ``NoWhooshIndex`` when the folder holds none."""
    from whoosh.filedb.filestore import FileStorage
    from whoosh.index import EmptyIndexError

    from resdex.search.whoosh_engine import fixes, safe_pickle

    safe_pickle.install()
    fixes.apply_read()
    try:
        return FileStorage(str(folder)).open_index(schema=build_schema())
    except EmptyIndexError as err:
        raise NoWhooshIndex(f"no Whoosh index in {folder}") from err


def create_empty(storage_dir: Path) -> Any:
    """A new, empty Whoosh index with resdex's schema in ``storage_dir``."""
    from whoosh.index import create_in

    storage_dir.mkdir(parents=True, exist_ok=True)
    return create_in(str(storage_dir), build_schema())
