"""Tag the citations of resolutions: Resolution -> Resolution with citations.

Each text of a document (paragraphs, footnotes, the report line) that may hold a citation
goes through the spaCy pipeline of ``resdex.indexer.nlp`` (the ruler finds anchors); the pure
resolver of ``resdex.indexer.resolve`` turns the anchors into ``Citation`` values; the instrument
table of ``resdex.indexer.instruments`` adds its links. A cheap regex pre-check skips the texts
that cannot hold a citation, so most paragraphs never reach spaCy.

Importing this module does not import spaCy: the pipeline is built on first use.
"""

from __future__ import annotations

import dataclasses
import functools
import weakref
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import TYPE_CHECKING

from resdex.indexer import cite_patterns
from resdex.indexer.frozen import fast_init
from resdex.indexer.instruments import find_instruments
from resdex.indexer.models import Body, Citation, Paragraph, Resolution
from resdex.indexer.plausibility import sc_year_of
from resdex.indexer.resolve import CiteContext, resolve_anchors
from resdex.indexer.text_cache import Matched, TextCache

if TYPE_CHECKING:
    from spacy.language import Language

HEADER_REPORT = "header:report"
HEADER_DRAFT = "header:draft"

# Texts per nlp.pipe call and resolutions per batch in tag_many.
_PIPE_BATCH = 256
_RESOLUTION_BATCH = 64


@functools.cache
def default_pipeline() -> Language:
    """The pipeline built once per process when callers pass none."""
    from resdex.indexer.nlp import build_pipeline

    return build_pipeline()


def may_cite(text: str) -> bool:
    """Whether ``text`` can hold a citation by number or symbol (the cheap pre-check)."""
    return cite_patterns.may_cite(text)


@fast_init
@dataclasses.dataclass(frozen=True, slots=True)
class _Unit:
    """One text to tag: where it stands and which document it belongs to."""

    text: str
    location: str
    ctx: CiteContext


_CACHES: weakref.WeakKeyDictionary[Language, TextCache] = weakref.WeakKeyDictionary()


def text_cache(nlp: Language) -> TextCache:
    """The per-process cache of what each text alone decides, for pipeline ``nlp``."""
    cache = _CACHES.get(nlp)
    if cache is None:
        cache = _CACHES[nlp] = TextCache()
    return cache


def _matched(texts: Sequence[str], nlp: Language, cache: TextCache | None) -> dict[str, Matched]:
    """What each distinct text alone decides: from the cache, else matched now (only the
    texts that pass the cheap pre-check go through spaCy) and put in the cache."""
    from resdex.indexer.nlp import find_anchors

    out: dict[str, Matched] = {}
    missing: list[str] = []
    for text in texts:
        if text in out:
            continue
        found = cache.get(text) if cache is not None else None
        if found is None:
            missing.append(text)
            out[text] = _NOT_YET
        else:
            out[text] = found
    todo = [text for text in missing if may_cite(text)]
    found_anchors = dict(zip(todo, find_anchors(nlp, todo, _PIPE_BATCH), strict=True))
    for text in missing:
        matched = Matched(tuple(found_anchors.get(text, ())), find_instruments(text))
        out[text] = matched
        if cache is not None:
            cache.put(text, matched)
    return out


_NOT_YET = Matched((), ())


def _tag_units(
    units: Sequence[_Unit], nlp: Language, *, cache: bool = True
) -> list[tuple[Citation, ...]]:
    """Citations then instrument links of every unit, in the units' order."""
    matched = _matched([unit.text for unit in units], nlp, text_cache(nlp) if cache else None)
    results: list[tuple[Citation, ...]] = []
    for unit in units:
        found = matched[unit.text]
        cites: tuple[Citation, ...] = ()
        if found.anchors:
            cites = resolve_anchors(unit.text, found.anchors, unit.ctx, unit.location)
        if found.links:
            links = tuple(link.at(unit.location) for link in found.links)
            cites = tuple(sorted(cites + links, key=lambda c: (c.start, c.end)))
        results.append(cites)
    return results


def find_citations(
    text: str,
    ctx: CiteContext,
    nlp: Language | None = None,
    location: str = "",
    *,
    cache: bool = True,
) -> tuple[Citation, ...]:
    """Every citation (and instrument link) of one text, in text order. ``cache``: look
    the text up in (and add it to) the per-process ``text_cache`` (the result is the same)."""
    return _tag_units([_Unit(text, location, ctx)], nlp or default_pipeline(), cache=cache)[0]


def _context(res: Resolution) -> CiteContext:
    meta = res.meta
    year = meta.year
    if meta.body is Body.SC and meta.number.split(" ")[0].isdigit():
        # the year its own number was adopted in, when the header's year is off: "S/RES/434
        # (1973)" read from an OCR slip of 434 (1978)
        own = sc_year_of(int(meta.number.split(" ")[0]))
        year = max(year or 0, own or 0) or None
    return CiteContext(meta.body, meta.symbol, year, meta.session, meta.title or "")


def _header_units(res: Resolution) -> list[tuple[str, str]]:
    """The header lines that may cite: the report line, a draft's header line (the draft
    it replaces: "… on the basis of informal consultations on draft resolution
    A/C.2/80/L.8")."""
    lines: list[tuple[str, str]] = []
    if res.meta.report is not None:
        lines.append((res.meta.report.text, HEADER_REPORT))
    if res.meta.draft_header:
        lines.append((res.meta.draft_header, HEADER_DRAFT))
    return lines


def _units_of(res: Resolution) -> list[_Unit]:
    """The texts of a resolution in a fixed order: paragraphs, footnotes, header lines."""
    ctx = _context(res)
    units = [_Unit(p.text, p.label, ctx) for p in res.paragraphs]
    previous = ""
    for note in res.footnotes:
        ibid = previous if note.text.lstrip().startswith("Ibid") else ""
        note_ctx = dataclasses.replace(ctx, ibid=ibid) if ibid else ctx
        units.append(_Unit(note.text, f"footnote {note.number}", note_ctx))
        previous = note.text
    units += [_Unit(text, location, ctx) for text, location in _header_units(res)]
    return units


def _rebuild(res: Resolution, found: Sequence[tuple[Citation, ...]]) -> Resolution:
    """A new Resolution with the citations found for its units (in ``_units_of`` order)."""
    n_par = len(res.paragraphs)
    n_notes = len(res.footnotes)
    note_cites = found[n_par : n_par + n_notes]
    # (a text without citations keeps its object: most paragraphs and footnotes)
    footnotes = tuple(
        note if cites == note.citations else note.with_citations(cites)
        for note, cites in zip(res.footnotes, note_cites, strict=True)
    )
    by_number = {note.number: note.citations for note in footnotes if note.citations}
    paragraphs: list[Paragraph] = []
    for paragraph, direct in zip(res.paragraphs, found[:n_par], strict=True):
        cites = direct
        if paragraph.footnotes and by_number:  # (most paragraphs: no marker)
            cites += tuple(
                cite.at(paragraph.label, via_footnote=number)
                for number in paragraph.footnotes
                for cite in by_number.get(number, ())
            )
        if cites != paragraph.citations:
            paragraph = paragraph.with_citations(cites)
        paragraphs.append(paragraph)
    header = tuple(cite for cites in found[n_par + n_notes :] for cite in cites)
    return dataclasses.replace(
        res,
        paragraphs=tuple(paragraphs),
        footnotes=footnotes,
        header_citations=header,
    )


def tag_citations(
    res: Resolution, nlp: Language | None = None, *, cache: bool = True
) -> Resolution:
    """``res`` with its citations: per paragraph (direct, then via footnotes), per
    footnote, and for the report line. Pure: returns a new Resolution (the same with
    ``cache`` or without: see ``find_citations``)."""
    return _tag_batch([res], nlp or default_pipeline(), cache=cache)[0]


def _tag_batch(
    batch: Sequence[Resolution], nlp: Language, *, cache: bool = True
) -> list[Resolution]:
    per_res = [_units_of(res) for res in batch]
    flat = [unit for units in per_res for unit in units]
    found = _tag_units(flat, nlp, cache=cache)
    out: list[Resolution] = []
    pos = 0
    for res, units in zip(batch, per_res, strict=True):
        out.append(_rebuild(res, found[pos : pos + len(units)]))
        pos += len(units)
    return out


def tag_many(
    resolutions: Iterable[Resolution],
    nlp: Language | None = None,
    batch_size: int = _RESOLUTION_BATCH,
) -> Iterator[Resolution]:
    """Tag many resolutions lazily, piping the texts of ``batch_size`` documents at a time
    through one pipeline (for index workers: build one ``nlp`` per process)."""
    pipeline = nlp or default_pipeline()
    it = iter(resolutions)
    while batch := list(islice(it, batch_size)):
        yield from _tag_batch(batch, pipeline)


__all__ = [
    "HEADER_DRAFT",
    "HEADER_REPORT",
    "CiteContext",
    "default_pipeline",
    "find_citations",
    "may_cite",
    "tag_citations",
    "tag_many",
    "text_cache",
]
