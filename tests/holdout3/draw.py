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
files do not change the draw. The first draw's module is read with ``runpy`` (its
``draw``, ``document_key``, ``FORMATS`` and ``EXCLUDED``), not copied.
"""

from __future__ import annotations

import runpy
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

SEED = 20261203
PER_FORMAT = 5
HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[1].parent / "shared" / "corpus"

_FIRST: dict[str, Any] = runpy.run_path(str(HERE.parent / "holdout" / "draw.py"))
FORMATS: tuple[str, ...] = _FIRST["FORMATS"]
document_key: Callable[[Path], str] = _FIRST["document_key"]
_NAMED = (HERE / "excluded.txt").read_text(encoding="utf-8").split()
EXCLUDED: frozenset[str] = frozenset(_NAMED) | _FIRST["EXCLUDED"]


def draw(corpus: Path) -> list[str]:
    return list(_FIRST["draw"](corpus, seed=SEED, excluded=EXCLUDED, per_format=PER_FORMAT))


if __name__ == "__main__":
    print("\n".join(draw(Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS)))
