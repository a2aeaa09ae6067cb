"""Resolution <-> the JSON shape of ``resdex parse --json`` and ``resdex show --json``.

The keys that ``../shared/interface.md`` names are kept as they are; the rest of the model
stands beside them. ``resolution_from_dict(resolution_to_dict(r)) == r`` (the source file
aside), so the index can store a document once and ``show`` can render it without parsing.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import MISSING, fields
from typing import TYPE_CHECKING, Any, TypeVar

from resdex.indexer import models as M

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

JSONDict = dict[str, Any]
_Model = TypeVar("_Model", bound="DataclassInstance")


@functools.cache
def _field_specs(cls: type[DataclassInstance]) -> tuple[tuple[str, bool], ...]:
    """(name, whether it has no default) of each field of a model, looked up once: a
    record's every citation, paragraph and footnote is decoded through ``_from_fields``."""
    return tuple((f.name, f.default is MISSING) for f in fields(cls))


def _from_fields(cls: type[_Model], d: JSONDict, **converted: Any) -> _Model:
    """A model from its JSON dict: every field ``converted`` does not give is read from
    ``d`` under its own name as it is (its default where the key is missing)."""
    values = dict(converted)
    for name, required in _field_specs(cls):
        if name not in values and (name in d or required):
            values[name] = d[name]
    return cls(**values)


def citation_to_dict(c: M.Citation) -> JSONDict:
    return {
        "text": c.surface,
        "target": c.target,
        "start": c.start,
        "end": c.end,
        "via_footnote": c.via_footnote,
        "kind": c.kind.value,
        "part": c.part,
        "pinpoint": c.pinpoint,
        "location": c.location,
    }


def citation_from_dict(d: JSONDict) -> M.Citation:
    return _from_fields(
        M.Citation, d, surface=d["text"], kind=M.CitationKind(d.get("kind", "citation"))
    )


def _split(citations: tuple[M.Citation, ...]) -> JSONDict:
    """``citations`` holds real citations only; instrument links stand apart in ``links``."""
    return {
        "citations": [citation_to_dict(c) for c in citations if c.kind is M.CitationKind.CITATION],
        "links": [citation_to_dict(c) for c in citations if c.kind is M.CitationKind.INSTRUMENT],
    }


def _merge(d: JSONDict, footnotes: tuple[int, ...] = ()) -> tuple[M.Citation, ...]:
    """Undo ``_split``: direct ones by position, then those via each footnote marker."""
    found = [citation_from_dict(c) for c in (*d.get("citations", ()), *d.get("links", ()))]

    def order(c: M.Citation) -> tuple[int, int, int]:
        rank = -1 if c.via_footnote is None else footnotes.index(c.via_footnote)
        return (rank, c.start, c.end)

    return tuple(sorted(found, key=order))


def paragraph_to_dict(p: M.Paragraph) -> JSONDict:
    return {
        "label": p.label,
        "kind": p.kind.value,
        "verb": p.verb,
        "modifier": p.modifier,
        "opening": p.opening,
        "number": p.number,
        "parent": p.parent,
        "text": p.text,
        "footnotes": list(p.footnotes),
        **_split(p.citations),
    }


def paragraph_from_dict(d: JSONDict) -> M.Paragraph:
    footnotes = tuple(d.get("footnotes", ()))
    return _from_fields(
        M.Paragraph,
        d,
        kind=M.ParagraphKind(d["kind"]),
        footnotes=footnotes,
        citations=_merge(d, footnotes),
    )


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def resolution_to_dict(res: M.Resolution) -> JSONDict:
    meta = res.meta
    report = meta.report
    out: JSONDict = {
        "symbol": meta.symbol,
        "body": meta.body.value,
        "session": meta.session,
        "year": meta.year,
        "number": meta.number,
        "adopted": _iso(meta.adopted),
        "distributed": _iso(meta.distributed),
        "title": meta.title,
        "draft": meta.draft,
        "distribution": meta.distribution,
        "draft_header": meta.draft_header,
        "agenda_items": list(meta.agenda_items),
        "report": (
            {"committee": report.committee, "symbol": report.symbol, "text": report.text}
            if report
            else None
        ),
        "meeting": meta.meeting,
        "vote": meta.vote,
        "sponsors": list(meta.sponsors),
        "paragraphs": [paragraph_to_dict(p) for p in res.paragraphs],
        "footnotes": [
            {
                "number": f.number,
                "text": f.text,
                **({"mark": f.mark} if f.mark else {}),
                **_split(f.citations),
            }
            for f in res.footnotes
        ],
        "header_citations": [citation_to_dict(c) for c in res.header_citations],
        "citations": [citation_to_dict(c) for c in res.citations()],
        "links": [citation_to_dict(c) for c in res.links()],
    }
    if res.source is not None:
        out["source"] = {
            "path": res.source.path,
            "format": res.source.format.value,
            "sha256": res.source.sha256,
        }
    return out


def resolution_from_dict(d: JSONDict) -> M.Resolution:
    """Rebuild a Resolution from ``resolution_to_dict`` output (without its source file)."""
    report = d.get("report")
    meta = _from_fields(
        M.Metadata,
        d,
        body=M.Body(d["body"]),
        adopted=_date(d.get("adopted")),
        distributed=_date(d.get("distributed")),
        agenda_items=tuple(d.get("agenda_items", ())),
        report=_from_fields(M.Report, report) if report else None,
        sponsors=tuple(d.get("sponsors", ())),
    )
    return M.Resolution(
        meta=meta,
        paragraphs=tuple(paragraph_from_dict(p) for p in d["paragraphs"]),
        footnotes=tuple(
            _from_fields(M.Footnote, f, citations=_merge(f)) for f in d.get("footnotes", ())
        ),
        header_citations=tuple(citation_from_dict(c) for c in d.get("header_citations", ())),
    )
