"""The CPU-heavy half of ``resdex index``: file -> Resolution with citations -> index
documents, run in worker processes (one spaCy pipeline each) or in-process for a few files.

Importing this module imports neither spaCy nor the parser; ``prepare`` does.
"""

from __future__ import annotations

import contextlib
import ctypes
import dataclasses
import signal
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from indexer.errors import ResdexError
from search.documents import IndexDoc, index_documents

_NLP: Any = None


@dataclass(frozen=True, slots=True)
class Parsed:
    """What a worker sends back for one file: its index documents, or why it was refused."""

    path: str
    sha: str
    symbol: str | None = None
    docs: tuple[IndexDoc, ...] = ()
    paragraphs: int = 0
    footnotes: int = 0
    refused: str | None = None  # one-line reason


def prepare() -> None:
    """Build this process's spaCy pipeline once (and the parser's imports with it)."""
    global _NLP
    if _NLP is None:
        from indexer.nlp import build_pipeline

        _NLP = build_pipeline()


def init_worker() -> None:
    """Pool initializer: die with the parent (a killed ``resdex index`` leaves no orphans),
    leave Ctrl-C to the parent, then build the pipeline."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with contextlib.suppress(OSError, AttributeError):  # Linux: PR_SET_PDEATHSIG = 1
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)
    prepare()


def _reason(path: str, err: BaseException) -> str:
    message = " ".join(str(err).split()) or type(err).__name__
    return message.removeprefix(f"{path}: ").removeprefix(f"{Path(path).name}: ")


def parse_file(job: tuple[str, str]) -> Parsed:
    """One file, read -> parsed -> citations tagged -> index documents."""
    path, sha = job
    prepare()
    from indexer.pipeline import parse_path

    try:
        res = parse_path(path, nlp=_NLP)
    except ResdexError as err:
        return Parsed(path, sha, refused=_reason(path, err))
    except Exception as err:  # a parser bug must not sink the other files of the run
        return Parsed(path, sha, refused=f"internal error: {type(err).__name__}: {err}")
    res = dataclasses.replace(res, source=None)
    stored_path = str(Path(path).resolve())
    return Parsed(
        path,
        sha,
        symbol=res.meta.symbol,
        docs=tuple(index_documents(res, sha, stored_path)),
        paragraphs=len(res.paragraphs),
        footnotes=len(res.footnotes),
    )
