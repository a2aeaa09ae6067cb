"""A small load on `resdex serve` over loopback: 20 concurrent clients, 60 search requests,
every one answered 200 (bounded in count and time; the figures come from
benchmarks/bench_web_load.py over the shared corpus)."""

from __future__ import annotations

import threading
import urllib.request
from pathlib import Path
from urllib.parse import urlencode, urlsplit

from webindex import start, stop

CLIENTS = 20
REQUESTS = 60
QUERIES = ['"international cooperation"', "rights", "human AND rights", "Emphasizes"]


def test_twenty_clients_all_answered(web_index: Path) -> None:
    server = start(web_index)
    assert urlsplit(server.url).hostname == "127.0.0.1"
    statuses: list[int] = []
    lock = threading.Lock()
    work = iter(range(REQUESTS))

    def client() -> None:
        while True:
            with lock:
                i = next(work, None)
            if i is None:
                return
            path = ("api/search?" if i % 2 else "search?") + urlencode(
                {"q": QUERIES[i % len(QUERIES)]}
            )
            try:
                with urllib.request.urlopen(server.url + path, timeout=60) as r:
                    status = int(r.status)
            except OSError as err:
                status = getattr(err, "code", -1)
            with lock:
                statuses.append(status)

    try:
        threads = [threading.Thread(target=client, daemon=True) for _ in range(CLIENTS)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
    finally:
        code, _, err = stop(server)
    assert statuses == [200] * REQUESTS
    assert code == 0 and "Traceback" not in err
