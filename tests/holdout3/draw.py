"""Draw the third hold-out sample: 5 documents per format from ../shared/corpus, at random.

Run: ``python tests/holdout3/draw.py [CORPUS_DIR]`` (default ../shared/corpus); prints the
sample, one ``format/file`` a line, in drawing order (the list is kept in sample.txt).

Same logic as ``tests/holdout/draw.py`` (its ``draw``, ``document_key`` and ``FORMATS``; one
``random.Random(SEED)`` for the whole draw; a resolution drawn in one format is not drawn
again in another) with a new seed and a wider exclusion: every document named anywhere in
the repository's tracked files on the day of the draw (2026-12-01, main at ``fe49253``),
which includes both earlier hold-out samples (tests/holdout/sample.txt,
tests/holdout2/sample.txt), tests/citations_eval/, tests/expected/, tests/passages/, the
corpus seeds, tests and benchmarks, and every symbol cited in their labels, unioned with
tests/holdout2/excluded.txt. The list was collected once by a scan of ``git ls-files``
(symbols such as "A/RES/78/136", "A/C.1/80/L.2", "A/80/L.39", "S/RES/677 (1990)"; bare
"resolution 78/136" and "677 (1990)"; file names such as "S_RES_0677_1990" and
"draft-chair-a-c5-80-l11") and is kept in ``excluded.txt`` beside this script, so that later
files do not change the draw.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

SEED = 20261203
PER_FORMAT = 5
HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1].parent / "shared" / "corpus"


def _first_draw() -> ModuleType:
    path = HERE.parent / "holdout" / "draw.py"
    spec = importlib.util.spec_from_file_location("holdout_draw", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


_FIRST = _first_draw()
FORMATS: tuple[str, ...] = _FIRST.FORMATS
document_key = _FIRST.document_key
_NAMED = (HERE / "excluded.txt").read_text(encoding="utf-8").split()
EXCLUDED: frozenset[str] = frozenset(_NAMED) | _FIRST.EXCLUDED


def draw(corpus: Path) -> list[str]:
    return list(_FIRST.draw(corpus, seed=SEED, excluded=EXCLUDED, per_format=PER_FORMAT))


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else DEFAULT_CORPUS
    print("\n".join(draw(corpus)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
