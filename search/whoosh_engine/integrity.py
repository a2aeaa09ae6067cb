"""``resdex check``'s reading of a Whoosh index, segment by segment (``WhooshReader.check``):
every term's postings decode and point at documents of the segment, every stored record
decodes (a resolution's record back into a ``Resolution``), and the counts agree: live
documents = records read, and each resolution has as many paragraph and footnote units as
its record has paragraphs and footnotes.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import Any

from resdex.search.engine import SegmentCheck
from resdex.search.schema import (
    COL_RES,
    COL_UNIT,
    TEXT_UNIT_CODES,
    UNIT_CODES,
    UNIT_DOCUMENT,
)
from resdex.search.whoosh_engine.damage import DamagedIndex, cause, reading


def check(ix: Any) -> tuple[tuple[SegmentCheck, ...], tuple[str, ...]]:
    """The segments of ``ix`` and the problems found in them. Raises ``DamagedIndex`` when
    the index's segments cannot be listed."""
    folder = Path(getattr(ix.storage, "folder", None) or ".")
    with reading(folder):
        reader = ix.reader()
        leaves = list(reader.leaf_readers())
    problems: list[str] = []
    segments: list[SegmentCheck] = []
    for i, (leaf, _) in enumerate(leaves):
        segment = leaf.segment()
        name = segment.segment_id() if segment is not None else f"segment {i + 1}"
        try:
            with reading(folder):
                found = _check_segment(leaf)
        except DamagedIndex as err:
            problems.append(f"segment {name}: {cause(err)}")
            segments.append(SegmentCheck(name, 0, cause(err)))
            continue
        documents, resolutions, units, terms, problem = found
        if problem:
            problems.append(f"segment {name}: {problem}")
        segments.append(SegmentCheck(name, documents, problem, resolutions, units, terms))
    with reading(folder):
        counted = reader.doc_count()
    read = sum(s.documents for s in segments)
    if not problems and counted != read:
        problems.append(f"the index counts {counted} documents, its segments {read}")
    return tuple(segments), tuple(problems)


def _check_segment(leaf: Any) -> tuple[int, int, int, int, str | None]:
    """(live documents, resolutions, units, terms, first problem) of one segment."""
    from resdex.search.documents import record_size

    limit = leaf.doc_count_all()
    deleted = limit - leaf.doc_count()
    n_terms = 0
    for fieldname in leaf.indexed_field_names():
        for text in leaf.lexicon(fieldname):
            n_terms += 1
            postings = 0
            for docnum in leaf.postings(fieldname, text).all_ids():
                postings += 1
                if not 0 <= docnum < limit:
                    return 0, 0, 0, n_terms, f"term {fieldname}:{text!r} points past the end"
            # the term found again through the hash table, its count that of its postings
            # (which skip deleted documents)
            if not 0 <= leaf.term_info(fieldname, text).doc_frequency() - postings <= deleted:
                problem = f"term {fieldname}:{text!r} counts other postings than it has"
                return 0, 0, 0, n_terms, problem
    # every column value decodes (the query path counts and sorts with them)
    for fieldname in leaf.schema.names():
        if leaf.has_column(fieldname):
            column = leaf.column_reader(fieldname)
            for docnum in range(limit):
                column[docnum]
    # each live document's stored fields decode; its unit and resolution: the columns
    live = 0
    unit_of = leaf.column_reader(COL_UNIT)
    res_of = leaf.column_reader(COL_RES)
    expected: dict[int, tuple[str, int]] = {}  # resolution code -> (symbol, its units)
    seen: Counter[int] = Counter()
    for docnum in range(limit):
        if leaf.is_deleted(docnum):
            continue
        live += 1
        stored = leaf.stored_fields(docnum)
        unit = unit_of[docnum]
        if unit == UNIT_CODES[UNIT_DOCUMENT]:
            expected[res_of[docnum]] = (str(stored.get("symbol")), record_size(stored["data"]))
        elif unit in TEXT_UNIT_CODES:
            seen[res_of[docnum]] += 1
    units = sum(seen.values())
    for res, (symbol, count) in expected.items():
        if seen[res] != count:
            problem = (
                f"{symbol} has {seen[res]} paragraphs and footnotes indexed, {count} in its record"
            )
            return live, len(expected), units, n_terms, problem
    if live != leaf.doc_count():
        problem = f"{live} live documents read, {leaf.doc_count()} counted"
        return live, len(expected), units, n_terms, problem
    return live, len(expected), units, n_terms, None
