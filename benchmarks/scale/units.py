"""The searchable units of a resolution (paragraphs and footnotes), as plain rows.

These rows are what both engines are fed: resdex indexes one document per paragraph and
one per footnote (``resdex.search.documents``), and the SQLite FTS5 reference gets the same
units. A row of copy k is the row of copy 0 renumbered (``renumber``), which
``benchmarks.scale.verify`` checks against a real parse of copy k's files.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Any

from benchmarks.scale.renumber import renumber


@dataclass(frozen=True, slots=True)
class Unit:
    """One paragraph or footnote, with what the queries filter on."""

    label: str  # "PP1", "OP2(a)", "footnote 3"
    kind: str  # preambular | operative | footnote
    verb: str  # head verb, lower-case: "urges", "calls upon"; "" for none
    text: str
    targets: tuple[str, ...]  # cited documents (direct and through footnotes), canonical


@dataclass(frozen=True, slots=True)
class Document:
    """One file of the corpus, parsed: its metadata and its units."""

    path: str  # relative to the corpus root: "ga-text/A_RES_79_166.txt"
    symbol: str
    body: str
    session: int
    year: int
    units: tuple[Unit, ...]
    raw_bytes: int  # size of the file

    @property
    def paragraphs(self) -> int:
        return sum(1 for u in self.units if u.kind != "footnote")

    @property
    def footnotes(self) -> int:
        return sum(1 for u in self.units if u.kind == "footnote")


def document_from_resolution_dict(path: str, raw_bytes: int, d: dict[str, Any]) -> Document:
    """Rows from ``resdex.indexer.serialize.resolution_to_dict`` output (citations included)."""
    units: list[Unit] = []
    for p in d["paragraphs"]:
        targets = tuple(
            dict.fromkeys(c["target"] for c in p["citations"] if c.get("kind") == "citation")
        )
        verb = " ".join((p.get("verb") or "").lower().split())
        units.append(Unit(p["label"], p["kind"], verb, p["text"], targets))
    for f in d["footnotes"]:
        targets = tuple(
            dict.fromkeys(c["target"] for c in f["citations"] if c.get("kind") == "citation")
        )
        units.append(Unit(f"footnote {f['number']}", "footnote", "", f["text"], targets))
    return Document(
        path=path,
        symbol=d["symbol"],
        body=d["body"],
        session=d.get("session") or 0,
        year=d.get("year") or 0,
        units=tuple(units),
        raw_bytes=raw_bytes,
    )


def renumber_document(doc: Document, copy: int, path: str) -> Document:
    """``doc`` as copy ``copy`` of it reads, found at ``path``."""
    if copy == 0:
        return dataclasses.replace(doc, path=path)
    return Document(
        path=path,
        symbol=renumber(doc.symbol, copy),
        body=doc.body,
        session=doc.session,
        year=doc.year,
        units=tuple(
            Unit(
                u.label,
                u.kind,
                u.verb,
                renumber(u.text, copy),
                tuple(renumber(t, copy) for t in u.targets),
            )
            for u in doc.units
        ),
        raw_bytes=doc.raw_bytes,  # approximate: a renumbered file is a few bytes longer
    )


def document_to_json(doc: Document) -> dict[str, Any]:
    return {
        "path": doc.path,
        "symbol": doc.symbol,
        "body": doc.body,
        "session": doc.session,
        "year": doc.year,
        "raw_bytes": doc.raw_bytes,
        "units": [[u.label, u.kind, u.verb, u.text, list(u.targets)] for u in doc.units],
    }


def document_from_json(d: dict[str, Any]) -> Document:
    return Document(
        path=d["path"],
        symbol=d["symbol"],
        body=d["body"],
        session=d["session"],
        year=d["year"],
        raw_bytes=d["raw_bytes"],
        units=tuple(Unit(u[0], u[1], u[2], u[3], tuple(u[4])) for u in d["units"]),
    )
