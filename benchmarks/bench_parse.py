"""Parsing speed: documents per second over ../shared/corpus/ga-text/ on one core.

    python benchmarks/bench_parse.py [FOLDER] [--repeat N]

Files are read first (read_document, timed apart), then parsed (parse_raw: clean ->
structure, no citations). Aim: 200 documents/s or more, so that parsing is never the
bottleneck of indexing.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from resdex.indexer.parse import parse_raw
from resdex.indexer.sources import read_document

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "ga-text"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    files = sorted(args.folder.glob("*.txt"))
    if not files:
        print(f"no .txt files in {args.folder}")
        return 1
    start = time.perf_counter()
    raws = [read_document(f) for f in files]
    read_s = time.perf_counter() - start
    size = sum(len(r.text) for r in raws)
    print(f"{len(raws)} documents, {size / 1e6:.1f} M characters, read in {read_s:.2f} s")
    best = float("inf")
    best_cpu = float("inf")
    for run in range(1, args.repeat + 1):
        start, start_cpu = time.perf_counter(), time.process_time()
        paragraphs = sum(len(parse_raw(r).paragraphs) for r in raws)
        elapsed = time.perf_counter() - start
        cpu = time.process_time() - start_cpu
        best, best_cpu = min(best, elapsed), min(best_cpu, cpu)
        print(
            f"run {run}: {elapsed:.2f} s wall, {cpu:.2f} s CPU: "
            f"{len(raws) / elapsed:.0f} documents/s wall, "
            f"{len(raws) / cpu:.0f} documents/s CPU, {paragraphs / cpu:.0f} paragraphs/s CPU"
        )
    # CPU time is what one core spends; wall time also counts waiting for a shared core
    print(
        f"best: {len(raws) / best_cpu:.0f} documents per CPU-second on one core "
        f"({len(raws) / best:.0f} documents/s wall; read + parse: "
        f"{len(raws) / (best + read_s):.0f} documents/s wall)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
