"""The Whoosh engine behind ``resdex.search.engine.Reader``: ``search``, ``cites``, ``show``
over an open Whoosh index (a folder one from ``resdex.search.store.open_index``, or a
``RamStorage`` one in tests).

A ``WhooshReader`` keeps a searcher open per thread between queries (opening one reads the
table of contents and every segment's term table headers and stored-field offsets: more
than a rare phrase costs) and opens a new one when the index has a new generation. No
spaCy, no parser: this is the path ``resdex search`` starts on.
"""

from __future__ import annotations

import os
import threading
import weakref
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from whoosh import query as wq
from whoosh.qparser import QueryParser
from whoosh.qparser.default import QueryParserError

from resdex.search import request as rq
from resdex.search.request import QueryError, SearchRequest
from resdex.search.results import (
    CitesResult,
    First,
    Group,
    Hit,
    SearchResult,
    session_key,
)
from resdex.search.schema import (
    ADOPTED,
    DRAFT,
    KIND_CODES,
    UNIT_CODES,
    UNIT_FOOTNOTE,
    UNIT_PARAGRAPH,
)
from resdex.search.whoosh_engine import guard
from resdex.search.whoosh_engine.access import expanded_texts
from resdex.search.whoosh_engine.cites import KIND_NAMES, run_cites, run_show
from resdex.search.whoosh_engine.matching import (
    TEXT_CHECK,
    ExpansionTooLarge,
    Leaf,
    doc_ids,
    rewrite,
    scoring_query,
)
from resdex.search.whoosh_engine.scoring import stored_scores, term_top, top_scored
from resdex.search.whoosh_engine.snippets import match_spans, query_words, snippet
from resdex.search.whoosh_engine.timeline import Matched, body_name, by_date, group_counts
from resdex.search.whoosh_engine.units import leaves, segment_columns, stored_fields, unit_meta

if TYPE_CHECKING:
    from resdex.indexer.models import Resolution
    from resdex.search.engine import SegmentCheck, Units


class WhooshReader:
    """A Whoosh index as a ``Reader``: one searcher per thread, kept open while the index
    has no newer generation (Whoosh searchers are not safe to share between threads).
    ``of`` gives the one reader of an index object, closed when the index object goes."""

    def __init__(self, ix: Any, *, keep: bool = False) -> None:
        """``keep``: hold the index object too (a reader of an index nothing else holds);
        otherwise the reader only refers to it, so that ``of`` can close its searchers
        once the index object is gone."""
        self._ix = weakref.ref(ix)
        self._kept = ix if keep else None
        self._local = threading.local()
        self._lock = threading.Lock()
        self._open: list[Any] = []

    @classmethod
    def of(cls, ix: Any) -> WhooshReader:
        with _READERS_LOCK:
            found = _READERS.get(ix)
            if found is None:
                found = _READERS[ix] = cls(ix)
                weakref.finalize(ix, found.close)
        return found

    def searcher(self) -> Any:
        """This thread's searcher, on the newest generation of the index."""
        ix = self._index()
        current = getattr(self._local, "searcher", None)
        stamp = _stamp(ix)
        if current is not None:
            if self._local.stamp == stamp:
                return current
            self._forget(current)
        from whoosh.searching import Searcher

        fresh = Searcher(ix.reader())  # no back-reference to ``ix``: see ``of``
        with self._lock:
            self._open.append(fresh)
        self._local.searcher = fresh
        self._local.stamp = stamp
        return fresh

    def _forget(self, searcher: Any) -> None:
        with self._lock:
            if searcher in self._open:
                self._open.remove(searcher)
        searcher.close()

    def close(self) -> None:
        with self._lock:
            opened, self._open = self._open, []
        for searcher in opened:
            searcher.close()

    def search(self, request: SearchRequest) -> SearchResult:
        return run_search(self.searcher(), request)

    def cites(self, target: str) -> CitesResult:
        return run_cites(self.searcher(), target)

    def show(self, symbol: str) -> Resolution:
        return run_show(self.searcher(), symbol)

    # --- the rest of ``resdex.search.engine.Reader`` (typed there): ``browse``, ``integrity`` ---

    def size(self) -> int:
        from resdex.search.whoosh_engine import browse

        return browse.size(self.searcher())

    def resolutions(self) -> Iterator[Resolution]:
        from resdex.search.whoosh_engine import browse

        return browse.resolutions(self.searcher())

    def cited_keys(self) -> list[str]:
        from resdex.search.whoosh_engine import browse

        return browse.cited_keys(self.searcher())

    def words(self, prefix: str) -> Iterator[str]:
        from resdex.search.whoosh_engine import browse

        return browse.words(self.searcher(), prefix)

    def indexed(self, symkeys: Iterable[str]) -> set[str]:
        from resdex.search.whoosh_engine import browse

        return browse.indexed(self.searcher(), symkeys)

    def units(self) -> Units:
        from resdex.search.whoosh_engine import browse

        return browse.Units(self.searcher())

    def generation(self) -> str | None:
        from resdex.search.whoosh_engine import browse

        return browse.generation(self._index())

    def check(self) -> tuple[tuple[SegmentCheck, ...], tuple[str, ...]]:
        from resdex.search.whoosh_engine import integrity

        return integrity.check(self._index())

    def _index(self) -> Any:
        ix = self._ix()
        if ix is None:
            raise ReferenceError("the index of this reader is gone")
        return ix


def _stamp(ix: Any) -> Any:
    """What changes when ``ix`` gets a new generation: the modification time of its folder
    (one ``stat``; resdex never writes a published folder, Whoosh adds a TOC to it), or
    the generation itself for an index in memory."""
    folder = getattr(ix.storage, "folder", None)
    if folder:
        return os.stat(folder).st_mtime_ns
    return ix.latest_generation()


_READERS: weakref.WeakKeyDictionary[Any, WhooshReader] = weakref.WeakKeyDictionary()
_READERS_LOCK = threading.Lock()


# --- the query string -----------------------------------------------------------------------


_PARSERS: dict[tuple[str, ...], Any] = {}


def _parser(schema: Any) -> Any:
    """A query parser for the text field of ``schema``, built once per set of field names
    (building one costs more than parsing a query with it)."""
    key = tuple(schema.names())
    parser = _PARSERS.get(key)
    if parser is None:
        parser = QueryParser("text", schema)
        parser.add_plugin(guard.alias_plugin())
        _PARSERS[key] = parser
    return parser


# Parsed queries by (query string, field names): Whoosh's parser takes a millisecond, a rare
# phrase's whole answer three; a parsed query is never changed in place (``rewrite`` and
# the guard build new ones), so it is kept as a compiled regex is
_PARSED: dict[tuple[str, tuple[str, ...]], Any] = {}
PARSED_KEPT = 512


def parse_query(text: str, schema: Any) -> Any:
    """The Whoosh query for a query string; ``*`` alone matches every paragraph."""
    key = (text, tuple(schema.names()))
    found = _PARSED.get(key)
    if found is None:
        found = _parse(text, schema)
        if len(_PARSED) >= PARSED_KEPT:
            _PARSED.clear()
        _PARSED[key] = found
    return found


def _parse(text: str, schema: Any) -> Any:
    rq.check_syntax(text)
    try:
        guard.check_text(text, schema.names())
    except guard.GuardError as err:
        raise QueryError(str(err)) from err
    if text.strip() == "*":
        return wq.Every()
    try:
        parsed = _parser(schema).parse(text)
    except (QueryParserError, RecursionError) as err:
        raise QueryError(f"cannot read query {text!r}: {err}") from err
    except Exception as err:  # Whoosh raises bare exceptions for some field/value mixes
        raise QueryError(f"cannot read query {text!r}: {' '.join(str(err).split())}") from err
    if parsed is wq.NullQuery or isinstance(parsed, type(wq.NullQuery)):
        raise QueryError(f"query {text!r} has no words to search for")
    return parsed


# --- matching: sets of units, filtered on the columns ---------------------------------------

Bounds = tuple[str, int, int]  # (column, lowest, highest), inclusive


def column_bounds(request: SearchRequest) -> list[Bounds]:
    """The filters of a request as bounds on the per-unit columns (paragraphs and
    footnotes only, never a resolution's record)."""
    bounds: list[Bounds] = [("unit", UNIT_CODES[UNIT_PARAGRAPH], UNIT_CODES[UNIT_FOOTNOTE])]
    if request.body:
        # the write side's module (and the parser's dataclasses): only when filtering
        from resdex.search.documents import body_code

        code = body_code(rq.normalize_body(request.body))
        bounds.append(("body", code, code))
    if request.kind:
        code = KIND_CODES[rq.normalize_kind(request.kind)]
        bounds.append(("kind", code, code))
    if request.status:
        code = DRAFT if rq.normalize_status(request.status) == "draft" else ADOPTED
        bounds.append(("draft", code, code))
    for column, given in (("session", request.session), ("year", request.year)):
        if given is not None:
            lo, hi = given
            bounds.append((column, max(lo or 1, 1), hi if hi is not None else 1 << 16))
    return bounds


def needs_text(q: Any) -> bool:
    """Whether every document ``q`` (rewritten) matches holds a word of the text, which
    only paragraphs and footnotes have: then no match is a resolution's record."""
    if isinstance(q, (wq.Term, wq.Phrase, wq.Prefix, wq.Wildcard, wq.FuzzyTerm)):
        return q.fieldname in ("text", "pairs")
    if isinstance(q, wq.And):
        return any(needs_text(sub) for sub in q.subqueries)
    if isinstance(q, wq.Or):
        return all(needs_text(sub) for sub in q.subqueries)
    return False


def _matches(searcher: Any, q: Any, request: SearchRequest) -> list[Matched]:
    bounds = column_bounds(request)
    if needs_text(q):
        bounds = bounds[1:]  # the first keeps to paragraphs and footnotes
    out = []
    for sub, offset, seg in leaves(searcher):
        columns = segment_columns(seg)
        leaf = Leaf(sub, seg)
        deleted = leaf.deleted()
        try:
            if isinstance(q, wq.Term):  # one postings list, in order already
                ids = leaf.postings(q.fieldname, q.text)[0]
                if deleted:
                    ids = [d for d in ids if d not in deleted]
            else:
                ids = sorted(doc_ids(q, leaf) - deleted)
        except ExpansionTooLarge as err:
            raise QueryError(
                f"a wildcard in {request.query!r} stands for too many words; be more precise"
            ) from err
        for name, lo, hi in bounds:
            values = getattr(columns, name)
            ids = [d for d in ids if lo <= values[d] <= hi]
        out.append(Matched(seg, offset, columns, ids, leaf))
    return out


# --- search ---------------------------------------------------------------------------------


def _expanded_words(q: Any, reader: Any) -> set[str]:
    """The words a wildcard or prefix of ``q`` (not under NOT) stands for in the index."""
    found: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, wq.Not):
            return
        if isinstance(node, (wq.Prefix, wq.Wildcard, wq.FuzzyTerm)):
            if node.fieldname == "text":
                for text in expanded_texts(node, reader):
                    found.add(text.decode("utf-8") if isinstance(text, bytes) else text)
            return
        for child in node.children():
            walk(child)

    walk(q)
    return found


class _Highlighter:
    def __init__(self, user_query: Any, analyzer: Any, reader: Any) -> None:
        self.terms, self.phrases = query_words(user_query)
        self.terms |= _expanded_words(user_query, reader)
        self.analyzer = analyzer

    def hit(self, part: Matched, doc: int, score: float) -> Hit:
        """The hit of local document ``doc`` of a segment's matches."""
        stored = part.leaf.stored(doc) if part.leaf else stored_fields(part.seg, doc)
        text = stored.get("text", "")
        spans = match_spans(text, self.analyzer, self.terms, self.phrases)
        meta = unit_meta(part.seg, part.columns, doc)
        return Hit(
            symbol=meta.symbol,
            label=stored["label"],
            kind=KIND_NAMES.get(part.columns.kind[doc], ""),
            body=meta.body,
            session=meta.session,
            year=meta.year,
            adopted=meta.adopted,
            title=meta.title,
            verb=stored.get("verb"),
            opening=stored.get("opening") or stored.get("verb"),
            text=text,
            snippet=snippet(text, spans),
            score=score,
            order=part.columns.order[doc],
        )


def _best(scored: list[tuple[float, Matched, int]], n: int) -> list[tuple[float, Matched, int]]:
    """The ``n`` best of (score, segment's matches, document number in it), equal scores in
    the order of the units' resolution codes and places (``c_res``, ``c_unit``,
    ``c_order``): the same hits whichever segment and number a unit was given (that depends
    on which worker process indexed its file), where the document number would pick one of
    two units of the same text (A/RES/80/222 PP1 and A/RES/79/183 PP1 in the shared
    corpus) by the build."""

    def key(entry: tuple[float, Matched, int]) -> tuple[Any, ...]:
        score, part, doc = entry
        columns = part.columns
        return (-score, columns.res[doc], columns.unit[doc], columns.order[doc], part.offset + doc)

    return sorted(scored, key=key)[:n]


def _display_key(h: Hit) -> tuple[Any, ...]:
    return session_key(h.session, h.year, h.adopted, h.symbol)


def run_search(searcher: Any, request: SearchRequest) -> SearchResult:
    """Paragraphs and footnotes matching the request: their total, the resolutions they
    are in, and either the ``limit`` hits its ``sort`` keeps (grouped by resolution in
    session order; newest first for ``sort="newest"``) or, with ``by``, the counts per
    group over every match."""
    rq.check_request(request)
    sort = rq.normalize_sort(request.sort)
    by = rq.normalize_by(request.by) if request.by is not None else None
    deadline = guard.Deadline(guard.DEFAULT_CAPS.seconds)
    # the searcher's schema: ``ix.schema`` would read the index's table of contents again
    schema = searcher.schema
    user_query = parse_query(request.query, schema)
    try:
        user_query = guard.check_query(user_query, schema, searcher.reader(), deadline=deadline)
    except guard.GuardError as err:
        raise QueryError(str(err)) from err
    rewritten = rewrite(user_query)
    q = rewritten
    if request.verb:
        q = wq.And([q, wq.Term("verbs", rq.normalize_verb(request.verb))])
    matched = _matches(searcher, q, request)
    if deadline.expired():
        raise QueryError(str(guard.too_slow(deadline.seconds)))
    total = sum(len(m.ids) for m in matched)
    codes: set[int] = set()
    for m in matched:
        codes.update(map(m.columns.res.__getitem__, m.ids))
    if by is not None:
        groups = _groups(matched, by)
        return SearchResult(
            query=request.query,
            total=total,
            resolutions=len(codes),
            hits=(),
            sort=sort,
            by=by,
            groups=groups,
        )
    n = request.limit or total
    chosen: list[tuple[float, Matched, int]]  # (score, segment's matches, its document)
    if sort == "relevance":
        scored = scoring_query(rewritten)
        context = searcher.context()
        chosen = []
        for m in matched:
            sub = m.leaf.sub
            fast = None
            if _is_term(scored):  # its postings, read for the match already
                fast = term_top(scored, sub, m.offset, m.ids, n, m.leaf)
            elif len(m.ids) <= TEXT_CHECK:  # a few: counted on their text
                fast = stored_scores(scored, sub, m.offset, m.ids, m.leaf)
            if fast is None:
                fast = top_scored(scored, sub, m.offset, context, m.ids, n)
            chosen += [(score, m, doc - m.offset) for score, doc in fast]
        chosen = _best(chosen, n)
    else:
        units = by_date(matched, n, newest=sort == "newest")
        chosen = [(0.0, matched[i], doc) for i, doc in units]
    highlighter = _Highlighter(user_query, schema["text"].analyzer, searcher.reader())
    hits = [highlighter.hit(part, doc, score) for score, part, doc in chosen]
    if sort == "newest":
        newest_first = sorted({_display_key(h) for h in hits}, reverse=True)
        rank = {key: i for i, key in enumerate(newest_first)}
        hits.sort(key=lambda h: (rank[_display_key(h)], h.order))
    else:
        hits.sort(key=lambda h: (_display_key(h), h.order))
    return SearchResult(
        query=request.query,
        total=total,
        resolutions=len(codes),
        hits=tuple(hits),
        sort=sort,
    )


def _is_term(q: Any) -> bool:
    return isinstance(q, wq.Term) and q.fieldname in ("text", "pairs")


def _groups(matched: list[Matched], by: str) -> tuple[Group, ...]:
    counts = group_counts(matched, by)
    groups = []
    for g in counts:
        part = matched[g.first[0]]
        stored = stored_fields(part.seg, g.first[1])
        meta = unit_meta(part.seg, part.columns, g.first[1])
        first = First(
            symbol=meta.symbol,
            label=stored.get("label", ""),
            adopted=meta.adopted,
            session=meta.session,
            year=meta.year,
        )
        key: int | str | None
        if by in ("session", "year"):
            key = int(g.key) if g.key else None
        elif by == "body":
            key = body_name(int(g.key or 0))
        else:
            from resdex.search.documents import verb_key  # the write side's module

            verb = stored.get("verb")
            key = verb_key(str(verb)) if g.key and verb else None
        groups.append(Group(key, g.paragraphs, g.resolutions, first))
    if by in ("session", "year"):
        groups.sort(key=lambda g: (g.key is None, g.key or 0))
    else:
        groups.sort(key=lambda g: (-g.paragraphs, g.key is None, str(g.key)))
    return tuple(groups)
