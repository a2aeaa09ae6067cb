"""Before/after of a proposed change to ``search/query.py``, without editing it.

    python -m benchmarks.scale.experiment --index WORK/index [--copy-to DIR] [--repeat 5]

The change (``PATCH``): the filter that keeps paragraphs and footnotes out of the
resolution records, ``Or(unit=paragraph, unit=footnote)``, matches nearly every document
of the index; Whoosh turns a filter into the set of its document numbers on every search,
so each query pays O(size of the index) before it looks at its own hits. Excluding the
records instead (``mask=Term("unit", "document")``: one record per resolution, ~1/37 of the
documents) gives the same hits for a fraction of the work.

The script writes a patched copy of the current ``search/query.py`` outside the repository
(``--copy-to``, default /work/scale-data/experiment), imports both, checks that they give
the same results for each query, and times them alternately on the same open index.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import time
from pathlib import Path
from types import ModuleType
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
QUERY_MODULE = ROOT / "search" / "query.py"

# (old, new) replacements, each of which must occur exactly once.
PATCH = (
    (
        'parts: list[Any] = [wq.Or([wq.Term("unit", UNIT_PARAGRAPH), '
        'wq.Term("unit", UNIT_FOOTNOTE)])]',
        "parts: list[Any] = []",
    ),
    (
        "            parts.append(wq.NumericRange(field, lo if lo else 1, hi))\n"
        "    return wq.And(parts)\n",
        "            parts.append(wq.NumericRange(field, lo if lo else 1, hi))\n"
        "    return wq.And(parts) if parts else None\n",
    ),
    (
        "user_query, filter=filters, limit=None,",
        'user_query, filter=filters, mask=wq.Term("unit", UNIT_DOCUMENT), limit=None,',
    ),
)

QUERIES = (
    ("rare phrase", '"inadmissibility of the acquisition of territory by war"', None, 10),
    ("common phrase", '"human rights"', None, 10),
    ("verb + phrase", '"human rights"', "urges", 10),
    ("rare phrase, all", '"inadmissibility of the acquisition of territory by war"', None, 0),
    ("verb + phrase, all", '"human rights"', "urges", 0),
)


def patched_source(source: str) -> str:
    for old, new in PATCH:
        found = source.count(old)
        if found != 1:
            raise SystemExit(
                f"search/query.py changed: {old[:60]!r}… occurs {found} times; update PATCH"
            )
        source = source.replace(old, new)
    return source


def load(path: Path, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise SystemExit(f"cannot import {path}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


def _same(a: Any, b: Any) -> bool:
    return (a.total, a.resolutions, [(h.symbol, h.label) for h in a.hits]) == (
        b.total,
        b.resolutions,
        [(h.symbol, h.label) for h in b.hits],
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--copy-to", type=Path, default=Path("/work/scale-data/experiment"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)

    args.copy_to.mkdir(parents=True, exist_ok=True)
    copy = args.copy_to / "query_masked.py"
    copy.write_text(patched_source(QUERY_MODULE.read_text(encoding="utf-8")), encoding="utf-8")
    import search.query as before

    after = load(copy, "query_masked")
    from search.store import open_index

    ix = open_index(args.index)
    print(f"index {args.index}; patched copy {copy}")
    print("| query | limit | hits | before, ms (best / median) | after, ms | before / after |")
    print("|---|---|---:|---:|---:|---:|")
    for name, text, verb, limit in QUERIES:
        times: dict[str, list[float]] = {"before": [], "after": []}
        results = {}
        for _ in range(args.repeat):
            for label, module in (("before", before), ("after", after)):
                request = module.SearchRequest(query=text, verb=verb, limit=limit)
                start = time.perf_counter()
                results[label] = module.search(ix, request)
                times[label].append(time.perf_counter() - start)
        if not _same(results["before"], results["after"]):
            raise SystemExit(f"{name}: the patched search gives other results")
        b, a = sorted(times["before"]), sorted(times["after"])
        print(
            f"| {name} | {limit or 'all'} | {results['before'].total:,} "
            f"| {b[0] * 1000:,.0f} / {b[len(b) // 2] * 1000:,.0f} "
            f"| {a[0] * 1000:,.0f} / {a[len(a) // 2] * 1000:,.0f} "
            f"| {b[len(b) // 2] / a[len(a) // 2]:.2f}× |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
