"""Search hits as CSV: a header row, then one row per hit (the columns of the JSON)."""

from __future__ import annotations

import csv
import io

from resdex.search.results import SearchResult

COLUMNS = ("symbol", "label", "kind", "body", "session", "year", "adopted", "verb", "text")


def _cell(value: object) -> str:
    text = "" if value is None else str(value)
    # a spreadsheet runs a cell that starts with one of these as a formula
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def search_csv(result: SearchResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for h in result.hits:
        writer.writerow(
            _cell(v)
            for v in (
                h.symbol,
                h.label,
                h.kind,
                h.body,
                h.session,
                h.year,
                h.adopted,
                h.opening or h.verb,
                h.text,
            )
        )
    return out.getvalue()
