"""The hand-labelled evaluation set: the scorer must reach P >= 0.98 and R >= 0.97.

Documents of the shared corpus are skipped when ../shared/corpus is absent; the two seeds
of the repository's corpus/ are always scored."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "tests" / "citations_eval"


def _scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "eval_citations", ROOT / "benchmarks" / "eval_citations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["eval_citations"] = module
    spec.loader.exec_module(module)
    return module


def test_label_files_are_well_formed() -> None:
    files = sorted(LABELS.glob("*.json"))
    assert len(files) >= 15
    roots = set()
    for path in files:
        data = json.loads(path.read_text(encoding="utf-8"))
        assert data["root"] in ("repo", "shared")
        roots.add(data["document"].split("/")[0])
        for cite in data["citations"]:
            assert set(cite) == {"unit", "target", "surface"}
    # all five formats and the seeds
    assert {"corpus", "ga-text", "ga-drafts", "ga-pdf", "ga-md", "sc-text"} <= roots


def test_precision_and_recall(project_corpus: Path) -> None:
    scorer = _scorer()
    result = scorer.score(scorer.DEFAULT_CORPUS)
    assert result.documents >= 2
    report = "\n".join(result.misses + result.false_positives)
    assert result.precision >= 0.98, report
    assert result.recall >= 0.97, report
