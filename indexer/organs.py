"""The one organ table: every body resdex knows, UN or not, and the one symbol key.

One row per body: its enum member, its name as written in the texts (a regex piece), the
abbreviations a user types in a filter, the roots of its document series, the templates
of its resolution and decision symbols (where the body has a per-text UN symbol series),
and the calendar of its sessions (for the plausibility check of a canonical target).
Everything that names an organ is built from this table: the resolver's organ regexes
(``resdex.indexer.cite_patterns``), the series roots of explicit symbols, the query
path's ``resdex search --body`` filter names and ``resdex cites`` targets
(``resdex.search.targets``).

Still to switch to this table (their owners' modules):

- ``indexer/structure.py`` ``_ORGANS`` and ``derive_symbol`` -> ``organ_named`` and
  ``resolution_symbol``; ``indexer/patterns.py`` organ alternations ("General
  Assembly|Security Council|Economic and Social Council|Human Rights Council") ->
  ``name_alternation(ADOPTING)``  (owner: struct);
- ``search/query.py`` ``BODIES`` / ``normalize_body`` -> ``filter_names()`` (owner: perf).

Pure data and string work with ``re`` only: safe on the query path (no spaCy).
"""

from __future__ import annotations

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
             first_year=2006, per_year=3, adopts=True),
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
             r" Programme)?", ("UNEA", "EA"), ("UNEP",), _S,
             "UNEP/EA.{session}/Res.{number}", "UNEP/EA.{session}/Dec.{number}",
             opened=(2014, 2016, 2017, 2019, 2021, 2024, 2025)),
    # "Governing Council of the United Nations Environment Programme decision 27/2"
    OrganRow(Organ.UNEP_GC, "Governing Council of the United Nations Environment Programme",
             r"(?:Governing Council of the United Nations Environment Programme"
             r"|UNEP Governing Council)", ("UNEP-GC",)),
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
             ("CBD",), _S, None, "CBD/COP/DEC/{session}/{number}",
             opened=(1994, 1995, 1996, 1998, 2000, 2002, 2004, 2006, 2008, 2010, 2012, 2014,
                     2016, 2018, 2021, 2024), roman_until=13),
    # "decision 1/CP.21": no number resdex reads (documents FCCC/CP/2015/10/Add.1)
    OrganRow(Organ.UNFCCC,
             "Conference of the Parties to the United Nations Framework Convention on Climate"
             " Change",
             r"Conference of the Parties (?:to the United Nations Framework Convention on"
             r" Climate Change|serving as the meeting of the Parties to the (?:Paris Agreement"
             r"|Kyoto Protocol))", ("UNFCCC",), ("FCCC",)),
    OrganRow(Organ.UNCCD,
             "Conference of the Parties to the United Nations Convention to Combat Desertification",
             r"Conference of the Parties to the (?:United Nations )?Convention to Combat"
             r" Desertification", ("UNCCD",), ("ICCD",)),
    # "resolutions 7/8 … adopted by the Conference of the States Parties to the Convention"
    # (A/RES/79/190): its resolutions have no symbol of their own
    OrganRow(Organ.UNCAC,
             "Conference of the States Parties to the United Nations Convention against Corruption",
             r"Conference of the States Parties to the (?:United Nations )?Convention against"
             r" Corruption", ("UNCAC", "COSP"), ("CAC",)),
    OrganRow(Organ.UNTOC,
             "Conference of the Parties to the United Nations Convention against Transnational"
             " Organized Crime",
             r"Conference of the Parties to the (?:United Nations )?Convention against"
             r" Transnational Organized Crime", ("UNTOC",), ("CTOC",)),
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
             ("ESCAP", "ECE", "ECA", "ECLAC", "ESCWA")),
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
             roots=("NPT", "CD", "CCW", "BWC", "TPNW", "APLC", "SPLOS", "CLCS")),
    # series of the Secretariat and of UN bodies cited here only by their documents:
    # "ST/SGB/2019/8", "TD/519/Add.2", "JIU/REP/2020/8"
    OrganRow(Organ.OTHER, "other", r"(?!x)x", roots=("ST", "TD", "JIU")),
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
    order; with ``groups``, each name in its own named group (read back by ``organ_of``)."""
    rows = [ROW[o] for o in organs] if organs is not None else [r for r in ORGANS]
    pieces = [
        f"(?P<{group_name(r.organ)}>{r.pattern})" if groups else f"(?:{r.pattern})"
        for r in rows
        if r.organ is not Organ.OTHER
    ]
    return "(?:" + "|".join(pieces) + ")"


def organ_of(match: re.Match[str]) -> Organ:
    """The organ whose named group matched in a ``name_alternation(groups=True)`` regex."""
    for row in ORGANS:
        name = group_name(row.organ)
        if name in match.re.groupindex and match.group(name) is not None:
            return row.organ
    raise ValueError("no organ group matched")


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


# --- the calendar: what can exist -------------------------------------------------------

# The first resolution number of each year of the Security Council: 1946-1994 from the
# Council's yearbooks (../shared/corpus/sc-text), later years from the Council's lists.
SC_FIRST_OF_YEAR: Final[tuple[int, ...]] = (
    1, 16, 38, 67, 79, 90, 97, 99, 104, 106,  # 1946-1955
    111, 122, 127, 132, 133, 161, 171, 178, 186, 200,  # 1956-1965
    220, 233, 245, 263, 276, 292, 308, 325, 345, 367,  # 1966-1975
    385, 403, 423, 444, 462, 485, 500, 529, 546, 560,  # 1976-1985
    581, 594, 607, 627, 647, 684, 726, 800, 893, 975,  # 1986-1995
    1038, 1090, 1147, 1223, 1284, 1335, 1388, 1456, 1526, 1583,  # 1996-2005
    1649, 1740, 1795, 1860, 1906, 1966, 2035, 2089, 2139, 2196,  # 2006-2015
    2266, 2337, 2397, 2451, 2505, 2562, 2617, 2672, 2722, 2768,  # 2016-2025
)  # fmt: skip
_SC_FIRST_YEAR: Final = 1946
# The lists above are exact for the yearbooks; elsewhere a few numbers of slack.
_SC_SLACK: Final = 6


def sc_number_range(year: int) -> tuple[int, int] | None:
    """The Security Council's resolution numbers of ``year`` (with a little slack past the
    years the table knows), or None before 1946."""
    index = year - _SC_FIRST_YEAR
    if index < 0:
        return None
    if index >= len(SC_FIRST_OF_YEAR):
        return SC_FIRST_OF_YEAR[-1] - _SC_SLACK, SC_FIRST_OF_YEAR[-1] + 80 * (
            index - len(SC_FIRST_OF_YEAR) + 1
        )
    low = SC_FIRST_OF_YEAR[index]
    high = SC_FIRST_OF_YEAR[index + 1] - 1 if index + 1 < len(SC_FIRST_OF_YEAR) else low + 80
    return max(1, low - _SC_SLACK), high + _SC_SLACK


def max_session(organ: Organ, year: int) -> int | None:
    """The last session of ``organ`` that can have opened by ``year``, or None when the
    table has no calendar for it."""
    row = ROW[organ]
    if row.opened:
        return sum(1 for opened in row.opened if opened <= year) + (
            max(0, year - row.opened[-1]) if year > row.opened[-1] else 0
        )
    if row.first_year is None:
        return None
    return max(0, (year - row.first_year + 1) * row.per_year)


def plausible(
    organ: Organ,
    first: str,
    number: str,
    bracket: str = "",
    year: int | None = None,
    session: int | None = None,
) -> bool:
    """Whether a text of ``organ`` numbered ``first``/``number`` (or ``number`` (``bracket``))
    can exist when cited in a document of ``year`` (and, for a text of the citing body's
    own series, of ``session``).

    "A/RES/6/8" cannot: sessions 1-30 of the General Assembly are written "1514 (XV)";
    "A/RES/79/5" cannot be cited in a document of 2023 (session 78); "S/RES/2800(2024)" is
    past the Council's numbers of 2024; "E/CN.4/RES/2010/5": the Commission ended in 2006.
    Special sessions ("ES-10/19", "S-26/2") and bodies without a calendar pass.
    """
    row = ROW[organ]
    if bracket:
        if bracket.isdigit():
            if organ is not Organ.SC:
                return False
            limits = sc_number_range(int(bracket))
            if limits is None or not number.isdigit():
                return False
            if year is not None and int(bracket) > year:
                return False
            return limits[0] <= int(number) <= limits[1]
        if row.bracket is None:
            return False
        roman = bracket.split("-")[-1].replace("‑", "")
        value = from_roman(roman)
        if value is None:
            return False
        if "S" in bracket.split("-")[0] and "-" in bracket:
            return True  # "1 (S-IV)", "ES-V": special sessions
        if organ is Organ.GA:
            if value > row.roman_until:
                return False
            if year is not None and row.first_year is not None:
                return row.first_year + value - 1 <= year
        return True
    if not first.isdigit():
        return True  # "ES-10/19", "S-26/2"
    value = int(first)
    if row.numbering is Numbering.YEAR:
        if value < (row.first_year or 1946):
            return False
        if row.last_year is not None and value > row.last_year:
            return False
        return year is None or value <= year
    if row.numbering is not Numbering.SESSION:
        return False
    if value < 1 or (value <= row.roman_until and organ is Organ.GA):
        return False
    if session is not None and value > session:
        return False
    if year is not None:
        top = max_session(organ, year)
        if top is not None and value > top:
            return False
    return True


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
