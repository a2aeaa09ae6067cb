"""Index a grown corpus with ``resdex index`` and with SQLite FTS5; time both, query both.

    python -m benchmarks.scale.run --grown /work/scale-data/p100k --work /work/scale-data/run-p100k

Writes ``WORK/results.json`` (read by ``benchmarks.scale.report``) and prints a summary.
``WORK/index`` (the resdex index) and ``WORK/fts5.db`` are rebuilt on every run.

What is measured:

- build: wall time of ``resdex index --index WORK/index GROWN`` (the real CLI, parse and
  citation tagging included), paragraphs per second, bytes on disk against the raw text,
  peak memory (the summed RSS of its process tree, sampled every 0.25 s, which the aim is
  judged by; the summed PSS beside it, shared pages counted once; and the largest single
  process's ``ru_maxrss``); then the wall time of ``resdex index`` adding 10 new
  resolutions to (a hard-linked copy of) that index. FTS5: wall time of a child process
  that loads the parsed rows (parse of the real corpus, renumbered per copy) and inserts
  them; its insert time alone is reported too, since FTS5 does not parse.
- queries, each with ``--limit 10`` and ``--limit 0`` (all hits):
  *warm* = repeated in one Python process through the same code path as the CLI (typer's
  ``CliRunner`` invoking the app that ``resdex ARGS`` runs, ``resdex.cli.main.app_for(ARGS)``:
  open the index, search, render the JSON);
  *warm, index open* = ``resdex.search.query.search``/``cites`` on an index opened once (what a
  long-running service would do); *cold* = a fresh ``resdex`` process each time (Python
  start, imports, open, search, JSON to /dev/null; the OS page cache is warm).
  FTS5 alike: warm = one open connection; cold = a fresh ``python -m
  benchmarks.scale.fts5 query`` process each time.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.scale import fts5
from benchmarks.scale.grow import Planned, grown_path, read_manifest, write_corpus
from benchmarks.scale.measure import folder_bytes, latency, repeat_timed, run_measured

ROOT = Path(__file__).resolve().parents[2]
RESDEX = str(Path(sys.executable).with_name("resdex"))
FTS5 = [sys.executable, "-m", "benchmarks.scale.fts5"]  # the reference's command line


@dataclass(frozen=True, slots=True)
class QuerySpec:
    name: str
    phrase: str | None = None  # a search: this phrase, quoted
    verb: str | None = None  # … filtered on this operative verb
    target: str | None = None  # a cites lookup of this canonical symbol
    by: str | None = None  # counts per group over every match (--by), no hits

    def resdex_args(self, index: Path, limit: int | None) -> list[str]:
        if self.target is not None:
            return ["cites", "--index", str(index), "--json", self.target]
        if self.by is not None:
            return ["search", "--index", str(index), "--json", "--by", self.by, f'"{self.phrase}"']
        args = ["search", "--index", str(index), "--json", "--limit", str(limit)]
        if self.verb:
            args += ["--verb", self.verb]
        return [*args, f'"{self.phrase}"']

    def fts5_args(self, db: Path, limit: int | None) -> list[str]:
        if self.target is not None:
            return ["--db", str(db), "--cites", self.target]
        if self.by is not None:
            return ["--db", str(db), "--phrase", str(self.phrase), "--by", self.by]
        args = ["--db", str(db), "--phrase", str(self.phrase), "--limit", str(limit)]
        return args + (["--verb", self.verb] if self.verb else [])


# Hit counts in the real corpus (62,387 paragraphs, 13,926 footnotes): the rare phrase is
# in 2 units (S/RES/242 (1967) and one more), "human rights" in 4,838, "urges" + "human
# rights" in 258; A/CONF.157/24 (the Vienna Declaration, not renumbered: every copy cites
# it) is cited by 128 units of 81 resolutions.
QUERIES = (
    QuerySpec("rare phrase", phrase="inadmissibility of the acquisition of territory by war"),
    QuerySpec("common phrase", phrase="human rights"),
    QuerySpec("common phrase by session", phrase="human rights", by="session"),
    QuerySpec("verb + phrase", phrase="human rights", verb="urges"),
    QuerySpec("cites", target="A/CONF.157/24"),
)
LIMITS = (10, 0)


def _limits(spec: QuerySpec) -> tuple[int | None, ...]:
    return (None,) if spec.target is not None or spec.by is not None else LIMITS


def code_fingerprint() -> str:
    """A digest of ``indexer/``, ``search/`` and ``cli/`` as they are when the run starts
    (the modules change while the team works: results of two runs compare only alike)."""
    digest = hashlib.sha256()
    for package in ("indexer", "search", "cli"):
        for source in sorted((ROOT / package).glob("*.py")):
            digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:12]


# A line of ``resdex index`` output: "added  A/RES/79/166  PATH  (32 paragraphs, 6 footnotes)"
_INDEXED = re.compile(r"^(added|replaced)\s.*\((\d+) paragraphs?, (\d+) footnotes?\)\s*$")
_REFUSED = re.compile(r"^refused\s")


def indexed_counts(log: Path) -> dict[str, int]:
    """Files, paragraphs and footnotes ``resdex index`` says it indexed, files refused."""
    counts = {"files_indexed": 0, "paragraphs": 0, "footnotes": 0, "refused": 0}
    for line in log.read_text(encoding="utf-8", errors="replace").splitlines():
        found = _INDEXED.match(line)
        if found:
            counts["files_indexed"] += 1
            counts["paragraphs"] += int(found.group(2))
            counts["footnotes"] += int(found.group(3))
        elif _REFUSED.match(line):
            counts["refused"] += 1
    return counts


def build_resdex(grown: Path, index: Path, log: Path) -> dict[str, Any]:
    if index.exists():
        shutil.rmtree(index)
    with log.open("w", encoding="utf-8") as sink:
        run = run_measured(
            [RESDEX, "index", "--verbose", "--index", str(index), str(grown)],
            stdout=sink,
            stderr=sink,
        )
    return {
        "returncode": run.returncode,
        "seconds": run.seconds,
        "peak_tree_mib": run.peak_tree_mib,
        "peak_tree_pss_mib": run.peak_tree_pss_mib,
        "peak_single_mib": run.peak_single_mib,
        "cpu_seconds": run.cpu_seconds,
        "sampler_cpu_seconds": run.sampler_cpu_seconds,
        "bytes": folder_bytes(index) if index.exists() else 0,
        "log": str(log),
    } | indexed_counts(log)


def build_fts5(grown: Path, db: Path, log: Path) -> dict[str, Any]:
    out = log.with_suffix(".json")
    with out.open("w", encoding="utf-8") as sink, log.open("w", encoding="utf-8") as err:
        argv = [*FTS5, "build", "--grown", str(grown), "--db", str(db)]
        run = run_measured(argv, stdout=sink, stderr=err, cwd=ROOT)
    times = json.loads(out.read_text(encoding="utf-8")) if run.returncode == 0 else {}
    return {
        "returncode": run.returncode,
        "seconds": run.seconds,
        "insert_seconds": times.get("insert_seconds"),
        "load_seconds": times.get("load_seconds"),
        "rows": times.get("rows"),
        "peak_tree_mib": run.peak_tree_mib,
        # its own ru_maxrss: the children's running maximum already holds resdex's
        "peak_single_mib": times.get("maxrss_mib"),
        "bytes": db.stat().st_size if db.exists() else 0,
    }


# new resolutions added to the built index (issue 13: at most 10 s at 1M paragraphs)
ADDED_FILES = 10


def add_new_documents(
    grown: Path, index: Path, work: Path, count: int = ADDED_FILES
) -> dict[str, Any]:
    """Time ``resdex index`` adding ``count`` new resolutions to the built index: the first
    files of copy 0 renumbered as one more copy (new symbols, new content), indexed into a
    copy of the index made of hard links (a published generation is never written in
    place), removed afterwards."""
    manifest = read_manifest(grown)
    copy = manifest["copies"]  # the first copy the grown corpus does not hold
    entries = [e for e in manifest["entries"] if e[0] == 0][:count]
    planned = [Planned(copy, e[1], grown_path(e[1], copy), e[3], e[4]) for e in entries]
    new, target, log = work / "new-documents", work / "index-plus", work / "add.log"
    for folder in (new, target):
        shutil.rmtree(folder, ignore_errors=True)
    write_corpus(Path(manifest["corpus"]), new, planned)
    shutil.copytree(index, target, copy_function=os.link)
    try:
        with log.open("w", encoding="utf-8") as sink:
            argv = [RESDEX, "index", "--verbose", "--index", str(target), str(new)]
            run = run_measured(argv, stdout=sink, stderr=sink)
    finally:
        shutil.rmtree(target, ignore_errors=True)
        shutil.rmtree(new, ignore_errors=True)
    return {
        "files": len(planned),
        "returncode": run.returncode,
        "seconds": run.seconds,
        "cpu_seconds": run.cpu_seconds,
        "peak_tree_mib": run.peak_tree_mib,
    } | indexed_counts(log)


def _counts(result: dict[str, Any]) -> dict[str, int]:
    if "citing" in result:
        citing = result["citing"]
        units = sum(len(c.get("paragraphs") or c.get("units") or ()) for c in citing)
        return {"resolutions": len(citing), "units": units}
    return {"total": result["total"], "resolutions": result["resolutions"]}


def _cold(argv: list[str], repeat: int, budget: float) -> list[float]:
    def call() -> None:
        done = subprocess.run(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(argv)} failed: {done.stderr.decode()[-500:]}")

    return repeat_timed(call, repeat, budget)


def query_resdex(
    spec: QuerySpec, index: Path, limit: int | None, repeat: int, cold_repeat: int, budget: float
) -> dict[str, Any]:
    from typer.testing import CliRunner

    from resdex.cli.main import app_for
    from resdex.search.engine import open_reader
    from resdex.search.query import SearchRequest, cites, search

    runner = CliRunner()
    args = spec.resdex_args(index, limit)

    def warm() -> str:
        result = runner.invoke(app_for(args), args)  # as ``resdex ARGS`` (cli.main.main)
        if result.exit_code != 0:
            raise RuntimeError(f"resdex {' '.join(args)}: {result.output[-500:]}")
        return result.stdout

    counts = _counts(json.loads(warm()))  # also the warm-up run
    warm_samples = repeat_timed(warm, repeat, budget)
    ix = open_reader(index)
    call: Callable[[], object]
    if spec.target is not None:
        target = spec.target
        call = lambda: cites(ix, target)  # noqa: E731
    else:
        request = SearchRequest(
            query=f'"{spec.phrase}"', verb=spec.verb, limit=limit or 0, by=spec.by
        )
        call = lambda: search(ix, request)  # noqa: E731
    call()
    open_samples = repeat_timed(call, repeat, budget)
    cold_samples = _cold([RESDEX, *args], cold_repeat, budget)
    return counts | {
        "warm": latency(warm_samples).as_dict(),
        "warm_open": latency(open_samples).as_dict(),
        "cold": latency(cold_samples).as_dict(),
    }


def query_fts5(
    spec: QuerySpec, db: Path, limit: int | None, repeat: int, cold_repeat: int, budget: float
) -> dict[str, Any]:
    import sqlite3

    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)

    def warm() -> str:
        if spec.target is not None:
            return json.dumps(fts5.cites(conn, spec.target), ensure_ascii=False)
        if spec.by is not None:
            return json.dumps(fts5.by_session(conn, str(spec.phrase), spec.verb))
        result = fts5.search(conn, str(spec.phrase), spec.verb, limit or 0)
        return json.dumps(result, ensure_ascii=False)

    counts = _counts(json.loads(warm()))
    warm_samples = repeat_timed(warm, repeat, budget)
    conn.close()
    argv = [*FTS5, "query", *spec.fts5_args(db, limit)]
    cold_samples = _cold(argv, cold_repeat, budget)
    return counts | {
        "warm": latency(warm_samples).as_dict(),
        "cold": latency(cold_samples).as_dict(),
    }


def run(
    grown: Path,
    work: Path,
    *,
    repeat: int,
    cold_repeat: int,
    budget: float,
    skip_build: bool = False,
    queries: Sequence[QuerySpec] = QUERIES,
) -> dict[str, Any]:
    manifest = read_manifest(grown)
    work.mkdir(parents=True, exist_ok=True)
    index, db = work / "index", work / "fts5.db"
    results_file = work / "results.json"
    previous: dict[str, Any] = (
        json.loads(results_file.read_text(encoding="utf-8")) if results_file.exists() else {}
    )
    results: dict[str, Any] = {
        "grown": str(grown),
        "paragraphs": manifest["paragraphs"],
        "footnotes": manifest["footnotes"],
        "files": manifest["files"],
        "copies": manifest["copies"],
        "raw_bytes": manifest["raw_bytes"],
        "code": code_fingerprint(),
        "cpus": os.cpu_count(),
        "load_before": os.getloadavg(),
        "started": time.strftime("%Y-%m-%d %H:%M:%S"),
    }
    if skip_build and "resdex_build" in previous:
        results["resdex_build"] = previous["resdex_build"]
        results["resdex_build"] |= indexed_counts(Path(previous["resdex_build"]["log"]))
        results["fts5_build"] = previous["fts5_build"]
        if "resdex_add" in previous:
            results["resdex_add"] = previous["resdex_add"]
    else:
        _say(f"resdex index {grown} …")
        results["resdex_build"] = build_resdex(grown, index, work / "index.log")
        _say(f"  {results['resdex_build']}")
        _save(results_file, results)
        _say("FTS5 build …")
        results["fts5_build"] = build_fts5(grown, db, work / "fts5-build.log")
        _say(f"  {results['fts5_build']}")
        _save(results_file, results)
        if results["resdex_build"]["returncode"] == 0:
            _say(f"resdex index: {ADDED_FILES} new resolutions into a copy of the index …")
            results["resdex_add"] = add_new_documents(grown, index, work)
            _say(f"  {results['resdex_add']}")
            _save(results_file, results)
    if results["resdex_build"]["returncode"] not in (0,):
        _say(f"resdex index exited {results['resdex_build']['returncode']}: see its log")
    measured = []
    for spec in queries:
        for limit in _limits(spec):
            _say(f"query {spec.name}, limit {limit} …")
            entry = {
                "name": spec.name,
                "limit": limit,
                "resdex": query_resdex(spec, index, limit, repeat, cold_repeat, budget),
                "fts5": query_fts5(spec, db, limit, repeat, cold_repeat, budget),
            }
            _say(f"  {entry}")
            measured.append(entry)
            results["queries"] = measured
            _save(results_file, results)
    results["load_after"] = os.getloadavg()
    results["finished"] = time.strftime("%Y-%m-%d %H:%M:%S")
    _save(results_file, results)
    return results


def _save(path: Path, results: dict[str, Any]) -> None:
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(results, indent=2), encoding="utf-8")
    tmp.replace(path)


def _say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--grown", type=Path, required=True, help="a grown corpus (grow.py)")
    parser.add_argument("--work", type=Path, required=True, help="index, database, results")
    parser.add_argument("--repeat", type=int, default=20, help="warm runs per query")
    parser.add_argument("--cold-repeat", type=int, default=10, help="cold runs per query")
    parser.add_argument(
        "--budget", type=float, default=60.0, help="seconds per measurement before stopping"
    )
    parser.add_argument(
        "--skip-build", action="store_true", help="query the index of a previous run"
    )
    args = parser.parse_args(argv)
    from benchmarks.scale.report import summary

    results = run(
        args.grown,
        args.work,
        repeat=args.repeat,
        cold_repeat=args.cold_repeat,
        budget=args.budget,
        skip_build=args.skip_build,
    )
    print(summary(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
