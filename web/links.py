"""Where a page links to, and text cut into pieces around the citations it holds.

A citation links to the cited document's page when that document is indexed, else to the
page of everything that cites it. URLs are built here only, with their parameters encoded.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlencode

from resdex.indexer.models import Citation
from resdex.search.engine import Reader
from resdex.search.targets import target_key


def url(path: str, params: dict[str, Any] | None = None, anchor: str | None = None) -> str:
    """``path?params#anchor``, every value encoded; None and "" values left out."""
    kept = {k: str(v) for k, v in (params or {}).items() if v is not None and v != ""}
    query = f"?{urlencode(kept)}" if kept else ""
    return f"{path}{query}{'#' + anchor if anchor else ''}"


def anchor(label: str) -> str:
    """The element id of a paragraph on its page: "OP2(a)" -> "p-OP2-a"; "footnote 3" ->
    "fn-3"."""
    if label.startswith("footnote "):
        return "fn-" + label.removeprefix("footnote ").strip()
    cleaned = "".join(ch if ch.isalnum() else "-" for ch in label).strip("-")
    return "p-" + "-".join(part for part in cleaned.split("-") if part)


def show_url(symbol: str, label: str | None = None) -> str:
    return url("/show", {"symbol": symbol}, anchor(label) if label else None)


def cites_url(target: str) -> str:
    return url("/cites", {"target": target})


def indexed_keys(index: Reader, symbols: Iterable[str]) -> set[str]:
    """The ``target_key`` of each of ``symbols`` that is an indexed document."""
    return index.indexed({target_key(s) for s in symbols})


@dataclass(frozen=True, slots=True)
class Linker:
    indexed: frozenset[str]  # target keys of the indexed documents among those linked to

    def href(self, target: str) -> str:
        return show_url(target) if target_key(target) in self.indexed else cites_url(target)

    def is_indexed(self, target: str) -> bool:
        return target_key(target) in self.indexed


@dataclass(frozen=True, slots=True)
class Piece:
    """A run of text, linked when it is a citation."""

    text: str
    href: str | None = None
    target: str | None = None  # the cited symbol (the link's title)
    indexed: bool = False


def pieces(text: str, citations: Iterable[Citation], linker: Linker) -> tuple[Piece, ...]:
    """``text`` cut at its citations (offsets into ``text``; overlapping ones skipped)."""
    out: list[Piece] = []
    at = 0
    for c in sorted(citations, key=lambda c: (c.start, -c.end)):
        if c.start < at or c.end > len(text) or c.start >= c.end:
            continue
        if c.start > at:
            out.append(Piece(text[at : c.start]))
        out.append(
            Piece(
                text[c.start : c.end], linker.href(c.target), c.target, linker.is_indexed(c.target)
            )
        )
        at = c.end
    if at < len(text):
        out.append(Piece(text[at:]))
    return tuple(out)
