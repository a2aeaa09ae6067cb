"""Parse the real corpus once: the calibration of the grower and the rows of FTS5.

    python -m benchmarks.scale.base --corpus ../shared/corpus --out /work/scale-data/base.jsonl

Each line of the output is one file: its ``Document`` (``units.document_to_json``), or the
reason the parser refused it. The grower counts paragraphs per file from it; the FTS5
reference renumbers its rows for every copy. A file whose content changed since is parsed
again on the next run (the key is the file's sha256).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from benchmarks.scale.units import (
    Document,
    document_from_json,
    document_from_resolution_dict,
    document_to_json,
)

# The text formats of ../shared/corpus (PDFs are left out: ga-text holds the same texts).
FORMAT_DIRS = ("ga-text", "ga-drafts", "ga-md", "sc-text")
SUFFIXES = (".txt", ".md")


def corpus_files(corpus: Path) -> list[Path]:
    """Every text file of the corpus, in a stable order."""
    files = [
        p
        for d in FORMAT_DIRS
        for p in sorted((corpus / d).glob("*"))
        if p.suffix in SUFFIXES and p.is_file()
    ]
    if not files:
        raise SystemExit(f"no {'/'.join(FORMAT_DIRS)} files under {corpus}")
    return files


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def parser_fingerprint() -> str:
    """A digest of the parser's and tagger's sources: their output changes with them."""
    import resdex.indexer as indexer

    digest = hashlib.sha256()
    for source in sorted(Path(indexer.__file__).parent.glob("*.py")):
        digest.update(source.name.encode() + b"\0" + source.read_bytes())
    return digest.hexdigest()[:16]


def load(out: Path) -> dict[str, dict[str, Any]]:
    """The entries of a previous run, by relative path."""
    entries: dict[str, dict[str, Any]] = {}
    if out.exists():
        with out.open(encoding="utf-8") as lines:
            for line in lines:
                entry = json.loads(line)
                entries[entry["path"]] = entry
    return entries


def documents(out: Path) -> Iterator[Document]:
    """The parsed documents of ``out`` (refused files left out), in corpus order."""
    for entry in load(out).values():
        if entry.get("document") is not None:
            yield document_from_json(entry["document"])


def parse_corpus(corpus: Path, out: Path) -> tuple[int, int, float]:
    """Parse what is new or changed; return (files parsed, files refused, seconds)."""
    from resdex.indexer.errors import ResdexError
    from resdex.indexer.nlp import build_pipeline
    from resdex.indexer.pipeline import parse_path
    from resdex.indexer.serialize import resolution_to_dict

    previous = load(out)
    fingerprint = parser_fingerprint()
    nlp = build_pipeline()
    parsed = refused = 0
    start = time.perf_counter()
    tmp = out.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as sink:
        for path in corpus_files(corpus):
            rel = path.relative_to(corpus).as_posix()
            digest = sha256(path)
            entry = previous.get(rel)
            if entry is None or (entry["sha256"], entry.get("parser")) != (digest, fingerprint):
                entry = {
                    "path": rel,
                    "sha256": digest,
                    "parser": fingerprint,
                    "document": None,
                    "error": None,
                }
                try:
                    res = parse_path(path, nlp=nlp)
                except ResdexError as err:
                    entry["error"] = f"{type(err).__name__}: {err}"
                    refused += 1
                else:
                    doc = document_from_resolution_dict(
                        rel, path.stat().st_size, resolution_to_dict(res)
                    )
                    entry["document"] = document_to_json(doc)
                parsed += 1
            sink.write(json.dumps(entry, ensure_ascii=False) + "\n")
    tmp.replace(out)
    return parsed, refused, time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--out", type=Path, default=Path("/work/scale-data/base.jsonl"))
    args = parser.parse_args(argv)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    parsed, refused, seconds = parse_corpus(args.corpus, args.out)
    docs = list(documents(args.out))
    paragraphs = sum(d.paragraphs for d in docs)
    footnotes = sum(d.footnotes for d in docs)
    print(
        f"parsed {parsed} files in {seconds:.1f} s ({refused} refused); "
        f"{len(docs)} documents, {paragraphs} paragraphs, {footnotes} footnotes in {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
