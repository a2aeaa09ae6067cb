"""Every regular expression of the parser, built from named pieces.

Each piece carries a comment naming the real text it exists for. Nothing here does any
work: ``sources``, ``clean`` and ``structure`` import the compiled patterns.
"""

from __future__ import annotations

import re

from resdex.indexer.organs import ADOPTING, Organ, name_alternation


def word_set(text: str) -> frozenset[str]:
    """The words of a whitespace-separated list, as a set."""
    return frozenset(text.split())


def word_list(text: str) -> tuple[str, ...]:
    """The words of a whitespace-separated list, in order."""
    return tuple(text.split())


def search_end(regex: re.Pattern[str], text: str) -> re.Match[str] | None:
    """``regex.search(text)`` for a regex of ``END_REACH`` (anchored at the end): searched
    from where its match can start, ``END_REACH[regex]`` characters before the end of the
    text without its trailing whitespace (from the start when the text ends with an
    explicit marker "[^12]", of any length), not from every position of the text."""
    end = len(text.rstrip())
    start = 0 if "]" in text[end - 2 : end] else max(0, end - END_REACH[regex])
    return regex.search(text, start)


# --------------------------------------------------------------------------- pieces

# the month names, in order ("18 December 2025")
MONTH_NAMES = """January February March April May June July August September October November
December"""
# OCR slips of month names, read back by ``structure.dates``: "of 3 Apri] 1991"
# (sc-text/S_RES_0687_1991), "on 10 Auqust 1993" (sc-text/S_RES_0856_1993)
OCR_MONTHS = {"Apri]": "April", "Auqust": "August"}
# "December", and the OCR slips above
MONTH = "(?:" + "|".join([*word_list(MONTH_NAMES), *map(re.escape, OCR_MONTHS)]) + ")"
# "18 December 2025", "1 December 2025"
DATE = rf"\d{{1,2}}\s+{MONTH}\s+\d{{4}}"
# "Seventy-first", "Eightieth", "Sixty-ninth" (the session line)
ORDINAL_TAIL = r"[a-z]+(?:-[a-z]+)?"
ORDINAL_WORD = rf"[A-Z]{ORDINAL_TAIL}"
# "A/RES/80/204", "A/80/L.10", "A/C.3/80/L.10/Rev.1", "A/HRC/RES/32/6", "A/ES-10/L.30"
UN_SYMBOL = r"(?:A|S|E)/(?:[A-Z0-9.\-]+/)*[A-Za-z0-9.\-]+(?:/(?:Rev|Add|Corr)\.\d+)*"
# "A/RES/80/204": the symbol line of an adopted General Assembly resolution
GA_RES_SYMBOL = r"A/RES/(?:ES-\d+/|S-\d+/)?\d+/\d+"
# "A/80/L.10", "A/C.3/80/L.10", "A/C.1/80/L.5/Rev.1": a draft's symbol line
DRAFT_SYMBOL = r"A/(?:C\.\d/)?\d+/L\.\d+(?:/Rev\.\d+)?(?:/Add\.\d+)?"
# "25-20958 (E)", "25-17857 (E)    121125", "25-20958" (page running head),
# "14-67668 (E)" (seed A/RES/69/179)
JOB_NUMBER = r"\d{2}-\d{5}(?:\s*\(E\))?(?:\s+\d{6})?"
# "*2520958*", "*1467668*Please recycle" (bar code line of the first page)
BARCODE = r"\*\d{7}\*"
# "____________" the rule above a page's footnotes; "---" in Markdown footers
RULE_MIN = 5  # (a page without a run of as many "_" has no rule: ``clean.split_page_footnotes``)
RULE = rf"_{{{RULE_MIN},}}"
# "¹²³": superscript digits (seed A/RES/71/194: "25 June 1993,¹")
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# "Agenda item 68 (b)", "Agenda items 20 and 134", "Agenda items 17 (a) and 18"
AGENDA_ITEM = r"\d+(?:\s*\([a-z]\))?"

# --------------------------------------------------------------------------- sources

# "United Nations \nA/RES/80/204": the first lines of an official PDF or its text
UN_HEADER_RE = re.compile(
    rf"\A\s*United Nations\s*(?:\n\s*)?(?:{GA_RES_SYMBOL}|{DRAFT_SYMBOL})\s*$", re.MULTILINE
)
# "<<ODS JOB NO>>N1470807E<<ODS JOB NO>>", "[DU1]" (seed A/RES/69/179)
ODS_FIELD_RE = re.compile(r"<<ODS [A-Z0-9 ]+>>|^\[DU\d+\]", re.MULTILINE)
# "---\nsymbol: A/RES/80/10\n" (ga-md/ YAML header); "[70/1](#)" (seed A/RES/71/194)
MD_FRONT_MATTER_RE = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
MD_LINK_RE = re.compile(r"\[([^\[\]\n]+)\]\((?:#|[^)\s]*)\)")
# "Resolution 242 (1967)\nof 22 November 1967", "RESOLUTION 761 (1992)",
# "128 (1958). Resolution of 11 June 1958", "1 (1946) Resolution of 25 January 1946"
# "Resolution 290\nof 8 December 1970" (no year, S_RES_0290_1970),
# "Resolution 361 (197-4)" (OCR, S_RES_0361_1974)
SC_HEADING_RE = re.compile(
    r"^\s*(?:RESOLUTION|Resolution)\s+(?P<n1>\d+)\s*(?:\((?P<y1>\d{3}-?\d)\)|\s+(?=of\s))"
    r"|^\s*(?P<n2>\d+)\s*\((?P<y2>\d{4})\)\.?\s+Resolution\s+of",
    re.MULTILINE,
)
# "The General Assembly," / "The Security Council," (also without the comma in OCR)
# (the names from the organ table, ``resdex.indexer.organs``: read back with ``organ_of``)
# "The Security Council / Resolves:" (one block once cleaned: the old form of
# sc-text/S_RES_0070_1949 and S_RES_0015_1946, the operative part after it)
ORGAN_OPENING_RE = re.compile(
    rf"^\s*The\s+(?P<organ>{name_alternation(ADOPTING, groups=True)})\s*[,.;:]?"
    r"(?:\s+Resolves\s*:)?\s*$"
)

# --------------------------------------------------------------------------- cleaning

# a job number, a bar code or "Please recycle" standing alone on a line:
# "14-67668 (E)", "*1467668*Please recycle" (seed A/RES/69/179)
NOISE_LINE_RE = re.compile(
    rf"^\s*(?:{JOB_NUMBER}|{BARCODE}\s*(?:Please recycle)?|Please recycle)\s*$"
)
# a running head's page mark line, alone or beside the job number:
# "2/4 ", "25-20958 2/4 " (PDF), "3/4 25-20958 " (PDF)
PAGE_MARK_LINE_RE = re.compile(
    r"^\s*(?:\d{2}-\d{5}\s+)?(?P<n>\d{1,3})/(?P<m>\d{1,3})(?:\s+\d{2}-\d{5})?\s*$"
)
RULE_LINE_RE = re.compile(rf"^\s*{RULE}\s*$")
# "1 A/CONF.157/24 (Part I), chap. III." (page foot), " 1 A/CONF..." (pypdf),
# "1  Resolution S-10/2." (two spaces), "* Any changes to the list of sponsors ..." (drafts)
FOOTNOTE_LINE_RE = re.compile(r"^\s*(?P<mark>\d{1,3}|\*{1,3})\s+(?P<text>\S.*)$")
# "[^4]: Ibid., vol. 1577, No. 27531." (ga-md/ footer)
MD_FOOTNOTE_DEF_RE = re.compile(r"^\[\^(?P<mark>\d+)\]:\s*(?P<text>.*)$")
# "¹ [A/CONF.157/24](#) (Part I), chap. III." (seed A/RES/71/194, between paragraphs)
MD_SUPERSCRIPT_NOTE_RE = re.compile(rf"^(?P<mark>[{SUPERSCRIPTS}]+)\s+(?P<text>\S.*)$")
SUPERSCRIPT_RUN_RE = re.compile(rf"[{SUPERSCRIPTS}]+")
# "*Reaffirms*", "**Title**", "*Official Records of the General Assembly, ...*"
MD_EMPHASIS_RE = re.compile(r"(\*{1,2})(?=\S)([^*\n]+?)(?<=\S)\1")
# "# Heading" lines of Markdown conversions
MD_HEADING_RE = re.compile(r"^#{1,6}\s+")
# a block ending a sentence part: with , ; : or . (a glued footnote marker or a quote
# allowed): "...in October 2020, 8" (A/RES/78/88: a spaced marker after the comma)
TERMINAL_RE = re.compile(r"[.;:,]\s?(?:\d{1,3}|\[\^\d+\])?[”’\"]?\s*$|[.;:,][”’\"]\s*$")
# a line ending with a comma or semicolon, an editorial footnote number allowed:
# "Having examined the application of the Republic of the Ivory Coast, 26" (S_RES_0150_1960)
COMMA_END_RE = re.compile(r"[,;]\s?(?:\d{1,3})?\s*$")
# a line ending a paragraph: "... in February 2025.14" (a footnote marker after the stop)
FULL_STOP_END_RE = re.compile(r"[.;:](?:\d{1,3})?[”’\"]?\s*$")
# the ODS trailer fields that hold the page header: "<<ODS DOC SYMBOL1>>A/RES/69/179<<"
# and the "Distr.: General \n28 January 2015", "Sixty-ninth session", "Agenda item 68 (b)"
# fields (seed A/RES/69/179)
ODS_SYMBOL_FIELD_RE = re.compile(r"<<ODS DOC SYMBOL1>>(?P<s>[^<]+)<<")
ODS_DISTR_RE = re.compile(rf"Distr\.:\s*(General|Limited)\s*(?:\n\s*)?({DATE})?")
ODS_SESSION_RE = re.compile(rf"({ORDINAL_WORD})\s+session")
ODS_AGENDA_RE = re.compile(rf"Agenda items?\s+{AGENDA_ITEM}(?:\s*(?:,|and)\s*{AGENDA_ITEM})*")
# "good-\nneighbourliness": a line ending in a hyphen (or "non‑" with U+2011, "2021–")
LINE_END_HYPHENS = "-‐‑–"
HYPHEN_END_RE = re.compile(rf"[A-Za-z0-9][{re.escape(LINE_END_HYPHENS)}]$")

# --------------------------------------------------------------------------- structure

# "80/204. Enhancement of ...", "69/179.\tEnhancement ...", "ES-10/23. Title"
RES_NUMBER_TITLE_RE = re.compile(
    r"^\s*(?P<number>(?:ES-\d+/|S-\d+/)?\d{1,3}/\d{1,4})\s*\.\s*(?P<title>.*)$"
)
# the session of a General Assembly symbol: "A/RES/71/194", "A/C.3/80/L.10",
# "A/ES-10/L.30" (when the header names no "Seventy-first session")
GA_SESSION_OF_SYMBOL_RE = re.compile(r"A/(?:RES/|C\.\d/)?(?:ES-|S-)?(?P<session>\d+)/")
SYMBOL_LINE_RE = re.compile(rf"(?<![\w/])(?P<symbol>{GA_RES_SYMBOL}|{DRAFT_SYMBOL})(?![\w/])")
# "Distr.: General \n4 November 2025": ga-text/ puts the date on the next line
DISTR_THEN_DATE_RE = re.compile(rf"Distr\.:\s*(?:General|Limited)\s*\n?\s*(?P<date>{DATE})")
# "Distr.: Limited 5 November 2025" (one line once cleaned)
DISTR_RE = re.compile(rf"Distr\.:\s*(?P<kind>General|Limited)(?:\s+(?P<date>{DATE}))?")
# "Seventy-ninth session", "Tenth emergency special session": the capital first, its word
# boundary after it (a look-behind): a search tries capitals only, not every position
SESSION_RE = re.compile(
    rf"(?P<ordinal>[A-Z](?<!\w[A-Z]){ORDINAL_TAIL})\s+(?:special\s+|emergency\s+special\s+)?"
    r"session\b"
)
AGENDA_RE = re.compile(
    rf"\bAgenda items?\s+(?P<items>{AGENDA_ITEM}(?:\s*(?:,|and)\s*{AGENDA_ITEM})*)"
)
AGENDA_SPLIT_RE = re.compile(r"\s*(?:,|\band\b)\s*")
# "Resolution adopted by the General Assembly on 19 December 2016"
ADOPTED_RE = re.compile(
    rf"Resolution adopted by the (?P<organ>{name_alternation(ADOPTING, groups=True)})\s+on\s+"
    rf"(?P<date>{DATE})"
)
# "[on the report of the Third Committee (A/71/484/Add.2)]",
# "[without reference to a Main Committee (A/80/L.6)]",
# "[on the report of the Third Committee (A/80/545, para. 5)]"
REPORT_RE = re.compile(
    r"\[\s*(?P<text>(?:on the report of (?:the )?(?P<committee>[^()\]]+?)|"
    r"without reference to a Main Committee)\s*(?:\((?P<inner>[^\]]*)\))?)\s*\]"
)
REPORT_SYMBOL_RE = re.compile(rf"(?P<symbol>{UN_SYMBOL})")
# "65th plenary meeting" (closing), "51st plenary meeting 26 November 2025" (ga-md/)
# "55th (resumed) plenary meeting" (A/RES/79/233)
PLENARY_RE = re.compile(
    r"^\s*(?P<meeting>\d+(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?plenary\s+meeting)\b(?P<rest>.*)$"
)
# A Security Council meeting's number and suffix, OCR's I, l or i for a 1 included: "1382nd",
# "298Ist", "30i6th" (S_RES_0719_1991), "326lst" (S_RES_0854_1993)
_SC_MEETING_NUMBER = r"\d[\dIli]*\s*(?:st|nd|rd|th)"
# "Adopted unanimously at the 1382nd meeting.", "Adopted at the 298Ist meeting by 12 votes",
# "Adopted unanimously at the 30i6th meeting." (S_RES_0719_1991)
SC_MEETING_RE = re.compile(rf"(?P<meeting>{_SC_MEETING_NUMBER}\s+meeting)")
# "298Ist meeting", "30i6th": I, l or i read for the digit 1 before a digit or a suffix
OCR_ONE_RE = re.compile(r"[Ili](?=\d|st|nd|rd|th)")
# "Adopted by the Security Council at its 3087th meeting, on 29 June 1992"; OCR: "On 13
# August 1992" (S_RES_0770_1992), "Adopted by the Security at its 3167th meeting"
# (S_RES_0803_1993), "at _its 3258th meeting" (S_RES_0852_1993), "at _ its"
# (S_RES_0818_1993), "its 326lst meeting" (S_RES_0854_1993)
SC_ADOPTED_AT_RE = re.compile(
    r"Adopted by the Security(?: Council)? at\s*_?\s*its"
    rf" (?P<meeting>{_SC_MEETING_NUMBER} meeting),?\s*"
    rf"[Oo]n (?P<date>{DATE})"
)
# "Resolution 242 (1967)\nof 22 November 1967"; OCR: "ef 15 June 1965" (S_RES_0206_1965),
# "Of 19 February 1980" (S_RES_0464_1980); the date alone on the line under the heading:
# "Resolution 883 (1993)\n11 November 1993" (S_RES_0883_1993, S_RES_0891_1993)
SC_DATE_RE = re.compile(rf"(?:\b[Ooe]f\s+|^\s*|(?<=\(\d{{4}}\))\s+)(?P<date>{DATE})", re.MULTILINE)
# footnote asterisks after a name or a line: "Iraq:*,** draft resolution" (ga-drafts/
# A_80_L.23), "Tajikistan:* draft decision**" (A_80_L.42), "Nigeria,* and Thailand"
# (A_C.1_80_L.32), "submitted by the President of the General Assembly*" (A_80_L.37)
ASTERISK_MARK_RE = re.compile(r"(?<=\S)\*{1,3}(?:,\*{1,3})*")
# "Italy and Turkmenistan:* draft resolution", "Peru: draft resolution",
# "Russian Federation:* amendment to draft resolution A/80/L.18",
# "South Africa: amendment to revised draft resolution A/C.3/80/L.20/Rev.1"
SPONSORS_RE = re.compile(
    r"^\s*(?P<sponsors>[A-Z].*?)\s*:\s*[*,]*\s*(?P<what>(?:revised\s+)?draft "
    r"(?:resolution|decision)\**|amendments? to (?:the )?(?:revised )?draft resolution\b.*)\s*$"
)
# the sponsors line of an amendment: "… Sweden:* amendment to draft resolution 6
# recommended by the Second Committee …" (ga-drafts/A_80_L.39), "Russian Federation:
# amendment to draft resolution A/80/L.18" (A_80_L.19), "South Africa: amendment to
# revised draft resolution A/C.3/80/L.20/Rev.1" (A_C.3_80_L.63)
AMENDMENT_HEADER_RE = re.compile(r":\W*amendments? to (?:the )?(?:revised )?draft resolution\b")
# the other header form of a draft: "Draft resolution submitted by the President of the
# General Assembly" (ga-drafts/A_80_L.15), "Draft resolution submitted by the Vice-Chair
# of the Committee, Weronika Garbacz (Poland), on the basis of informal consultations on
# draft resolution A/C.2/80/L.8" (A_C.2_80_L.44), "Draft resolution submitted by the Chair
# on the recommendation of the Economic and Social Council" (A_C.3_80_L.7), "Draft decision
# submitted by the Bureau" (A_C.2_80_L.60), "Draft resolutions submitted by the Chair of
# the Committee following informal consultations" (A_C.5_80_L.6), and "Draft resolution"
# alone (ga-drafts/A_C.6_80_L.18)
SUBMITTED_BY_RE = re.compile(
    r"^\s*(?:Revised\s+)?[Dd]raft (?:resolution|decision)s?(?:\s+submitted by\s+(?P<by>\S.*?))?"
    r"\s*\**\s*$"
)
# the State names that hold "and", kept whole when a sponsors line is split: "Albania,
# Antigua and Barbuda, Australia" (ga-drafts/A_80_L.13), "United Kingdom of Great Britain
# and Northern Ireland: draft decision" (A_C.1_80_L.35)
STATES_WITH_AND = (
    "Antigua and Barbuda",
    "Bosnia and Herzegovina",
    "Saint Kitts and Nevis",
    "Saint Vincent and the Grenadines",
    "Sao Tome and Principe",
    "Serbia and Montenegro",
    "Trinidad and Tobago",
    "United Kingdom of Great Britain and Northern Ireland",
)
SPONSOR_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# "1. Reaffirms", "1.\tReaffirms", "4, Demands" (OCR comma, sc-text/S_RES_0761_1992)
OP_NUMBER_RE = re.compile(r"^\s*(?P<n>\d{1,3})\s*[.,]\s+(?P<rest>\S.*)$")
# "(a) To develop ...", "(ii) Termination of ...", "(1) Withdrawal" (OCR for "(i)"),
# "(aa) ..." (long lists)
SUB_LABEL_RE = re.compile(r"^\s*\((?P<label>[a-z]{1,2}|[ivxl]{1,6}|\d{1,2})\)\s*(?P<rest>\S.*)?$")
# the line before a list of sub-paragraphs: "7. Requests the Secretary-General, within
# available resources:" (ga-md/A_RES_80_12), a footnote marker allowed ("…:[^3]")
LIST_INTRO_END_RE = re.compile(r":\s*(?:\[\^\d+\])?\s*$")
# an item of such a list: "To continue the practice of sending an annual note verbale …
# on military expenditures;" (ga-md/A_RES_80_12 OP7(a)), "…; and", "…, and"
LIST_ITEM_END_RE = re.compile(r"[;,](?:\s*\[\^\d+\])?\s*(?:and|or)?\s*$")
# an item of a list that opens with an infinitive, never a title going on after a colon:
# "8. Encourages Member States:" / "To inform the Secretary-General about possible
# problems …" (ga-md/A_RES_80_12 OP8(a))
INFINITIVE_ITEM_RE = re.compile(r"^To [a-z]")
# a block opening with a quotation mark: "“The Security Council shall, subject to the
# provisions of the trusteeship agreements …”," (sc-text/S_RES_0070_1949, quoting the
# Charter after "… provides:")
QUOTATION_OPENING_RE = re.compile(r"^[“\"]")
# "Whereas the Security Council on 29 April 1946 appointed a Sub-Committee …"
# (sc-text/S_RES_0007_1946): the old preamble's opener, never a name after it
WHEREAS_RE = re.compile(r"^\s*Whereas\b")
# explicit markers: "[^4]" (ga-md/), superscripts are converted to this form by clean
EXPLICIT_MARKER_RE = re.compile(r"\s?\[\^(?P<n>\d{1,3})\]")
# "25 June 19931" (1993 + footnote 1), "4 July 20253", "24 October 202410"
YEAR_MARKER_RE = re.compile(r"(?<![\d/.\-])(?P<year>1[6-9]\d\d|20[0-4]\d)(?P<n>\d{1,3})(?![\d/])")
# "tenth4", "Rights3": a marker glued to a lower-case word
WORD_MARKER_RE = re.compile(r"(?<=[a-z]{2})(?P<n>\d{1,3})(?![\d/.\-]\d|[\w/])")
# "1993,1 for", "Action,4 and", "”,5", "(A/80/53)3", "session,6", "Committee.1"
MARKER_PUNCT = ',;:”’")]'
PUNCT_MARKER_RE = re.compile(
    rf"(?<=[{re.escape(MARKER_PUNCT)}])(?P<n>\d{{1,3}})(?![\d/.\-]\d|[\w/])"
)
# "has graduated 1,137 students" (A/RES/79/144): a thousands separator, not a marker;
# but "in 2024,113 and" and "resolution 5/14,120" are markers
THOUSANDS_RE = re.compile(r"(?<![\d/.])\d{1,3},$")
# "all previous resolutions 3on the follow-up", "the Paris Agreement 5and its early entry"
# (A/RES/80/129): a marker glued to the word after it (never "5th", "21st", "2nd")
LEFT_SPACED_MARKER_RE = re.compile(
    r"(?<=[a-z,;])\s(?P<n>\d{1,3})(?=[a-z]{2,})(?!st\b|nd\b|rd\b|th\b)"
)
# "held in New York from 5 to 9 June 2017.3" (A/RES/79/314), "no later than February
# 2025.14" (A/RES/78/128, annex): a marker after the full stop that follows a year
YEAR_PERIOD_MARKER_RE = re.compile(
    r"(?<![\d/.\-])(?:1[6-9]|20)\d\d\.(?P<n>[1-9]\d{0,2})(?![\d\w]|\.\d)"
)
# "referred to under model strategy 10.24 Furthermore," (A/RES/80/226, annex): a marker
# after the full stop that follows a number, before the next sentence; weak ("less than
# 2.15 United States dollars" is a decimal): taken only in sequence
# (never "Fiji 0.003 Finland", A/RES/79/249: a marker does not start with 0)
NUMBER_PERIOD_MARKER_RE = re.compile(r"(?<=\d)\.(?P<n>[1-9]\d{0,2})(?=\s+[A-Z])")
# "Human Rights Council resolution 55/197 and" (A/RES/80/222): the Council's resolutions
# have at most two digits after the slash, so 55/19 + footnote 7
COUNCIL_RESOLUTION_HEAD_RE = re.compile(r"Council\s+resolutions?\s+\d{1,2}$")
# "among at least 56514 humanitarian workers" (A/RES/80/77): 565 + footnote 14; United
# Nations texts write thousands with a comma ("1,137 students"), so a bare run of five
# digits or more that is not a year with a marker hides one; weak, taken only in sequence
LONG_NUMBER_RE = re.compile(r"(?<![\d/.,\-])\d{5,7}(?![\d/.,\-]\d|[\w/])")
# (not "resolution GC.18/Res.9 of 7 November 2019", A/RES/79/222: see SYMBOL_ABBREVIATION)
PERIOD_MARKER_RE = re.compile(r"(?<=[a-z]{2})\.(?P<n>\d{1,3})(?![\d/]|\.\d|[\w])")
# "Outcome, 1  sports", "Rights 9 and", "Council 41 and", "20 127 and 23 July 128 1993"
SPACED_MARKER_RE = re.compile(r"(?<=\S)\s(?P<n>\d{1,3})(?=\s|[,;:.]\s|[,;:.]?$)")
# words after which a spaced number is a quantity or a reference, never a marker
# (not "resolution", "resolutions", "decision", "goals": "a draft resolution 8 was not
# adopted" (A/RES/78/222), "the Sustainable Development Goals 6 and" (A/RES/78/23) are
# markers; a resolution number has a slash or a year in brackets, see NUMBER_TAIL_RE)
# (not "group": "the 2022 Group 6 to provide" is a marker, A/RES/80/28)
NUMBER_HEADS = frozenset(
    word_set(
        """paragraph paragraphs para paras item items article articles art goal target targets
        no no. nos vol vol. chapter chap sect section rule rules annex principle principles
        of and to from on or by between than about over under nearly some at in the phase
        level grade category table figure step part volume january february march april may
        june july august september october november december supplement number numbers page
        pages objective objectives indicator indicators covid-19 g g-20 g20 class level"""
    )
)
# words that make a number before them a quantity: "5 September", "10 per cent"
# ("annual 4 trillion United States dollar financing gap", A/RES/80/124)
NUMBER_TAILS = frozenset(
    word_set(
        """january february march april may june july august september october november
        december per percent years year months month days day weeks hours times million
        billion trillion %"""
    )
)
# section headings inside texts: "Peacebuilding financing", "I", "H" (sc-text), "A",
# "CHAPTER X. —- ADMISSION OF NEW MEMBERS"
ROMAN_HEADING_RE = re.compile(r"^\s*(?:[IVXLC]+|[A-Z])\s*\.?\s*$")
# the heading of a section of a resolution adopted in sections, each with its own
# preamble and its own numbering: "I" then "Enterprise resource planning project, Umoja"
# (A/RES/79/258), on one line "I Enterprise resource planning project, Umoja" when the PDF
# text has no blank line between them (A/RES/78/253), "XXVI Contingency fund", "B" before
# a second "The General Assembly," (ga-drafts/A_C.5_80_L.17)
SECTION_HEADING_RE = re.compile(r"^\s*(?P<sec>[IVXL]{1,6}|[A-Z])\.?(?:\s+(?P<title>[A-Z“\"].*))?$")
# opening with an organ as subject: "1. The Security Council requests the permanent ..."
SUBJECT_OPENING_RE = re.compile(
    rf"^(?:The|the)\s+(?:{name_alternation((Organ.GA, Organ.SC))}|Council|Assembly),?\s+"
)
WS_RE = re.compile(r"\s+")
SPACE_BEFORE_PUNCT_RE = re.compile(r"\s+(?=[,;:.](?:\s|$))")
# where it can match in a text of single spaces: "Assembly ," once "Assembly 4," lost its
# marker 4 (one search, not one for each mark)
SPACE_PUNCT_RE = re.compile(r" [,;:.]")
# the first line of a Security Council vote line: "Adopted unanimously at the",
# "Adopted at the 2nd meeting. 22", "Adopted by the Security Council at its 3087th meeting,"
SC_VOTE_START_RE = re.compile(r"^\s*Adopted\s+(?:unanimously\s+)?(?:at|by|without)\b")
# "4 November 2025": the date line under the closing meeting line
DATE_LINE_RE = re.compile(rf"^\s*{DATE}\s*$")
# "Annex", "Annex I", "Annex II" (A/RES/79/1), "Annexes"
ANNEX_HEADING_RE = re.compile(r"^\s*Annex(?:es)?(?:\s+(?P<n>[IVX]+))?\s*$")
# a line holding only a paragraph number or label: "1. " then "Reaffirms ..." on the next
# line (ga-text/), "(a) " then "To develop ..."
BARE_LABEL_LINE_RE = re.compile(r"^\s*(?:\d{1,3}\.|\((?:[a-z]{1,2}|[ivx]{1,5})\))\s*$")
# an operative number that lost its full stop: "26 \nCondemns without reservation ..."
# (A/RES/79/160), "6 \nAlso reaffirms" (A/RES/80/167); accepted only in sequence
OP_NUMBER_NO_DOT_RE = re.compile(r"^\s*(?P<n>\d{1,3})\s+(?P<rest>[A-Z]\S*.*)$")
# abbreviations before a full stop and a number inside symbols and references:
# "GC.18/Res.9", "IDB.47/Dec.7", "A/71/484/Add.2", "vol. 2", "Sales No. E.96.IV.13"
SYMBOL_ABBREVIATION_RE = re.compile(
    r"(?:/\S*|\b(?:Res|Dec|Add|Corr|Rev|No|Nos|Sect|para|paras|vol|vols|chap|sect|art|arts|"
    r"Suppl|Ser|Amend|Rec|Recs|Op|Vol))$"
)
# "Additional Protocol I6" (A/RES/78/78), "HIV/AIDS7" (A/RES/78/182), "INTERPOL1"
# (A/RES/79/136): a marker glued to a capital letter; weak (taken only in sequence)
UPPER_MARKER_RE = re.compile(r"(?:(?<=[A-Z]{2})|(?<=\bI))(?P<n>\d{1,3})(?![\d/.\-]\d|[\w/])")
# "the Paris Agreement4and its early entry" (A/RES/78/163): glued on both sides
# "the Paris Agreement,38and the Kunming-Montreal" (A/RES/79/159)
BOTH_GLUED_MARKER_RE = re.compile(
    r"(?:(?<=[a-z]{2})|(?<=[,;]))(?P<n>\d{1,3})(?=[a-z]{2,})(?!st\b|nd\b|rd\b|th\b)"
)
# "resolutions ... 76/17918 and 77/229" (A/RES/78/221): 76/179 + footnote 18;
# "54/2639 and 54/3340" (A/RES/78/253), "resolution 6/929" (A/RES/79/204),
# more digits after the slash than a resolution number has: every split of them is a weak
# candidate, the footnote sequence decides
# "decision CBD/CP/MOP/VIII/1914 and" (A/RES/78/155): VIII/19 + footnote 14, a roman
# head standing after a slash
SLASH_NUMBER_RE = re.compile(
    r"(?:(?:(?<![\d/.])\d{1,3}|(?<![\d.A-Z])[IVXL]{1,6})/(?P<digits>\d{4,7})"
    r"|(?<![\d/.])\d/(?P<short>\d{2,3})"
    r"|(?:[IVXL]{1,6}|CP|CMA|CMP)\.(?P<dotted>\d{3,6})|S-\d{1,2}/(?P<special>\d{2,3}))"
    r"(?![\d/])"
)
# "decision VII/1113 and other relevant decisions" (A/RES/78/68): VII/11 + footnote 13;
# "resolutions 5/1 3 and 5/64 of 2 March 2022" (A/RES/79/313): 5/6 + footnote 4;
# "paragraphs VIII.7441 and VIII.9642 of the reports" (A/RES/80/242): VIII.74 + 41
SLASH_HEAD_RE = re.compile(r"(?:\d{1,3}|[IVXL]{1,6})$")
# "decision 1/CP.2731 and 1/CMA.4" (A/RES/78/153): 1/CP.27 + footnote 31;
# "Human Rights Council resolution S-35/16 and" (A/RES/79/183): S-35/1 + footnote 6
DOTTED_HEAD_RE = re.compile(r"(?:[IVXL]{1,6}|CP|CMA|CMP)$")
SPECIAL_HEAD_RE = re.compile(r"S-\d{1,2}$")
# names ending in a number, glued to a marker: "Agenda 216" (A/RES/78/136, 78/157) is
# Agenda 21 + footnote 6; "COVID-1915" (A/RES/78/233) is COVID-19 + footnote 15
NAMES_ENDING_IN_NUMBER = ("Agenda 21", "COVID-19", "COVID‑19")
# after a spaced number: a year in brackets ("resolutions 660 (1990)"), another number in
# a list ("Goals 4, 5, 14 and 15"): the number is not a marker
NUMBER_TAIL_RE = re.compile(
    rf"^\s*(?:\(\d{{4}}\)|(?:,|and|to|-|–)\s*\d{{1,3}}(?![\d/])(?!\s+{MONTH})|[-–]\d)"
)
# OCR'd operative numbers: "L. Strongly condemns" (S_RES_0273_1969), "I. Condemns",
# "l1. Decides": I, l and L read for the digit 1 (taken only in sequence)
OCR_OP_NUMBER_RE = re.compile(r"^\s*(?P<n>[\dIlL]{1,3})\s*[.,]\s+(?P<rest>[A-Z]\S*.*)$")
# the letters of such a number read back as the digit 1: "l1" -> "11"
OCR_DIGIT_ONE_RE = re.compile(r"[IlL]")
# a one-sentence decision: "The General Assembly, taking note of the application of
# Côte d’Ivoire ..., decides to ..." (ga-drafts/A_C.4_80_L.10)
ORGAN_SENTENCE_RE = re.compile(
    rf"^\s*The\s+{name_alternation((Organ.GA, Organ.SC))},\s+(?P<rest>[a-z].*)$"
)
# the operative part of the oldest texts, after a "Whereas …" preamble: "It is resolved
# that the Security Council request the Secretary-General …" (sc-text/S_RES_0017_1947)
RESOLVED_OPENING_RE = re.compile(r"^\s*It is (?:hereby )?resolved\b")
# runs of digits: the places where footnote markers are looked for ("\d\d*", not "\d+":
# a pattern opening with a class lets ``re`` skip to the next digit, twice as fast)
DIGIT_RUN_RE = re.compile(r"\d\d*")
# the same over an ASCII text (where a digit is one of 0-9): a range test a character
# instead of the Unicode digit test, a third faster
ASCII_DIGIT_RUN_RE = re.compile(r"[0-9][0-9]*")
# an editorial footnote number after the vote line: "... by 14 votes to none. 30"
# (S_RES_0429_1978)
TRAILING_MARKER_RE = re.compile(r"(?<=[.)])\s+\d{1,3}$")
# an editorial footnote number right after a date, mid-sentence, its footnote text not in
# the file: "the report of the Secretary-General of 2 April 1992 44 submitted pursuant to"
# (sc-text/S_RES_0749_1992); never before a month or a unit ("1992 15 May")
DATE_EDITORIAL_MARKER_RE = re.compile(
    rf"{DATE}\s(?P<n>[1-9]\d{{0,2}})(?=\s+(?!{MONTH}\b|per\b)[a-z(])"
)
# an editorial footnote number ending a paragraph after its comma or semicolon, its
# footnote text on a yearbook page that is not in the file: "the 1925 Geneva Protocol, 28"
# (sc-text/S_RES_0598_1987)
TRAILING_EDITORIAL_MARKER_RE = re.compile(r"(?<=[,;])\s+(?P<n>[1-9]\d{0,2})$")
# an editorial footnote number glued after a year and its comma, mid-sentence or at a
# paragraph's end: "Time of War, of 12 August 1949,4 and acting in opposition to"
# (sc-text/S_RES_0694_1991), "the report of the Secretary-General of 19 March 1978,8
# approved by resolution" (sc-text/S_RES_0586_1986); never a list of years ("1949,1950")
# nor a number with thousands ("1,978,8")
YEAR_COMMA_MARKER_RE = re.compile(
    r"(?<![\d,./])(?:1[89]|20)\d\d,(?P<n>[1-9]\d{0,2})(?=\s+[a-z(]|\s*$)"
)
# what every match of YEAR_COMMA_MARKER_RE holds: a cheap search first (a comma is found
# by a fast skip; the pattern above, opening with a look-behind, is tried at every position)
COMMA_DIGIT_RE = re.compile(r",[1-9]")

# the asterisk marker of a draft's footnote "**", glued to the word or the punctuation
# before it: "the Rome Statute of the International Criminal Court,** and noting the
# role" (ga-drafts/A_80_L.19), "on Population and Development** and its review"
# (A_80_L.31)
ASTERISK_MARKER_RE = re.compile(r"(?<=[\w,;.)”])(?P<stars>\*{1,3})(?=[\s,;:.]|$)")
# an asterisk footnote left in the body by a page without a footnote rule: "* Any changes
# to the list of sponsors will be reflected in the official record of the meeting.",
# "** United Nations, Treaty Series, vol. 2187, No. 38544." (ga-drafts/A_80_L.19)
ASTERISK_NOTE_LINE_RE = re.compile(r"^\*{1,3} [A-Z]")
# a clause after a comma, opened by a lower-case word (the verb of ``verbs.OPERATIVE_VERBS``
# is checked by the caller): "Noting with concern the refusal …, considers that the
# parties should permit such entry" (sc-text/S_RES_0093_1951)
CLAUSE_WORD_RE = re.compile(r",\s+(?:and\s+)?(?P<word>[a-z][a-z\-]+)\b")
# a name going on after a line break (the caller checks the first word is no opener):
# "…the Palestine Land Development Company,\nLimited, is instructed to cease all
# operations" (S_RES_0093_1951), "…signed by the parties in Arusha,\nUnited Republic of
# Tanzania, in order to" (S_RES_0846_1993)
NAME_CONTINUATION_RE = re.compile(r"^(?P<first>[A-Z][\w’'\-]*)(?:,\s+[a-z]|\s+[A-Z])")
# the end of a unit that can close a paragraph whose comma or semicolon OCR lost: a
# word, a number or a closing bracket, not a hyphen (a word split across lines) nor a
# word that needs one after it ("of", "the", "and"): "…occupation by Israel following
# the hostilities of 5 June" then "Recalling its resolution 237 (1967)"
# (sc-text/S_RES_0259_1968), "…dated 1 November 1993 (S/26666 and Add.1)" then
# "Reiterating the importance it attaches" (sc-text/S_RES_0882_1993)
LOST_TERMINAL_END_RE = re.compile(r"(?:[A-Za-z]{2,}|\d{1,4}|\))\s*$")
# How far before the end (trailing spaces aside) a match of each end-anchored regex can
# start (``search_end``): ", 123”", ", 26", ".14”", "June"
END_REACH = {TERMINAL_RE: 6, COMMA_END_RE: 5, FULL_STOP_END_RE: 5, LOST_TERMINAL_END_RE: 2}
UNFINISHED_LAST_WORDS = word_set(
    """of the a an and or nor but to by in on at for from with into under between among
    its their his her our this that these those which who whose as than upon within
    without against concerning regarding including such all any each both either"""
)
# a document symbol or an agenda item in a block, which makes it no heading: "Issued
# A/80/7/Add.3 Report of the Advisory Committee …", "Issued Item 146 Administration of
# justice at the United Nations" (rows of a table of documents, ga-drafts/A_C.5_80_L.1)
REFERENCE_IN_BLOCK_RE = re.compile(r"\bA/(?:[A-Z0-9.\-]+/)*\d|\bItem \d")
# a word of a paragraph's opening: "Re-emphasizes", "Member States’"
LEADING_WORD_RE = re.compile(r"[A-Za-z][A-Za-z’'\-]*")

# --------------------------------------------------------------------------- survey

# a job number or a bar code left in a paragraph: "25-20958 (E)", "*2520958*"
SURVEY_JOB_RE = re.compile(r"\b\d{2}-\d{5}\b(?:\s*\(E\))?|\*\d{7}\*")
# a page mark left in a paragraph: "2/4" (its second number is the page count)
SURVEY_PAGE_MARK_RE = re.compile(r"(?<![\w/.\-])(\d{1,3})/(\d{1,3})(?![\w/])")
# "resolution 2/3 of 9 June 2023" (A/RES/78/122): a citation, not a page mark
SURVEY_CITED_NUMBER_RE = re.compile(r"(?:resolutions?|decisions?)\s+$|^\s+of\s+\d")
# where a second paragraph may start inside a text: after a comma or a semicolon
SURVEY_JOINT_RE = re.compile(r"[,;]\s+(?=[A-Z])")
# the page mark lines of a raw source: "2/4", "25-20958 2/4", "3/4 25-20958"
SURVEY_RAW_PAGE_MARK_RE = re.compile(
    r"^\s*(?:\d{2}-\d{5}\s+)?\d{1,3}/(\d{1,3})(?:\s+\d{2}-\d{5})?\s*$", re.MULTILINE
)
# "OP3", "XII.OP3" (a resolution adopted in sections numbers each section from 1)
SURVEY_TOP_OP_RE = re.compile(r"(?P<section>(?:[IVXL]+|[A-Z])\.)?OP\d+")
