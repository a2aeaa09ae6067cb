"""Draw the second hold-out sample: 5 documents per format from ../shared/corpus, at random.

Run: ``python tests/holdout2/draw.py [CORPUS_DIR]`` (default ../shared/corpus); prints the
sample, one ``format/file`` a line, in drawing order (the list is kept in sample.txt).

Same logic as ``tests/holdout/draw.py`` (its ``document_key`` and ``FORMATS``; one
``random.Random(SEED)`` for the whole draw; a resolution drawn in one format is not drawn
again in another) with a new seed and a wider exclusion: every document named anywhere in
the repository's tracked files on the day of the draw (2026-12-01), which includes the first
hold-out sample (tests/holdout/sample.txt), tests/citations_eval/, tests/expected/,
tests/passages/, the corpus seeds, tests and benchmarks, and every symbol cited in their
labels. The list was collected once by a scan of ``git ls-files`` (symbols such as
"A/RES/78/136", "A/C.1/80/L.2", "S/RES/677 (1990)" and file names such as
"S_RES_0677_1990", "draft-chair-a-c5-80-l11") and is kept in ``excluded.txt`` beside this
script, so that later files do not change the draw.
"""

from __future__ import annotations

import sys
from pathlib import Path
from runpy import run_path

_FIRST = run_path(str(Path(__file__).resolve().parents[1] / "holdout" / "draw.py"))
SEED, EXCLUDED, document_key, draw, main = _FIRST["later_sample"](__file__, 20261202)

if __name__ == "__main__":
    sys.exit(main(sys.argv))
