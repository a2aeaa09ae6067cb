"""cProfile of the two halves of ``resdex index`` and of one query, on a grown corpus.

    python -m benchmarks.scale.profile index --grown /work/scale-data/p1m --files 400
    python -m benchmarks.scale.profile query --index WORK/index --phrase "human rights" --limit 0

``index``: a sample of the grown files, spread over every copy, goes through what one
worker of ``resdex index`` does, under cProfile (``--no-profile``: timed only):
``resdex.search.workers.parse_file`` (read, parse, tag citations, build the index
documents), then each document added to the worker's part (``WhooshWriter.open_part``), then
the part's segment finished; the CPU time of each part (``time.process_time``: the
machine is shared) is reported beside the profile.

``query``: the warm library call (``resdex.search.query.search`` or ``cites`` on an open index).

Both print throughput and the top functions by own time and by cumulative time.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import random
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.scale.grow import read_manifest


def top(profile: cProfile.Profile, sort: str, count: int) -> str:
    out = io.StringIO()
    stats = pstats.Stats(profile, stream=out)
    stats.strip_dirs().sort_stats(sort).print_stats(count)
    text = out.getvalue()
    return text[text.find("   ncalls") :].rstrip()


def sample_files(grown: Path, files: int, seed: int = 1) -> list[Path]:
    entries = read_manifest(grown)["entries"]
    rng = random.Random(seed)
    return [grown / e[2] for e in rng.sample(entries, min(files, len(entries)))]


def profile_index(
    grown: Path, files: int, count: int, profiled: bool = True, limitmb: int | None = None
) -> None:
    from resdex.search.build import WriterOptions, file_sha
    from resdex.search.store import create_empty
    from resdex.search.whoosh_engine.writer import WhooshWriter
    from resdex.search.workers import parse_file, prepare, tune_gc

    paths = sample_files(grown, files)
    prepare()  # spaCy and the parser imported, the pipeline built: as in a worker,
    tune_gc()  # and its garbage collector set as a worker sets it
    options = WriterOptions()
    jobs = [(str(p), file_sha(p, options.max_bytes), options.max_bytes) for p in paths]
    parse_seconds = add_seconds = 0.0
    paragraphs = documents = 0
    profile = cProfile.Profile()
    with tempfile.TemporaryDirectory(prefix="resdex-profile-") as tmp:
        create_empty(Path(tmp) / "ix")
        limit = options.limitmb if limitmb is None else limitmb
        part = WhooshWriter(Path(tmp) / "ix", limitmb=limit).open_part()
        if profiled:
            profile.enable()
        for job in jobs:
            mark = time.process_time()
            parsed = parse_file(job)
            now = time.process_time()
            parse_seconds += now - mark
            for doc in parsed.docs:
                part.add(doc)
            add_seconds += time.process_time() - now
            paragraphs += parsed.paragraphs
            documents += len(parsed.docs)
        runs = part._writer.runs_written  # the postings written out before the segment
        mark = time.process_time()
        part.finish()
        commit_seconds = time.process_time() - mark
        profile.disable()
    total = parse_seconds + add_seconds + commit_seconds
    print(
        f"{len(paths)} files, {paragraphs} paragraphs, {documents} index documents, "
        f"{runs} runs of postings at {limit} MB"
    )
    print(
        f"one worker{' (profiled)' if profiled else ''}: {total:.1f} CPU s = "
        f"{paragraphs / total:,.0f} paragraphs/s; parse and tag {parse_seconds:.1f} s "
        f"({parse_seconds / total:.0%}), add {add_seconds:.1f} s ({add_seconds / total:.0%}), "
        f"segment {commit_seconds:.1f} s ({commit_seconds / total:.0%})"
    )
    if profiled:
        print(f"\n--- by own time ---\n{top(profile, 'tottime', count)}")
        print(f"\n--- by cumulative time ---\n{top(profile, 'cumulative', count)}")


def query_call(
    index: Path,
    phrase: str | None,
    verb: str | None,
    target: str | None,
    limit: int,
    by: str | None = None,
) -> Callable[[], Any]:
    from resdex.search.engine import open_reader
    from resdex.search.query import SearchRequest, cites, search

    ix = open_reader(index)
    if target:
        return lambda: cites(ix, target)
    request = SearchRequest(query=f'"{phrase}"', verb=verb, limit=limit, by=by)
    return lambda: search(ix, request)


def profile_query(call: Callable[[], Any], repeat: int, count: int) -> None:
    call()  # warm
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        call()
        times.append(time.perf_counter() - start)
    profile = cProfile.Profile()
    profile.enable()
    call()
    profile.disable()
    print(f"unprofiled: best {min(times) * 1000:,.0f} ms of {repeat}")
    print(f"\n--- by own time ---\n{top(profile, 'tottime', count)}")
    print(f"\n--- by cumulative time ---\n{top(profile, 'cumulative', count)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    index = commands.add_parser("index")
    index.add_argument("--grown", type=Path, required=True)
    index.add_argument("--files", type=int, default=400)
    index.add_argument("--no-profile", action="store_true", help="time the parts only")
    index.add_argument(
        "--limitmb",
        type=int,
        help="postings kept in memory before a run is written (default: the build's); "
        "8 makes 1,000 files spill as often as a worker of the 1M build does (~15 runs)",
    )
    query = commands.add_parser("query")
    query.add_argument("--index", type=Path, required=True)
    query.add_argument("--phrase")
    query.add_argument("--verb")
    query.add_argument("--cites")
    query.add_argument("--limit", type=int, default=10)
    query.add_argument("--by", choices=["session", "year", "body", "verb"])
    query.add_argument("--repeat", type=int, default=3)
    for sub in (index, query):
        sub.add_argument("--top", type=int, default=25, help="functions listed")
    args = parser.parse_args(argv)
    if args.command == "index":
        profile_index(
            args.grown, args.files, args.top, profiled=not args.no_profile, limitmb=args.limitmb
        )
    else:
        call = query_call(args.index, args.phrase, args.verb, args.cites, args.limit, args.by)
        profile_query(call, args.repeat, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
