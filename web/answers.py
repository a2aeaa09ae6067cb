"""What the CLI's ``search`` and ``cites`` do around the library calls, done the same way
here, so that ``/api/…`` equals ``--json``: ``--stem`` rewrites the query
(``resdex.search.stemming``), a target may be an instrument's name, and a target nothing
cites gets the nearest cited ones (``resdex.search.naming``).

(The CLI does this in ``cli/query_cmds.py``; one library function for both faces would be
better: noted for the merge.)
"""

from __future__ import annotations

import dataclasses
from typing import Any

from resdex.search import query as q
from resdex.search.results import CitesResult, SearchResult, cites_to_json


def search(ix: Any, request: q.SearchRequest, stem: bool = False) -> SearchResult:
    """``resdex search [--stem]``: the result reports the query as the user wrote it."""
    asked = request.query
    if stem:
        from resdex.search.stemming import stem_query

        request = dataclasses.replace(request, query=stem_query(asked, ix))
    return dataclasses.replace(q.search(ix, request), query=asked)


@dataclasses.dataclass(frozen=True, slots=True)
class Cites:
    result: CitesResult
    nearest: tuple[Any, ...]  # resdex.search.naming.Suggestion: when nothing cites the target


def cites(ix: Any, target: str) -> Cites:
    """``resdex cites TARGET``: a symbol in any usual spelling or an instrument's name."""
    from resdex.search.naming import nearest_cited, resolve_target

    result = q.cites(ix, resolve_target(target))
    return Cites(result, nearest_cited(ix, result.target) if not result.citing else ())


def cites_json(answer: Cites) -> dict[str, Any]:
    """``resdex cites --json``."""
    data = cites_to_json(answer.result)
    if not answer.result.citing:
        data["nearest"] = [
            {"target": s.target, "resolutions": s.resolutions} for s in answer.nearest
        ]
    return data
