"""Parse output of a whole corpus, dumped and compared: the guard of a parser rewrite.

    python benchmarks/compare_parse.py dump OUT_DIR [CORPUS] [--citations]
    python benchmarks/compare_parse.py compare OLD_DIR NEW_DIR [--limit N]

``dump`` writes one JSON file per document (``resdex parse --json`` shape, structure
only unless ``--citations``), or ``{"error": ...}`` for a refused file. ``compare``
lists the differences: metadata fields by name, paragraphs by label (added, removed,
changed text, verb, modifier, opening, footnotes), footnotes by number; then a count of
documents changed per folder.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from resdex.indexer.errors import ResdexError
from resdex.indexer.pipeline import parse_path
from resdex.indexer.serialize import resolution_to_dict
from resdex.indexer.survey import iter_files

DEFAULT_CORPUS = Path("/work/shared/corpus")
_META_SKIP = {"paragraphs", "footnotes", "source", "citations", "links"}
_PARAGRAPH_FIELDS = ("kind", "number", "parent", "text", "verb", "modifier", "opening")


def _name(path: Path, corpus: Path) -> str:
    return str(path.relative_to(corpus)).replace("/", "__") + ".json"


def dump(out: Path, corpus: Path, *, citations: bool) -> int:
    out.mkdir(parents=True, exist_ok=True)
    nlp = None
    if citations:
        from resdex.indexer.nlp import build_pipeline

        nlp = build_pipeline()
    count = 0
    for path in iter_files([corpus]):
        if path.name == "README.md":
            continue
        try:
            data: dict[str, Any] = resolution_to_dict(
                parse_path(path, citations=citations, nlp=nlp)
            )
            data.pop("source", None)
        except ResdexError as err:
            data = {"error": str(err).replace(str(corpus), "")}
        (out / _name(path, corpus)).write_text(json.dumps(data, indent=1, ensure_ascii=False))
        count += 1
    print(f"{count} documents dumped to {out}")
    return 0


def _short(value: Any, width: int = 110) -> str:
    text = repr(value)
    return text if len(text) <= width else text[: width - 1] + "…"


def differences(old: dict[str, Any], new: dict[str, Any]) -> Iterator[str]:
    """One line per difference between two dumps of one document."""
    if "error" in old or "error" in new:
        if old.get("error") != new.get("error"):
            yield f"  error: {_short(old.get('error'))} -> {_short(new.get('error'))}"
        return
    for key in sorted((set(old) | set(new)) - _META_SKIP):
        if old.get(key) != new.get(key):
            yield f"  {key}: {_short(old.get(key))} -> {_short(new.get(key))}"
    before = {p["label"]: p for p in old["paragraphs"]}
    after = {p["label"]: p for p in new["paragraphs"]}
    if list(before) != list(after):
        removed = [k for k in before if k not in after]
        added = [k for k in after if k not in before]
        yield f"  labels: -{removed} +{added}" if removed or added else "  labels reordered"
    for label in [k for k in before if k in after]:
        for field in (*_PARAGRAPH_FIELDS, "footnotes", "citations", "links"):
            if before[label].get(field) != after[label].get(field):
                was, now = before[label].get(field), after[label].get(field)
                pad = " " * (len(label) + 4)
                yield f"  {label}.{field}: {_short(was, 300)}\n{pad}-> {_short(now, 300)}"
    for label in (k for k in after if k not in before):
        yield f"  + {label}: {_short(after[label]['text'], 300)}"
    for label in (k for k in before if k not in after):
        yield f"  - {label}: {_short(before[label]['text'], 300)}"
    notes_old = {f["number"]: f["text"] for f in old["footnotes"]}
    notes_new = {f["number"]: f["text"] for f in new["footnotes"]}
    if notes_old != notes_new:
        yield f"  footnotes: {_short(notes_old)} -> {_short(notes_new)}"
    # a dump made with --citations: every citation and link, wherever it stands
    for key in ("citations", "links", "header_citations"):
        if old.get(key) != new.get(key):
            yield f"  {key}: {_short(old.get(key), 300)}\n    -> {_short(new.get(key), 300)}"
    if old["footnotes"] != new["footnotes"] and notes_old == notes_new:
        yield "  footnote citations changed"


def compare(old_dir: Path, new_dir: Path, *, limit: int) -> int:
    changed: Counter[str] = Counter()
    total: Counter[str] = Counter()
    names = sorted(
        {p.name for p in old_dir.glob("*.json")} | {p.name for p in new_dir.glob("*.json")}
    )
    for name in names:
        folder = name.split("__")[0]
        total[folder] += 1
        a, b = old_dir / name, new_dir / name
        if not a.exists() or not b.exists():
            print(f"{name}: only in {'new' if b.exists() else 'old'}")
            changed[folder] += 1
            continue
        lines = list(differences(json.loads(a.read_text()), json.loads(b.read_text())))
        if lines:
            changed[folder] += 1
            print(name.replace("__", "/").removesuffix(".json"))
            for line in lines[:limit]:
                print(line)
            if len(lines) > limit:
                print(f"  … {len(lines) - limit} more")
    print()
    for folder in sorted(total):
        print(f"{folder:<10} {changed[folder]:>5} of {total[folder]:>5} documents changed")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("dump")
    d.add_argument("out", type=Path)
    d.add_argument("corpus", type=Path, nargs="?", default=DEFAULT_CORPUS)
    d.add_argument("--citations", action="store_true")
    c = sub.add_parser("compare")
    c.add_argument("old", type=Path)
    c.add_argument("new", type=Path)
    c.add_argument("--limit", type=int, default=40)
    args = parser.parse_args(argv)
    if args.command == "dump":
        return dump(args.out, args.corpus.resolve(), citations=args.citations)
    return compare(args.old, args.new, limit=args.limit)


if __name__ == "__main__":
    sys.exit(main())
