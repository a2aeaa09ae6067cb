"""A damaged index in one line: whatever Whoosh (or zlib, struct, pickle under it) raises
while reading an index becomes ``DamagedIndex``, "the index at DIR is damaged (…): rebuild
it with `resdex index --rebuild PATH`" (issue 10). ``resdex.search.store`` re-exports these
names."""

from __future__ import annotations

import contextlib
import json
import os
import zlib
from collections.abc import Iterator
from pathlib import Path

from resdex.indexer.errors import ResdexError


class BadIndex(ResdexError):
    """The folder holds something that is not a resdex index this version can read."""


class DamagedIndex(BadIndex):
    """The index cannot be read: a file is missing, truncated, altered or crafted."""


def damaged(index_dir: Path, cause: str) -> DamagedIndex:
    cause = " ".join(cause.split())[:200]
    return DamagedIndex(
        f"the index at {index_dir} is damaged ({cause}): "
        "rebuild it with `resdex index --rebuild PATH`"
    )


def cause(err: DamagedIndex) -> str:
    """What a ``DamagedIndex`` made by ``damaged`` says is wrong (its parentheses)."""
    text = str(err)
    start = text.find("(")
    end = text.rfind("): rebuild")
    return text[start + 1 : end] if start >= 0 and end > start else text


# what reading a damaged index raises, wherever it is read
_DAMAGE: tuple[type[BaseException], ...] = (
    EOFError,
    OSError,
    MemoryError,
    RecursionError,
    UnicodeDecodeError,
)


def _from_whoosh(err: BaseException) -> bool:
    """Whether ``err`` was raised while Whoosh (or zlib, struct, pickle under it) read."""
    import pickle
    import struct

    damage = (zlib.error, struct.error, pickle.UnpicklingError, json.JSONDecodeError, *_DAMAGE)
    if isinstance(err, damage):
        return True
    from resdex.search.whoosh_engine import safe_pickle

    tb = err.__traceback__
    last = ""
    while tb is not None:
        last = tb.tb_frame.f_code.co_filename
        tb = tb.tb_next
    # the restricted unpickler Whoosh reads pickles through: a damaged pickle raises
    # OverflowError ("FRAME length exceeds …"), ValueError ("unsupported pickle protocol"),
    # KeyError, … from inside it
    if f"{os.sep}whoosh{os.sep}" in last:
        return True
    return bool(last) and os.path.realpath(last) == os.path.realpath(safe_pickle.__file__)


@contextlib.contextmanager
def reading(index_dir: Path) -> Iterator[None]:
    """Turn every failure to read the index at ``index_dir`` (inside the block) into one
    ``DamagedIndex`` line; resdex's own errors and anything else pass through."""
    from resdex.search.whoosh_engine.safe_pickle import UnsafeIndex

    try:
        yield
    except UnsafeIndex as err:
        close_files(err)
        raise damaged(index_dir, str(err).split(" (")[0]) from err
    except ResdexError:
        raise
    except Exception as err:
        if not _from_whoosh(err):
            raise
        close_files(err)
        raise damaged(index_dir, f"{type(err).__name__}: {err}") from err


def close_files(err: BaseException) -> None:
    """Close the files Whoosh had open where it failed (a failed read leaves them to the
    garbage collector, and a long-lived reader would leak them)."""
    import io

    from whoosh.filedb.structfile import StructFile

    tb = err.__traceback__
    while tb is not None:
        for value in list(tb.tb_frame.f_locals.values()):
            if isinstance(value, (io.IOBase, StructFile)):
                with contextlib.suppress(Exception):
                    value.close()
        tb = tb.tb_next
