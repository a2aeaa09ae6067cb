"""Draw the hold-out sample: 5 documents per format from ../shared/corpus, at random.

Run: ``python tests/holdout/draw.py [CORPUS_DIR]`` (default ../shared/corpus); prints the
sample, one ``format/file`` a line, in drawing order (the list is kept in sample.txt).

Deterministic: each format's files are sorted by name, the excluded ones removed, and
``random.Random(SEED)`` (one generator for the whole draw, formats in FORMATS order)
samples PER_FORMAT of them. Excluded are all documents any test, benchmark or label file
of the repository (or of the team's worktrees) named on the day of the draw
(2026-12-01): the sets in tests/citations_eval/ and tests/expected/, the two seeds in
corpus/, and every other corpus file named in tests. A resolution is excluded in every
format it exists in (ga-pdf/ and ga-text/ hold the same resolutions; ga-md/ overlaps
ga-text/ on session 80), and once drawn in one format it is not drawn again in another.
The list is written out below, not read from the repository, so that later tests do not
change the draw.

A later sample is drawn the same way with its own seed and exclusions: its ``draw.py`` is
``later_sample(__file__, SEED)`` (see tests/holdout2/draw.py), loaded with ``runpy``.
"""

from __future__ import annotations

import random
import sys
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

SEED = 20261201
PER_FORMAT = 5
FORMATS = ("ga-pdf", "ga-md", "ga-text", "ga-drafts", "sc-text")

# Every corpus document named in the repository (tests/citations_eval, tests/expected,
# corpus/ seeds, tests/*.py, benchmarks/) or in the team's worktrees on the day of the draw,
# as file stems without the extension ("_EN_GOLD" dropped from sc-text names).
EXCLUDED = frozenset(
    [
        "A_80_L.1",
        "A_80_L.10",
        "A_80_L.19",
        "A_80_L.3",
        "A_80_L.501",
        "A_C.3_80_L.10",
        "A_C.3_80_L.1010",
        "A_C.4_80_L.10",
        "A_C.4_80_L.17",
        "A_C.5_80_L.14",
        "A_C.5_80_L.17",
        "A_RES_69_179",
        "A_RES_71_194",
        "A_RES_78_116",
        "A_RES_78_128",
        "A_RES_78_155",
        "A_RES_78_199",
        "A_RES_78_223",
        "A_RES_78_225",
        "A_RES_78_253",
        "A_RES_78_31",
        "A_RES_79_10",
        "A_RES_79_115",
        "A_RES_79_118",
        "A_RES_79_119",
        "A_RES_79_166",
        "A_RES_79_281",
        "A_RES_79_298",
        "A_RES_79_314",
        "A_RES_79_666",
        "A_RES_80_1",
        "A_RES_80_10",
        "A_RES_80_11",
        "A_RES_80_114",
        "A_RES_80_14",
        "A_RES_80_2",
        "A_RES_80_204",
        "A_RES_80_222",
        "A_RES_80_226",
        "A_RES_80_228",
        "A_RES_80_3",
        "A_RES_80_34",
        "A_RES_80_501",
        "A_RES_80_77",
        "S_RES_0001_1946",
        "S_RES_0100_1953",
        "S_RES_0101_1953",
        "S_RES_0150_1960",
        "S_RES_0242_1967",
        "S_RES_0273_1969",
        "S_RES_0290_1970",
        "S_RES_0338_1973",
        "S_RES_0361_1974",
        "S_RES_0425_1978",
        "S_RES_0429_1978",
        "S_RES_0484_1980",
        "S_RES_0598_1987",
        "S_RES_0678_1990",
        "S_RES_0687_1991",
        "S_RES_0742_1967",
        "S_RES_0761_1992",
        "S_RES_0851_1993",
        "S_RES_0885_1993",
        "S_RES_1454_2002",
        "S_RES_1742_1967",
        "S_RES_1954_2002",
    ]
)

DEFAULT_CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"


def document_key(path: Path) -> str:
    """The document a file holds, the same across formats: "A_RES_78_134", "S_RES_0242_1967"."""
    stem = path.name.split(".")[0] if "_RES_" in path.name else path.stem
    return stem.removesuffix("_EN_GOLD")


def draw(
    corpus: Path,
    seed: int = SEED,
    excluded: frozenset[str] | set[str] = EXCLUDED,
    per_format: int = PER_FORMAT,
) -> list[str]:
    """One ``random.Random(seed)`` for the whole draw; a resolution drawn in one format is
    not drawn again in another (tests/holdout2/draw.py calls this with its own seed)."""
    rng = random.Random(seed)
    taken = set(excluded)
    sample: list[str] = []
    for fmt in FORMATS:
        files = sorted(p for p in (corpus / fmt).iterdir() if p.is_file())
        pool = [p for p in files if document_key(p) not in taken]
        for path in rng.sample(pool, per_format):
            taken.add(document_key(path))
            sample.append(f"{fmt}/{path.name}")
    return sample


def main(argv: list[str], drawing: Callable[[Path], list[str]] = draw) -> int:
    """``python draw.py [CORPUS_DIR]``: the sample, one ``format/file`` a line."""
    corpus = Path(argv[1]) if len(argv) > 1 else DEFAULT_CORPUS
    print("\n".join(drawing(corpus)))
    return 0


class Sample(NamedTuple):
    """What a sample's ``draw.py`` offers: the seed, the documents left out, the key of a
    file's document, the draw, and the command."""

    seed: int
    excluded: frozenset[str]
    document_key: Callable[[Path], str]
    draw: Callable[[Path], list[str]]
    main: Callable[[list[str]], int]


def later_sample(script: str, seed: int, also: frozenset[str] = frozenset()) -> Sample:
    """The sample whose ``draw.py`` is ``script``: drawn as this one is, with ``seed``,
    leaving out the documents listed in ``excluded.txt`` beside ``script`` (whitespace
    apart), this sample's ``EXCLUDED`` and ``also``."""
    listed = (Path(script).resolve().parent / "excluded.txt").read_text(encoding="utf-8")
    excluded = frozenset(listed.split()) | EXCLUDED | also

    def drawing(corpus: Path) -> list[str]:
        return draw(corpus, seed=seed, excluded=excluded)

    return Sample(seed, excluded, document_key, drawing, lambda argv: main(argv, drawing))


if __name__ == "__main__":
    sys.exit(main(sys.argv))
