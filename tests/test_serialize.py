"""Resolution <-> interface JSON: the keys interface.md names, and a lossless round trip."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from test_search_handbuilt import RES_71_194

from resdex.indexer.models import (
    Body,
    Citation,
    CitationKind,
    Footnote,
    Metadata,
    Paragraph,
    ParagraphKind,
    Resolution,
)
from resdex.indexer.pipeline import parse_path
from resdex.indexer.serialize import resolution_from_dict, resolution_to_dict

# A/RES/71/194 (corpus/A_RES_71_194.md), PP1 and OP8 with footnote 1, written by hand.
PP1 = (
    "Reaffirming its commitment to promoting international cooperation, as set forth in the "
    "Charter of the United Nations, in particular Article 1, paragraph 3, as well as relevant "
    "provisions of the Vienna Declaration and Programme of Action, adopted by the World "
    "Conference on Human Rights on 25 June 1993, for enhancing genuine cooperation among "
    "Member States in the field of human rights,"
)
NOTE1 = "A/CONF.157/24 (Part I), chap. III."
VIA = Citation(
    surface="A/CONF.157/24",
    target="A/CONF.157/24",
    start=0,
    end=13,
    part="(Part I)",
    pinpoint="chap. III",
    via_footnote=1,
    location="footnote 1",
)
# "Vienna Declaration and Programme of Action" in PP1: an instrument link, not a citation.
LINK = Citation(
    surface="Vienna Declaration and Programme of Action",
    target="A/CONF.157/24",
    start=PP1.index("Vienna"),
    end=PP1.index("Vienna") + 42,
    kind=CitationKind.INSTRUMENT,
    location="PP1",
)
# the header of A/RES/71/194 as the hand-built index of test_search_handbuilt writes it
META = RES_71_194.meta
REPORT = RES_71_194.meta.report
RES = Resolution(
    meta=META,
    paragraphs=(
        Paragraph(
            "PP1",
            ParagraphKind.PREAMBULAR,
            1,
            PP1,
            "Reaffirming",
            None,
            "Reaffirming",
            footnotes=(1,),
            citations=(LINK, VIA),
        ),
        Paragraph(
            "OP9",
            ParagraphKind.OPERATIVE,
            9,
            "Also emphasizes the need for a cooperative approach on the part of all "
            "stakeholders to resolving human rights issues in international forums;",
            "Emphasizes",
            "also",
            "Also emphasizes",
        ),
    ),
    footnotes=(Footnote(1, NOTE1, (replace(VIA, via_footnote=None),)),),
    header_citations=(
        Citation("A/71/484/Add.2", "A/71/484/Add.2", 38, 52, location="header:report"),
    ),
)


def test_interface_keys() -> None:
    d = resolution_to_dict(RES)
    assert {
        "symbol",
        "body",
        "session",
        "adopted",
        "title",
        "paragraphs",
        "footnotes",
        "citations",
    } <= d.keys()
    assert (d["symbol"], d["body"], d["session"], d["adopted"]) == (
        "A/RES/71/194",
        "GA",
        71,
        "2016-12-19",
    )
    pp1 = d["paragraphs"][0]
    assert {k: pp1[k] for k in ("label", "kind", "verb", "footnotes")} == {
        "label": "PP1",
        "kind": "preambular",
        "verb": "Reaffirming",
        "footnotes": [1],
    }
    cite = pp1["citations"][0]
    assert {k: cite[k] for k in ("text", "target", "start", "end", "via_footnote")} == {
        "text": "A/CONF.157/24",
        "target": "A/CONF.157/24",
        "start": 0,
        "end": 13,
        "via_footnote": 1,
    }
    assert NOTE1[cite["start"] : cite["end"]] == cite["text"]
    assert d["footnotes"][0]["number"] == 1
    # the whole list: the header's citation, then the footnote's, once each
    assert [c["target"] for c in d["citations"]] == ["A/71/484/Add.2", "A/CONF.157/24"]
    assert REPORT is not None and REPORT.text[38:52] == "A/71/484/Add.2"


def test_instrument_links_are_not_citations() -> None:
    d = resolution_to_dict(RES)
    pp1 = d["paragraphs"][0]
    assert [c["target"] for c in pp1["citations"]] == ["A/CONF.157/24"]
    assert pp1["citations"][0]["via_footnote"] == 1
    assert [c["text"] for c in pp1["links"]] == ["Vienna Declaration and Programme of Action"]
    assert PP1[LINK.start : LINK.end] == LINK.surface
    assert [c["kind"] for c in d["citations"]] == ["citation", "citation"]
    assert [c["target"] for c in d["links"]] == ["A/CONF.157/24"]


@pytest.mark.parametrize("name", ["A_RES_69_179.ods.txt", "A_RES_71_194.md"])
def test_round_trip_of_parsed_seeds(project_corpus: Path, name: str) -> None:
    res = parse_path(project_corpus / name)
    text = json.dumps(resolution_to_dict(res), ensure_ascii=False)
    assert resolution_from_dict(json.loads(text)) == res


def test_round_trip_through_json() -> None:
    text = json.dumps(resolution_to_dict(RES), ensure_ascii=False)
    assert resolution_from_dict(json.loads(text)) == RES


def test_drafts_have_no_adoption_date() -> None:
    # the header of A/C.3/80/L.10 (Peru's draft): no adoption date
    meta = Metadata("A/C.3/80/L.10", Body.GA, "L.10", session=80, draft=True, sponsors=("Peru",))
    draft = Resolution(meta=meta, paragraphs=())
    d = resolution_to_dict(draft)
    assert d["adopted"] is None and d["sponsors"] == ["Peru"] and d["draft"] is True
    assert resolution_from_dict(d) == draft
