"""The seam between the query path and Whoosh (issue 13): the engine-neutral modules import
no Whoosh, and Whoosh's internals (names with a leading underscore) are touched in
``whoosh_access.py`` and ``whoosh_fixes.py`` only."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

SEARCH = Path(__file__).resolve().parents[1] / "search"
# what a second engine shares: the request, the results, the seam and the front
NEUTRAL = ("engine.py", "request.py", "results.py", "targets.py", "documents.py", "status.py")
# the query path's Whoosh modules: public Whoosh names only
QUERY_PATH = (
    "query.py",
    "whoosh_reader.py",
    "whoosh_cites.py",
    "matching.py",
    "units.py",
    "schema.py",
    "snippets.py",
    "timeline.py",
    "common_words.py",
)


def _tree(name: str) -> ast.AST:
    return ast.parse((SEARCH / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", NEUTRAL)
def test_engine_neutral_modules_import_no_whoosh(name: str) -> None:
    imported = set()
    for node in ast.walk(_tree(name)):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    assert not {m for m in imported if m.split(".")[0] == "whoosh"}


@pytest.mark.parametrize("name", QUERY_PATH)
def test_whoosh_internals_only_in_their_module(name: str) -> None:
    private = [
        f"{name}:{node.lineno} {ast.unparse(node)}"
        for node in ast.walk(_tree(name))
        if isinstance(node, ast.Attribute)
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
        and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
    ]
    assert private == []
