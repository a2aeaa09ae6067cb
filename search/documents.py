"""Resolution -> index documents: one per paragraph, one per footnote, one record.

Pure: no Whoosh, no I/O. The field names are those of ``resdex.search.schema.build_schema``.
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Iterable
from typing import Any

from resdex.indexer.models import Citation, CitationKind, Footnote, Paragraph, Resolution
from resdex.indexer.serialize import resolution_from_dict, resolution_to_dict
from resdex.search.schema import (
    KIND_FOOTNOTE,
    UNIT_DOCUMENT,
    UNIT_FOOTNOTE,
    UNIT_PARAGRAPH,
    number_term,
)
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
    return _common(res, sha) | {
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
        "cites": _keys(cited),
        "cites_direct": _keys(direct),
        "cites_footnote": _keys(through_notes),
        "links": _keys(c for c in p.citations if c.kind != CitationKind.CITATION),
        "citations": _stored_citations(cited),
    }


def footnote_document(res: Resolution, f: Footnote, order: int, sha: str) -> IndexDoc:
    cited = [c for c in f.citations if c.kind == CitationKind.CITATION]
    return _common(res, sha) | {
        "id": f"{res.meta.symbol}#fn{f.number}",
        "unit": UNIT_FOOTNOTE,
        "order": order,
        "kind": KIND_FOOTNOTE,
        "label": footnote_label(f.number),
        "footnotes": [f.number],
        "text": f.text,
        "cites": _keys(cited),
        "cites_direct": _keys(cited),
        "links": _keys(c for c in f.citations if c.kind != CitationKind.CITATION),
        "citations": _stored_citations(cited),
    }


def record_document(res: Resolution, sha: str, path: str, contents: Iterable[str] = ()) -> IndexDoc:
    """The resolution's own record: its serialized form, its header citations, and every
    content digest under which it counts as indexed (``contents``, with ``sha``)."""
    header = [c for c in res.header_citations if c.kind == CitationKind.CITATION]
    return _common(res, sha) | {
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
    """Whoosh would index "" as a term: leave empty fields out."""
    return {k: v for k, v in doc.items() if v is not None and v != "" and v != []}
