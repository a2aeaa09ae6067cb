"""Numbers in words of document headers: dates ("18 December 2025"), ordinal words
("Seventy-first")."""

from __future__ import annotations

import datetime as dt

from resdex.indexer import patterns as P

_MONTHS = {m: i for i, m in enumerate(P.word_list(P.MONTH_NAMES), start=1)}
_MONTHS.update({slip: _MONTHS[month] for slip, month in P.OCR_MONTHS.items()})
_UNITS = {
    w: i
    for i, w in enumerate(
        P.word_list("""first second third fourth fifth sixth seventh eighth ninth"""), start=1
    )
}
_TEENS = {
    w: i
    for i, w in enumerate(
        P.word_list(
            """tenth eleventh twelfth thirteenth fourteenth fifteenth sixteenth seventeenth
            eighteenth nineteenth"""
        ),
        start=10,
    )
}
_TENS = {
    w: 10 * i
    for i, w in enumerate(
        P.word_list("""twenty thirty forty fifty sixty seventy eighty ninety"""), start=2
    )
}
_TENS_ORDINAL = {
    w: 10 * i
    for i, w in enumerate(
        P.word_list(
            """twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth"""
        ),
        start=2,
    )
}


def parse_date(text: str) -> dt.date | None:
    """ "18 December 2025" -> 2025-12-18; None when it is not a date."""
    parts = text.split()
    try:
        return dt.date(int(parts[2]), _MONTHS[parts[1]], int(parts[0]))
    except (KeyError, ValueError, IndexError):
        return None


def iso_date(text: str) -> dt.date | None:
    """ "2025-11-26" (a Markdown YAML header's date) -> the date."""
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def ordinal_number(word: str) -> int | None:
    """ "Seventy-first" -> 71, "Eightieth" -> 80, "Tenth" -> 10."""
    low = word.lower()
    for table in (_UNITS, _TEENS, _TENS_ORDINAL):
        if low in table:
            return table[low]
    tens, _, unit = low.partition("-")
    if tens in _TENS and unit in _UNITS:
        return _TENS[tens] + _UNITS[unit]
    return None
