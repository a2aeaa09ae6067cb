"""Load on `resdex serve`, on the loopback address only: concurrent clients, a bounded number
of search requests, a bounded time; every request must be answered.

    .venv/bin/python benchmarks/bench_web_load.py --index /tmp/ix-of-shared-corpus
        [--clients 20] [--requests 200] [--workers N] [--page] [--query '"human rights"' ...]

Starts `resdex serve --port 0` on 127.0.0.1, waits for it to answer, then runs CLIENTS
threads that share REQUESTS requests (the queries in turn), each with a 60 s timeout, the
whole run with a 600 s deadline. Prints the startup time, the statuses, and the latency
p50 / p95 / max (aim: p95 under 1 s for a common phrase), and stops the server with Ctrl-C.
"""

from __future__ import annotations

import argparse
import http.client
import ipaddress
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections import Counter
from pathlib import Path
from urllib.parse import urlencode, urlsplit

COMMON = ['"human rights"', '"international cooperation"', '"sustainable development"']
PER_REQUEST = 60.0  # seconds
DEADLINE = 600.0  # seconds for the whole run


def start(index: Path, workers: int) -> tuple[subprocess.Popen[str], str, float]:
    started = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "resdex",
            "serve",
            "--index",
            str(index),
            "--port",
            "0",
            "--workers",
            str(workers),
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if "http://" not in line:
        proc.kill()
        raise SystemExit(f"resdex serve did not start: {line!r}")
    url = "http://" + line.split("http://", 1)[1].split()[0]
    host = urlsplit(url).hostname or ""
    if not ipaddress.ip_address(host).is_loopback:  # never load anything but this machine
        proc.kill()
        raise SystemExit(f"refusing to load {host}: not a loopback address")
    status, _ = get(url, "/api/status")
    if status != 200:
        proc.kill()
        raise SystemExit(f"resdex serve answered {status}")
    return proc, url, time.perf_counter() - started


def get(url: str, path: str) -> tuple[int, float]:
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=PER_REQUEST)
    t = time.perf_counter()
    try:
        conn.request("GET", path)
        response = conn.getresponse()
        response.read()
        return response.status, time.perf_counter() - t
    finally:
        conn.close()


def run(url: str, paths: list[str], clients: int) -> tuple[list[float], Counter[str]]:
    latencies: list[float] = []
    statuses: Counter[str] = Counter()
    lock = threading.Lock()
    next_one = iter(range(len(paths)))
    deadline = time.monotonic() + DEADLINE

    def client() -> None:
        while time.monotonic() < deadline:
            with lock:
                i = next(next_one, None)
            if i is None:
                return
            try:
                status, seconds = get(url, paths[i])
            except OSError as err:
                with lock:
                    statuses[type(err).__name__] += 1
                continue
            with lock:
                statuses[str(status)] += 1
                latencies.append(seconds)

    threads = [threading.Thread(target=client, daemon=True) for _ in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(max(deadline - time.monotonic(), 0) + PER_REQUEST)
    return latencies, statuses


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", type=Path, required=True)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--query", action="append", help=f"default: {' '.join(COMMON)}")
    ap.add_argument("--page", action="store_true", help="the /search page, not /api/search")
    ap.add_argument("--workers", type=int, default=1, help="resdex serve --workers")
    args = ap.parse_args()
    queries = args.query or COMMON
    route = "/search" if args.page else "/api/search"
    paths = [f"{route}?{urlencode({'q': queries[i % len(queries)]})}" for i in range(args.requests)]
    proc, url, startup = start(args.index, args.workers)
    try:
        began = time.perf_counter()
        latencies, statuses = run(url, paths, args.clients)
        wall = time.perf_counter() - began
    finally:
        proc.send_signal(signal.SIGINT)
        proc.wait(30)
    answered = sum(n for s, n in statuses.items() if s.isdigit())
    print(f"resdex serve at {url}: answering after {startup:.2f} s")
    print(
        f"{args.clients} clients, {args.requests} requests of {route} ({', '.join(queries)}), "
        f"{args.workers} worker{'s' if args.workers > 1 else ''}"
    )
    print(f"  answered {answered}/{args.requests}; statuses {dict(sorted(statuses.items()))}")
    if latencies:
        print(
            f"  latency p50 {statistics.median(latencies) * 1000:.0f} ms, "
            f"p95 {percentile(latencies, 0.95) * 1000:.0f} ms, max {max(latencies) * 1000:.0f} ms; "
            f"{len(latencies) / wall:.1f} requests/s over {wall:.1f} s"
        )
        print(f"  ratio p95 / 1 s target: {percentile(latencies, 0.95):.2f}")
    if answered != args.requests:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
