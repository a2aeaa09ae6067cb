"""``cites`` and ``show`` over an open Whoosh searcher (``resdex.search.whoosh_engine.reader``).

``cites`` reads the citing units from the postings of ``cites`` and what it lists of each
from the columns (``c_cites``, unit, kind, order): nothing scored, no unit's stored fields
read; each citing resolution's metadata from its record's columns (``units.record_meta``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
    from resdex.indexer.models import Resolution

KIND_NAMES = {code: name for name, code in KIND_CODES.items()}


# --- cites ----------------------------------------------------------------------------------


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


def _citing_unit(code: int, kind: int, row: Any, targets: _Targets) -> CitingUnit:
    """What ``cites`` lists of a unit (its unit and kind codes, its ``c_cites`` row)."""
    label, _, rows = row
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
    # label, kind, direct, via_footnotes, surfaces (positional: see ``_Found.listed``)
    return CitingUnit(
        label, "header" if code == _RECORD else KIND_NAMES.get(kind, ""), direct, vias, surfaces
    )


class _Found:
    """The units citing the target, as numbers and the rows kept decoded: an object for
    each of a thousand units would cost a full garbage collection every few queries."""

    def __init__(self) -> None:
        self.ranks: dict[int, int] = {}  # resolution code -> rank of first citing unit
        self.metas: list[Resolved | None] = []  # by rank
        # per unit: rank << 64 | (place in the listing + 1) << 32 | n, its n-th entry below:
        # one sort of plain ints puts the units in listing order, resolution by resolution
        self.keys: list[int] = []
        self.codes: list[int] = []
        self.kinds: list[int] = []
        self.rows: list[Any] = []

    def listed(self, targets: _Targets) -> list[Citing]:
        """Each resolution with a record, its units as ``cites`` lists them: a footnote
        left out when the paragraphs listed carry its marker."""
        codes, kinds, rows, metas = self.codes, self.kinds, self.rows, self.metas
        keys = sorted(self.keys)
        citing = []
        i, end = 0, len(keys)
        while i < end:
            rank = keys[i] >> 64
            j = i + 1
            while j < end and keys[j] >> 64 == rank:
                j += 1
            meta = metas[rank]
            if meta is not None:  # else no record: an index written half-way
                group = [key & _LOW for key in keys[i:j]]
                if len(group) == 1:
                    n = group[0]
                    units: tuple[CitingUnit, ...] = (
                        _citing_unit(codes[n], kinds[n], rows[n], targets),
                    )
                else:
                    carried: set[int] = set()
                    for n in group:
                        if codes[n] == _PARAGRAPH:
                            carried.update(rows[n][1])
                    units = tuple(
                        _citing_unit(codes[n], kinds[n], rows[n], targets)
                        for n in group
                        if codes[n] != _FOOTNOTE or not carried.issuperset(rows[n][1])
                    )
                # positional: a third cheaper than keywords, for a thousand resolutions
                citing.append(
                    Citing(
                        meta.symbol,
                        meta.body,
                        meta.session,
                        meta.year,
                        meta.adopted,
                        meta.title,
                        units,
                    )
                )
            i = j
        return citing


_LOW = (1 << 32) - 1


def _order(citing: Citing) -> tuple[Any, ...]:
    return (citing.adopted or "9999", citing.year or 9999, natural_key(citing.symbol))


def run_cites(searcher: Any, target: str) -> CitesResult:
    """Every resolution citing ``target`` (any usual spelling), by date of adoption, with
    the paragraphs that cite it directly or through a footnote: the citing units from the
    postings of ``cites``, what is listed of each and of its resolution from the columns:
    nothing scored, no stored field read."""
    canonical = normalize_target(target)
    key = target_key(canonical)
    found = _Found()
    ranks, metas = found.ranks, found.metas
    keys, codes, kinds, rows = found.keys, found.codes, found.kinds, found.rows
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
            rank = ranks.get(res)
            if rank is None:
                rank = ranks[res] = len(metas)
                metas.append(record_meta(seg, res, deleted))
            if row is not None:
                # the header (place -1) first, then the units in document order
                code = unit[doc]
                place = 0 if code == _RECORD else order[doc] + 1
                keys.append(rank << 64 | place << 32 | len(rows))
                codes.append(code)
                kinds.append(kind[doc])
                rows.append(row)
    targets = _Targets(key, canonical)
    citing = found.listed(targets)
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
