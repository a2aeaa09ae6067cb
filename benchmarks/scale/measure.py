"""Measuring helpers: wall time and peak memory of a process tree, latency percentiles."""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any


def _children_map() -> dict[int, list[int]]:
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as f:
                stat = f.read()
        except OSError:
            continue
        # "pid (comm) state ppid …": comm may hold spaces and parentheses
        fields = stat[stat.rfind(")") + 2 :].split()
        children.setdefault(int(fields[1]), []).append(int(entry))
    return children


def _kib(pid: int, name: str, key: str) -> int:
    """The KiB a line of ``/proc/PID/NAME`` starting with ``key`` gives (0 where there is
    none, or the process is gone)."""
    try:
        with open(f"/proc/{pid}/{name}", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith(key):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def _rss_kib(pid: int) -> int:
    return _kib(pid, "status", "VmRSS:")


def _pss_kib(pid: int) -> int:
    """A process's proportional set size: its pages, those it shares with others (a forked
    worker with its parent) counted by the share."""
    return _kib(pid, "smaps_rollup", "Pss:")


def _children(pid: int) -> list[int] | None:
    """A process's children as its threads' ``/proc/PID/task/TID/children`` list them (a
    few reads, where scanning every process's ``stat`` takes ~3 ms); None where the kernel
    has no such file."""
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return []  # the process is gone
    found: list[int] = []
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children", encoding="ascii") as f:
                found += map(int, f.read().split())
        except FileNotFoundError:
            if not os.path.exists(f"/proc/{pid}/task/{tid}"):
                continue  # the thread ended meanwhile
            return None
        except OSError:
            continue
    return found


def _tree(root: int) -> list[int]:
    children_map: dict[int, list[int]] | None = None
    pids: list[int] = []
    todo = [root]
    while todo:
        pid = todo.pop()
        pids.append(pid)
        children = _children(pid)
        if children is None:
            if children_map is None:
                children_map = _children_map()
            children = children_map.get(pid, [])
        todo += children
    return pids


def tree_rss_kib(root: int) -> tuple[int, int]:
    """(sum of RSS over ``root`` and its descendants, number of processes), in KiB. RSS
    counts a page shared by two processes twice: the stricter measure."""
    pids = _tree(root)
    return sum(map(_rss_kib, pids)), len(pids)


def tree_pss_kib(root: int) -> int:
    """Sum of PSS over ``root`` and its descendants, in KiB: the memory the tree takes from
    the machine (shared pages counted once)."""
    return sum(map(_pss_kib, _tree(root)))


class TreeSampler(threading.Thread):
    """Samples the summed RSS of a process tree until stopped: the peak of all processes
    alive at once (``ru_maxrss`` only gives the largest single process); and its summed PSS,
    less often.

    A sample must cost the measured run little: the two cores are the build's. The kernel
    walks a process's page tables to sum its PSS, 11 ms for 400 MB; sampling the PSS of the
    1M build's three processes (~1 GB) with the RSS, every 0.25 s, took ~10% of a core (the
    session 7 figures were measured so). RSS is a counter (0.07 ms). So the PSS is sampled
    every ``pss_interval`` seconds, and when the RSS sum reaches a new peak ``PSS_STEP``
    above the one of the last PSS sample (at most every ``interval * 2``): the PSS's peak is
    read within about that step. (Every 2 s and at every new RSS peak: 9.1 CPU s of the 1M
    build's 288 s, the RSS climbing all along.)"""

    PSS_STEP = 1.02

    def __init__(self, pid: int, interval: float = 0.25, pss_interval: float = 5.0) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.interval = interval
        self.pss_interval = pss_interval
        self.peak_kib = 0
        self.peak_processes = 0
        self.peak_pss_kib = 0
        self.samples = self.pss_samples = 0
        self.cpu_seconds = 0.0  # this thread's own: what measuring cost
        self._stop_event = threading.Event()

    def run(self) -> None:
        started = time.thread_time()
        last_pss = -float("inf")
        rss_at_pss = 0  # the RSS sum when the PSS was last sampled
        while not self._stop_event.is_set():
            pids = _tree(self.pid)
            total = sum(map(_rss_kib, pids))
            now = time.monotonic()
            due = now - last_pss >= self.pss_interval
            if total > self.peak_kib:
                self.peak_kib, self.peak_processes = total, len(pids)
                if total > rss_at_pss * self.PSS_STEP:
                    due = due or now - last_pss >= 2 * self.interval
            if due:
                self.peak_pss_kib = max(self.peak_pss_kib, sum(map(_pss_kib, pids)))
                self.pss_samples += 1
                last_pss, rss_at_pss = now, total
            self.samples += 1
            self.cpu_seconds = time.thread_time() - started
            self._stop_event.wait(self.interval)

    def stop(self) -> None:
        self._stop_event.set()
        self.join()


@dataclass(frozen=True, slots=True)
class ProcessRun:
    returncode: int
    seconds: float
    peak_tree_mib: float  # summed RSS of the process tree, sampled
    peak_single_mib: float  # ru_maxrss of the largest process waited for
    cpu_seconds: float = 0.0  # user + system time of the process and its children (waited for)
    peak_tree_pss_mib: float = 0.0  # summed PSS of the process tree, sampled
    sampler_cpu_seconds: float = 0.0  # what sampling the memory took (this process's CPU)


def run_measured(
    argv: Sequence[str],
    *,
    stdout: IO[Any] | int | None,
    stderr: IO[Any] | int | None,
    cwd: Path | None = None,
    env: dict[str, str] | None = None,
) -> ProcessRun:
    """Run ``argv`` to its end, measuring wall time and memory."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    before, cpu_before = usage.ru_maxrss, usage.ru_utime + usage.ru_stime
    start = time.perf_counter()
    proc = subprocess.Popen(argv, stdout=stdout, stderr=stderr, cwd=cwd, env=env)
    sampler = TreeSampler(proc.pid)
    sampler.start()
    returncode = proc.wait()
    seconds = time.perf_counter() - start
    sampler.stop()
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    after = usage.ru_maxrss
    return ProcessRun(
        returncode=returncode,
        seconds=seconds,
        peak_tree_mib=sampler.peak_kib / 1024,
        # ru_maxrss of children is a running maximum: a smaller child leaves it unchanged
        peak_single_mib=(after if after > before else 0) / 1024,
        cpu_seconds=usage.ru_utime + usage.ru_stime - cpu_before,
        peak_tree_pss_mib=sampler.peak_pss_kib / 1024,
        sampler_cpu_seconds=sampler.cpu_seconds,
    )


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


@dataclass(frozen=True, slots=True)
class Latency:
    runs: int
    median_ms: float
    p95_ms: float

    def as_dict(self) -> dict[str, Any]:
        return {"runs": self.runs, "median_ms": self.median_ms, "p95_ms": self.p95_ms}


def latency(samples: Sequence[float]) -> Latency:
    """Median and 95th percentile (inclusive interpolation; the maximum below 20 runs is
    close to it) of durations in seconds."""
    ms = sorted(s * 1000 for s in samples)
    p95 = statistics.quantiles(ms, n=20, method="inclusive")[18] if len(ms) > 1 else ms[0]
    return Latency(len(ms), statistics.median(ms), p95)


def repeat_timed(call: Callable[[], object], repeat: int, budget: float) -> list[float]:
    """Durations of up to ``repeat`` calls, fewer (at least 3) once ``budget`` seconds are
    spent: an all-hits query at a million paragraphs can take many seconds."""
    samples: list[float] = []
    spent = 0.0
    while len(samples) < repeat and (len(samples) < 3 or spent < budget):
        start = time.perf_counter()
        call()
        samples.append(time.perf_counter() - start)
        spent += samples[-1]
    return samples
