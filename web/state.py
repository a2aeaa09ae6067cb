"""The index a long-running server reads, reopened when ``resdex index`` publishes anew.

``resdex index`` never changes a published generation: it writes a new one and replaces the
``CURRENT`` pointer (``resdex.search.store``). Where the library has a long-lived reader's
handle (``store.IndexHandle``: it notices a new pointer and keeps old generations on disk
while requests finish on them), the server uses it; else it reads the pointer itself before
each request and reopens the index when it names another generation, and a request that
finds its generation removed gets the new one on its next try (``LiveIndex.refresh``).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from resdex.search import store


class LiveIndex:
    """The published index of ``index_dir``, checked for a new generation at most every
    ``check_every`` seconds (0: on every request)."""

    def __init__(self, index_dir: Path, check_every: float = 0.0) -> None:
        self.index_dir = index_dir
        self.check_every = check_every
        self._lock = threading.Lock()
        self._handle: Any = self._library_handle()
        self._ix: Any = None
        self._generation: Path | None = None
        self._checked = 0.0

    def _library_handle(self) -> Any:
        handle = getattr(store, "IndexHandle", None)
        return handle(self.index_dir, check_every=self.check_every) if handle else None

    @property
    def generation(self) -> Path | None:
        """The folder of the generation last opened."""
        with self._lock:
            return self._generation

    def get(self) -> Any:
        """The open index of the current generation. Raises ``NoIndex`` or ``BadIndex``."""
        if self._handle is not None:
            ix = self._handle.get()
            with self._lock:
                self._generation = Path(ix.storage.folder)
            return ix
        with self._lock:
            now = time.monotonic()
            if self._ix is not None and now - self._checked < self.check_every:
                return self._ix
            generation = store.current_generation(self.index_dir)
            if generation is None:
                raise store.NoIndex(
                    f"no index at {self.index_dir}: run `resdex index PATH` to build one"
                )
            if self._ix is None or generation != self._generation:
                ix = store.open_index(self.index_dir)
                # the generation actually opened (a publication may have come in between)
                self._generation = Path(ix.storage.folder)
                self._ix = ix
            self._checked = now
            return self._ix

    def refresh(self) -> Any:
        """Forget the open index and open the current one."""
        with self._lock:
            self._ix = None
            self._generation = None
            self._handle = self._library_handle()
        return self.get()
