"""Score citation tagging against the hand-labelled set in tests/citations_eval/.

Run: ``python benchmarks/eval_citations.py [CORPUS_DIR]`` (default ../shared/corpus).
Each label file names a document (under the repository's ``corpus/`` or under the shared
corpus) and the citations a reader found in it: unit ("PP3", "OP2(a)", "footnote 5",
"header"), target and surface. Citations reached through a footnote are not labelled on
the paragraph (they are the footnote's own); instrument links are not citations and are
not scored. A found citation matches a label with the same unit and target (compared
case-insensitively, spaces removed); each label matches once. Prints every miss and false
positive, surfaces that differ, and precision and recall.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from resdex.indexer.citations import tag_many
from resdex.indexer.models import CitationKind, Resolution
from resdex.indexer.nlp import build_pipeline
from resdex.indexer.organs import symbol_key
from resdex.indexer.parse import parse_raw
from resdex.indexer.sources import read_document

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "citations_eval"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"

Key = tuple[str, str]  # (unit, normalized target)


@dataclass
class Score:
    documents: int = 0
    skipped: list[str] = field(default_factory=list)
    true_positives: int = 0
    misses: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    surface_diffs: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        found = self.true_positives + len(self.false_positives)
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + len(self.misses)
        return self.true_positives / expected if expected else 1.0


def found_citations(res: Resolution) -> list[tuple[str, str, str]]:
    """(unit, target, surface) of every citation the pipeline found, as labelled: header,
    paragraphs (direct only), footnotes; instrument links left out."""
    units = [("header", res.header_citations)]
    units += [
        (p.label, tuple(c for c in p.citations if c.via_footnote is None)) for p in res.paragraphs
    ]
    units += [(f"footnote {f.number}", f.citations) for f in res.footnotes]
    return [
        (unit, cite.target, cite.surface)
        for unit, cites in units
        for cite in cites
        if cite.kind is CitationKind.CITATION
    ]


def load_labels(corpus: Path) -> list[tuple[str, Path, list[dict[str, str]]]]:
    out = []
    for path in sorted(LABELS.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        base = ROOT if data["root"] == "repo" else corpus
        out.append((path.name, base / data["document"], data["citations"]))
    return out


def score(corpus: Path = DEFAULT_CORPUS) -> Score:
    result = Score()
    todo: list[tuple[str, Resolution, list[dict[str, str]]]] = []
    for name, doc_path, labels in load_labels(corpus):
        if not doc_path.exists():
            result.skipped.append(f"{name}: {doc_path} absent")
            continue
        todo.append((name, parse_raw(read_document(doc_path)), labels))
    nlp = build_pipeline()
    tagged = list(tag_many((res for _, res, _ in todo), nlp))
    for (name, _, labels), res in zip(todo, tagged, strict=True):
        result.documents += 1
        expected: Counter[Key] = Counter()
        surfaces: dict[Key, str] = {}
        for label in labels:
            key = (label["unit"], symbol_key(label["target"]))
            expected[key] += 1
            surfaces[key] = label["surface"]
        found: Counter[Key] = Counter()
        found_surfaces: dict[Key, list[str]] = {}
        for unit, target, surface in found_citations(res):
            key = (unit, symbol_key(target))
            found[key] += 1
            found_surfaces.setdefault(key, []).append(surface)
        for key in sorted(set(expected) | set(found)):
            hit = min(expected[key], found[key])
            result.true_positives += hit
            for _ in range(expected[key] - hit):
                result.misses.append(f"{name}: {key[0]} {key[1]} ({surfaces[key]!r})")
            for _ in range(found[key] - hit):
                result.false_positives.append(
                    f"{name}: {key[0]} {key[1]} ({found_surfaces[key][-1]!r})"
                )
            if hit and surfaces[key] not in found_surfaces.get(key, []):
                result.surface_diffs.append(
                    f"{name}: {key[0]} {key[1]}: labelled {surfaces[key]!r}, "
                    f"found {found_surfaces[key]}"
                )
    return result


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else DEFAULT_CORPUS
    result = score(corpus)
    for line in result.skipped:
        print(f"skipped  {line}")
    for line in result.misses:
        print(f"MISS     {line}")
    for line in result.false_positives:
        print(f"FALSE+   {line}")
    for line in result.surface_diffs:
        print(f"surface  {line}")
    expected = result.true_positives + len(result.misses)
    print(
        f"documents: {result.documents}  labelled: {expected}  "
        f"found correct: {result.true_positives}  misses: {len(result.misses)}  "
        f"false positives: {len(result.false_positives)}"
    )
    print(
        f"precision: {result.precision:.3f}  recall: {result.recall:.3f}  "
        "(aim: P >= 0.98, R >= 0.97)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
