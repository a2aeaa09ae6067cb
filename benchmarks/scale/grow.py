"""Grow the real corpus to N paragraphs with renumbered copies of its texts.

    python -m benchmarks.scale.grow --paragraphs 100000 --out /work/scale-data/p100k

Copy 0 is the real corpus (``ga-text``, ``ga-drafts``, ``ga-md``, ``sc-text``); copy k is
every text renumbered by ``renumber.renumber(text, k)``, under ``OUT/copy-kk/<format>/``
with its file name renumbered alike. Files are taken copy after copy, in a fixed
pseudo-random order inside each copy (so that a last, partial copy samples every format),
until the parsed paragraphs of the files taken reach N. Paragraph counts come from one
parse of the real corpus (``benchmarks.scale.base``), made first if missing.

Two files of the real corpus with the same symbol (``ga-md`` holds 80/1-80/55, which
``ga-text`` holds too) would replace each other in the index: copy k takes variant
``k mod n`` of such a symbol, so every format is indexed and no symbol twice. Files the
parser refuses are left out (listed in the manifest), so that the index run is clean.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.scale import base
from benchmarks.scale.renumber import STEP, renumber, renumber_name
from benchmarks.scale.units import Document, renumber_document

MANIFEST = "manifest.json"


@dataclass(frozen=True, slots=True)
class Planned:
    """One file of the grown corpus."""

    copy: int
    source: str  # relative to the real corpus: "ga-text/A_RES_79_166.txt"
    path: str  # relative to the grown corpus: "copy-01/ga-text/A_RES_79_666.txt"
    paragraphs: int
    footnotes: int


def copy_dir(copy: int) -> str:
    return f"copy-{copy:02d}"


def grown_path(source: str, copy: int) -> str:
    folder, _, name = source.rpartition("/")
    return f"{copy_dir(copy)}/{folder}/{renumber_name(name, copy)}"


def _shuffle_key(path: str) -> str:
    return hashlib.sha1(path.encode()).hexdigest()


def variants_by_symbol(docs: Sequence[Document]) -> list[list[Document]]:
    """The documents grouped by symbol, each group in FORMAT_DIRS order, groups in a fixed
    pseudo-random order."""
    rank = {d: i for i, d in enumerate(base.FORMAT_DIRS)}
    groups: dict[str, list[Document]] = {}
    for doc in docs:
        groups.setdefault(doc.symbol, []).append(doc)
    for group in groups.values():
        group.sort(key=lambda d: (rank.get(d.path.split("/")[0], len(rank)), d.path))
    return sorted(groups.values(), key=lambda g: _shuffle_key(g[0].path))


def plan(docs: Sequence[Document], target: int) -> list[Planned]:
    """Files, copy after copy, until their paragraphs reach ``target``."""
    groups = variants_by_symbol(docs)
    if sum(g[0].paragraphs for g in groups) == 0:
        raise ValueError("the parsed corpus has no paragraphs")
    planned: list[Planned] = []
    total = 0
    copy = 0
    while total < target:
        for group in groups:
            doc = group[copy % len(group)]
            planned.append(
                Planned(copy, doc.path, grown_path(doc.path, copy), doc.paragraphs, doc.footnotes)
            )
            total += doc.paragraphs
            if total >= target:
                break
        copy += 1
    return planned


def write_corpus(corpus: Path, out: Path, planned: Sequence[Planned]) -> int:
    """Write every planned file; return the bytes written."""
    written = 0
    for item in planned:
        text = (corpus / item.source).read_bytes().decode("utf-8")
        data = renumber(text, item.copy).encode("utf-8")
        target = out / item.path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        written += len(data)
    return written


def manifest_of(
    corpus: Path, base_file: Path, target: int, planned: Sequence[Planned], raw_bytes: int
) -> dict[str, Any]:
    return {
        "target": target,
        "corpus": str(corpus.resolve()),
        "base": str(base_file.resolve()),
        "step": STEP,
        "copies": max(p.copy for p in planned) + 1,
        "files": len(planned),
        "paragraphs": sum(p.paragraphs for p in planned),
        "footnotes": sum(p.footnotes for p in planned),
        "raw_bytes": raw_bytes,
        "entries": [[p.copy, p.source, p.path, p.paragraphs, p.footnotes] for p in planned],
    }


def read_manifest(out: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    return data


def grown_documents(out: Path) -> Iterator[Document]:
    """The parsed documents of a grown corpus: copy 0's parse, renumbered per copy."""
    manifest = read_manifest(out)
    by_path = {d.path: d for d in base.documents(Path(manifest["base"]))}
    missing = 0
    for copy, source, path, _paragraphs, _footnotes in manifest["entries"]:
        doc = by_path.get(source)
        if doc is None:  # refused by the parser since the corpus was grown
            missing += 1
            continue
        yield renumber_document(doc, copy, path)
    if missing:
        print(f"{missing} grown files have no parse in {manifest['base']}", file=sys.stderr)


def grow(corpus: Path, base_file: Path, out: Path, target: int, *, force: bool) -> dict[str, Any]:
    """Grow ``corpus`` into ``out`` (reused when already grown to the same target)."""
    if (out / MANIFEST).exists():
        manifest = read_manifest(out)
        if manifest["target"] == target and not force:
            return manifest
        if not force:
            raise SystemExit(
                f"{out} holds a corpus grown to {manifest['target']} paragraphs; "
                "pass --force to replace it"
            )
        for child in out.glob("copy-*"):
            shutil.rmtree(child)
        (out / MANIFEST).unlink()
    elif out.exists() and any(out.iterdir()):
        raise SystemExit(f"{out} is not empty and holds no {MANIFEST}: choose another folder")
    if not base_file.exists():
        print(f"parsing the real corpus first into {base_file} …", file=sys.stderr)
        base_file.parent.mkdir(parents=True, exist_ok=True)
        base.parse_corpus(corpus, base_file)
    docs = list(base.documents(base_file))
    planned = plan(docs, target)
    out.mkdir(parents=True, exist_ok=True)
    raw_bytes = write_corpus(corpus, out, planned)
    manifest = manifest_of(corpus, base_file, target, planned, raw_bytes)
    (out / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--paragraphs", type=int, required=True, help="target size, e.g. 100000")
    parser.add_argument("--out", type=Path, required=True, help="folder of the grown corpus")
    parser.add_argument("--corpus", type=Path, default=Path("../shared/corpus"))
    parser.add_argument("--base", type=Path, default=Path("/work/scale-data/base.jsonl"))
    parser.add_argument("--force", action="store_true", help="replace a grown corpus in --out")
    args = parser.parse_args(argv)
    manifest = grow(args.corpus, args.base, args.out, args.paragraphs, force=args.force)
    print(
        f"{args.out}: {manifest['files']} files in {manifest['copies']} copies, "
        f"{manifest['paragraphs']} paragraphs, {manifest['footnotes']} footnotes, "
        f"{manifest['raw_bytes'] / 1e6:.1f} MB of text"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
