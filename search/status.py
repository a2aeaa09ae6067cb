"""Whether an indexed document is a draft or an adopted text (``search --status``).

A draft is a document of the General Assembly's "L." series, of a Main Committee or of the
plenary, or any document without an adoption date. Pure: no Whoosh.
"""

from __future__ import annotations

import re
from datetime import date

# A Main Committee: "C.3" in "A/C.3/80/L.35" (the Third Committee's draft of 80/204).
_COMMITTEE = r"C\.\d+"
# An emergency special session: "ES-10" in "A/ES-10/L.30".
_EMERGENCY = r"ES-\d+"
# The session: "80" in "A/80/L.10".
_SESSION = r"\d+"
# The limited-distribution number, maybe revised: "L.35", "L.10/Rev.1".
_LIMITED = r"L\.\d+"

DRAFT_SYMBOL = re.compile(
    rf"^A/(?:{_COMMITTEE}/)?(?:{_EMERGENCY}|{_SESSION})/{_LIMITED}(?:/|$)", re.IGNORECASE
)


def is_draft(symbol: str, adopted: date | None) -> bool:
    """ "A/C.3/80/L.35" or "A/80/L.10": a draft; "A/RES/80/204" adopted on 2025-12-17: not;
    anything without an adoption date: a draft."""
    return adopted is None or DRAFT_SYMBOL.match(symbol.strip()) is not None
