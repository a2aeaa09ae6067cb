"""The matching half of citation tagging: the ruler run over the windows where a match can
start (``nlp.find_anchors``), and the per-process cache of what a text alone decides
(``text_cache``). Same anchors as the whole span ruler, same citations with the cache and
without; the resolution of the anchors still follows each document's context. Passages
from the shared corpus (file named per case); expected targets written from reading them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from spacy.attrs import LOWER
from spacy.language import Language

from resdex.indexer import nlp as nlp_module
from resdex.indexer.citations import CiteContext, find_citations, tag_citations, text_cache
from resdex.indexer.cite_patterns import RULER_PATTERNS, START_CHUNK_RE
from resdex.indexer.instruments import FIRST_LETTERS, INSTRUMENTS
from resdex.indexer.models import Body, CitationKind
from resdex.indexer.nlp import _start_chunks, anchors, build_pipeline, find_anchors, windows
from resdex.indexer.parse import parse_raw
from resdex.indexer.resolve import Anchor
from resdex.indexer.sources import read_document
from resdex.indexer.text_cache import Matched, TextCache


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


# Real passages, each with what the ruler must find there (label, surface).
SYMBOL, REFERENCE = "CITE_SYMBOL", "CITE_REFERENCE"
ANCHOR_CASES: list[tuple[str, str, list[tuple[str, str]]]] = [
    # ga-text/A_RES_78_216 PP3
    (
        "78/216 PP3",
        "Recalling its resolution 53/144 of 9 December 1998, by which it adopted by consensus "
        "the Declaration on the Right and Responsibility of Individuals,",
        [(REFERENCE, "resolution 53/144")],
    ),
    # S/RES/546 (1984) PP2: OCR lost a bracket (the bare-year pattern: keyword, number,
    # year); the resolver reads the rest of the list
    (
        "S/RES/546 PP2",
        "Recalling its resolutions 387 1976), 418 (1977), 428 (1978), 447 (1979), 454 (1979) "
        "and 475 (1980),",
        [(REFERENCE, "resolutions 387 1976")],
    ),
    # S/RES/385 (1976) PP3: a number glued to its bracket
    (
        "S/RES/385 PP3",
        "Recalling General Assembly resolution 2248(S-V) of 19 May 1967,",
        [(REFERENCE, "resolution 2248(S-V)")],
    ),
    # A/RES/71/194 footnote 5: a joint symbol, one token
    (
        "71/194 fn5",
        "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46, chap. II, sect. A.",
        [(SYMBOL, "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46")],
    ),
    # S/RES/675 (1990) footnote 99: OCR "S$/"
    ("S/RES/675 fn99", "Ibid., document S$/21909.", [(SYMBOL, "S$/21909")]),
    # A/RES/71/194 report line: a symbol in brackets, then a keyword far from the first
    (
        "71/194 report + 70/153",
        "on the report of the Third Committee (A/71/484/Add.2) and its resolution 70/153 of "
        "17 December 2015",
        [(SYMBOL, "A/71/484/Add.2"), (REFERENCE, "resolution 70/153")],
    ),
    # a keyword with no number (ga-text/A_RES_80_8 and others): nothing
    (
        "no anchors",
        "Decides to remain seized of the matter, as set out in the present resolution",
        [],
    ),
]


@pytest.mark.parametrize(
    ("case", "text", "expected"), ANCHOR_CASES, ids=[c[0] for c in ANCHOR_CASES]
)
def test_find_anchors_as_the_span_ruler(
    nlp: Language, case: str, text: str, expected: list[tuple[str, str]]
) -> None:
    found = find_anchors(nlp, [text])[0]
    assert [(a.label, text[a.start : a.end]) for a in found] == expected
    assert found == anchors(nlp(text))


@pytest.mark.parametrize("doc_chars", [100_000, 1])
def test_texts_joined_in_one_doc_as_one_by_one(
    nlp: Language, monkeypatch: pytest.MonkeyPatch, doc_chars: int
) -> None:
    # the windows of every text in one Doc (or, at 1 character, one Doc a text), each
    # anchor back in its own text
    monkeypatch.setattr(nlp_module, "_DOC_CHARS", doc_chars)
    texts = [text for _, text, _ in ANCHOR_CASES] * 2
    assert find_anchors(nlp, texts) == [anchors(nlp(text)) for text in texts]


def test_ruler_reads_only_text_and_lower_case() -> None:
    # ``build_pipeline`` gives a new word its text and lower case only, no other attribute
    read = {key for p in RULER_PATTERNS for token in p["pattern"] for key in token}
    assert read <= {"ORTH", "TEXT", "LOWER", "OP"}
    assert list(build_pipeline().vocab.lex_attr_getters) == [LOWER]


def test_windows_cut_at_whitespace() -> None:
    text = "Recalling its resolution 53/144 of 9 December 1998, by which it adopted"
    # from the keyword's run of characters, the runs the longest pattern can reach
    assert windows(text) == [(14, len("Recalling its resolution 53/144 of 9 December 1998,"))]
    assert windows("Decides to remain seized of the matter.") == []


# Real passages (file named per case) and the stretches the ruler has to see there,
# written from reading them: a keyword reaches on only with a digit in its run or the next,
# a symbol is its own run alone, a start chunk with no digit within reach is none.
WINDOW_CASES: list[tuple[str, str, list[str]]] = [
    # ga-drafts/A_80_L.1: a keyword with no number after it
    ("no number", "Adopts the draft resolution entitled “Scale of assessments”,", []),
    # A/RES/71/194 report line: the symbol's run alone, the keyword with its reach
    (
        "symbol and keyword",
        "on the report of the Third Committee (A/71/484/Add.2) and its resolution 70/153 of "
        "17 December 2015",
        ["(A/71/484/Add.2)", "resolution 70/153 of 17 December 2015"],
    ),
    # a slash with no digit: "and/or" (A/RES/78/216 and others)
    ("and/or", "to eliminate discrimination and/or violence", []),
    # S/RES/385 (1976) PP3: the number glued to its bracket, in the keyword's next run
    (
        "glued bracket",
        "Recalling General Assembly resolution 2248(S-V) of 19 May 1967,",
        ["resolution 2248(S-V) of 19 May 1967,"],
    ),
]


@pytest.mark.parametrize(
    ("case", "text", "expected"), WINDOW_CASES, ids=[c[0] for c in WINDOW_CASES]
)
def test_windows_where_a_match_can_start(
    nlp: Language, case: str, text: str, expected: list[str]
) -> None:
    assert [text[start:end] for start, end in windows(text)] == expected
    assert find_anchors(nlp, [text])[0] == anchors(nlp(text))


def test_every_pattern_needs_a_digit_after_its_keyword() -> None:
    # what ``nlp._reach`` relies on: the token after a keyword, and a symbol, hold a digit
    for pattern in RULER_PATTERNS:
        tokens = pattern["pattern"]
        regex = (tokens[1] if "LOWER" in tokens[0] else tokens[0])["TEXT"]["REGEX"]
        assert "\\d" in regex, pattern["id"]  # (each as written: "^\\d{1,4}$", "(?=[^\\s]*\\d)…")


# Real passages and the same with what makes ``_start_chunks`` fall back to the regex: a
# run of spaces, a tab, a line break, a no-break space, "ſ" (case-insensitive "s").
CHUNK_TEXTS = [
    ANCHOR_CASES[0][1],  # ga-text/A_RES_78_216 PP3
    ANCHOR_CASES[4][1],  # S/RES/675 (1990) footnote 99
    ANCHOR_CASES[5][1],  # A/RES/71/194 report line
    # A/RES/71/194 PP1 (curly quotes: not ASCII), "Resolution" capitalized
    "Recalling “Resolution 70/153” and its decisions/resolutionsA/70/1 on the matter",
    "RESOLUTION 1514 (XV) and DECISION 2004/67",
]


@pytest.mark.parametrize(
    "text",
    [
        variant
        for text in CHUNK_TEXTS
        for variant in (
            text,
            text.replace(" ", "  "),
            text.replace(" its ", "\tits\n"),
            text.replace(" ", "\u00a0", 2),
            text.replace("s", "ſ"),
            f" {text} ",
        )
    ],
)
def test_start_chunks_as_the_regex(text: str) -> None:
    assert _start_chunks(text) == [m.span() for m in START_CHUNK_RE.finditer(text)]


# One real paragraph (ga-text/A_RES_78_216 PP3) in three documents: "its resolution" is
# the adopting organ's, and a document never cites itself.
PP3 = (
    "Recalling its resolution 53/144 of 9 December 1998, by which it adopted by consensus the "
    "Declaration on the Right and Responsibility of Individuals, Groups and Organs of Society "
    "to Promote and Protect Universally Recognized Human Rights and Fundamental Freedoms, "
    "commonly referred to as the Declaration on Human Rights Defenders, and encouraging "
    "States to uphold the purposes, principles and provisions of the Declaration in the "
    "context of its implementation,"
)
CONTEXT_CASES: list[tuple[str, CiteContext, list[str]]] = [
    ("General Assembly 2023", CiteContext(Body.GA, "A/RES/78/216", 2023, 78), ["A/RES/53/144"]),
    (
        "Human Rights Council 2024",
        CiteContext(Body.HRC, "A/HRC/RES/55/10", 2024, 55),
        ["A/HRC/RES/53/144"],
    ),
    ("itself", CiteContext(Body.GA, "A/RES/53/144", 1998, 53), []),
]


def test_one_text_resolved_in_each_context(nlp: Language) -> None:
    cache = text_cache(nlp)
    cache.clear()
    for case, ctx, expected in CONTEXT_CASES:
        found = find_citations(PP3, ctx, nlp, "PP3")
        assert [c.target for c in found if c.kind is CitationKind.CITATION] == expected, case
        assert found == find_citations(PP3, ctx, nlp, "PP3", cache=False), case
    # matched once, then looked up: the context-free half is shared
    info = cache.info()
    assert (info.misses, info.hits) == (1, len(CONTEXT_CASES) - 1)


@pytest.mark.parametrize("name", ["A_RES_78_216.txt", "A_RES_78_222.txt", "A_RES_80_8.txt"])
def test_whole_resolution_same_with_and_without_cache(
    nlp: Language, shared_corpus: Path, name: str
) -> None:
    path = shared_corpus / "ga-text" / name
    if not path.exists():
        pytest.skip(f"{path} is not in the corpus")
    res = parse_raw(read_document(path))
    text_cache(nlp).clear()
    cold = tag_citations(res, nlp)
    warm = tag_citations(res, nlp)  # every text from the cache now
    assert cold == warm == tag_citations(res, nlp, cache=False)
    assert [f.citations for f in cold.footnotes] == [f.citations for f in warm.footnotes]


def test_lru_keeps_the_most_recent() -> None:
    cache = TextCache(maxsize=2)
    one = Matched((Anchor(REFERENCE, 0, 17),), ())
    for text in ("a", "b"):
        cache.put(text, one)
    assert cache.get("a") is one  # "a" is now the most recent
    cache.put("c", one)
    assert cache.get("b") is None
    assert cache.get("a") is one and cache.get("c") is one
    assert cache.info().size == 2
    assert TextCache(maxsize=0).get("a") is None


@pytest.mark.parametrize("name", [name for name, _ in INSTRUMENTS])
def test_instrument_names_start_with_a_listed_letter(name: str) -> None:
    # "(?:United Nations )?Millennium Declaration" can start with "U" or with "M"
    optional = re.match(r"\(\?:(?P<opt>[^()]*)\)\?(?P<rest>.)", name)
    firsts = [optional["opt"][0], optional["rest"]] if optional else [name[0]]
    assert all(letter in FIRST_LETTERS for letter in firsts)
