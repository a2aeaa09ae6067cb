"""Before/after of ``viewfile.apply()`` (no copy of the index when a reader opens it).

    python -m benchmarks.scale.experiment_open --index WORK/index [--repeat 5]

For each query: *cold*, a fresh process running the real CLI (``cli.main.main``) with and
without the fix applied first, wall time and peak RSS; *warm*, the CLI path repeated in one
process (typer's ``CliRunner``, which opens the index on every call), before then after
applying the fix. The JSON output must be the same with and without the fix.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

from benchmarks.scale.measure import run_measured

ROOT = Path(__file__).resolve().parents[2]
QUERIES = (
    (
        "rare phrase",
        ["search", "--limit", "10", '"inadmissibility of the acquisition of territory by war"'],
    ),
    ("common phrase", ["search", "--limit", "10", '"human rights"']),
    ("verb + phrase, all", ["search", "--limit", "0", "--verb", "urges", '"human rights"']),
    ("cites", ["cites", "A/CONF.157/24"]),
)
RUN_CLI = (
    "import sys\n"
    "if sys.argv[1] == 'fixed':\n"
    "    from benchmarks.scale.viewfile import apply\n"
    "    apply()\n"
    "sys.argv = ['resdex', *sys.argv[2:]]\n"
    "from cli.main import main\n"
    "main()\n"
)


def cli_args(index: Path, args: list[str]) -> list[str]:
    return [args[0], "--index", str(index), "--json", *args[1:]]


def cold(index: Path, args: list[str], mode: str, repeat: int) -> tuple[float, float, str]:
    """(median seconds, max peak RSS MiB, output of the first run)."""
    argv = [sys.executable, "-c", RUN_CLI, mode, *cli_args(index, args)]
    out = subprocess.run(argv, capture_output=True, text=True, cwd=ROOT, check=True).stdout
    times, peaks = [], []
    for _ in range(repeat):
        run = run_measured(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, cwd=ROOT)
        times.append(run.seconds)
        peaks.append(run.peak_tree_mib)
    return statistics.median(times), max(peaks), out


def warm(index: Path, args: list[str], repeat: int) -> tuple[float, str]:
    from typer.testing import CliRunner

    from cli.main import app

    runner = CliRunner()
    out = runner.invoke(app, cli_args(index, args)).stdout
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        runner.invoke(app, cli_args(index, args))
        times.append(time.perf_counter() - start)
    return statistics.median(times), out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    print(f"index {args.index}")
    print(
        "| query | cold before, ms | cold after, ms | × | peak RSS before, MiB "
        "| after, MiB | warm before, ms | warm after, ms | × |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    rows = []
    for name, query in QUERIES:
        cb, mb, out_b = cold(args.index, query, "plain", args.repeat)
        ca, ma, out_a = cold(args.index, query, "fixed", args.repeat)
        if out_a != out_b:
            raise SystemExit(f"{name}: the fix changes the output")
        rows.append([name, cb, ca, mb, ma])
    # warm: before in this process, then the fix, then after (the fix cannot be undone)
    from benchmarks.scale.viewfile import apply

    for row, (_name, query) in zip(rows, QUERIES, strict=True):
        row.append(warm(args.index, query, args.repeat)[0])
    apply()
    for row, (_name, query) in zip(rows, QUERIES, strict=True):
        row.append(warm(args.index, query, args.repeat)[0])
    for name, cb, ca, mb, ma, wb, wa in rows:
        print(
            f"| {name} | {cb * 1000:,.0f} | {ca * 1000:,.0f} | {cb / ca:.2f}× | {mb:,.0f} "
            f"| {ma:,.0f} | {wb * 1000:,.0f} | {wa * 1000:,.0f} | {wb / wa:.2f}× |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
