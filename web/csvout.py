"""Search and cites results as CSV: the rows of ``resdex search --csv`` and ``resdex cites
--csv`` (``resdex.search.export``), so a download equals what the CLI prints."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from typing import Any

from resdex.search.export import CITES_HEADER, SEARCH_HEADER, cites_rows, search_rows
from resdex.search.results import CitesResult, SearchResult


def _csv(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")  # as the CLI writes it
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue()


def search_csv(result: SearchResult) -> str:
    return _csv(SEARCH_HEADER, search_rows(result))


def cites_csv(result: CitesResult) -> str:
    return _csv(CITES_HEADER, cites_rows(result))
