"""Which documents count as drafts for ``search --status`` (symbols as the corpus writes them)."""

from __future__ import annotations

import datetime as dt

import pytest

from resdex.search.status import is_draft

ADOPTED = dt.date(2025, 12, 17)


@pytest.mark.parametrize(
    ("symbol", "adopted", "draft"),
    [
        ("A/RES/80/204", ADOPTED, False),  # adopted from the draft below
        ("A/C.3/80/L.35", None, True),  # the Third Committee's draft of 80/204
        ("A/80/L.10", None, True),  # a plenary draft
        ("A/C.1/80/L.5/Rev.1", None, True),  # a revised draft
        ("A/ES-10/L.30", None, True),  # an emergency special session's draft
        ("A/80/L.10", ADOPTED, True),  # an L. document stays a draft even when dated
        ("S/RES/242(1967)", dt.date(1967, 11, 22), False),
        ("A/RES/78/116", None, True),  # no adoption date: a draft
        ("A/HRC/RES/32/6", dt.date(2016, 7, 1), False),
    ],
)
def test_is_draft(symbol: str, adopted: dt.date | None, draft: bool) -> None:
    assert is_draft(symbol, adopted) is draft
