"""Regexes and span-ruler patterns for citations, built from named pieces.

Every piece carries a comment naming the real text it exists for. Nothing here imports
spaCy: the ruler patterns are plain data, the tokenizer's ``token_match`` a plain callable,
so this module is safe on every path.

Two layers use these pieces:

- the spaCy pipeline (``resdex.indexer.nlp``): the tokenizer keeps symbols whole (``token_match``)
  and a span ruler finds *anchors*: an explicit symbol token ("A/CONF.157/24"), or a
  keyword followed by a resolution number ("resolution 70/153", "resolutions 660 (1990)");
- the resolver (``resdex.indexer.resolve``): from an anchor's character offset it reads the full
  reference with the text-level regexes below (list members, lettered parts, parts,
  pinpoints, corrigenda, joint symbols) and the organ named around it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

from resdex.indexer.organs import (
    ADOPTING,
    SERIES_ROOTS,
    Organ,
    name_alternation,
)

# --- explicit document symbols -------------------------------------------------------

# Roots of UN document series (the first component of a symbol), from the organ table
# (``resdex.indexer.organs``): "A/CONF.157/24", "S/2023/123", "E/CN.4/2001/2",
# "ST/SGB/2019/8", "TD/519/Add.2", "UNEP/EA.5/Res.1", "FCCC/CP/2015/10/Add.1",
# "CBD/COP/15/4", "ICCD/COP(16)/...", "NPT/CONF.2020/1", "CEDAW/C/GC/39", "HRI/GEN/1",
# "JIU/REP/2020/8", "HSP/HA.2/...". Only UN series count; left out on purpose (not UN
# document series): "WT/MIN(22)/..." (WTO), "CM/Rec(2010)5" (Council of Europe),
# "AU/Dec.718" (African Union), "GC(67)/RES/13" (IAEA), "WHA58/2005/REC/1" (WHO),
# "ISBA/21/A/9" (International Seabed Authority), "LEG/CONF.17/..." (IMO), "IOC/A-32/..."
# (UNESCO), "HIV/AIDS" (not a symbol at all); found by a survey of the corpus's symbols
# (issue 9): "GOV/2022/17" (IAEA Board), "COFI/2022/4.1/Rev.1", "FIRO/R957" (FAO),
# "SOLAS/CONF.5/32", "BWM/CONF/36", "MEPC.1/Circ.909" (IMO), "GB.346/LILS/3",
# "TWGSHE/2022/7", "STCMLC/2025" (ILO), "IDB.48/Dec.8" (UNIDO), "ATT/CSP9/2023/SEC/773"
# (Arms Trade Treaty secretariat), "MRE/RES.1/91", "CP/RES.594" (OAS), "ECM/Res.5 (III)"
# (OAU).
UN_SERIES_ROOTS: Final[tuple[str, ...]] = SERIES_ROOTS
# OCR of the Security Council texts reads "S/" as "$/" or "S$/": "document $/26627 cf 25
# October 1993" (S/RES/885 (1993)), "Ibid., document S$/21909." (S/RES/675 (1990)
# footnote 99); the resolver reads both as "S/".
OCR_S_ROOTS: Final[tuple[str, ...]] = ("S$", "$")
_ROOT: Final = "(?:" + "|".join(sorted(UN_SERIES_ROOTS, key=len, reverse=True)) + r"|S?\$)"

# One component between slashes: "RES", "CONF.157", "Sub.2", "Add.2", "SR.1–28" (a range,
# "A/C.6/64/SR.1–28/Corrigendum"), "ES-10" ("A/ES-10/L.1"), "2-E" (the seam of the joint
# symbol "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46", split again by the resolver), "COP(16)"
# ("ICCD/COP(16)/23"), "242(1967)" ("S/RES/242(1967)").
_COMPONENT: Final = r"[A-Za-z0-9]+(?:[.\-–][A-Za-z0-9]+)*(?:\([A-Za-z0-9.\-]{1,8}\))?"

# A whole symbol: root, then one or more components; at least one digit somewhere
# ("A/RES" or "S/PRST" alone are not symbols; "S/3122", an early Security Council
# document cited as "document S/3122", is).
SYMBOL: Final = rf"{_ROOT}(?:/{_COMPONENT})+"
SYMBOL_RE: Final = re.compile(rf"(?<![\w/.\-])(?=[^\s]*\d){SYMBOL}(?![\w/])")
SYMBOL_TOKEN_RE: Final = re.compile(rf"(?=[^\s]*\d){SYMBOL}")

# The seam of a joint symbol: "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46",
# "A/78/181-S/2023/511" (a hyphen or dash followed by a new root and a slash).
JOINT_SEAM_RE: Final = re.compile(rf"[-–](?={_ROOT}/)")

# A resolution symbol of the Security Council or of an early General Assembly session
# written with a space before its year or session: "S/RES/242 (1967)", "A/RES/1514 (XV)".
SYMBOL_SESSION_SUFFIX_RE: Final = re.compile(r"\s?\((?P<session>\d{4}|(?:E?S-)?[IVXL]+)\)")

# A parenthetical part after a symbol: "A/CONF.157/24 (Part I)", "A/80/6 (Sect. 24)",
# "A/78/6 (Plan outline)", "A/77/5 (Vol. I)", "A/74/6 (Parts I and II)",
# "NPT/CONF.2010/50 (Vol. I)", "A/73/12 (Part Two)", "A/79/6 (Prog. 24)".
PART_RE: Final = re.compile(
    r"\s?(?P<part>\((?:Parts?|Sect\.|Vol\.|Prog\.|Plan outline|Supplement)[^()]{0,24}\))"
)

# A corrigendum, addendum or revision glued to the part: "A/80/6 (Sect. 24)/Corr.1",
# "A/CONF.171/13 (Part I)/Corr.2".
GLUED_SUFFIX_RE: Final = re.compile(r"(?P<suffix>(?:/(?:Corr|Add|Rev|Amend)\.\d+)+)")

# "A/69/488/Add.2 and Corr.1" (report line of A/RES/69/179): a corrigendum to the symbol
# before it; also "and Add.1", "and Rev.1".
# "Ibid., document S/16858 and Add.1." (S/RES/559 (1984) footnote 50): the full stop after
# it ends the sentence.
AND_CORR_RE: Final = re.compile(
    r"(?P<sep>\s+and\s+)(?P<doc>(?:Corr|Add|Rev)\.\d+)(?![\w/\-–]|\.\w)"
)

# Pinpoints after a citation: "A/CONF.157/24 (Part I), chap. III", "(A/79/458/Add.2,
# para. 99)", "(A/71/53), chap. V, sect. A", "Resolution 70/1, annex",
# "resolution 60/1, paras. 138 and 139", "resolution 217 A (III), annex II",
# "resolutions 2253 (2015), in particular paragraph 15, 2322 (2016)" (A/RES/79/133).
_PINPOINT_ITEM: Final = (
    r"(?:in particular\s+)?"
    r"(?:chap\.|chapter|sect\.|section|paras?\.|paragraphs?|annex(?:es)?|appendix|"
    r"art\.|article|footnote|p\.|pp\.)"
    r"(?:\s+(?:[IVXL]+|\d+|[A-Z])(?:\s*(?:[–-]|and|to)\s*(?:[IVXL]+|\d+|[A-Z]))*)?"
    r"(?:\s*\([a-z0-9]{1,4}\))?"
)
PINPOINT_RE: Final = re.compile(
    rf",\s(?P<pinpoint>{_PINPOINT_ITEM}(?:,\s{_PINPOINT_ITEM})*)(?![\w])"
)

# --- resolutions and decisions written by number ------------------------------------

# The keyword that opens a reference: "its resolution 70/153", "Resolution 55/2."
# (a footnote), "resolutions 64/117 of …", "decision 63/550", "decisions 2/102".
KEYWORDS: Final[tuple[str, ...]] = ("resolution", "resolutions", "decision", "decisions")

# A number with its session: "70/153", "2004/67" (Economic and Social Council, year
# first), "ES-10/19" (emergency special session), "S-26/2" (special session),
# "S-30/1" (Human Rights Council special session), with a non-breaking hyphen
# "ES‑10/15", "S‑29/1" (U+2011, A/RES/80/80, A/RES/80/221).
_SESSION_NUMBER: Final = r"(?:E?S[-‑])?\d{1,4}/\d{1,4}"
# The older form, number then session or year in brackets: "1514 (XV)" (General
# Assembly sessions 1-30), "217 A (III)" (lettered part before the session),
# "1803 (XVII)", "S-IV" special session "1 (S-IV)", "242 (1967)" and "1325 (2000)"
# (Security Council), "155 C (VII)" (Economic and Social Council).
_BRACKET_SESSION: Final = r"\d{4}|(?:E?S[-‑])?[IVXL]+"
_BRACKET_NUMBER: Final = (
    rf"\d{{1,4}}(?:\s?(?P<bletter>[A-H]))?\s?\((?P<bsession>{_BRACKET_SESSION})\)"
)

# One member of a reference: its number, an optional lettered part ("51/153 B",
# "53/243 A and B", "55/5 B and C", disarmament texts run to "56/24 R", "53/77 AA"), an
# optional date ("of 16 December 2009", in Security Council lists the year is often left
# to the last one: "254 (1968) of 18 June and 261 (1968) of 10 December 1968",
# OCR "of 3 Apri] 1991"), an optional title (", entitled “…”,").
_LETTER_PART: Final = (
    r"\s(?P<letter>[A-Z]{1,2}(?:(?:,\s?|\s(?:and|to)\s|[–-])[A-Z]{1,2})*)(?![\w/’'])"
)
# OCR lost the brackets of a Security Council number: "775 1992 of 28 August 1992",
# "its resolution 868 1993 of 29 September 1993" (S/RES/885 (1993)); only with a date.
_BARE_YEAR_NUMBER: Final = r"\d{1,4}\s(?P<nyear>(?:19[4-9]|20[0-4])\d)(?=\s+of\s+\d)"
# OCR lost or garbled the opening bracket of a year: "Recalling its resolutions 387 1976),
# 418 (1977), 428 (1978)" (S/RES/546 (1984) PP2); the closing bracket stays.
_BROKEN_BRACKET_NUMBER: Final = (
    r"\d{1,4}\s?(?:[^\s\d(),;]{1,2}\s?)?(?P<oyear>(?:19[4-9]|20[0-4])\d)\)"
)
MEMBER_RE: Final = re.compile(
    rf"(?P<number>{_BRACKET_NUMBER}|{_BARE_YEAR_NUMBER}|{_BROKEN_BRACKET_NUMBER}"
    rf"|(?P<snum>{_SESSION_NUMBER}))"
    r"(?![\d/])"
    rf"(?:{_LETTER_PART})?"
)
# A date malformed with "of" between its parts: "77/203 of 15 of December of 2022 and
# 78/189 of 19 December 2023" (ga-text/A_RES_78_189, A_RES_79_159, A_RES_80_191 PP2):
# the list goes on after it.
_DAY_OF: Final = r"(?:\s+of)?"
_DATE: Final = (
    rf",?\s+(?:of|on|adopted on)\s+\d{{1,2}}{_DAY_OF},?\s+[A-Z][a-z\]\-]+"
    rf"(?:,?{_DAY_OF}\s+\d{{4}}(?!\s?\())?"
)
DATE_RE: Final = re.compile(_DATE)
# A footnote marker left glued to a member or its date when the text was not cleaned of
# it: "54/9 of 11 October 202336 and 54/18,37 54/22" (A/RES/78/253), "General Assembly
# resolution 77/37,4 including", "resolution 1514 (XV),7". The comma, when there, is the
# list's own.
GLUED_MARKER_RE: Final = re.compile(r"(?P<comma>,)?\d{1,3}(?=[\s,;.)]|$)")
# What a member is about, when another member follows: "78/188 of 19 December 2023 on
# the girl child and 78/187 of …" (A/RES/79/158), "… of 25 July 1980 on international
# years and anniversaries and 1989/84 of 24 May 1989" (ECOSOC, A/RES/79/283). It never
# runs over another reference: "… on the situation … Ukraine, its resolutions 73/194 of
# …, 74/17" (A/RES/78/221) are two lists.
_NEXT_MEMBER: Final = r"(?:E?S[-‑]\d|\d{1,4}/\d|\d{1,4}(?:\s[A-Z]{1,2})?\s\()"
TOPIC_RE: Final = re.compile(
    r"\s+(?:on|concerning|relating to|regarding)\s+"
    r"(?:(?!\b(?:[Rr]esolutions?|[Dd]ecisions?|its)\b|\d{1,4}/)[^;:()“”\"]){1,200}?"
    rf"(?=(?:,\s*(?:and\s+|as well as\s+)?|\s+(?:and|as well as)\s+){_NEXT_MEMBER})"
)
ENTITLED_RE: Final = re.compile(r",?\s+entitled\s+[“\"][^”\"]{0,400}[”\"]")
# Between members (after a glued marker that took the comma, whitespace is enough):
# "64/117 of 16 December 2009, 65/33", "1/1 and 5/2",
# "70/1, 71/313 and 72/279", "…, and 79/127", "660 (1990) … as well as 678 (1990)".
LIST_SEP_RE: Final = re.compile(r"(?:,\s*(?:and\s+|as well as\s+)?|\s+(?:and|or|as well as)\s+)")
# "See resolutions 54/249, sect. …; 55/222, sect. III, para. 12; 56/64 B, sect. X"
# (A/RES/78/103 footnote 26): after a pinpoint, a semicolon separates members too.
AFTER_PINPOINT_SEP_RE: Final = re.compile(r";\s+(?:and\s+)?")
AFTER_COMMA_SEP_RE: Final = re.compile(r"\s+(?:(?:and|or|as well as)\s+)?")

# The keyword then the first member: "resolution 70/153" (used to read a reference at an
# anchor; the ruler has already told where it starts).
REFERENCE_HEAD_RE: Final = re.compile(r"(?P<kw>[Rr]esolutions?|[Dd]ecisions?)\s+")

# The document's own number in "the present resolution" never has a number; a bare
# number after a keyword that is not followed by a session ("resolution 5") is no
# citation.

# --- organs named around a reference ------------------------------------------------

# Every body of the organ table, each name in its own group (``organs.organ_of`` reads
# which): "Sub-Commission on the Promotion and Protection of Human Rights", "Commission on
# Human Rights", "Human Rights Council", "Economic and Social Council", "Security
# Council", "General Assembly", "United Nations Environment Assembly", "Commission on
# Narcotic Drugs", "Conference of the Parties to the Convention on Biological Diversity".
_ORGAN_NAME: Final = name_alternation(groups=True)


@dataclass(frozen=True, slots=True)
class AroundOrgan:
    """The regexes that read the organ named around a reference: each the name of any body
    of the table (``_ORGAN_NAME``) between what stands before it and what after it."""

    before: re.Pattern[str]
    context_before: re.Pattern[str]
    list_head_before: re.Pattern[str]
    after_by: re.Pattern[str]
    after_of: re.Pattern[str]
    acting_before: re.Pattern[str]
    subject_after: re.Pattern[str]


def _around_organ(before: str, after: str) -> re.Pattern[str]:
    return re.compile(before + _ORGAN_NAME + after)


AROUND_ORGAN: Final = AroundOrgan(
    # The organ written right before the keyword (the end of the text before it): "Sub-
    # Commission on the Promotion and Protection of Human Rights resolution 2000/22",
    # "Commission on Human Rights resolution 2005/69", "Human Rights Council resolution 32/6",
    # "Economic and Social Council resolution 2004/67", "Security Council resolution 1541
    # (2004)", "General Assembly resolution 1514 (XV)", "United Nations Environment Assembly
    # resolution 5/1", "Commission on Narcotic Drugs resolution 60/1" (no series: no citation).
    before=_around_organ("", r"(?:['’]s)?$"),
    # The organ named just before a list that belongs to it: "the resolutions and decisions
    # of the Human Rights Council, the most recent of which being resolutions 59/2 of …"
    # (A/RES/80/221).
    context_before=_around_organ(
        r"(?:of|by) the ",
        r",?\s+(?:the\s+(?:most\s+recent|latest|last)\s+of\s+which"
        r"\s+(?:being|is|are|was|were)|in\s+particular|including|notably)$",
    ),
    # The organ named before a keyword without numbers that the list then picks out:
    # "relevant Human Rights Council resolutions, in particular resolutions 7/34 of 28 March
    # 2008" (A/RES/78/190 PP), "Human Rights Council resolutions on the subject, including
    # resolution 54/3" (A/RES/78/191 PP), "all relevant Human Rights Council resolutions on
    # the topic, including resolutions 19/11" (A/RES/78/208 PP).
    list_head_before=_around_organ(
        "",
        r"\s+(?:resolutions|decisions)(?:\s+and\s+(?:resolutions|decisions))?"
        r"(?:\s+(?:on|concerning|relating to|regarding)\s+[^,.;:()]{1,100}?)?"
        r",?\s+(?:in\s+particular|including|notably)$",
    ),
    # The organ named after the reference in the same clause: "resolution 2000/22 of
    # 18 August 2000, on the promotion of dialogue on human rights issues, by the
    # Subcommission on the Promotion and Protection of Human Rights" (A/RES/71/194 PP);
    # "resolutions 5/1 and 5/2 of the Human Rights Council".
    after_by=_around_organ(r"\bby the ", ""),
    after_of=_around_organ(r"\s*,?\s*(?:both\s+|all\s+)?(?:adopted\s+by|of)\s+the\s+", ""),
    # The organ that acts in the clause, named before the keyword: "the decision by the United
    # Nations Environment Assembly at its resumed fifth session, in resolution 5/14"
    # (A/C.2/80/L.27 OP19), "the adoption, by the Economic and Social Commission for Asia and
    # the Pacific at its seventy-ninth session, of resolution 79/8" (A/RES/78/147 PP9), "the
    # request by the United Nations Environment Assembly at its second session, in paragraph 6
    # of its resolution 2/10" (A/RES/78/69 OP197), "the decision of the United Nations
    # Environment Assembly, in paragraph 1 of its resolution 5/14" (A/RES/78/69 OP220).
    acting_before=_around_organ(
        r"\b(?:by|of) the ",
        r"(?:,?\s+at\s+its\s+[\w\s-]{1,40}?session)?"
        r"(?:,?\s+(?:in|of|through|by)(?:\s+paragraphs?\s+\d+(?:\s+\([a-z]\))?\s+of)?)?,?$",
    ),
    # "its resolution …, the X <verb>": the organ is the subject named after the reference:
    # "through its resolution 54/18 of 12 October 2023, the Human Rights Council submitted"
    # (A/C.3/80/L.38 OP7).
    subject_after=_around_organ(
        r"(?:\d{1,3})?,\s+the ", r"\s+(?!resolutions?\b|decisions?\b)[a-z]"
    ),
)

# "the General Assembly in its resolution 60/1", "the Council, in its resolution 5/1",
# "Recalling its resolution 70/153", "its most recent resolution 78/199": the words
# between an organ (or nothing) and the keyword.
_ITS_QUALIFIERS: Final = ("own", "previous", "earlier", "most recent", "latest", "relevant", "last")
_ITS_QUALIFIER = "|".join(q.replace(" ", r"\s+") for q in _ITS_QUALIFIERS)
ITS_TAIL_RE: Final = re.compile(
    rf"(?:,?\s+(?:in|by|through|under|with)\s+)?(?<![\w])its(?:\s+(?:{_ITS_QUALIFIER}))?$"
)
# How ``ITS_TAIL_RE`` can end (a cheap test before the search, which tries every position
# of the window): "its", "its own", "its most recent" …
ITS_TAIL_ENDINGS: Final[tuple[str, ...]] = ("its", *(q.split()[-1] for q in _ITS_QUALIFIERS))
# How ``AROUND_ORGAN.context_before`` and ``.list_head_before`` can end (a cheap test
# before the costly search).
LIST_HEAD_ENDINGS: Final[tuple[str, ...]] = (
    "being", "is", "are", "was", "were", "particular", "including", "notably",
)  # fmt: skip
# A last word naming a body of its own that the table does not name: "Executive Board
# decision 2014/7", "Conference of the Parties decision 1/CP.21", "IMO Assembly resolution
# A.1110(30)".
OTHER_BODY_WORDS: Final[frozenset[str]] = frozenset(
    {
        "Assembly", "Council", "Commission", "Board", "Boards", "Conference", "Committee",
        "Organization", "Parties", "Meeting", "Forum", "Programme", "Fund", "Agency",
        "Union", "Court", "Tribunal", "Authority", "Congress", "Summit", "Group", "Body",
        "Session", "Secretariat", "Office", "Women", "Drugs", "Justice", "Development",
        "Governors", "Ministers", "States", "Commissions", "Councils",
    }
)  # fmt: skip
# The last word before the keyword (after "in its" is stripped): "Council" in "the
# Council resolution", an acronym "UNEP" or "WHO".
# Matched on the reversed window (an end-anchored search would try every position): the
# last word, then the token before it, both reversed.
LAST_WORD_REVERSED_RE: Final = re.compile(r"(?P<word>[\w\-’']+)(?:\s*(?P<prev>\S+))?")
ACRONYM_RE: Final = re.compile(r"^[A-Z]{2,}$")
# A bare "Council" right before the keyword takes the last council named earlier in the
# same text: "… Human Rights Council … Council resolution 5/1".
LAST_COUNCIL_RE: Final = re.compile(
    name_alternation(tuple(o for o in ADOPTING if o is not Organ.GA), groups=True)
)
# A document named right before the keyword, nothing but its pinpoints between: the
# reference is to a text that document holds: "United Nations Environment Programme,
# document CBD/COP/15/17, decision 15/4, annex." (A/RES/80/3 footnote 11), "See
# CAC/COSP/2021/17, sect. I.A, resolution 9/2, para. 15." (A/RES/79/190 footnote 37),
# "Supplement No. 53 (A/73/53), chap. IV, sect. A, resolution 37/17." (A/RES/79/133
# footnote 20), "Supplement No. 25 (A/69/25), annex, resolution 1/1" (A/RES/79/209).
_SECTION: Final = r"sect\.?\s+[IVXL]+\.[A-Z]"
DOCUMENT_BEFORE_RE: Final = re.compile(
    rf"(?P<symbol>{SYMBOL})\)?(?:,\s*(?:{_SECTION}|{_PINPOINT_ITEM}))*,$"
)
# Any organ of the table, anywhere (the sentence search of a re-attribution).
ORGAN_ANY_RE: Final = re.compile(_ORGAN_NAME)
# Where a sentence ends, for the organs named in the same sentence: ";" or a full stop
# before a capitalized word ("sect. I.A, resolution 9/2" does not end one).
SENTENCE_END_RE: Final = re.compile(r";|\.\s+(?=[A-Z][a-z])")

# What may stand between a list whose organ was named before it and a bare keyword that
# goes on with the same organ's list: a topic (or a glued footnote marker) then "and",
# ", and", "as well as": "Human Rights Council resolutions 28/16 of 26 March 2015, … and
# 54/21 of 16 October 2023 on the right to privacy in the digital age and resolutions
# 32/13 of 1 July 2016" (A/RES/79/175 PP2), "Human Rights Council decision 18/120 of
# 30 September 2011 and resolutions 24/14 of 27 September 2013" (A/RES/78/202 PP2),
# "… 24/33 of 27 September 2013 on technical cooperation … albinism, as well as
# resolutions 28/6" (A/RES/78/171 PP). The topic names no other body and opens no clause:
# "…, and its resolution …", "… of the General Assembly, and resolution …" stop it.
_NO_ORGAN_WORD: Final = (
    r"(?!\b(?:[Rr]esolutions?|[Dd]ecisions?|its|their|Assembly|Council|Commission|"
    r"Sub-?[Cc]ommission|Conference|Committee|Board|Parties)\b)"
)
LIST_CONTINUES_RE: Final = re.compile(
    r"(?:,?\s+(?:on|concerning|relating to|regarding|pertaining to)\s+"
    rf"(?:{_NO_ORGAN_WORD}[^;:.()“”\"/]){{1,200}}?)?"
    r"(?:\d{1,3}(?=[\s,]))?"
    r"(?:,\s*(?:and\s+|as well as\s+)|\s+(?:and|as well as)\s+)"
)
# Where the look-ahead for "by the …" stops: the end of the sentence or clause, or the
# next reference keyword.
# A new coordinated clause ends it too: "… of resolution 66/68, and notes in particular the
# support provided by the Food and Agriculture Organization" (A/RES/80/109 OP242).
CLAUSE_END_RE: Final = re.compile(
    r"[.;:]\s|[.;:]$|\b[Rr]esolutions?\b|\b[Dd]ecisions?\b|,\s+and\s+[a-z]+s\b"
)

# --- the cheap pre-check ---------------------------------------------------------------

# A text can hold a citation only if it has a keyword followed (soon) by a digit or a
# special-session number, or a series root followed by a slash. Everything else is skipped
# before spaCy sees it (most paragraphs). Two searches that Python's ``re`` runs fast (a
# literal first letter; a letter class), the root checked against the table afterwards.
MAY_CITE_KEYWORD_RE: Final = re.compile(r"(?:esolutions?|ecisions?)\s+(?:E?S[-‑])?\d")
# (as long as the longest root: "UNCTAD/RMT/2023", A/RES/80/110 footnote 125)
_LONGEST_ROOT: Final = max(map(len, UN_SERIES_ROOTS))
MAY_CITE_ROOT_RE: Final = re.compile(rf"(?<![\w/.\-])([A-Z]{{1,{_LONGEST_ROOT}}}|S?\$)/")
MAY_CITE_ROOTS: Final[frozenset[str]] = frozenset((*UN_SERIES_ROOTS, *OCR_S_ROOTS))


def may_cite(text: str) -> bool:
    """Whether ``text`` can hold a citation by number or symbol (the cheap pre-check)."""
    # (the cheap test first: both keywords' stems found by a fast skip; the regex, opening
    # with "e", is tried at every "e" of the text)
    if ("esolution" in text or "ecision" in text) and MAY_CITE_KEYWORD_RE.search(text):
        return True
    if "/" not in text:
        return False
    return any(m.group(1) in MAY_CITE_ROOTS for m in MAY_CITE_ROOT_RE.finditer(text))


# --- the tokenizer ---------------------------------------------------------------------

# Strings the tokenizer keeps whole: symbols ("A/CONF.157/24", "E/CN.4/Sub.2/2000/46",
# "A/69/488/Add.2", "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46"), session numbers ("70/153",
# "ES-10/19", "S-26/2") and bracketed special sessions ("S-IV" in "1803 (S-IV)").
# A number glued to its bracket: "resolution 2248(S-V) of 19 May 1967" (S/RES/385 (1976)
# PP3), kept whole so that the ruler sees it.
_GLUED_BRACKET: Final = rf"\d{{1,4}}[A-H]?\((?:{_BRACKET_SESSION})\)"
TOKEN_MATCH_RE: Final = re.compile(
    rf"(?=[^\s]*\d){SYMBOL}|{_SESSION_NUMBER}|E?S[-‑][IVXL]+|{_GLUED_BRACKET}"
)

# --- span ruler patterns ---------------------------------------------------------------

LABEL_SYMBOL: Final = "CITE_SYMBOL"
LABEL_REFERENCE: Final = "CITE_REFERENCE"

_KEYWORD_TOKEN: Final[dict[str, Any]] = {"LOWER": {"IN": list(KEYWORDS)}}
# "70/153", "2004/67", "ES-10/19", "S-26/2" (one token thanks to TOKEN_MATCH_RE)
_SESSION_NUMBER_TOKEN: Final[dict[str, Any]] = {"TEXT": {"REGEX": rf"^{_SESSION_NUMBER}$"}}
# "1514", "242", "217" before an optional letter and a bracketed session
_BARE_NUMBER_TOKEN: Final[dict[str, Any]] = {"TEXT": {"REGEX": r"^\d{1,4}$"}}
_LETTER_TOKEN: Final[dict[str, Any]] = {"TEXT": {"REGEX": r"^[A-Z]{1,2}$"}, "OP": "?"}
RULER_PATTERNS: Final[tuple[dict[str, Any], ...]] = (
    # "A/CONF.157/24", "A/71/53", "S/3122", "E/CN.4/2001/2-E/CN.4/Sub.2/2000/46"
    {
        "label": LABEL_SYMBOL,
        "id": "symbol",
        "pattern": [{"TEXT": {"REGEX": rf"^{SYMBOL_TOKEN_RE.pattern}$"}}],
    },
    # "its resolution 70/153", "decision 63/550", "resolution ES-10/19"
    {
        "label": LABEL_REFERENCE,
        "id": "session-number",
        "pattern": [_KEYWORD_TOKEN, _SESSION_NUMBER_TOKEN],
    },
    # "resolution 1514 (XV)", "Resolution 217 A (III)", "its resolutions 660 (1990)",
    # "resolution 1803 (S-IV)" (the resolver reads the bracket: "(XV),7" may be one token)
    {
        "label": LABEL_REFERENCE,
        "id": "bracket-session",
        "pattern": [
            _KEYWORD_TOKEN,
            _BARE_NUMBER_TOKEN,
            _LETTER_TOKEN,
            {"ORTH": "("},
        ],
    },
    # OCR garbled the opening bracket: "resolutions 387 1976), 418 (1977)" (S/RES/546 (1984)
    # PP2) is the bare-year pattern; a stray character stands for it in "662 é 1990)"
    {
        "label": LABEL_REFERENCE,
        "id": "garbled-bracket",
        "pattern": [
            _KEYWORD_TOKEN,
            _BARE_NUMBER_TOKEN,
            {"TEXT": {"REGEX": r"^[^\s\d(),;]{1,2}$"}},
            {"TEXT": {"REGEX": r"^(?:19[4-9]|20[0-4])\d$"}},
            {"ORTH": ")"},
        ],
    },
    # "resolution 2248(S-V) of 19 May 1967" (one token thanks to TOKEN_MATCH_RE)
    {
        "label": LABEL_REFERENCE,
        "id": "glued-bracket",
        "pattern": [_KEYWORD_TOKEN, {"TEXT": {"REGEX": rf"^{_GLUED_BRACKET}$"}}],
    },
    # OCR without brackets: "its resolution 868 1993 of 29 September 1993"
    {
        "label": LABEL_REFERENCE,
        "id": "bare-year",
        "pattern": [
            _KEYWORD_TOKEN,
            _BARE_NUMBER_TOKEN,
            {"TEXT": {"REGEX": r"^(?:19[4-9]|20[0-4])\d$"}},
        ],
    },
)


# The tokenizer's ``token_match``: keep a whole string that is a symbol or number (the
# regex's own method, as spaCy's defaults are, not a Python function around it: the
# tokenizer calls it for every run of characters it splits, 1.5% of parsing and tagging)
token_match: Final = TOKEN_MATCH_RE.fullmatch


# --- the windows the ruler's matcher runs over (``resdex.indexer.nlp.windows``) ---------------

# Where a match can start: a keyword token ("resolution", "Decisions": the ruler compares
# the lower case) or a symbol token (every symbol has a slash: "A/CONF.157/24"); found as
# the whole run of non-space characters holding one ("(A/71/53),", "resolution").
START_WORDS: Final = ("resolution", "decision")
START_CHUNK_RE: Final = re.compile(rf"(?<!\S)\S*?(?:(?i:{'|'.join(START_WORDS)})|/)\S*")
# The letters that case-insensitive matching takes for one of the letters of
# ``START_WORDS`` although their lower case is not it ("İ", "ı", "ſ": "reſolution"): a text
# holding none of them has a start word where its lower case has it (``nlp.windows``).
START_WORD_SLIPS: Final = "\u0130\u0131\u017f"
# The longest ruler pattern, in tokens: "resolutions 387 é 1990)" (garbled-bracket); every
# run of non-space characters after the first gives at least one token.
_LONGEST_PATTERN: Final = max(len(p["pattern"]) for p in RULER_PATTERNS)
FOLLOWING_RE: Final = re.compile(rf"(?:\s+\S+){{0,{_LONGEST_PATTERN}}}")
# What a start chunk needs for a match to start in it (``nlp.windows``): every pattern holds
# a digit in the token after its keyword ("resolution 70/153", "resolutions 387 1976)",
# "resolution 2248(S-V)") and in its symbol ("A/71/53"), and a token never crosses
# whitespace. So a keyword opens a match only with a digit in its own run or the run after
# it, and reaches further only then; a run with a slash and no keyword ("(A/71/484/Add.2)")
# is a match of one token at most, and needs no run after it ("and/or": none at all).
START_WORD_RE: Final = re.compile(rf"(?i:{'|'.join(START_WORDS)})")
NEXT_RUN_RE: Final = re.compile(r"\s+\S+")
DIGIT_RE: Final = re.compile(r"\d")
