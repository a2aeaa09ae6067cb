"""Every row of the conventions table of ../shared/citations.md, and every "not a
citation" case, on real passages (the source of each is named beside it). Expected
targets written by hand from the table."""

from __future__ import annotations

import pytest

from resdex.indexer.citations import find_citations
from resdex.indexer.models import Body, CitationKind
from resdex.indexer.resolve import CiteContext

GA = CiteContext(Body.GA, "A/RES/79/166")


def _plain(prefix: str, surfaces: str) -> list[tuple[str, str, str | None, str | None]]:
    """The expected citations of a list without parts or pinpoints, in text order, from
    their surfaces (", " between them): each surface's number after ``prefix``
    ("resolutions 64/256" -> "A/RES/64/256", "686 (1991)" -> "S/RES/686(1991)", "S‑29/1"
    with its non-breaking hyphen -> "…/S-29/1")."""
    out: list[tuple[str, str, str | None, str | None]] = []
    for surface in surfaces.split(", "):
        words = surface.split()
        if words[0].lower().rstrip("s") in ("resolution", "decision"):
            words = words[1:]
        out.append((prefix + "".join(words).replace("\u2011", "-"), surface, None, None))
    return out


# (id, text, context, expected [(target, surface, part, pinpoint)])
ROWS: list[tuple[str, str, CiteContext, list[tuple[str, str, str | None, str | None]]]] = [
    (
        "its resolution in a GA text; HRC named",  # A/RES/71/194 PP3
        "Recalling also its adoption of the United Nations Millennium Declaration on "
        "8 September 2000, its resolution 70/153 of 17 December 2015, Human Rights Council "
        "resolution 32/6 of 30 June 2016 and the resolutions of the Commission on Human Rights",
        CiteContext(Body.GA, "A/RES/71/194"),
        _plain("A/RES/", "resolution 70/153") + _plain("A/HRC/RES/", "resolution 32/6"),
    ),
    (
        "resolution in a footnote",  # A/RES/79/166 footnote 2
        "Resolution 55/2.",
        GA,
        [("A/RES/55/2", "Resolution 55/2", None, None)],
    ),
    (
        "General Assembly named",  # A/RES/78/16 PP21
        "the report of the Secretary-General submitted pursuant to General Assembly "
        "resolution 77/37, including on the normative framework",
        CiteContext(Body.GA, "A/RES/78/16"),
        [("A/RES/77/37", "resolution 77/37", None, None)],
    ),
    (
        "a list: every member",  # A/RES/79/10 PP4 (with its missing space "2019,75/276")
        "Referring further to its resolutions 64/256 of 2 March 2010, 65/122 of 13 December "
        "2010, 67/6 of 19 November 2012, 69/12 of 11 November 2014, 71/12 of 21 November "
        "2016, 73/331 of 25 July 2019,75/276 of 28 April 2021 and 77/13 of 21 November 2022 "
        "on cooperation",
        CiteContext(Body.GA, "A/RES/79/10"),
        _plain("A/RES/", "resolutions 64/256, 65/122, 67/6, 69/12, 71/12, 73/331, 75/276, 77/13"),
    ),
    (
        "a list with topics between members",  # A/RES/79/158 PP2
        "Recalling its resolutions 78/188 of 19 December 2023 on the girl child and 78/187 "
        "of 19 December 2023 on the rights of the child, and 77/193 of 15 December 2022 on "
        "the intensification of efforts",
        CiteContext(Body.GA, "A/RES/79/158"),
        _plain("A/RES/", "resolutions 78/188, 78/187, 77/193"),
    ),
    (
        "a malformed date does not end the list",  # A/RES/79/159 PP2
        "reaffirming its resolutions 75/168 of 16 December 2020, 76/148 of 16 December "
        "2021, 77/203 of 15 of December of 2022 and 78/189 of 19 December 2023, and "
        "recalling Human Rights Council resolutions 27/13 of 25 September 2014,",
        CiteContext(Body.GA, "A/RES/79/159"),
        _plain("A/RES/", "resolutions 75/168, 76/148, 77/203, 78/189")
        + _plain("A/HRC/RES/", "resolutions 27/13"),
    ),
    (
        "lettered part",  # A/C.5/80/L.14 PP1-PP2
        "Recalling its resolution 52/212 B of 31 March 1998 and its decision 57/573 of "
        "20 December 2002, Recalling also its resolutions 79/245 A of 24 December 2024 and "
        "79/245 B of 30 June 2025,",
        CiteContext(Body.GA, "A/C.5/80/L.14"),
        [
            ("A/RES/52/212", "resolution 52/212 B", "B", None),
            ("A/DEC/57/573", "decision 57/573", None, None),
            ("A/RES/79/245", "resolutions 79/245 A", "A", None),
            ("A/RES/79/245", "79/245 B", "B", None),
        ],
    ),
    (
        "sessions 1-30 with a letter",  # A/RES/79/115 footnotes 2 and 5
        "Resolution 1514 (XV). Resolution 217 A (III).",
        CiteContext(Body.GA, "A/RES/79/115"),
        [
            ("A/RES/1514(XV)", "Resolution 1514 (XV)", None, None),
            ("A/RES/217(III)", "Resolution 217 A (III)", "A", None),
        ],
    ),
    (
        "special session in brackets",  # A/RES/79/115 footnote 4
        "Resolution 3201 (S-VI).",
        CiteContext(Body.GA, "A/RES/79/115"),
        [("A/RES/3201(S-VI)", "Resolution 3201 (S-VI)", None, None)],
    ),
    (
        "emergency special session, non-breaking hyphen",  # A/RES/80/80 PP5
        "and recalling in this regard its resolution ES‑10/15 of 20 July 2004,",
        CiteContext(Body.GA, "A/RES/80/80"),
        [("A/RES/ES-10/15", "resolution ES‑10/15", None, None)],
    ),
    (
        "special session",  # A/RES/79/10 footnote 7
        "Resolution S-30/1, annex.",
        CiteContext(Body.GA, "A/RES/79/10"),
        [("A/RES/S-30/1", "Resolution S-30/1", None, "annex")],
    ),
    (
        "decision of the General Assembly",  # A/RES/78/253
        "Recalling its resolution 76/245, and its decision 77/548 B of 18 April 2023,",
        CiteContext(Body.GA, "A/RES/78/253"),
        [
            ("A/RES/76/245", "resolution 76/245", None, None),
            ("A/DEC/77/548", "decision 77/548 B", "B", None),
        ],
    ),
    (
        "Security Council named in a GA text",  # A/RES/79/10 PP5
        "Referring to all previous relevant resolutions of the Security Council, including "
        "resolution 1631 (2005) of 17 October 2005,",
        CiteContext(Body.GA, "A/RES/79/10"),
        [("S/RES/1631(2005)", "resolution 1631 (2005)", None, None)],
    ),
    (
        "its resolutions in a Security Council text",  # S/RES/687 (1991) PP1
        "Recalling its resolutions 660 (1990) of 2 August 1990, 661 (1990) of 6 August 1990, "
        "662 (1990) of 9 August 1990 and 686 (1991) of 2 March 1991,",
        CiteContext(Body.SC, "S/RES/687(1991)"),
        _plain("S/RES/", "resolutions 660 (1990), 661 (1990), 662 (1990), 686 (1991)"),
    ),
    (
        "Security Council list with dates lacking years",  # S/RES/305 (1971) OP1
        "resolutions 186 (1964) of 4 March, 187 (1964) of 13 March, 192 (1964) of 20 June",
        CiteContext(Body.SC, "S/RES/305(1971)"),
        _plain("S/RES/", "resolutions 186 (1964), 187 (1964), 192 (1964)"),
    ),
    (
        "GA (XV) against SC (2004)",  # table row, wording of A/RES/79/115 OP7
        "in accordance with General Assembly resolution 1514 (XV) and Security Council "
        "resolution 1541 (2004)",
        GA,
        _plain("A/RES/", "resolution 1514 (XV)") + _plain("S/RES/", "resolution 1541 (2004)"),
    ),
    (
        "its resolution in a Human Rights Council text",  # table row
        "Recalling its resolution 32/6 of 30 June 2016,",
        CiteContext(Body.HRC, "A/HRC/RES/35/1"),
        [("A/HRC/RES/32/6", "resolution 32/6", None, None)],
    ),
    (
        "Human Rights Council decision",  # table row
        "Human Rights Council decision 2/102 of 6 October 2006",
        GA,
        [("A/HRC/DEC/2/102", "decision 2/102", None, None)],
    ),
    (
        "HRC named before a list",  # A/RES/80/221 PP3
        "recalling the resolutions and decisions of the Human Rights Council, the most recent "
        "of which being resolutions 59/2 of 4 July 2025, 58/20 of 3 April 2025, S‑29/1 of "
        "12 February 2021",
        CiteContext(Body.GA, "A/RES/80/221"),
        _plain("A/HRC/RES/", "resolutions 59/2, 58/20, S‑29/1"),
    ),
    (
        "Commission on Human Rights",  # table row
        "Commission on Human Rights resolution 2005/69 of 20 April 2005",
        GA,
        [("E/CN.4/RES/2005/69", "resolution 2005/69", None, None)],
    ),
    (
        "the Subcommission named later in the sentence",  # A/RES/71/194 PP12
        "Recalling the adoption of resolution 2000/22 of 18 August 2000, on the promotion of "
        "dialogue on human rights issues, by the Subcommission on the Promotion and "
        "Protection of Human Rights at its fifty-second session,",
        CiteContext(Body.GA, "A/RES/71/194"),
        [("E/CN.4/Sub.2/RES/2000/22", "resolution 2000/22", None, None)],
    ),
    (
        "Economic and Social Council",  # A/RES/80/10 PP5
        "Reaffirming also its resolutions 53/199 of 15 December 1998 and 61/185 of 20 "
        "December 2006 on the proclamation of international years, and Economic and Social "
        "Council resolution 1980/67 of 25 July 1980 on international years",
        CiteContext(Body.GA, "A/RES/80/10"),
        _plain("A/RES/", "resolutions 53/199, 61/185") + _plain("E/RES/", "resolution 1980/67"),
    ),
    (
        "Council resolution in an ECOSOC context",  # table row
        "Council resolution 155 C (VII) of 13 August 1948",
        CiteContext(Body.ECOSOC, "E/RES/2004/1"),
        [("E/RES/155(VII)", "resolution 155 C (VII)", "C", None)],
    ),
    (
        "explicit symbol with part and pinpoint",  # A/RES/79/166 footnote 1
        "A/CONF.157/24 (Part I), chap. III.",
        GA,
        [("A/CONF.157/24", "A/CONF.157/24", "(Part I)", "chap. III")],
    ),
    (
        "symbol with a section part",  # table row
        "the proposed programme budget (A/80/6 (Sect. 24)) and its corrigendum "
        "A/80/6 (Sect. 24)/Corr.1, and A/78/6 (Plan outline)",
        GA,
        [
            ("A/80/6", "A/80/6", "(Sect. 24)", None),
            ("A/80/6/Corr.1", "A/80/6 (Sect. 24)/Corr.1", "(Sect. 24)", None),
            ("A/78/6", "A/78/6", "(Plan outline)", None),
        ],
    ),
    (
        "volume part inside brackets",  # A/C.5/80/L.14 footnote 1
        "Official Records of the General Assembly, Eightieth Session, Supplement No. 5, "
        "vol. I (A/80/5 (Vol. I)).",
        CiteContext(Body.GA, "A/C.5/80/L.14"),
        [("A/80/5", "A/80/5", "(Vol. I)", None)],
    ),
    (
        "and Corr.1",  # A/RES/69/179 report line
        "on the report of the Third Committee (A/69/488/Add.2 and Corr.1)",
        CiteContext(Body.GA, "A/RES/69/179"),
        _plain("", "A/69/488/Add.2") + _plain("A/69/488/Add.2/", "Corr.1"),
    ),
    (
        "report line pinpoint",  # A/RES/79/166 report line
        "on the report of the Third Committee (A/79/458/Add.2, para. 99)",
        GA,
        [("A/79/458/Add.2", "A/79/458/Add.2", None, "para. 99")],
    ),
    (
        "joint symbol",  # A/RES/79/166 footnote 6
        "See E/CN.4/2001/2-E/CN.4/Sub.2/2000/46, chap. II, sect. A.",
        GA,
        [
            ("E/CN.4/2001/2", "E/CN.4/2001/2", None, None),
            ("E/CN.4/Sub.2/2000/46", "E/CN.4/Sub.2/2000/46", None, "chap. II, sect. A"),
        ],
    ),
    (
        "joint GA/SC symbol",  # A/RES/79/10 footnote 1
        "A/79/302-S/2024/600.",
        CiteContext(Body.GA, "A/RES/79/10"),
        _plain("", "A/79/302, S/2024/600"),
    ),
    (
        "Supplement No. 53",  # A/RES/79/166 footnote 3
        "See Official Records of the General Assembly, Seventy-ninth Session, Supplement "
        "No. 53 (A/79/53), chap. V, sect. A.",
        GA,
        [("A/79/53", "A/79/53", None, "chap. V, sect. A")],
    ),
    (
        "a range as written",  # table row
        "A/C.6/64/SR.1–28/Corrigendum",
        GA,
        [("A/C.6/64/SR.1–28/Corrigendum", "A/C.6/64/SR.1–28/Corrigendum", None, None)],
    ),
    (
        "early Security Council document",  # S/RES/100 (1953) footnote 6
        "fbid., document S/3122.",
        CiteContext(Body.SC, "S/RES/100(1953)"),
        [("S/3122", "S/3122", None, None)],
    ),
    (
        "OCR: $ for S, brackets lost",  # S/RES/885 (1993) PP1, PP5
        "767 (1992) of 27 July 1992, its resolution 868 1993 of 29 September 1993, "
        "document $/26627 cf 25 October 1993",
        CiteContext(Body.SC, "S/RES/885(1993)"),
        [
            ("S/RES/868(1993)", "resolution 868 1993", None, None),
            ("S/26627", "$/26627", None, None),
        ],
    ),
    (
        "United Nations Environment Assembly",  # A/RES/80/110 OP213
        "the mandate of United Nations Environment Assembly resolution 5/14,",
        CiteContext(Body.GA, "A/RES/80/110"),
        [("UNEP/EA.5/Res.14", "resolution 5/14", None, None)],
    ),
    (
        "glued footnote marker",  # A/RES/78/253 (marker 37 left in the text)
        "mandated by the Human Rights Council in its resolutions 54/9 of 11 October 2023 "
        "and 54/18,37 54/22",
        CiteContext(Body.GA, "A/RES/78/253"),
        _plain("A/HRC/RES/", "resolutions 54/9, 54/18, 54/22"),
    ),
    (
        "organ named before a list goes on past a topic and a new keyword",
        # A/RES/79/175 PP2: the Council's resolutions on the Internet are its own too; the
        # General Assembly list before them keeps its organ, the Council named after it
        # takes over.
        "Recalling General Assembly resolutions 68/167 of 18 December 2013, 69/166 of "
        "18 December 2014, 71/199 of 19 December 2016, 73/179 of 17 December 2018, 75/176 "
        "of 16 December 2020 and 77/211 of 15 December 2022 on the right to privacy in the "
        "digital age, and resolution 45/95 of 14 December 1990 on guidelines for the "
        "regulation of computerized personal data files, as well as Human Rights Council "
        "resolutions 28/16 of 26 March 2015, 34/7 of 23 March 2017, 37/2 of 22 March 2018, "
        "42/15 of 26 September 2019, 48/4 of 7 October 2021 and 54/21 of 16 October 2023 on "
        "the right to privacy in the digital age and resolutions 32/13 of 1 July 2016, 38/7 "
        "of 5 July 2018, 47/16 of 13 July 2021 and 57/29 of 11 October 2024 on the "
        "promotion, protection and enjoyment of human rights on the Internet,",
        CiteContext(Body.GA, "A/RES/79/175"),
        _plain(
            "A/RES/", "resolutions 68/167, 69/166, 71/199, 73/179, 75/176, 77/211, resolution 45/95"
        )
        + _plain(
            "A/HRC/RES/",
            "resolutions 28/16, 34/7, 37/2, 42/15, 48/4, 54/21, resolutions 32/13, 38/7, 47/16, 57/29",
        ),
    ),
    (
        "organ named before a decision goes on to the resolutions after it",
        # A/RES/78/202 PP1 (footnote markers taken out)
        "Recalling all its previous resolutions on this subject, the most recent of which "
        "was resolution 77/214 of 15 December 2022, and Human Rights Council decision "
        "18/120 of 30 September 2011 and resolutions 24/14 of 27 September 2013, 27/21 of "
        "26 September 2014, 30/2 of 1 October 2015,",
        CiteContext(Body.GA, "A/RES/78/202"),
        _plain("A/RES/", "resolution 77/214")
        + _plain("A/HRC/DEC/", "decision 18/120")
        + _plain("A/HRC/RES/", "resolutions 24/14, 27/21, 30/2"),
    ),
    (
        "organ named before a list after a topic, as well as",  # A/RES/78/171 PP4
        "Human Rights Council resolutions 23/13 of 13 June 2013 on attacks and "
        "discrimination against persons with albinism and 24/33 of 27 September 2013 on "
        "technical cooperation for the prevention of attacks against persons with "
        "albinism, as well as resolutions 28/6 of 26 March 2015, 37/5 of 22 March 2018 and "
        "46/12 of 23 March 2021 pertaining to the mandate of the Independent Expert",
        CiteContext(Body.GA, "A/RES/78/171"),
        _plain("A/HRC/RES/", "resolutions 23/13, 24/33, resolutions 28/6, 37/5, 46/12"),
    ),
    (
        "Environment Assembly list goes on to the next session's resolution",
        # A/RES/79/204 PP31 (footnote 29 gives UNEP/EA.6/Res.9)
        "in line with United Nations Environment Assembly resolutions 5/7 and 5/8 of "
        "2 March 2022 and resolution 6/9 of 1 March 2024,",
        CiteContext(Body.GA, "A/RES/79/204"),
        [
            ("UNEP/EA.5/Res.7", "resolutions 5/7", None, None),
            ("UNEP/EA.5/Res.8", "5/8", None, None),
            ("UNEP/EA.6/Res.9", "resolution 6/9", None, None),
        ],
    ),
    (
        "organ's resolutions, in particular resolutions …",  # A/RES/78/190 PP2
        "Recalling the provisions of Commission on Human Rights resolutions 2004/16 of "
        "16 April 2004 and 2005/5 of 14 April 2005 and relevant Human Rights Council "
        "resolutions, in particular resolutions 7/34 of 28 March 2008, 18/15 of "
        "29 September 2011 and 21/33 of 28 September 2012, as well as General Assembly "
        "resolutions",
        CiteContext(Body.GA, "A/RES/78/190"),
        _plain("E/CN.4/RES/", "resolutions 2004/16, 2005/5")
        + _plain("A/HRC/RES/", "resolutions 7/34, 18/15, 21/33"),
    ),
    (
        "organ's resolutions on the subject, including resolution …",  # A/RES/78/191 PP1
        "Recalling all of its previous resolutions on the subject, including resolution "
        "77/206 of 15 December 2022, and Human Rights Council resolutions on the subject, "
        "including resolution 54/3 of 11 October 2023, as well as all resolutions adopted "
        "by the Commission on Human Rights in this regard,",
        CiteContext(Body.GA, "A/RES/78/191"),
        _plain("A/RES/", "resolution 77/206") + _plain("A/HRC/RES/", "resolution 54/3"),
    ),
]

# Texts that hold no citation at all (real passages).
NOT_CITATIONS: list[tuple[str, str, CiteContext]] = [
    ("the present resolution", "to report on the implementation of the present resolution;", GA),
    ("24/7", "ensure the operation of the 24/7 network.", CiteContext(Body.GA, "A/RES/79/243")),
    ("HIV/AIDS", "the HIV/AIDS epidemic", GA),
    ("COVID-19", "the coronavirus disease (COVID-19) pandemic", GA),
    ("job number", "24-24160 (E) *2424160*", GA),
    ("page mark", "24-24160 2/4", GA),
    ("paragraph number", "Recalls paragraph 14 of the report of the Advisory Committee,", GA),
    (
        "instrument without symbol",
        "as set forth in the Charter of the United Nations, in particular Article 1, paragraph 3,",
        GA,
    ),
    ("own symbol", "A/RES/79/166", GA),
    ("own symbol, draft", "A/C.3/80/L.10", CiteContext(Body.GA, "A/C.3/80/L.10")),
    ("a biennium", "for the 2025/26 period", GA),
    ("gender balance", "the goal of 50/50 gender balance", GA),
    ("a placeholder", "A/80/___.", CiteContext(Body.GA, "A/80/L.3")),
    (
        "another body's resolution",  # A/RES/80/229 PP18
        "Commission on Crime Prevention and Criminal Justice resolution 25/2 of 27 May 2016",
        GA,
    ),
    ("World Health Assembly", "World Health Assembly resolution 72/2", GA),
    ("WTO symbol", "WT/MIN(22)/24", GA),
    ("IAEA symbol", "resolution GC(67)/RES/13", GA),
    ("general recommendation", "general recommendation No. 39 (2022) on the rights", GA),
    ("conference resolution without session", "chap. I, resolution 1, annexes I and II", GA),
]


@pytest.mark.parametrize(
    ("text", "ctx", "expected"), [r[1:] for r in ROWS], ids=[r[0] for r in ROWS]
)
def test_convention_row(
    text: str, ctx: CiteContext, expected: list[tuple[str, str, str | None, str | None]]
) -> None:
    found = [c for c in find_citations(text, ctx) if c.kind is CitationKind.CITATION]
    assert [(c.target, c.surface, c.part, c.pinpoint) for c in found] == expected
    for cite in found:
        assert text[cite.start : cite.end] == cite.surface


@pytest.mark.parametrize(
    ("text", "ctx"), [r[1:] for r in NOT_CITATIONS], ids=[r[0] for r in NOT_CITATIONS]
)
def test_not_a_citation(text: str, ctx: CiteContext) -> None:
    assert [c for c in find_citations(text, ctx) if c.kind is CitationKind.CITATION] == []


INSTRUMENTS = [
    (
        "Reaffirming the Universal Declaration of Human Rights and the Vienna Declaration and "
        "Programme of Action, the 2030 Agenda for Sustainable Development",
        ["A/RES/217(III)", "A/CONF.157/24", "A/RES/70/1"],
    ),
    (  # the Optional Protocol is another instrument
        "the Optional Protocol to the Convention on the Rights of the Child on the sale of "
        "children, and the Convention on the Rights of the Child",
        ["A/RES/44/25"],
    ),
    ("the Charter of the United Nations", []),
]


@pytest.mark.parametrize(("text", "targets"), INSTRUMENTS)
def test_instrument_links_are_their_own_kind(text: str, targets: list[str]) -> None:
    found = find_citations(text, GA)
    assert [c.target for c in found if c.kind is CitationKind.INSTRUMENT] == targets
    assert [c for c in found if c.kind is CitationKind.CITATION] == []
    for cite in found:
        assert text[cite.start : cite.end] == cite.surface
