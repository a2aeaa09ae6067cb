"""The index a long-running server reads, reopened when ``resdex index`` publishes anew.

``resdex index`` never changes a published generation: it writes a new one and replaces the
``CURRENT`` pointer (``resdex.search.store``). The server holds the index through the
library's long-lived reader (``resdex.search.engine.held_reader``, over
``store.IndexHandle``: it notices a new pointer and keeps old generations on disk while
requests finish on them); a request that finds its generation removed gets the new one on
its next try (``LiveIndex.refresh``).
"""

from __future__ import annotations

import threading
from pathlib import Path

from resdex.search.engine import HeldReader, Reader, held_reader


class LiveIndex:
    """The published index of ``index_dir``, checked for a new generation at most every
    ``check_every`` seconds (0: on every request)."""

    def __init__(self, index_dir: Path, check_every: float = 0.0) -> None:
        self.index_dir = index_dir
        self.check_every = check_every
        self._lock = threading.Lock()
        self._held: HeldReader = held_reader(index_dir, check_every)
        self._generation: Path | None = None

    @property
    def generation(self) -> Path | None:
        """The folder of the generation last opened."""
        with self._lock:
            return self._generation

    def get(self) -> Reader:
        """A reader of the current generation. Raises ``NoIndex`` or ``BadIndex``."""
        with self._lock:
            held = self._held
        reader = held.get()
        name = reader.generation()
        with self._lock:
            self._generation = self.index_dir / name if name else None
        return reader

    def refresh(self) -> Reader:
        """Forget the open index and open the current one."""
        with self._lock:
            self._held = held_reader(self.index_dir, self.check_every)
        return self.get()
