"""Check that a grown file parses to its renumbered rows (what FTS5 is fed).

    python -m benchmarks.scale.verify --grown /work/scale-data/p100k --sample 40

Parses a sample of the grown files (the last copy first: the largest numbers) with the
real parser and citation tagger and compares each with the row ``grow.grown_documents``
derives for it: same symbol, same units (label, kind, verb, text) and the same cited
targets. Prints how many agree and the first differences.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from pathlib import Path

from benchmarks.scale.grow import grown_documents
from benchmarks.scale.units import Document, document_from_resolution_dict


def differences(expected: Document, parsed: Document) -> list[str]:
    """What differs between two parses of one file (empty when they agree)."""
    out: list[str] = []
    if expected.symbol != parsed.symbol:
        out.append(f"symbol {parsed.symbol!r}, expected {expected.symbol!r}")
    if len(expected.units) != len(parsed.units):
        out.append(f"{len(parsed.units)} units, expected {len(expected.units)}")
    for want, got in zip(expected.units, parsed.units, strict=False):
        if (want.label, want.kind, want.verb, want.text) != (
            got.label,
            got.kind,
            got.verb,
            got.text,
        ):
            out.append(f"{got.label}: text or structure differs")
        elif set(want.targets) != set(got.targets):
            extra = sorted(set(got.targets) - set(want.targets))
            missing = sorted(set(want.targets) - set(got.targets))
            out.append(f"{got.label}: targets +{extra} -{missing}")
    return out


def parse_document(path: Path, rel: str) -> Document:
    from resdex.indexer.pipeline import parse_path
    from resdex.indexer.serialize import resolution_to_dict

    res = parse_path(path)
    return document_from_resolution_dict(rel, path.stat().st_size, resolution_to_dict(res))


def verify(grown: Path, sample: int, seed: int = 1) -> tuple[int, int, list[str]]:
    """(files that agree, files checked, first differences)."""
    docs = list(grown_documents(grown))
    last = max(int(d.path[5:7]) for d in docs)
    pool = [d for d in docs if d.path.startswith(f"copy-{last:02d}/")]
    rest = [d for d in docs if not d.path.startswith(("copy-00/", f"copy-{last:02d}/"))]
    rng = random.Random(seed)
    chosen: Sequence[Document] = rng.sample(pool, min(sample, len(pool)))
    if len(chosen) < sample and rest:
        chosen = [*chosen, *rng.sample(rest, min(sample - len(chosen), len(rest)))]
    agree = 0
    notes: list[str] = []
    for doc in chosen:
        found = differences(doc, parse_document(grown / doc.path, doc.path))
        if found:
            notes += [f"{doc.path}: {d}" for d in found[:3]]
        else:
            agree += 1
    return agree, len(chosen), notes


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--grown", type=Path, required=True)
    parser.add_argument("--sample", type=int, default=40)
    args = parser.parse_args(argv)
    agree, checked, notes = verify(args.grown, args.sample)
    print(f"{agree} of {checked} sampled grown files parse to their renumbered rows")
    for note in notes[:20]:
        print(f"  {note}")
    return 0 if agree == checked else 1


if __name__ == "__main__":
    sys.exit(main())
