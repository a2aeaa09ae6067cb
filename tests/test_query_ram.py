"""search / cites / show over hand-built resolutions, through every engine's ``Reader``
(``tests/engines.py``), and the Whoosh engine against Whoosh's own answers."""

from __future__ import annotations

from typing import Any

import pytest
from engines import ENGINES, whoosh_index
from test_search_handbuilt import ALL, RES_71_194, RES_338
from whoosh_reference import reference

from resdex.search.engine import Reader
from resdex.search.query import (
    NotIndexed,
    QueryError,
    SearchRequest,
    check_syntax,
    parse_range,
    search,
)
from resdex.search.results import cites_to_json, search_to_json
from resdex.search.whoosh_engine.reader import WhooshReader


@pytest.fixture(scope="module")
def ix() -> Any:
    """The Whoosh index itself: for the cases checked against Whoosh's own answers."""
    return whoosh_index(ALL)


@pytest.fixture(scope="module", params=sorted(ENGINES))
def reader(request: pytest.FixtureRequest) -> Reader:
    """Every engine (``tests/engines.py``) over the hand-built resolutions."""
    return ENGINES[request.param](ALL)


def addresses(reader: Reader, query: str, **filters: Any) -> list[str]:
    result = reader.search(SearchRequest(query, limit=0, **filters))
    return [f"{h.symbol} {h.label}" for h in result.hits]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # a phrase: only 71/194 has the paragraph on the universal periodic review
        ('"universal periodic review"', ["A/RES/71/194 OP8"]),
        # words, AND by default; session order: 69 before 71
        ("cooperative approach", ["A/RES/69/179 OP8", "A/RES/71/194 OP9"]),
        # a one-letter word inside a phrase
        ('"a cooperative approach"', ["A/RES/69/179 OP8", "A/RES/71/194 OP9"]),
        # symbols kept whole, found in footnotes
        ("55/2", ["A/RES/69/179 footnote 2", "A/RES/71/194 footnote 2"]),
        ("A/CONF.157/24", ["A/RES/69/179 footnote 1", "A/RES/71/194 footnote 1"]),
        ("a/ac.154/415", ["A/RES/78/116 OP6"]),
        # "55" alone is not "55/2"
        ("55", []),
        # a hyphenated word is a phrase of its parts; the Security Council (1973) comes
        # before the General Assembly's 69th session (2014)
        ("cease-fire", ["S/RES/338(1973) OP2", "S/RES/338(1973) OP3"]),
        # OR, NOT, parentheses
        (
            '"universal periodic" OR "host country"',
            ["A/RES/71/194 OP8", "A/RES/78/116 OP6"],
        ),
        ("xenophobia NOT racism", []),
        ("(seminar OR cease-fire) AND NOT decides", ["S/RES/338(1973) OP2", "A/RES/69/179 OP13"]),
        ("dialogue AND constructive", ["A/RES/71/194 OP8", "A/RES/71/194 OP11"]),
        # case does not matter
        ("MILLENNIUM declaration", ["A/RES/69/179 PP2", "A/RES/71/194 PP3"]),
    ],
)
def test_search(reader: Reader, query: str, expected: list[str]) -> None:
    assert addresses(reader, query) == expected


@pytest.mark.parametrize(
    ("query", "filters", "expected"),
    [
        (
            "*",
            {"body": "SC"},
            ["S/RES/338(1973) OP1", "S/RES/338(1973) OP2", "S/RES/338(1973) OP3"],
        ),
        ("host", {"body": "ga"}, ["A/RES/78/116 OP6"]),
        ("host", {"body": "Security Council"}, []),
        # "urges" as a word: 69/179 is before session 70
        ("urges", {"session": (70, 80)}, ["A/RES/71/194 OP4", "A/RES/78/116 OP6"]),
        ("urges", {"session": (69, 69)}, ["A/RES/69/179 OP4", "A/RES/69/179 OP11"]),
        # a range across a change in digit count: 9..100 compares as numbers, not as text
        (
            "urges",
            {"session": (9, 100)},
            ["A/RES/69/179 OP4", "A/RES/69/179 OP11", "A/RES/71/194 OP4", "A/RES/78/116 OP6"],
        ),
        (
            "*",
            {"year": (None, 1990)},
            ["S/RES/338(1973) OP1", "S/RES/338(1973) OP2", "S/RES/338(1973) OP3"],
        ),
        ("urges", {"year": (2015, None)}, ["A/RES/71/194 OP4", "A/RES/78/116 OP6"]),
        ("*", {"kind": "operative", "session": (78, 78)}, ["A/RES/78/116 OP6"]),
        ("millennium", {"kind": "PP"}, ["A/RES/69/179 PP2", "A/RES/71/194 PP3"]),
        ("millennium", {"kind": "operative"}, []),
        ("55/2", {"kind": "footnote", "year": (2016, 2016)}, ["A/RES/71/194 footnote 2"]),
    ],
)
def test_filters(reader: Reader, query: str, filters: dict[str, Any], expected: list[str]) -> None:
    assert addresses(reader, query, **filters) == expected


@pytest.mark.parametrize("filters", [{"body": "UNGA"}, {"kind": "annex"}, {"verb": "  "}])
def test_bad_filter(reader: Reader, filters: dict[str, Any]) -> None:
    with pytest.raises(QueryError):
        reader.search(SearchRequest("rights", **filters))


def test_session_filter_leaves_out_texts_without_session(reader: Reader) -> None:
    assert not [a for a in addresses(reader, "*", session=(None, 80)) if a.startswith("S/")]


@pytest.mark.parametrize(
    ("verb", "expected"),
    [
        # "Urges", "Strongly urges" (78/116); never "Recalls" or "Emphasizes"
        (
            "urges",
            [
                "A/RES/69/179 OP4",
                "A/RES/69/179 OP11",
                "A/RES/71/194 OP4",
                "A/RES/78/116 OP6",
            ],
        ),
        ("Strongly urges", ["A/RES/78/116 OP6"]),
        ("also emphasizes", ["A/RES/71/194 OP9"]),
        ("EMPHASIZES", ["A/RES/69/179 OP8", "A/RES/71/194 OP8", "A/RES/71/194 OP9"]),
        (
            "calls upon",
            ["S/RES/338(1973) OP1", "S/RES/338(1973) OP2", "A/RES/71/194 OP11"],
        ),
        ("urge", []),
    ],
)
def test_verb(reader: Reader, verb: str, expected: list[str]) -> None:
    assert addresses(reader, "*", verb=verb) == expected


def test_kind_hits_all_have_the_kind(reader: Reader) -> None:
    for kind in ("preambular", "operative", "footnote"):
        result = reader.search(SearchRequest("human OR the", kind=kind, limit=0))
        assert result.hits and {h.kind for h in result.hits} == {kind}


def test_limit_keeps_totals(reader: Reader) -> None:
    every = reader.search(SearchRequest("rights", limit=0))
    one = reader.search(SearchRequest("rights", limit=1))
    assert len(one.hits) == 1 and one.total == every.total == len(every.hits)
    assert one.resolutions == every.resolutions == 2


def test_highlight_marks_the_phrase(reader: Reader) -> None:
    (hit,) = reader.search(SearchRequest('"universal periodic review"')).hits
    assert [t for t, marked in hit.snippet if marked] == ["universal periodic review"]
    assert "the **universal periodic review** as" in hit.highlight()
    js = search_to_json(reader.search(SearchRequest('"universal periodic review"')))
    assert js["total"] == 1 and js["resolutions"] == 1
    assert set(js["hits"][0]) >= {
        "symbol",
        "label",
        "kind",
        "body",
        "session",
        "year",
        "verb",
        "text",
        "highlight",
    }
    assert js["hits"][0]["verb"] == "Emphasizes" and js["hits"][0]["session"] == 71


@pytest.mark.parametrize(
    "query",
    [
        '"universal periodic',
        "(rights",
        "rights)",
        "AND rights",
        "rights OR",
        "NOT",
        "rights AND OR dialogue",
        "()",
        "",
        "   ",
        "... ,,",
    ],
)
def test_malformed_query(reader: Reader, query: str) -> None:
    with pytest.raises(QueryError) as err:
        reader.search(SearchRequest(query))
    assert "\n" not in str(err.value)


@pytest.mark.parametrize("query", ["rights NOT racism", "NOT racism", "(a OR b) c", '"x" AND y'])
def test_well_formed_query(query: str) -> None:
    check_syntax(query)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("70..80", (70, 80)), ("70..", (70, None)), ("..80", (None, 80)), ("75", (75, 75))],
)
def test_parse_range(text: str, expected: tuple[int | None, int | None]) -> None:
    assert parse_range(text) == expected


@pytest.mark.parametrize("text", ["", "..", "80..70", "a..b", "70 80", "70-80"])
def test_parse_range_refuses(text: str) -> None:
    with pytest.raises(QueryError):
        parse_range(text)


# --- cites ----------------------------------------------------------------------------------


def _summary(reader: Reader, target: str) -> list[tuple[str, list[str], bool, bool]]:
    result = reader.cites(target)
    return [(c.symbol, [u.label for u in c.units], c.direct, c.via_footnote) for c in result.citing]


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        # through footnote 1 only; by date: 2014 before 2016
        (
            "A/CONF.157/24",
            [("A/RES/69/179", ["PP1"], False, True), ("A/RES/71/194", ["PP1"], False, True)],
        ),
        (
            "a/conf.157/24",
            [("A/RES/69/179", ["PP1"], False, True), ("A/RES/71/194", ["PP1"], False, True)],
        ),
        (
            "resolution 55/2",
            [("A/RES/69/179", ["PP2"], False, True), ("A/RES/71/194", ["PP3"], False, True)],
        ),
        ("A/RES/70/1", [("A/RES/71/194", ["PP2"], True, False)]),
        ("HRC resolution 32/6", [("A/RES/71/194", ["PP3"], True, False)]),
        ("S/RES/242 (1967)", [("S/RES/338(1973)", ["OP2"], True, False)]),
        ("resolution 242 (1967)", [("S/RES/338(1973)", ["OP2"], True, False)]),
        # the report line of the header
        ("A/71/484/Add.2", [("A/RES/71/194", ["header"], True, False)]),
        # 69/179's PP9 is not in the hand-built text: its footnote 5 is listed instead
        (
            "E/CN.4/Sub.2/2000/46",
            [
                ("A/RES/69/179", ["footnote 5"], True, False),
                ("A/RES/71/194", ["PP12"], False, True),
            ],
        ),
        ("A/RES/1/1", []),
    ],
)
def test_cites(
    reader: Reader, target: str, expected: list[tuple[str, list[str], bool, bool]]
) -> None:
    assert _summary(reader, target) == expected


def test_cites_json(reader: Reader) -> None:
    js = cites_to_json(reader.cites("a/conf.157/24"))
    assert js["target"] == "A/CONF.157/24"
    first = js["citing"][0]
    assert first["symbol"] == "A/RES/69/179" and first["session"] == 69
    assert first["year"] == 2014 and first["adopted"] == "2014-12-18"
    assert first["paragraphs"] == ["PP1"] and first["via_footnote"] is True
    assert first["units"][0]["via_footnotes"] == [1]


# --- show -----------------------------------------------------------------------------------


@pytest.mark.parametrize("symbol", ["A/RES/71/194", "a/res/71/194", "71/194", "resolution 71/194"])
def test_show(reader: Reader, symbol: str) -> None:
    assert reader.show(symbol) == RES_71_194


def test_show_security_council(reader: Reader) -> None:
    assert reader.show("S/RES/338 (1973)") == RES_338


def test_show_unknown(reader: Reader) -> None:
    with pytest.raises(NotIndexed, match="A/RES/70/1 is not in the index"):
        reader.show("A/RES/70/1")


@pytest.mark.parametrize(
    "query",
    [
        '"universal periodic review"',
        '"a cooperative approach"',
        '"of the"',
        '"human rights" cooperation',
        '"universal periodic review" "human rights"',
        '"review universal periodic"',  # the words are there, not in that order
        "cease-fire",
        '"human rights" OR seminar',
        '"human rights" NOT "periodic review"',
        "coop*",
        '"resolution 55/2"',
        "*",
    ],
)
@pytest.mark.parametrize(
    "filters",
    [{}, {"kind": "operative"}, {"session": (70, 80)}, {"body": "SC"}, {"status": "adopted"}],
)
@pytest.mark.parametrize("text_check", [64, 0])  # phrases checked on the text, on positions
def test_search_finds_what_whoosh_finds(
    ix: Any, query: str, filters: dict[str, Any], text_check: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Phrases looked up as word pairs, sets of postings, filters on the columns: the same
    hits, totals and per-session counts as Whoosh's own phrase matching and filters."""
    monkeypatch.setattr("resdex.search.whoosh_engine.matching.TEXT_CHECK", text_check)
    expected = reference(ix, query, **filters)
    result = search(WhooshReader.of(ix), SearchRequest(query, limit=0, **filters))
    assert {(h.symbol, h.label) for h in result.hits} == expected.units
    assert result.total == len(expected.units)
    assert result.resolutions == expected.resolutions
    by = search(WhooshReader.of(ix), SearchRequest(query, by="session", **filters))
    assert {g.key: g.paragraphs for g in by.groups} == dict(expected.per_session)


# --- --sort, --by, --status (issue 11) --------------------------------------------------------

# "urges" in sessions 9..100: 69/179 OP4 and OP11, 71/194 OP4, 78/116 OP6 (test_filters)
URGES: dict[str, Any] = {"session": (9, 100)}


@pytest.mark.parametrize(
    ("sort", "expected"),
    [
        ("oldest", ["A/RES/69/179 OP4", "A/RES/69/179 OP11"]),
        # newest first: 78/116, then 71/194
        ("newest", ["A/RES/78/116 OP6", "A/RES/71/194 OP4"]),
    ],
)
def test_sort_decides_which_hits_the_limit_keeps(
    reader: Reader, sort: str, expected: list[str]
) -> None:
    result = reader.search(SearchRequest("urges", limit=2, sort=sort, **URGES))
    assert [f"{h.symbol} {h.label}" for h in result.hits] == expected
    assert (result.total, result.resolutions, result.sort) == (4, 3, sort)


def test_by_session_counts_every_match(reader: Reader) -> None:
    result = reader.search(SearchRequest("urges", by="session", **URGES))
    assert result.hits == ()
    assert [(g.key, g.paragraphs, g.resolutions) for g in result.groups] == [
        (69, 2, 1),
        (71, 1, 1),
        (78, 1, 1),
    ]
    assert [(g.first.symbol, g.first.label) for g in result.groups] == [
        ("A/RES/69/179", "OP4"),
        ("A/RES/71/194", "OP4"),
        ("A/RES/78/116", "OP6"),
    ]
    data = search_to_json(result)
    assert data["by"] == "session"
    assert data["groups"][0] == {
        "key": 69,
        "paragraphs": 2,
        "resolutions": 1,
        "first": {
            "symbol": "A/RES/69/179",
            "label": "OP4",
            "adopted": "2014-12-18",
            "session": 69,
            "year": 2014,
        },
    }


def test_by_body_and_year(reader: Reader) -> None:
    # the Security Council's 338 (1973): three operative paragraphs, no session
    by_body = reader.search(SearchRequest("*", by="body", body="SC"))
    assert [(g.key, g.paragraphs, g.resolutions) for g in by_body.groups] == [("SC", 3, 1)]
    by_session = reader.search(SearchRequest("*", by="session", body="SC"))
    assert [g.key for g in by_session.groups] == [None]
    by_year = reader.search(SearchRequest("urges", by="year", **URGES))
    assert [g.key for g in by_year.groups] == [2014, 2016, 2023]


def test_by_verb(reader: Reader) -> None:
    # "Strongly urges" (78/116 OP6) is the verb "urges"
    result = reader.search(SearchRequest("*", by="verb", verb="urges"))
    assert [(g.key, g.paragraphs, g.resolutions) for g in result.groups] == [("urges", 4, 3)]


@pytest.mark.parametrize(("status", "expected"), [("adopted", 4), ("draft", 0)])
def test_status(reader: Reader, status: str, expected: int) -> None:
    # the hand-built resolutions were all adopted
    assert reader.search(SearchRequest("urges", status=status, **URGES)).total == expected


@pytest.mark.parametrize(
    "request_",
    [
        SearchRequest("urges", sort="alphabetical"),
        SearchRequest("urges", by="month"),
        SearchRequest("urges", status="pending"),
    ],
)
def test_bad_sort_by_status(reader: Reader, request_: SearchRequest) -> None:
    with pytest.raises(QueryError):
        reader.search(request_)


@pytest.mark.parametrize("query", ['"human rights"', "cooperation", '"united nations"', "urges"])
def test_term_scores_are_whooshs(ix: Any, query: str) -> None:
    """One term scored over its postings a block at a time: Whoosh's BM25F numbers."""
    from resdex.search.query import parse_query
    from resdex.search.whoosh_engine.matching import Leaf, doc_ids, rewrite
    from resdex.search.whoosh_engine.scoring import term_top, top_scored

    with ix.searcher() as searcher:
        q = rewrite(parse_query(query, searcher.schema))
        sub = searcher.subsearchers[0][0] if searcher.subsearchers else searcher
        ids = sorted(doc_ids(q, Leaf(sub, sub.reader())))
        assert ids
        fast = term_top(q, sub, 0, ids, 5)
        slow = top_scored(q, sub, 0, searcher.context(), ids, 5)
    assert fast is not None
    assert [d for _, d in sorted(fast, reverse=True)] == [d for _, d in sorted(slow, reverse=True)]
    assert [s for s, _ in sorted(fast)] == pytest.approx([s for s, _ in sorted(slow)])


@pytest.mark.parametrize(
    "query", ['"universal periodic review"', '"a cooperative approach"', "cooperation", "55/2"]
)
def test_scores_on_the_text_are_whooshs(ix: Any, query: str) -> None:
    """A few documents scored from the term frequencies of their stored text: the numbers
    of Whoosh's matcher for the AND of the query's terms."""
    from resdex.search.query import parse_query
    from resdex.search.whoosh_engine.matching import Leaf, doc_ids, rewrite, scoring_query
    from resdex.search.whoosh_engine.scoring import stored_scores, top_scored

    with ix.searcher() as searcher:
        q = rewrite(parse_query(query, searcher.schema))
        sub = searcher.subsearchers[0][0] if searcher.subsearchers else searcher
        ids = sorted(doc_ids(q, Leaf(sub, sub.reader())))
        assert ids
        scored = scoring_query(q)
        fast = stored_scores(scored, sub, 0, ids)
        slow = top_scored(scored, sub, 0, searcher.context(), ids, len(ids))
    assert fast is not None
    assert sorted(fast, key=lambda e: e[1]) == [
        (pytest.approx(score), doc) for score, doc in sorted(slow, key=lambda e: e[1])
    ]
