"""``resdex.search.whoosh_engine.segments``: a segment written by ``FastSegmentWriter`` holds what
Whoosh's own ``SegmentWriter`` writes from the same documents.

In ``EXACT`` mode (every postings block deflated as Whoosh does) the files are the same byte
for byte, whether the postings stayed in memory or went through sorted runs; by default
(small blocks stored as they are) Whoosh's reader gets the same terms, postings, stored
fields, columns and lengths back. The documents are those of real resolutions (the project
corpus and ten files of the shared one), through the real parser."""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from whoosh.writing import SegmentWriter

from resdex.search import store
from resdex.search.whoosh_engine import blocks
from resdex.search.whoosh_engine import fixes as whoosh_fixes
from resdex.search.whoosh_engine.postings import word_values
from resdex.search.whoosh_engine.segments import FastSegmentWriter
from resdex.search.workers import parse_file

ROOT = Path(__file__).resolve().parents[1]


def _docs(folder: Path, count: int) -> list[dict[str, Any]]:
    files = sorted(p for p in folder.rglob("*") if p.suffix in (".txt", ".md"))[:count]
    docs: list[dict[str, Any]] = []
    for path in files:
        data = path.read_bytes()
        parsed = parse_file((str(path), hashlib.sha256(data).hexdigest(), len(data) + 1))
        docs += parsed.docs
    assert docs
    return docs


@pytest.fixture(scope="module")
def documents(shared_corpus: Path) -> list[dict[str, Any]]:
    return _docs(ROOT / "corpus", 10) + _docs(shared_corpus / "ga-text", 40)


def _write(folder: Path, writer_class: Any, docs: list[dict[str, Any]], limitmb: int) -> Path:
    whoosh_fixes.apply()
    ix = store.create_empty(folder)
    writer = writer_class(ix, limitmb=limitmb, compound=False)
    for doc in docs:
        writer.add_document(**doc)
    if limitmb == 1:  # a megabyte of postings: the runs were used
        assert writer.runs_written >= 2
    writer.commit()
    return folder


def _files(folder: Path) -> dict[str, bytes]:
    """The segment's files by kind (its random name left out), without the TOC."""
    return {
        re.sub(r"MAIN_[a-z0-9]+", "SEG", p.name): p.read_bytes()
        for p in folder.iterdir()
        if p.is_file() and not p.name.endswith((".toc", "WRITELOCK"))
    }


@pytest.mark.parametrize("limitmb", [128, 1], ids=["in memory", "through runs"])
def test_the_same_files_as_whoosh(
    documents: list[dict[str, Any]], tmp_path: Path, limitmb: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(blocks, "EXACT", True)
    theirs = _files(_write(tmp_path / "whoosh", SegmentWriter, documents, 128))
    ours = _files(_write(tmp_path / "fast", FastSegmentWriter, documents, limitmb))
    assert sorted(ours) == sorted(theirs)
    for name in theirs:
        assert ours[name] == theirs[name], name


def _contents(folder: Path) -> Iterator[tuple[Any, ...]]:
    """Everything a reader gets from the index: each term's postings (id, weight, value),
    stored fields, lengths and columns of each document."""
    from resdex.search.schema import COLUMNS, PICKLED_COLUMNS

    with store.open_generation(folder).reader() as reader:
        for fieldname, text in reader.all_terms():
            fmt = reader.schema[fieldname].format
            postings = reader.postings(fieldname, text)
            items = list(postings.items_as("weight")) if fmt else []
            info = reader.term_info(fieldname, text)
            values = []
            while postings.is_active():
                values.append(postings.value())
                postings.next()
            yield ("term", fieldname, text, items, values, info.min_length(), info.max_length())
        for docnum in range(reader.doc_count_all()):
            yield ("stored", docnum, reader.stored_fields(docnum))
            for fieldname in ("text", "pairs"):
                yield ("length", docnum, reader.doc_field_length(docnum, fieldname))
        for name in [name for name, *_ in COLUMNS] + list(PICKLED_COLUMNS):
            yield ("column", name, list(reader.column_reader(name)))


def test_the_same_index_as_whoosh(documents: list[dict[str, Any]], tmp_path: Path) -> None:
    theirs = list(_contents(_write(tmp_path / "whoosh", SegmentWriter, documents, 128)))
    ours = list(_contents(_write(tmp_path / "fast", FastSegmentWriter, documents, 1)))
    assert len(ours) == len(theirs)
    for mine, whoosh in zip(ours, theirs, strict=True):
        assert mine == whoosh


# A document that fails half-way through ``add_document`` leaves nothing behind: a column's
# number out of range (a session of 70,000 in the two-byte ``c_session``), a text that is
# not UTF-8 (a lone surrogate, as a file name's stray byte decodes), failing after its
# numbers were taken
def _bad(doc: dict[str, Any], how: str) -> dict[str, Any]:
    if how == "column":
        return doc | {"c_session": 70_000}
    return doc | {"text": "Recalling \udcff its resolution 55/2", "c_order": 999}


@pytest.mark.parametrize("how", ["column", "text"])
def test_a_failed_document_leaves_nothing(
    documents: list[dict[str, Any]], tmp_path: Path, how: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(blocks, "EXACT", True)
    docs = documents[:300]
    whoosh_fixes.apply()
    ix = store.create_empty(tmp_path / "fast")
    writer = FastSegmentWriter(ix, limitmb=128, compound=False)
    for i, doc in enumerate(docs):
        if i % 50 == 7 and "text" in doc:
            with pytest.raises((OverflowError, UnicodeEncodeError)):
                writer.add_document(**_bad(doc, how))
        writer.add_document(**doc)
    writer.commit()
    theirs = _files(_write(tmp_path / "whoosh", SegmentWriter, docs, 128))
    ours = _files(tmp_path / "fast")
    assert sorted(ours) == sorted(theirs)
    for name in theirs:
        assert ours[name] == theirs[name], name


# a value of each indexed field, from real paragraphs: "55/2" kept whole, "HIV/AIDS" split,
# repeated words and pairs
TEXTS = {
    "text": "Recalling its resolution 55/2 of 8 September 2000, and HIV/AIDS, and AIDS",
    "pairs": "the right to development and the right to food, the right to development",
    "unit": "paragraph",
    "verbs": "urges,strongly urges",
    "cites": "a/res/55/2 a/conf.157/24",
}


@pytest.mark.parametrize("field", list(TEXTS))
def test_word_values_as_whoosh_indexes_them(field: str) -> None:
    from resdex.search.whoosh_engine.schema import build_schema

    schema = build_schema()
    value = TEXTS[field]
    expected = sorted(schema[field].index(value))
    assert sorted(word_values(schema[field], value)) == expected


# Stored fields as a zlib stream of stored (uncompressed) deflate blocks
# (``blocks.stored_zlib``): what ``zlib.decompress`` reads. OP8 of A/RES/71/194 as a
# paragraph stores it; empty; one block's most (65,535 bytes) and a byte more; three blocks
OP8 = (
    b"Emphasizes the importance of the universal periodic review as a mechanism based on "
    b"cooperation and constructive dialogue with the objective of, inter alia, improving "
    b"the situation of human rights on the ground"
)
STORED = {
    "a paragraph": (OP8, 11),
    "empty": (b"", 11),
    "one block's most": ((OP8 * 500)[:65_535], 11),
    "two blocks": ((OP8 * 500)[:65_536], 16),
    "three blocks": ((OP8 * 1000)[:140_000], 21),
}


@pytest.mark.parametrize("name", list(STORED))
def test_stored_zlib_is_read_by_zlib(name: str) -> None:
    data, overhead = STORED[name]
    stream = blocks.stored_zlib(data, 3)
    assert zlib.decompress(stream) == data
    assert len(stream) == len(data) + overhead
    assert stream[:2] == b"\x78\x01" and stream[2] & 0b110 == 0  # BTYPE 00: stored


def test_units_store_only_what_no_column_holds(
    documents: list[dict[str, Any]], tmp_path: Path
) -> None:
    """A paragraph or footnote stores its label, verb, opening and text, undeflated; a
    record its symbol, file, path and data."""
    folder = _write(tmp_path / "fast", FastSegmentWriter, documents, 128)
    with store.open_generation(folder).reader() as reader:
        units = [reader.stored_fields(d) for d in range(reader.doc_count_all())]
    records = [u for u in units if "data" in u]
    assert records and len(records) < len(units)
    assert {k for u in units if "data" not in u for k in u} == {"label", "verb", "opening", "text"}
    assert all({"symbol", "sha", "path", "data", "contents"} <= set(r) for r in records)
    # undeflated: a unit's text is in the segment's files as it is
    written = b"".join(_files(folder).values())
    texts = [u["text"].encode() for u in units if len(u.get("text", "")) > 80]
    assert texts and all(text in written for text in texts)
