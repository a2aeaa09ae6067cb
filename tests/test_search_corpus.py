"""The query path over the whole shared corpus (slow; skipped when it is absent):

- the same hits, totals and per-session counts as Whoosh's own phrase matching and filters
  (``whoosh_reference``) for phrases common and rare, with stop words, with a symbol, and
  for a wildcard;
- ``search --by session``: the resolutions per session equal those counted from the raw
  texts with plain string matching (never by resdex).

``RESDEX_TEST_INDEX``: an index of the shared corpus already built (else one is built);
``RESDEX_SHARED_CORPUS``: where the shared corpus is when not at ``../shared/corpus`` (a
worktree's parent has none).
"""

from __future__ import annotations

import os
import re
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from test_search_e2e import build, raw_texts
from whoosh_reference import reference

from resdex.search.query import SearchRequest, search
from resdex.search.store import open_index
from resdex.search.whoosh_engine.reader import WhooshReader

PHRASES = [
    '"human rights"',  # common: 4,900 paragraphs
    '"inadmissibility of the acquisition of territory by war"',  # rare, stop words
    '"of the united nations"',  # stop words only
    '"right to development"',
    '"resolution 60/251"',  # a symbol kept whole
    "sustainab*",  # a wildcard
    '"universal periodic review" AND cooperation',
    '"climate change" NOT "sustainable development"',
]


@pytest.fixture(scope="module")
def corpus(request: pytest.FixtureRequest) -> Path:
    given = os.environ.get("RESDEX_SHARED_CORPUS")
    if given and Path(given).is_dir():
        return Path(given)
    found: Path = request.getfixturevalue("shared_corpus")
    return found


@pytest.fixture(scope="module")
def shared_ix(tmp_path_factory: pytest.TempPathFactory, corpus: Path) -> Any:
    given = os.environ.get("RESDEX_TEST_INDEX")
    if given:
        return open_index(Path(given))
    index = tmp_path_factory.mktemp("shared") / "index"
    build(corpus, index)
    return open_index(index)


@pytest.mark.slow
@pytest.mark.parametrize("query", PHRASES)
@pytest.mark.parametrize("filters", [{}, {"body": "GA", "kind": "operative"}, {"status": "draft"}])
def test_same_as_whoosh(shared_ix: Any, query: str, filters: dict[str, Any]) -> None:
    expected = reference(shared_ix, query, **filters)
    result = search(WhooshReader.of(shared_ix), SearchRequest(query, limit=0, **filters))
    assert {(h.symbol, h.label) for h in result.hits} == expected.units
    assert (result.total, result.resolutions) == (len(expected.units), expected.resolutions)
    by = search(WhooshReader.of(shared_ix), SearchRequest(query, by="session", **filters))
    assert {g.key: g.paragraphs for g in by.groups} == dict(expected.per_session)
    assert (by.total, by.resolutions) == (result.total, result.resolutions)
    best = search(WhooshReader.of(shared_ix), SearchRequest(query, limit=10, **filters))
    assert best.total == result.total and len(best.hits) == min(10, result.total)


# "a/res/78/199", "a/c.3/80/l.35", "a/80/l.1": the session; Security Council: none
_SESSION = re.compile(r"^a/(?:res/|c\.\d+/|es-\d+/)?(\d+)/")


@pytest.mark.slow
@pytest.mark.parametrize(
    "phrase",
    [
        "universal periodic review",
        "right to development",
        "rule of law",  # General Assembly sessions and two Security Council texts
        "peaceful settlement",  # 37 Security Council texts: no session
        "small island developing states",
        # not "climate change": A/RES/80/129 writes "Climate Change6 that" (a footnote
        # marker), which the parser reads as "Climate Changethat"
    ],
)
def test_by_session_counts_from_raw_texts(shared_ix: Any, shared_corpus: Path, phrase: str) -> None:
    texts = raw_texts(shared_corpus)
    words = re.compile(r"\W+".join(map(re.escape, re.split(r"\W+", phrase))), re.IGNORECASE)
    expected: Counter[int | None] = Counter()
    for key, versions in texts.items():
        if any(words.search(t) for t in versions):
            session = _SESSION.match(key)
            expected[int(session[1]) if session else None] += 1
    result = search(WhooshReader.of(shared_ix), SearchRequest(f'"{phrase}"', by="session"))
    assert {g.key: g.resolutions for g in result.groups} == dict(expected)
    assert result.resolutions == sum(expected.values())
