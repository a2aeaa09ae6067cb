"""tag_citations / tag_many on whole resolutions: paragraphs, via-footnote copies,
footnotes, header; offsets; purity. Expected values from reading the seed documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from resdex.indexer.citations import HEADER_REPORT, tag_citations, tag_many
from resdex.indexer.models import Citation, CitationKind, Resolution
from resdex.indexer.nlp import anchors, build_pipeline
from resdex.indexer.parse import parse_raw
from resdex.indexer.sources import read_document


@pytest.fixture(scope="module")
def nlp() -> Language:
    return build_pipeline()


def _parse(path: Path) -> Resolution:
    return parse_raw(read_document(path))


def _citations(cites: tuple[Citation, ...]) -> list[tuple[str, int | None]]:
    return [(c.target, c.via_footnote) for c in cites if c.kind is CitationKind.CITATION]


def test_seed_71_194_paragraphs_and_footnotes(project_corpus: Path, nlp: Language) -> None:
    raw = _parse(project_corpus / "A_RES_71_194.md")
    res = tag_citations(raw, nlp)
    by_label = {p.label: p for p in res.paragraphs}
    # PP1 carries marker 1: "A/CONF.157/24 (Part I), chap. III." reaches it via the footnote
    assert _citations(by_label["PP1"].citations) == [("A/CONF.157/24", 1)]
    # PP3: two direct citations, then footnotes 2 and 3
    assert _citations(by_label["PP3"].citations) == [
        ("A/RES/70/153", None),
        ("A/HRC/RES/32/6", None),
        ("A/RES/55/2", 2),
        ("A/71/53", 3),
    ]
    # PP12: the Subcommission resolution, then the joint symbol of footnote 5
    assert _citations(by_label["PP12"].citations) == [
        ("E/CN.4/Sub.2/RES/2000/22", None),
        ("E/CN.4/2001/2", 5),
        ("E/CN.4/Sub.2/2000/46", 5),
    ]
    notes = {f.number: f for f in res.footnotes}
    assert [c.target for c in notes[5].citations] == ["E/CN.4/2001/2", "E/CN.4/Sub.2/2000/46"]
    assert all(c.location == "footnote 5" for c in notes[5].citations)
    assert [(c.target, c.location) for c in res.header_citations] == [
        ("A/71/484/Add.2", HEADER_REPORT)
    ]
    # the instrument link of PP1 is there, of its own kind
    assert [c.target for c in by_label["PP1"].citations if c.kind is CitationKind.INSTRUMENT] == [
        "A/CONF.157/24"
    ]


def test_offsets_point_into_their_unit(project_corpus: Path, nlp: Language) -> None:
    res = tag_citations(_parse(project_corpus / "A_RES_69_179.ods.txt"), nlp)
    notes = {f.number: f.text for f in res.footnotes}
    seen = 0
    for paragraph in res.paragraphs:
        for cite in paragraph.citations:
            text = paragraph.text if cite.via_footnote is None else notes[cite.via_footnote]
            assert text[cite.start : cite.end] == cite.surface
            assert cite.location == paragraph.label
            seen += 1
    assert res.meta.report is not None
    for cite in res.header_citations:
        assert res.meta.report.text[cite.start : cite.end] == cite.surface
    assert [c.target for c in res.header_citations] == [
        "A/69/488/Add.2",
        "A/69/488/Add.2/Corr.1",
    ]
    assert seen > 10


def test_pure_and_batch_equal(project_corpus: Path, nlp: Language) -> None:
    docs = [_parse(project_corpus / n) for n in ("A_RES_71_194.md", "A_RES_69_179.ods.txt")]
    one_by_one = [tag_citations(d, nlp) for d in docs]
    assert list(tag_many(docs, nlp, batch_size=1)) == one_by_one
    assert list(tag_many(docs, nlp)) == one_by_one
    assert all(not p.citations for p in docs[0].paragraphs)  # input left untouched
    assert tag_citations(docs[0], nlp) == one_by_one[0]  # same result twice


def test_own_symbol_is_not_cited(project_corpus: Path, nlp: Language) -> None:
    res = tag_citations(_parse(project_corpus / "A_RES_69_179.ods.txt"), nlp)
    assert all(c.target != "A/RES/69/179" for c in res.citations())


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        ("see A/CONF.157/24 (Part I)", ["see", "A/CONF.157/24", "(", "Part", "I", ")"]),
        ("E/CN.4/Sub.2/2000/46.", ["E/CN.4/Sub.2/2000/46", "."]),
        ("(A/69/488/Add.2 and Corr.1)", ["(", "A/69/488/Add.2", "and", "Corr.1", ")"]),
        ("resolution ES-10/19,", ["resolution", "ES-10/19", ","]),
        ("E/CN.4/2001/2-E/CN.4/Sub.2/2000/46", ["E/CN.4/2001/2-E/CN.4/Sub.2/2000/46"]),
        ("resolution 1803 (S-IV)", ["resolution", "1803", "(", "S-IV", ")"]),
    ],
)
def test_tokenizer_keeps_symbols_whole(text: str, tokens: list[str], nlp: Language) -> None:
    assert [t.text for t in nlp.make_doc(text)] == tokens


def test_ruler_anchors(nlp: Language) -> None:
    doc = nlp("Recalling its resolution 70/1 and A/71/53, and resolution 1514 (XV)")
    labels = [(a.label, doc.text[a.start : a.end]) for a in anchors(doc)]
    assert ("CITE_REFERENCE", "resolution 70/1") in labels
    assert ("CITE_SYMBOL", "A/71/53") in labels
    assert ("CITE_REFERENCE", "resolution 1514 (") in labels


def test_shared_corpus_offsets(shared_corpus: Path, nlp: Language) -> None:
    """Every citation of a few real documents of each format points at its surface."""
    paths = [
        shared_corpus / "ga-text" / "A_RES_79_166.txt",
        shared_corpus / "ga-pdf" / "A_RES_80_204.pdf",
        shared_corpus / "ga-md" / "A_RES_80_14.md",
        shared_corpus / "sc-text" / "S_RES_0687_1991_EN_GOLD.txt",
        shared_corpus / "ga-drafts" / "A_C.4_80_L.17.txt",
    ]
    for res in tag_many((_parse(p) for p in paths), nlp):
        notes = {f.number: f.text for f in res.footnotes}
        for note in res.footnotes:
            for cite in note.citations:
                assert note.text[cite.start : cite.end] == cite.surface
        for paragraph in res.paragraphs:
            for cite in paragraph.citations:
                text = paragraph.text if cite.via_footnote is None else notes[cite.via_footnote]
                assert text[cite.start : cite.end] == cite.surface
