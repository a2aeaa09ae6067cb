"""Read a file into a ``RawDocument``: decode it and recognize its format from its content.

Formats (see ``models.SourceFormat``): the ODS word-processor export, Markdown conversions,
text extracted from the official PDFs, the PDFs themselves (read with pypdf) and the OCR'd
Security Council yearbook texts. Everything wrong with a file is reported as one line:
``UnreadableFile`` when it cannot be read as text, ``NotAResolution`` when it can but is
not a UN document.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import logging
import os
import stat
from pathlib import Path

from resdex.indexer import patterns as P
from resdex.indexer.errors import NotAResolution, UnreadableFile
from resdex.indexer.models import RawDocument, SourceFormat

SUPPORTED_SUFFIXES: tuple[str, ...] = (".txt", ".md", ".pdf")

# Files larger than this are refused unread (``resdex index --max-size``): the largest of
# the 2,199 documents of the shared corpus is a 320 KB PDF (A/RES/78/153); a hundred times
# that still leaves room for the longest reports, and ``/dev/zero``-like inputs stop here.
MAX_FILE_BYTES = 32 * 1024 * 1024

# what a file that is not a regular file is, for the one-line refusal
_FILE_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a FIFO (named pipe)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)

# how much of a text the format detection looks at
_HEAD_CHARS = 3000
# control characters that never occur in a text file (tab, newlines, form feed excepted)
_CONTROL_BYTES = bytes(sorted(set(range(0, 32)) - {9, 10, 12, 13}))


def read_document(path: str | Path) -> RawDocument:
    """Read ``path`` and recognize its format. Raises UnreadableFile / NotAResolution."""
    path = Path(path)
    return document_from_bytes(str(path), read_regular(path))


def not_regular(mode: int) -> str | None:
    """Why a file of this ``st_mode`` is not read (None for a regular file)."""
    if stat.S_ISREG(mode):
        return None
    for test, kind in _FILE_KINDS:
        if test(mode):
            return f"{kind}, not a regular file"
    return "not a regular file"


def unreadable_reason(path: Path, err: OSError) -> str:
    """The one-line reason ``path`` could not be opened."""
    if err.errno == errno.ELOOP:
        return "symbolic link loop"
    if err.errno == errno.ENOENT and path.is_symlink():
        return f"dangling symbolic link (to {os.readlink(path)})"
    if err.errno == errno.EISDIR:
        return "a folder, not a regular file"
    if err.errno in (errno.ENXIO, errno.ENODEV):  # a socket cannot even be opened
        with contextlib.suppress(OSError):
            return not_regular(os.stat(path).st_mode) or "not a regular file"
    return f"cannot be read ({err.strerror or err})"


def read_regular(path: Path, max_bytes: int = MAX_FILE_BYTES) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_bytes`` (symbolic
    links followed); a FIFO, a device, a folder, a dangling or looping link, an empty or
    too large file is refused with its reason (``UnreadableFile``), never waited on."""
    try:
        # O_NONBLOCK: opening a FIFO with no writer returns at once instead of hanging
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError as err:
        raise UnreadableFile(f"{path}: {unreadable_reason(path, err)}") from None
    try:
        st = os.fstat(fd)
        why = not_regular(st.st_mode)
        if why is not None:
            raise UnreadableFile(f"{path}: {why}")
        if st.st_size > max_bytes:
            raise UnreadableFile(f"{path}: {_too_large(st.st_size, max_bytes)}")
        chunks = []
        size = 0
        while size <= max_bytes and (chunk := os.read(fd, 1 << 20)):
            chunks.append(chunk)
            size += len(chunk)
    except OSError as err:
        raise UnreadableFile(f"{path}: {unreadable_reason(path, err)}") from None
    finally:
        os.close(fd)
    if size > max_bytes:  # it grew while read
        raise UnreadableFile(f"{path}: {_too_large(size, max_bytes)}")
    data = b"".join(chunks)
    if not data:
        raise UnreadableFile(f"{path}: empty file")
    return data


def _too_large(size: int, max_bytes: int) -> str:
    mb = 1024 * 1024
    return f"larger ({size / mb:.1f} MB) than the {max_bytes / mb:g} MB cap (--max-size)"


def document_from_bytes(name: str, data: bytes) -> RawDocument:
    """The ``RawDocument`` for a file's bytes; ``name`` is used in messages and as path."""
    if not data.strip():
        raise UnreadableFile(f"{name}: empty file")
    digest = hashlib.sha256(data).hexdigest()
    if data.startswith(b"%PDF"):
        return RawDocument(name, SourceFormat.PDF, pdf_text(name, data), digest)
    text = decode_text(name, data)
    return RawDocument(name, detect_format(name, text), text, digest)


def decode_text(name: str, data: bytes) -> str:
    """UTF-8 text of a file (a BOM is dropped); binary or other encodings are refused."""
    sample = data[:65536]
    controls = len(sample) - len(sample.translate(None, _CONTROL_BYTES))
    if b"\x00" in sample or controls > len(sample) // 100:
        raise UnreadableFile(f"{name}: binary file, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as err:
        raise UnreadableFile(
            f"{name}: not UTF-8 text (byte 0x{data[err.start]:02x} at offset {err.start})"
        ) from None
    return text.replace("\r\n", "\n").replace("\r", "\n")


def detect_format(name: str, text: str) -> SourceFormat:
    """The format of a decoded text, from its content (never from the file name)."""
    head = text[:_HEAD_CHARS]
    # (the cheap test first: the regex tries its two branches at every character of the
    # text, a third of a millisecond a document; it can match only where one of these
    # stands)
    if ("<<ODS " in text or "[DU" in text) and P.ODS_FIELD_RE.search(text):
        return SourceFormat.ODS
    if P.MD_FRONT_MATTER_RE.match(text) or P.MD_LINK_RE.search(head):
        return SourceFormat.MARKDOWN
    # (the cheap test first: the header is anchored at the start; the heading is searched
    # line by line through the head)
    if P.UN_HEADER_RE.search(head):
        return SourceFormat.PDF_TEXT
    if P.SC_HEADING_RE.search(head):
        return SourceFormat.SC_OCR
    if P.SUPERSCRIPT_RUN_RE.search(text) and _has_organ_opening(text):
        return SourceFormat.MARKDOWN
    if _has_organ_opening(text):
        return SourceFormat.PDF_TEXT
    raise NotAResolution(
        f"{name}: not a UN document (no UN symbol, 'Distr.:' header, resolution heading "
        "or 'The General Assembly,' opening found)"
    )


def _has_organ_opening(text: str) -> bool:
    return any(P.ORGAN_OPENING_RE.match(line) for line in text.splitlines()[:400])


def pdf_text(name: str, data: bytes) -> str:
    """The text of a PDF's pages (pypdf's plain extraction), pages joined by form feeds.

    Plain extraction (not "layout") is used: it keeps each paragraph's first-line indent as
    a leading space, which ``clean`` turns into the paragraph breaks the published text
    files show, and it does not merge the two columns of the running heads.
    """
    from pypdf import PdfReader
    from pypdf.errors import PyPdfError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data), strict=False)
        if reader.is_encrypted:
            _decrypt(name, reader)
        pages = [page.extract_text() or "" for page in reader.pages]
    except RecursionError:
        # "100,000 nested arrays": pypdf parses nested objects recursively
        raise UnreadableFile(f"{name}: broken PDF (objects nested too deeply)") from None
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, OSError) as err:
        raise UnreadableFile(f"{name}: broken or truncated PDF ({_one_line(err)})") from None
    if b"%%EOF" not in data[-2048:]:
        raise UnreadableFile(f"{name}: truncated PDF (no end-of-file marker)")
    text = "\f".join(pages)
    if not text.strip():
        raise UnreadableFile(f"{name}: PDF without a text layer (scanned image?)")
    return text


def _decrypt(name: str, reader: object) -> None:
    """Open a PDF encrypted with an empty user password (permissions only); any other
    encryption, or one that needs the ``cryptography`` package pypdf asks for, is refused."""
    from pypdf.errors import DependencyError, PdfReadError

    try:
        ok = reader.decrypt("")  # type: ignore[attr-defined]
    except (DependencyError, PdfReadError, NotImplementedError):
        ok = 0
    if not ok:
        raise UnreadableFile(f"{name}: encrypted PDF: not supported")


def _one_line(err: BaseException) -> str:
    message = " ".join(str(err).split()) or type(err).__name__
    return message[:120]
