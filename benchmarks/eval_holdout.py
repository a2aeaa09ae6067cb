"""Score the parser and the citation tagger on the hand-labelled hold-out sample (issue 9).

Run: ``python benchmarks/eval_holdout.py [--sample DIR] [CORPUS_DIR]`` (default
../shared/corpus; ``--sample`` picks the label folder, default tests/holdout; the second,
blind sample is tests/holdout2).

The labels are in tests/holdout/ (how they were written and how text is compared: its
README.md). For each format and overall the report gives citation precision and recall with
the unit (paragraph, footnote or header) right, the same for the copies a paragraph gets
through a footnote marker, the share of paragraphs right in label and text, and whether
title, adoption date and symbol are right; then every error, expected against found,
grouped by class. Targets are compared case-insensitively with spaces removed, texts after
``normalize_text``. The issue's acceptance threshold is ``HOLDOUT_TARGET``; nothing here
asserts it.

Scoring is pure: ``found_from_resolution`` turns resdex's ``Resolution`` into a ``Found``
(what the scorer looks at), ``score_document`` compares a label dict with a ``Found``.
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from resdex.indexer.models import Resolution

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "holdout"
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
FORMATS = ("ga-text", "ga-pdf", "ga-md", "ga-drafts", "sc-text")

# Issue 9's acceptance level for citation precision and recall and for the share of
# paragraphs right, on this sample. Reported, not asserted: the lead decides at merge.
HOLDOUT_TARGET = 0.995

Label = dict[str, Any]
CiteKey = tuple[str, str]  # (unit, target key): ("PP3", "A/RES/70/1"), ("footnote 2", …)
ViaKey = tuple[str, str, int]  # (paragraph label, target key, footnote number)

_HYPHENS = re.compile("[\u2010\u2011\u2012]")
_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"'})
_SPACES = re.compile(r"\s+")
_SPACED_HYPHEN = re.compile(r" ?- ?")
# GA resolution and decision numbers of sessions 1-30 are written "1514 (XV)": a target
# "A/RES/6/8" or "A/DEC/15/4" with a session below 31 cannot exist (issue 9, class 1).
_IMPLAUSIBLE_GA = re.compile(r"^A/(RES|DEC)/([1-9]|[12]\d|30)/\d+$")


def normalize_text(text: str) -> str:
    """NFKC, straight quotes, one kind of hyphen, no soft hyphen, single spaces, no space
    beside a hyphen ("self- determination" = "self-determination")."""
    text = unicodedata.normalize("NFKC", text).translate(_QUOTES).replace("\u00ad", "")
    text = _SPACES.sub(" ", _HYPHENS.sub("-", text)).strip()
    return _SPACED_HYPHEN.sub("-", text)


def target_key(target: str) -> str:
    """Targets compare case-insensitively with spaces removed (citations.md)."""
    return _SPACES.sub("", target).upper()


@dataclass(frozen=True, slots=True)
class FoundParagraph:
    label: str
    kind: str  # "preambular" / "operative"
    text: str
    verb: str | None = None
    modifier: str | None = None


@dataclass(frozen=True, slots=True)
class Found:
    """What the scorer reads of a parsed document."""

    symbol: str
    title: str | None
    adopted: str | None  # ISO date
    paragraphs: tuple[FoundParagraph, ...]
    citations: frozenset[CiteKey]  # header, direct paragraph and footnote citations
    via: frozenset[ViaKey] = frozenset()
    surfaces: tuple[tuple[CiteKey, str], ...] = ()


@dataclass(frozen=True, slots=True)
class Error:
    fmt: str
    document: str
    kind: str  # the class errors are grouped by
    detail: str  # expected against found


@dataclass(slots=True)
class Matches:
    """Expected items against found ones: right (true positives), missed, false."""

    tp: int = 0
    fn: int = 0
    fp: int = 0

    def count(self, expected: set[Any], got: set[Any]) -> None:
        self.tp += len(expected & got)
        self.fn += len(expected - got)
        self.fp += len(got - expected)

    def add(self, other: Matches) -> None:
        self.tp, self.fn, self.fp = self.tp + other.tp, self.fn + other.fn, self.fp + other.fp

    @property
    def precision(self) -> float:
        return _ratio(self.tp, self.tp + self.fp)

    @property
    def recall(self) -> float:
        return _ratio(self.tp, self.tp + self.fn)


@dataclass(slots=True)
class Tally:
    documents: int = 0
    paragraphs: int = 0
    paragraphs_right: int = 0
    extra_paragraphs: int = 0
    cites: Matches = field(default_factory=Matches)  # (unit, target) citations
    via: Matches = field(default_factory=Matches)  # (paragraph, target, footnote) attachments
    titles_right: int = 0
    dates_right: int = 0
    symbols_right: int = 0
    verbs: int = 0
    verbs_right: int = 0

    def add(self, other: Tally) -> None:
        for name in self.__slots__:
            mine = getattr(self, name)
            if isinstance(mine, Matches):
                mine.add(getattr(other, name))
            else:
                setattr(self, name, mine + getattr(other, name))

    @property
    def paragraph_share(self) -> float:
        return _ratio(self.paragraphs_right, self.paragraphs)


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


@dataclass(slots=True)
class Report:
    tallies: dict[str, Tally] = field(default_factory=dict)
    errors: list[Error] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    def overall(self) -> Tally:
        total = Tally()
        for tally in self.tallies.values():
            total.add(tally)
        return total


# --- from resdex's output ------------------------------------------------------------


def found_from_resolution(res: Resolution) -> Found:
    """The scorer's view of a tagged ``Resolution`` (instrument links left out)."""
    from resdex.indexer.models import CitationKind

    cites: set[CiteKey] = set()
    via: set[ViaKey] = set()
    surfaces: list[tuple[CiteKey, str]] = []

    def note(unit: str, target: str, surface: str) -> None:
        key = (unit, target_key(target))
        cites.add(key)
        surfaces.append((key, surface))

    for cite in res.header_citations:
        if cite.kind is CitationKind.CITATION:
            note("header", cite.target, cite.surface)
    for para in res.paragraphs:
        for cite in para.citations:
            if cite.kind is not CitationKind.CITATION:
                continue
            if cite.via_footnote is None:
                note(para.label, cite.target, cite.surface)
            else:
                via.add((para.label, target_key(cite.target), cite.via_footnote))
    for note_ in res.footnotes:
        for cite in note_.citations:
            if cite.kind is CitationKind.CITATION:
                note(f"footnote {note_.mark or note_.number}", cite.target, cite.surface)
    meta = res.meta
    return Found(
        symbol=meta.symbol,
        title=meta.title,
        adopted=meta.adopted.isoformat() if meta.adopted else None,
        paragraphs=tuple(
            FoundParagraph(p.label, p.kind.value, p.text, p.verb, p.modifier)
            for p in res.paragraphs
        ),
        citations=frozenset(cites),
        via=frozenset(via),
        surfaces=tuple(surfaces),
    )


# --- scoring ---------------------------------------------------------------------------


def expected_citations(label: Label) -> tuple[set[CiteKey], set[CiteKey], set[ViaKey]]:
    """(required, optional, via-footnote) keys of a label file."""
    required: set[CiteKey] = set()
    optional: set[CiteKey] = set()
    via: set[ViaKey] = set()
    for cite in label["citations"]:
        key = (cite["unit"], target_key(cite["target"]))
        (optional if cite.get("optional") else required).add(key)
        if cite["unit"].startswith("footnote ") and not cite.get("optional"):
            number = cite["unit"].split()[1]
            for para in label["footnotes"].get(number, []):
                via.add((para, key[1], int(number)))
    return required, optional, via


def target_series(target: str) -> str:
    """The family a target belongs to, for grouping errors: "A/RES", "S/RES", "A/HRC/RES",
    "E/RES", "A/DEC", "A/RES roman session", else the symbol's first part ("NPT/", "A/")."""
    if re.match(r"^A/RES/\d+\([IVXL]+\)$|^A/RES/\d+\(S-[IVX]+\)$", target):
        return "A/RES roman session"
    for prefix in ("A/HRC/RES", "E/CN.4/RES", "A/RES", "S/RES", "E/RES", "A/DEC"):
        if target.startswith(prefix + "/"):
            return prefix
    return target.split("/")[0] + "/ (document symbol)"


def _unit_kind(unit: str) -> str:
    if unit == "header":
        return "header"
    return "footnote" if unit.startswith("footnote") else "paragraph"


def _numbers(target: str) -> set[str]:
    return set(re.findall(r"\d+", target))


def _closest(target: str, candidates: list[CiteKey]) -> list[CiteKey]:
    """The found key that shares most numbers with an expected target (none if no number
    is shared): "A/RES/6/8" for "UNEP/EA.6/RES.8", not an unrelated false positive."""
    scored = [(len(_numbers(target) & _numbers(k[1])), k) for k in candidates]
    best = max(scored, default=(0, ("", "")))
    return [best[1]] if best[0] else []


def _score_citations(
    fmt: str, name: str, label: Label, found: Found, tally: Tally, errors: list[Error]
) -> None:
    required, optional, via_expected = expected_citations(label)
    got = set(found.citations) - optional
    surface = dict(found.surfaces)
    tally.cites.count(required, got)
    misses = sorted(required - got)
    extras = sorted(got - required)
    by_target: dict[str, list[CiteKey]] = defaultdict(list)
    for key in extras:
        by_target[key[1]].append(key)
    paired: set[CiteKey] = set()
    for unit, target in misses:
        elsewhere = [k for k in by_target.get(target, []) if k not in paired]
        if elsewhere:
            paired.add(elsewhere[0])
            errors.append(
                Error(
                    fmt,
                    name,
                    "citation on the wrong unit",
                    f"{target}: expected in {unit}, found in {elsewhere[0][0]}",
                )
            )
            continue
        same_unit = _closest(target, [k for k in extras if k[0] == unit and k not in paired])
        if same_unit:
            paired.add(same_unit[0])
            errors.append(
                Error(
                    fmt,
                    name,
                    "wrong target in the right unit",
                    f"{unit}: expected {target}, found {same_unit[0][1]} "
                    f"({surface.get(same_unit[0], '?')!r})",
                )
            )
            continue
        kind = f"missed ({_unit_kind(unit)}): {target_series(target)}"
        errors.append(Error(fmt, name, kind, f"{unit}: expected {target}, not found"))
    for key in extras:
        if key in paired:
            continue
        unit, target = key
        if _IMPLAUSIBLE_GA.match(target):
            kind = "false positive: target that cannot exist"
        else:
            kind = f"false positive ({_unit_kind(unit)}): {target_series(target)}"
        errors.append(Error(fmt, name, kind, f"{unit}: found {target} ({surface.get(key, '?')!r})"))
    via_got = {v for v in found.via if (f"footnote {v[2]}", v[1]) not in optional}
    tally.via.count(via_expected, via_got)
    for para, target, number in sorted(via_expected - via_got):
        errors.append(
            Error(
                fmt,
                name,
                "via footnote: copy missing",
                f"{para} should carry {target} of footnote {number}",
            )
        )
    for para, target, number in sorted(via_got - via_expected):
        errors.append(
            Error(
                fmt,
                name,
                "via footnote: unexpected copy",
                f"{para} carries {target} of footnote {number}",
            )
        )


def _score_paragraphs(
    fmt: str, name: str, label: Label, found: Found, tally: Tally, errors: list[Error]
) -> None:
    by_label = {p.label: p for p in found.paragraphs}
    expected_labels = {p["label"] for p in label["paragraphs"]}
    texts = [(p.label, normalize_text(p.text)) for p in found.paragraphs]
    owners = {  # found label -> the expected paragraph whose text it holds exactly
        lab: para["label"]
        for para in label["paragraphs"]
        for lab, text in texts
        if text.startswith(normalize_text(para["first"]))
        and text.endswith(normalize_text(para["last"]))
    }
    for para in label["paragraphs"]:
        tally.paragraphs += 1
        first, last = normalize_text(para["first"]), normalize_text(para["last"])
        got = by_label.get(para["label"])
        # right text under another label: the numbering slipped before it
        moved = [lab for lab, text in texts if text.startswith(first) and text.endswith(last)]
        taken = got is not None and got.label in owners and owners[got.label] != para["label"]
        if got is None or taken or (moved and para["label"] not in moved):
            inside = [lab for lab, text in texts if first in text]
            if moved:
                kind, where = "label shifted (a split or glue before it)", f"found as {moved[0]}"
            elif inside:
                kind, where = "glued into another paragraph", f"inside {inside[0]}"
            else:
                kind, where = "paragraph missing", "no paragraph has this text"
            errors.append(Error(fmt, name, kind, f"{para['label']} {first!r}…: {where}"))
            tally.verbs += 1 if para.get("verb") else 0
            continue
        text = normalize_text(got.text)
        right = True
        if not text.startswith(first):
            right = False
            kind = (
                "text glued in front (heading, running title)" if first in text else "start differs"
            )
            errors.append(
                Error(fmt, name, kind, f"{para['label']}: expected {first!r}…, got {text[:90]!r}…")
            )
        if not text.endswith(last):
            right = False
            if last in text:
                kind = "text glued after (next paragraph, noise)"
            elif first in text:
                kind = "paragraph cut short (split)"
            else:
                kind = "end differs"
            errors.append(
                Error(fmt, name, kind, f"{para['label']}: expected …{last!r}, got …{text[-90:]!r}")
            )
        if got.kind != para["kind"]:
            right = False
            errors.append(
                Error(
                    fmt,
                    name,
                    "kind differs",
                    f"{para['label']}: expected {para['kind']}, got {got.kind}",
                )
            )
        if right:
            tally.paragraphs_right += 1
        if para.get("verb"):
            tally.verbs += 1
            expected_verb = (para["verb"][0], para["verb"][1])
            if (got.verb, got.modifier) == expected_verb:
                tally.verbs_right += 1
            else:
                errors.append(
                    Error(
                        fmt,
                        name,
                        "verb differs (informational)",
                        f"{para['label']}: expected {expected_verb}, "
                        f"got {(got.verb, got.modifier)}",
                    )
                )
    for extra in found.paragraphs:
        if extra.label not in expected_labels:
            tally.extra_paragraphs += 1
            errors.append(
                Error(
                    fmt,
                    name,
                    "extra paragraph",
                    f"{extra.label}: {normalize_text(extra.text)[:90]!r}",
                )
            )


def score_document(label: Label, found: Found) -> tuple[Tally, list[Error]]:
    """Compare one label file with what resdex found in its document."""
    fmt = label["format"]
    name = label["symbol"]
    tally = Tally(documents=1)
    errors: list[Error] = []
    if target_key(found.symbol) == target_key(label["symbol"]):
        tally.symbols_right += 1
    else:
        errors.append(Error(fmt, name, "symbol", f"expected {label['symbol']}, got {found.symbol}"))
    want_title = normalize_text(label["title"]) if label["title"] else None
    got_title = normalize_text(found.title) if found.title else None
    if want_title == got_title:
        tally.titles_right += 1
    else:
        errors.append(
            Error(
                fmt,
                name,
                "title" if got_title else "title missing",
                f"expected {want_title!r}, got {got_title!r}",
            )
        )
    if label["adopted"] == found.adopted:
        tally.dates_right += 1
    else:
        errors.append(
            Error(fmt, name, "adopted date", f"expected {label['adopted']}, got {found.adopted}")
        )
    _score_paragraphs(fmt, name, label, found, tally, errors)
    _score_citations(fmt, name, label, found, tally, errors)
    return tally, errors


# --- running ---------------------------------------------------------------------------


def load_labels(directory: Path = LABELS) -> list[Label]:
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.json"))]


def evaluate(corpus: Path = DEFAULT_CORPUS, labels: list[Label] | None = None) -> Report:
    """Parse and tag every labelled document (spaCy is loaded here) and score it."""
    from resdex.indexer.citations import default_pipeline
    from resdex.indexer.errors import ResdexError
    from resdex.indexer.pipeline import parse_path

    report = Report(tallies={fmt: Tally() for fmt in FORMATS})
    nlp = default_pipeline()
    for label in labels if labels is not None else load_labels():
        path = corpus / label["document"]
        if not path.exists():
            report.skipped.append(f"{label['document']}: absent")
            continue
        try:
            res = parse_path(path, nlp=nlp)
        except ResdexError as err:
            report.skipped.append(f"{label['document']}: {err}")
            report.errors.append(Error(label["format"], label["symbol"], "unparsed", str(err)))
            continue
        tally, errors = score_document(label, found_from_resolution(res))
        report.tallies.setdefault(label["format"], Tally()).add(tally)
        report.errors.extend(errors)
    return report


def format_report(report: Report) -> str:
    lines = [
        "| format | docs | cite P | cite R | via P | via R | paragraphs right | extra | "
        "titles | dates | verbs |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    rows = [*report.tallies.items(), ("overall", report.overall())]
    for fmt, t in rows:
        lines.append(
            f"| {fmt} | {t.documents} | {t.cites.precision:.3f} | {t.cites.recall:.3f} | "
            f"{t.via.precision:.3f} | {t.via.recall:.3f} | "
            f"{t.paragraphs_right}/{t.paragraphs} ({100 * t.paragraph_share:.1f}%) | "
            f"{t.extra_paragraphs} | {t.titles_right}/{t.documents} | "
            f"{t.dates_right}/{t.documents} | {t.verbs_right}/{t.verbs} |"
        )
    total = report.overall()
    lines.append("")
    lines.append(
        f"citations: {total.cites.tp} right, {total.cites.fn} missed, {total.cites.fp} false; "
        f"target {HOLDOUT_TARGET} (not asserted)"
    )
    groups: dict[str, list[Error]] = defaultdict(list)
    for error in report.errors:
        groups[error.kind].append(error)
    lines.append("")
    lines.append("Errors by class:")
    for kind, errors in sorted(groups.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        lines.append(f"\n{kind} ({len(errors)})")
        lines.extend(f"  {e.fmt:9} {e.document}: {e.detail}" for e in errors)
    lines.extend(f"skipped  {line}" for line in report.skipped)
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    args = argv[1:]
    sample = LABELS
    if "--sample" in args:
        at = args.index("--sample")
        if at + 1 >= len(args):
            print("eval_holdout: --sample needs a folder", file=sys.stderr)
            return 2
        sample = Path(args[at + 1])
        del args[at : at + 2]
    corpus = Path(args[0]) if args else DEFAULT_CORPUS
    if not corpus.is_dir():
        print(f"eval_holdout: the corpus is not at {corpus}", file=sys.stderr)
        return 1
    if not sample.is_dir():
        print(f"eval_holdout: no label folder at {sample}", file=sys.stderr)
        return 1
    print(format_report(evaluate(corpus, load_labels(sample))))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
