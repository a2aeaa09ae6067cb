"""`resdex export --format csv|jsonl|graphml` over the seeds, read back by csv, json and
networkx. Expected counts read by hand from the two documents:

- A/RES/69/179 cites 11 documents: A/69/488/Add.2 and its Corr.1 (report line),
  A/CONF.157/24, A/RES/55/2, A/RES/68/160, A/HRC/RES/25/3, A/69/53, A/RES/66/3,
  E/CN.4/Sub.2/RES/2000/22, E/CN.4/2001/2, E/CN.4/Sub.2/2000/46;
- A/RES/71/194 cites 11: A/71/484/Add.2, A/CONF.157/24, A/RES/70/1, A/RES/55/2, A/RES/70/153,
  A/HRC/RES/32/6, A/71/53, A/RES/66/3, and the last three of 69/179's list;
- 6 in common, neither cites the other: 2 + 16 nodes, 22 edges.
"""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import networkx as nx
from typer.testing import CliRunner

from resdex.cli.main import app

runner = CliRunner()
RESDEX = Path(sys.executable).with_name("resdex")


def export(index: Path, fmt: str) -> str:
    result = runner.invoke(app, ["export", "--format", fmt, "--index", str(index)])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_graphml_read_back_by_networkx(seed_index: Path, tmp_path: Path) -> None:
    out = tmp_path / "citations.graphml"
    done = subprocess.run(
        [str(RESDEX), "export", "--format", "graphml", "-o", str(out), "--index", str(seed_index)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == f"18 nodes, 22 edges written to {out}\n"
    g = nx.read_graphml(out)
    assert isinstance(g, nx.DiGraph)
    assert (g.number_of_nodes(), g.number_of_edges()) == (18, 22)
    assert g.nodes["a/res/71/194"] == {
        "label": "A/RES/71/194",
        "indexed": True,
        "body": "GA",
        "session": 71,
        "year": 2016,
        "adopted": "2016-12-19",
        "title": "Enhancement of international cooperation in the field of human rights",
    }
    assert g.nodes["a/conf.157/24"] == {"label": "A/CONF.157/24", "indexed": False}
    assert g.in_degree("a/conf.157/24") == 2
    assert g.out_degree("a/res/69/179") == g.out_degree("a/res/71/194") == 11
    # 69/179 names 55/2 once, in footnote 2 (carried by PP2)
    assert g.edges["a/res/69/179", "a/res/55/2"] == {"weight": 1, "paragraphs": "footnote 2"}


def test_graphml_on_stdout(seed_index: Path) -> None:
    g = nx.parse_graphml(export(seed_index, "graphml"))
    assert (g.number_of_nodes(), g.number_of_edges()) == (18, 22)


def test_csv_a_row_per_paragraph_and_footnote(seed_index: Path) -> None:
    got = list(csv.DictReader(io.StringIO(export(seed_index, "csv"))))
    by_symbol = {s: [r for r in got if r["symbol"] == s] for s in ("A/RES/69/179", "A/RES/71/194")}
    # 69/179: 9 preambular, 15 operative paragraphs, 5 footnotes
    assert [r["label"] for r in by_symbol["A/RES/69/179"]] == [
        *(f"PP{i}" for i in range(1, 10)),
        *(f"OP{i}" for i in range(1, 16)),
        *(f"footnote {i}" for i in range(1, 6)),
    ]
    assert len(got) == len(by_symbol["A/RES/69/179"]) + len(by_symbol["A/RES/71/194"])
    pp2 = next(r for r in by_symbol["A/RES/69/179"] if r["label"] == "PP2")
    assert pp2["cites"].split("; ") == ["A/RES/68/160", "A/HRC/RES/25/3", "A/RES/55/2", "A/69/53"]
    assert pp2["session"] == "69" and pp2["kind"] == "preambular"


def test_jsonl_a_line_per_paragraph_and_footnote(seed_index: Path) -> None:
    lines = export(seed_index, "jsonl").splitlines()
    records = [json.loads(line) for line in lines]
    op8 = next(r for r in records if r["symbol"] == "A/RES/71/194" and r["label"] == "OP8")
    assert op8["verb"] == "Emphasizes" and op8["session"] == 71 and op8["citations"] == []
    fn1 = next(r for r in records if r["symbol"] == "A/RES/69/179" and r["label"] == "footnote 1")
    assert [c["target"] for c in fn1["citations"]] == ["A/CONF.157/24"]


def test_output_file_it_cannot_write(seed_index: Path, tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["export", "-o", str(tmp_path / "no" / "such" / "x.csv"), "--index", str(seed_index)]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith("resdex: error: cannot write ")
