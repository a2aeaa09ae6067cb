"""Every regular expression of the parser, built from named pieces.

Each piece carries a comment naming the real text it exists for. Nothing here does any
work: ``sources``, ``clean`` and ``structure`` import the compiled patterns.
"""

from __future__ import annotations

import re

# --------------------------------------------------------------------------- pieces

# "December", "Apri]" (an OCR slip in sc-text/S_RES_0687_1991: "of 3 Apri] 1991")
MONTH = (
    r"(?:January|February|March|April|Apri\]|May|June|July|August|September|"
    r"October|November|December)"
)
# "18 December 2025", "1 December 2025"
DATE = rf"\d{{1,2}}\s+{MONTH}\s+\d{{4}}"
# "Seventy-first", "Eightieth", "Sixty-ninth" (the session line)
ORDINAL_WORD = r"[A-Z][a-z]+(?:-[a-z]+)?"
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
# "2/4", "3/57": page marks in running heads
PAGE_MARK = r"\d{1,3}/\d{1,3}"
# "____________" the rule above a page's footnotes; "---" in Markdown footers
RULE = r"_{5,}"
# "¹²³": superscript digits (seed A/RES/71/194: "25 June 1993,¹")
SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
# "Agenda item 68 (b)", "Agenda items 20 and 134", "Agenda items 17 (a) and 18"
AGENDA_ITEM = r"\d+(?:\s*\([a-z]\))?"

# --------------------------------------------------------------------------- sources

# "United Nations \nA/RES/80/204": the first lines of an official PDF or its text
UN_HEADER_RE = re.compile(
    rf"^\s*United Nations\s*$|^\s*(?:{GA_RES_SYMBOL}|{DRAFT_SYMBOL})\s*$|Distr\.:\s*(?:General|Limited)",
    re.MULTILINE,
)
# "<<ODS JOB NO>>N1470807E<<ODS JOB NO>>", "[DU1]" (seed A/RES/69/179)
ODS_FIELD_RE = re.compile(r"<<ODS [A-Z0-9 ]+>>|^\[DU\d+\]", re.MULTILINE)
# "---\nsymbol: A/RES/80/10\n" (ga-md/ YAML header); "[70/1](#)" (seed A/RES/71/194)
MD_FRONT_MATTER_RE = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)
MD_LINK_RE = re.compile(r"\[([^\[\]\n]+)\]\((?:#|[^)\s]*)\)")
# "Resolution 242 (1967)\nof 22 November 1967", "RESOLUTION 761 (1992)",
# "128 (1958). Resolution of 11 June 1958", "1 (1946) Resolution of 25 January 1946"
SC_HEADING_RE = re.compile(
    r"^\s*(?:RESOLUTION|Resolution)\s+(?P<n1>\d+)\s*\((?P<y1>\d{4})\)"
    r"|^\s*(?P<n2>\d+)\s*\((?P<y2>\d{4})\)\.?\s+Resolution\s+of",
    re.MULTILINE,
)
# "The General Assembly," / "The Security Council," (also without the comma in OCR)
ORGAN_OPENING_RE = re.compile(
    r"^\s*The\s+(?P<organ>General Assembly|Security Council|Economic and Social Council|"
    r"Human Rights Council)\s*[,.;:]?\s*$"
)

# --------------------------------------------------------------------------- cleaning

JOB_NUMBER_LINE_RE = re.compile(rf"^\s*{JOB_NUMBER}\s*$")
BARCODE_LINE_RE = re.compile(rf"^\s*{BARCODE}\s*(?:Please recycle)?\s*$")
PLEASE_RECYCLE_RE = re.compile(r"^\s*Please recycle\s*$")
# a running head's page mark line, alone or beside the job number:
# "2/4 ", "25-20958 2/4 " (PDF), "3/4 25-20958 " (PDF)
PAGE_MARK_LINE_RE = re.compile(
    rf"^\s*(?:\d{{2}}-\d{{5}}\s+)?(?P<n>\d{{1,3}})/(?P<m>\d{{1,3}})(?:\s+\d{{2}}-\d{{5}})?\s*$"
)
RULE_LINE_RE = re.compile(rf"^\s*{RULE}\s*$")
# ODS trailer lines: "------", "_______________"
ODS_RULE_LINE_RE = re.compile(r"^\s*(?:-{5,}|_{5,})\s*$")
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
# "good-\nneighbourliness": a line ending in a hyphen (or "non‑" with U+2011, "2021–")
HYPHEN_END_RE = re.compile(r"[A-Za-z0-9][-‐‑–]$")

# --------------------------------------------------------------------------- structure

# "80/204. Enhancement of ...", "69/179.\tEnhancement ...", "ES-10/23. Title"
RES_NUMBER_TITLE_RE = re.compile(
    r"^\s*(?P<number>(?:ES-\d+/|S-\d+/)?\d{1,3}/\d{1,4})\s*\.\s*(?P<title>.*)$"
)
# "71/194" inside the number line (derive "A/RES/71/194" when no symbol line exists)
SESSION_OF_NUMBER_RE = re.compile(r"(?:ES-|S-)?(\d+)/")
SYMBOL_LINE_RE = re.compile(rf"(?<![\w/])(?P<symbol>{GA_RES_SYMBOL}|{DRAFT_SYMBOL})(?![\w/])")
DISTR_RE = re.compile(rf"Distr\.:\s*(?P<kind>General|Limited)(?:\s+(?P<date>{DATE}))?")
SESSION_RE = re.compile(rf"\b(?P<ordinal>{ORDINAL_WORD})\s+(?:special\s+|emergency\s+special\s+)?session\b")
AGENDA_RE = re.compile(
    rf"\bAgenda items?\s+(?P<items>{AGENDA_ITEM}(?:\s*(?:,|and)\s*{AGENDA_ITEM})*)"
)
AGENDA_SPLIT_RE = re.compile(r"\s*(?:,|\band\b)\s*")
# "Resolution adopted by the General Assembly on 19 December 2016"
ADOPTED_RE = re.compile(
    rf"Resolution adopted by the (?P<organ>General Assembly|Security Council|"
    rf"Economic and Social Council|Human Rights Council)\s+on\s+(?P<date>{DATE})"
)
# "[on the report of the Third Committee (A/71/484/Add.2)]",
# "[without reference to a Main Committee (A/80/L.6)]",
# "[on the report of the Third Committee (A/80/545, para. 5)]"
REPORT_RE = re.compile(
    r"\[\s*(?P<text>(?:on the report of (?:the )?(?P<committee>[^()\]]+?)|"
    r"without reference to a Main Committee)\s*(?:\((?P<inner>[^\]]*)\))?)\s*\]"
)
REPORT_SYMBOL_RE = re.compile(rf"(?P<symbol>{UN_SYMBOL}(?:\s+and\s+Corr\.\d+)?)")
# "65th plenary meeting" (closing), "51st plenary meeting 26 November 2025" (ga-md/)
# "55th (resumed) plenary meeting" (A/RES/79/233)
PLENARY_RE = re.compile(
    r"^\s*(?P<meeting>\d+(?:st|nd|rd|th)\s+(?:\(resumed\)\s+)?plenary\s+meeting)\b(?P<rest>.*)$"
)
# "Adopted unanimously at the 1382nd meeting.", "Adopted at the 298Ist meeting by 12 votes"
SC_VOTE_RE = re.compile(r"^\s*Adopted\b.*\bmeeting\b", re.IGNORECASE)
SC_MEETING_RE = re.compile(r"(?P<meeting>\d[\dIl]*\s*(?:st|nd|rd|th)\s+meeting)")
# "Adopted by the Security Council at its 3087th meeting, on 29 June 1992"
SC_ADOPTED_AT_RE = re.compile(
    rf"Adopted by the Security Council at its (?P<meeting>\d+(?:st|nd|rd|th) meeting),?\s*"
    rf"on (?P<date>{DATE})"
)
SC_DATE_RE = re.compile(rf"\bof\s+(?P<date>{DATE})")
# "Italy and Turkmenistan:* draft resolution", "Peru: draft resolution",
# "Russian Federation:* amendment to draft resolution A/80/L.18"
SPONSORS_RE = re.compile(
    r"^\s*(?P<sponsors>[A-Z].*?)\s*:\s*\**\s*(?P<what>(?:revised\s+)?draft (?:resolution|decision)|"
    r"amendments? to (?:the )?draft resolution\b.*)\s*$"
)
SPONSOR_SPLIT_RE = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
# "1. Reaffirms", "1.\tReaffirms", "4, Demands" (OCR comma, sc-text/S_RES_0761_1992)
OP_NUMBER_RE = re.compile(r"^\s*(?P<n>\d{1,3})\s*[.,]\s+(?P<rest>\S.*)$")
# "(a) To develop ...", "(ii) Termination of ...", "(1) Withdrawal" (OCR for "(i)"),
# "(aa) ..." (long lists)
SUB_LABEL_RE = re.compile(r"^\s*\((?P<label>[a-z]{1,2}|[ivxl]{1,6}|\d{1,2})\)\s*(?P<rest>\S.*)?$")
ROMAN_RE = re.compile(r"^[ivxl]+$")
# explicit markers: "[^4]" (ga-md/), superscripts are converted to this form by clean
EXPLICIT_MARKER_RE = re.compile(r"\s?\[\^(?P<n>\d{1,3})\]")
# "25 June 19931" (1993 + footnote 1), "4 July 20253", "24 October 202410"
YEAR_MARKER_RE = re.compile(r"(?<![\d/.\-])(?P<year>1[6-9]\d\d|20[0-4]\d)(?P<n>\d{1,3})(?![\d/])")
# "tenth4", "Rights3": a marker glued to a lower-case word
WORD_MARKER_RE = re.compile(r"(?<=[a-z]{2})(?P<n>\d{1,3})(?![\d/.\-]\d|[\w/])")
# "1993,1 for", "Action,4 and", "”,5", "(A/80/53)3", "session,6", "Committee.1"
# (not "has graduated 1,137 students": a thousands separator, A/RES/79/144; but
# "29 May 2016,9" is 2016 + footnote 9, A/RES/78/153)
PUNCT_MARKER_RE = re.compile(
    r"(?<=[,;:”’\"\)\]])(?:(?<!\d,)|(?!\d{3}(?!\d)))(?P<n>\d{1,3})(?![\d/.\-]\d|[\w/])"
)
PERIOD_MARKER_RE = re.compile(r"(?<=[a-z]{2})\.(?P<n>\d{1,3})(?![\d/]|\.\d|[\w])")
# "Outcome, 1  sports", "Rights 9 and", "Council 41 and", "20 127 and 23 July 128 1993"
SPACED_MARKER_RE = re.compile(r"(?<=\S)\s(?P<n>\d{1,3})(?=\s|[,;:.]\s|[,;:.]?$)")
# words after which a spaced number is a quantity or a reference, never a marker
NUMBER_HEADS = frozenset(
    """paragraph paragraphs para paras resolution resolutions decision decisions item items
    article articles art goal goals target targets no no. nos vol vol. chapter chap sect
    section rule rules annex principle principles recommendation recommendations
    of and to from on or by between than about over under nearly some at in the
    protocol phase level grade category table figure step part volume session sessions
    january february march april may june july august september october november december
    supplement number numbers page pages objective objectives indicator indicators
    group covid-19 g g-20 g20 class level""".split()
)
# words that make a number before them a quantity: "5 September", "10 per cent"
NUMBER_TAILS = frozenset(
    """january february march april may june july august september october november
    december per percent years year months month days day weeks hours members states
    countries times million billion""".split()
)
# section headings inside texts: "Peacebuilding financing", "I", "H" (sc-text), "A",
# "CHAPTER X. —- ADMISSION OF NEW MEMBERS"
ROMAN_HEADING_RE = re.compile(r"^\s*(?:[IVXLC]+|[A-Z])\s*\.?\s*$")
# opening with an organ as subject: "1. The Security Council requests the permanent ..."
SUBJECT_OPENING_RE = re.compile(
    r"^(?:The|the)\s+(?:General Assembly|Security Council|Council|Assembly)\s+"
)
WS_RE = re.compile(r"\s+")
SPACE_BEFORE_PUNCT_RE = re.compile(r"\s+(?=[,;:.](?:\s|$))")
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
