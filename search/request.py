"""A search request and its validation: what the user asked, apart from any engine.

No Whoosh here: the faces (``cli/``, the web server) build and check a ``SearchRequest``
with these functions; ``resdex.search.query`` runs it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resdex.indexer.errors import ResdexError
from resdex.indexer.kinds import ParagraphKind
from resdex.indexer.organs import Organ as Body  # models.Body
from resdex.search.schema import KIND_FOOTNOTE


class QueryError(ResdexError):
    """A malformed query or filter."""


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
# which hits --limit keeps: the best-scoring, the earliest or the latest
SORTS = ("relevance", "oldest", "newest")
# what --by counts per
BYS = ("session", "year", "body", "verb")
# --status: an adopted text, or a draft (see resdex.search.status)
STATUSES = ("adopted", "draft")


@dataclass(frozen=True, slots=True)
class SearchRequest:
    query: str
    body: str | None = None
    session: Range | None = None
    year: Range | None = None
    kind: str | None = None
    verb: str | None = None
    limit: int = 20  # 0: every hit
    sort: str = "relevance"  # SORTS: which hits ``limit`` keeps
    status: str | None = None  # STATUSES
    by: str | None = None  # BYS: counts per group over every match, instead of hits


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


def _choice(value: str, allowed: tuple[str, ...], option: str) -> str:
    key = value.strip().casefold()
    if key not in allowed:
        raise QueryError(f"unknown {option} {value!r}: {', '.join(allowed)}")
    return key


def normalize_sort(sort: str) -> str:
    return _choice(sort, SORTS, "--sort")


def normalize_by(by: str) -> str:
    return _choice(by, BYS, "--by")


def normalize_status(status: str) -> str:
    return _choice(status, STATUSES, "--status")


def check_request(request: SearchRequest) -> None:
    """Raise ``QueryError`` for a request no engine can run."""
    if request.limit < 0:
        raise QueryError("--limit must be 0 (every hit) or more")
    normalize_sort(request.sort)
    if request.by is not None:
        normalize_by(request.by)
    if request.status is not None:
        normalize_status(request.status)
    check_syntax(request.query)


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
