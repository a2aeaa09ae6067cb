"""Cold start of `resdex search` against the bare imports it cannot avoid, in one run.

    .venv/bin/python benchmarks/bench_startup.py [--runs N] [--index DIR]

Times, interleaved, N runs of each:
  baseline  python -c "import typer, whoosh.index, whoosh.qparser"
  search    resdex search '"universal periodic review"' --index <index of corpus/>
  common    resdex search '"human rights"' --limit 10 --index <same>
  by        resdex search '"human rights"' --by session --index <same>
  cites     resdex cites A/CONF.157/24 --index <same>
and prints the medians and the ratios to the baseline (aim: search and common <= 1.5x).
``--index``: an index already built (the shared corpus's: issue 13 measures "common" on
it) instead of a fresh one of ``corpus/``.

Every child runs with Python's bytecode cache allowed (``PYTHONDONTWRITEBYTECODE`` removed
from its environment), as an installed ``resdex`` runs: where that variable is set (some
sandboxes set it), every resdex module would otherwise be compiled from source on every run,
about 80 ms that no user pays. The warm-up round writes the cache.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESDEX = Path(sys.executable).with_name("resdex")
ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def timed(argv: list[str]) -> float:
    started = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, cwd=ROOT, env=ENV)
    return time.perf_counter() - started


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=15)
    ap.add_argument("--index", type=Path, help="an index already built")
    args = ap.parse_args()
    resdex = [str(RESDEX)] if RESDEX.exists() else [sys.executable, "-m", "resdex.cli.main"]
    with tempfile.TemporaryDirectory() as tmp:
        index = str(args.index or Path(tmp) / "index")
        if args.index is None:
            subprocess.run(
                [*resdex, "index", str(ROOT / "corpus"), "--index", index],
                check=True,
                stdout=subprocess.DEVNULL,
            )
        common = [*resdex, "search", '"human rights"', "--index", index]
        commands = {
            "baseline": [sys.executable, "-c", "import typer, whoosh.index, whoosh.qparser"],
            "search": [*resdex, "search", '"universal periodic review"', "--index", index],
            "common": [*common, "--limit", "10"],
            "by": [*common, "--by", "session"],
            "cites": [*resdex, "cites", "A/CONF.157/24", "--index", index],
        }
        times: dict[str, list[float]] = {name: [] for name in commands}
        for argv in commands.values():  # warm the file and bytecode caches once
            timed(argv)
        for _ in range(args.runs):
            for name, argv in commands.items():
                times[name].append(timed(argv))
    base = statistics.median(times["baseline"])
    print(f"{args.runs} runs each, interleaved; medians")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:<9} {median * 1000:7.1f} ms   ratio {median / base:4.2f}")


if __name__ == "__main__":
    main()
