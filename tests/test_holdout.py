"""The hold-out sample of issue 9: its label files, the scorer on a tiny fixture, and (when
../shared/corpus is present) one informational run over the sample.

The run does not assert the acceptance level ``HOLDOUT_TARGET`` (0.995): the lead decides
at merge when it becomes a gate. The fixture below is made up for the scorer, shaped like
the seed A/RES/71/194 (corpus/); no hold-out document is copied into the repository.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import sys
from dataclasses import replace
from pathlib import Path
from types import ModuleType

import pytest
from builders import ga_meta, note, para, resolution

from resdex.indexer.models import Citation, Report, Resolution

ROOT = Path(__file__).resolve().parents[1]
HOLDOUT = ROOT / "tests" / "holdout"
# The second, blind sample (drawn and labelled after the first one's errors were read).
HOLDOUT2 = ROOT / "tests" / "holdout2"
# The third, blind sample (drawn and labelled while the second one's errors were being fixed).
HOLDOUT3 = ROOT / "tests" / "holdout3"
# The fourth, blind sample (drawn and labelled against main's final parser of session 3).
HOLDOUT4 = ROOT / "tests" / "holdout4"
SAMPLE_IDS = ["holdout", "holdout2", "holdout3", "holdout4"]
SAMPLES = pytest.mark.parametrize(
    "sample_dir", [HOLDOUT, HOLDOUT2, HOLDOUT3, HOLDOUT4], ids=SAMPLE_IDS
)


def _load(name: str, path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    return _load("eval_holdout", ROOT / "benchmarks" / "eval_holdout.py")


# --- the label files -------------------------------------------------------------------


@SAMPLES
def test_sample_is_five_per_format_and_fully_labelled(sample_dir: Path) -> None:
    sample = (sample_dir / "sample.txt").read_text(encoding="utf-8").split()
    assert len(sample) == 25
    formats = [line.split("/")[0] for line in sample]
    assert {f: formats.count(f) for f in set(formats)} == {
        "ga-pdf": 5,
        "ga-md": 5,
        "ga-text": 5,
        "ga-drafts": 5,
        "sc-text": 5,
    }
    labelled = {
        json.loads(p.read_text(encoding="utf-8"))["document"] for p in sample_dir.glob("*.json")
    }
    assert labelled == set(sample)


@SAMPLES
def test_label_files_are_well_formed(sample_dir: Path) -> None:
    for path in sorted(sample_dir.glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        assert set(data) == {
            "document",
            "format",
            "symbol",
            "title",
            "adopted",
            "body",
            "session",
            "notes",
            "paragraphs",
            "footnotes",
            "citations",
        }, path.name
        labels = [p["label"] for p in data["paragraphs"]]
        assert len(labels) == len(set(labels)), path.name
        for paragraph in data["paragraphs"]:
            kind = "preambular" if paragraph["label"][:2] == "PP" else "operative"
            assert paragraph["kind"] == kind
            assert paragraph["first"].strip() and paragraph["last"].strip()
        for holders in data["footnotes"].values():
            assert set(holders) <= set(labels), path.name
        for cite in data["citations"]:
            unit = cite["unit"]
            assert (
                unit == "header"
                or unit in labels
                or (unit.startswith("footnote ") and unit.split()[1] in data["footnotes"])
            ), (path.name, unit)
        if data["adopted"] is not None:
            dt.date.fromisoformat(data["adopted"])


# each sample's draw: its seed, and the samples drawn before it (none of their documents
# again, and all they left out left out again)
DRAWS = [
    (HOLDOUT, 20261201, ()),
    (HOLDOUT2, 20261202, (HOLDOUT,)),
    (HOLDOUT3, 20261203, (HOLDOUT, HOLDOUT2)),
    (HOLDOUT4, 20261204, (HOLDOUT, HOLDOUT2, HOLDOUT3)),
]


@pytest.mark.parametrize(("sample_dir", "seed", "earlier"), DRAWS, ids=SAMPLE_IDS)
def test_draw_is_deterministic_recorded_and_apart_from_earlier_samples(
    sample_dir: Path, seed: int, earlier: tuple[Path, ...]
) -> None:
    draw = _load(f"{sample_dir.name}_draw", sample_dir / "draw.py")
    assert seed == draw.SEED
    recorded = (sample_dir / "sample.txt").read_text(encoding="utf-8").split()
    keys = {draw.document_key(Path(name)) for name in recorded}
    for before in earlier:
        drawn = (before / "sample.txt").read_text(encoding="utf-8").split()
        assert not keys & {draw.document_key(Path(name)) for name in drawn}
        assert _load(f"{before.name}_draw", before / "draw.py").EXCLUDED <= draw.EXCLUDED
    assert not keys & draw.EXCLUDED
    corpus = ROOT.parent / "shared" / "corpus"
    if not corpus.is_dir():
        pytest.skip(f"the shared corpus is not at {corpus}")
    assert draw.draw(corpus) == recorded


# --- the scorer on a fixture -------------------------------------------------------------


def _cite(target: str, surface: str, via: int | None = None) -> Citation:
    return Citation(surface=surface, target=target, start=0, end=len(surface), via_footnote=via)


LABEL = {
    "document": "fixture/A_RES_71_194.md",
    "format": "ga-md",
    "symbol": "A/RES/71/194",
    "title": "Enhancement of international cooperation in the field of human rights",
    "adopted": "2016-12-19",
    "body": "GA",
    "session": 71,
    "notes": "",
    "paragraphs": [
        {
            "label": "PP1",
            "kind": "preambular",
            "verb": ["Reaffirming", None],
            "first": "Reaffirming its commitment to promoting",
            "last": "of the United Nations,",
        },
        {
            "label": "PP2",
            "kind": "preambular",
            "verb": ["Recalling", None],
            "first": "Recalling the Vienna Declaration and",
            "last": "on 25 June 1993,",
        },
        {
            "label": "OP1",
            "kind": "operative",
            "verb": ["Reaffirms", None],
            "first": "Reaffirms that it is one",
            "last": "human rights for all;",
        },
    ],
    "footnotes": {"1": ["PP2"]},
    "citations": [
        {"unit": "header", "target": "A/71/484/Add.2"},
        {"unit": "PP1", "target": "A/RES/70/153"},
        {"unit": "OP1", "target": "A/RES/55/2"},
        {"unit": "footnote 1", "target": "A/CONF.157/24"},
        {"unit": "OP1", "target": "GC(69)/RES/15", "optional": True},
    ],
}


def _resolution(*, op1_text: str, op1_cites: tuple[Citation, ...], title: str | None) -> Resolution:
    """``op1_cites``: what a parse found in OP1 (their surfaces need not stand in the text)."""
    line = "on the report of the Third Committee (A/71/484/Add.2)"
    report = Report("Third Committee", "A/71/484/Add.2", line)
    return resolution(
        meta=ga_meta("A/RES/71/194", dt.date(2016, 12, 19), title=title, report=report),
        paragraphs=(
            para(
                "PP1",
                "Reaffirming its commitment to promoting, in its resolution 70/153, "
                "the purposes of the Charter of the United Nations,",
                "Reaffirming",
                citations=(("its resolution 70/153", "A/RES/70/153"),),
            ),
            para(
                "PP2",
                "Recalling the Vienna Declaration and Programme of Action, adopted "
                "on 25 June 1993,",
                "Recalling",
                footnotes=(1,),
            ),
            replace(para("OP1", op1_text, "Reaffirms"), citations=op1_cites),
        ),
        footnotes=(note(1, "A/CONF.157/24.", ("A/CONF.157/24", "A/CONF.157/24")),),
    )


RIGHT_OP1 = (
    "Reaffirms that it is one of the purposes of the United Nations to promote human "
    "rights for all;"
)


def test_a_perfect_parse_scores_one(scorer: ModuleType) -> None:
    res = _resolution(
        op1_text=RIGHT_OP1,
        op1_cites=(_cite("A/RES/55/2", "resolution 55/2"), _cite("GC(69)/RES/15", "GC(69)")),
        title="Enhancement of international cooperation in the field of human rights",
    )
    tally, errors = scorer.score_document(LABEL, scorer.found_from_resolution(res))
    assert errors == []
    assert (tally.cites.tp, tally.cites.fn, tally.cites.fp) == (4, 0, 0)  # optional not counted
    assert (tally.via.tp, tally.via.fn, tally.via.fp) == (1, 0, 0)
    assert (tally.paragraphs, tally.paragraphs_right, tally.verbs_right) == (3, 3, 3)
    assert (tally.titles_right, tally.dates_right, tally.symbols_right) == (1, 1, 1)
    assert tally.cites.precision == tally.cites.recall == tally.paragraph_share == 1.0


def test_errors_fall_into_classes(scorer: ModuleType) -> None:
    res = _resolution(
        # a heading glued in front and the next paragraph glued after
        op1_text="Working methods " + RIGHT_OP1 + " 2. Requests the Secretary-General;",
        # a wrong organ for the right number, and a target that cannot exist
        op1_cites=(_cite("S/RES/55(2000)", "55/2"), _cite("A/RES/6/8", "resolution 6/8")),
        title=None,
    )
    tally, errors = scorer.score_document(LABEL, scorer.found_from_resolution(res))
    kinds = sorted(e.kind for e in errors)
    assert kinds == [
        "false positive: target that cannot exist",
        "text glued after (next paragraph, noise)",
        "text glued in front (heading, running title)",
        "title missing",
        "wrong target in the right unit",
    ]
    assert (tally.cites.tp, tally.cites.fn, tally.cites.fp) == (3, 1, 2)
    assert tally.paragraphs_right == 2
    assert tally.cites.precision == pytest.approx(3 / 5)
    assert tally.cites.recall == pytest.approx(3 / 4)


def test_text_comparison_normalizes_quotes_hyphens_and_spaces(scorer: ModuleType) -> None:
    norm = scorer.normalize_text
    assert norm("self-\n determination  “referendum”") == norm('self-determination "referendum"')
    assert norm("non\u2011nuclear\u00ad") == "non-nuclear"
    assert scorer.target_key("s/res/242 (1967)") == "S/RES/242(1967)"


def test_citation_on_the_wrong_unit_is_one_class(scorer: ModuleType) -> None:
    found = scorer.Found(
        symbol="A/RES/71/194",
        title=LABEL["title"],
        adopted="2016-12-19",
        paragraphs=(),
        citations=frozenset(
            {("header", "A/71/484/ADD.2"), ("PP2", "A/RES/70/153"), ("OP1", "A/RES/55/2")}
        ),
    )
    _, errors = scorer.score_document(LABEL, found)
    wrong_unit = [e for e in errors if e.kind == "citation on the wrong unit"]
    assert [e.detail for e in wrong_unit] == ["A/RES/70/153: expected in PP1, found in PP2"]


# --- the sample itself (informational) -----------------------------------------------------


@pytest.mark.slow
@SAMPLES
def test_holdout_figures_informational(
    scorer: ModuleType, shared_corpus: Path, sample_dir: Path
) -> None:
    """Runs the whole evaluation and prints the figures; asserts only that every document
    was read. ``scorer.HOLDOUT_TARGET`` is not asserted yet (the lead decides at merge)."""
    report = scorer.evaluate(shared_corpus, scorer.load_labels(sample_dir))
    assert report.skipped == []
    assert report.overall().documents == 25
    print(scorer.format_report(report).split("\n\nErrors by class:")[0])


def test_a_glue_shifts_the_labels_after_it(scorer: ModuleType) -> None:
    pp1 = "Reaffirming its commitment to promoting the purposes of the United Nations,"
    pp2 = "Recalling the Vienna Declaration and Programme of Action, adopted on 25 June 1993,"
    found = scorer.Found(
        symbol="A/RES/71/194",
        title=LABEL["title"],
        adopted="2016-12-19",
        paragraphs=(
            scorer.FoundParagraph("PP1", "preambular", pp1 + " " + pp2, "Reaffirming"),
            scorer.FoundParagraph("PP2", "operative", RIGHT_OP1, "Reaffirms"),
        ),
        citations=frozenset(),
    )
    tally, errors = scorer.score_document(LABEL, found)
    paragraph_errors = [
        (e.kind, e.detail.split(":")[0].split(" ")[0])
        for e in errors
        if not e.kind.startswith(("missed", "via", "verb"))
    ]
    assert paragraph_errors == [
        ("text glued after (next paragraph, noise)", "PP1"),
        ("glued into another paragraph", "PP2"),
        ("label shifted (a split or glue before it)", "OP1"),
    ]
    assert tally.paragraphs_right == 0
