"""``cites`` and ``show`` over an open Whoosh searcher (``resdex.search.whoosh_engine.reader``).

``cites`` reads the citing units from the postings of ``cites`` and what it lists of each
from the columns (``c_cites``, unit, kind, order): nothing scored, no unit's stored fields
read; each citing resolution's record once per process (``units.record_meta``).
"""

from __future__ import annotations

from collections import defaultdict
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
from resdex.search.whoosh_engine.matching import Leaf, term_ids
from resdex.search.whoosh_engine.units import (
    cited_rows,
    leaves,
    record_meta,
    resolution_at,
    segment_columns,
)

KIND_NAMES = {code: name for name, code in KIND_CODES.items()}


# --- cites ----------------------------------------------------------------------------------


# (unit code, order, kind code, the c_cites row) of a unit citing the target
_Citer = tuple[int, int, int, Any]


def _citing_unit(unit: _Citer, key: str, keys: dict[str, str]) -> CitingUnit:
    """What ``cites`` lists of a unit; ``keys``: target_key of the targets seen so far."""
    code, _, kind, (label, _, rows) = unit
    matching = [row for row in rows if _key(row[0], keys) == key]
    if code == UNIT_CODES[UNIT_PARAGRAPH]:  # a paragraph: directly, or through its notes
        direct = any(via is None for _, _, via in matching)
    else:  # a footnote's or the header's own citations are direct
        direct = bool(matching)
    return CitingUnit(
        label=label,
        kind="header" if code == UNIT_CODES[UNIT_DOCUMENT] else KIND_NAMES.get(kind, ""),
        direct=direct,
        via_footnotes=tuple(sorted({via for _, _, via in matching if via is not None})),
        surfaces=tuple(dict.fromkeys(surface for _, surface, _ in matching)),
    )


def _key(target: str, keys: dict[str, str]) -> str:
    found = keys.get(target)
    if found is None:
        found = keys[target] = target_key(target)
    return found


def run_cites(searcher: Any, target: str) -> CitesResult:
    """Every resolution citing ``target`` (any usual spelling), by date of adoption, with
    the paragraphs that cite it directly or through a footnote: the citing units from the
    postings of ``cites``, what is listed of each from the columns, nothing scored and no
    stored field read but each resolution's record (once per process)."""
    canonical = normalize_target(target)
    key = target_key(canonical)
    found: dict[int, list[_Citer]] = defaultdict(list)
    keys: dict[str, str] = {}
    metas: dict[int, Resolved | None] = {}
    for sub, _, seg in leaves(searcher):
        deleted = Leaf(sub, seg).deleted()
        ids = [doc for doc in term_ids(seg, "cites", key) if doc not in deleted]
        if not ids:
            continue
        columns = segment_columns(seg)
        rows = cited_rows(seg)
        for doc in ids:
            res = columns.res[doc]
            if res not in metas:
                metas[res] = record_meta(seg, res)
            row = rows[doc]
            if row is not None:
                found[res].append((columns.unit[doc], columns.order[doc], columns.kind[doc], row))
    written = canonical
    citing = []
    paragraph, footnote, record = (
        UNIT_CODES[u] for u in (UNIT_PARAGRAPH, UNIT_FOOTNOTE, UNIT_DOCUMENT)
    )
    for res, units in found.items():
        meta = metas[res]
        if meta is None:  # no record: an index written half-way (never by resdex)
            continue
        units.sort(key=lambda u: (u[0] != record, u[1]))
        carried = {n for u in units if u[0] == paragraph for n in u[3][1]}
        kept = []
        for unit in units:
            if unit[0] == footnote and set(unit[3][1]) <= carried:
                continue  # already listed through the paragraphs that carry its marker
            kept.append(_citing_unit(unit, key, keys))
            for cited, _, _ in unit[3][2]:
                if _key(cited, keys) == key:
                    written = cited
        citing.append(
            Citing(
                symbol=meta.symbol,
                body=meta.body,
                session=meta.session,
                year=meta.year,
                adopted=meta.adopted,
                title=meta.title,
                units=tuple(kept),
            )
        )
    citing.sort(key=lambda c: (c.adopted or "9999", c.year or 9999, natural_key(c.symbol)))
    return CitesResult(target=written, citing=tuple(citing))


# --- show -----------------------------------------------------------------------------------


def run_show(searcher: Any, symbol: str) -> Resolution:
    """The indexed Resolution of ``symbol`` (any usual spelling), from its stored record and
    its units' texts."""
    key = target_key(normalize_target(symbol))
    docnum = searcher.document_number(symkey=key, unit=UNIT_DOCUMENT)
    if docnum is None:
        raise NotIndexed(f"{symbol.strip()} is not in the index")
    return resolution_at(searcher.reader(), docnum)
