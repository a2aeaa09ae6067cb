"""Importing the query path (search, cli.query_cmds, indexer.serialize) must not load
spaCy (~1.4 s): checked in a child Python, where nothing else has imported it."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

MODULES = [
    "resdex.search",
    "resdex.cli.query_cmds",
    "resdex.indexer.serialize",
    "resdex.indexer.citations",
]


@pytest.mark.parametrize("module", MODULES)
def test_import_does_not_load_spacy(module: str) -> None:
    if importlib.util.find_spec(module.split(".")[0]) is None:
        pytest.skip(f"{module} is not there yet")
    try:
        present = importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        present = False
    if not present:
        pytest.skip(f"{module} is not there yet")
    code = f"import sys, {module}; print('spacy' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "False", f"importing {module} loads spacy"


def test_the_check_can_fail() -> None:
    """The same child check sees spaCy when the pipeline module is imported."""
    code = "import sys, resdex.indexer.nlp; print('spacy' in sys.modules)"
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == "True"
