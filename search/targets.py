"""Cited-document symbols: the comparison key, and a TARGET as a user writes it.

``citations.md``: targets "compare case-insensitively, spaces removed", so the index keeps
each target under ``target_key(target)``. ``normalize_target`` turns the usual spellings a
user types after ``resdex cites`` or ``resdex show`` into the canonical symbol. Pure
string work with ``re`` only: the query path must start fast (no spaCy, no parser).
"""

from __future__ import annotations

import functools
import re

from resdex.indexer.errors import ResdexError
from resdex.indexer.organs import ROW, WITH_SERIES, Organ, organ_named, series_target, symbol_key


class BadTarget(ResdexError):
    """A TARGET that reads as no document symbol."""


# The one symbol key lives with the organ table; the index keeps each target under it.
target_key = symbol_key


# --- named pieces -------------------------------------------------------------------------

# "resolution 55/2", "res. 55/2", "resolutions 64/117": the word before a bare number
_RES_WORD = r"(?:resolutions?|res\.?)"
# "decision 63/550"
_DEC_WORD = r"(?:decisions?|dec\.?)"
# the organ named before the word, any spelling of the organ table's bodies with a series:
# "General Assembly resolution 66/3", "GA res 70/1", "Security Council resolution 1325
# (2000)", "HRC resolution 32/6", "ECOSOC resolution 2004/67", "UNEA resolution 5/12"
_ORGAN_NAMES = sorted(
    {
        name
        for organ in WITH_SERIES
        for name in (ROW[organ].name, organ.value, *ROW[organ].abbreviations)
    },
    key=len,
    reverse=True,
)
# "55/2", "ES-10/19", "S-26/2", "2005/69": session (or year) / number
_SESSION_NUMBER = r"(?P<num>(?:ES-|S-)?\d+\s*/\s*\d+)"
# "242 (1967)", "1514 (XV)", "217 A (III)": number, optional lettered part, (year or session)
_PAREN_NUMBER = r"(?P<pnum>\d+)(?:\s*[A-Z])?\s*\(\s*(?P<paren>\d{4}|[IVXLC]+)\s*\)"
# "resolution 51/153 B": a lettered part after the number, dropped from the target
_PART_LETTER = r"(?:\s+[A-Z])?"

_ORGAN = "(?P<organ>" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in _ORGAN_NAMES) + ")"
_NAMED = (
    rf"^(?:{_ORGAN}\s+)?(?P<word>{_RES_WORD}|{_DEC_WORD})?\s*"
    rf"(?:{_SESSION_NUMBER}{_PART_LETTER}|{_PAREN_NUMBER})$"
)
# "S/RES/242 (1967)", "A/RES/217 A (III)": a symbol with a parenthetical year or session
_SYMBOL_PAREN = (
    r"^(?P<prefix>[A-Z][A-Z0-9.\-]*(?:/[A-Z0-9.\-]+)*/)(?P<pnum>\d+)(?:\s*[A-Z])?\s*"
    r"\(\s*(?P<paren>\d{4}|[IVXLC]+)\s*\)$"
)
# "A/CONF.157/24", "E/CN.4/Sub.2/2000/46", "A/C.3/80/L.10": an explicit symbol
_SYMBOL = r"^[A-Z][A-Za-z0-9.\-–]*(?:/[A-Za-z0-9.\-–]+)+$"
# "A/80/6 (Sect. 24)", "A/CONF.157/24 (Part I), chap. III": a part or pinpoint after it
_TRAILING_PART = r"(?:\s*(?:\((?:part|sect|vol|plan)[^)]*\)|,\s*(?:chap|para|sect|annex)\b.*))+$"


@functools.cache
def _pattern(source: str) -> re.Pattern[str]:
    """One of the patterns above, compiled case-insensitively on first use: ``resdex search``
    imports this module but reads no TARGET, and compiling the four took it 5 ms."""
    return re.compile(source, re.IGNORECASE)


# series whose letters are written in capitals in canonical symbols ("Sub.2", "Corr.1",
# "Add.2", "Rev.1", "L.10" keep their case as written in UN symbols)
_MIXED_CASE = {
    "sub": "Sub",
    "add": "Add",
    "corr": "Corr",
    "rev": "Rev",
    "amend": "Amend",
    "corrigendum": "Corrigendum",
}


def _organ(written: str | None) -> Organ:
    """The organ a user named before the number (the General Assembly when none)."""
    return organ_named(written or "") or Organ.GA


def _series(organ: Organ, decision: bool, first: str, number: str, bracket: str) -> str:
    target = series_target(organ, decision, first, number, bracket)
    if target is None:
        raise BadTarget(
            f"{ROW[organ].name} has no {'decision' if decision else 'resolution'} "
            f"numbered {first + '/' if first else ''}{number}"
            f"{f' ({bracket})' if bracket else ''}"
        )
    return target


def _canonical_case(symbol: str) -> str:
    """Upper-case a symbol typed in any case, keeping "Sub.2", "Add.2", "Corr.1" as UN
    symbols write them."""
    pieces = re.split(r"([/.\-–()])", symbol.upper())
    return "".join(_MIXED_CASE.get(p.lower(), p) for p in pieces)


def normalize_target(text: str) -> str:
    """The canonical symbol of TARGET as a user writes it.

    "a/conf.157/24" -> "A/CONF.157/24"; "resolution 55/2" -> "A/RES/55/2";
    "S/RES/242 (1967)" -> "S/RES/242(1967)"; "HRC resolution 32/6" -> "A/HRC/RES/32/6".
    Raises ``BadTarget`` for text that is no symbol.
    """
    written = " ".join(text.replace("\u00a0", " ").split()).strip(" .,;")
    if not written:
        raise BadTarget("empty target: give a document symbol such as A/RES/55/2")
    named = _pattern(_NAMED).match(written)
    if named:
        organ = named.group("organ")
        decision = (named.group("word") or "").lower().startswith("dec")
        if named.group("num"):
            first, number = "".join(named.group("num").split()).upper().split("/")
            if _organ(organ) is Organ.SC:
                raise BadTarget(
                    f"{written!r}: Security Council resolutions are numbered "
                    "'242 (1967)', not 'session/number'"
                )
            return _series(_organ(organ), decision, first, number, "")
        paren = named.group("paren").upper()
        number = named.group("pnum")
        if paren.isdigit():  # "242 (1967)": a Security Council resolution
            return _series(Organ.SC, False, "", number, paren)
        return _series(_organ(organ), decision, "", number, paren)
    written = _pattern(_TRAILING_PART).sub("", written)
    paren_symbol = _pattern(_SYMBOL_PAREN).match(written)
    if paren_symbol:
        prefix = _canonical_case("".join(paren_symbol.group("prefix").split()))
        return f"{prefix}{paren_symbol.group('pnum')}({paren_symbol.group('paren').upper()})"
    compact = "".join(written.split())
    if _pattern(_SYMBOL).match(compact) and any(ch.isdigit() for ch in compact):
        return _canonical_case(compact)
    raise BadTarget(
        f"cannot read {text.strip()!r} as a document symbol "
        "(examples: A/CONF.157/24, A/RES/55/2, 'resolution 55/2', 'S/RES/242 (1967)')"
    )
