"""Citation cases kept as real passages in ``tests/passages/`` (``cite-conventions.txt``,
``cite-organs.txt``): one block a case, blank lines between, ``#`` lines are comments.

    case: its resolution in a GA text; HRC named      (or "not:" for a text citing nothing)
    from: A/RES/71/194 PP3                            (the document the text comes from)
    context: GA A/RES/71/194                          (then "year:", "session:", "title:")
    text: Recalling also its adoption of …
    cite: A/RES/70/153 | resolution 70/153            (target | surface | part | pinpoint)
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from resdex.indexer.models import Body
from resdex.indexer.resolve import CiteContext

PASSAGES = Path(__file__).parent / "passages"

# one expected citation: target, then as far as the case gives them surface, part, pinpoint
Cite = tuple[str, ...]


@dataclass(frozen=True, slots=True)
class CiteCase:
    name: str
    source: str
    ctx: CiteContext
    text: str
    cites: tuple[Cite, ...]
    cites_something: bool  # "case:" (its cites) or "not:" (no citation)


def load_cases(name: str) -> list[CiteCase]:
    """The cases of ``tests/passages/NAME.txt``, in file order."""
    text = (PASSAGES / f"{name}.txt").read_text(encoding="utf-8")
    blocks = [b for b in text.split("\n\n") if b.strip() and not b.lstrip().startswith("#")]
    return [_case(block) for block in blocks]


def _case(block: str) -> CiteCase:
    fields: dict[str, str] = {}
    cites: list[Cite] = []
    for line in block.split("\n"):
        key, _, value = line.partition(": ")
        if key == "cite":
            cites.append(tuple(value.split(" | ")))
        else:
            fields[key] = value
    kind = "case" if "case" in fields else "not"
    body, _, own = fields["context"].partition(" ")
    ctx = CiteContext(
        Body(body),
        own,
        int(fields["year"]) if "year" in fields else None,
        int(fields["session"]) if "session" in fields else None,
        fields.get("title", ""),
        fields.get("ibid", ""),
    )
    return CiteCase(
        fields[kind], fields.get("from", ""), ctx, fields["text"], tuple(cites), kind == "case"
    )


def cases_and_nots(name: str) -> tuple[list[CiteCase], list[CiteCase]]:
    """The cases that cite something, and those that cite nothing."""
    cases = load_cases(name)
    return [c for c in cases if c.cites_something], [c for c in cases if not c.cites_something]
