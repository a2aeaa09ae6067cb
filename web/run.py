"""Queries off the event loop, a few at a time, each with a time cap.

Whoosh cannot be interrupted, so the cap is on the answer: a query still running after
``seconds`` gets a 503 while its thread finishes in the background. At most ``workers``
queries run at once (a thread waits for a slot only as long as its request's time lasts), so
slow queries cannot pile up and hold the server.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TypeVar

import anyio
import anyio.to_thread

from resdex.indexer.errors import ResdexError

T = TypeVar("T")

QUERY_SECONDS = 10.0
WORKERS = 4


class Overloaded(ResdexError):
    """The query did not finish (or start) within the time cap."""


class Runner:
    def __init__(self, seconds: float = QUERY_SECONDS, workers: int = WORKERS) -> None:
        self.seconds = seconds
        self._slots = threading.BoundedSemaphore(workers)
        self._threads = anyio.CapacityLimiter(workers * 4)

    async def __call__(self, fn: Callable[[], T]) -> T:
        deadline = time.monotonic() + self.seconds

        def work() -> T:
            if not self._slots.acquire(timeout=max(deadline - time.monotonic(), 0.0)):
                raise Overloaded("the server is busy; try again in a moment")
            try:
                return fn()
            finally:
                self._slots.release()

        with anyio.move_on_after(self.seconds):
            return await anyio.to_thread.run_sync(
                work, abandon_on_cancel=True, limiter=self._threads
            )
        raise Overloaded(
            f"the query took longer than {self.seconds:g} s; narrow it (a phrase, a filter)"
        )
