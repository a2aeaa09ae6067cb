"""An index folder (``resdex.search.store``: generations behind ``CURRENT``) held by a
long-lived reader that moves to each new generation (``store.IndexHandle``); one question
or one run opens it with ``resdex.search.engine.open_reader``."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from resdex.search.whoosh_engine.reader import WhooshReader


class HeldFolder:
    """``resdex.search.engine.HeldReader`` over ``store.IndexHandle``: a new reader when the
    handle opens a new generation; the reader given out holds its index, so a question
    started on a generation finishes on it. Thread-safe."""

    def __init__(self, index_dir: Path, *, check_every: float = 1.0) -> None:
        from resdex.search.store import IndexHandle

        self._handle = IndexHandle(index_dir, check_every=check_every)
        self._lock = threading.Lock()
        self._ix: Any = None
        self._reader: WhooshReader | None = None

    def get(self) -> WhooshReader:
        ix = self._handle.get()
        with self._lock:
            if self._reader is None or ix is not self._ix:
                self._ix, self._reader = ix, WhooshReader(ix, keep=True)
            return self._reader
