"""Citation tagging speed against spaCy's bare tokenizer, over the paragraphs of ga-text/.

Run: ``python benchmarks/bench_citations.py [CORPUS_DIR]`` (default ../shared/corpus).
Both sides see the same paragraph and footnote texts, in the same run; the figure to read
is the ratio (timings on a shared machine are noisy). Aim: tagging at least 0.5x the
tokenizer's speed. Tagging includes the cheap pre-check, the ruler, the resolver and the
instrument table; it excludes reading and parsing the files.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import spacy
from spacy.tokenizer import Tokenizer

from resdex.indexer.citations import _tag_units, _units_of, text_cache
from resdex.indexer.errors import ResdexError
from resdex.indexer.models import Resolution
from resdex.indexer.nlp import build_pipeline
from resdex.indexer.parse import parse_raw
from resdex.indexer.sources import read_document

ROOT = Path(__file__).resolve().parent.parent


def load(folder: Path) -> list[Resolution]:
    out: list[Resolution] = []
    for path in sorted(folder.glob("*.txt")):
        try:
            out.append(parse_raw(read_document(path)))
        except ResdexError:
            continue
    return out


def best_of(runs: int, fn: object) -> float:
    assert callable(fn)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main(argv: list[str]) -> int:
    corpus = Path(argv[1]) if len(argv) > 1 else ROOT.parent / "shared" / "corpus"
    folder = corpus / "ga-text"
    if not folder.is_dir():
        print(f"no corpus at {folder}", file=sys.stderr)
        return 1
    resolutions = load(folder)
    units = [unit for res in resolutions for unit in _units_of(res)]
    texts = [unit.text for unit in units]
    chars = sum(len(t) for t in texts)
    tokenizer: Tokenizer = spacy.blank("en").tokenizer
    nlp = build_pipeline()

    def tokenize() -> None:
        for _ in tokenizer.pipe(texts, batch_size=256):
            pass

    def tag() -> None:
        text_cache(nlp).clear()  # every run from a cold text cache, as a fresh worker
        _tag_units(units, nlp)

    tokenize()  # warm both up once (vocabulary, regex caches)
    tag()
    t_tok = best_of(3, tokenize)
    t_tag = best_of(3, tag)
    found = sum(len(c) for c in _tag_units(units, nlp))
    print(f"documents: {len(resolutions)}  texts: {len(texts)}  characters: {chars:,}")
    print(f"bare tokenizer:   {t_tok:7.3f} s  ({chars / t_tok / 1e6:.2f} M chars/s)")
    print(f"citation tagging: {t_tag:7.3f} s  ({chars / t_tag / 1e6:.2f} M chars/s)")
    print(f"citations and links found: {found:,}")
    print(f"tagging speed / tokenizer speed: {t_tok / t_tag:.2f}x (aim >= 0.5x)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
