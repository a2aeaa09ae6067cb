"""A draft sent to the precedents page: an uploaded file (any format ``resdex parse`` reads)
or pasted paragraphs. Size-capped, read in memory, parsed without citations (so without
spaCy), never written to the index.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from starlette.datastructures import UploadFile
from starlette.requests import Request

from resdex.indexer.models import Body, Metadata, Paragraph, ParagraphKind, Resolution
from resdex.web.params import BadParameter

MAX_FILE = 4 * 1024 * 1024  # bytes of an uploaded draft (the largest of the corpus: ~1 MB)
MAX_TEXT = 50_000  # characters of pasted text
MAX_PARAGRAPHS = 300

PASTED = "pasted text"
# a blank line between pasted paragraphs
_BLANK_LINE = re.compile(r"\n\s*\n")


@dataclass(frozen=True, slots=True)
class Draft:
    name: str  # the file's name, or PASTED
    data: bytes | None  # a file's bytes
    text: str | None  # pasted paragraphs


async def read_upload(request: Request) -> Draft:
    """The draft in a ``multipart/form-data`` or form POST: a ``file`` or a ``text`` field."""
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_FILE + MAX_TEXT * 4 + 65536:
        raise BadParameter(f"the upload is larger than {MAX_FILE // (1024 * 1024)} MB")
    async with request.form(max_files=1, max_fields=8, max_part_size=MAX_TEXT * 4) as form:
        upload = form.get("file")
        if isinstance(upload, UploadFile) and upload.filename:
            data = await upload.read(MAX_FILE + 1)
            if len(data) > MAX_FILE:
                raise BadParameter(f"the file is larger than {MAX_FILE // (1024 * 1024)} MB")
            if not data.strip():
                raise BadParameter(f"{upload.filename} is empty")
            return Draft(upload.filename.rsplit("/", 1)[-1], data, None)
        text = form.get("text")
        if isinstance(text, str) and text.strip():
            return pasted(text)
    raise BadParameter("send a draft: a file, or paragraphs pasted as text")


def pasted(text: str) -> Draft:
    if len(text) > MAX_TEXT:
        raise BadParameter(f"the pasted text is longer than {MAX_TEXT:,} characters")
    return Draft(PASTED, None, text)


def parse_draft(draft: Draft) -> Resolution:
    """The draft as a Resolution (no citations tagged). Raises ``UnreadableFile`` or
    ``NotAResolution`` for a file resdex cannot read."""
    if draft.data is not None:
        from resdex.indexer.parse import parse_raw
        from resdex.indexer.sources import document_from_bytes

        return parse_raw(document_from_bytes(draft.name, draft.data))
    return pasted_resolution(draft.text or "")


def pasted_resolution(text: str) -> Resolution:
    """Pasted paragraphs (a blank line between two; one line each also works), numbered
    P1, P2, … in the order given."""
    blocks = [b for b in _BLANK_LINE.split(text.replace("\r\n", "\n")) if b.strip()]
    if len(blocks) == 1:
        blocks = [line for line in blocks[0].split("\n") if line.strip()]
    if not blocks:
        raise BadParameter("the pasted text is empty")
    if len(blocks) > MAX_PARAGRAPHS:
        raise BadParameter(f"more than {MAX_PARAGRAPHS} paragraphs pasted")
    paragraphs = tuple(
        Paragraph(
            label=f"P{i}",
            kind=ParagraphKind.OPERATIVE,
            number=i,
            text=" ".join(block.split()),
        )
        for i, block in enumerate(blocks, 1)
    )
    return Resolution(Metadata(symbol=PASTED, body=Body.GA, number=""), paragraphs)
