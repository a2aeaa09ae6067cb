"""Tables of figures from ``run.py`` results, with the FTS5 ratios.

    python -m benchmarks.scale.report WORK1/results.json WORK2/results.json [--out FILE]

Prints Markdown (and writes it to ``--out`` when given): the build figures of every size
side by side, then the query latencies of each size.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

# issue 13's aims
AIM_RATE = 1_000_000 / (5 * 60)  # paragraphs per second: a million in five minutes
AIM_MEMORY_MIB = 1024.0  # peak memory of the build's process tree
AIM_SIZE_RATIO = 2.5  # index bytes / raw text bytes
AIM_ADD_S = 10.0  # adding 10 new resolutions to the built index
# (query, limit) -> the largest resdex / FTS5 ratio of the warm p95
AIM_RATIOS: dict[tuple[str, int | None], float] = {
    ("common phrase", 10): 1.0,
    ("common phrase by session", None): 1.5,
    ("rare phrase", 10): 1.0,
    ("verb + phrase", 10): 1.0,
    ("cites", None): 1.0,
}


def _size_label(results: dict[str, Any]) -> str:
    n = results["paragraphs"]
    return f"{n / 1e6:.2f}M" if n >= 1e6 else f"{n / 1e3:.0f}k"


def _ratio(a: float | None, b: float | None) -> str:
    if not a or not b:
        return "–"
    if a < b:
        return f"1/{b / a:.1f}"
    return f"{a / b:.1f}×"


def _num(value: float | None, digits: int = 0) -> str:
    if value is None:
        return "–"
    return f"{value:,.{digits}f}"


def build_rows(results: dict[str, Any]) -> list[tuple[str, str, str, str]]:
    r, f = results["resdex_build"], results["fts5_build"]
    paragraphs = r.get("paragraphs") or results["paragraphs"]  # as indexed, else as planned
    units = paragraphs + (r.get("footnotes") or results["footnotes"])
    raw = results["raw_bytes"]
    fts_insert = f.get("insert_seconds")
    return [
        (
            "build time, s (FTS5: insert only)",
            _num(r["seconds"], 1),
            _num(fts_insert, 1),
            _ratio(r["seconds"], fts_insert),
        ),
        ("FTS5 child process, s (load + renumber + insert)", "", _num(f["seconds"], 1), ""),
        (
            "CPU time of the build, s (user + system, all processes)",
            _num(r.get("cpu_seconds"), 1),
            "",
            "",
        ),
        (
            "paragraphs per second",
            _num(paragraphs / r["seconds"]),
            _num(paragraphs / fts_insert if fts_insert else None),
            _ratio(fts_insert, r["seconds"]),
        ),
        ("units indexed (paragraphs + footnotes)", _num(units), _num(f.get("rows")), ""),
        (
            "size on disk, MB",
            _num(r["bytes"] / 1e6, 1),
            _num(f["bytes"] / 1e6, 1),
            _ratio(r["bytes"], f["bytes"]),
        ),
        ("size / raw text", f"{r['bytes'] / raw:.2f}", f"{f['bytes'] / raw:.2f}", ""),
        (
            "peak memory, MiB (process tree)",
            _num(r["peak_tree_mib"]),
            _num(f["peak_tree_mib"]),
            _ratio(r["peak_tree_mib"], f["peak_tree_mib"]),
        ),
        (
            "peak memory, MiB (largest process)",
            _num(r["peak_single_mib"]),
            _num(f["peak_single_mib"]),
            _ratio(r["peak_single_mib"], f["peak_single_mib"]),
        ),
    ]


def _hits(entry: dict[str, Any]) -> str:
    def one(counts: dict[str, Any]) -> str:
        if "total" in counts:
            return f"{counts['total']:,} in {counts['resolutions']:,}"
        return f"{counts['resolutions']:,} res."

    return f"{one(entry['resdex'])} / {one(entry['fts5'])}"


def query_table(results: dict[str, Any]) -> str:
    lines = [
        "| query | limit | hits: resdex / FTS5 | warm p50 | warm p95 | FTS5 warm p95 | ratio "
        "| warm, index open p95 | ratio | cold p50 | cold p95 | FTS5 cold p95 | ratio |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for e in results.get("queries", []):
        r, f = e["resdex"], e["fts5"]
        warm_ratio = _ratio(r["warm"]["p95_ms"], f["warm"]["p95_ms"])
        cold_ratio = _ratio(r["cold"]["p95_ms"], f["cold"]["p95_ms"])
        open_ratio = _ratio(r["warm_open"]["p95_ms"], f["warm"]["p95_ms"])
        limit = "all" if not e["limit"] else str(e["limit"])
        lines.append(
            f"| {e['name']} | {limit} | {_hits(e)} "
            f"| {_num(r['warm']['median_ms'], 1)} | {_num(r['warm']['p95_ms'], 1)} "
            f"| {_num(f['warm']['p95_ms'], 1)} | {warm_ratio} "
            f"| {_num(r['warm_open']['p95_ms'], 1)} | {open_ratio} "
            f"| {_num(r['cold']['median_ms'], 1)} | {_num(r['cold']['p95_ms'], 1)} "
            f"| {_num(f['cold']['p95_ms'], 1)} | {cold_ratio} |"
        )
    return "\n".join(lines)


def _verdict(value: float, aim: float, unit: str) -> str:
    if value <= aim:
        return f"met (aim {aim:,.4g}{unit})"
    return f"{value / aim:.1f}× over the aim of {aim:,.4g}{unit}"


def aims(results: dict[str, Any]) -> list[str]:
    """Each aim of issue 13, met or missed and by how much."""
    r = results["resdex_build"]
    paragraphs = r.get("paragraphs") or results["paragraphs"]
    rate = paragraphs / r["seconds"]
    cpu = r.get("cpu_seconds")
    quiet = (
        f"; {cpu:,.0f} CPU s, {paragraphs / (cpu / 2):,.0f} paragraphs/s on two quiet cores"
        if cpu
        else ""
    )
    out = [
        f"build {r['seconds']:,.0f} s = {rate:,.0f} paragraphs/s{quiet} (aim {AIM_RATE:,.0f}/s, "
        "a million in 5 min): "
        + ("met" if rate >= AIM_RATE else f"{AIM_RATE / rate:.1f}× too slow"),
        f"peak memory {r['peak_tree_mib']:,.0f} MiB (process tree, summed RSS"
        + (f"; summed PSS {r['peak_tree_pss_mib']:,.0f}" if r.get("peak_tree_pss_mib") else "")
        + "): "
        + _verdict(r["peak_tree_mib"], AIM_MEMORY_MIB, " MiB"),
        f"index size {r['bytes'] / results['raw_bytes']:.2f}× the raw text: "
        + _verdict(r["bytes"] / results["raw_bytes"], AIM_SIZE_RATIO, "×"),
    ]
    added = results.get("resdex_add")
    if added:
        out.append(
            f"adding {added['files']} new resolutions: {added['seconds']:.1f} s "
            f"({added.get('cpu_seconds', 0):.1f} CPU s): "
            + _verdict(added["seconds"], AIM_ADD_S, " s")
        )
    measured = {(e["name"], e["limit"] or None): e for e in results.get("queries", [])}
    for (name, limit), aim in AIM_RATIOS.items():
        e = measured.get((name, limit))
        if e is None:
            continue
        mine, theirs = e["resdex"], e["fts5"]["warm"]["p95_ms"]
        ratio, cli_ratio = mine["warm_open"]["p95_ms"] / theirs, mine["warm"]["p95_ms"] / theirs
        out.append(
            f"{name}{f', limit {limit}' if limit else ''}, index open: {ratio:.2f}× FTS5 "
            f"(CLI path {cli_ratio:.2f}×): " + _verdict(ratio, aim, "×")
        )
    return out


def summary(results: dict[str, Any]) -> str:
    label = _size_label(results)
    lines = [
        f"## {label} paragraphs ({results['paragraphs']:,} paragraphs planned, "
        f"{results['footnotes']:,} footnotes, {results['files']:,} files in "
        f"{results['copies']} copies, {results['raw_bytes'] / 1e6:.0f} MB of text)",
        "",
        "| build | resdex | FTS5 | resdex / FTS5 |",
        "|---|---:|---:|---:|",
    ]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in build_rows(results)]
    lines += ["", "Query latency, ms:", "", query_table(results), "", "Aims:", ""]
    lines += [f"- {line}" for line in aims(results)]
    lines.append(
        f"\nLoad average before/after: {results['load_before'][0]:.1f} / "
        f"{results.get('load_after', [float('nan')])[0]:.1f} on {results['cpus']} CPUs; "
        f"run started {results['started']}; code {results.get('code', 'not recorded')}."
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("results", type=Path, nargs="+")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    parts = [summary(json.loads(p.read_text(encoding="utf-8"))) for p in args.results]
    text = "\n\n".join(parts) + "\n"
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
