"""Lineage, diff and precedents (``resdex.search.lineage``, ``.diff``, ``.precedents``), as the
JSON of the CLI's ``--json``, where this version of the library has them.

The pages and the API call these and nothing else of those modules: when a module is absent
they raise ``Unavailable`` (a clear "not available" page, status 501 under ``/api/…``).
"""

from __future__ import annotations

import functools
import importlib
import importlib.util
from types import ModuleType
from typing import Any

from resdex.indexer.errors import ResdexError
from resdex.indexer.models import Resolution
from resdex.search.engine import Reader

FEATURES = {"lineage": "lineage", "diff": "diff", "precedents": "precedents"}


class Unavailable(ResdexError):
    """A command this version of the library does not have yet."""


@functools.cache
def available(feature: str) -> bool:
    try:
        return importlib.util.find_spec(f"resdex.search.{FEATURES[feature]}") is not None
    except ModuleNotFoundError:
        return False


def _module(feature: str) -> ModuleType:
    if not available(feature):
        raise Unavailable(f"{feature} is not available in this version of resdex yet")
    return importlib.import_module(f"resdex.search.{FEATURES[feature]}")


def lineage_json(index: Reader, symbol: str) -> dict[str, Any]:
    m = _module("lineage")
    result: dict[str, Any] = m.lineage_to_json(m.lineage(index, symbol))
    return result


def diff_json(index: Reader, old: str, new: str | None) -> dict[str, Any]:
    m = _module("diff")
    result: dict[str, Any] = m.diff_to_json(m.diff(index, old, new))
    return result


def precedents_json(index: Reader, res: Resolution, file: str | None) -> dict[str, Any]:
    m = _module("precedents")
    result: dict[str, Any] = m.precedents_to_json(m.precedents(index, res, file=file))
    return result


def not_found_errors() -> tuple[type[BaseException], ...]:
    """The errors that mean "no such thing in the index" (a 404): an unknown symbol, a
    resolution with no other version, a first version with nothing before it."""
    from resdex.search.query import NotIndexed

    found: list[type[BaseException]] = [NotIndexed]
    for feature, name in (("lineage", "NoLineage"), ("diff", "NoPredecessor")):
        if available(feature):
            err = getattr(_module(feature), name, None)
            if isinstance(err, type) and issubclass(err, BaseException):
                found.append(err)
    return tuple(found)
