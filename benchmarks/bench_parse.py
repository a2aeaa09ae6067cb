"""Parsing and citation tagging speed, CPU ms per unit (paragraph or footnote), on one core.

    python benchmarks/bench_parse.py [FOLDER] [--files N] [--repeat N] [--baseline REF]
    python benchmarks/bench_parse.py --cache-survey [CORPUS]

The first ``--files`` files of FOLDER (default: the first 400 of ../shared/corpus/ga-text)
are read (not timed), parsed (``parse_raw``: clean -> structure) and tagged
(``tag_citations(res, nlp)``: what an index worker does), each in a fresh process with a
fresh pipeline (building it is not timed), CPU time by ``time.process_time``. With
``--baseline REF`` (e.g. ``main``) the same measure runs, in the same run and alternating
with this tree's, over the code of git revision REF (exported to a temporary folder), and
the ratio of the two is printed: the figure the change is judged by. Aim (issue 13): parse +
tag <= 0.11 ms/unit, at least 2x faster than before.

``--cache-survey`` parses and tags every file of the whole corpus in one process, in the
order ``resdex index`` lists them, and prints the hit rate and the memory of the text
cache (``resdex.indexer.text_cache``) for a few sizes.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT = ROOT.parent / "shared" / "corpus" / "ga-text"


def measure(folder: Path, files: int) -> dict[str, Any]:
    """Parse then tag the first ``files`` files of ``folder``: CPU seconds and units."""
    from resdex.indexer.citations import default_pipeline, tag_citations
    from resdex.indexer.parse import parse_raw
    from resdex.indexer.sources import read_document

    raws = [read_document(f) for f in sorted(folder.glob("*.txt"))[:files]]
    nlp = default_pipeline()
    start = time.process_time()
    parsed = [parse_raw(raw) for raw in raws]
    parse_s = time.process_time() - start
    start = time.process_time()
    for res in parsed:
        tag_citations(res, nlp)
    tag_s = time.process_time() - start
    units = sum(len(res.paragraphs) + len(res.footnotes) for res in parsed)
    out: dict[str, Any] = {"files": len(raws), "units": units, "parse": parse_s, "tag": tag_s}
    try:
        from resdex.indexer.citations import text_cache
    except ImportError:  # a revision without the cache
        return out
    info = text_cache(nlp).info()
    out["cache"] = {"hit_rate": info.hit_rate, "size": info.size, "maxsize": info.maxsize}
    return out


def _child(folder: Path, files: int, pythonpath: str | None) -> dict[str, Any]:
    """One measure in a fresh process (over the code on ``pythonpath`` when given)."""
    env = dict(os.environ)
    if pythonpath is not None:
        env["PYTHONPATH"] = pythonpath
    done = subprocess.run(
        [sys.executable, __file__, str(folder), "--files", str(files), "--child"],
        env=env,
        check=True,
        capture_output=True,
        text=True,
    )
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _export(ref: str, into: Path) -> None:
    """The tree of git revision ``ref`` in ``into`` (its ``resdex`` package importable)."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", ref], check=True, capture_output=True
    )
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive.stdout, check=True)


def _line(name: str, best: dict[str, Any]) -> str:
    units = best["units"]
    parse, tag = 1000 * best["parse"] / units, 1000 * best["tag"] / units
    cache = best.get("cache")
    extra = f"  (text cache hit rate {cache['hit_rate']:.1%})" if cache else ""
    return f"{name:>10}: parse {parse:.4f} + tag {tag:.4f} = {parse + tag:.4f} ms/unit CPU{extra}"


def _best(runs: list[dict[str, Any]]) -> dict[str, Any]:
    best = dict(runs[0])
    best["parse"] = min(r["parse"] for r in runs)
    best["tag"] = min(r["tag"] for r in runs)
    return best


def compare(folder: Path, files: int, repeat: int, baseline: str | None) -> int:
    with tempfile.TemporaryDirectory(prefix="bench-parse-") as tmp:
        if baseline is not None:
            _export(baseline, Path(tmp))
        mine: list[dict[str, Any]] = []
        theirs: list[dict[str, Any]] = []
        for run in range(1, repeat + 1):
            if baseline is not None:
                theirs.append(_child(folder, files, tmp))
            mine.append(_child(folder, files, None))
            print(f"run {run}: {_line('this tree', mine[-1])}")
            if theirs:
                print(f"run {run}: {_line(baseline or '', theirs[-1])}")
    best = _best(mine)
    print(
        f"{best['files']} files, {best['units']} units (paragraphs and footnotes); best of {repeat}"
    )
    print(_line("this tree", best))
    if theirs:
        other = _best(theirs)
        print(_line(baseline or "", other))
        for key in ("parse", "tag"):
            print(f"{key}: {other[key] / best[key]:.2f}x faster than {baseline}")
        ratio = (other["parse"] + other["tag"]) / (best["parse"] + best["tag"])
        print(f"parse + tag: {ratio:.2f}x faster than {baseline} (aim >= 2x, <= 0.11 ms/unit)")
    return 0


def _deep_size(value: object, seen: set[int]) -> int:
    """Bytes held by ``value`` and what it refers to (strings, tuples, slotted objects)."""
    if id(value) in seen:
        return 0
    seen.add(id(value))
    size = sys.getsizeof(value)
    if isinstance(value, tuple | list):
        return size + sum(_deep_size(item, seen) for item in value)
    for name in getattr(type(value), "__slots__", ()):
        size += _deep_size(getattr(value, name, None), seen)
    return size


def cache_survey(corpus: Path) -> int:
    """Hit rate and memory of the text cache over the whole corpus, for a few sizes."""
    from resdex.indexer import citations
    from resdex.indexer.errors import ResdexError
    from resdex.indexer.parse import parse_raw
    from resdex.indexer.sources import read_document
    from resdex.indexer.survey import iter_files
    from resdex.indexer.text_cache import TextCache

    parsed = []
    for path in iter_files([corpus]):
        if path.name == "README.md":
            continue
        try:
            parsed.append(parse_raw(read_document(path)))
        except ResdexError:
            continue
    units = sum(len(res.paragraphs) + len(res.footnotes) for res in parsed)
    texts = [p.text for res in parsed for p in res.paragraphs]
    texts += [f.text for res in parsed for f in res.footnotes]
    print(f"{len(parsed)} documents, {units} units, {len(set(texts))} distinct texts")
    nlp = citations.default_pipeline()
    for maxsize in (0, 4096, 8192, 32768, 1 << 20):
        cache = citations.text_cache(nlp)
        cache.clear()
        cache.maxsize = maxsize
        start = time.process_time()
        for res in parsed:
            citations.tag_citations(res, nlp)
        cpu = time.process_time() - start
        info = cache.info()
        seen: set[int] = set()
        entries = cache.entries()
        memory = sum(_deep_size(k, seen) + _deep_size(v, seen) for k, v in entries)
        memory += 100 * len(entries)  # the ordered dict's own entry and link, about
        print(
            f"maxsize {maxsize:>7}: hit rate {info.hit_rate:6.1%} ({info.hits} of "
            f"{info.hits + info.misses} texts), {info.size} kept, {memory / 2**20:6.1f} MiB, "
            f"tag {1000 * cpu / units:.4f} ms/unit CPU"
        )
    citations.text_cache(nlp).maxsize = TextCache().maxsize
    return 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("folder", nargs="?", type=Path, default=None)
    parser.add_argument("--files", type=int, default=400)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--baseline", default=None, help="git revision to compare with")
    parser.add_argument("--cache-survey", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.cache_survey:
        return cache_survey(args.folder or DEFAULT.parent)
    folder = args.folder or DEFAULT
    if not any(folder.glob("*.txt")):
        print(f"no .txt files in {folder}")
        return 1
    if args.child:
        print(json.dumps(measure(folder, args.files)))
        return 0
    return compare(folder, args.files, args.repeat, args.baseline)


if __name__ == "__main__":
    raise SystemExit(main())
