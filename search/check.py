"""``resdex check``: verify an index the way Lucene's CheckIndex does, without changing it.

In order: ``CURRENT`` names a generation folder inside the index folder; every file it lists
is there, of its size and CRC-32; the index opens (resdex's schema, restricted unpickler);
then per segment: every term's postings decode and point at documents of the segment,
every stored record decodes (a resolution's record back into a ``Resolution``), and the
counts agree: live documents = records read, and each resolution has as many paragraph and
footnote units as its record has paragraphs and footnotes.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from resdex.search import store
from resdex.search.schema import UNIT_DOCUMENT, UNIT_FOOTNOTE, UNIT_PARAGRAPH


@dataclass(frozen=True, slots=True)
class SegmentCheck:
    name: str
    documents: int  # live documents (records, units, aliases)
    problem: str | None = None
    resolutions: int = 0
    units: int = 0  # paragraphs and footnotes
    terms: int = 0


@dataclass(frozen=True, slots=True)
class CheckReport:
    index_dir: Path
    generation: str
    segments: tuple[SegmentCheck, ...]
    problems: tuple[str, ...]
    # the segments' counts added up (none when the index would not open)
    resolutions: int = 0
    units: int = 0  # paragraphs and footnotes
    terms: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check_to_json(report: CheckReport) -> dict[str, Any]:
    """``resdex check --json``: the report's fields (``index_dir`` as "index") and "ok"."""
    fields = asdict(report)
    index = str(fields.pop("index_dir"))
    return {"index": index, "generation": fields.pop("generation"), "ok": report.ok} | fields


def check_index(index_dir: Path) -> CheckReport:
    """Check the index at ``index_dir``. Raises ``NoIndex``; a damaged index is a report
    with problems (the first of them, in one line, is what ``DamagedIndex`` would say)."""
    generation = store.current_generation(index_dir)
    if generation is None:
        raise store.NoIndex(f"no index at {index_dir}: run `resdex index PATH` to build one")
    problems: list[str] = []
    try:
        store.verify_files(index_dir, generation)
        ix = store.open_index(index_dir)
    except store.DamagedIndex as err:
        return CheckReport(index_dir, generation.name, (), (_cause(err),))
    segments: list[SegmentCheck] = []
    try:
        with store.reading(index_dir):
            reader = ix.reader()
            leaves = reader.leaf_readers() if hasattr(reader, "leaf_readers") else [(reader, 0)]
            names = [s.segment_id() for s in ix._segments()]
    except store.DamagedIndex as err:
        return CheckReport(index_dir, generation.name, (), (_cause(err),))
    for i, (leaf, _) in enumerate(leaves):
        name = names[i] if i < len(names) else f"segment {i + 1}"
        try:
            with store.reading(index_dir):
                found = _check_segment(leaf)
        except store.DamagedIndex as err:
            problems.append(f"segment {name}: {_cause(err)}")
            segments.append(SegmentCheck(name, 0, _cause(err)))
            continue
        documents, resolutions, units, terms, problem = found
        if problem:
            problems.append(f"segment {name}: {problem}")
        segments.append(SegmentCheck(name, documents, problem, resolutions, units, terms))
    with store.reading(index_dir):
        if not problems and reader.doc_count() != sum(s.documents for s in segments):
            problems.append(
                f"the index counts {reader.doc_count()} documents, its segments "
                f"{sum(s.documents for s in segments)}"
            )
    return CheckReport(
        index_dir,
        generation.name,
        tuple(segments),
        tuple(problems),
        resolutions=sum(s.resolutions for s in segments),
        units=sum(s.units for s in segments),
        terms=sum(s.terms for s in segments),
    )


def _cause(err: store.DamagedIndex) -> str:
    text = str(err)
    start = text.find("(")
    end = text.rfind("): rebuild")
    return text[start + 1 : end] if start >= 0 and end > start else text


def _check_segment(leaf: Any) -> tuple[int, int, int, int, str | None]:
    """(live documents, resolutions, units, terms, first problem) of one segment."""
    from resdex.search.documents import record_size

    limit = leaf.doc_count_all()
    n_terms = 0
    for fieldname in leaf.indexed_field_names():
        for text in leaf.lexicon(fieldname):
            n_terms += 1
            for docnum in leaf.postings(fieldname, text).all_ids():
                if not 0 <= docnum < limit:
                    return 0, 0, 0, n_terms, f"term {fieldname}:{text!r} points past the end"
    live = 0
    expected: dict[str, int] = {}
    seen: Counter[str] = Counter()
    for docnum in range(limit):
        if leaf.is_deleted(docnum):
            continue
        live += 1
        stored = leaf.stored_fields(docnum)
        unit = stored.get("unit")
        symbol = str(stored.get("symbol"))
        if unit == UNIT_DOCUMENT:
            expected[symbol] = record_size(stored["data"])
        elif unit in (UNIT_PARAGRAPH, UNIT_FOOTNOTE):
            seen[symbol] += 1
    for symbol, count in expected.items():
        if seen[symbol] != count:
            return (
                live,
                len(expected),
                sum(seen.values()),
                n_terms,
                (
                    f"{symbol} has {seen[symbol]} paragraphs and footnotes indexed, "
                    f"{count} in its record"
                ),
            )
    if live != leaf.doc_count():
        return (
            live,
            len(expected),
            sum(seen.values()),
            n_terms,
            (f"{live} live documents read, {leaf.doc_count()} counted"),
        )
    return live, len(expected), sum(seen.values()), n_terms, None
