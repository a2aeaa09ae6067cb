"""The survey's anomaly checks, on constructed resolutions and on the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdex.indexer.models import (
    Body,
    Footnote,
    Metadata,
    Paragraph,
    ParagraphKind,
    RawDocument,
    Resolution,
    SourceFormat,
)
from resdex.indexer.survey import anomalies, iter_files, main, render, survey

OP = ParagraphKind.OPERATIVE
PP = ParagraphKind.PREAMBULAR
META = Metadata(symbol="A/RES/80/204", body=Body.GA, number="80/204")
# the raw text tells the survey that the document has 4 pages ("2/4" running heads)
RAW = RawDocument("x.txt", SourceFormat.PDF_TEXT, "text\n2/4 \nmore\n3/4\n", "0" * 64)


def _res(paragraphs: list[Paragraph], footnotes: tuple[Footnote, ...] = ()) -> Resolution:
    return Resolution(META, tuple(paragraphs), footnotes, source=RAW)


def _kinds(res: Resolution) -> list[tuple[str, str]]:
    return [(a.kind, a.where) for a in anomalies(res)]


def _p(label: str, text: str, *footnotes: int) -> Paragraph:
    """A top-level paragraph: "PP1" preambular, "OP3" operative number 3."""
    return Paragraph(
        label, PP if label.startswith("PP") else OP, int(label[2:]), text, footnotes=footnotes
    )


# (case, paragraphs, footnotes, every anomaly found: kind and where)
CASES: list[tuple[str, list[Paragraph], tuple[Footnote, ...], list[tuple[str, str]]]] = [
    (
        "a clean resolution",
        [
            _p("PP1", "Recalling its resolution 79/166 of 17 December 2024,", 1),
            _p("OP1", "Recalls Human Rights Council resolution 2/4 of 2007;"),
            _p("OP2", "Decides to continue its consideration of the question."),
        ],
        (Footnote(1, "Resolution 79/166."),),
        [],
    ),
    (
        "each anomaly kind",
        [
            _p("PP1", "Recalling the World Conference 25-20958 held in", 2),  # job number
            _p("OP1", "Reaffirms the duty of A/RES/80/204 States 2/4 to"),  # symbol, page mark
            _p("OP3", ""),
        ],
        (Footnote(1, "Resolution 55/2."),),
        [
            ("running-head", "PP1"),
            ("running-head", "OP1"),
            ("running-head", "OP1"),
            ("op-gap", "OP3"),
            ("empty-paragraph", "OP3"),
            ("marker-without-text", "PP1"),
            ("text-without-marker", "footnote 1"),
        ],
    ),
    ("no operative paragraph", [_p("PP1", "Recalling its resolution 70/1,")], (), [("no-op", "")]),
]


@pytest.mark.parametrize(
    ("paragraphs", "footnotes", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES]
)
def test_anomalies(
    paragraphs: list[Paragraph], footnotes: tuple[Footnote, ...], expected: list[tuple[str, str]]
) -> None:
    assert sorted(_kinds(_res(paragraphs, footnotes))) == sorted(expected)


def test_seeds_have_no_anomaly(project_corpus: Path) -> None:
    tallies = survey(iter_files([project_corpus]))
    assert {name: t.parsed for name, t in tallies.items()} == {"ods": 1, "markdown": 1}
    assert all(not t.refused and not t.anomalies for t in tallies.values())


def test_render_and_main(project_corpus: Path, capsys: object) -> None:
    lines = render(survey(iter_files([project_corpus])), listing=True)
    assert lines[0].split()[:3] == ["format", "parsed", "refused"]
    assert main([str(project_corpus)]) == 0


def test_merged_paragraphs() -> None:
    res = _res(
        [
            # A/RES/80/228 PP8 as it was parsed before the fix
            Paragraph(
                "PP8",
                PP,
                8,
                "Recalling the adoption of the Global Plan of Action by the General Assembly "
                "in its resolution 64/293 of 30 July 2010, and underlining the importance of "
                "its full implementation, Reaffirming that the Global Plan of Action was "
                "developed:",
            ),
            # A/RES/78/253 OP2 as it was parsed before the fix (section II run into it)
            Paragraph(
                "OP1",
                OP,
                1,
                "Endorses the conclusions and recommendations contained in the report of the "
                "Advisory Committee; Recalling its resolutions 72/266 A of 24 December 2017,",
            ),
            # S/RES/72 (1949): "the Acting United Nations Mediator" is a title, not a paragraph
            Paragraph(
                "OP2",
                OP,
                2,
                "Requests the Secretary-General to convey the present resolution to the "
                "parties, Acting United Nations Mediator in Palestine, who will report.",
            ),
        ]
    )
    assert [(a.kind, a.where) for a in anomalies(res)] == [
        ("merged-paragraphs", "PP8"),
        ("merged-paragraphs", "OP1"),
    ]


def test_op_gaps_per_section() -> None:
    """A/RES/78/253: each section numbers its paragraphs from 1."""
    res = _res(
        [
            Paragraph("I.OP1", OP, 1, "Takes note of the report of the Secretary-General;"),
            Paragraph("I.OP2", OP, 2, "Endorses the conclusions of the Advisory Committee;"),
            Paragraph("II.OP1", OP, 1, "Takes note of the report of the Secretary-General;"),
            Paragraph("II.OP3", OP, 3, "Notes the performance report for 2022."),
        ]
    )
    assert [(a.kind, a.where, a.detail) for a in anomalies(res)] == [
        ("op-gap", "II.OP3", "after II.OP1")
    ]
