"""The survey's anomaly checks, on constructed resolutions and on the seeds."""

from __future__ import annotations

from pathlib import Path

from indexer.models import (
    Body,
    Footnote,
    Metadata,
    Paragraph,
    ParagraphKind,
    RawDocument,
    Resolution,
    SourceFormat,
)
from indexer.survey import anomalies, iter_files, main, render, survey

OP = ParagraphKind.OPERATIVE
PP = ParagraphKind.PREAMBULAR
META = Metadata(symbol="A/RES/80/204", body=Body.GA, number="80/204")
# the raw text tells the survey that the document has 4 pages ("2/4" running heads)
RAW = RawDocument("x.txt", SourceFormat.PDF_TEXT, "text\n2/4 \nmore\n3/4\n", "0" * 64)


def _res(paragraphs: list[Paragraph], footnotes: tuple[Footnote, ...] = ()) -> Resolution:
    return Resolution(META, tuple(paragraphs), footnotes, source=RAW)


def _kinds(res: Resolution) -> list[tuple[str, str]]:
    return [(a.kind, a.where) for a in anomalies(res)]


def test_clean_resolution_has_no_anomaly() -> None:
    res = _res(
        [
            Paragraph(
                "PP1", PP, 1, "Recalling its resolution 79/166 of 17 December 2024,", footnotes=(1,)
            ),
            Paragraph("OP1", OP, 1, "Recalls Human Rights Council resolution 2/4 of 2007;"),
            Paragraph("OP2", OP, 2, "Decides to continue its consideration of the question."),
        ],
        (Footnote(1, "Resolution 79/166."),),
    )
    assert _kinds(res) == []


def test_each_anomaly_kind_is_found() -> None:
    res = _res(
        [
            Paragraph(
                "PP1", PP, 1, "Recalling the World Conference 25-20958 held in", footnotes=(2,)
            ),
            Paragraph("OP1", OP, 1, "Reaffirms the duty of A/RES/80/204 States 2/4 to"),
            Paragraph("OP3", OP, 3, ""),
        ],
        (Footnote(1, "Resolution 55/2."),),
    )
    found = _kinds(res)
    assert ("running-head", "PP1") in found  # job number
    assert found.count(("running-head", "OP1")) == 2  # own symbol and page mark
    assert ("op-gap", "OP3") in found
    assert ("empty-paragraph", "OP3") in found
    assert ("marker-without-text", "PP1") in found
    assert ("text-without-marker", "footnote 1") in found


def test_no_operative_paragraph() -> None:
    res = _res([Paragraph("PP1", PP, 1, "Recalling its resolution 70/1,")])
    assert _kinds(res) == [("no-op", "")]


def test_seeds_have_no_anomaly(project_corpus: Path) -> None:
    tallies = survey(iter_files([project_corpus]))
    assert {name: t.parsed for name, t in tallies.items()} == {"ods": 1, "markdown": 1}
    assert all(not t.refused and not t.anomalies for t in tallies.values())


def test_render_and_main(project_corpus: Path, capsys: object) -> None:
    lines = render(survey(iter_files([project_corpus])), listing=True)
    assert lines[0].split()[:3] == ["format", "parsed", "refused"]
    assert main([str(project_corpus)]) == 0
