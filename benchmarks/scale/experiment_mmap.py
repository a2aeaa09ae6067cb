"""Before/after of ``resdex.search.whoosh_engine.fixes.apply_read()``: an index read through mmap,
uncopied.

    python -m benchmarks.scale.experiment_mmap --index WORK/index [--repeat 3]

Three ways to open the same index, each timed as open + ``resdex.search.query.search`` (the CLI
opens the index for every command), median of ``--repeat``, in one process:

1. ``resdex.search.store.open_index`` as it is now: no mmap, every read a seek + read call;
2. Whoosh's default, mmap, whose ``BufferFile`` copies each part of a segment into a
   ``BytesIO`` on opening (what ``structfile.py:348(__init__)`` stood for in the profile);
3. mmap with ``resdex.search.whoosh_engine.fixes.apply_read()``: reads slice the mapping, nothing is
   copied.

The results (totals and hits) must be the same in all three. The fix is process-wide and
cannot be undone, so the variants run in this order.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

QUERIES = (
    ("common phrase", '"human rights"', None, 10),
    ("verb + phrase", '"human rights"', "urges", 0),
    ("rare phrase", '"inadmissibility of the acquisition of territory by war"', None, 10),
)


def measure(opener: Callable[[], Any], repeat: int) -> list[tuple[float, Any]]:
    from resdex.search.query import SearchRequest, search
    from resdex.search.whoosh_engine.reader import WhooshReader

    out = []
    for _name, text, verb, limit in QUERIES:
        times = []
        first = None
        for _ in range(repeat):
            start = time.perf_counter()
            result = search(
                WhooshReader.of(opener()), SearchRequest(query=text, verb=verb, limit=limit)
            )
            times.append(time.perf_counter() - start)
            first = first or (result.total, [(h.symbol, h.label) for h in result.hits])
        out.append((statistics.median(times), first))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    from whoosh.filedb.filestore import FileStorage

    from resdex.search.store import current_generation, open_index
    from resdex.search.whoosh_engine.fixes import apply_read as apply

    generation = str(current_generation(args.index))

    def mapped() -> Any:
        return FileStorage(generation, supports_mmap=True).open_index()

    variants = {"no mmap (store now)": measure(lambda: open_index(args.index), args.repeat)}
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    variants["mmap, Whoosh copies"] = measure(mapped, args.repeat)
    rss_copy = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    apply()
    variants["mmap + viewfile"] = measure(mapped, args.repeat)
    answers = [[r[1] for r in rows] for rows in variants.values()]
    if any(answer != answers[0] for answer in answers):
        raise SystemExit("the variants give different results")
    print(f"index {args.index}: open + search, median of {args.repeat}, ms")
    print("| query | " + " | ".join(variants) + " |")
    print("|---|" + "---:|" * len(variants))
    for i, (name, _text, _verb, limit) in enumerate(QUERIES):
        cells = " | ".join(f"{rows[i][0] * 1000:,.0f}" for rows in variants.values())
        print(f"| {name}, limit {limit or 'all'} | {cells} |")
    print(f"peak RSS: {rss_before:,.0f} MiB without mmap, {rss_copy:,.0f} MiB once Whoosh copied")
    return 0


if __name__ == "__main__":
    sys.exit(main())
