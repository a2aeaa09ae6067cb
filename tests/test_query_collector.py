"""The collector paused while a query runs (``resdex.search.collector``): off inside, back
as it was after, however the queries nest or overlap across threads."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from resdex.search.collector import paused, while_paused


@pytest.fixture(autouse=True)
def collector_restored() -> Iterator[None]:
    was = gc.isenabled()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.parametrize("enabled", [True, False])
def test_off_inside_and_as_it_was_after(enabled: bool) -> None:
    if enabled:
        gc.enable()
    else:
        gc.disable()
    with paused():
        assert not gc.isenabled()
        with paused():  # a query inside a query (lineage calls search)
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled() is enabled


def test_restored_after_an_error() -> None:
    gc.enable()

    @while_paused
    def failing() -> None:
        raise ValueError("a bad query")

    with pytest.raises(ValueError, match="a bad query"):
        failing()
    assert gc.isenabled()


def test_back_on_only_when_the_last_of_two_threads_ends() -> None:
    gc.enable()
    inside, release = threading.Event(), threading.Event()

    def query() -> None:
        with paused():
            inside.set()
            release.wait(10)

    other = threading.Thread(target=query)
    other.start()
    assert inside.wait(10)
    with paused():
        pass
    assert not gc.isenabled()  # the other thread's query still runs
    release.set()
    other.join(10)
    assert gc.isenabled()
