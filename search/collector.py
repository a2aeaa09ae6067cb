"""Python's garbage collector paused while a query runs (``paused``).

A query allocates tens of thousands of container objects that live until it returns (the
rows, units and resolutions of ``cites A/CONF.157/24``: 1,213 resolutions at a million
paragraphs), and the collector, counting allocations, walks them again and again: young
collections every 700, and a full one whenever the survivors outnumber a quarter of the
process's long-lived objects. None of that memory is garbage, and what a query leaves behind
is freed by reference counting (a query makes no reference cycles on purpose). So the
collector is off while a query runs and back on as it was when the last running query ends.
With the 1M index open, ``cites A/CONF.157/24`` took a median of 35.6 ms with the collector
on and 25.2 ms with it off; in ``benchmarks/scale``, cites at 1M went from 1.00× FTS5 to
0.76× (``benchmarks/scale/RESULTS.md``, session 8). Mercurial pauses its collector the same
way around its parsers (``util.nogc``).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import wraps
from typing import ParamSpec, TypeVar

__all__ = ["paused", "while_paused"]

_LOCK = threading.Lock()
_running = 0  # queries running now, in any thread
_was_enabled = False  # the collector's state when the first of them began

P = ParamSpec("P")
R = TypeVar("R")


@contextmanager
def paused() -> Iterator[None]:
    """The collector off inside the block; restored as it was once no other thread is
    inside one either."""
    global _running, _was_enabled
    with _LOCK:
        if _running == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _running += 1
    try:
        yield
    finally:
        with _LOCK:
            _running -= 1
            if _running == 0 and _was_enabled:
                gc.enable()


def while_paused(func: Callable[P, R]) -> Callable[P, R]:
    """``func`` run inside ``paused()``."""

    @wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with paused():
            return func(*args, **kwargs)

    return wrapper
