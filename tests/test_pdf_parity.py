"""The official PDF and the text extracted from it give the same structure: same labels,
same paragraph texts (whitespace normalized), same footnotes and attachments, same
metadata."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdex.indexer.parse import parse_raw
from resdex.indexer.sources import read_document

PAIRS = ["A_RES_80_204", "A_RES_79_166", "A_RES_78_199"]


def _norm(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("name", PAIRS)
def test_pdf_and_text_agree(shared_corpus: Path, name: str) -> None:
    from_pdf = parse_raw(read_document(shared_corpus / "ga-pdf" / f"{name}.pdf"))
    from_text = parse_raw(read_document(shared_corpus / "ga-text" / f"{name}.txt"))
    assert [p.label for p in from_pdf.paragraphs] == [p.label for p in from_text.paragraphs]
    assert [_norm(p.text) for p in from_pdf.paragraphs] == [
        _norm(p.text) for p in from_text.paragraphs
    ]
    assert [p.footnotes for p in from_pdf.paragraphs] == [p.footnotes for p in from_text.paragraphs]
    assert [(f.number, _norm(f.text)) for f in from_pdf.footnotes] == [
        (f.number, _norm(f.text)) for f in from_text.footnotes
    ]
    assert from_pdf.meta == from_text.meta
    assert len(from_pdf.paragraphs) > 20
