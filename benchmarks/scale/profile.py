"""cProfile of the two halves of ``resdex index`` and of one query, on a grown corpus.

    python -m benchmarks.scale.profile index --grown /work/scale-data/p1m --files 400
    python -m benchmarks.scale.profile query --index WORK/index --phrase "human rights" --limit 0

``index``: a sample of the grown files, spread over every copy, goes through the two
halves of ``resdex index`` one after the other in this process, each under cProfile: the
worker half (``search.workers.parse_file``: read, parse, tag citations, build the index
documents) and the writer half (``writer.add_document`` for each, then ``commit``, into a
fresh index with the options ``resdex index`` uses). The real command runs two workers
beside one writer, so its rate is bounded by min(2 x worker rate, writer rate).

``query``: the warm library call (``search.query.search`` or ``cites`` on an open index).

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


def profile_index(grown: Path, files: int, count: int) -> None:
    from search.build import WriterOptions, _writer, file_sha
    from search.store import create_empty
    from search.workers import parse_file, prepare

    paths = sample_files(grown, files)
    prepare()  # spaCy and the parser imported, the pipeline built: as in a worker
    jobs = [(str(p), file_sha(p)) for p in paths]

    parse_profile = cProfile.Profile()
    start = time.perf_counter()
    parse_profile.enable()
    parsed = [parse_file(job) for job in jobs]
    parse_profile.disable()
    parse_seconds = time.perf_counter() - start
    paragraphs = sum(p.paragraphs for p in parsed)
    docs = [doc for p in parsed for doc in p.docs]

    with tempfile.TemporaryDirectory(prefix="resdex-profile-") as tmp:
        ix = create_empty(Path(tmp) / "ix")
        write_profile = cProfile.Profile()
        start = time.perf_counter()
        write_profile.enable()
        writer = _writer(ix, WriterOptions())
        for doc in docs:
            writer.add_document(**doc)
        add_seconds = time.perf_counter() - start
        writer.commit()
        write_profile.disable()
        write_seconds = time.perf_counter() - start

    print(f"{len(paths)} files, {paragraphs} paragraphs, {len(docs)} index documents")
    print(
        f"worker half: {parse_seconds:.1f} s = {paragraphs / parse_seconds:,.0f} paragraphs/s "
        f"per process (x2 workers: {2 * paragraphs / parse_seconds:,.0f})"
    )
    print(
        f"writer half: {write_seconds:.1f} s (add {add_seconds:.1f} s, commit "
        f"{write_seconds - add_seconds:.1f} s) = {paragraphs / write_seconds:,.0f} paragraphs/s"
    )
    for name, prof in (("worker half", parse_profile), ("writer half", write_profile)):
        print(f"\n--- {name}, by own time ---\n{top(prof, 'tottime', count)}")
        print(f"\n--- {name}, by cumulative time ---\n{top(prof, 'cumulative', count)}")


def query_call(
    index: Path, phrase: str | None, verb: str | None, target: str | None, limit: int
) -> Callable[[], Any]:
    from search.query import SearchRequest, cites, search
    from search.store import open_index

    ix = open_index(index)
    if target:
        return lambda: cites(ix, target)
    request = SearchRequest(query=f'"{phrase}"', verb=verb, limit=limit)
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
    query = commands.add_parser("query")
    query.add_argument("--index", type=Path, required=True)
    query.add_argument("--phrase")
    query.add_argument("--verb")
    query.add_argument("--cites")
    query.add_argument("--limit", type=int, default=10)
    query.add_argument("--repeat", type=int, default=3)
    for sub in (index, query):
        sub.add_argument("--top", type=int, default=25, help="functions listed")
    args = parser.parse_args(argv)
    if args.command == "index":
        profile_index(args.grown, args.files, args.top)
    else:
        call = query_call(args.index, args.phrase, args.verb, args.cites, args.limit)
        profile_query(call, args.repeat, args.top)
    return 0


if __name__ == "__main__":
    sys.exit(main())
