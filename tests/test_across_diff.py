"""``diff``: paragraph alignment between two versions, expected results read off the documents.

Each table lists, for every paragraph, (status, old label, new label), written by reading the
two texts side by side. The first pair is in the project's ``corpus/``; the others need
``../shared/corpus`` and skip without it. No index: ``diff_resolutions`` is pure.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import pytest

from resdex.indexer.pipeline import parse_path
from resdex.search.align import align, normal, word_ops
from resdex.search.diff import diff_resolutions

Row = tuple[str, str | None, str | None]


class Pair(NamedTuple):
    """Two versions in ../shared/corpus and the rows expected between them."""

    old: str
    new: str
    rows: list[Row]


def _same(labels: list[tuple[str, str]]) -> list[Row]:
    return [("same", a, b) for a, b in labels]


def _run(old: Path, new: Path) -> list[Row]:
    d = diff_resolutions(parse_path(old, citations=False), parse_path(new, citations=False))
    return [(p.status, p.old, p.new) for p in d.paragraphs]


# A/RES/69/179 (ODS) -> A/RES/71/194 (Markdown), read side by side.
EXPECTED_69_71: list[Row] = [
    ("changed", "PP1", "PP1"),  # "Programme of Action, adopted … 1993, for": two commas
    ("added", None, "PP2"),  # Recalling its resolution 70/1 (the 2030 Agenda)
    ("changed", "PP2", "PP3"),  # "Recalling also …", 70/153 and HRC 32/6 for 68/160 and 25/3
    ("changed", "PP3", "PP4"),  # "Recalling further" for "Recalling also"
    *_same([("PP4", "PP5"), ("PP5", "PP6")]),
    ("added", None, "PP7"),  # Underlining that cooperation is not just … good-neighbourliness
    ("added", None, "PP8"),  # Stressing the importance … living conditions
    *_same([("PP6", "PP9"), ("PP7", "PP10"), ("PP8", "PP11"), ("PP9", "PP12")]),
    *_same([(f"OP{n}", f"OP{n}") for n in range(1, 8)]),
    ("added", None, "OP8"),  # Emphasizes the importance of the universal periodic review
    ("changed", "OP8", "OP9"),  # "Also emphasizes the need for a cooperative approach"
    ("changed", "OP9", "OP10"),  # "Further emphasizes" for "Also emphasizes"
    *_same([("OP10", "OP11"), ("OP11", "OP12"), ("OP12", "OP13")]),
    ("removed", "OP13", None),  # Recalls the seminar … held in 2013
    ("same", "OP14", "OP14"),
    ("changed", "OP15", "OP15"),  # seventieth -> seventy-second session
]


def test_69_179_to_71_194(project_corpus: Path) -> None:
    got = _run(project_corpus / "A_RES_69_179.ods.txt", project_corpus / "A_RES_71_194.md")
    assert got == EXPECTED_69_71


def test_69_179_to_71_194_word_edits(project_corpus: Path) -> None:
    d = diff_resolutions(
        parse_path(project_corpus / "A_RES_69_179.ods.txt", citations=False),
        parse_path(project_corpus / "A_RES_71_194.md", citations=False),
    )
    by_new = {p.new: p for p in d.paragraphs}
    assert by_new["OP9"].ops[0] == ("insert", "Also")
    assert by_new["OP9"].ops[1][0] == "equal"
    assert by_new["OP9"].ops[1][1].startswith("emphasizes the need for a cooperative approach")
    assert ("delete", "seventieth") in by_new["OP15"].ops
    assert ("insert", "seventy-second") in by_new["OP15"].ops
    assert d.same_series and d.note is None


# A/C.3/80/L.35 (draft, PDF text) -> A/RES/80/204 (PDF text): adopted without a change; the
# resolution writes "non‑selectivity" with a non-breaking hyphen where the draft has "-".
L35_204 = Pair(
    "ga-drafts/A_C.3_80_L.35.txt",
    "ga-text/A_RES_80_204.txt",
    _same(
        [(f"PP{n}", f"PP{n}") for n in range(1, 16)] + [(f"OP{n}", f"OP{n}") for n in range(1, 18)]
    ),
)

# A/RES/78/199 (the official PDF) -> A/RES/79/166 (PDF text).
PDF_78_79 = Pair(
    "ga-pdf/A_RES_78_199.pdf",
    "ga-text/A_RES_79_166.txt",
    [
        *_same([("PP1", "PP1"), ("PP2", "PP2")]),
        ("changed", "PP3", "PP3"),  # 79/166 recalls 78/199 and HRC 56/2 (for 77/213 and 53/11)
        *_same([(f"PP{n}", f"PP{n}") for n in range(4, 16)]),
        ("removed", "PP16", None),  # Welcoming … thirtieth anniversary of the Vienna Declaration
        *_same([(f"OP{n}", f"OP{n}") for n in range(1, 8)]),
        ("changed", "OP8", "OP8"),  # "interdependence, interrelatedness," inserted
        *_same([(f"OP{n}", f"OP{n}") for n in range(9, 17)]),
        ("changed", "OP17", "OP17"),  # seventy-ninth -> eightieth session
    ],
)

# A/RES/78/49 (PDF text) -> A/RES/80/26 (Markdown): prohibition of the dumping of
# radioactive wastes.
TEXT_78_49_MD_80_26 = Pair(
    "ga-text/A_RES_78_49.txt",
    "ga-md/A_RES_80_26.md",
    [
        *_same([(f"PP{n}", f"PP{n}") for n in range(1, 6)]),
        ("changed", "PP6", "PP6"),  # "forty-third session, in 1988": a comma
        *_same([(f"PP{n}", f"PP{n}") for n in range(7, 14)]),
        *_same([(f"OP{n}", f"OP{n}") for n in range(1, 6)]),
        ("changed", "OP6", "OP6"),  # seventy-ninth -> eighty-first session
        *_same([("OP7", "OP7"), ("OP8", "OP8")]),
        ("changed", "OP9", "OP9"),  # "become Party" for "become party"
        ("changed", "OP10", "OP10"),  # eightieth -> eighty-second session
    ],
)

# S/RES/201 (1965) -> S/RES/206 (1965) (Security Council, corrected OCR): the Cyprus force
# renewed for six months instead of three. OP4 differs only by its footnote marker (4, 7).
SC_201_206 = Pair(
    "sc-text/S_RES_0201_1965_EN_GOLD.txt",
    "sc-text/S_RES_0206_1965_EN_GOLD.txt",
    [
        ("changed", "PP1", "PP1"),  # "six months" for "three months"
        ("changed", "PP2", "PP2"),  # "beyond 26 June 1965" for "26 March 1965"
        ("changed", "PP3", "PP3"),  # "the quiet which prevails in the island is tenuous …"
        ("changed", "PP4", "PP4"),  # "… and 201 (1965) of 19 March 1965"
        ("same", "PP5", "PP5"),
        ("changed", "OP1", "OP1"),  # 201 (1965) added to the reaffirmed resolutions
        ("same", "OP2", "OP2"),
        ("changed", "OP3", "OP3"),  # "to continue to act with the utmost restraint"
        ("same", "OP4", "OP4"),
        ("changed", "OP5", "OP5"),  # "six months, ending 26 December 1965"
    ],
)


@pytest.mark.parametrize(
    "pair",
    [L35_204, PDF_78_79, TEXT_78_49_MD_80_26, SC_201_206],
    ids=["draft-L.35-to-80/204", "pdf-78/199-to-79/166", "text-78/49-to-md-80/26", "sc-201-206"],
)
def test_pairs_across_formats(shared_corpus: Path, pair: Pair) -> None:
    assert _run(shared_corpus / pair.old, shared_corpus / pair.new) == pair.rows


def test_different_series_is_said(shared_corpus: Path) -> None:
    d = diff_resolutions(
        parse_path(shared_corpus / "ga-text/A_RES_80_204.txt", citations=False),
        parse_path(shared_corpus / "ga-text/A_RES_80_208.txt", citations=False),
    )
    assert not d.same_series
    assert d.note is not None and "not versions of one resolution" in d.note


# --- the pieces ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("non\u2011selectivity", "non-selectivity"),  # A/RES/80/204 against A/C.3/80/L.35
        ("Action,\u00a0adopted", "Action, adopted"),
        ("1993,¹ for", "1993, for"),  # a Markdown superscript marker (A/RES/71/194)
        ("“Transforming our world”", '"Transforming our world"'),
        ("  several   spaces ", "several spaces"),
    ],
)
def test_typography_never_counts(a: str, b: str) -> None:
    assert normal(a) == normal(b)


def test_word_ops() -> None:
    assert word_ops(
        normal("Emphasizes the need for a cooperative approach;"),
        normal("Also emphasizes the need for a cooperative and constructive approach;"),
    ) == (
        ("insert", "Also"),
        ("equal", "emphasizes the need for a cooperative"),
        ("insert", "and constructive"),
        ("equal", "approach;"),
    )


def test_alignment_keeps_order_and_finds_moves() -> None:
    old = ["alpha beta gamma delta", "one two three four five", "the seminar held in 2013"]
    new = ["one two three four five six", "alpha beta gamma delta", "something else entirely"]
    pairs = [(p.old, p.new) for p in align(old, new)]
    # "alpha" moved after "one": in order one pair only; the other found as moved
    assert sorted(pairs, key=str) == sorted([(1, 0), (0, 1), (None, 2), (2, None)], key=str)
