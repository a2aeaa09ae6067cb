"""``resdex … --json`` lays its document out one key, and one listed item, a line
(``resdex.search.jsontext.json_text``): the same JSON as ``json.dumps``, written by json's C
encoder."""

from __future__ import annotations

import json

import pytest

from resdex.search.jsontext import json_text

# (data, the text expected, written by hand)
CASES = [
    ({}, "{}"),
    ([], "[]"),
    ("A/RES/78/179", '"A/RES/78/179"'),
    (None, "null"),
    (
        {"target": "A/CONF.157/24", "citing": []},
        '{\n  "target": "A/CONF.157/24",\n  "citing": []\n}',
    ),
    (
        {
            "target": "A/CONF.157/24",
            "citing": [
                {"symbol": "A/RES/78/179", "units": [{"label": "PP1", "via_footnotes": [2]}]},
                {"symbol": "A/RES/78/180", "units": [{"label": "PP2", "via_footnotes": [2]}]},
            ],
        },
        '{\n  "target": "A/CONF.157/24",\n  "citing": [\n'
        '    {"symbol": "A/RES/78/179", "units": [{"label": "PP1", "via_footnotes": [2]}]},\n'
        '    {"symbol": "A/RES/78/180", "units": [{"label": "PP2", "via_footnotes": [2]}]}\n'
        "  ]\n}",
    ),
    (
        [{"symbol": "S/RES/242 (1967)"}, {"symbol": "A/RES/55/2"}],
        '[\n  {"symbol": "S/RES/242 (1967)"},\n  {"symbol": "A/RES/55/2"}\n]',
    ),
    # not ASCII-escaped: a French title as it is written
    ({"title": "Déclaration de Vienne"}, '{\n  "title": "Déclaration de Vienne"\n}'),
]


@pytest.mark.parametrize(("data", "expected"), CASES)
def test_layout(data: object, expected: str) -> None:
    assert json_text(data) == expected
    assert json.loads(json_text(data)) == data
