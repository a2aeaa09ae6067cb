"""Resolution -> index documents: one per paragraph, one per footnote, one record.

Pure: no Whoosh, no I/O. The field names are those of
``resdex.search.whoosh_engine.schema.build_schema``.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable, Sequence
from datetime import date
from typing import Any

from resdex.indexer.errors import ResdexError
from resdex.indexer.models import Citation, CitationKind, Footnote, Paragraph, Resolution
from resdex.indexer.serialize import resolution_from_dict, resolution_to_dict
from resdex.search import schema as sc
from resdex.search.status import is_draft
from resdex.search.targets import target_key

IndexDoc = dict[str, Any]
# (target, surface, via footnote | None): a citation as ``cites`` shows it
CitationRow = tuple[str, str, int | None]


def footnote_label(number: int) -> str:
    return f"footnote {number}"


def verb_keys(p: Paragraph) -> str:
    """The forms ``--verb`` matches: "urges" and "strongly urges" for "Strongly urges"."""
    if not p.verb:
        return ""
    verb = " ".join(p.verb.lower().split())
    forms = [verb]
    if p.modifier:
        forms.append(f"{' '.join(p.modifier.lower().split())} {verb}")
    if p.opening:
        forms.append(" ".join(p.opening.lower().split()))
    return ",".join(dict.fromkeys(forms))


def _keys(citations: Iterable[Citation]) -> str:
    return " ".join(dict.fromkeys(target_key(c.target) for c in citations))


_COLUMN_NAMES = frozenset(name for name, _, _ in sc.COLUMNS) | {*sc.PICKLED_COLUMNS, sc.COL_FILE}
EPOCH = date(1900, 1, 1)
OTHER_BODY = 15  # the code of a body missing from BODY_ORDER


def digest(text: str, bits: int) -> int:
    """A stable non-zero digest of ``text`` in ``bits`` bits (blake2b)."""
    value = int.from_bytes(hashlib.blake2b(text.encode("utf-8"), digest_size=8).digest(), "big")
    return (value >> (64 - bits)) or 1


def resolution_code(symkey: str) -> int:
    """The ``c_res`` column of a resolution: 63 bits, so that two of a million resolutions
    share one with a chance of about 1 in 10^7."""
    return digest(symkey, 63)


def verb_key(verb: str | None) -> str:
    """A head verb as ``--by verb`` groups it: lower-cased, spaces made single
    ("Strongly  Urges" -> "strongly urges"); "" for none."""
    return " ".join((verb or "").lower().split())


def verb_code(verb: str | None) -> int:
    """The ``c_verb`` column: a digest of the head verb's ``verb_key``."""
    key = verb_key(verb)
    return digest(key, 31) if key else 0


def body_code(body: str) -> int:
    """The ``c_body`` column of a body ("GA": 1)."""
    return sc.BODY_ORDER.index(body) + 1 if body in sc.BODY_ORDER else OTHER_BODY


def file_code(sha: str) -> int:
    """The ``c_file`` column of a unit or record: 31 bits of the sha256 of the file it was
    indexed from, which tells a record's units from those of a superseded file of the same
    symbol."""
    return digest(sha, 31)


def _common(res: Resolution, sha: str) -> IndexDoc:
    """What every index document of ``res`` holds alike: the resolution's metadata as
    indexed terms and columns (made once per resolution, empty ones left out). A unit
    stores none of it: its readers take the symbol as written and the adoption date from
    the record (``c_meta``), the rest from the columns; the record stores them
    (``record_document``)."""
    meta = res.meta
    symkey = target_key(meta.symbol)
    return _without_empty(
        {
            "symkey": symkey,
            "body": meta.body.value,
            "session": sc.number_term(meta.session) if meta.session is not None else None,
            "year": sc.number_term(meta.year) if meta.year is not None else None,
            sc.COL_BODY: body_code(meta.body.value),
            sc.COL_DRAFT: sc.DRAFT if is_draft(meta.symbol, meta.adopted) else sc.ADOPTED,
            sc.COL_SESSION: meta.session or 0,
            sc.COL_YEAR: meta.year or 0,
            sc.COL_ADOPTED: (meta.adopted - EPOCH).days + 1 if meta.adopted else 0,
            sc.COL_RES: resolution_code(symkey),
            sc.COL_FILE: file_code(sha),
        }
    )


def _unit(
    common: IndexDoc,
    symbol: str,
    unit: str,
    key: str,
    label: str,
    kind: str | None,
    order: int,
    cited: list[Citation],
    footnotes: Iterable[int] = (),
) -> IndexDoc:
    """An index document of resolution ``symbol``: what all its documents hold
    (``common``), the unit's identity ("A/RES/71/194#" + ``key``) and the targets it
    cites (``cites`` indexed; the citations themselves in the ``c_cites`` column)."""
    doc = {
        "id": f"{symbol}#{key}",
        "unit": unit,
        sc.COL_UNIT: sc.UNIT_CODES[unit],
        **common,
    }
    if label:
        doc["label"] = label
    if kind:
        doc["kind"] = kind
    if code := sc.KIND_CODES.get(kind or "", 0):
        doc[sc.COL_KIND] = code
    if order:
        doc[sc.COL_ORDER] = order
    if cited:
        if keys := _keys(cited):
            doc["cites"] = keys
        rows = tuple((c.target, c.surface, c.via_footnote) for c in cited)
        doc[sc.COL_CITES] = (label, tuple(footnotes), rows)
    return doc


def _cited(citations: Iterable[Citation]) -> list[Citation]:
    return [c for c in citations if c.kind == CitationKind.CITATION]


def paragraph_document(p: Paragraph, symbol: str, order: int, common: IndexDoc) -> IndexDoc:
    """The index document of a paragraph of resolution ``symbol`` (``common``: its
    ``_common``)."""
    cited = _cited(p.citations)
    label, kind = p.label, p.kind.value
    doc = _unit(common, symbol, sc.UNIT_PARAGRAPH, label, label, kind, order, cited, p.footnotes)
    verbs = verb_keys(p)
    if p.verb:
        doc["verb"] = p.verb
    if code := verb_code(p.verb):
        doc[sc.COL_VERB] = code
    if p.opening and p.opening != p.verb:  # read as the verb when absent
        doc["opening"] = p.opening
    if verbs:
        doc["verbs"] = verbs
    if p.text:
        doc["text"] = doc["pairs"] = p.text
    if cited:
        direct = _keys(c for c in cited if c.via_footnote is None)
        via = _keys(c for c in cited if c.via_footnote is not None)
        if direct:
            doc["cites_direct"] = direct
        if via:
            doc["cites_footnote"] = via
    return doc


def footnote_document(f: Footnote, symbol: str, order: int, common: IndexDoc) -> IndexDoc:
    """The index document of a footnote (``common`` as for ``paragraph_document``)."""
    cited = _cited(f.citations)
    label = footnote_label(f.number)
    key = f"fn{f.number}"
    doc = _unit(
        common, symbol, sc.UNIT_FOOTNOTE, key, label, sc.KIND_FOOTNOTE, order, cited, [f.number]
    )
    if f.text:
        doc["text"] = doc["pairs"] = f.text
    if keys := doc.get("cites"):
        doc["cites_direct"] = keys
    return doc


def record_document(
    res: Resolution,
    sha: str,
    path: str,
    contents: Iterable[str],
    common: IndexDoc,
) -> IndexDoc:
    """The resolution's own record: its serialized form, its header citations, and every
    content digest under which it counts as indexed (``contents``, with ``sha``)."""
    cited = _cited(res.header_citations)
    meta = res.meta
    doc = _unit(common, meta.symbol, sc.UNIT_DOCUMENT, "doc", "header", None, 0, cited)
    return doc | _without_empty(
        {
            "symbol": meta.symbol,
            "sha": sha,
            "adopted": meta.adopted.isoformat() if meta.adopted else "",
            "title": res.meta.title or "",
            "cites_direct": doc.get("cites"),
            "contents": " ".join(dict.fromkeys([sha, *contents])),
            "path": path,
            "data": pack_resolution(res),
            sc.COL_META: meta_value(res),
        }
    )


def meta_value(res: Resolution) -> tuple[str, str, str, str]:
    """The ``c_meta`` column of a resolution's record: (symbol, body, adoption date ISO or
    "", title or "")."""
    meta = res.meta
    adopted = meta.adopted.isoformat() if meta.adopted else ""
    return (meta.symbol, meta.body.value, adopted, meta.title or "")


def pack_resolution(res: Resolution) -> bytes:
    """The stored form of a whole resolution but the texts of its paragraphs and footnotes
    (each unit stores its own, in order): its JSON, deflated. With the texts, the records
    were a fifth of the index."""
    d = resolution_to_dict(res)
    for unit in (*d["paragraphs"], *d["footnotes"]):
        unit.pop("text", None)
    text = json.dumps(d, ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 6)


def _unpacked(data: bytes) -> dict[str, Any]:
    return json.loads(zlib.decompress(data).decode("utf-8"))  # type: ignore[no-any-return]


def record_size(data: bytes) -> int:
    """How many paragraphs and footnotes a record's ``data`` lists (as many units store
    their texts beside it)."""
    d = _unpacked(data)
    return len(d["paragraphs"]) + len(d["footnotes"])


class RecordMismatch(ResdexError):
    """A record and the units stored beside it do not fit together."""


def unpack_resolution(data: bytes, texts: Sequence[str]) -> Resolution:
    """The Resolution of a record's ``data`` (``pack_resolution``) and the texts of its
    paragraphs, then its footnotes, in order (its units' stored text)."""
    d = _unpacked(data)
    units = [*d["paragraphs"], *d["footnotes"]]
    if len(units) != len(texts):
        raise RecordMismatch(
            f"{d.get('symbol', 'a record')} has {len(units)} paragraphs and footnotes, "
            f"{len(texts)} indexed: rebuild the index (resdex index --rebuild PATH)"
        )
    for unit, text in zip(units, texts, strict=True):
        unit["text"] = text
    return resolution_from_dict(d)


def index_documents(
    res: Resolution, sha: str, path: str, contents: Iterable[str] = ()
) -> list[IndexDoc]:
    """Every index document of one resolution: its paragraphs in order, its footnotes,
    then its record (no empty field: Whoosh would index "" as a term, and a column at
    its default, 0, is written no faster)."""
    common = _common(res, sha)
    symbol = res.meta.symbol
    docs = [paragraph_document(p, symbol, i, common) for i, p in enumerate(res.paragraphs, 1)]
    start = len(docs) + 1
    docs += [footnote_document(f, symbol, start + i, common) for i, f in enumerate(res.footnotes)]
    docs.append(record_document(res, sha, path, contents, common))
    return docs


def _without_empty(doc: IndexDoc) -> IndexDoc:
    """Whoosh would index "" as a term: leave empty fields out (and columns at their
    default, 0, which Whoosh writes no faster)."""
    return {
        k: v
        for k, v in doc.items()
        if v is not None and v != "" and v != [] and not (v == 0 and k in _COLUMN_NAMES)
    }
