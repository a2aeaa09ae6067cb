"""The seam between resdex and Whoosh (issue 13): every module that imports Whoosh lives in
``search/whoosh_engine/``, the rest of ``search/`` (and ``cli/``, ``web/``) imports none, and
Whoosh's internals (names with a leading underscore) are touched in ``access.py`` and
``fixes.py`` only."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SEARCH = ROOT / "search"
ENGINE = SEARCH / "whoosh_engine"
# modules outside the engine's sub-package: none imports Whoosh
OUTSIDE = sorted(
    str(path.relative_to(ROOT))
    for folder in ("search", "cli", "web", "indexer")
    for path in (ROOT / folder).glob("*.py")
)
# the engine's modules that may touch Whoosh's private names: the query path's accessors and
# fixes, and the write path, which subclasses Whoosh's ``SegmentWriter``
PRIVATE_ALLOWED = ("access.py", "fixes.py", "segments.py", "blocks.py", "stored.py", "writer.py")
# the engine's other modules: public Whoosh names only
PUBLIC_ONLY = sorted(path.name for path in ENGINE.glob("*.py") if path.name not in PRIVATE_ALLOWED)
# modules of ``search/`` that read no Whoosh object either (the query path's front)
QUERY_FRONT = ("query.py", "schema.py", "common_words.py")


def _tree(path: Path) -> ast.AST:
    return ast.parse(path.read_text(encoding="utf-8"))


def test_the_engine_is_one_sub_package() -> None:
    assert "reader.py" in PUBLIC_ONLY and "schema.py" in PUBLIC_ONLY
    assert all((ENGINE / name).exists() for name in PRIVATE_ALLOWED)


@pytest.mark.parametrize("name", OUTSIDE)
def test_modules_outside_the_engine_import_no_whoosh(name: str) -> None:
    imported = set()
    for node in ast.walk(_tree(ROOT / name)):
        if isinstance(node, ast.Import):
            imported |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            imported.add(node.module or "")
    assert not {m for m in imported if m.split(".")[0] == "whoosh"}


@pytest.mark.parametrize(
    "path", [ENGINE / n for n in PUBLIC_ONLY] + [SEARCH / n for n in QUERY_FRONT], ids=str
)
def test_whoosh_internals_only_in_their_module(path: Path) -> None:
    private = [
        f"{path.name}:{node.lineno} {ast.unparse(node)}"
        for node in ast.walk(_tree(path))
        if isinstance(node, ast.Attribute)
        and node.attr.startswith("_")
        and not node.attr.startswith("__")
        and not (isinstance(node.value, ast.Name) and node.value.id in ("self", "cls"))
    ]
    assert private == []


# Whoosh's reading API: an index, searcher or reader object of Whoosh's, duck-typed
WHOOSH_CALLS = frozenset(
    {
        "searcher", "reader", "stored_fields", "doc_count", "doc_count_all", "leaf_readers",
        "lexicon", "postings", "expand_prefix", "document_number", "document_numbers",
        "doc_frequency", "doc_field_length",
    }
)  # fmt: skip


@pytest.mark.parametrize("name", OUTSIDE)
def test_modules_outside_the_engine_read_through_a_reader(name: str) -> None:
    """No module outside ``whoosh_engine/`` holds a Whoosh index (a parameter ``ix``) or
    calls Whoosh's reading API on one: they take a ``resdex.search.engine.Reader``."""
    found = []
    for node in ast.walk(_tree(ROOT / name)):
        if isinstance(node, ast.Attribute) and node.attr in WHOOSH_CALLS:
            found.append(f"{name}:{node.lineno} {ast.unparse(node)}")
        elif isinstance(node, ast.arg) and node.arg == "ix":
            found.append(f"{name}:{node.lineno} parameter ix")
    assert found == []
