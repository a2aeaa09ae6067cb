"""The index the web tests serve: corpus/ (A/RES/69/179, A/RES/71/194) and one test document,
A_RES_99_1.md, written for these tests: it cites both of them and holds markup
(``<script>``, ``<b>``) in its title and text, which every page must show as text."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from webindex import TEST_DOCUMENT, build_index


@pytest.fixture(scope="session")
def web_index(tmp_path_factory: pytest.TempPathFactory, project_corpus: Path) -> Path:
    sources = sorted(p for p in project_corpus.iterdir() if p.is_file())
    return build_index(tmp_path_factory.mktemp("web"), [*sources, TEST_DOCUMENT])


@pytest.fixture(scope="module")
def client(web_index: Path) -> Iterator[object]:
    from starlette.testclient import TestClient

    from resdex.web.app import create_app

    with TestClient(create_app(web_index)) as c:
        yield c
