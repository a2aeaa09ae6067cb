"""Draw the fourth hold-out sample: ``python tests/holdout4/draw.py [CORPUS_DIR]``.

Like tests/holdout3/draw.py, with its own seed (20261204) and its own ``excluded.txt``:
every corpus document named in a tracked file of the repository on the day of this draw (a
new scan of ``git ls-files`` of main, which now holds the first three samples, the symbols
cited in their labels and the passages added to tests/passages/ today), unioned with
tests/holdout3/excluded.txt. The list is kept beside this script, so that later files do not
change the draw. The first draw's module is read with ``runpy`` and its ``later_sample``
draws this one, as for the second and third samples.
"""

from __future__ import annotations

import sys
from pathlib import Path
from runpy import run_path

_FIRST = run_path(str(Path(__file__).resolve().parents[1] / "holdout" / "draw.py"))
SEED, EXCLUDED, document_key, draw, main = _FIRST["later_sample"](__file__, 20261204)

if __name__ == "__main__":
    sys.exit(main(sys.argv))
