"""Issue 10, damage: any failure to read the index is one line naming ``resdex index
--rebuild``; ``resdex check`` finds it; ``index`` never carries a damaged segment over."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from rel_helpers import CORPUS, copy_index, invoke, one_line_error, pointer

from resdex.search import store
from resdex.search.check import check_index
from resdex.search.schema import INDEX_FORMAT


def _segment(index: Path) -> Path:
    generation = store.current_generation(index)
    assert generation is not None
    return next(generation.glob("*.seg"))


def _toc(index: Path) -> Path:
    generation = store.current_generation(index)
    assert generation is not None
    return next(generation.glob("*.toc"))


def _truncate(path: Path) -> None:
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])


def _zero(path: Path) -> None:
    path.write_bytes(bytes(path.stat().st_size))


def _flip(path: Path, start: int | None = None) -> None:
    """Flip 64 bytes of ``path``, from ``start`` (a third of the file by default)."""
    data = bytearray(path.read_bytes())
    start = len(data) // 3 if start is None else start
    for i in range(start, start + 64):
        data[i] ^= 0xFF
    path.write_bytes(bytes(data))


def _postings(segment: Path) -> tuple[int, int]:
    """(offset, length) of the postings (``.pst``) inside the compound ``segment``."""
    from whoosh.filedb.compound import CompoundStorage
    from whoosh.filedb.filestore import FileStorage

    parts = CompoundStorage(FileStorage(str(segment.parent)).open_file(segment.name))
    try:
        name = next(n for n in parts.list() if n.endswith(".pst"))
        offset, length = parts.range(name)
    finally:
        parts.close()
    assert length > 1000, length
    return offset, length


def _flip_postings(index: Path) -> None:
    """Flip 64 bytes in the middle of the segment's postings, which ``check`` reads whole.
    Not at a fixed share of the ``.seg`` file: the order of its parts varies from build to
    build, and a third of the way in could be a column of numbers that still decode."""
    segment = _segment(index)
    offset, length = _postings(segment)
    _flip(segment, offset + length // 2)


def _bad_block_pickle(index: Path) -> None:
    """The first postings block's pickled header made to claim pickle protocol 250: the
    unpickler raises ValueError (other damage there: OverflowError "FRAME length exceeds
    …"), from resdex's restricted unpickler rather than from Whoosh."""
    segment = _segment(index)
    offset, _length = _postings(segment)
    data = bytearray(segment.read_bytes())
    # Whoosh 3 postings: b"W3Bl", then each block: its length (4 bytes), its pickled header
    assert data[offset : offset + 4] == b"W3Bl" and data[offset + 8] == 0x80
    data[offset + 9] = 250
    segment.write_bytes(bytes(data))


def _forget_checksums(index: Path) -> None:
    """``CURRENT`` as written before checksums were kept: the damage must still be caught
    when the files are read."""
    data = pointer(index)
    data.pop("files")
    (index / "CURRENT").write_text(json.dumps(data))


DAMAGE: dict[str, Callable[[Path], object]] = {
    "truncated segment": lambda ix: _truncate(_segment(ix)),
    "zeroed segment": lambda ix: _zero(_segment(ix)),
    "flipped bytes in segment": _flip_postings,
    "bad pickle in segment": _bad_block_pickle,
    "missing segment": lambda ix: _segment(ix).unlink(),
    "truncated TOC": lambda ix: _truncate(_toc(ix)),
    "zeroed TOC": lambda ix: _zero(_toc(ix)),
    "flipped bytes in TOC": lambda ix: _flip(_toc(ix)),
    "garbage TOC": lambda ix: _toc(ix).write_bytes(b"\x80\x04garbage" * 50),
    "missing TOC": lambda ix: _toc(ix).unlink(),
    "NUL in CURRENT": lambda ix: (ix / "CURRENT").write_bytes(b"\x00" * 10),
    "truncated CURRENT": lambda ix: (ix / "CURRENT").write_text('{"format": 1, "gen'),
    "missing generation": lambda ix: shutil.rmtree(_segment(ix).parent),
}
# damage only ``check`` (or a query that reads that spot) can see: the other commands may
# answer, without a traceback
QUIET = {"flipped bytes in segment", "bad pickle in segment", "flipped bytes in TOC"}
# flipped bytes in the TOC's pickled schema, which resdex never reads (it opens every index
# with its own schema): harmless, only the checksum sees them
HARMLESS_WITHOUT_CHECKSUMS = {"flipped bytes in TOC"}
# every damage is tried on an index whose ``CURRENT`` keeps checksums and on one without
WITH_AND_WITHOUT_CHECKSUMS = pytest.mark.parametrize(
    "checksums", [True, False], ids=["checksums", "no checksums"]
)


def _damaged(folder: Path, damage: str, checksums: bool) -> Path:
    """A copy of the pristine index in ``folder``, with or without checksums, damaged."""
    index = copy_index(folder)
    if not checksums:
        _forget_checksums(index)
    DAMAGE[damage](index)
    return index


READERS = [
    ["search", "human rights"],
    ["search", '"universal periodic review"', "--json"],
    ["cites", "A/CONF.157/24"],
    ["show", "A/RES/69/179"],
    ["show", "A/RES/71/194", "--json"],
    ["check"],
]


@WITH_AND_WITHOUT_CHECKSUMS
@pytest.mark.parametrize("damage", list(DAMAGE))
def test_every_command_says_damaged_in_one_line(
    tmp_path: Path, damage: str, checksums: bool
) -> None:
    index = _damaged(tmp_path / "index", damage, checksums)
    for command in READERS:
        code, out, err = invoke(*command, "--index", str(index))
        assert "Traceback" not in out + err
        if code == 0:
            may_answer = damage in QUIET and command[0] != "check"
            harmless = damage in HARMLESS_WITHOUT_CHECKSUMS and not checksums
            assert may_answer or harmless, (command, out)
            continue
        assert one_line_error(code, out, err), (command, code, out, err)
        assert "damaged" in err and "`resdex index --rebuild PATH`" in err, err


@WITH_AND_WITHOUT_CHECKSUMS
@pytest.mark.parametrize(
    "damage",
    [d for d in DAMAGE if ("segment" in d or "TOC" in d) and d not in HARMLESS_WITHOUT_CHECKSUMS],
)
def test_index_never_carries_a_damaged_segment(
    tmp_path: Path, damage: str, checksums: bool
) -> None:
    index = _damaged(tmp_path / "index", damage, checksums)
    before = (index / "CURRENT").read_bytes()
    code, out, err = invoke("index", str(CORPUS / "A_RES_71_194.md"), "--index", str(index))
    assert one_line_error(code, out, err), (code, out, err)
    assert "damaged" in err and "--rebuild" in err
    assert (index / "CURRENT").read_bytes() == before
    assert not list(index.glob("tmp-*"))
    # and --rebuild gets out of it
    code, out, err = invoke("index", str(CORPUS), "--index", str(index), "--rebuild")
    assert code == 0, err
    assert check_index(index).ok


def test_check_on_a_sound_index(tmp_path: Path) -> None:
    index = copy_index(tmp_path / "index")
    report = check_index(index)
    assert report.ok and report.resolutions == 2
    # A/RES/69/179: 24 paragraphs, 5 footnotes; A/RES/71/194: 27 paragraphs, 5 footnotes
    assert report.units == 24 + 5 + 27 + 5
    code, out, _err = invoke("check", "--index", str(index), "--json")
    assert code == 0 and json.loads(out)["ok"] is True


def test_check_on_an_index_with_deleted_documents(tmp_path: Path) -> None:
    """A resolution indexed again: its old documents stay in the first segment, deleted
    (postings still count them, the matchers skip them)."""
    from resdex.search.build import WriterOptions, index_paths

    index = copy_index(tmp_path / "index")
    changed = tmp_path / "A_RES_71_194.md"
    changed.write_text((CORPUS / "A_RES_71_194.md").read_text() + "\n")
    assert index_paths([changed], index, options=WriterOptions(workers=1)).published
    report = check_index(index)
    assert report.ok, report.problems
    assert len(report.segments) == 2 and report.resolutions == 2
    assert report.units == 24 + 5 + 27 + 5


# every format before this one (3: no ``c_meta`` column, which ``cites`` reads), and 0
@pytest.mark.parametrize("old", range(INDEX_FORMAT))
def test_an_index_of_another_format_is_refused(tmp_path: Path, old: int) -> None:
    index = copy_index(tmp_path / "index")
    data = pointer(index)
    data["format"] = old
    (index / "CURRENT").write_text(json.dumps(data))
    commands = (["search", "rights"], ["cites", "A/RES/69/179"], ["index", str(CORPUS)], ["check"])
    for command in commands:
        code, out, err = invoke(*command, "--index", str(index))
        assert one_line_error(code, out, err) and "`resdex index --rebuild PATH`" in err
