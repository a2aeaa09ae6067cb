"""The HTTP status of each of resdex's errors: one table for the pages and the API."""

from __future__ import annotations

from resdex.indexer.errors import ResdexError
from resdex.search.store import BadIndex, NoIndex
from resdex.web.across import Unavailable, not_found_errors
from resdex.web.run import Overloaded

BAD_REQUEST = 400  # a bad parameter, query, symbol spelling, or uploaded file
NOT_FOUND = 404  # an unknown symbol, or nothing of the kind asked for in the index
NOT_IMPLEMENTED = 501  # a command this version of the library does not have yet
UNAVAILABLE = 503  # no index, a damaged one, or a query over the time cap


def status_of(err: ResdexError) -> int:
    if isinstance(err, not_found_errors()):
        return NOT_FOUND
    if isinstance(err, Unavailable):
        return NOT_IMPLEMENTED
    if isinstance(err, (Overloaded, NoIndex, BadIndex)):
        return UNAVAILABLE
    return BAD_REQUEST


def one_line(err: BaseException) -> str:
    return " ".join(str(err).split())
