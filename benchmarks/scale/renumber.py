"""Systematic renumbering of UN symbols, so that copy k of a real text is a new resolution.

Copy ``k`` of the corpus is the real corpus with every number of the two numbering spaces
the real documents live in shifted by ``STEP * k``:

- General Assembly session-bound numbers, session kept: resolutions and decisions
  ("A/RES/79/166", "79/166. Enhancement …", "its resolution 78/199", "[70/1](#)"),
  Human Rights Council resolutions of its 31st session on, written "56/2" or
  "A/HRC/RES/56/2" (the same numbering, as far as the text shows), Assembly documents
  ("A/79/458/Add.2", "A/78/6 (Sect. 24)") and drafts ("A/80/L.5", "A/C.3/80/L.10");
- Security Council resolutions, year kept: "Resolution 242 (1967)", "S/RES/242 (1967)".

Everything else stays as written: the session words and dates (so that each document's
header still agrees with its symbol), symbols of other families ("A/CONF.157/24",
"A/HRC/56/2", "E/CN.4/2005/69", "S/2023/456"), pre-1976 Assembly resolutions
("1514 (XV)", "217 A (III)"). Those are the instruments every copy cites alike, as later
sessions really do; the renumbered ones are cited by their copy's own documents only, so a
``cites`` query for them keeps the hit count it has in the real corpus.

``STEP`` is larger than every resolution and draft number of a real session (at most
~350), so copies never collide on a resolution symbol; Assembly documents numbered 500
or more may coincide with a document of another copy, which only merges two cites lists.

Copy 0 is the identity. The same function maps raw text, clean paragraph text and
canonical citation targets ("A/RES/78/199" -> "A/RES/78/699" in copy 1), so that a parsed
paragraph of copy k equals the renumbered paragraph of copy 0.
"""

from __future__ import annotations

import re

STEP = 500

# General Assembly session/number, optionally behind the prefix of a symbol family whose
# numbers we shift. Pieces:
_GA_NOT_INSIDE = r"(?<![\w/.\-])"  # not "A/HRC/56/2" (an HRC report), nor "ES-10/19"
_GA_PREFIX = (
    r"(?P<prefix>A/(?:RES/|DEC/|HRC/RES/|HRC/DEC/|C\.\d/)?)?"  # "A/RES/79/166", "A/C.3/80/L.10"
)
_GA_SESSION = r"(?P<session>\d{1,2})/"  # "79/" (sessions 31 onwards are written n/m)
_GA_DRAFT = r"(?P<draft>L\.)?"  # "A/80/L.5"
_GA_NUMBER = r"(?P<number>\d{1,5})(?!\d)"  # "166"; glued footnote digits come along
GA_NUMBERED = re.compile(_GA_NOT_INSIDE + _GA_PREFIX + _GA_SESSION + _GA_DRAFT + _GA_NUMBER)

# Security Council "242 (1967)", not a treaty body's "general comment No. 26 (2008)".
SC_NUMBERED = re.compile(
    r"(?<![\w/.])(?<!No\.\s)(?P<prefix>S/RES/)?(?P<number>\d{1,5})"
    r"(?P<gap>\s*)\((?P<year>19[4-9]\d|20[0-4]\d)\)"
)

# The Assembly writes "session/number" from its 31st session on; smaller sessions written so
# belong to other bodies: the Environment Assembly's "resolutions 1/7 and 2/21"
# (UNEP/EA.2/Res.21, in A/RES/78/158), the Human Rights Council's "resolution 5/1".
FIRST_NUMBERED_SESSION = 31

# A page mark of PDF-extracted text, alone on its line: "2/4" (page 2 of 4).
PAGE_MARK = re.compile(r"^\s*(\d{1,2})/(\d{1,2})\s*$")
# Not symbols though shaped like one: "24/7".
NOT_A_SYMBOL = frozenset({"24/7"})
_YEAR = re.compile(r"(19|20)\d\d")  # "Law No. 10/2018", "resolution 3/2023" of another body


def _line_at(text: str, pos: int) -> str:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return text[start : len(text) if end < 0 else end]


def _is_page_mark(text: str, match: re.Match[str]) -> bool:
    found = PAGE_MARK.match(_line_at(text, match.start()))
    return found is not None and int(found.group(1)) <= int(found.group(2))


def renumber(text: str, copy: int) -> str:
    """``text`` as it reads in copy ``copy`` (copy 0: unchanged)."""
    if copy == 0:
        return text
    shift = STEP * copy

    def ga(match: re.Match[str]) -> str:
        whole = match.group(0)
        if int(match.group("session")) < FIRST_NUMBERED_SESSION:
            return whole
        if match.group("prefix") is None and match.group("draft") is None:
            if whole in NOT_A_SYMBOL or _YEAR.fullmatch(match.group("number")):
                return whole
            if _is_page_mark(text, match):
                return whole
        number = int(match.group("number")) + shift
        return (
            f"{match.group('prefix') or ''}{match.group('session')}/"
            f"{match.group('draft') or ''}{number}"
        )

    def sc(match: re.Match[str]) -> str:
        number = int(match.group("number")) + shift
        return f"{match.group('prefix') or ''}{number}{match.group('gap')}({match.group('year')})"

    return SC_NUMBERED.sub(sc, GA_NUMBERED.sub(ga, text))


# File names: "A_RES_79_166.txt", "A_C.3_80_L.10.txt", "S_RES_0242_1967_EN_GOLD.txt".
_GA_NAME = re.compile(
    r"^(?P<head>A_(?:RES_|C\.\d_)?\d{1,2}_(?:L\.)?)(?P<number>\d+)(?P<tail>\D.*)$"
)
_SC_NAME = re.compile(r"^(?P<head>S_RES_)(?P<number>\d+)(?P<tail>_\d{4}.*)$")


def renumber_name(name: str, copy: int) -> str:
    """The file name of a renumbered file: "A_RES_79_166.txt" -> "A_RES_79_666.txt" (copy 1)."""
    if copy == 0:
        return name
    shift = STEP * copy
    ga = _GA_NAME.match(name)
    if ga:
        return f"{ga['head']}{int(ga['number']) + shift}{ga['tail']}"
    sc = _SC_NAME.match(name)
    if sc:
        width = len(sc["number"])
        return f"{sc['head']}{int(sc['number']) + shift:0{width}d}{sc['tail']}"
    raise ValueError(f"no symbol in the file name {name!r}")
