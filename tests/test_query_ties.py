"""Equal scores: the same hits whichever order the resolutions were indexed in (the order
of their documents depends on which worker process took each file), through each of the
three ways the best hits are scored."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pytest
from builders import ga_meta, para, resolution
from engines import whoosh

from resdex.indexer.models import Resolution
from resdex.search.query import SearchRequest, search
from resdex.search.whoosh_engine import reader as whoosh_reader

# The first preambular paragraph of the resolutions on the situation of human rights in the
# Islamic Republic of Iran of 2023, 2024 and 2025 (A/RES/78/220, 79/183, 80/222), word for
# word the same: their scores for any query are equal
GUIDED = (
    "Guided by the Charter of the United Nations, as well as the Universal Declaration of "
    "Human Rights, the International Covenants on Human Rights and other international "
    "human rights instruments,"
)
# Their second paragraphs differ: the year of the resolution recalled
RECALLING = (
    "Recalling its previous resolutions on the situation of human rights in the Islamic "
    "Republic of Iran, the most recent of which is resolution {} of {},"
)
IRAN = [
    ("A/RES/78/220", dt.date(2023, 12, 19), "77/228", "15 December 2022"),
    ("A/RES/79/183", dt.date(2024, 12, 17), "78/220", "19 December 2023"),
    ("A/RES/80/222", dt.date(2025, 12, 18), "79/183", "17 December 2024"),
]


def iran() -> list[Resolution]:
    return [
        resolution(
            ga_meta(symbol, adopted),
            (
                para("PP1", GUIDED, "Guided"),
                para("PP2", RECALLING.format(recalled, on), "Recalling"),
            ),
        )
        for symbol, adopted, recalled, on in IRAN
    ]


def best(resolutions: Sequence[Resolution], query: str, limit: int) -> list[str]:
    result = search(whoosh(resolutions), SearchRequest(query, limit=limit))
    return sorted(f"{h.symbol} {h.label}" for h in result.hits)


@pytest.mark.parametrize(
    ("query", "text_check"),
    [
        ("instruments", None),  # one term: scored over its postings
        ('"international human rights instruments"', None),  # three units: on their text
        ('"international human rights instruments"', 0),  # Whoosh's matcher, by blocks
    ],
)
@pytest.mark.parametrize("limit", [1, 2])
def test_equal_scores_same_hits_whatever_the_order(
    query: str, text_check: int | None, limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    if text_check is not None:
        monkeypatch.setattr(whoosh_reader, "TEXT_CHECK", text_check)
    three = iran()
    orders = [three, three[::-1], [three[1], three[2], three[0]]]
    found = [best(order, query, limit) for order in orders]
    assert len(found[0]) == limit
    assert all(f[0].endswith(" PP1") for f in found)
    assert found[1] == found[0] and found[2] == found[0]
