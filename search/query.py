"""Queries over a resdex index: ``search``, ``cites``, ``show``.

Each takes an open Whoosh index (a folder one from ``resdex.search.store.open_index``, or a
``RamStorage`` one in tests) and returns the typed results of ``resdex.search.results``. No
spaCy, no parser: this is the path ``resdex search`` starts on.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from whoosh import query as wq
from whoosh.qparser import QueryParser
from whoosh.qparser.default import QueryParserError

from resdex.indexer.errors import ResdexError
from resdex.indexer.models import Body, ParagraphKind, Resolution
from resdex.search import guard
from resdex.search.documents import unpack_resolution
from resdex.search.results import (
    CitesResult,
    Citing,
    CitingUnit,
    Hit,
    SearchResult,
    natural_key,
    session_key,
)
from resdex.search.schema import (
    KIND_FOOTNOTE,
    UNIT_DOCUMENT,
    UNIT_FOOTNOTE,
    UNIT_PARAGRAPH,
    number_term,
    tokens,
)
from resdex.search.snippets import match_spans, query_words, snippet
from resdex.search.targets import normalize_target, target_key


class QueryError(ResdexError):
    """A malformed query or filter."""


class NotIndexed(ResdexError):
    """The document asked for is not in the index."""


Range = tuple[int | None, int | None]

KINDS = {
    "preambular": ParagraphKind.PREAMBULAR.value,
    "pp": ParagraphKind.PREAMBULAR.value,
    "operative": ParagraphKind.OPERATIVE.value,
    "op": ParagraphKind.OPERATIVE.value,
    "footnote": KIND_FOOTNOTE,
    "fn": KIND_FOOTNOTE,
}
BODIES = {
    **{b.value.casefold(): b.value for b in Body},
    "general assembly": Body.GA.value,
    "security council": Body.SC.value,
    "human rights council": Body.HRC.value,
    "economic and social council": Body.ECOSOC.value,
}


@dataclass(frozen=True, slots=True)
class SearchRequest:
    query: str
    body: str | None = None
    session: Range | None = None
    year: Range | None = None
    kind: str | None = None
    verb: str | None = None
    limit: int = 20  # 0: every hit


# --- filters --------------------------------------------------------------------------------

# "70..80", "70..", "..80", "75": an inclusive range of sessions or years
_RANGE = re.compile(r"^\s*(?P<lo>\d+)?\s*(?P<dots>\.\.)?\s*(?P<hi>\d+)?\s*$")


def parse_range(text: str, what: str = "range") -> Range:
    """ "70..80" -> (70, 80); "70.." -> (70, None); "..80" -> (None, 80); "75" -> (75, 75)."""
    m = _RANGE.match(text)
    if m is None or not (m.group("lo") or m.group("hi")):
        raise QueryError(f"{what} {text!r} is not N, A..B, A.. or ..B")
    lo = int(m.group("lo")) if m.group("lo") else None
    hi = int(m.group("hi")) if m.group("hi") else None
    if not m.group("dots"):
        if lo is None or hi is not None:
            raise QueryError(f"{what} {text!r} is not N, A..B, A.. or ..B")
        return lo, lo
    if lo is not None and hi is not None and lo > hi:
        raise QueryError(f"{what} {text!r} runs backwards")
    return lo, hi


def normalize_kind(kind: str) -> str:
    try:
        return KINDS[kind.strip().casefold()]
    except KeyError:
        raise QueryError(f"unknown kind {kind!r}: preambular, operative or footnote") from None


def normalize_body(body: str) -> str:
    try:
        return BODIES[" ".join(body.split()).casefold()]
    except KeyError:
        raise QueryError(f"unknown body {body!r}: GA, SC, HRC or ECOSOC") from None


def normalize_verb(verb: str) -> str:
    """ "Urges", "urges", " Strongly  urges " -> the form stored in the ``verbs`` field."""
    key = " ".join(verb.split()).casefold()
    if not key:
        raise QueryError("empty --verb")
    return key


# --- the query string -----------------------------------------------------------------------

_BINARY = {"AND", "OR", "ANDNOT", "ANDMAYBE"}
# a phrase, a parenthesis, or a run of anything else
_LEX = re.compile(r'"[^"]*"|[()]|[^\s()"]+')


def check_syntax(text: str) -> None:
    """Reject what Whoosh would silently misread: unbalanced quotes or parentheses, an
    operator with nothing on one side, an empty group or query."""
    if not text.strip():
        raise QueryError("empty query")
    if text.count('"') % 2:
        raise QueryError(f"unbalanced quote in query {text!r}")
    depth = 0
    previous = "("  # as if the query opened a group: nothing to the left of it
    for token in _LEX.findall(text):
        if token == "(":
            depth += 1
        elif token == ")":
            depth -= 1
            if depth < 0:
                raise QueryError(f"unbalanced parenthesis in query {text!r}")
            if previous == "(":
                raise QueryError(f"empty parentheses in query {text!r}")
            if previous in _BINARY or previous == "NOT":
                raise QueryError(f"{previous} has nothing after it in query {text!r}")
        elif token in _BINARY:
            if previous in _BINARY or previous in ("(", "NOT"):
                raise QueryError(f"{token} has nothing before it in query {text!r}")
        elif token == "NOT" and previous == "NOT":
            raise QueryError(f"NOT NOT in query {text!r}")
        previous = token
    if depth:
        raise QueryError(f"unbalanced parenthesis in query {text!r}")
    if previous in _BINARY or previous == "NOT":
        raise QueryError(f"{previous} has nothing after it in query {text!r}")


def parse_query(text: str, schema: Any) -> Any:
    """The Whoosh query for a query string; ``*`` alone matches every paragraph."""
    check_syntax(text)
    try:
        guard.check_text(text, schema.names())
    except guard.GuardError as err:
        raise QueryError(str(err)) from err
    if text.strip() == "*":
        return wq.Every()
    parser = QueryParser("text", schema)
    parser.add_plugin(guard.alias_plugin())
    try:
        parsed = parser.parse(text)
    except (QueryParserError, RecursionError) as err:
        raise QueryError(f"cannot read query {text!r}: {err}") from err
    except Exception as err:  # Whoosh raises bare exceptions for some field/value mixes
        raise QueryError(f"cannot read query {text!r}: {' '.join(str(err).split())}") from err
    if parsed is wq.NullQuery or isinstance(parsed, type(wq.NullQuery)):
        raise QueryError(f"query {text!r} has no words to search for")
    return parsed


def filter_query(request: SearchRequest, *, units: bool = True) -> Any:
    """The filters of a search, as one query (``None`` when there is none). ``units``: keep
    to paragraphs and footnotes (needless when the query itself needs a word of the text,
    which the per-document records have none of)."""
    parts: list[Any] = []
    if units:
        parts.append(wq.Or([wq.Term("unit", UNIT_PARAGRAPH), wq.Term("unit", UNIT_FOOTNOTE)]))
    if request.body:
        parts.append(wq.Term("body", normalize_body(request.body)))
    if request.kind:
        parts.append(wq.Term("kind", normalize_kind(request.kind)))
    if request.verb:
        parts.append(wq.Term("verbs", normalize_verb(request.verb)))
    for field, bounds in (("session", request.session), ("year", request.year)):
        if bounds is not None:
            lo, hi = bounds
            low = number_term(lo) if lo is not None else None
            high = number_term(hi) if hi is not None else None
            parts.append(wq.TermRange(field, low, high))
    return wq.And(parts) if parts else None


def needs_text(q: Any) -> bool:
    """Whether every document ``q`` matches holds a word of the ``text`` field."""
    if isinstance(q, (wq.Term, wq.Phrase, wq.Prefix, wq.Wildcard, wq.FuzzyTerm)):
        return bool(q.fieldname == "text")
    if isinstance(q, wq.And):
        return any(needs_text(sub) for sub in q.subqueries)
    if isinstance(q, wq.Or):
        return all(needs_text(sub) for sub in q.subqueries)
    return False


def filtered(q: Any, request: SearchRequest) -> Any:
    """``q`` with the request's filters intersected inside the matcher, scoring nothing: as a
    Whoosh ``filter=`` they would first be read into a set of every paragraph's number (half
    a second at 100,000 paragraphs, five at a million, whatever the query)."""
    filters = filter_query(request, units=not needs_text(q))
    return q if filters is None else wq.And([q, wq.ConstantScoreQuery(filters, 0.0)])


# --- phrases made of frequent words -----------------------------------------------------------

# A word is rare enough to find a phrase's candidates when at most this share of the indexed
# units hold it (and never fewer than RARE_MIN units).
RARE_SHARE = 0.02
RARE_MIN = 1000
# More candidates than this and Whoosh's own phrase matching is the faster way.
MAX_CANDIDATES = 20_000


@dataclass(frozen=True, slots=True)
class PhrasePlan:
    """A phrase query run as the AND of its rarer words, the phrases then checked on the
    stored text. Whoosh 2.7 matches a phrase by walking the postings of all its words, and
    skips through a long postings list block by block: "inadmissibility of the acquisition
    of territory by war" spent a second in the blocks of "of", "the" and "by" at a million
    paragraphs, for 31 hits."""

    candidates: Any
    phrases: tuple[tuple[str, ...], ...]

    def holds(self, text: str) -> bool:
        words = [token for token, _, _ in tokens(text)]
        return all(_contains(words, phrase) for phrase in self.phrases)


def _contains(words: list[str], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    first = phrase[0]
    return any(
        words[i] == first and tuple(words[i : i + n]) == phrase for i in range(len(words) - n + 1)
    )


def phrase_plan(q: Any, reader: Any) -> PhrasePlan | None:
    """For a phrase, or an AND of words and phrases, of which every phrase has a rare word:
    the plan; else None (the query runs as it is)."""
    parts = list(q.subqueries) if isinstance(q, wq.And) else [q]
    if not all(isinstance(p, (wq.Term, wq.Phrase)) and p.fieldname == "text" for p in parts):
        return None
    phrases = [p for p in parts if isinstance(p, wq.Phrase)]
    if not phrases or any(p.slop != 1 for p in phrases):
        return None
    threshold = max(RARE_MIN, int(reader.doc_count() * RARE_SHARE))
    terms: dict[str, None] = {}
    for p in parts:
        if isinstance(p, wq.Term):
            terms[p.text] = None
            continue
        rare = [w for w in p.words if reader.doc_frequency("text", w) <= threshold]
        if not rare:
            return None
        terms.update(dict.fromkeys(rare))
    candidates = wq.And([wq.Term("text", t) for t in terms])
    return PhrasePlan(candidates, tuple(tuple(p.words) for p in phrases))


# --- search ---------------------------------------------------------------------------------


def _opt_int(value: Any) -> int | None:
    return int(value) if value else None


def search(ix: Any, request: SearchRequest) -> SearchResult:
    """Paragraphs and footnotes matching the request, best ``limit`` of them, grouped by
    resolution in session order."""
    if request.limit < 0:
        raise QueryError("--limit must be 0 (every hit) or more")
    deadline = guard.Deadline(guard.DEFAULT_CAPS.seconds)
    user_query = parse_query(request.query, ix.schema)
    with ix.searcher() as searcher:
        try:
            user_query = guard.check_query(
                user_query, ix.schema, searcher.reader(), deadline=deadline
            )
        except guard.GuardError as err:
            raise QueryError(str(err)) from err

        def run(q: Any) -> Any:
            # every match is collected (grouping by resolution needs them all); only the
            # best ``limit`` are read and highlighted
            from whoosh.searching import TimeLimit

            collector = searcher.collector(limit=None, groupedby="symkey", terms=True)
            limited = guard.time_limited(collector, deadline)
            try:
                searcher.search_with_collector(filtered(q, request), limited)
            except TimeLimit:
                raise QueryError(str(guard.too_slow(deadline.seconds))) from None
            return limited.results()

        plan = phrase_plan(user_query, searcher.reader())
        results = run(plan.candidates if plan else user_query)
        if plan is not None and len(results) > MAX_CANDIDATES:
            plan, results = None, run(user_query)
        matches: Any = results
        if plan is not None:
            matches = []
            for hit in results:
                if plan.holds(hit.get("text", "")):
                    matches.append(hit)
                if deadline.expired():
                    raise QueryError(str(guard.too_slow(deadline.seconds)))
            total = len(matches)
            resolutions = len({hit["symbol"] for hit in matches})
        else:
            total = len(results)
            resolutions = len(results.groups("symkey"))
        analyzer = ix.schema["text"].analyzer
        terms, phrases = query_words(user_query)
        phrase_words = {w for p in phrases for w in p}
        hits = []
        for hit in matches[: request.limit or None]:
            stored = hit.fields()
            text = stored.get("text", "")
            # words matched through wildcards or prefixes count as single terms
            matched = {
                t.decode("utf-8") if isinstance(t, bytes) else t
                for f, t in (hit.matched_terms() or ())
                if f == "text"
            }
            words = terms | (matched - phrase_words)
            spans = match_spans(text, analyzer, words, phrases)
            hits.append(
                Hit(
                    symbol=stored["symbol"],
                    label=stored["label"],
                    kind=stored["kind"],
                    body=stored["body"],
                    session=_opt_int(stored.get("session")),
                    year=_opt_int(stored.get("year")),
                    adopted=stored.get("adopted"),
                    title=stored.get("title"),
                    verb=stored.get("verb"),
                    opening=stored.get("opening"),
                    text=text,
                    snippet=snippet(text, spans),
                    score=float(hit.score or 0.0),
                    order=int(stored.get("order") or 0),
                )
            )
    hits.sort(key=lambda h: (session_key(h.session, h.year, h.adopted, h.symbol), h.order))
    return SearchResult(query=request.query, total=total, resolutions=resolutions, hits=tuple(hits))


# --- cites ----------------------------------------------------------------------------------


def _unit_of(stored: dict[str, Any], key: str) -> CitingUnit:
    citations = [c for c in stored.get("citations") or () if target_key(c[0]) == key]
    direct = key in (stored.get("cites_direct") or "").split()
    notes = tuple(sorted({c[2] for c in citations if c[2] is not None}))
    unit = stored["unit"]
    kind = "header" if unit == UNIT_DOCUMENT else stored.get("kind", "")
    return CitingUnit(
        label=stored.get("label", ""),
        kind=kind,
        direct=direct,
        via_footnotes=notes,
        surfaces=tuple(dict.fromkeys(c[1] for c in citations)),
    )


def cites(ix: Any, target: str) -> CitesResult:
    """Every resolution citing ``target`` (any usual spelling), by date of adoption, with
    the paragraphs that cite it directly or through a footnote."""
    canonical = normalize_target(target)
    key = target_key(canonical)
    found: dict[str, list[tuple[int, dict[str, Any]]]] = defaultdict(list)
    with ix.searcher() as searcher:
        for hit in searcher.search(wq.Term("cites", key), limit=None):
            stored = hit.fields()
            stored.pop("data", None)
            found[stored["symbol"]].append((int(stored.get("order") or 0), stored))
    written = canonical
    citing = []
    for symbol, units in found.items():
        units.sort(key=lambda u: (u[1]["unit"] != UNIT_DOCUMENT, u[0]))
        carried = {
            n for _, s in units if s["unit"] == UNIT_PARAGRAPH for n in s.get("footnotes") or ()
        }
        kept = []
        for _, stored in units:
            if stored["unit"] == UNIT_FOOTNOTE and set(stored.get("footnotes") or ()) <= carried:
                continue  # already listed through the paragraphs that carry its marker
            kept.append(_unit_of(stored, key))
            for c in stored.get("citations") or ():
                if target_key(c[0]) == key:
                    written = c[0]
        first = units[0][1]
        citing.append(
            Citing(
                symbol=symbol,
                body=first["body"],
                session=_opt_int(first.get("session")),
                year=_opt_int(first.get("year")),
                adopted=first.get("adopted"),
                title=first.get("title"),
                units=tuple(kept),
            )
        )
    citing.sort(key=lambda c: (c.adopted or "9999", c.year or 9999, natural_key(c.symbol)))
    return CitesResult(target=written, citing=tuple(citing))


# --- show -----------------------------------------------------------------------------------


def show(ix: Any, symbol: str) -> Resolution:
    """The indexed Resolution of ``symbol`` (any usual spelling), from its stored record."""
    key = target_key(normalize_target(symbol))
    with ix.searcher() as searcher:
        stored = searcher.document(symkey=key, unit=UNIT_DOCUMENT)
    if stored is None:
        raise NotIndexed(f"{symbol.strip()} is not in the index")
    return unpack_resolution(stored["data"])
