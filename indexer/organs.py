"""The one organ table: every body resdex knows, UN or not, and the one symbol key.

One row per body: its enum member, its name as written in the texts (a regex piece), the
abbreviations a user types in a filter, the roots of its document series, the templates
of its resolution and decision symbols (where the body has a per-text UN symbol series),
the calendar of its sessions (for ``resdex.indexer.plausibility``), the treaty a
Conference of the Parties serves and the Official Records supplement that reports its
texts. Everything that names an organ is built from this table: the resolver's organ
regexes (``resdex.indexer.cite_patterns``, ``resdex.indexer.attribution``), the series
roots of explicit symbols, the targets of ``resdex cites`` (``resdex.search.targets``);
``models.Body`` is ``Organ``; ``symbol_key`` is the one comparison form of a symbol
(``resdex.search.targets.target_key`` is it).

Still to switch to this table: ``search/request.py``'s ``BODIES`` spells the four adopting
bodies' names again (``--body "general assembly"``); ``organ_named`` knows them.

Pure data and string work with ``re`` only: safe on the query path (no spaCy).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class Organ(StrEnum):
    """A body that adopts resolutions or decisions (the value is stored in indexes)."""

    GA = "GA"  # General Assembly
    SC = "SC"  # Security Council
    HRC = "HRC"  # Human Rights Council
    ECOSOC = "ECOSOC"  # Economic and Social Council
    CHR = "CHR"  # Commission on Human Rights (1946-2006)
    SUB = "SUB"  # Subcommission on the Promotion and Protection of Human Rights (-2006)
    UNEA = "UNEA"  # United Nations Environment Assembly (UNEP)
    UNEP_GC = "UNEP_GC"  # Governing Council of UNEP (before the Environment Assembly)
    HABITAT = "HABITAT"  # UN-Habitat Assembly
    CBD_COP = "CBD_COP"  # Conference of the Parties to the Convention on Biological Diversity
    UNFCCC = "UNFCCC"  # Conference of the Parties to the UNFCCC, CMP, CMA
    UNCCD = "UNCCD"  # Conference of the Parties to the Convention to Combat Desertification
    UNCAC = "UNCAC"  # Conference of the States Parties to the Convention against Corruption
    UNTOC = "UNTOC"  # Conference of the Parties to the Convention against Organized Crime
    COP = "COP"  # "the Conference of the Parties to the Convention": which one, not said
    CND = "CND"  # Commission on Narcotic Drugs
    CSW = "CSW"  # Commission on the Status of Women
    CCPCJ = "CCPCJ"  # Commission on Crime Prevention and Criminal Justice
    CSOCD = "CSOCD"  # Commission for Social Development
    CPD = "CPD"  # Commission on Population and Development
    CSTD = "CSTD"  # Commission on Science and Technology for Development
    STATCOM = "STATCOM"  # Statistical Commission
    UNFF = "UNFF"  # United Nations Forum on Forests
    REGIONAL = "REGIONAL"  # regional commissions: ESCAP, ECE, ECA, ECLAC, ESCWA
    WHA = "WHA"  # World Health Assembly, WHO Executive Board
    SPECIALIZED = "SPECIALIZED"  # other agencies' organs: UNESCO, IAEA, ILO, FAO, IMO, ...
    EXECUTIVE_BOARD = "EXECUTIVE_BOARD"  # funds and programmes: UNDP, UNICEF, UN-Women, WFP
    TREATY_BODY = "TREATY_BODY"  # human rights treaty bodies (general comments)
    TREATY_MEETING = "TREATY_MEETING"  # review conferences, meetings of States parties
    SUBSIDIARY = "SUBSIDIARY"  # subsidiary bodies without numbered texts of a UN series
    OTHER = "OTHER"  # a body the resolver recognizes only by its shape ("Executive Board")


class Numbering(StrEnum):
    """How a body numbers its resolutions, as the resolver reads them."""

    SESSION = "session"  # "70/153": session / number
    YEAR = "year"  # "2004/67": year / number
    SC = "sc"  # "242 (1967)": number (year)
    NONE = "none"  # no number resdex can turn into a symbol


@dataclass(frozen=True, slots=True)
class OrganRow:
    """One body. Templates take ``{session}`` (or the year), ``{number}``, ``{roman}``."""

    organ: Organ
    name: str  # the name as a user reads it: "General Assembly"
    # the name as written in texts, a regex piece without groups; "(?:United Nations )?
    # Environment Assembly" (several spellings of one body go into the one piece)
    pattern: str
    abbreviations: tuple[str, ...] = ()  # "GA", "UNGA": filters and typed targets
    roots: tuple[str, ...] = ()  # roots of its document series: "A", "UNEP", "CBD"
    numbering: Numbering = Numbering.NONE
    resolutions: str | None = None  # "A/RES/{session}/{number}"
    decisions: str | None = None  # "A/DEC/{session}/{number}"
    bracket: str | None = None  # older form, sessions in Roman numerals: "A/RES/{number}({roman})"
    # the session calendar: session n opened in first_year + (n - 1) // per_year, or in
    # opened[n - 1] where sessions are irregular; numbered by year: the years it adopted
    # numbered texts, first_year to last_year
    first_year: int | None = None
    per_year: int = 1
    opened: tuple[int, ...] = ()
    last_year: int | None = None  # the body ended (Commission on Human Rights: 2006)
    roman_until: int = 0  # sessions up to this one are written in Roman numerals only
    adopts: bool = False  # a body whose own texts resdex parses (GA, SC, HRC, ECOSOC)
    # the treaty of a Conference of the Parties, as a document's title names it: a bare
    # "Conference of the Parties to the Convention" in a text on it is this body's
    treaty: str | None = None
    # the number of the General Assembly Official Records supplement that reports its texts:
    # "Supplement No. 53 (A/73/53), chap. IV, sect. A, resolution 37/17" (A/RES/79/133)
    supplement: int | None = None


_HUMAN_RIGHTS_SUB: Final = (
    r"Sub-?[Cc]ommission on (?:the )?(?:Promotion and Protection of Human Rights"
    r"|Prevention of Discrimination and Protection of Minorities)"
)
_S: Final = Numbering.SESSION
_Y: Final = Numbering.YEAR

# Rows in matching order: a longer name before one it contains (the Subcommission before
# the "Commission on Human Rights"). Each row: organ, name, pattern, abbreviations, roots,
# numbering, resolution and decision templates, then its calendar.
# fmt: off
ORGANS: Final[tuple[OrganRow, ...]] = (
    # "General Assembly resolution 66/3", "1514 (XV)" (sessions 1-30 in Roman numerals)
    OrganRow(Organ.GA, "General Assembly", r"(?:United Nations )?General Assembly",
             ("GA", "UNGA", "A"), ("A",), _S, "A/RES/{session}/{number}",
             "A/DEC/{session}/{number}", "A/RES/{number}({roman})",
             first_year=1946, roman_until=30, adopts=True),
    # "Security Council resolution 1325 (2000)"
    OrganRow(Organ.SC, "Security Council", r"Security Council", ("SC", "UNSC", "S"), ("S",),
             Numbering.SC, "S/RES/{number}({session})", first_year=1946, adopts=True),
    # "Human Rights Council resolution 32/6"; three regular sessions a year since 2006
    OrganRow(Organ.HRC, "Human Rights Council", r"Human Rights Council", ("HRC",), ("A/HRC",),
             _S, "A/HRC/RES/{session}/{number}", "A/HRC/DEC/{session}/{number}",
             first_year=2006, per_year=3, adopts=True, supplement=53),
    # "Economic and Social Council resolution 2004/67", "155 C (VII)"
    OrganRow(Organ.ECOSOC, "Economic and Social Council", r"Economic and Social Council",
             ("ECOSOC", "E"), ("E",), _Y, "E/RES/{session}/{number}",
             "E/DEC/{session}/{number}", "E/RES/{number}({roman})",
             first_year=1946, adopts=True),
    # "resolution 2000/22 … by the Subcommission on the Promotion and Protection of Human
    # Rights" (A/RES/71/194 PP)
    OrganRow(Organ.SUB, "Subcommission on the Promotion and Protection of Human Rights",
             _HUMAN_RIGHTS_SUB, ("SUB",), ("E/CN.4/Sub.2",), _Y,
             "E/CN.4/Sub.2/RES/{session}/{number}", "E/CN.4/Sub.2/DEC/{session}/{number}",
             first_year=1947, last_year=2006),
    # "Commission on Human Rights resolution 2005/69"
    OrganRow(Organ.CHR, "Commission on Human Rights", r"Commission on Human Rights", ("CHR",),
             ("E/CN.4",), _Y, "E/CN.4/RES/{session}/{number}", "E/CN.4/DEC/{session}/{number}",
             first_year=1946, last_year=2006),
    # "resolution 6/8 of 1 March 2024 … adopted by the United Nations Environment Assembly",
    # "United Nations Environment Assembly resolution 5/1": UNEP/EA.5/Res.1
    OrganRow(Organ.UNEA, "United Nations Environment Assembly",
             r"(?:United Nations )?Environment Assembly(?: of the United Nations Environment"
             r" Programme)?", ("UNEA", "EA"), ("UNEP/EA", "UNEP"), _S,
             "UNEP/EA.{session}/Res.{number}", "UNEP/EA.{session}/Dec.{number}",
             opened=(2014, 2016, 2017, 2019, 2021, 2024, 2025), supplement=25),
    # "Governing Council of the United Nations Environment Programme decision 27/2"
    OrganRow(Organ.UNEP_GC, "Governing Council of the United Nations Environment Programme",
             r"(?:Governing Council of the United Nations Environment Programme"
             r"|UNEP Governing Council)", ("UNEP-GC",), ("UNEP/GC",), first_year=1973,
             supplement=25),
    # "UN-Habitat Assembly resolution 2/1": HSP/HA.2/Res.1
    OrganRow(Organ.HABITAT, "UN-Habitat Assembly",
             r"(?:UN-Habitat Assembly|Assembly of the United Nations Human Settlements"
             r" Programme|United Nations Habitat Assembly)", ("UN-HABITAT",), ("HSP",), _S,
             "HSP/HA.{session}/Res.{number}", "HSP/HA.{session}/Dec.{number}",
             opened=(2019, 2023, 2025)),
    # "document CBD/COP/15/17, decision 15/4": CBD/COP/DEC/15/4 (Arabic since COP 14,
    # "UNEP/CBD/COP/DEC/XIII/5" before)
    OrganRow(Organ.CBD_COP, "Conference of the Parties to the Convention on Biological Diversity",
             r"Conference of the Parties to the Convention on Biological Diversity", ("CBD",),
             ("CBD", "UNEP/CBD"), _S, None, "CBD/COP/DEC/{session}/{number}",
             opened=(1994, 1995, 1996, 1998, 2000, 2002, 2004, 2006, 2008, 2010, 2012, 2014,
                     2016, 2018, 2021, 2024), roman_until=13,
             treaty=r"Convention on Biological Diversity"),
    # "decision 1/CP.21": no number resdex reads (documents FCCC/CP/2015/10/Add.1)
    OrganRow(Organ.UNFCCC,
             "Conference of the Parties to the United Nations Framework Convention on Climate"
             " Change",
             r"Conference of the Parties (?:to the United Nations Framework Convention on"
             r" Climate Change|serving as the meeting of the Parties to the (?:Paris Agreement"
             r"|Kyoto Protocol))", ("UNFCCC",), ("FCCC",),
             treaty=r"Framework Convention on Climate Change"),
    OrganRow(Organ.UNCCD,
             "Conference of the Parties to the United Nations Convention to Combat Desertification",
             r"Conference of the Parties to the (?:United Nations )?Convention to Combat"
             r" Desertification", ("UNCCD",), ("ICCD",),
             treaty=r"Convention to Combat Desertification"),
    # "resolutions 7/8 … adopted by the Conference of the States Parties to the Convention"
    # (A/RES/79/190): its resolutions have no symbol of their own
    OrganRow(Organ.UNCAC,
             "Conference of the States Parties to the United Nations Convention against Corruption",
             r"Conference of the States Parties to the (?:United Nations )?Convention against"
             r" Corruption", ("UNCAC", "COSP"), ("CAC",), treaty=r"Convention against Corruption"),
    OrganRow(Organ.UNTOC,
             "Conference of the Parties to the United Nations Convention against Transnational"
             " Organized Crime",
             r"Conference of the Parties to the (?:United Nations )?Convention against"
             r" Transnational Organized Crime", ("UNTOC",), ("CTOC",),
             treaty=r"Convention against Transnational Organized Crime"),
    # "resolution 9/2 of 17 December 2021 of the Conference of the States Parties to the
    # Convention" (A/RES/79/190 PP12), "decision 15/6 … adopted at the fifteenth meeting of
    # the Conference of the Parties" (A/C.2/80/L.36 OP7): which convention, the document's
    # title may tell (``treaty`` of the rows above)
    OrganRow(Organ.COP, "Conference of the Parties",
             r"(?:Conference|Meeting) of (?:the )?(?:States )?Parties(?: to the (?:Convention"
             r"|Protocol|Agreement))?"),
    # "Commission on Narcotic Drugs resolution 60/1": no UN symbol of its own
    OrganRow(Organ.CND, "Commission on Narcotic Drugs", r"Commission on Narcotic Drugs",
             ("CND",)),
    OrganRow(Organ.CSW, "Commission on the Status of Women",
             r"Commission on the Status of Women", ("CSW",)),
    OrganRow(Organ.CCPCJ, "Commission on Crime Prevention and Criminal Justice",
             r"Commission on Crime Prevention and Criminal Justice", ("CCPCJ",)),
    OrganRow(Organ.CSOCD, "Commission for Social Development",
             r"Commission for Social Development", ("CSOCD",)),
    OrganRow(Organ.CPD, "Commission on Population and Development",
             r"Commission on Population and Development", ("CPD",)),
    OrganRow(Organ.CSTD, "Commission on Science and Technology for Development",
             r"Commission on Science and Technology for Development", ("CSTD",)),
    OrganRow(Organ.STATCOM, "Statistical Commission", r"Statistical Commission"),
    OrganRow(Organ.UNFF, "United Nations Forum on Forests", r"United Nations Forum on Forests",
             ("UNFF",)),
    # "Economic and Social Commission for Asia and the Pacific resolution 79/1"
    OrganRow(Organ.REGIONAL, "regional commissions",
             r"(?:Economic and Social Commission for (?:Asia and the Pacific|Western Asia)"
             r"|Economic Commission for (?:Europe|Africa|Latin America and the Caribbean))",
             ("ESCAP", "ECE", "ECA", "ECLAC", "ESCWA"),
             # "ESCAP/78/12/Add.1" (A/RES/78/158 footnote 8)
             roots=("ESCAP",)),
    # "World Health Assembly resolution WHA58.3", "Executive Board of the World Health
    # Organization"
    OrganRow(Organ.WHA, "World Health Assembly",
             r"(?:World Health Assembly|Executive Board of the World Health Organization)",
             ("WHA",)),
    # "General Conference of the International Atomic Energy Agency", "UNESCO General
    # Conference", "International Labour Conference", "IMO Assembly resolution
    # A.1110(30)", "Conference of the Food and Agriculture Organization"
    OrganRow(Organ.SPECIALIZED, "specialized agencies",
             r"(?:General Conference of (?:the )?(?:International Atomic Energy Agency|United"
             r" Nations Educational, Scientific and Cultural Organization|UNESCO)"
             r"|(?:UNESCO|IAEA) General Conference|International Labour Conference"
             r"|(?:IMO|ICAO|ITU|UNIDO|WMO) (?:Assembly|Council|Conference)"
             r"|Conference of the Food and Agriculture Organization(?: of the United Nations)?"
             r"|Assembly of the International Civil Aviation Organization)"),
    # "Executive Board decision 2014/7" (UNDP/UNFPA/UNOPS "DP/2023/…", "UNW/2023/…")
    OrganRow(Organ.EXECUTIVE_BOARD, "executive boards of funds and programmes",
             r"Executive Board of (?:the )?(?:United Nations Development Programme|United"
             r" Nations Children's Fund|UNICEF|UN-Women|United Nations Entity for Gender"
             r" Equality and the Empowerment of Women|World Food Programme|UNDP/UNFPA/UNOPS)",
             roots=("DP", "UNW")),
    # "general recommendation No. 35 (2017) of the Committee on the Elimination of
    # Discrimination against Women" (CEDAW/C/GC/35)
    OrganRow(Organ.TREATY_BODY, "human rights treaty bodies",
             r"(?:Committee on the Elimination of (?:Discrimination against Women|Racial"
             r" Discrimination)|Committee on the Rights of (?:the Child|Persons with"
             r" Disabilities)|Human Rights Committee|Committee against Torture|Committee on"
             r" Enforced Disappearances|Committee on Economic, Social and Cultural Rights"
             r"|Committee on the Protection of the Rights of All Migrant Workers and Members"
             r" of Their Families)",
             roots=("CEDAW", "CRC", "CCPR", "CRPD", "CED", "CMW", "CAT", "CERD", "HRI")),
    # "Review Conference of the Parties to the Treaty on the Non-Proliferation of Nuclear
    # Weapons" (NPT/CONF.2010/50), "Meeting of States Parties to the Convention on the Law
    # of the Sea" (SPLOS/30)
    OrganRow(Organ.TREATY_MEETING, "conferences and meetings of States parties",
             r"(?:Review Conference of the Parties to the Treaty on the Non-Proliferation of"
             r" Nuclear Weapons|Meeting of (?:the )?States Parties to the (?:United Nations )?"
             r"Convention on the Law of the Sea|Conference on Disarmament)",
             # "CCM/CONF/2021/6, annexes I and II" (Convention on Cluster Munitions,
             # A/RES/78/32 footnote 3)
             roots=("NPT", "CD", "CCW", "BWC", "TPNW", "APLC", "SPLOS", "CLCS", "CCM")),
    # "decisions 22/1 and 22/2 adopted by the High-level Committee on South-South
    # Cooperation" (A/RES/80/149 OP9), "the Open-ended Working Group on Ageing of decision
    # 14/1" (A/RES/80/179 OP72), "Indian Ocean Tuna Commission, resolutions 12/07"
    # (A/RES/80/109 footnote 46)
    OrganRow(Organ.SUBSIDIARY, "subsidiary and other bodies",
             r"(?:High-level Committee on South-South Cooperation|Open-ended Working Group on"
             r" Ageing|Indian Ocean Tuna Commission|Food and Agriculture Organization of the"
             r" United Nations|Islamic Conference of Foreign Ministers|Organisation of Islamic"
             r" Cooperation|Commission on the Limits of the Continental Shelf)"),
    # series of the Secretariat and of UN bodies cited here only by their documents:
    # "ST/SGB/2019/8", "TD/519/Add.2", "JIU/REP/2020/8", "UNCTAD/RMT/2023" (A/RES/80/110
    # footnote 125), "UNODC/CCPCJ/EG.9/2023/2" (A/RES/79/187 footnote 9), "CEB/2019/1/Add.5"
    # (System Chief Executives Board, A/RES/79/214 footnote 4), "IPBES/9/14/Add.2"
    # (the UNEP-serviced platform, A/RES/79/210 footnote 14), "SC/13331" (a press release
    # of the Security Council, A/RES/78/219 footnote 17)
    OrganRow(Organ.OTHER, "other", r"(?!x)x",
             roots=("ST", "TD", "JIU", "UNCTAD", "UNODC", "CEB", "IPBES", "SC")),
)
# fmt: on

ROW: Final[dict[Organ, OrganRow]] = {row.organ: row for row in ORGANS}

# The bodies whose own texts resdex parses: the "The General Assembly," of a header.
ADOPTING: Final[tuple[Organ, ...]] = tuple(row.organ for row in ORGANS if row.adopts)
# Bodies with a UN symbol for each resolution or decision.
WITH_SERIES: Final[tuple[Organ, ...]] = tuple(
    row.organ for row in ORGANS if row.resolutions or row.decisions
)

# Roots of UN document series (the first component of a symbol), longest first.
SERIES_ROOTS: Final[tuple[str, ...]] = tuple(
    sorted(
        {root.split("/", 1)[0] for row in ORGANS for root in row.roots},
        key=lambda r: (-len(r), r),
    )
)


def group_name(organ: Organ) -> str:
    """The regex group name of an organ in ``name_alternation(..., groups=True)``."""
    return f"o_{organ.name}"


def name_alternation(organs: tuple[Organ, ...] | None = None, groups: bool = False) -> str:
    """A regex piece matching the name of any of ``organs`` (default: every row), in table
    order; with ``groups``, each name in its own named group (read back by ``organ_of``).

    Every name of the table begins with a capital ("General Assembly", "Sub-Commission on
    …", "UN-Habitat Assembly"; ``tests/test_cite_organs.py`` checks it): the piece opens
    with that test, so a search tries the thirty names only where a capital stands (a
    sentence searched for "any organ" was 0.5 ms a call without it)."""
    rows = [ROW[o] for o in organs] if organs is not None else [r for r in ORGANS]
    pieces = [
        f"(?P<{group_name(r.organ)}>{r.pattern})" if groups else f"(?:{r.pattern})"
        for r in rows
        if r.organ is not Organ.OTHER
    ]
    return "(?=[A-Z])(?:" + "|".join(pieces) + ")"


def organ_of(match: re.Match[str]) -> Organ:
    """The organ whose named group matched in a ``name_alternation(groups=True)`` regex."""
    for row in ORGANS:
        name = group_name(row.organ)
        if name in match.re.groupindex and match.group(name) is not None:
            return row.organ
    raise ValueError("no organ group matched")


_ROOT_ORGAN: Final[tuple[tuple[str, Organ], ...]] = tuple(
    sorted(
        ((root, row.organ) for row in ORGANS for root in row.roots),
        key=lambda pair: -len(pair[0]),
    )
)


def organ_of_symbol(symbol: str) -> Organ | None:
    """The body whose document series ``symbol`` belongs to, by its longest root:
    "CBD/COP/15/17" -> CBD_COP, "UNEP/CBD/COP/13/25" -> CBD_COP, "A/HRC/55/2" -> HRC,
    "CAC/COSP/2021/17" -> UNCAC; None for a root the table does not know."""
    for root, organ in _ROOT_ORGAN:
        if symbol.startswith(root) and symbol[len(root) : len(root) + 1] in ("/", ".", ""):
            return organ
    return None


# "A/69/25", "A/77/53/Add.1": a General Assembly Official Records supplement of a session
# (compiled on first use, like the treaty patterns below: the query path imports this table
# and never reads a document symbol's organ)
@functools.cache
def _supplement_re() -> re.Pattern[str]:
    return re.compile(r"A/(?P<session>\d{1,2})/(?P<supplement>\d{1,3})A?(?:/|$)")


def organ_of_document(symbol: str) -> Organ | None:
    """The body whose texts a document holds: its series' ("CBD/COP/15/17" -> CBD_COP), or
    for a supplement to the General Assembly's Official Records the body it reports on,
    as of the session's year ("A/73/53" -> HRC; "A/69/25" -> UNEA, "A/52/25" -> UNEP_GC)."""
    supplement = _supplement_re().match(symbol)
    if supplement:
        year = 1945 + int(supplement.group("session"))
        number = int(supplement.group("supplement"))
        started = [
            (row.opened[0] if row.opened else row.first_year or 0, row.organ)
            for row in ORGANS
            if row.supplement == number
        ]
        active = [pair for pair in started if pair[0] <= year]
        if active:
            return max(active)[1]
    return organ_of_symbol(symbol)


@functools.cache
def _treaties() -> tuple[tuple[re.Pattern[str], Organ], ...]:
    return tuple((re.compile(row.treaty), row.organ) for row in ORGANS if row.treaty)


def conference_of(title: str) -> Organ | None:
    """The Conference of the Parties a document's title points a bare "Conference of the
    Parties to the Convention" to: "Implementation of the Convention on Biological
    Diversity and its contribution to sustainable development" -> CBD_COP."""
    for regex, organ in _treaties():
        if regex.search(title):
            return organ
    return None


def _folded(text: str) -> str:
    return " ".join(text.split()).casefold()


_BY_NAME: Final[dict[str, Organ]] = {
    key: row.organ
    for row in reversed(ORGANS)
    if row.organ is not Organ.OTHER
    for key in (_folded(row.name), row.organ.value.casefold(), *map(_folded, row.abbreviations))
}


def organ_named(text: str) -> Organ | None:
    """The organ a name, abbreviation or enum value designates ("General Assembly", "ga",
    "ECOSOC", "Human Rights Council"), or None."""
    return _BY_NAME.get(_folded(text))


def filter_names(organs: tuple[Organ, ...] = ADOPTING) -> dict[str, Organ]:
    """Case-folded names and abbreviations a user may give ``--body`` (default: the bodies
    whose texts are indexed)."""
    return {key: organ for key, organ in _BY_NAME.items() if organ in organs}


# --- symbols ------------------------------------------------------------------------------


def symbol_key(symbol: str) -> str:
    """The one comparison form of a symbol ("compare case-insensitively, spaces removed",
    citations.md): case-folded, every space removed, "," (a Whoosh keyword separator) as
    ";". "S/RES/242 (1967)" -> "s/res/242(1967)"."""
    return "".join(symbol.split()).casefold().replace(",", ";")


_ROMAN: Final = (
    (1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
    (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I"),
)  # fmt: skip
_ROMAN_VALUE: Final = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}


def to_roman(n: int) -> str:
    out = []
    for value, letters in _ROMAN:
        while n >= value:
            out.append(letters)
            n -= value
    return "".join(out)


def from_roman(text: str) -> int | None:
    """ "XV" -> 15; None for text that is no Roman numeral."""
    total = 0
    prev = 0
    for ch in reversed(text.upper()):
        value = _ROMAN_VALUE.get(ch)
        if value is None:
            return None
        total = total - value if value < prev else total + value
        prev = max(prev, value)
    return total if total and to_roman(total) == text.upper() else None


def resolution_symbol(organ: Organ, number: str) -> str | None:
    """The symbol of a body's text from its number as its header writes it: "71/194" of
    the General Assembly -> "A/RES/71/194"; "242 (1967)" of the Security Council ->
    "S/RES/242(1967)"; None for a body without a series."""
    row = ROW[organ]
    paren = re.fullmatch(r"(\d+)\s*\(([^)]+)\)", number.strip())
    if paren:
        num, session = paren.groups()
        if session.isdigit() and row.numbering is Numbering.SC and row.resolutions:
            return row.resolutions.format(session=session, number=num)
        if row.bracket:
            return row.bracket.format(number=num, roman=session)
        return None
    split = re.fullmatch(r"((?:E?S-)?\d+)/(\d+)", number.strip())
    if split is None or row.resolutions is None or row.numbering is Numbering.SC:
        return None
    return row.resolutions.format(session=split.group(1), number=split.group(2))


def series_target(
    organ: Organ, decision: bool, first: str, number: str, bracket: str
) -> str | None:
    """The canonical symbol of a resolution (or decision) of ``organ``, or None when the
    body has no UN symbol for it: "A/RES/70/153", "S/RES/242(1967)", "A/RES/1514(XV)",
    "UNEP/EA.5/Res.12", "CBD/COP/DEC/15/4"."""
    row = ROW[organ]
    if bracket:
        if bracket.isdigit():
            if organ is not Organ.SC or decision or row.resolutions is None:
                return None
            return row.resolutions.format(session=bracket, number=number)
        if decision or row.bracket is None:
            return None
        return row.bracket.format(number=number, roman=bracket)
    template = row.decisions if decision else row.resolutions
    if template is None or row.numbering is Numbering.SC:
        return None
    if first.isdigit() and int(first) <= row.roman_until and organ is not Organ.GA:
        # "decision 13/5" of the CBD: "UNEP/CBD/COP/DEC/XIII/5" before COP 14
        return "UNEP/" + template.format(session=to_roman(int(first)), number=number)
    return template.format(session=first, number=number)
