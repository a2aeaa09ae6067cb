"""Issue 10, trust: nothing in an index folder runs code, and ``CURRENT`` names only a
generation folder inside the index folder."""

from __future__ import annotations

import json
import os
import pickle
from collections.abc import Callable
from pathlib import Path

import pytest
from rel_helpers import CORPUS, copy_index, invoke, one_line_error, pristine_index

from resdex.search import store
from resdex.search.schema import INDEX_FORMAT
from resdex.search.whoosh_engine import safe_pickle
from resdex.search.whoosh_engine.reader import WhooshReader


class Evil:
    """Unpickled, it would run ``touch MARKER``."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        return os.system, (f"touch {self.marker}",)


def _rewrite_generation(index: Path, build: Callable[[Path], None]) -> None:
    """Replace the current generation by what ``build`` writes there, and a ``CURRENT``
    without checksums (an attacker writes that file too)."""
    generation = store.current_generation(index)
    assert generation is not None
    for path in generation.iterdir():
        path.unlink()
    build(generation)
    (index / "CURRENT").write_text(
        json.dumps({"format": INDEX_FORMAT, "generation": generation.name}), encoding="utf-8"
    )


def _evil_segments(marker: Path) -> Callable[[Path], None]:
    def build(folder: Path) -> None:  # the TOC's segment list is the crafted pickle
        from whoosh.filedb.filestore import FileStorage
        from whoosh.index import TOC

        from resdex.search.whoosh_engine.schema import build_schema

        TOC(build_schema(), [Evil(marker)], 1).write(FileStorage(str(folder)), "MAIN")

    return build


def _evil_schema(marker: Path) -> Callable[[Path], None]:
    def build(folder: Path) -> None:  # the TOC's pickled schema holds the crafted object
        from whoosh import fields
        from whoosh.filedb.filestore import FileStorage
        from whoosh.index import TOC

        schema = fields.Schema(text=fields.TEXT(analyzer=Evil(marker)))
        TOC(schema, [], 1).write(FileStorage(str(folder)), "MAIN")

    return build


def _evil_stored_field(marker: Path) -> Callable[[Path], None]:
    def build(folder: Path) -> None:  # a real segment whose stored fields hold it
        from whoosh.index import create_in

        from resdex.search.whoosh_engine.schema import build_schema

        ix = create_in(str(folder), build_schema())
        w = ix.writer()
        w.add_document(
            unit="document", symkey="a/res/71/194", symbol="A/RES/71/194", data=Evil(marker)
        )
        w.add_document(unit="paragraph", text="human rights", symbol=Evil(marker), label="x")
        # what ``cites`` reads of a citing unit: its c_cites column (no stored field)
        w.add_document(unit="paragraph", cites="a/res/71/194", c_cites=Evil(marker))
        w.commit()

    return build


CRAFTED = {
    "segments": _evil_segments,
    "schema": _evil_schema,
    "stored field": _evil_stored_field,
}
COMMANDS = [
    ["search", "human rights"],
    ["search", "human rights", "--json"],
    ["cites", "A/RES/71/194"],
    ["show", "A/RES/71/194"],
    ["check"],
    ["index", "CORPUS"],
]


@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: " ".join(c))
@pytest.mark.parametrize("crafted", list(CRAFTED))
def test_a_crafted_index_runs_no_code(tmp_path: Path, crafted: str, command: list[str]) -> None:
    index = copy_index(tmp_path / "index")
    marker = tmp_path / "MARKER"
    _rewrite_generation(index, CRAFTED[crafted](marker))
    args = [str(CORPUS) if a == "CORPUS" else a for a in command]
    code, out, err = invoke(*args, "--index", str(index))
    assert not marker.exists(), "the crafted pickle ran"
    assert "Traceback" not in out + err
    if crafted == "schema":  # never read: resdex opens every index with its own schema
        return
    assert one_line_error(code, out, err), (code, out, err)
    assert "damaged" in err and "resdex index --rebuild" in err


def test_the_allow_list_covers_a_real_index(tmp_path: Path) -> None:
    """Every global a real index pickles (TOC, schema, segments, stored fields) is allowed:
    read with a recording unpickler over the pristine index."""
    import io

    seen: set[tuple[str, str]] = set()

    class Recording(pickle.Unpickler):
        def find_class(self, module: str, name: str) -> object:
            seen.add((module, name))
            return super().find_class(module, name)

    from whoosh.filedb.filestore import FileStorage

    from resdex.search import query as q

    originals = (safe_pickle.loads, safe_pickle.load)
    try:
        safe_pickle.install()
        import whoosh.codec.whoosh3 as w3
        import whoosh.filedb.structfile as sf
        import whoosh.index as wi

        w3.loads = lambda b, *a, **k: Recording(io.BytesIO(b)).load()
        sf.load_pickle = lambda f, *a, **k: Recording(f).load()
        saved_pickle = wi.pickle
        wi.pickle = pickle  # the schema too
        generation = store.current_generation(pristine_index())
        assert generation is not None
        ix = FileStorage(str(generation)).open_index()
        q.search(WhooshReader.of(ix), q.SearchRequest("human rights OR rights*", limit=0))
        q.show(WhooshReader.of(ix), "A/RES/71/194")
    finally:
        w3.loads = originals[0]
        sf.load_pickle = originals[1]
        wi.pickle = saved_pickle
    assert seen and all(safe_pickle.allowed(m, n) for m, n in seen), sorted(seen)


@pytest.mark.parametrize("protocol", range(pickle.HIGHEST_PROTOCOL + 1))
def test_what_whoosh_pickles_reads_back_in_every_protocol(protocol: int) -> None:
    """Whoosh writes stored fields, postings and its sort pool with protocols 2 and -1: an
    empty value (``b""``: ``__builtin__.bytes`` in protocol 2), sets of deleted documents,
    counters, arrays."""
    import array
    from collections import defaultdict

    values: list[object] = [
        b"",
        b"x",
        bytearray(b"a"),
        {1, 2},
        frozenset({3}),
        defaultdict(int, {"a": 1}),
        array.array("i", [1, 2]),
        (1, "é", None, 1.5, [b"", {"k": (2,)}]),
    ]
    for value in values:
        assert safe_pickle.loads(pickle.dumps(value, protocol)) == value


@pytest.mark.parametrize(
    ("module", "name"),
    [
        ("os", "system"),
        ("__builtin__", "eval"),  # the Python 2 spelling, mapped before the check
        ("posix", "system"),
        ("builtins", "eval"),
        ("builtins", "exec"),
        ("builtins", "getattr"),
        ("subprocess", "Popen"),
        ("whoosh.codec.whoosh3", "W3FieldWriter"),  # would create files
        ("whoosh.fields", "__builtins__"),
        ("whoosh.analysis.tokenizers", "re"),  # a module, not a class
        ("resdex.search.store", "publish"),
    ],
)
def test_the_allow_list_refuses(module: str, name: str) -> None:
    assert not safe_pickle.allowed(module, name)
    crafted = f"c{module}\n{name}\n.".encode()  # GLOBAL: the object itself, nothing called
    with pytest.raises(safe_pickle.UnsafeIndex, match="which resdex never writes"):
        safe_pickle.loads(crafted)


def _pointer_to(index: Path, generation: str | bytes) -> None:
    raw = (
        generation
        if isinstance(generation, bytes)
        else json.dumps({"format": INDEX_FORMAT, "generation": generation}).encode()
    )
    (index / "CURRENT").write_bytes(raw)


POINTERS: dict[str, Callable[[Path, Path], str | bytes]] = {
    "absolute path outside": lambda index, outside: str(outside / "gen-000001"),
    "absolute path inside": lambda index, outside: str(index / "gen-000001"),
    "parent folder": lambda index, outside: "../outside/gen-000001",
    "not a generation name": lambda index, outside: "write.lock",
    "empty": lambda index, outside: "",
    "NUL inside": lambda index, outside: (
        b'{"format": %d, "generation": "gen-000001\x00"}' % INDEX_FORMAT
    ),
    "NUL escaped": lambda index, outside: "gen-000001\x00",
    "not JSON": lambda index, outside: b"\xff\xfe garbage",
    "a list": lambda index, outside: b"[1, 2]",
}


@pytest.mark.parametrize("case", list(POINTERS))
def test_current_names_only_a_generation_inside(tmp_path: Path, case: str) -> None:
    index = copy_index(tmp_path / "index")
    outside = copy_index(tmp_path / "outside")
    _pointer_to(index, POINTERS[case](index, outside))
    with pytest.raises(store.DamagedIndex, match="rebuild it with `resdex index --rebuild"):
        store.open_index(index)
    code, out, err = invoke("search", "rights", "--index", str(index))
    assert one_line_error(code, out, err), err


def test_a_generation_that_is_a_symbolic_link_is_refused(tmp_path: Path) -> None:
    index = copy_index(tmp_path / "index")
    outside = copy_index(tmp_path / "outside")
    (index / "gen-000002").symlink_to(outside / "gen-000001")
    _pointer_to(index, "gen-000002")
    with pytest.raises(store.DamagedIndex, match="gen-000002 is missing or not a folder"):
        store.open_index(index)


def test_a_current_that_is_a_fifo_does_not_hang(tmp_path: Path) -> None:
    index = copy_index(tmp_path / "index")
    (index / "CURRENT").unlink()
    os.mkfifo(index / "CURRENT")
    with pytest.raises(store.DamagedIndex, match="not a regular file"):
        store.open_index(index)
