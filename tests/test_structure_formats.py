"""Full expected structures of real documents, five formats, written by hand in
tests/expected/*.json from reading the texts (never from the parser's output)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from resdex.indexer.models import Resolution, SourceFormat
from resdex.indexer.parse import parse_raw
from resdex.indexer.sources import read_document

EXPECTED = Path(__file__).parent / "expected"

# (where, file, format, expected structure)
CASES = [
    ("project", "A_RES_69_179.ods.txt", SourceFormat.ODS, "A_RES_69_179"),
    ("project", "A_RES_71_194.md", SourceFormat.MARKDOWN, "A_RES_71_194"),
    ("shared", "ga-md/A_RES_80_10.md", SourceFormat.MARKDOWN, "A_RES_80_10"),
    ("shared", "ga-text/A_RES_80_204.txt", SourceFormat.PDF_TEXT, "A_RES_80_204"),
    ("shared", "ga-text/A_RES_80_114.txt", SourceFormat.PDF_TEXT, "A_RES_80_114"),
    ("shared", "ga-pdf/A_RES_80_204.pdf", SourceFormat.PDF, "A_RES_80_204"),
    ("shared", "ga-pdf/A_RES_79_166.pdf", SourceFormat.PDF, "A_RES_79_166"),
    ("shared", "ga-drafts/A_80_L.10.txt", SourceFormat.PDF_TEXT, "A_80_L.10"),
    ("shared", "ga-drafts/A_C.4_80_L.10.txt", SourceFormat.PDF_TEXT, "A_C.4_80_L.10"),
    ("shared", "sc-text/S_RES_0242_1967_EN_GOLD.txt", SourceFormat.SC_OCR, "S_RES_0242_1967"),
    ("shared", "sc-text/S_RES_0429_1978_EN_GOLD.txt", SourceFormat.SC_OCR, "S_RES_0429_1978"),
]


def load_expected(name: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((EXPECTED / f"{name}.json").read_text(encoding="utf-8"))
    if "inherit" in data:
        base = load_expected(data.pop("inherit"))
        base.update(data)
        data = base
    return data


@pytest.fixture(params=CASES, ids=[c[1] for c in CASES])
def case(
    request: pytest.FixtureRequest, project_corpus: Path
) -> tuple[Resolution, SourceFormat, dict[str, Any]]:
    where, rel, fmt, name = request.param
    folder = project_corpus if where == "project" else request.getfixturevalue("shared_corpus")
    return parse_raw(read_document(folder / rel)), fmt, load_expected(name)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def test_format_detected(case: tuple[Resolution, SourceFormat, dict[str, Any]]) -> None:
    res, fmt, _ = case
    assert res.source is not None
    assert res.source.format is fmt


def test_metadata(case: tuple[Resolution, SourceFormat, dict[str, Any]]) -> None:
    res, _, exp = case
    meta = res.meta
    for key in (
        "symbol",
        "number",
        "session",
        "year",
        "title",
        "meeting",
        "vote",
        "draft",
        "distribution",
    ):
        if key in exp:
            assert getattr(meta, key) == exp[key], key
    assert meta.body.value == exp["body"]
    for key in ("adopted", "distributed"):
        if key in exp:
            assert getattr(meta, key) == _date(exp[key]), key
    if "agenda_items" in exp:
        assert list(meta.agenda_items) == exp["agenda_items"]
    if "sponsors" in exp:
        assert list(meta.sponsors) == exp["sponsors"]
    if "report" in exp:
        if exp["report"] is None:
            assert meta.report is None
        else:
            assert meta.report is not None
            assert meta.report.committee == exp["report"]["committee"]
            assert meta.report.symbol == exp["report"]["symbol"]


def test_labels_and_counts(case: tuple[Resolution, SourceFormat, dict[str, Any]]) -> None:
    res, _, exp = case
    assert [p.label for p in res.paragraphs] == exp["labels"]
    for label, parent in exp.get("parents", {}).items():
        assert _para(res, label).parent == parent


def test_verbs(case: tuple[Resolution, SourceFormat, dict[str, Any]]) -> None:
    res, _, exp = case
    for label, (verb, modifier) in exp.get("verbs", {}).items():
        p = _para(res, label)
        assert (p.verb, p.modifier) == (verb, modifier), label
    for label, opening in exp.get("openings", {}).items():
        assert _para(res, label).opening == opening, label


def test_footnotes_and_attachments(case: tuple[Resolution, SourceFormat, dict[str, Any]]) -> None:
    res, _, exp = case
    expected = {int(n): labels for n, labels in exp["footnotes"].items()}
    assert sorted(f.number for f in res.footnotes) == sorted(expected)
    for number, labels in expected.items():
        assert [p.label for p in res.paragraphs if number in p.footnotes] == labels, number
    texts = {f.number: f.text for f in res.footnotes}
    for number, text in exp.get("footnote_texts", {}).items():
        assert texts[int(number)] == text


def test_paragraph_texts(case: tuple[Resolution, SourceFormat, dict[str, Any]]) -> None:
    res, _, exp = case
    for label, text in exp["texts"].items():
        assert _para(res, label).text == text, label
    for p in res.paragraphs:
        assert p.text == " ".join(p.text.split())
        assert p.text


def _para(res: Resolution, label: str) -> Any:
    matches = [p for p in res.paragraphs if p.label == label]
    assert len(matches) == 1, label
    return matches[0]
