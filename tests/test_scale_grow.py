"""A renumbered real file parses to the renumbered parse of the real file (what FTS5 gets).

End-to-end over ../shared/corpus (skipped when absent): the real parser and citation
tagger on a real text and on its copy 3, written by the grower's rule.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # benchmarks/ is not an installed package
    sys.path.insert(0, str(ROOT))

from benchmarks.scale.renumber import renumber, renumber_name  # noqa: E402
from benchmarks.scale.units import renumber_document  # noqa: E402
from benchmarks.scale.verify import differences, parse_document  # noqa: E402


@pytest.mark.slow
@pytest.mark.parametrize(
    ("source", "symbol", "cited"),
    [
        # recalls 78/199 (renumbered: 78/1699) and cites A/CONF.157/24 (left as written)
        ("ga-text/A_RES_79_166.txt", "A/RES/79/1666", {"A/RES/78/1699", "A/CONF.157/24"}),
        ("sc-text/S_RES_0242_1967_EN_GOLD.txt", "S/RES/1742(1967)", set()),
    ],
)
def test_copy_parses_to_renumbered_rows(
    shared_corpus: Path, tmp_path: Path, source: str, symbol: str, cited: set[str]
) -> None:
    real = shared_corpus / source
    copy = tmp_path / renumber_name(real.name, 3)
    copy.write_text(renumber(real.read_text(encoding="utf-8"), 3), encoding="utf-8")

    expected = renumber_document(parse_document(real, source), 3, copy.name)
    parsed = parse_document(copy, copy.name)

    assert parsed.symbol == symbol
    assert differences(expected, parsed) == []
    assert cited <= {t for u in parsed.units for t in u.targets}
