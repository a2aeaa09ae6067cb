"""``lineage``: the versions of a recurring resolution present in the index, oldest first.

Candidates come from the index through ``search``'s public functions, never a scan of every
document: the paragraphs holding all the words of the title (a resolution repeats its title's
words: A/RES/69/179 PP2 "… on the enhancement of international cooperation in the field of
human rights"), the resolutions each version recalls (``show``), and those that recall it
(``cites``), followed version to version. A candidate is kept when ``series.same_series``
says so; a draft also when its text is close to a version (an amendment bearing the draft's
title is not a version).

Each version is tied to the one before it: ``draft`` (the resolution adopted from that
draft: same session and title, and the adopted text close to the draft's or its header
naming the draft), ``recalls`` (its text cites the one before: "Recalling its resolution
79/166"), or ``title`` (same title, nothing cited: A/RES/71/194 recalls 70/153, which is not
indexed, not 69/179). A gap is shown where the versions skip sessions and the later one does
not recall the earlier: the sessions missing, and what the later one recalls from them that
the index lacks. Nothing is guessed into a gap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from resdex.indexer.errors import ResdexError
from resdex.indexer.models import Resolution
from resdex.search import series
from resdex.search.align import similarity
from resdex.search.engine import Reader
from resdex.search.query import NotIndexed, SearchRequest, cites, search, show
from resdex.search.results import natural_key
from resdex.search.targets import target_key

# A draft is the text adopted as a resolution of its session and title when their whole
# texts are at least this similar (A/C.3/80/L.35 and A/RES/80/204: 1.0).
DRAFT_ADOPTED = 0.8
# A draft whose text is further than this from every version is another document under the
# same title (an amendment, a decision): left out.
DRAFT_KEPT = 0.5
# Paragraphs read, the best-scoring first, among those holding every word of the title (the
# search reads and highlights each one it returns).
TITLE_HITS = 150
# Candidates read, at most, while following the versions.
MAX_CANDIDATES = 400

# Words of a title too common to find anything by.
_STOP = frozenset(("a", "an", "and", "as", "at", "by", "for", "from", "in", "into", "its"))
_STOP |= {"of", "on", "or", "the", "to", "with", "their"}
_WORD = re.compile(r"[^\W_]+")


class NoLineage(ResdexError):
    """The document has no other version in the index."""


@dataclass(frozen=True, slots=True)
class Version:
    symbol: str
    body: str
    session: int | None
    year: int | None
    adopted: str | None  # ISO date; None for drafts
    title: str | None
    status: str  # adopted | draft
    link: str | None  # how it is tied to the version before: recalls | title | draft
    recalls: tuple[str, ...]  # the versions before it that its text cites


@dataclass(frozen=True, slots=True)
class Gap:
    """Sessions missing between two versions (``after`` is None before the first one)."""

    after: str | None
    before: str
    sessions: tuple[int, ...]  # sessions with no version in the index
    recalled: tuple[str, ...]  # resolutions ``before`` recalls from them, not in the index


@dataclass(frozen=True, slots=True)
class Lineage:
    symbol: str  # the asked symbol, as indexed
    title: str | None
    versions: tuple[Version, ...]  # oldest first, the asked one included
    gaps: tuple[Gap, ...]

    def predecessor(self, symbol: str, *, adopted_only: bool = False) -> Version | None:
        """The version before ``symbol`` (the previous adopted one with ``adopted_only``)."""
        keys = [target_key(v.symbol) for v in self.versions]
        at = keys.index(target_key(symbol))
        for v in reversed(self.versions[:at]):
            if not adopted_only or v.status == series.ADOPTED:
                return v
        return None

    def adopted_from(self, draft: str) -> Version | None:
        """The resolution adopted from ``draft``: the next version, linked as ``draft``."""
        keys = [target_key(v.symbol) for v in self.versions]
        at = keys.index(target_key(draft))
        for v in self.versions[at + 1 :]:
            if v.link == "draft":
                return v
            if v.status == series.ADOPTED:
                return None
        return None


# --- candidates -------------------------------------------------------------------------------


def _title_query(title: str | None) -> str | None:
    words = [w for w in _WORD.findall(series.title_key(title)) if w not in _STOP]
    return " ".join(dict.fromkeys(words)) or None


def _by_title(index: Reader, res: Resolution) -> set[str]:
    """Symbols of the documents of ``res``'s body and title among the paragraphs that hold
    every word of the title, the best-scoring ``TITLE_HITS`` of them. (An indexed title
    field would make this exact: asked of ``perf``.)"""
    query = _title_query(res.meta.title)
    if query is None:
        return set()
    found = search(index, SearchRequest(query=query, body=res.meta.body.value, limit=TITLE_HITS))
    return {h.symbol for h in found.hits if series.titles_match(h.title, res.meta.title)}


def _recalled_resolutions(res: Resolution) -> list[str]:
    return sorted(t for t in series.recalled(res) if series.resolution_organ(t) is not None)


class _Shown:
    """The documents read so far (each ``show`` once)."""

    def __init__(self, index: Reader) -> None:
        self.index = index
        self.docs: dict[str, Resolution | None] = {}

    def get(self, symbol: str) -> Resolution | None:
        key = target_key(symbol)
        if key not in self.docs:
            try:
                self.docs[key] = show(self.index, symbol)
            except NotIndexed:
                self.docs[key] = None
            except ResdexError:  # a cited target that reads as no symbol
                self.docs[key] = None
        return self.docs[key]


def _collect(index: Reader, seed: Resolution) -> list[Resolution]:
    """The seed's series: candidates by title, then the recalled and recalling ones,
    followed from version to version."""
    reader = _Shown(index)
    reader.docs[target_key(seed.symbol)] = seed
    members: dict[str, Resolution] = {target_key(seed.symbol): seed}
    todo = [seed]
    for symbol in sorted(_by_title(index, seed)):
        res = reader.get(symbol)
        key = target_key(res.symbol) if res is not None else ""
        if res is not None and key not in members and series.same_series(seed, res):
            members[key] = res
            todo.append(res)
    looked = 0
    while todo and looked < MAX_CANDIDATES:
        res = todo.pop()
        around = _recalled_resolutions(res)
        around += [c.symbol for c in cites(index, res.symbol).citing]
        for symbol in around:
            key = target_key(symbol)
            if key in members:
                continue
            looked += 1
            other = reader.get(symbol)
            if other is not None and series.same_series(res, other):
                members[key] = other
                todo.append(other)
    return list(members.values())


# --- order and links --------------------------------------------------------------------------


def _drafts_adopted(members: list[Resolution]) -> tuple[dict[str, str], set[str]]:
    """{draft key: adopted key} for the drafts adopted as a member, and the keys of drafts
    too far from every member to be a version."""
    texts = {target_key(r.symbol): series.full_text(r) for r in members}
    adopted_from: dict[str, str] = {}
    strays: set[str] = set()
    for d in members:
        if series.status(d) != series.DRAFT:
            continue
        dk = target_key(d.symbol)
        best, best_key = 0.0, None
        for a in members:
            if series.status(a) != series.ADOPTED or series.Rank.of(a).period != (
                series.Rank.of(d).period
            ):
                continue
            ak = target_key(a.symbol)
            s = 1.0 if dk in series.recalled(a) else similarity(texts[dk], texts[ak])
            if s > best:
                best, best_key = s, ak
        if best_key is not None and best >= DRAFT_ADOPTED:
            adopted_from[dk] = best_key
            continue
        closest = max((similarity(texts[dk], texts[k]) for k in texts if k != dk), default=0.0)
        if closest < DRAFT_KEPT:
            strays.add(dk)
    return adopted_from, strays


def _ordered(members: list[Resolution], adopted_from: dict[str, str]) -> list[Resolution]:
    """Adopted versions by session (or year) and number, numbers being given in the order of
    adoption (dates can be lost: S/RES/206 (1965)); each draft just before the resolution
    adopted from it, a draft never adopted at the end of its session."""

    def key(r: Resolution) -> tuple[Any, ...]:
        rank = series.Rank.of(r)
        k = target_key(r.symbol)
        if k in adopted_from:
            target = next(m for m in members if target_key(m.symbol) == adopted_from[k])
            t = series.Rank.of(target)
            return (t.period, 0, natural_key(target.symbol), 0, natural_key(r.symbol))
        if series.status(r) == series.DRAFT:
            return (rank.period, 1, (), 0, natural_key(r.symbol))
        return (rank.period, 0, natural_key(r.symbol), 1, ())

    return sorted(members, key=key)


def _gap(res: Resolution, before: Resolution | None, indexed: set[str]) -> Gap | None:
    """The gap between two adopted versions of the General Assembly (``before`` None: before
    the first one, where only the session just before it is looked at), or None: the later
    recalls the earlier, or no session lies between them."""
    session = res.meta.session
    if session is None or (before is not None and before.meta.session is None):
        return None
    recalls = series.recalled(res)
    if before is None:
        sessions: tuple[int, ...] = (session - 1,)
    elif target_key(before.symbol) in recalls:
        return None
    else:
        sessions = tuple(range(before.meta.session + 1, session))  # type: ignore[operator]
    organ = res.meta.body
    missing = tuple(
        sorted(
            (
                t.upper()
                for t in recalls
                if t not in indexed and series.resolution_session(t, organ) in sessions
            ),
            key=natural_key,
        )
    )
    if not sessions or (before is None and not missing):
        return None
    return Gap(
        after=before.symbol if before else None,
        before=res.symbol,
        sessions=sessions,
        recalled=missing,
    )


def _version(res: Resolution, link: str | None, keys: set[str]) -> Version:
    meta = res.meta
    own = target_key(res.symbol)
    return Version(
        symbol=res.symbol,
        body=meta.body.value,
        session=meta.session,
        year=meta.year,
        adopted=meta.adopted.isoformat() if meta.adopted else None,
        title=meta.title,
        status=series.status(res),
        link=link,
        recalls=tuple(
            sorted((k.upper() for k in series.recalled(res) & keys if k != own), key=natural_key)
        ),
    )


def _link(res: Resolution, before: Resolution, adopted_from: dict[str, str]) -> str:
    if adopted_from.get(target_key(before.symbol)) == target_key(res.symbol):
        return "draft"
    if target_key(before.symbol) in series.recalled(res):
        return "recalls"
    return "title"


def lineage(index: Reader, symbol: str) -> Lineage:
    """The versions of ``symbol``'s resolution in the index, oldest first (drafts included),
    each tied to the one before. Raises ``NotIndexed`` for a symbol not in the index and
    ``NoLineage`` when it has no other version there."""
    seed = show(index, symbol)
    members = _collect(index, seed)
    adopted_from, strays = _drafts_adopted(members)
    seed_key = target_key(seed.symbol)
    members = [m for m in members if target_key(m.symbol) not in strays - {seed_key}]
    if len(members) < 2:
        raise NoLineage(f"{seed.symbol} has no other version in the index")
    ordered = _ordered(members, adopted_from)
    keys = {target_key(m.symbol) for m in ordered}
    versions: list[Version] = []
    gaps: list[Gap] = []
    previous: Resolution | None = None  # the adopted version before
    for i, res in enumerate(ordered):
        before = ordered[i - 1] if i else None
        link = _link(res, before, adopted_from) if before is not None else None
        versions.append(_version(res, link, keys))
        if series.status(res) == series.ADOPTED:
            gap = _gap(res, previous, keys)
            if gap is not None:
                gaps.append(gap)
            previous = res
    return Lineage(
        symbol=seed.symbol, title=seed.meta.title, versions=tuple(versions), gaps=tuple(gaps)
    )


def lineage_to_json(result: Lineage) -> dict[str, Any]:
    return {
        "symbol": result.symbol,
        "title": result.title,
        "versions": [
            {
                "symbol": v.symbol,
                "body": v.body,
                "session": v.session,
                "year": v.year,
                "adopted": v.adopted,
                "title": v.title,
                "status": v.status,
                "link": v.link,
                "recalls": list(v.recalls),
            }
            for v in result.versions
        ],
        "gaps": [
            {
                "after": g.after,
                "before": g.before,
                "sessions": list(g.sessions),
                "recalled": list(g.recalled),
            }
            for g in result.gaps
        ],
    }
