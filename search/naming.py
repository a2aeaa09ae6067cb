"""Documents as people name them, and symbols as the UN writes them.

- ``resolve_target``: a TARGET typed after ``resdex cites``: a well-known instrument by its
  name ("Universal Declaration of Human Rights" -> "A/RES/217(III)", from the one table
  ``resdex.indexer.instruments.INSTRUMENTS``), else any usual spelling of a symbol
  (``resdex.search.targets.normalize_target``).
- ``nearest_cited``: for a target that no indexed resolution cites, the cited targets that
  are most likely what was meant ("HRC resolution 60/251" -> A/RES/60/251), with how many
  resolutions cite each.
- ``display_symbol``: a symbol as the UN writes it, for output only ("S/RES/242(1967)" ->
  "S/RES/242 (1967)"); stored keys and JSON values keep the canonical form.
- ``answer_search``, ``answer_cites``: ``resdex search [--stem]`` and ``resdex cites TARGET``
  as a user asks them, for both faces (the CLI and the web page answer alike, ``/api/…``
  equals ``--json``): the query rewritten for ``--stem`` but reported as written; the
  target by name or symbol, with the nearest cited ones when nothing cites it.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from resdex.search.targets import BadTarget, normalize_target, target_key

if TYPE_CHECKING:
    from resdex.search.engine import Reader
    from resdex.search.request import SearchRequest
    from resdex.search.results import CitesResult, SearchResult

# "242(1967)", "217(III)": a number glued to its parenthetical year or session
_GLUED_PAREN = re.compile(r"(?<=[0-9A-Za-z])\((?=(?:\d{4}|[IVXLC]+)\))")
# "the Universal Declaration…": the article a user may put before a name
_ARTICLE = re.compile(r"^the\s+", re.IGNORECASE)
# "…/60/251", "…/242(1967)", "…/2005/69": the number that ends a symbol key
_KEY_NUMBER = re.compile(r"(?:\d+/\d+|\d+\([0-9ivxlc]+\))$")


@functools.cache
def _names() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The instruments' names (compiled on first use: ``display_symbol`` is on every path)."""
    from resdex.indexer.instruments import INSTRUMENTS

    return tuple((re.compile(name, re.IGNORECASE), target) for name, target in INSTRUMENTS)


def display_symbol(symbol: str) -> str:
    """ "S/RES/242(1967)" -> "S/RES/242 (1967)"; "A/RES/217(III)" -> "A/RES/217 (III)";
    any other symbol as it is."""
    return _GLUED_PAREN.sub(" (", symbol)


def instrument_symbol(name: str) -> str | None:
    """The symbol of a well-known instrument named in full ("the 2030 Agenda"), or None."""
    text = _ARTICLE.sub("", " ".join(name.split()).strip(" .,;"))
    for pattern, target in _names():
        if pattern.fullmatch(text):
            return target
    return None


def resolve_target(text: str) -> str:
    """The canonical symbol of TARGET: an instrument's name or a symbol in any usual
    spelling. Raises ``BadTarget`` for neither."""
    symbol = instrument_symbol(text)
    if symbol is not None:
        return symbol
    if any(ch.isdigit() for ch in text):
        return normalize_target(text)
    try:
        return normalize_target(text)
    except BadTarget:
        raise BadTarget(
            f"{' '.join(text.split())!r} is neither a document symbol (A/RES/55/2, "
            "'resolution 55/2', 'S/RES/242 (1967)') nor an instrument resdex knows by name "
            "('Universal Declaration of Human Rights', 'the 2030 Agenda')"
        ) from None


@dataclass(frozen=True, slots=True)
class Suggestion:
    """A cited target close to one that nothing cites."""

    target: str  # canonical symbol, as the citations write it
    resolutions: int  # how many indexed resolutions cite it


def nearest_cited(index: Reader, target: str, most: int = 3) -> tuple[Suggestion, ...]:
    """Cited targets close to ``target`` (canonical), most cited first: those ending with
    its number ("60/251", "242(1967)"), else those spelled most alike."""
    from resdex.search.query import cites  # the query path

    key = target_key(target)
    keys = [k for k in index.cited_keys() if k != key]
    number = _KEY_NUMBER.search(key)
    close: list[str] = []
    if number:
        tail = number.group()
        close = [k for k in keys if k.endswith("/" + tail) or k == tail]
    if not close:
        import difflib  # only here: ``resdex search`` never comes this way

        close = difflib.get_close_matches(key, keys, n=most, cutoff=0.8)
    found = []
    for k in close:
        result = cites(index, k)
        if result.citing:
            found.append(Suggestion(result.target, len(result.citing)))
    found.sort(key=lambda s: -s.resolutions)
    return tuple(found[:most])


# --- the two commands as users ask them ----------------------------------------------------


def stemmed(index: Reader, request: SearchRequest, stem: bool) -> SearchRequest:
    """The request ``search`` runs: with ``stem``, its query rewritten to match every English
    form of each word (``resdex.search.whoosh_engine.stemming``)."""
    if not stem:
        return request
    from resdex.search.whoosh_engine.stemming import stem_query

    return replace(request, query=stem_query(request.query, index))


def answer_search(index: Reader, request: SearchRequest, stem: bool = False) -> SearchResult:
    """``resdex search [--stem]``: the result reports the query as the user wrote it."""
    from resdex.search.query import search  # the query path

    return replace(search(index, stemmed(index, request, stem)), query=request.query)


@dataclass(frozen=True, slots=True)
class CitesAnswer:
    """``cites`` as the user asked it: the result, and the name given for its target."""

    result: CitesResult
    asked: str | None  # the instrument's name TARGET gave, if it gave one
    nearest: tuple[Suggestion, ...]  # when nothing cites the target


def answer_cites(index: Reader, target: str) -> CitesAnswer:
    """``resdex cites TARGET``: a symbol in any usual spelling or an instrument's name.
    Raises ``BadTarget`` for neither."""
    from resdex.search.query import cites

    result = cites(index, resolve_target(target))
    nearest = nearest_cited(index, result.target) if not result.citing else ()
    asked = " ".join(target.split()) if instrument_symbol(target) else None
    return CitesAnswer(result, asked, nearest)


def cites_answer_to_json(answer: CitesAnswer) -> dict[str, Any]:
    """``resdex cites --json``: the result, and "nearest" when nothing cites the target."""
    from resdex.search.results import cites_to_json

    data = cites_to_json(answer.result)
    if not answer.result.citing:
        data["nearest"] = [
            {"target": s.target, "resolutions": s.resolutions} for s in answer.nearest
        ]
    return data
