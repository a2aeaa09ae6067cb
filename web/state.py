"""The index a long-running server reads, reopened when ``resdex index`` publishes anew.

``resdex index`` never changes a published generation: it writes a new one and replaces the
``CURRENT`` pointer (``resdex.search.store``). The server keeps one open index and, before a
request uses it, reads the pointer (one small file) and reopens the index when it names
another generation. Old generations are removed two publications later; a request that
finds its generation gone gets the new one on its next try (``LiveIndex.refresh``).
"""

from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import Any

from resdex.search.store import NoIndex, current_generation, open_index


class LiveIndex:
    """The published index of ``index_dir``, checked for a new generation at most every
    ``check_every`` seconds (0: on every request)."""

    def __init__(self, index_dir: Path, check_every: float = 0.0) -> None:
        self.index_dir = index_dir
        self.check_every = check_every
        self._lock = threading.Lock()
        self._ix: Any = None
        self._generation: Path | None = None
        self._checked = 0.0
        self.reopened = 0  # how many times a new generation was picked up (for tests)

    @property
    def generation(self) -> Path | None:
        return self._generation

    def get(self) -> Any:
        """The open index of the current generation. Raises ``NoIndex`` or ``BadIndex``."""
        with self._lock:
            now = time.monotonic()
            if self._ix is not None and now - self._checked < self.check_every:
                return self._ix
            generation = current_generation(self.index_dir)
            if generation is None:
                raise NoIndex(f"no index at {self.index_dir}: run `resdex index PATH` to build one")
            if self._ix is None or generation != self._generation:
                ix = open_index(self.index_dir)
                # the generation actually opened (a publication may have come in between)
                self._generation = Path(ix.storage.folder)
                if self._ix is not None:
                    self.reopened += 1
                self._ix = ix
            self._checked = now
            return self._ix

    def refresh(self) -> Any:
        """Forget the open index and open the current one."""
        with self._lock:
            self._ix = None
            self._generation = None
        return self.get()
