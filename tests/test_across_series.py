"""``lineage``, ``diff`` (one symbol) and ``precedents`` over a small index of real documents.

The index holds the five sessions of "Enhancement of international cooperation in the field
of human rights" (69/179 and 71/194 from ``corpus/``; 78/199, 79/166, 80/204 and the draft
A/C.3/80/L.35 from ``../shared/corpus``) and the series "Promotion of a democratic and
equitable international order" (78/196, 79/168, 80/208, draft A/C.3/80/L.39), which sits
under the same agenda item and must stay apart. Expected results are read off the texts.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resdex.cli.main import app
from resdex.indexer.pipeline import parse_path
from resdex.search.diff import diff
from resdex.search.engine import Reader, open_reader
from resdex.search.lineage import lineage
from resdex.search.precedents import precedents

runner = CliRunner()

SHARED_FILES = [
    "ga-text/A_RES_78_199.txt",
    "ga-text/A_RES_79_166.txt",
    "ga-text/A_RES_80_204.txt",
    "ga-drafts/A_C.3_80_L.35.txt",
    "ga-text/A_RES_78_196.txt",
    "ga-text/A_RES_79_168.txt",
    "ga-text/A_RES_80_208.txt",
    "ga-drafts/A_C.3_80_L.39.txt",
    *(
        f"sc-text/S_RES_{n}_EN_GOLD.txt"
        for n in (
            "0186_1964",
            "0187_1964",
            "0192_1964",
            "0193_1964",
            "0194_1964",
            "0198_1964",
            "0201_1965",
            "0206_1965",
            "0207_1965",
            "0219_1965",
        )
    ),
]


@pytest.fixture(scope="module")
def index_dir(
    tmp_path_factory: pytest.TempPathFactory, project_corpus: Path, shared_corpus: Path
) -> Path:
    files = tmp_path_factory.mktemp("series-files")
    for p in project_corpus.iterdir():
        shutil.copy(p, files / p.name)
    for name in SHARED_FILES:
        shutil.copy(shared_corpus / name, files / Path(name).name)
    where = tmp_path_factory.mktemp("series") / "index"
    result = runner.invoke(app, ["index", str(files), "--index", str(where)])
    assert result.exit_code == 0, result.output
    return where


@pytest.fixture(scope="module")
def ix(index_dir: Path) -> Reader:
    return open_reader(index_dir)


# --- lineage --------------------------------------------------------------------------------

# (symbol, status, link): each version recalls the one before it in its second "Recalling"
# paragraph ("its resolution 79/166 of 17 December 2024"), except 71/194 (recalls 70/153, not
# indexed: tied to 69/179 by its title) and 78/199 (recalls 77/213, not indexed); the draft
# A/C.3/80/L.35 was adopted without a change as 80/204.
ENHANCEMENT = [
    ("A/RES/69/179", "adopted", None),
    ("A/RES/71/194", "adopted", "title"),
    ("A/RES/78/199", "adopted", "title"),
    ("A/RES/79/166", "adopted", "recalls"),
    ("A/C.3/80/L.35", "draft", "recalls"),
    ("A/RES/80/204", "adopted", "draft"),
]
# 80/208 PP1: "including resolution 79/168 of 17 December 2024"
DEMOCRATIC_ORDER = [
    ("A/RES/78/196", "adopted"),
    ("A/RES/79/168", "adopted"),
    ("A/C.3/80/L.39", "draft"),
    ("A/RES/80/208", "adopted"),
]


@pytest.mark.parametrize("asked", ["A/RES/80/204", "79/166", "A/C.3/80/L.35", "A/RES/69/179"])
def test_lineage_of_the_enhancement_series(ix: Reader, asked: str) -> None:
    found = lineage(ix, asked)
    assert [(v.symbol, v.status, v.link) for v in found.versions] == ENHANCEMENT


def test_lineage_gaps_are_shown_not_bridged(ix: Reader) -> None:
    found = lineage(ix, "A/RES/80/204")
    gaps = {(g.after, g.before): g for g in found.gaps}
    # session 70 is missing; 71/194 recalls 70/153 from it (and 70/1, the 2030 Agenda)
    g70 = gaps[("A/RES/69/179", "A/RES/71/194")]
    assert g70.sessions == (70,)
    assert "A/RES/70/153" in g70.recalled
    # sessions 72 to 77 are missing; 78/199 recalls 77/213
    g77 = gaps[("A/RES/71/194", "A/RES/78/199")]
    assert g77.sessions == tuple(range(72, 78))
    assert "A/RES/77/213" in g77.recalled
    # 69/179 recalls 68/160, of the session before it
    assert gaps[(None, "A/RES/69/179")].recalled == ("A/RES/68/160",)
    assert len(gaps) == 3  # 78 -> 79 -> 80: none


def test_distinct_series_stay_apart(ix: Reader) -> None:
    found = lineage(ix, "A/RES/80/208")
    assert [(v.symbol, v.status) for v in found.versions] == DEMOCRATIC_ORDER


# The Security Council's texts have no titles. The renewals of the peace-keeping force in
# Cyprus each recall the one before ("Renewing the expression of its deep appreciation … for
# his efforts in the implementation of Security Council resolutions 186 (1964) …, 192 (1964)
# of 20 June, 194 (1964) …"); 186 (the force created), 187, 193 (cease-fire) and 207 (1965)
# are recalled by them but are not renewals.
CYPRUS_RENEWALS = [
    ("S/RES/192(1964)", None),
    ("S/RES/194(1964)", "recalls"),
    ("S/RES/198(1964)", "recalls"),
    ("S/RES/201(1965)", "recalls"),
    ("S/RES/206(1965)", "recalls"),  # its date reads "ef 15 June 1965": adopted all the same
    ("S/RES/219(1965)", "recalls"),
]


@pytest.mark.parametrize("asked", ["S/RES/206 (1965)", "S/RES/192(1964)", "219 (1965)"])
def test_lineage_of_untitled_security_council_renewals(ix: Reader, asked: str) -> None:
    found = lineage(ix, asked)
    assert [(v.symbol, v.link) for v in found.versions] == CYPRUS_RENEWALS
    assert {v.status for v in found.versions} == {"adopted"}


def test_lineage_json(index_dir: Path) -> None:
    result = runner.invoke(app, ["lineage", "A/RES/80/204", "--json", "--index", str(index_dir)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["symbol"] == "A/RES/80/204"
    first = data["versions"][0]
    assert first == first | {
        "symbol": "A/RES/69/179",
        "session": 69,
        "adopted": "2014-12-18",
        "title": "Enhancement of international cooperation in the field of human rights",
        "status": "adopted",
        "link": None,
    }


def test_lineage_text(index_dir: Path) -> None:
    result = runner.invoke(app, ["lineage", "80/204", "--index", str(index_dir)])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Enhancement of international cooperation in the field of human")
    assert any("session 70 not in the index" in line for line in lines)
    assert any("A/RES/80/204" in line and "adopted from A/C.3/80/L.35" in line for line in lines)


# --- diff of one symbol ------------------------------------------------------------------------


def test_diff_one_symbol_is_against_the_adopted_version_before(ix: Reader) -> None:
    d = diff(ix, "A/RES/80/204")
    assert (d.old.symbol, d.new.symbol) == ("A/RES/79/166", "A/RES/80/204")
    changed = [(p.old, p.new) for p in d.paragraphs if p.status != "same"]
    # 80/204 recalls 79/166 and HRC 59/3 (PP3), and sets the eighty-first session (OP17)
    assert changed == [("PP3", "PP3"), ("OP17", "OP17")]


def test_diff_of_a_draft_is_against_its_adopted_resolution(ix: Reader) -> None:
    d = diff(ix, "A/C.3/80/L.35")
    assert (d.old.symbol, d.new.symbol) == ("A/C.3/80/L.35", "A/RES/80/204")
    assert {p.status for p in d.paragraphs} == {"same"}


def test_diff_json(index_dir: Path) -> None:
    result = runner.invoke(
        app, ["diff", "A/RES/69/179", "A/RES/71/194", "--json", "--index", str(index_dir)]
    )
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["old"], data["new"]) == ("A/RES/69/179", "A/RES/71/194")
    rows = {(p["old"], p["new"]): p for p in data["paragraphs"]}
    assert rows[(None, "OP8")]["status"] == "added"
    assert rows[("OP13", None)]["status"] == "removed"
    assert rows[("OP10", "OP11")]["status"] == "same"
    assert rows[("OP8", "OP9")]["ops"][0] == ["insert", "Also"]


# --- precedents ----------------------------------------------------------------------------

# Paragraphs of A/C.3/80/L.35 that stand verbatim in A/RES/79/166 (all but PP3, which recalls
# 79/166 itself, and OP17, "eighty-first session"), each with the earliest session of the
# indexed versions whose text already holds it word for word (read in 69/179, 71/194, 78/199).
VERBATIM_IN_79_166 = {
    "PP1": 78,  # 69/179 and 71/194 punctuate it differently ("Action, adopted"; "1993 for")
    "PP2": 71,  # Recalling its resolution 70/1
    "PP4": 78,  # "political declarations of the high-level meetings"
    "PP5": 69,
    "PP6": 69,
    "PP7": 71,  # Underlining that cooperation is not just …
    "PP8": 71,  # Stressing the importance of international cooperation …
    "PP9": 69,
    "PP10": 78,  # Reiterating the important role …
    "PP11": 78,
    "PP12": 78,
    "PP13": 78,  # "respect for all human rights and fundamental freedoms for all"
    "PP14": 69,
    "PP15": 69,
    "OP1": 78,
    "OP2": 69,
    "OP3": 78,  # "a culture of peace, tolerance"
    "OP4": 78,  # Also reaffirms the duty of States to cooperate …
    "OP5": 69,
    "OP6": 69,
    "OP7": 78,  # "set out in the Charter and international law"
    "OP8": 79,  # "interdependence, interrelatedness" first in 79/166
    "OP9": 71,  # the universal periodic review
    "OP10": 78,  # "a cooperative and constructive approach"
    "OP11": 71,  # "Further emphasizes the role …"
    "OP12": 78,  # "… fundamental freedoms for all, and encourages …"
    "OP13": 69,
    "OP14": 69,
    "OP15": 78,  # North-South, South-South and triangular cooperation
    "OP16": 69,
}


def test_precedents_of_the_draft(ix: Reader, shared_corpus: Path) -> None:
    draft = parse_path(shared_corpus / "ga-drafts/A_C.3_80_L.35.txt", citations=False)
    found = {p.label: p for p in precedents(ix, draft).paragraphs}
    for label, earliest in VERBATIM_IN_79_166.items():
        p = found[label]
        assert p.status == "verbatim", label
        best = p.precedents[0]
        assert best.similarity >= 0.99, label
        assert best.session is not None and best.session < 80, label
        assert p.first_use is not None and p.first_use.session is not None, label
        assert p.first_use.session <= earliest, label
        assert p.first_verbatim is not None and p.first_verbatim.session is not None, label
        assert p.first_verbatim.session <= earliest, label
    # words, not punctuation, were added in these sessions: nothing earlier holds them verbatim
    assert found["OP8"].first_verbatim is not None
    assert found["OP8"].first_verbatim.symbol == "A/RES/79/166"  # "interdependence, …"
    assert found["OP9"].first_verbatim is not None
    assert found["OP9"].first_verbatim.symbol == "A/RES/71/194"  # the universal periodic review
    assert found["OP10"].first_verbatim is not None
    assert found["OP10"].first_verbatim.symbol == "A/RES/78/199"  # "and constructive"
    # PP3 and OP17 are edited: the closest is the 79th session's, one number or word apart
    for label in ("PP3", "OP17"):
        assert found[label].status == "edited", label
        assert found[label].precedents[0].symbol == "A/RES/79/166", label
        assert found[label].ops, label
    # never the draft itself, nor the resolution adopted from it (same session)
    assert all(s.session != 80 for p in found.values() for s in p.precedents)


def test_precedents_json(index_dir: Path, shared_corpus: Path) -> None:
    path = shared_corpus / "ga-drafts/A_C.3_80_L.35.txt"
    result = runner.invoke(app, ["precedents", str(path), "--json", "--index", str(index_dir)])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["symbol"] == "A/C.3/80/L.35"
    op9 = next(p for p in data["paragraphs"] if p["label"] == "OP9")
    assert op9["first_use"]["symbol"] == "A/RES/71/194"
    assert op9["first_use"]["label"] == "OP8"
    assert op9["precedents"][0]["similarity"] == 1.0


# --- bad input: one line, exit 1 --------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["lineage", "A/RES/70/999"], "resdex: error: A/RES/70/999 is not in the index\n"),
        (["diff", "A/RES/70/999"], "resdex: error: A/RES/70/999 is not in the index\n"),
        (
            ["diff", "A/RES/80/204", "A/RES/70/999"],
            "resdex: error: A/RES/70/999 is not in the index\n",
        ),
    ],
)
def test_unknown_symbol(index_dir: Path, args: list[str], said: str) -> None:
    result = runner.invoke(app, [*args, "--index", str(index_dir)])
    assert result.exit_code == 1
    assert result.stderr == said


def test_no_lineage(index_dir: Path, tmp_path: Path, project_corpus: Path) -> None:
    # the index holds one version only of 71/194's resolution
    alone = tmp_path / "alone"
    one = tmp_path / "one"
    one.mkdir()
    shutil.copy(project_corpus / "A_RES_71_194.md", one)
    assert runner.invoke(app, ["index", str(one), "--index", str(alone)]).exit_code == 0
    for args in (["lineage", "71/194"], ["diff", "71/194"]):
        result = runner.invoke(app, [*args, "--index", str(alone)])
        assert result.exit_code == 1
        assert result.stderr.count("\n") == 1
        assert "no other version in the index" in result.stderr


def test_different_series_in_diff_is_allowed_but_said(index_dir: Path) -> None:
    result = runner.invoke(app, ["diff", "A/RES/80/204", "A/RES/80/208", "--index", str(index_dir)])
    assert result.exit_code == 0, result.stderr
    assert "not versions of one resolution" in result.stdout.splitlines()[1]
    data = json.loads(
        runner.invoke(
            app, ["diff", "A/RES/80/204", "A/RES/80/208", "--json", "--index", str(index_dir)]
        ).stdout
    )
    assert data["same_series"] is False


def test_file_not_a_un_document(index_dir: Path, tmp_path: Path) -> None:
    letter = tmp_path / "letter.txt"
    letter.write_text("Dear colleagues,\n\nPlease find attached the minutes.\n", encoding="utf-8")
    result = runner.invoke(app, ["precedents", str(letter), "--index", str(index_dir)])
    assert result.exit_code == 1
    assert result.stderr.startswith("resdex: error: ")
    assert result.stderr.count("\n") == 1


def test_never_imports_spacy(index_dir: Path, shared_corpus: Path) -> None:
    """lineage and diff read the index only; precedents parses without citations."""
    draft = str(shared_corpus / "ga-drafts/A_C.3_80_L.35.txt")
    code = (
        "import sys\n"
        "from resdex.cli.main import run\n"
        f"for args in (['lineage', '80/204'], ['diff', '80/204'], ['precedents', {draft!r}]):\n"
        f"    sys.argv = ['resdex', *args, '--json', '--index', {str(index_dir)!r}]\n"
        "    run(sys.argv[1:])\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] == 'spacy'"
        " or m in ('resdex.indexer.citations', 'resdex.indexer.nlp'))\n"
        "print('IMPORTED', bad, file=sys.stderr)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=False
    )
    assert "IMPORTED []" in result.stderr, result.stderr
