"""Resolutions written BY HAND from real text, for the search layer's tests, and the index
documents they turn into.

Paragraphs, footnotes and citations below were typed from reading corpus/A_RES_71_194.md,
corpus/A_RES_69_179.ods.txt, ../shared/corpus/sc-text/S_RES_0338_1973_EN_GOLD.txt and
../shared/corpus/ga-text/A_RES_78_116.txt (one paragraph), not produced by the parser.
Only citation offsets are computed (``text.index(surface)``).
"""

from __future__ import annotations

import datetime as dt

import pytest

from resdex.indexer.models import (
    Body,
    Citation,
    Footnote,
    Metadata,
    Paragraph,
    ParagraphKind,
    Report,
    Resolution,
)
from resdex.search.documents import index_documents, verb_keys

PP = ParagraphKind.PREAMBULAR
OP = ParagraphKind.OPERATIVE


def cite(
    text: str,
    surface: str,
    target: str,
    *,
    via: int | None = None,
    location: str = "",
    part: str | None = None,
    pinpoint: str | None = None,
) -> Citation:
    start = text.index(surface)
    return Citation(
        surface=surface,
        target=target,
        start=start,
        end=start + len(surface),
        via_footnote=via,
        location=location,
        part=part,
        pinpoint=pinpoint,
    )


def para(
    label: str,
    kind: ParagraphKind,
    number: int,
    text: str,
    verb: str,
    *,
    modifier: str | None = None,
    opening: str | None = None,
    footnotes: tuple[int, ...] = (),
    citations: tuple[tuple[str, str], ...] = (),
    via: tuple[tuple[int, Citation], ...] = (),
) -> Paragraph:
    direct = tuple(cite(text, s, t, location=label) for s, t in citations)
    through = tuple(
        Citation(c.surface, c.target, c.start, c.end, via_footnote=n, location=label, part=c.part)
        for n, c in via
    )
    return Paragraph(
        label=label,
        kind=kind,
        number=number,
        text=text,
        verb=verb,
        modifier=modifier,
        opening=opening or verb,
        footnotes=footnotes,
        citations=direct + through,
    )


def note(number: int, text: str, *cites: tuple[str, str]) -> Footnote:
    return Footnote(
        number, text, tuple(cite(text, s, t, location=f"footnote {number}") for s, t in cites)
    )


# --- A/RES/71/194 (corpus/A_RES_71_194.md) --------------------------------------------------

FN_71 = (
    note(1, "A/CONF.157/24 (Part I), chap. III.", ("A/CONF.157/24", "A/CONF.157/24")),
    note(2, "Resolution 55/2.", ("Resolution 55/2", "A/RES/55/2")),
    note(
        3,
        "See Official Records of the General Assembly, Seventy-first Session, Supplement "
        "No. 53 (A/71/53), chap. V, sect. A.",
        ("A/71/53", "A/71/53"),
    ),
    note(4, "Resolution 66/3.", ("Resolution 66/3", "A/RES/66/3")),
    note(
        5,
        "See E/CN.4/2001/2-E/CN.4/Sub.2/2000/46, chap. II, sect. A.",
        ("E/CN.4/2001/2", "E/CN.4/2001/2"),
        ("E/CN.4/Sub.2/2000/46", "E/CN.4/Sub.2/2000/46"),
    ),
)


def _fn(notes: tuple[Footnote, ...], n: int) -> tuple[tuple[int, Citation], ...]:
    return tuple((n, c) for c in notes[n - 1].citations)


RES_71_194 = Resolution(
    meta=Metadata(
        symbol="A/RES/71/194",
        body=Body.GA,
        number="71/194",
        title="Enhancement of international cooperation in the field of human rights",
        session=71,
        year=2016,
        adopted=dt.date(2016, 12, 19),
        distributed=dt.date(2017, 1, 20),
        agenda_items=("68 (b)",),
        report=Report(
            "Third Committee",
            "A/71/484/Add.2",
            "on the report of the Third Committee (A/71/484/Add.2)",
        ),
        meeting="65th plenary meeting",
        distribution="General",
    ),
    paragraphs=(
        para(
            "PP1",
            PP,
            1,
            "Reaffirming its commitment to promoting international cooperation, as set forth "
            "in the Charter of the United Nations, in particular Article 1, paragraph 3, as well "
            "as relevant provisions of the Vienna Declaration and Programme of Action, adopted "
            "by the World Conference on Human Rights on 25 June 1993, for enhancing genuine "
            "cooperation among Member States in the field of human rights,",
            "Reaffirming",
            footnotes=(1,),
            via=_fn(FN_71, 1),
        ),
        para(
            "PP2",
            PP,
            2,
            "Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming our "
            "world: the 2030 Agenda for Sustainable Development”, in which the General "
            "Assembly adopted a comprehensive, far-reaching and people-centred set of "
            "universal and transformative Sustainable Development Goals,",
            "Recalling",
            citations=(("its resolution 70/1", "A/RES/70/1"),),
        ),
        para(
            "PP3",
            PP,
            3,
            "Recalling also its adoption of the United Nations Millennium Declaration on "
            "8 September 2000, its resolution 70/153 of 17 December 2015, Human Rights Council "
            "resolution 32/6 of 30 June 2016 and the resolutions of the Commission on Human "
            "Rights on the enhancement of international cooperation in the field of human "
            "rights,",
            "Recalling",
            modifier="also",
            opening="Recalling also",
            footnotes=(2, 3),
            citations=(
                ("its resolution 70/153", "A/RES/70/153"),
                ("Human Rights Council resolution 32/6", "A/HRC/RES/32/6"),
            ),
            via=_fn(FN_71, 2) + _fn(FN_71, 3),
        ),
        para(
            "PP12",
            PP,
            12,
            "Recalling the adoption of resolution 2000/22 of 18 August 2000, on the promotion "
            "of dialogue on human rights issues, by the Subcommission on the Promotion and "
            "Protection of Human Rights at its fifty-second session,",
            "Recalling",
            footnotes=(5,),
            citations=(("resolution 2000/22", "E/CN.4/Sub.2/RES/2000/22"),),
            via=_fn(FN_71, 5),
        ),
        para(
            "OP4",
            OP,
            4,
            "Urges all actors on the international scene to build an international order "
            "based on inclusion, justice, equality and equity, human dignity, mutual "
            "understanding and promotion of and respect for cultural diversity and universal "
            "human rights and to reject all doctrines of exclusion based on racism, racial "
            "discrimination, xenophobia and related intolerance;",
            "Urges",
        ),
        para(
            "OP8",
            OP,
            8,
            "Emphasizes the importance of the universal periodic review as a mechanism based "
            "on cooperation and constructive dialogue with the objective of, inter alia, "
            "improving the situation of human rights on the ground and promoting the "
            "fulfilment of the human rights obligations and commitments undertaken by States;",
            "Emphasizes",
        ),
        para(
            "OP9",
            OP,
            9,
            "Also emphasizes the need for a cooperative approach on the part of all "
            "stakeholders to resolving human rights issues in international forums;",
            "Emphasizes",
            modifier="also",
            opening="Also emphasizes",
        ),
        para(
            "OP11",
            OP,
            11,
            "Calls upon Member States, the specialized agencies and intergovernmental "
            "organizations to continue to carry out a constructive dialogue and consultations "
            "for the enhancement of understanding and the promotion and protection of all "
            "human rights and fundamental freedoms, and encourages non-governmental "
            "organizations to contribute actively to this endeavour;",
            "Calls upon",
        ),
        para(
            "OP15",
            OP,
            15,
            "Decides to continue its consideration of the question at its seventy-second session.",
            "Decides",
        ),
    ),
    footnotes=FN_71,
    header_citations=(
        cite(
            "on the report of the Third Committee (A/71/484/Add.2)",
            "A/71/484/Add.2",
            "A/71/484/Add.2",
            location="header:report",
        ),
    ),
)

# --- A/RES/69/179 (corpus/A_RES_69_179.ods.txt) ---------------------------------------------

FN_69 = (
    note(1, "A/CONF.157/24 (Part I), chap. III.", ("A/CONF.157/24", "A/CONF.157/24")),
    note(2, "Resolution 55/2.", ("Resolution 55/2", "A/RES/55/2")),
    note(
        3,
        "See Official Records of the General Assembly, Sixty-ninth Session, Supplement No. 53 "
        "(A/69/53), chap. IV, sect. A.",
        ("A/69/53", "A/69/53"),
    ),
    note(4, "Resolution 66/3.", ("Resolution 66/3", "A/RES/66/3")),
    note(
        5,
        "See E/CN.4/2001/2-E/CN.4/Sub.2/2000/46, chap. II, sect. A.",
        ("E/CN.4/2001/2", "E/CN.4/2001/2"),
        ("E/CN.4/Sub.2/2000/46", "E/CN.4/Sub.2/2000/46"),
    ),
)

RES_69_179 = Resolution(
    meta=Metadata(
        symbol="A/RES/69/179",
        body=Body.GA,
        number="69/179",
        title="Enhancement of international cooperation in the field of human rights",
        session=69,
        year=2014,
        adopted=dt.date(2014, 12, 18),
        distributed=dt.date(2015, 1, 28),
        agenda_items=("68 (b)",),
        report=Report(
            "Third Committee",
            "A/69/488/Add.2",
            "on the report of the Third Committee (A/69/488/Add.2 and Corr.1)",
        ),
        meeting="73rd plenary meeting",
        distribution="General",
    ),
    paragraphs=(
        para(
            "PP1",
            PP,
            1,
            "Reaffirming its commitment to promoting international cooperation, as set forth "
            "in the Charter of the United Nations, in particular Article 1, paragraph 3, as well "
            "as relevant provisions of the Vienna Declaration and Programme of Action adopted by "
            "the World Conference on Human Rights on 25 June 1993 for enhancing genuine "
            "cooperation among Member States in the field of human rights,",
            "Reaffirming",
            footnotes=(1,),
            via=_fn(FN_69, 1),
        ),
        para(
            "PP2",
            PP,
            2,
            "Recalling its adoption of the United Nations Millennium Declaration on "
            "8 September 2000 and its resolution 68/160 of 18 December 2013, Human Rights "
            "Council resolution 25/3 of 27 March 2014 and the resolutions of the Commission on "
            "Human Rights on the enhancement of international cooperation in the field of "
            "human rights,",
            "Recalling",
            footnotes=(2, 3),
            citations=(
                ("its resolution 68/160", "A/RES/68/160"),
                ("Human Rights Council resolution 25/3", "A/HRC/RES/25/3"),
            ),
            via=_fn(FN_69, 2) + _fn(FN_69, 3),
        ),
        para(
            "OP4",
            OP,
            4,
            "Urges all actors on the international scene to build an international order "
            "based on inclusion, justice, equality and equity, human dignity, mutual "
            "understanding and promotion of and respect for cultural diversity and universal "
            "human rights and to reject all doctrines of exclusion based on racism, racial "
            "discrimination, xenophobia and related intolerance;",
            "Urges",
        ),
        para(
            "OP8",
            OP,
            8,
            "Emphasizes the need for a cooperative approach on the part of all stakeholders to "
            "resolving human rights issues in international forums;",
            "Emphasizes",
        ),
        para(
            "OP11",
            OP,
            11,
            "Urges States to take measures necessary to enhance bilateral, regional and "
            "international cooperation aimed at addressing the adverse impact of consecutive "
            "and compounded global crises, such as financial and economic crises, food crises, "
            "climate change and natural disasters, on the full enjoyment of human rights;",
            "Urges",
        ),
        para(
            "OP13",
            OP,
            13,
            "Recalls the seminar on the enhancement of international cooperation in the field "
            "of human rights held in 2013, with the participation of States, relevant United "
            "Nations agencies, funds and programmes and other stakeholders, including academic "
            "experts and civil society;",
            "Recalls",
        ),
    ),
    footnotes=FN_69,
    header_citations=(
        cite(
            "on the report of the Third Committee (A/69/488/Add.2 and Corr.1)",
            "A/69/488/Add.2",
            "A/69/488/Add.2",
            location="header:report",
        ),
    ),
)

# --- S/RES/338 (1973) (sc-text/S_RES_0338_1973_EN_GOLD.txt) ---------------------------------

RES_338 = Resolution(
    meta=Metadata(
        symbol="S/RES/338(1973)",
        body=Body.SC,
        number="338 (1973)",
        year=1973,
        adopted=dt.date(1973, 10, 22),
        meeting="1747th meeting",
    ),
    paragraphs=(
        para(
            "OP1",
            OP,
            1,
            "Calls upon all parties to the present fighting to cease all firing and terminate "
            "all military activity immediately, no later than 12 hours after the moment of the "
            "adoption of this decision, in the positions they now occupy;",
            "Calls upon",
        ),
        para(
            "OP2",
            OP,
            2,
            "Calls upon the parties concerned to start immediately after the cease-fire the "
            "implementation of Security Council resolution 242 (1967) in all of its parts;",
            "Calls upon",
            citations=(("Security Council resolution 242 (1967)", "S/RES/242(1967)"),),
        ),
        para(
            "OP3",
            OP,
            3,
            "Decides that, immediately and concurrently with the cease-fire, negotiations "
            "shall start between the parties concerned under appropriate auspices aimed at "
            "establishing a just and durable peace in the Middle East.",
            "Decides",
        ),
    ),
)

# --- A/RES/78/116, one paragraph (ga-text/A_RES_78_116.txt, OP6, abridged at "; ") ---------

RES_78_116 = Resolution(
    meta=Metadata(
        symbol="A/RES/78/116",
        body=Body.GA,
        number="78/116",
        title="Report of the Committee on Relations with the Host Country",
        session=78,
        year=2023,
        adopted=dt.date(2023, 12, 7),
    ),
    paragraphs=(
        para(
            "OP6",
            OP,
            6,
            "Strongly urges the host country to remove all travel restrictions imposed by it "
            "on staff of certain missions and staff members of the Secretariat of certain "
            "nationalities, and notes the positions of affected States, as set out in document "
            "A/AC.154/415;",
            "Urges",
            modifier="strongly",
            opening="Strongly urges",
            citations=(("A/AC.154/415", "A/AC.154/415"),),
        ),
    ),
)

ALL = (RES_71_194, RES_69_179, RES_338, RES_78_116)


# --- the index documents of these resolutions ----------------------------------------------


def _docs(res: Resolution) -> dict[str, dict[str, object]]:
    return {str(d["id"]): d for d in index_documents(res, "sha-" + res.meta.number, "/x")}


def test_one_document_per_paragraph_and_footnote_and_a_record() -> None:
    docs = _docs(RES_71_194)
    assert len(docs) == len(RES_71_194.paragraphs) + len(RES_71_194.footnotes) + 1
    assert {d["unit"] for d in docs.values()} == {"paragraph", "footnote", "document"}
    assert docs["A/RES/71/194#OP8"]["kind"] == "operative"
    assert docs["A/RES/71/194#fn1"]["label"] == "footnote 1"
    assert docs["A/RES/71/194#doc"]["label"] == "header"


@pytest.mark.parametrize(
    ("doc_id", "direct", "via_notes"),
    [
        # PP1 reaches the Vienna Declaration only through footnote 1
        ("A/RES/71/194#PP1", "", "a/conf.157/24"),
        # PP3 names two resolutions and carries footnotes 2 and 3
        ("A/RES/71/194#PP3", "a/res/70/153 a/hrc/res/32/6", "a/res/55/2 a/71/53"),
        ("A/RES/71/194#OP8", "", ""),
        # the footnote's own citation is direct in the footnote
        ("A/RES/71/194#fn1", "a/conf.157/24", ""),
        # the report line, on the record
        ("A/RES/71/194#doc", "a/71/484/add.2", ""),
        ("S/RES/338(1973)#OP2", "s/res/242(1967)", ""),
    ],
)
def test_cited_targets_direct_and_via_footnote(doc_id: str, direct: str, via_notes: str) -> None:
    by_id = _docs(RES_71_194) | _docs(RES_338)
    doc = by_id[doc_id]
    assert doc.get("cites_direct", "") == direct
    assert doc.get("cites_footnote", "") == via_notes
    assert set(str(doc.get("cites", "")).split()) == set((direct + " " + via_notes).split())


@pytest.mark.parametrize(
    ("res", "label", "keys"),
    [
        (RES_71_194, "OP4", "urges"),
        (RES_71_194, "OP9", "emphasizes,also emphasizes"),
        (RES_71_194, "OP11", "calls upon"),
        (RES_78_116, "OP6", "urges,strongly urges"),
        (RES_71_194, "PP3", "recalling,also recalling,recalling also"),
    ],
)
def test_verb_keys(res: Resolution, label: str, keys: str) -> None:
    (p,) = [p for p in res.paragraphs if p.label == label]
    assert verb_keys(p) == keys


def test_empty_fields_are_left_out() -> None:
    docs = _docs(RES_338)
    record = docs["S/RES/338(1973)#doc"]
    assert "session" not in record and "title" not in record and "adopted" in record
    assert all(v not in (None, "", []) for d in docs.values() for v in d.values())
