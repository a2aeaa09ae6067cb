"""``precedents``, ``diff`` and ``lineage`` in one process over an index of the shared corpus.

    .venv/bin/python benchmarks/bench_across.py --index DIR [--runs N]

DIR: an index of ``../shared/corpus`` (``resdex index ../shared/corpus --index DIR``; with
``corpus/`` added for the five sessions). Times, warm (the index opened, each call made once
before timing), the median of N runs of:
  precedents  of A/C.1/80/L.51 (60 paragraphs; parse included, without citations)
  diff        A/RES/78/152 -> A/RES/79/205 (disaster risk reduction, 105 and 100 paragraphs)
  diff-one    A/RES/79/205 alone (its lineage found, then the diff)
  lineage     A/RES/80/204
and prints them with the aims (precedents under 3 s warm; diff under 0.5 s beyond start-up).
The cold start of ``python -m resdex`` is not counted (see bench_startup.py).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "corpus"
DRAFT = "ga-drafts/A_C.1_80_L.51.txt"
OLD, NEW = "A/RES/78/152", "A/RES/79/205"


def timed(call: Callable[[], Any], runs: int) -> tuple[float, Any]:
    result = call()  # warm: first call not counted
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = call()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", type=Path, default=os.environ.get("RESDEX_INDEX"))
    ap.add_argument("--corpus", type=Path, default=SHARED)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if args.index is None:
        ap.error("--index DIR (an index of the shared corpus) is needed")

    from resdex.indexer.pipeline import parse_path
    from resdex.search.diff import diff
    from resdex.search.engine import open_reader
    from resdex.search.lineage import lineage
    from resdex.search.precedents import precedents

    index = open_reader(args.index)
    draft = args.corpus / DRAFT

    def run_precedents() -> Any:
        return precedents(index, parse_path(draft, citations=False), file=str(draft))

    t_prec, prec = timed(run_precedents, args.runs)
    t_diff, d = timed(lambda: diff(index, OLD, NEW), args.runs)
    t_one, _ = timed(lambda: diff(index, NEW), args.runs)
    t_lin, lin = timed(lambda: lineage(index, "A/RES/80/204"), args.runs)

    n = len(prec.paragraphs)
    print(f"warm, median of {args.runs} runs, index {args.index}")
    print(
        f"  precedents {DRAFT}: {n} paragraphs, {t_prec:.3f} s "
        f"({t_prec / max(n, 1) * 1000:.1f} ms a paragraph; aim < 3 s: "
        f"{'met' if t_prec < 3 else 'NOT met'})"
    )
    sizes = f"{sum(1 for p in d.paragraphs if p.old)} -> {sum(1 for p in d.paragraphs if p.new)}"
    print(
        f"  diff {OLD} -> {NEW} ({sizes} paragraphs): {t_diff:.3f} s "
        f"(aim < 0.5 s: {'met' if t_diff < 0.5 else 'NOT met'})"
    )
    print(f"  diff {NEW} (lineage, then diff): {t_one:.3f} s")
    print(f"  lineage A/RES/80/204 ({len(lin.versions)} versions): {t_lin:.3f} s")


if __name__ == "__main__":
    main()
