"""Reading files: format detection from content, and one-line errors for bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from resdex.indexer.errors import NotAResolution, UnreadableFile
from resdex.indexer.models import SourceFormat
from resdex.indexer.sources import SUPPORTED_SUFFIXES, read_document


def test_supported_suffixes() -> None:
    assert set(SUPPORTED_SUFFIXES) == {".txt", ".md", ".pdf"}


@pytest.mark.parametrize(
    ("content", "error", "words"),
    [
        (b"", UnreadableFile, "empty file"),
        (b"  \n\n ", UnreadableFile, "empty file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", UnreadableFile, "binary file"),
        (
            "Résolution adoptée par l'Assemblée générale".encode("latin-1"),
            UnreadableFile,
            "not UTF-8",
        ),
        (b"Shopping list\n\n- eggs\n- milk\n", NotAResolution, "not a UN document"),
        (b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n", UnreadableFile, "PDF"),
    ],
    ids=["empty", "blank", "binary", "latin-1", "not-un", "pdf-garbage"],
)
def test_bad_input_one_line(
    tmp_path: Path, content: bytes, error: type[Exception], words: str
) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(content)
    with pytest.raises(error) as info:
        read_document(path)
    message = str(info.value)
    assert "\n" not in message
    assert str(path) in message
    assert words in message


def test_truncated_real_pdf(tmp_path: Path, shared_corpus: Path) -> None:
    data = (shared_corpus / "ga-pdf" / "A_RES_80_204.pdf").read_bytes()
    path = tmp_path / "A_RES_80_204.pdf"
    path.write_bytes(data[: len(data) // 2])
    with pytest.raises(UnreadableFile) as info:
        read_document(path)
    assert "\n" not in str(info.value)
    assert "truncated" in str(info.value) or "broken" in str(info.value)


def test_directory_is_unreadable(tmp_path: Path) -> None:
    with pytest.raises(UnreadableFile, match="directory"):
        read_document(tmp_path)


def test_corpus_readme_is_not_a_resolution(shared_corpus: Path) -> None:
    with pytest.raises(NotAResolution, match="not a UN document"):
        read_document(shared_corpus / "README.md")


@pytest.mark.parametrize(
    ("where", "rel", "fmt"),
    [
        ("project", "A_RES_69_179.ods.txt", SourceFormat.ODS),
        ("project", "A_RES_71_194.md", SourceFormat.MARKDOWN),
        ("shared", "ga-md/A_RES_80_11.md", SourceFormat.MARKDOWN),
        ("shared", "ga-text/A_RES_78_225.txt", SourceFormat.PDF_TEXT),
        ("shared", "ga-drafts/A_80_L.19.txt", SourceFormat.PDF_TEXT),
        ("shared", "ga-pdf/A_RES_78_199.pdf", SourceFormat.PDF),
        ("shared", "sc-text/S_RES_0001_1946_EN_GOLD.txt", SourceFormat.SC_OCR),
        ("shared", "sc-text/S_RES_0761_1992_EN_GOLD.txt", SourceFormat.SC_OCR),
        ("shared", "sc-text/S_RES_0851_1993_EN_GOLD.txt", SourceFormat.SC_OCR),
    ],
)
def test_format_from_content(
    request: pytest.FixtureRequest,
    project_corpus: Path,
    where: str,
    rel: str,
    fmt: SourceFormat,
) -> None:
    folder = project_corpus if where == "project" else request.getfixturevalue("shared_corpus")
    raw = read_document(folder / rel)
    assert raw.format is fmt
    assert len(raw.sha256) == 64


def test_format_ignores_the_file_name(tmp_path: Path, project_corpus: Path) -> None:
    renamed = tmp_path / "resolution.pdf.txt"
    renamed.write_bytes((project_corpus / "A_RES_71_194.md").read_bytes())
    assert read_document(renamed).format is SourceFormat.MARKDOWN
