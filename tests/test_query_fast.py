"""The shortcuts of the query path give the answers of the long way: scores of a few
documents looked up in a term's postings, ``cites`` from the rows it keeps decoded, the
``--by verb`` key and the ``c_verb`` column from one normalisation."""

from __future__ import annotations

from typing import Any

import pytest
from engines import whoosh_index
from test_search_handbuilt import ALL

from resdex.search.documents import digest, verb_code, verb_key
from resdex.search.query import SearchRequest, cites, parse_query, search
from resdex.search.whoosh_engine import cites as whoosh_cites
from resdex.search.whoosh_engine import matching, scoring, units
from resdex.search.whoosh_engine.reader import WhooshReader


@pytest.fixture(scope="module")
def ix() -> Any:
    return whoosh_index(ALL)


@pytest.mark.parametrize(
    ("ids", "weights", "allowed", "expected"),
    [
        # every posting allowed: walked through
        ([1, 4, 9], [1.0, 2.0, 1.0], [1, 4, 9], [(1, 1.0), (4, 2.0), (9, 1.0)]),
        # a few of many: looked up (one in eight), the last posting included
        (list(range(0, 80, 2)), [float(i) for i in range(40)], [2, 78], [(2, 1.0), (78, 39.0)]),
        # an allowed document the term does not hold is passed over, either way
        (list(range(0, 80, 2)), [1.0] * 40, [3, 4], [(4, 1.0)]),
        ([1, 4, 9], [1.0, 2.0, 1.0], [2, 4, 10], [(4, 2.0)]),
        # none allowed
        ([1, 4, 9], [1.0, 2.0, 1.0], [], []),
    ],
)
def test_frequencies(
    ids: list[int], weights: list[float], allowed: list[int], expected: list[tuple[int, float]]
) -> None:
    assert list(scoring._frequencies(ids, weights, allowed)) == expected


@pytest.mark.parametrize("query", ['"human rights"', "cooperation", "urges", '"united nations"'])
@pytest.mark.parametrize("ratio", [0, 10**9])  # every document looked up; every one walked
@pytest.mark.parametrize("step", [1, 2, 5])  # all the matches, every other, every fifth
def test_term_top_of_a_few_is_whooshs(
    ix: Any, query: str, ratio: int, step: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The best of some of a term's documents (what a verb or a filter leaves): the
    documents and scores of Whoosh's matcher, whether looked up or walked through."""
    monkeypatch.setattr(scoring, "LOOKUP_RATIO", ratio)
    with ix.searcher() as searcher:
        q = matching.rewrite(parse_query(query, searcher.schema))
        sub = searcher.subsearchers[0][0] if searcher.subsearchers else searcher
        allowed = sorted(matching.doc_ids(q, matching.Leaf(sub, sub.reader())))[::step]
        assert allowed
        fast = scoring.term_top(q, sub, 0, allowed, 3)
        slow = scoring.top_scored(q, sub, 0, searcher.context(), allowed, 3)
    assert fast is not None
    assert [d for _, d in sorted(fast, reverse=True)] == [d for _, d in sorted(slow, reverse=True)]
    assert [s for s, _ in sorted(fast)] == pytest.approx([s for s, _ in sorted(slow)])


@pytest.mark.parametrize(
    "target", ["A/CONF.157/24", "resolution 55/2", "E/CN.4/Sub.2/2000/46", "A/71/484/Add.2"]
)
def test_cites_from_kept_rows(ix: Any, target: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """``cites`` answers the same with its rows and target keys decoded afresh, kept from
    a query before, or forgotten on the way (at most one kept: every query overflows)."""
    monkeypatch.setattr(units, "_ROWS", units.SegmentCache(units.SEGMENTS_KEPT))
    monkeypatch.setattr(whoosh_cites, "_KEYS", {})
    first = cites(WhooshReader.of(ix), target)
    assert first.citing
    assert cites(WhooshReader.of(ix), target) == first  # from the kept rows
    monkeypatch.setattr(units, "CITED_KEPT", 1)
    monkeypatch.setattr(whoosh_cites, "KEYS_KEPT", 1)
    assert cites(WhooshReader.of(ix), target) == first
    assert cites(WhooshReader.of(ix), target) == first


def test_cited_rows_in_the_order_asked(ix: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(units, "_ROWS", units.SegmentCache(units.SEGMENTS_KEPT))
    with ix.searcher() as searcher:
        seg = units.leaves(searcher)[0][2]
        docs = matching.term_ids(seg, "cites", "a/conf.157/24")
        assert len(docs) > 1
        column = seg.column_reader("c_cites")
        expected = [column[doc] for doc in docs]
        assert units.cited_rows(seg, docs[:1]) == expected[:1]
        assert units.cited_rows(seg, docs[::-1]) == expected[::-1]  # one kept, one new


@pytest.mark.parametrize(
    ("verb", "expected"),
    [
        ("urges", "urges"),
        ("Strongly  Urges", "strongly urges"),
        (" Calls\nupon ", "calls upon"),
        ("", ""),
        (None, ""),
    ],
)
def test_verb_key(verb: str | None, expected: str) -> None:
    assert verb_key(verb) == expected
    assert verb_code(verb) == (digest(expected, 31) if expected else 0)


def test_by_verb_groups_under_the_verb_key(ix: Any) -> None:
    # "Strongly urges" (78/116 OP6) is the head verb "urges", as its column groups it
    result = search(WhooshReader.of(ix), SearchRequest("*", by="verb", verb="urges"))
    assert [g.key for g in result.groups] == [verb_key("Urges")]


# --- snippets: the tokens near the query's words only ---------------------------------------

TEXTS = [
    *(p.text for r in ALL for p in r.paragraphs),
    *(f.text for r in ALL for f in r.footnotes),
    # a word inside another ("copyrights"), split compounds ("human-rights"), symbols
    "Copyrights and human-rights; HUMAN RIGHTS, human  rights and human\nrights.",
    "resolution 55/2 and 55/2; A/CONF.157/24 (A/CONF.157/24/Rev.1) of 1.5 degrees",
    # lower-casing that changes a length ("İ") or depends on the letters around ("Σ")
    "İstanbul human rights",
    "ΟΔΟΣ human rights ΣΑΣ",
    "rights human rights human rights",
    "",
]
WANTED = [
    ({"rights"}, []),
    (set(), [("human", "rights")]),
    ({"55/2", "degrees"}, [("a/conf.157/24",)]),
    ({"human"}, [("human", "rights"), ("rights", "human", "rights")]),
    ({"a"}, [("of", "the")]),  # "a" inside most words: every token split
    ({"rights"}, [()]),  # an empty phrase marks nothing
    (set(), [("universal", "periodic", "review"), ("cooperative", "approach")]),
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize(("terms", "phrases"), WANTED)
def test_spans_near_the_words_are_those_of_every_token(
    text: str, terms: set[str], phrases: list[tuple[str, ...]]
) -> None:
    from resdex.search.whoosh_engine.schema import SymbolTokenizer
    from resdex.search.whoosh_engine.snippets import match_spans

    class EveryToken(SymbolTokenizer):  # type: ignore[misc]
        """Splits the whole text, as any analyzer but resdex's own."""

    near = match_spans(text, SymbolTokenizer(), terms, phrases)
    assert near == match_spans(text, EveryToken(), terms, phrases)


def test_spans_of_a_phrase_and_its_words() -> None:
    from resdex.search.whoosh_engine.schema import SymbolTokenizer
    from resdex.search.whoosh_engine.snippets import match_spans

    text = "Copyrights and human-rights; HUMAN RIGHTS, human  rights."
    spans = match_spans(text, SymbolTokenizer(), set(), [("human", "rights")])
    # the hyphen is no space: its two words marked apart
    shown = ["human", "rights", "HUMAN RIGHTS", "human  rights"]
    assert [text[s:e] for s, e in spans] == shown


def test_segment_cache_forgets_the_least_recently_used() -> None:
    cache: units.SegmentCache[str, int] = units.SegmentCache(2)
    cache.put("a", 1)
    cache.put("b", 2)
    assert cache.get("a") == 1  # "b" is now the least recently used
    cache.put("c", 3)
    assert (cache.get("a"), cache.get("b"), cache.get("c")) == (1, None, 3)


def test_cites_from_many_threads_while_rows_are_forgotten(
    ix: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The web server answers from several threads: a row another thread forgets between
    the lookup and the answer is decoded again, never a KeyError."""
    from concurrent.futures import ThreadPoolExecutor

    monkeypatch.setattr(units, "_ROWS", units.SegmentCache(units.SEGMENTS_KEPT))
    expected = cites(WhooshReader.of(ix), "A/CONF.157/24")
    monkeypatch.setattr(units, "CITED_KEPT", 1)  # every query forgets what the others kept
    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(lambda _: cites(WhooshReader.of(ix), "A/CONF.157/24"), range(64)))
    assert all(answer == expected for answer in answers)


class _Bytes:
    """A column file in memory: what ``ColumnCells`` reads of Whoosh's ``StructFile``."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def get_byte(self, at: int) -> int:
        return self.data[at]

    def get(self, at: int, size: int) -> bytes:
        return self.data[at : at + size]


@pytest.mark.parametrize(
    ("tail", "documents"),
    [
        (b"?BX", 3),  # a type code flipped: no array has it
        (b"BBX", 100),  # the tables of 100 documents cannot fit in the column
    ],
)
def test_a_damaged_column_is_damage_not_a_traceback(tail: bytes, documents: int) -> None:
    """``struct.error``, which ``resdex.search.whoosh_engine.damage`` reports as a damaged
    index in one line (as it does Whoosh's own column reader's)."""
    import struct

    from resdex.search.whoosh_engine.access import ColumnCells

    data = b"abc" + bytes(6) + tail
    with pytest.raises(struct.error):
        ColumnCells(_Bytes(data), 0, len(data), documents)


@pytest.mark.parametrize(
    "phrase",
    [
        '"the importance of the universal periodic review"',  # A/RES/71/194 (hand-built)
        '"universal periodic review"',
        '"of the"',
    ],
)
@pytest.mark.parametrize(
    ("rare", "ratio", "text_check"),
    [(4096, 64, 64), (0, 0, 0), (0, 10**6, 10**6), (10**6, 0, 0)],
    ids=["as shipped", "positions only", "every part read, text checked", "rare, positions"],
)
def test_a_phrase_is_found_alike_whatever_parts_are_read_first(
    ix: Any, phrase: str, rare: int, ratio: int, text_check: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """How many of a phrase's parts are read before its candidates are checked (on their
    text or their positions) changes the cost, never the hits."""
    expected = search(WhooshReader.of(ix), SearchRequest(phrase, limit=0))
    monkeypatch.setattr(matching, "RARE", rare)
    monkeypatch.setattr(matching, "READ_RATIO", ratio)
    monkeypatch.setattr(matching, "TEXT_CHECK", text_check)
    found = search(WhooshReader.of(ix), SearchRequest(phrase, limit=0))
    assert (found.total, found.hits) == (expected.total, expected.hits)
    assert expected.total > 0
