"""`resdex index` over ../shared/corpus/ga-text against bare Whoosh over the same files, in
one run.

Bare Whoosh: ``Schema(text=TEXT)`` (the default analyzer, positions, nothing stored), one
document per blank-line chunk of each file, one writer in one process: what a first
attempt with no parsing, no citations and no metadata would do. resdex reads, cleans,
parses, tags citations (spaCy) and writes a richer schema, using both cores.

    /work/venv/bin/python benchmarks/bench_index.py [FOLDER] [--repeat N]

Prints each figure and the ratio resdex / bare of the wall times (issue 13's aim: <= 0.7),
and of the CPU times (what the ratio of wall times tends to on a machine too busy to give
resdex its second core).
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "ga-text"
RESDEX = [sys.executable, "-m", "resdex.cli.main"]


def bare_whoosh(folder: Path, index_dir: Path) -> tuple[float, float, int]:
    """Wall seconds, CPU seconds, chunks indexed."""
    from whoosh.fields import TEXT, Schema
    from whoosh.index import create_in

    started, cpu = time.perf_counter(), time.process_time()
    ix = create_in(str(index_dir), Schema(text=TEXT))
    writer = ix.writer()
    chunks = 0
    for path in sorted(folder.rglob("*.txt")):
        for chunk in re.split(r"\n\s*\n", path.read_text(encoding="utf-8", errors="replace")):
            if chunk.strip():
                writer.add_document(text=chunk)
                chunks += 1
    writer.commit()
    return time.perf_counter() - started, time.process_time() - cpu, chunks


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def resdex_index(folder: Path, index_dir: Path, *extra: str) -> tuple[float, float]:
    """Wall seconds and CPU seconds (every process of the run)."""
    started, cpu = time.perf_counter(), _children_cpu()
    subprocess.run(
        [*RESDEX, "index", str(folder), "--index", str(index_dir), *extra],
        cwd=ROOT,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started, _children_cpu() - cpu


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--workers", type=int, default=0, help="resdex --workers (0: default)")
    args = ap.parse_args()
    if not args.folder.is_dir():
        sys.exit(f"no folder {args.folder}: the shared corpus is absent")
    files = len(list(args.folder.rglob("*.txt")))
    print(f"{files} files in {args.folder}, {os.cpu_count()} cores")
    extra = ("--workers", str(args.workers)) if args.workers else ()
    for round_ in range(1, args.repeat + 1):
        with tempfile.TemporaryDirectory() as tmp:
            bare_dir, res_dir = Path(tmp) / "bare", Path(tmp) / "resdex"
            bare_dir.mkdir()
            bare, bare_cpu, chunks = bare_whoosh(args.folder, bare_dir)
            ours, ours_cpu = resdex_index(args.folder, res_dir, *extra)
            again, _cpu = resdex_index(args.folder, res_dir, *extra)
            shutil.rmtree(bare_dir)
        print(
            f"round {round_}: bare Whoosh {bare:6.1f} s ({chunks} chunks)   "
            f"resdex index {ours:6.1f} s   ratio {ours / bare:4.2f}   "
            f"(re-run, all skipped: {again:4.1f} s)\n"
            f"         CPU time: bare Whoosh {bare_cpu:6.1f} s   resdex index {ours_cpu:6.1f} s "
            f"(both cores' sum)   ratio {ours_cpu / bare_cpu:4.2f}"
        )


if __name__ == "__main__":
    main()
