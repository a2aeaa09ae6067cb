"""Shared fixtures: where the real corpus and the project's own corpus live."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PROJECT_CORPUS = ROOT / "corpus"
SHARED_CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def project_corpus() -> Path:
    return PROJECT_CORPUS


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """``../shared/corpus``; tests that need it skip when it is absent."""
    if not SHARED_CORPUS.is_dir():
        pytest.skip(f"the shared corpus is not at {SHARED_CORPUS}")
    return SHARED_CORPUS


@pytest.fixture(scope="session")
def seed_index(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An index of corpus/ (the two seed resolutions) built once by `resdex index`; tests
    only read it."""
    from typer.testing import CliRunner

    from resdex.cli.main import app

    where = tmp_path_factory.mktemp("seeds") / "index"
    result = CliRunner().invoke(app, ["index", str(PROJECT_CORPUS), "--index", str(where)])
    assert result.exit_code == 0, result.stderr
    return where
