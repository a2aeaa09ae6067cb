"""The reference: the same paragraphs and footnotes in SQLite FTS5 (standard library only).

    python -m benchmarks.scale.fts5 build --grown DIR --db FILE      (prints timings as JSON)
    python -m benchmarks.scale.fts5 query --db FILE --phrase "human rights" --limit 10
    python -m benchmarks.scale.fts5 query --db FILE --phrase "human rights" --by session
    python -m benchmarks.scale.fts5 query --db FILE --cites A/CONF.157/24

One FTS5 row per unit (paragraph or footnote) with the text and the head verb as indexed
columns (default ``unicode61`` tokenizer, full positions for phrases) and the metadata
unindexed; the cited targets in an ordinary table with a B-tree index, keyed like resdex
keys them (``resdex.search.targets.target_key``). The rows are those resdex indexes: the parse of
the real corpus renumbered per copy (``grow.grown_documents``).

A query answers what ``resdex search --json`` / ``resdex cites --json`` answer: the total
count of hits and of resolutions, and the best ``limit`` hits (bm25 rank, 0: all) with
their metadata, text and a highlighted snippet; cites: the citing resolutions by date with
the labels of the citing units.
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import resource
import sqlite3
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from benchmarks.scale.units import Document

SCHEMA = """
CREATE VIRTUAL TABLE units USING fts5(
    text, verb,
    symbol UNINDEXED, label UNINDEXED, kind UNINDEXED, body UNINDEXED,
    session UNINDEXED, year UNINDEXED
);
CREATE TABLE cites (target TEXT NOT NULL, unit INTEGER NOT NULL);
"""
CITES_INDEX = "CREATE INDEX cites_target ON cites (target)"
BATCH = 5000


def target_key(symbol: str) -> str:
    """The same key resdex files a target under (imported lazily: the query CLI stays light)."""
    from resdex.search.targets import target_key as key

    return key(symbol)


@dataclass(frozen=True, slots=True)
class BuildTimes:
    load_seconds: float  # reading the parsed rows and renumbering them (not FTS5's work)
    insert_seconds: float  # inserting and indexing in FTS5, B-tree of cites, commit
    rows: int
    cites: int


def build(db: Path, documents: Iterable[Document]) -> BuildTimes:
    """A fresh database at ``db`` holding ``documents``."""
    if db.exists():
        db.unlink()
    conn = sqlite3.connect(db)
    load = insert = 0.0
    rows = cites = 0
    try:
        conn.executescript(SCHEMA)
        unit_rows: list[tuple[Any, ...]] = []
        cite_rows: list[tuple[str, int]] = []
        mark = time.perf_counter()
        for doc in documents:
            for unit in doc.units:
                rows += 1
                unit_rows.append(
                    (
                        rows,
                        unit.text,
                        unit.verb,
                        doc.symbol,
                        unit.label,
                        unit.kind,
                        doc.body,
                        doc.session,
                        doc.year,
                    )
                )
                cite_rows.extend((target_key(t), rows) for t in dict.fromkeys(unit.targets))
            if len(unit_rows) >= BATCH:
                now = time.perf_counter()
                load += now - mark
                _insert(conn, unit_rows, cite_rows)
                cites += len(cite_rows)
                unit_rows, cite_rows = [], []
                mark = time.perf_counter()
                insert += mark - now
        now = time.perf_counter()
        load += now - mark
        _insert(conn, unit_rows, cite_rows)
        cites += len(cite_rows)
        conn.execute(CITES_INDEX)
        conn.commit()
        insert += time.perf_counter() - now
    finally:
        conn.close()
    return BuildTimes(load, insert, rows, cites)


def _insert(
    conn: sqlite3.Connection, unit_rows: list[tuple[Any, ...]], cite_rows: list[tuple[str, int]]
) -> None:
    conn.executemany(
        "INSERT INTO units (rowid, text, verb, symbol, label, kind, body, session, year) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        unit_rows,
    )
    conn.executemany("INSERT INTO cites (target, unit) VALUES (?, ?)", cite_rows)


def _quote(phrase: str) -> str:
    return '"' + phrase.replace('"', '""') + '"'


def match_expression(phrase: str, verb: str | None = None) -> str:
    """FTS5 MATCH for a phrase in the text, and the head verb when given."""
    expression = f"text : {_quote(phrase)}"
    if verb:
        expression += f" AND verb : {_quote(verb.lower())}"
    return expression


def search(conn: sqlite3.Connection, phrase: str, verb: str | None, limit: int) -> dict[str, Any]:
    """Total hits and resolutions, and the best ``limit`` hits (0: all), as resdex's JSON."""
    expression = match_expression(phrase, verb)
    select = (
        "SELECT symbol, label, kind, body, session, year, verb, text, "
        "snippet(units, 0, '[', ']', ' … ', 40) FROM units WHERE units MATCH ? ORDER BY rank"
    )
    if limit:
        rows = conn.execute(select + " LIMIT ?", (expression, limit)).fetchall()
        total, resolutions = conn.execute(
            "SELECT count(*), count(DISTINCT symbol) FROM units WHERE units MATCH ?",
            (expression,),
        ).fetchone()
    else:
        rows = conn.execute(select, (expression,)).fetchall()
        total, resolutions = len(rows), len({r[0] for r in rows})
    keys = ("symbol", "label", "kind", "body", "session", "year", "verb", "text", "highlight")
    return {
        "query": expression,
        "total": total,
        "resolutions": resolutions,
        "hits": [dict(zip(keys, row, strict=True)) for row in rows],
    }


def by_session(conn: sqlite3.Connection, phrase: str, verb: str | None) -> dict[str, Any]:
    """``resdex search --by session --json``: per session, the matching units, their
    resolutions and the first of them (the lowest rowid: the order of the grown files,
    which FTS5 gets for free where resdex finds the earliest by date)."""
    expression = match_expression(phrase, verb)
    rows = conn.execute(
        "SELECT session, count(*), count(DISTINCT symbol), min(rowid), symbol, label "
        "FROM units WHERE units MATCH ? GROUP BY session ORDER BY session",
        (expression,),
    ).fetchall()
    total = sum(r[1] for r in rows)
    (resolutions,) = conn.execute(
        "SELECT count(DISTINCT symbol) FROM units WHERE units MATCH ?", (expression,)
    ).fetchone()
    return {
        "query": expression,
        "total": total,
        "resolutions": resolutions,
        "by": "session",
        "groups": [
            {
                "key": session,
                "paragraphs": paragraphs,
                "resolutions": res,
                "first": {"symbol": symbol, "label": label},
            }
            for session, paragraphs, res, _, symbol, label in rows
        ],
    }


def cites(conn: sqlite3.Connection, target: str) -> dict[str, Any]:
    """Every resolution citing ``target`` (canonical symbol), by year, with its units."""
    rows = conn.execute(
        "SELECT u.symbol, u.session, u.year, u.label FROM cites c "
        "JOIN units u ON u.rowid = c.unit WHERE c.target = ? ORDER BY u.rowid",
        (target_key(target),),
    ).fetchall()
    citing: dict[str, dict[str, Any]] = {}
    for symbol, session, year, label in rows:
        entry = citing.setdefault(
            symbol, {"symbol": symbol, "session": session, "year": year, "paragraphs": []}
        )
        entry["paragraphs"].append(label)
    ordered = sorted(citing.values(), key=lambda c: (c["year"] or 9999, c["symbol"]))
    return {"target": target, "citing": ordered}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    make = commands.add_parser("build", help="build the database of a grown corpus")
    make.add_argument("--grown", type=Path, required=True)
    make.add_argument("--db", type=Path, required=True)
    ask = commands.add_parser("query", help="one query, JSON on standard output")
    ask.add_argument("--db", type=Path, required=True)
    ask.add_argument("--phrase")
    ask.add_argument("--verb")
    ask.add_argument("--cites")
    ask.add_argument("--limit", type=int, default=10)
    ask.add_argument("--by", choices=["session"])
    args = parser.parse_args(argv)
    if args.command == "build":
        from benchmarks.scale.grow import grown_documents

        times = build(args.db, grown_documents(args.grown))
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps(dataclasses.asdict(times) | {"maxrss_mib": peak}))
        return 0
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    if args.cites:
        result = cites(conn, args.cites)
    elif args.phrase and args.by:
        result = by_session(conn, args.phrase, args.verb)
    elif args.phrase:
        result = search(conn, args.phrase, args.verb, args.limit)
    else:
        parser.error("query needs --phrase or --cites")
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
