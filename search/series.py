"""What makes two indexed documents versions of one recurring resolution. Pure functions over
``Resolution`` values: titles, status, the resolutions a text recalls, whole-text similarity.

Titles compare in a normal form (``title_key``); a title cut short by a conversion (ga-md/
"titles may be cut short") still matches the whole title it begins. Agenda item numbers are
not compared across sessions: the same item is 68 (b) in the 69th session and 71 (b) in the
79th (A/RES/69/179, A/RES/79/166).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resdex.indexer.models import Resolution
from resdex.indexer.organs import ORGANS, Numbering, Organ, symbol_key
from resdex.search.align import normal, similarity
from resdex.search.targets import target_key

DRAFT = "draft"
ADOPTED = "adopted"

# A title that begins another stands for it when it keeps this share of its words (and at
# least MIN_PREFIX_WORDS): a title cut short at a line break, never "Situation of".
PREFIX_SHARE = 0.6
MIN_PREFIX_WORDS = 4
# Titles this similar are one series' when the later text also recalls the earlier one
# ("Recalling its resolution 79/166"): a title reworded from one session to the next.
RECALLED_TITLE = 0.85
# Untitled texts (the Security Council's, sc-text/) are one series when one recalls the other
# and their whole texts are this similar: the renewals of the force in Cyprus, S/RES/192,
# 194, 198 (1964), 201, 206, 219 (1965), are 0.59 to 0.93 alike one to the next, the other
# Cyprus resolutions they recall, 186, 187, 193 (1964), 207 (1965), at most 0.49.
UNTITLED_TEXT = 0.55

# "71/194. Enhancement of …", "(a) Enhancement …": a number or letter left before a title
_TITLE_LEAD = re.compile(r"^\s*(?:\d+/\d+\.\s*|\([a-z]\)\s*)")
# "… rights." / "… rights;": closing punctuation
_TITLE_TAIL = re.compile(r"[\s.;:,]+$")


def title_key(title: str | None) -> str:
    """ "71/194. Enhancement of international cooperation in the field of human rights." ->
    "enhancement of international cooperation in the field of human rights"."""
    if not title:
        return ""
    text = _TITLE_LEAD.sub("", normal(title))
    return _TITLE_TAIL.sub("", text).casefold()


def titles_match(a: str | None, b: str | None) -> bool:
    """The same title, or one cut short that begins the other."""
    ka, kb = title_key(a), title_key(b)
    if not ka or not kb:
        return False
    if ka == kb:
        return True
    short, long = sorted((ka, kb), key=len)
    words = len(short.split())
    return (
        long.startswith(short + " ")
        and words >= MIN_PREFIX_WORDS
        and words >= PREFIX_SHARE * len(long.split())
    )


def title_similarity(a: str | None, b: str | None) -> float:
    return similarity(title_key(a), title_key(b))


def _template(template: str) -> re.Pattern[str]:
    """ "A/RES/{session}/{number}" -> a regex over symbol keys ("a/res/70/153")."""
    pattern = (
        re.escape(symbol_key(template))
        .replace(r"\{session\}", r"(?P<session>(?:e?s-)?\d+|[ivxlc]+)")
        .replace(r"\{number\}", r"(?P<number>\d+)")
    )
    return re.compile(pattern)


# The resolution symbols of each organ, from the one organ table (resdex.indexer.organs).
_RESOLUTIONS: dict[Organ, tuple[Numbering, re.Pattern[str]]] = {
    row.organ: (row.numbering, _template(row.resolutions)) for row in ORGANS if row.resolutions
}


def resolution_organ(key: str) -> Organ | None:
    """The organ whose resolution a symbol key designates ("a/res/70/153": GA), or None."""
    for organ, (_, pattern) in _RESOLUTIONS.items():
        if pattern.fullmatch(key):
            return organ
    return None


def resolution_session(key: str, organ: Organ) -> int | None:
    """The session of a resolution of ``organ`` numbered by session ("a/res/70/153": 70)."""
    found = _RESOLUTIONS.get(organ)
    if found is None or found[0] is not Numbering.SESSION:
        return None
    m = found[1].fullmatch(key)
    return int(m.group("session")) if m and m.group("session").isdigit() else None


def status(res: Resolution) -> str:
    """ "draft" for a draft (an ``L.`` document, or any document without a date of
    adoption whose symbol is not a resolution's), else "adopted". A resolution's symbol
    stands even when its text lost the date (S/RES/206 (1965) reads "ef 15 June 1965")."""
    if res.meta.draft:
        return DRAFT
    if res.meta.adopted is None and resolution_organ(target_key(res.symbol)) is None:
        return DRAFT
    return ADOPTED


def recalled(res: Resolution) -> frozenset[str]:
    """The target keys of every document the text cites (header, paragraphs, footnotes)."""
    return frozenset(target_key(c.target) for c in res.citations())


def full_text(res: Resolution) -> str:
    """Every paragraph's normal form, one string (for whole-document similarity)."""
    return " ".join(normal(p.text) for p in res.paragraphs)


@dataclass(frozen=True, slots=True)
class Rank:
    """Where a document stands in time: the General Assembly's session, else the year of a
    Security Council text (session N opens in September of 1945 + N)."""

    period: int
    adopted: str  # ISO date, "" for drafts

    @classmethod
    def of(cls, res: Resolution) -> Rank:
        meta = res.meta
        if meta.session:
            period = meta.session
        elif meta.year:
            period = meta.year - 1945
        else:
            period = 10**6
        return cls(period, meta.adopted.isoformat() if meta.adopted else "")


def same_series(a: Resolution, b: Resolution) -> bool:
    """Versions of one resolution: the same organ and the same title, or a title reworded a
    little when one text recalls the other. "Promotion of a democratic and equitable
    international order" (A/RES/80/208) is not "Enhancement of international cooperation in
    the field of human rights" (A/RES/80/204), though both sit under agenda item 71 (b)."""
    if a.meta.body != b.meta.body:
        return False
    if titles_match(a.meta.title, b.meta.title):
        return True
    recalls = target_key(b.symbol) in recalled(a) or target_key(a.symbol) in recalled(b)
    if not recalls:
        return False
    if not title_key(a.meta.title) and not title_key(b.meta.title):
        return similarity(full_text(a), full_text(b), UNTITLED_TEXT) >= UNTITLED_TEXT
    return title_similarity(a.meta.title, b.meta.title) >= RECALLED_TITLE
