"""``resdex check``: verify an index the way Lucene's CheckIndex does, without changing it.

In order: ``CURRENT`` names a generation folder inside the index folder; every file it lists
is there, of its size and CRC-32; the index opens (``resdex.search.engine.open_reader``);
then the engine reads everything it holds, part by part (``Reader.check``; Whoosh's:
``resdex.search.whoosh_engine.integrity``): postings, stored records, and their counts.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from resdex.search import store
from resdex.search.engine import SegmentCheck, open_reader

__all__ = ["CheckReport", "SegmentCheck", "check_index", "check_to_json"]


@dataclass(frozen=True, slots=True)
class CheckReport:
    index_dir: Path
    generation: str
    segments: tuple[SegmentCheck, ...]
    problems: tuple[str, ...]
    # the segments' counts added up (none when the index would not open)
    resolutions: int = 0
    units: int = 0  # paragraphs and footnotes
    terms: int = 0

    @property
    def ok(self) -> bool:
        return not self.problems


def check_to_json(report: CheckReport) -> dict[str, Any]:
    """``resdex check --json``: the report's fields (``index_dir`` as "index") and "ok"."""
    fields = asdict(report)
    index = str(fields.pop("index_dir"))
    return {"index": index, "generation": fields.pop("generation"), "ok": report.ok} | fields


def check_index(index_dir: Path) -> CheckReport:
    """Check the index at ``index_dir``. Raises ``NoIndex``; a damaged index is a report
    with problems (the first of them, in one line, is what ``DamagedIndex`` would say)."""
    generation = store.current_generation(index_dir)
    if generation is None:
        raise store.NoIndex(f"no index at {index_dir}: run `resdex index PATH` to build one")
    try:
        store.verify_files(index_dir, generation)
        segments, problems = open_reader(index_dir).check()
    except store.DamagedIndex as err:
        return CheckReport(index_dir, generation.name, (), (store.cause(err),))
    return CheckReport(
        index_dir,
        generation.name,
        segments,
        problems,
        resolutions=sum(s.resolutions for s in segments),
        units=sum(s.units for s in segments),
        terms=sum(s.terms for s in segments),
    )
