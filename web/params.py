"""Request parameters -> the library's requests, with the caps a shared server needs.

The parameter names are the CLI's option names (``../shared/interface.md``): ``q`` (the
query), ``body``, ``session``, ``year``, ``kind``, ``verb``, ``stem``, ``status``, ``sort``,
``by``, ``limit``; the pages add ``page``. A bad value raises ``BadParameter`` (a 400 with
``{"error": …}`` under ``/api/…``, a message on the page).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from resdex.indexer.errors import ResdexError
from resdex.search import query as q

DEFAULT_LIMIT = 20  # as the CLI's --limit
MAX_LIMIT = 1000  # the most hits one request reads and highlights
MAX_QUERY = 1000  # characters of a query
MAX_PARAM = 200  # characters of any other parameter
PER_PAGE = 20  # hits on a page of /search
MAX_PAGE = MAX_LIMIT // PER_PAGE

# the options of `resdex search` that later versions of the library add to SearchRequest
# (``--status``, ``--sort``, ``--by``); offered on the page when the library has them
OPTIONAL_FIELDS = ("status", "sort", "by")
STATUSES = ("adopted", "draft")
SORTS = ("relevance", "oldest", "newest")
BYS = ("session", "year", "body", "verb")


class BadParameter(ResdexError):
    """A request parameter that cannot be used."""


def supported(field: str) -> bool:
    """Whether this version of the library's ``SearchRequest`` has ``field``."""
    return field in {f.name for f in dataclasses.fields(q.SearchRequest)}


@dataclass(frozen=True, slots=True)
class SearchForm:
    """The search page's state, as its URL holds it: blank fields are None."""

    q: str | None = None
    body: str | None = None
    session: str | None = None
    year: str | None = None
    kind: str | None = None
    verb: str | None = None
    status: str | None = None
    sort: str | None = None
    stem: bool = False  # also other English forms of each word (`search --stem`)
    page: int = 1

    def filters(self) -> dict[str, str]:
        """The non-blank filters (every field but ``q``, ``stem`` and ``page``)."""
        return {
            name: value
            for name in ("body", "session", "year", "kind", "verb", "status", "sort")
            if (value := getattr(self, name))
        }

    def params(self, **changes: Any) -> dict[str, str]:
        """The URL parameters of this state, with ``changes`` (None removes one)."""
        out = {"q": self.q or "", **self.filters()}
        if self.stem:
            out["stem"] = "1"
        if self.page != 1:
            out["page"] = str(self.page)
        for name, value in changes.items():
            if value is None:
                out.pop(name, None)
            else:
                out[name] = str(value)
        return {k: v for k, v in out.items() if v != ""}


def _text(params: Mapping[str, str], name: str, cap: int = MAX_PARAM) -> str | None:
    value = params.get(name)
    if value is None or not value.strip():
        return None
    if len(value) > cap:
        raise BadParameter(f"{name} is longer than {cap} characters")
    return value.strip()


def _int(params: Mapping[str, str], name: str, default: int, low: int, high: int) -> int:
    raw = _text(params, name)
    if raw is None:
        return default
    try:
        value = int(raw)
    except ValueError:
        raise BadParameter(f"{name} {raw!r} is not a whole number") from None
    if not low <= value <= high:
        raise BadParameter(f"{name} must be between {low} and {high}")
    return value


def _choice(params: Mapping[str, str], name: str, choices: tuple[str, ...]) -> str | None:
    value = _text(params, name)
    if value is None:
        return None
    if not supported(name):
        raise BadParameter(f"{name} is not available in this version of resdex")
    if value.casefold() not in choices:
        raise BadParameter(f"unknown {name} {value!r}: {', '.join(choices)}")
    return value.casefold()


def search_form(params: Mapping[str, str]) -> SearchForm:
    """The search page's state from its URL; raises ``BadParameter``."""
    return SearchForm(
        q=_text(params, "q", MAX_QUERY),
        body=_text(params, "body"),
        session=_text(params, "session"),
        year=_text(params, "year"),
        kind=_text(params, "kind"),
        verb=_text(params, "verb"),
        status=_choice(params, "status", STATUSES),
        sort=_choice(params, "sort", SORTS),
        stem=flag(params, "stem"),
        page=_int(params, "page", 1, 1, MAX_PAGE),
    )


def search_request(form: SearchForm, limit: int, by: str | None = None) -> q.SearchRequest:
    """The library's request for a page's state (``q`` required); raises ``BadParameter``."""
    if form.q is None:
        raise BadParameter("q (the query) is missing")
    extra: dict[str, Any] = {}
    if form.status:
        extra["status"] = form.status
    if form.sort:
        extra["sort"] = form.sort
    if by:
        if not supported("by"):
            raise BadParameter("by is not available in this version of resdex")
        extra["by"] = by
    try:
        return q.SearchRequest(
            query=form.q,
            body=q.normalize_body(form.body) if form.body else None,
            session=q.parse_range(form.session, "session") if form.session else None,
            year=q.parse_range(form.year, "year") if form.year else None,
            kind=q.normalize_kind(form.kind) if form.kind else None,
            verb=q.normalize_verb(form.verb) if form.verb else None,
            limit=limit,
            **extra,
        )
    except q.QueryError as err:
        raise BadParameter(str(err)) from err


def api_search_request(params: Mapping[str, str]) -> q.SearchRequest:
    """``/api/search``: the CLI's options as parameters; ``limit`` 1..MAX_LIMIT (the CLI's
    ``--limit 0``, every hit, is not offered to a shared server)."""
    form = search_form({k: v for k, v in params.items() if k != "page"})
    limit = _int(params, "limit", DEFAULT_LIMIT, 1, MAX_LIMIT)
    by = _choice(params, "by", BYS)
    return search_request(form, limit, by)


FLAGS = {"1": True, "true": True, "yes": True, "on": True, "0": False, "false": False, "no": False}


def flag(params: Mapping[str, str], name: str) -> bool:
    """A yes/no parameter: ``stem=1`` (a checkbox sends ``on``); absent or blank: no."""
    value = _text(params, name)
    if value is None:
        return False
    try:
        return FLAGS[value.casefold()]
    except KeyError:
        raise BadParameter(f"{name} {value!r} is not 1 or 0") from None


def required(params: Mapping[str, str], name: str) -> str:
    value = _text(params, name)
    if value is None:
        raise BadParameter(f"{name} is missing")
    return value


def optional(params: Mapping[str, str], name: str, cap: int = MAX_PARAM) -> str | None:
    return _text(params, name, cap)
