"""Resolutions written BY HAND from real text, for the search layer's tests, and the index
documents they turn into.

Paragraphs, footnotes and citations below were typed from reading corpus/A_RES_71_194.md,
corpus/A_RES_69_179.ods.txt, ../shared/corpus/sc-text/S_RES_0338_1973_EN_GOLD.txt and
../shared/corpus/ga-text/A_RES_78_116.txt (one paragraph), not produced by the parser.
Only what follows from what is typed is computed (``tests/builders.py``): citation offsets
(``text.index(surface)``), a paragraph's kind and number from its label, a record's number,
session and year from its symbol, and the citations a paragraph carries through its footnotes.
"""

from __future__ import annotations

import datetime as dt

import pytest
from builders import ga_meta, note, para, resolution, sc_meta

from resdex.indexer.models import Footnote, Metadata, Report, Resolution
from resdex.search.documents import index_documents, verb_keys

# --- A/RES/71/194 and A/RES/69/179, the same item two sessions apart --------------------------
# Both carry the same title, agenda item 68 (b), Third Committee report, OP4 and footnotes 1,
# 2, 4 and 5 word for word (read in both documents); footnote 3 names each session's report
# of the Human Rights Council.

ENHANCEMENT = "Enhancement of international cooperation in the field of human rights"
URGES_ALL_ACTORS = (
    "Urges all actors on the international scene to build an international order "
    "based on inclusion, justice, equality and equity, human dignity, mutual "
    "understanding and promotion of and respect for cultural diversity and universal "
    "human rights and to reject all doctrines of exclusion based on racism, racial "
    "discrimination, xenophobia and related intolerance;"
)


def _enhancement_notes(session: str, hrc_report: str, chapter: str) -> tuple[Footnote, ...]:
    """Footnotes 1 to 5 of either resolution; footnote 3 names the session's report of the
    Human Rights Council."""
    supplement = (
        f"See Official Records of the General Assembly, {session} Session, Supplement No. 53 "
        f"({hrc_report}), chap. {chapter}, sect. A."
    )
    return (
        note(1, "A/CONF.157/24 (Part I), chap. III.", ("A/CONF.157/24", "A/CONF.157/24")),
        note(2, "Resolution 55/2.", ("Resolution 55/2", "A/RES/55/2")),
        note(3, supplement, (hrc_report, hrc_report)),
        note(4, "Resolution 66/3.", ("Resolution 66/3", "A/RES/66/3")),
        note(
            5,
            "See E/CN.4/2001/2-E/CN.4/Sub.2/2000/46, chap. II, sect. A.",
            ("E/CN.4/2001/2", "E/CN.4/2001/2"),
            ("E/CN.4/Sub.2/2000/46", "E/CN.4/Sub.2/2000/46"),
        ),
    )


def _enhancement_meta(symbol: str, meeting: str, dates: tuple[str, str], report: str) -> Metadata:
    """The record of either resolution: adopted and distributed on ``dates``, at the
    ``meeting``th plenary meeting, on the Third Committee's report as its header line names
    it (``report``: "A/69/488/Add.2 and Corr.1", the symbol first)."""
    return ga_meta(
        symbol,
        dt.date.fromisoformat(dates[0]),
        distributed=dt.date.fromisoformat(dates[1]),
        title=ENHANCEMENT,
        agenda_items=("68 (b)",),
        report=Report(
            "Third Committee", report.split()[0], f"on the report of the Third Committee ({report})"
        ),
        meeting=f"{meeting} plenary meeting",
        distribution="General",
    )


# --- A/RES/71/194 (corpus/A_RES_71_194.md) --------------------------------------------------

FN_71 = _enhancement_notes("Seventy-first", "A/71/53", "V")
META_71 = _enhancement_meta("A/RES/71/194", "65th", ("2016-12-19", "2017-01-20"), "A/71/484/Add.2")
RES_71_194 = resolution(
    meta=META_71,
    paragraphs=(
        para(
            "PP1",
            "Reaffirming its commitment to promoting international cooperation, as set forth "
            "in the Charter of the United Nations, in particular Article 1, paragraph 3, as well "
            "as relevant provisions of the Vienna Declaration and Programme of Action, adopted "
            "by the World Conference on Human Rights on 25 June 1993, for enhancing genuine "
            "cooperation among Member States in the field of human rights,",
            "Reaffirming",
            footnotes=(1,),
        ),
        para(
            "PP2",
            "Recalling its resolution 70/1 of 25 September 2015, entitled “Transforming our "
            "world: the 2030 Agenda for Sustainable Development”, in which the General "
            "Assembly adopted a comprehensive, far-reaching and people-centred set of "
            "universal and transformative Sustainable Development Goals,",
            "Recalling",
            citations=(("its resolution 70/1", "A/RES/70/1"),),
        ),
        para(
            "PP3",
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
        ),
        para(
            "PP12",
            "Recalling the adoption of resolution 2000/22 of 18 August 2000, on the promotion "
            "of dialogue on human rights issues, by the Subcommission on the Promotion and "
            "Protection of Human Rights at its fifty-second session,",
            "Recalling",
            footnotes=(5,),
            citations=(("resolution 2000/22", "E/CN.4/Sub.2/RES/2000/22"),),
        ),
        para("OP4", URGES_ALL_ACTORS, "Urges"),
        para(
            "OP8",
            "Emphasizes the importance of the universal periodic review as a mechanism based "
            "on cooperation and constructive dialogue with the objective of, inter alia, "
            "improving the situation of human rights on the ground and promoting the "
            "fulfilment of the human rights obligations and commitments undertaken by States;",
            "Emphasizes",
        ),
        para(
            "OP9",
            "Also emphasizes the need for a cooperative approach on the part of all "
            "stakeholders to resolving human rights issues in international forums;",
            "Emphasizes",
            modifier="also",
            opening="Also emphasizes",
        ),
        para(
            "OP11",
            "Calls upon Member States, the specialized agencies and intergovernmental "
            "organizations to continue to carry out a constructive dialogue and consultations "
            "for the enhancement of understanding and the promotion and protection of all "
            "human rights and fundamental freedoms, and encourages non-governmental "
            "organizations to contribute actively to this endeavour;",
            "Calls upon",
        ),
        para(
            "OP15",
            "Decides to continue its consideration of the question at its seventy-second session.",
            "Decides",
        ),
    ),
    footnotes=FN_71,
)

# --- A/RES/69/179 (corpus/A_RES_69_179.ods.txt) ---------------------------------------------

FN_69 = _enhancement_notes("Sixty-ninth", "A/69/53", "IV")
META_69 = _enhancement_meta(
    "A/RES/69/179", "73rd", ("2014-12-18", "2015-01-28"), "A/69/488/Add.2 and Corr.1"
)
RES_69_179 = resolution(
    meta=META_69,
    paragraphs=(
        para(
            "PP1",
            "Reaffirming its commitment to promoting international cooperation, as set forth "
            "in the Charter of the United Nations, in particular Article 1, paragraph 3, as well "
            "as relevant provisions of the Vienna Declaration and Programme of Action adopted by "
            "the World Conference on Human Rights on 25 June 1993 for enhancing genuine "
            "cooperation among Member States in the field of human rights,",
            "Reaffirming",
            footnotes=(1,),
        ),
        para(
            "PP2",
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
        ),
        para("OP4", URGES_ALL_ACTORS, "Urges"),
        para(
            "OP8",
            "Emphasizes the need for a cooperative approach on the part of all stakeholders to "
            "resolving human rights issues in international forums;",
            "Emphasizes",
        ),
        para(
            "OP11",
            "Urges States to take measures necessary to enhance bilateral, regional and "
            "international cooperation aimed at addressing the adverse impact of consecutive "
            "and compounded global crises, such as financial and economic crises, food crises, "
            "climate change and natural disasters, on the full enjoyment of human rights;",
            "Urges",
        ),
        para(
            "OP13",
            "Recalls the seminar on the enhancement of international cooperation in the field "
            "of human rights held in 2013, with the participation of States, relevant United "
            "Nations agencies, funds and programmes and other stakeholders, including academic "
            "experts and civil society;",
            "Recalls",
        ),
    ),
    footnotes=FN_69,
)

# --- S/RES/338 (1973) (sc-text/S_RES_0338_1973_EN_GOLD.txt) ---------------------------------

RES_338 = resolution(
    meta=sc_meta("S/RES/338(1973)", dt.date(1973, 10, 22), meeting="1747th meeting"),
    paragraphs=(
        para(
            "OP1",
            "Calls upon all parties to the present fighting to cease all firing and terminate "
            "all military activity immediately, no later than 12 hours after the moment of the "
            "adoption of this decision, in the positions they now occupy;",
            "Calls upon",
        ),
        para(
            "OP2",
            "Calls upon the parties concerned to start immediately after the cease-fire the "
            "implementation of Security Council resolution 242 (1967) in all of its parts;",
            "Calls upon",
            citations=(("Security Council resolution 242 (1967)", "S/RES/242(1967)"),),
        ),
        para(
            "OP3",
            "Decides that, immediately and concurrently with the cease-fire, negotiations "
            "shall start between the parties concerned under appropriate auspices aimed at "
            "establishing a just and durable peace in the Middle East.",
            "Decides",
        ),
    ),
)

# --- A/RES/78/116, one paragraph (ga-text/A_RES_78_116.txt, OP6, abridged at "; ") ---------

RES_78_116 = resolution(
    meta=ga_meta(
        "A/RES/78/116",
        dt.date(2023, 12, 7),
        title="Report of the Committee on Relations with the Host Country",
    ),
    paragraphs=(
        para(
            "OP6",
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
    ("res", "label", "direct", "via_notes"),
    [
        # PP1 reaches the Vienna Declaration only through footnote 1
        (RES_71_194, "PP1", "", "a/conf.157/24"),
        # PP3 names two resolutions and carries footnotes 2 and 3
        (RES_71_194, "PP3", "a/res/70/153 a/hrc/res/32/6", "a/res/55/2 a/71/53"),
        (RES_71_194, "OP8", "", ""),
        # the footnote's own citation is direct in the footnote
        (RES_71_194, "fn1", "a/conf.157/24", ""),
        # the report line, on the record
        (RES_71_194, "doc", "a/71/484/add.2", ""),
        (RES_338, "OP2", "s/res/242(1967)", ""),
    ],
)
def test_cited_targets_direct_and_via_footnote(
    res: Resolution, label: str, direct: str, via_notes: str
) -> None:
    doc = _docs(res)[f"{res.meta.symbol}#{label}"]
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
