"""`resdex parse`: the JSON of interface.md on the seeds, and bad input as one line, exit 1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from resdex.cli.main import app

runner = CliRunner()


def parse_json(path: Path) -> dict[str, object]:
    result = runner.invoke(app, ["parse", str(path), "--json"])
    assert result.exit_code == 0, result.output
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_parse_json_markdown_seed(project_corpus: Path) -> None:
    """A/RES/71/194 as Markdown: read by hand from corpus/A_RES_71_194.md."""
    d = parse_json(project_corpus / "A_RES_71_194.md")
    assert (d["symbol"], d["body"], d["session"], d["adopted"]) == (
        "A/RES/71/194",
        "GA",
        71,
        "2016-12-19",
    )
    assert d["title"] == "Enhancement of international cooperation in the field of human rights"
    paragraphs = {p["label"]: p for p in d["paragraphs"]}  # type: ignore[attr-defined]
    assert [f"PP{n}" for n in range(1, 13)] + [f"OP{n}" for n in range(1, 16)] == list(paragraphs)
    assert paragraphs["OP8"]["verb"] == "Emphasizes"
    assert paragraphs["OP8"]["text"].startswith("Emphasizes the importance of the universal")
    assert (paragraphs["OP9"]["verb"], paragraphs["OP9"]["modifier"]) == ("Emphasizes", "also")
    assert paragraphs["OP11"]["verb"] == "Calls upon"
    assert paragraphs["PP1"]["footnotes"] == [1]
    assert paragraphs["PP3"]["footnotes"] == [2, 3]
    assert paragraphs["PP12"]["footnotes"] == [5]
    via = [c for c in paragraphs["PP1"]["citations"] if c["via_footnote"] == 1]
    assert [c["target"] for c in via] == ["A/CONF.157/24"]
    notes = {f["number"]: f for f in d["footnotes"]}  # type: ignore[attr-defined]
    assert notes[1]["text"] == "A/CONF.157/24 (Part I), chap. III."
    for c in notes[1]["citations"]:
        assert notes[1]["text"][c["start"] : c["end"]] == c["text"]


def test_parse_plain_text_rendering(project_corpus: Path) -> None:
    result = runner.invoke(app, ["parse", str(project_corpus / "A_RES_69_179.ods.txt")])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("A/RES/69/179  Enhancement of international cooperation")
    assert "OP1  [Reaffirms]" in result.stdout


def _truncated_pdf(tmp_path: Path, shared: Path) -> Path:
    data = (shared / "ga-pdf" / "A_RES_80_204.pdf").read_bytes()
    out = tmp_path / "truncated.pdf"
    out.write_bytes(data[: len(data) // 3])
    return out


BAD_INPUTS = {
    "empty.txt": b"",
    "binary.txt": bytes(range(256)) * 8,
    "latin1.txt": "Résolution adoptée par l’Assemblée générale".encode("cp1252"),
    "recipe.txt": b"Pancakes\n\nMix 200 g of flour with two eggs and milk.\n",
    "fake.pdf": b"%PDF-1.7\nthis is not really a PDF\n",
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_is_one_line_and_exit_1(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(BAD_INPUTS[name])
    result = runner.invoke(app, ["parse", str(path), "--json"])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("resdex: error: ")
    assert name in lines[0]
    assert "Traceback" not in result.output


def test_truncated_pdf_subprocess(tmp_path: Path, shared_corpus: Path) -> None:
    """The installed command, as a user runs it: no traceback, one line, exit 1."""
    path = _truncated_pdf(tmp_path, shared_corpus)
    proc = subprocess.run(
        [sys.executable, "-m", "resdex.cli.main", "parse", str(path), "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert proc.stdout == ""
    assert len(proc.stderr.splitlines()) == 1
    assert "truncated.pdf" in proc.stderr


def test_missing_file_is_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["parse", str(tmp_path / "nope.txt")])
    assert result.exit_code == 1
    assert len(result.stderr.splitlines()) == 1
    assert "nope.txt" in result.stderr


def test_usage_error_exits_2() -> None:
    assert runner.invoke(app, ["parse"]).exit_code == 2
