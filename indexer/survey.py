"""Survey a corpus: how many files of each format parse, which are refused (and why), and
how many structural anomalies the parsed ones show.

    python -m resdex.indexer.survey FOLDER... [--list]

Anomalies: gaps in the operative numbering, paragraphs holding running-head residue (the
document's own symbol, "n/m" page marks, job numbers), empty paragraphs, footnote markers
without a footnote text, footnote texts without a marker, resolutions with no operative
paragraph, paragraphs run together (a paragraph whose text holds, after a comma or a
semicolon, a second capitalized opener of the closed lists of ``resdex.indexer.verbs``:
"…its full implementation, Reaffirming that …"). The checks are pure functions; ``main``
only prints.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from resdex.indexer import patterns as P
from resdex.indexer.errors import ResdexError
from resdex.indexer.models import ParagraphKind, Resolution
from resdex.indexer.parse import parse_raw
from resdex.indexer.sources import SUPPORTED_SUFFIXES, read_document
from resdex.indexer.verbs import opens_with_listed_opener

ANOMALY_KINDS: tuple[str, ...] = (
    "op-gap",
    "running-head",
    "empty-paragraph",
    "marker-without-text",
    "text-without-marker",
    "no-op",
    "merged-paragraphs",
)


@dataclass(frozen=True, slots=True)
class Anomaly:
    kind: str
    where: str  # paragraph label, "footnote 3", or "" for the whole document
    detail: str = ""


@dataclass
class FormatTally:
    parsed: int = 0
    refused: list[tuple[str, str]] = field(default_factory=list)
    anomalies: Counter[str] = field(default_factory=Counter)
    listed: list[tuple[str, Anomaly]] = field(default_factory=list)


def page_count(res: Resolution) -> int | None:
    """The number of pages of the source: "2/4" marks in its text, or its form feeds."""
    if res.source is None:
        return None
    marks = Counter(int(m) for m in P.SURVEY_RAW_PAGE_MARK_RE.findall(res.source.text))
    if marks:
        return marks.most_common(1)[0][0]
    pages = res.source.text.count("\f") + 1
    return pages if pages > 1 else None


def anomalies(res: Resolution) -> list[Anomaly]:
    """Every anomaly of one parsed resolution."""
    found: list[Anomaly] = []
    found.extend(op_gaps(res))
    found.extend(running_head_residue(res, page_count(res)))
    found.extend(Anomaly("empty-paragraph", p.label) for p in res.paragraphs if not p.text.strip())
    found.extend(marker_mismatches(res))
    if not any(p.kind is ParagraphKind.OPERATIVE for p in res.paragraphs):
        found.append(Anomaly("no-op", "", f"{len(res.paragraphs)} paragraphs"))
    found.extend(merged_paragraphs(res))
    return found


def merged_paragraphs(res: Resolution) -> Iterator[Anomaly]:
    """Paragraphs holding a second paragraph: ", Reaffirming that the Global Plan …",
    "; Recalling its resolutions …", "; Decides …" (a capitalized opener of the closed
    lists after a comma or a semicolon; a participle inside a sentence is lower-case)."""
    for p in res.paragraphs:
        for joint in P.SURVEY_JOINT_RE.finditer(p.text):
            rest = p.text[joint.end() :]
            if opens_with_listed_opener(rest) or opens_with_listed_opener(rest, operative=True):
                yield Anomaly("merged-paragraphs", p.label, repr(p.text[joint.start() :][:50]))
                break


def op_gaps(res: Resolution) -> Iterator[Anomaly]:
    last: dict[str, int] = {}
    for p in res.paragraphs:
        match = P.SURVEY_TOP_OP_RE.fullmatch(p.label)
        if match is None:
            continue
        section = match.group("section") or ""
        previous = last.get(section, 0)
        if p.number != previous + 1:
            yield Anomaly("op-gap", p.label, f"after {section}OP{previous}")
        last[section] = p.number


def running_head_residue(res: Resolution, pages: int | None) -> Iterator[Anomaly]:
    for p in res.paragraphs:
        # the own symbol standing alone (not "A/C.2/80/L.1/Add.1", the addendum it cites)
        if res.symbol and _stands_alone(res.symbol, p.text):
            yield Anomaly("running-head", p.label, f"own symbol {res.symbol}")
        job = P.SURVEY_JOB_RE.search(p.text)
        if job is not None:
            yield Anomaly("running-head", p.label, f"job number {job.group()!r}")
        if pages is not None:
            for match in P.SURVEY_PAGE_MARK_RE.finditer(p.text):
                n, m = int(match.group(1)), int(match.group(2))
                cited = P.SURVEY_CITED_NUMBER_RE.search(
                    p.text[max(0, match.start() - 14) : match.start()]
                )
                cited = cited or P.SURVEY_CITED_NUMBER_RE.search(
                    p.text[match.end() : match.end() + 6]
                )
                if m == pages and 1 <= n <= m and not cited:
                    yield Anomaly("running-head", p.label, f"page mark {match.group()!r}")


def _stands_alone(symbol: str, text: str) -> bool:
    """Whether ``symbol`` stands in ``text`` not followed by a word character, "/" or "."."""
    at = text.find(symbol)
    while at >= 0:
        after = text[at + len(symbol) : at + len(symbol) + 1]
        if not after or not (after.isalnum() or after in "_/."):
            return True
        at = text.find(symbol, at + 1)
    return False


def marker_mismatches(res: Resolution) -> Iterator[Anomaly]:
    texts = {f.number for f in res.footnotes}
    marked: set[int] = set()
    for p in res.paragraphs:
        for n in p.footnotes:
            marked.add(n)
            if n not in texts:
                yield Anomaly("marker-without-text", p.label, f"marker {n}")
    for f in res.footnotes:
        # (a draft's asterisk footnotes mostly mark its header: "Iraq:*,** draft resolution")
        if f.number not in marked and not f.mark:
            yield Anomaly("text-without-marker", f"footnote {f.number}", f.text[:60])


def iter_files(folders: Iterable[Path]) -> Iterator[Path]:
    for folder in folders:
        if folder.is_file():
            yield folder
            continue
        for path in sorted(folder.rglob("*")):
            if path.is_file() and path.suffix.lower() in SUPPORTED_SUFFIXES:
                yield path


def survey(paths: Iterable[Path]) -> dict[str, FormatTally]:
    """Parse every file; tally by format (refusals of unrecognized files under "refused")."""
    tallies: dict[str, FormatTally] = {}
    for path in paths:
        try:
            raw = read_document(path)
        except ResdexError as err:
            tallies.setdefault("unrecognized", FormatTally()).refused.append((str(path), str(err)))
            continue
        tally = tallies.setdefault(raw.format.value, FormatTally())
        try:
            res = parse_raw(raw)
        except ResdexError as err:
            tally.refused.append((str(path), str(err)))
            continue
        tally.parsed += 1
        for anomaly in anomalies(res):
            tally.anomalies[anomaly.kind] += 1
            tally.listed.append((f"{path} [{res.symbol}]", anomaly))
    return tallies


def render(tallies: dict[str, FormatTally], *, listing: bool) -> list[str]:
    lines = [
        f"{'format':<13}{'parsed':>7}{'refused':>8}  "
        + "  ".join(f"{k:>{len(k)}}" for k in ANOMALY_KINDS)
    ]
    for name, tally in sorted(tallies.items()):
        counts = "  ".join(f"{tally.anomalies[k]:>{len(k)}}" for k in ANOMALY_KINDS)
        lines.append(f"{name:<13}{tally.parsed:>7}{len(tally.refused):>8}  {counts}")
    for name, tally in sorted(tallies.items()):
        for path, reason in tally.refused:
            lines.append(
                f"refused ({name}): {reason}"
                if path in reason
                else f"refused ({name}): {path}: {reason}"
            )
        if listing:
            for where, anomaly in tally.listed:
                lines.append(f"{anomaly.kind}: {where} {anomaly.where} {anomaly.detail}".rstrip())
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m resdex.indexer.survey", description=__doc__)
    parser.add_argument("folders", nargs="+", type=Path)
    parser.add_argument("--list", action="store_true", help="list every anomaly")
    args = parser.parse_args(argv)
    for line in render(survey(iter_files(args.folders)), listing=args.list):
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
