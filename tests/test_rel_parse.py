"""Issue 10, ``parse``: deeply nested and encrypted PDFs refused in one line."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from rel_helpers import invoke, one_line_error

from resdex.indexer.errors import UnreadableFile
from resdex.indexer.sources import document_from_bytes


def _pdf(objects: list[bytes], root: int = 1) -> bytes:
    """A minimal PDF with these objects (numbered from 1), a cross-reference table and a
    trailer."""
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n")
    offsets = []
    for i, body in enumerate(objects, start=1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1, root, xref))  # fmt: skip
    return out.getvalue()


def _nested() -> bytes:
    deep = b"[" * 100_000 + b"]" * 100_000
    return _pdf([b"<< /Type /Catalog /Pages 2 0 R /Deep " + deep + b" >>",
                 b"<< /Type /Pages /Kids [] /Count 0 >>"])  # fmt: skip


def _encrypted() -> bytes:
    from pypdf import PdfWriter

    writer = PdfWriter()
    writer.add_blank_page(612, 792)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


CASES = {
    "100,000 nested arrays": (_nested, "broken"),
    "encrypted with a password": (_encrypted, "encrypted PDF: not supported"),
}


@pytest.mark.parametrize("case", list(CASES))
def test_pdf_refused_in_one_line(tmp_path: Path, case: str) -> None:
    make, reason = CASES[case]
    data = make()
    with pytest.raises(UnreadableFile, match=reason):
        document_from_bytes("x.pdf", data)
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    code, out, err = invoke("parse", str(path))
    assert one_line_error(code, out, err) and reason in err, err
