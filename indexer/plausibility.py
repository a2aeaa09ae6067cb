"""What can exist: the plausibility check on every canonical target of a reference.

A target built from a number and an organ may name a text that was never adopted:
"A/RES/6/8" (General Assembly sessions 1-30 are written "1514 (XV)"), "A/RES/79/5" cited
in a document of 2023, "S/RES/2800(2024)" (past the Council's numbers of 2024),
"E/CN.4/RES/2010/5" (the Commission ended in 2006). The resolver then drops the target or
gives the number to another organ named in the sentence (``resdex.indexer.resolve``).
The calendars are the organ table's (``resdex.indexer.organs``); the Security Council's
numbers by year are here.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Final

from resdex.indexer.organs import ROW, Numbering, Organ, from_roman

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


def sc_year_of(number: int) -> int | None:
    """The year the Security Council adopted resolution ``number`` (the table's years),
    None for a number past the table."""
    index = bisect_right(SC_FIRST_OF_YEAR, number) - 1
    if index < 0 or (index == len(SC_FIRST_OF_YEAR) - 1 and number > SC_FIRST_OF_YEAR[-1] + 80):
        return None
    return _SC_FIRST_YEAR + index


def sc_year_slip(number: str, written: str) -> str | None:
    """The year of a Security Council number whose written year OCR got wrong by one digit:
    "274 (1959) of 11 December 1969" (S/RES/281 (1970)) -> "1969"; None when the year is
    right or the slip is more than one digit ("587 (1991)" for 687 (1991))."""
    if not number.isdigit():
        return None
    year = sc_year_of(int(number))
    if year is None or str(year) == written or len(written) != 4:
        return None
    slips = sum(1 for a, b in zip(str(year), written, strict=True) if a != b)
    return str(year) if slips == 1 else None


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
            return True  # "2625 (XXVV)": an OCR slip in the numeral, not another body
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
        # the Council's "2026 session" opens in July 2025: "Economic and Social Council
        # resolution 2026/2 of 19 September 2025" (A/RES/80/186 PP17)
        return year is None or value <= year + 1
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
