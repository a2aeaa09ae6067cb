"""``cites`` and ``show`` over an open Whoosh searcher (``resdex.search.whoosh_engine.reader``).

``cites`` reads the citing units from the postings of ``cites`` and what it lists of each
from the columns (``c_cites``, unit, kind, order): nothing scored, no unit's stored fields
read; each citing resolution's record once per process (``units.record_meta``).
"""

from __future__ import annotations

from collections import defaultdict
from operator import itemgetter
from typing import Any

from resdex.indexer.models import Resolution
from resdex.search.engine import NotIndexed
from resdex.search.results import CitesResult, Citing, CitingUnit, Resolved, natural_key
from resdex.search.schema import (
    KIND_CODES,
    UNIT_CODES,
    UNIT_DOCUMENT,
    UNIT_FOOTNOTE,
    UNIT_PARAGRAPH,
)
from resdex.search.targets import normalize_target, target_key
from resdex.search.whoosh_engine.matching import deleted_docs, term_ids
from resdex.search.whoosh_engine.units import (
    cited_rows,
    leaves,
    record_meta,
    resolution_at,
    segment_columns,
)

KIND_NAMES = {code: name for name, code in KIND_CODES.items()}


# --- cites ----------------------------------------------------------------------------------


# (place, unit code, kind code, the c_cites row) of a unit citing the target; its place
# in what is listed: the header (the record) first, then the units in document order
_Citer = tuple[int, int, int, Any]
_PARAGRAPH, _FOOTNOTE, _RECORD = (
    UNIT_CODES[u] for u in (UNIT_PARAGRAPH, UNIT_FOOTNOTE, UNIT_DOCUMENT)
)


# ``target_key`` of the targets met in the citing units (a thousand distinct ones for a
# target cited a thousand times), kept across queries up to KEYS_KEPT
_KEYS: dict[str, str] = {}
KEYS_KEPT = 1 << 16


class _Targets:
    """The target of one ``cites`` and its spelling as last written."""

    def __init__(self, key: str, written: str) -> None:
        self.key = key
        self.written = written

    def matching(self, rows: Any) -> list[Any]:
        """The rows of a unit's citations of the target (its spelling noted)."""
        found = []
        for row in rows:
            target = row[0]
            key = _KEYS.get(target)
            if key is None:
                if len(_KEYS) >= KEYS_KEPT:
                    _KEYS.clear()
                key = _KEYS[target] = target_key(target)
            if key == self.key:
                found.append(row)
        if found:
            self.written = found[-1][0]
        return found


def _citing_unit(unit: _Citer, targets: _Targets) -> CitingUnit:
    """What ``cites`` lists of a unit."""
    _, code, kind, (label, _, rows) = unit
    matching = targets.matching(rows)
    if len(matching) == 1:  # most units: one citation of the target
        _, surface, via = matching[0]
        vias: tuple[int, ...] = () if via is None else (via,)
        surfaces: tuple[str, ...] = (surface,)
        direct = via is None or code != _PARAGRAPH
    else:
        vias = tuple(sorted({row[2] for row in matching if row[2] is not None}))
        surfaces = tuple(dict.fromkeys(row[1] for row in matching))
        # a paragraph cites directly, or through its notes; a footnote or header directly
        direct = any(row[2] is None for row in matching) if code == _PARAGRAPH else bool(matching)
    return CitingUnit(
        label=label,
        kind="header" if code == _RECORD else KIND_NAMES.get(kind, ""),
        direct=direct,
        via_footnotes=vias,
        surfaces=surfaces,
    )


def _listed(units: list[_Citer], targets: _Targets) -> tuple[CitingUnit, ...]:
    """The units of one resolution as ``cites`` lists them: the header first, then in
    document order, a footnote left out when the paragraphs listed carry its marker."""
    if len(units) == 1:
        unit = units[0]
        if unit[1] == _FOOTNOTE and not unit[3][1]:
            return ()  # (a footnote without its number: never written by resdex)
        return (_citing_unit(unit, targets),)
    units.sort(key=itemgetter(0))
    carried: set[int] = set()
    for unit in units:
        if unit[1] == _PARAGRAPH:
            carried.update(unit[3][1])
    return tuple(
        _citing_unit(unit, targets)
        for unit in units
        if unit[1] != _FOOTNOTE or not carried.issuperset(unit[3][1])
    )


def _order(citing: Citing) -> tuple[Any, ...]:
    return (citing.adopted or "9999", citing.year or 9999, natural_key(citing.symbol))


def run_cites(searcher: Any, target: str) -> CitesResult:
    """Every resolution citing ``target`` (any usual spelling), by date of adoption, with
    the paragraphs that cite it directly or through a footnote: the citing units from the
    postings of ``cites``, what is listed of each from the columns, nothing scored and no
    stored field read but each resolution's record (once per process)."""
    canonical = normalize_target(target)
    key = target_key(canonical)
    found: dict[int, list[_Citer]] = defaultdict(list)
    metas: dict[int, Resolved | None] = {}
    for _, _, seg in leaves(searcher):
        ids = term_ids(seg, "cites", key)
        if not ids:
            continue
        deleted = deleted_docs(seg)
        if deleted:
            ids = [doc for doc in ids if doc not in deleted]
        columns = segment_columns(seg)
        unit, order, kind, resolution = columns.unit, columns.order, columns.kind, columns.res
        for doc, row in zip(ids, cited_rows(seg, ids), strict=True):
            res = resolution[doc]
            if res not in metas:
                metas[res] = record_meta(seg, res, deleted)
            if row is not None:
                code = unit[doc]
                place = -1 if code == _RECORD else order[doc]
                found[res].append((place, code, kind[doc], row))
    targets = _Targets(key, canonical)
    citing = []
    for res, units in found.items():
        meta = metas[res]
        if meta is None:  # no record: an index written half-way (never by resdex)
            continue
        citing.append(
            Citing(
                symbol=meta.symbol,
                body=meta.body,
                session=meta.session,
                year=meta.year,
                adopted=meta.adopted,
                title=meta.title,
                units=_listed(units, targets),
            )
        )
    citing.sort(key=_order)
    return CitesResult(target=targets.written, citing=tuple(citing))


# --- show -----------------------------------------------------------------------------------


def run_show(searcher: Any, symbol: str) -> Resolution:
    """The indexed Resolution of ``symbol`` (any usual spelling), from its stored record and
    its units' texts."""
    key = target_key(normalize_target(symbol))
    docnum = searcher.document_number(symkey=key, unit=UNIT_DOCUMENT)
    if docnum is None:
        raise NotIndexed(f"{symbol.strip()} is not in the index")
    return resolution_at(searcher.reader(), docnum)
