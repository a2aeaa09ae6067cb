"""Cited-document symbols: the comparison key, and a TARGET as a user writes it.

``citations.md``: targets "compare case-insensitively, spaces removed", so the index keeps
each target under ``target_key(target)``. ``normalize_target`` turns the usual spellings a
user types after ``resdex cites`` or ``resdex show`` into the canonical symbol. Pure
string work with ``re`` only: the query path must start fast (no spaCy, no parser).
"""

from __future__ import annotations

import re

from resdex.indexer.errors import ResdexError


class BadTarget(ResdexError):
    """A TARGET that reads as no document symbol."""


def target_key(symbol: str) -> str:
    """The comparison form of a symbol: case-folded, every space removed.

    "A/CONF.157/24" -> "a/conf.157/24"; "S/RES/242 (1967)" -> "s/res/242(1967)".
    """
    return "".join(symbol.split()).casefold().replace(",", ";")


# --- named pieces -------------------------------------------------------------------------

# "resolution 55/2", "res. 55/2", "resolutions 64/117": the word before a bare number
_RES_WORD = r"(?:resolutions?|res\.?)"
# "decision 63/550"
_DEC_WORD = r"(?:decisions?|dec\.?)"
# the organ named before the word: "General Assembly resolution 66/3", "GA res 70/1"
_GA = r"(?:general\s+assembly|ga|a)"
# "Security Council resolution 1325 (2000)", "SC res 242"
_SC = r"(?:security\s+council|sc|s)"
# "Human Rights Council resolution 32/6", "HRC resolution 32/6"
_HRC = r"(?:human\s+rights\s+council|hrc)"
# "Commission on Human Rights resolution 2005/69", "CHR resolution 2005/69"
_CHR = r"(?:commission\s+on\s+human\s+rights|chr)"
# "Economic and Social Council resolution 2004/67", "ECOSOC resolution 2004/67"
_ECOSOC = r"(?:economic\s+and\s+social\s+council|ecosoc)"
# "55/2", "ES-10/19", "S-26/2", "2005/69": session (or year) / number
_SESSION_NUMBER = r"(?P<num>(?:ES-|S-)?\d+\s*/\s*\d+)"
# "242 (1967)", "1514 (XV)", "217 A (III)": number, optional lettered part, (year or session)
_PAREN_NUMBER = r"(?P<pnum>\d+)(?:\s*[A-Z])?\s*\(\s*(?P<paren>\d{4}|[IVXLC]+)\s*\)"
# "resolution 51/153 B": a lettered part after the number, dropped from the target
_PART_LETTER = r"(?:\s+[A-Z])?"

_ORGAN = rf"(?P<organ>{_GA}|{_SC}|{_HRC}|{_CHR}|{_ECOSOC})"
_NAMED = re.compile(
    rf"^(?:{_ORGAN}\s+)?(?P<word>{_RES_WORD}|{_DEC_WORD})?\s*"
    rf"(?:{_SESSION_NUMBER}{_PART_LETTER}|{_PAREN_NUMBER})$",
    re.IGNORECASE,
)
# "S/RES/242 (1967)", "A/RES/217 A (III)": a symbol with a parenthetical year or session
_SYMBOL_PAREN = re.compile(
    r"^(?P<prefix>[A-Z][A-Z0-9.\-]*(?:/[A-Z0-9.\-]+)*/)(?P<pnum>\d+)(?:\s*[A-Z])?\s*"
    r"\(\s*(?P<paren>\d{4}|[IVXLC]+)\s*\)$",
    re.IGNORECASE,
)
# "A/CONF.157/24", "E/CN.4/Sub.2/2000/46", "A/C.3/80/L.10": an explicit symbol
_SYMBOL = re.compile(r"^[A-Z][A-Za-z0-9.\-–]*(?:/[A-Za-z0-9.\-–]+)+$", re.IGNORECASE)
# "A/80/6 (Sect. 24)", "A/CONF.157/24 (Part I), chap. III": a part or pinpoint after it
_TRAILING_PART = re.compile(
    r"(?:\s*(?:\((?:part|sect|vol|plan)[^)]*\)|,\s*(?:chap|para|sect|annex)\b.*))+$",
    re.IGNORECASE,
)
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


def _organ_prefix(organ: str | None, decision: bool) -> str:
    name = " ".join((organ or "ga").lower().split())
    kind = "DEC" if decision else "RES"
    if name in ("human rights council", "hrc"):
        return f"A/HRC/{kind}/"
    if name in ("commission on human rights", "chr"):
        return f"E/CN.4/{kind}/"
    if name in ("economic and social council", "ecosoc"):
        return f"E/{kind}/"
    if name in ("security council", "sc", "s"):
        return "S/RES/"
    return f"A/{kind}/"


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
    named = _NAMED.match(written)
    if named:
        organ = named.group("organ")
        decision = (named.group("word") or "").lower().startswith("dec")
        if named.group("num"):
            number = "".join(named.group("num").split()).upper()
            if organ and organ.lower() in ("s", "sc", "security council"):
                raise BadTarget(
                    f"{written!r}: Security Council resolutions are numbered "
                    "'242 (1967)', not 'session/number'"
                )
            return _organ_prefix(organ, decision) + number
        paren = named.group("paren").upper()
        number = named.group("pnum")
        if paren.isdigit():  # "242 (1967)": a Security Council resolution
            return f"S/RES/{number}({paren})"
        return f"{_organ_prefix(organ, decision)}{number}({paren})"
    written = _TRAILING_PART.sub("", written)
    paren_symbol = _SYMBOL_PAREN.match(written)
    if paren_symbol:
        prefix = _canonical_case("".join(paren_symbol.group("prefix").split()))
        return f"{prefix}{paren_symbol.group('pnum')}({paren_symbol.group('paren').upper()})"
    compact = "".join(written.split())
    if _SYMBOL.match(compact) and any(ch.isdigit() for ch in compact):
        return _canonical_case(compact)
    raise BadTarget(
        f"cannot read {text.strip()!r} as a document symbol "
        "(examples: A/CONF.157/24, A/RES/55/2, 'resolution 55/2', 'S/RES/242 (1967)')"
    )
