"""Resolution -> index documents: one per paragraph, one per footnote, one record.

Pure: no Whoosh, no I/O. The field names are those of ``resdex.search.schema.build_schema``.
"""

from __future__ import annotations

import hashlib
import json
import zlib
from collections.abc import Iterable
from datetime import date
from typing import Any

from resdex.indexer.models import Citation, CitationKind, Footnote, Paragraph, Resolution
from resdex.indexer.serialize import resolution_from_dict, resolution_to_dict
from resdex.search.schema import (
    ADOPTED,
    BODY_ORDER,
    COL_ADOPTED,
    COL_BODY,
    COL_DRAFT,
    COL_KIND,
    COL_ORDER,
    COL_RES,
    COL_SESSION,
    COL_UNIT,
    COL_VERB,
    COL_YEAR,
    COLUMNS,
    DRAFT,
    KIND_CODES,
    KIND_FOOTNOTE,
    UNIT_CODES,
    UNIT_DOCUMENT,
    UNIT_FOOTNOTE,
    UNIT_PARAGRAPH,
    number_term,
)
from resdex.search.status import is_draft
from resdex.search.targets import target_key

IndexDoc = dict[str, Any]


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


def _stored_citations(citations: Iterable[Citation]) -> list[tuple[str, str, int | None]]:
    return [(c.target, c.surface, c.via_footnote) for c in citations]


_COLUMN_NAMES = frozenset(name for name, _ in COLUMNS)
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


def verb_code(verb: str | None) -> int:
    """The ``c_verb`` column: a digest of the head verb as ``--by verb`` groups it."""
    key = " ".join((verb or "").lower().split())
    return digest(key, 31) if key else 0


def _columns(res: Resolution, unit: str, kind: str | None, order: int) -> IndexDoc:
    meta = res.meta
    body = BODY_ORDER.index(meta.body.value) + 1 if meta.body.value in BODY_ORDER else OTHER_BODY
    return {
        COL_UNIT: UNIT_CODES[unit],
        COL_KIND: KIND_CODES.get(kind or "", 0),
        COL_BODY: body,
        COL_DRAFT: DRAFT if is_draft(meta.symbol, meta.adopted) else ADOPTED,
        COL_SESSION: meta.session or 0,
        COL_YEAR: meta.year or 0,
        COL_ADOPTED: (meta.adopted - EPOCH).days + 1 if meta.adopted else 0,
        COL_ORDER: order,
        COL_RES: resolution_code(target_key(meta.symbol)),
    }


def _common(res: Resolution, sha: str) -> IndexDoc:
    meta = res.meta
    return {
        "symbol": meta.symbol,
        "symkey": target_key(meta.symbol),
        "sha": sha,
        "body": meta.body.value,
        "session": number_term(meta.session) if meta.session is not None else None,
        "year": number_term(meta.year) if meta.year is not None else None,
        "adopted": meta.adopted.isoformat() if meta.adopted else "",
        "title": meta.title or "",
    }


def paragraph_document(res: Resolution, p: Paragraph, order: int, sha: str) -> IndexDoc:
    cited = [c for c in p.citations if c.kind == CitationKind.CITATION]
    direct = [c for c in cited if c.via_footnote is None]
    through_notes = [c for c in cited if c.via_footnote is not None]
    return (
        _common(res, sha)
        | {
            "id": f"{res.meta.symbol}#{p.label}",
            "unit": UNIT_PARAGRAPH,
            "order": order,
            "kind": p.kind.value,
            "label": p.label,
            "verb": p.verb,
            "modifier": p.modifier,
            "opening": p.opening,
            "verbs": verb_keys(p),
            "footnotes": list(p.footnotes),
            "text": p.text,
            "pairs": p.text,
            "cites": _keys(cited),
            "cites_direct": _keys(direct),
            "cites_footnote": _keys(through_notes),
            "links": _keys(c for c in p.citations if c.kind != CitationKind.CITATION),
            "citations": _stored_citations(cited),
            COL_VERB: verb_code(p.verb),
        }
        | _columns(res, UNIT_PARAGRAPH, p.kind.value, order)
    )


def footnote_document(res: Resolution, f: Footnote, order: int, sha: str) -> IndexDoc:
    cited = [c for c in f.citations if c.kind == CitationKind.CITATION]
    return (
        _common(res, sha)
        | {
            "id": f"{res.meta.symbol}#fn{f.number}",
            "unit": UNIT_FOOTNOTE,
            "order": order,
            "kind": KIND_FOOTNOTE,
            "label": footnote_label(f.number),
            "footnotes": [f.number],
            "text": f.text,
            "pairs": f.text,
            "cites": _keys(cited),
            "cites_direct": _keys(cited),
            "links": _keys(c for c in f.citations if c.kind != CitationKind.CITATION),
            "citations": _stored_citations(cited),
        }
        | _columns(res, UNIT_FOOTNOTE, KIND_FOOTNOTE, order)
    )


def record_document(res: Resolution, sha: str, path: str, contents: Iterable[str] = ()) -> IndexDoc:
    """The resolution's own record: its serialized form, its header citations, and every
    content digest under which it counts as indexed (``contents``, with ``sha``)."""
    header = [c for c in res.header_citations if c.kind == CitationKind.CITATION]
    return (
        _common(res, sha)
        | {
            "id": f"{res.meta.symbol}#doc",
            "unit": UNIT_DOCUMENT,
            "order": 0,
            "label": "header",
            "cites": _keys(header),
            "cites_direct": _keys(header),
            "citations": _stored_citations(header),
            "contents": " ".join(dict.fromkeys([sha, *contents])),
            "path": path,
            "data": pack_resolution(res),
        }
        | _columns(res, UNIT_DOCUMENT, None, 0)
    )


def pack_resolution(res: Resolution) -> bytes:
    """The stored form of a whole resolution: its JSON, deflated (a fifth of the size; it
    repeats every paragraph's text, which the index stores once more for the hits)."""
    text = json.dumps(resolution_to_dict(res), ensure_ascii=False, separators=(",", ":"))
    return zlib.compress(text.encode("utf-8"), 6)


def unpack_resolution(data: bytes) -> Resolution:
    return resolution_from_dict(json.loads(zlib.decompress(data).decode("utf-8")))


def index_documents(
    res: Resolution, sha: str, path: str, contents: Iterable[str] = ()
) -> list[IndexDoc]:
    """Every index document of one resolution: its paragraphs in order, its footnotes,
    then its record."""
    docs = [paragraph_document(res, p, i, sha) for i, p in enumerate(res.paragraphs, 1)]
    start = len(docs) + 1
    docs += [footnote_document(res, f, start + i, sha) for i, f in enumerate(res.footnotes)]
    docs.append(record_document(res, sha, path, contents))
    return [_without_empty(d) for d in docs]


def _without_empty(doc: IndexDoc) -> IndexDoc:
    """Whoosh would index "" as a term: leave empty fields out (and columns at their
    default, 0, which Whoosh writes no faster)."""
    return {
        k: v
        for k, v in doc.items()
        if v is not None and v != "" and v != [] and not (v == 0 and k in _COLUMN_NAMES)
    }
