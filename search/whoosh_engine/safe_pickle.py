"""Whoosh reads its index with ``pickle``: the schema and the segment list in the TOC, the
stored fields of every document, block headers of postings, compound-file directories.
Unpickling runs whatever callable the pickle names, so a crafted index folder would run
code in ``search``, ``cites``, ``show``, ``index`` and the web server.

``install`` replaces every ``pickle.load``/``loads`` Whoosh's read path calls by a
restricted unpickler (the recipe of the ``pickle`` documentation, "Restricting Globals"):
only the classes a resdex index holds can be named; anything else (``os.system``,
``builtins.eval``, ``subprocess.Popen``, …) raises ``UnsafeIndex`` before it is looked up.
Besides, ``resdex.search.store`` opens every index with resdex's own schema, so the pickled
schema in a TOC is skipped without being read at all.

Why an allow-list rather than a signature (HMAC with a per-user key): an index is meant to
be shared (a librarian builds it, colleagues search it, ``resdex serve`` reads it for many
users); a colleague's key would not verify the librarian's index, so a signature would
either refuse every shared index or be switched off. The allow-list protects whoever opens
the folder, whoever built it.
"""

from __future__ import annotations

import io
import pickle
from typing import Any

from resdex.indexer.errors import ResdexError


class UnsafeIndex(ResdexError):
    """The index names a Python object resdex never writes: it was crafted or damaged."""


# (module, name) of everything a resdex index pickles; see tests/test_rel_trust.py for how the
# list was checked against a real index.
_EXACT: frozenset[tuple[str, str]] = frozenset(
    {
        # plain values: bytes of protocol 2, ints, sets (deleted documents), counters
        ("_codecs", "encode"),
        ("builtins", "int"),
        ("builtins", "bytes"),  # b"" in protocols 0-2: `__builtin__ bytes`
        ("builtins", "set"),
        ("builtins", "frozenset"),
        ("builtins", "bytearray"),
        ("collections", "defaultdict"),
        ("collections", "OrderedDict"),
        ("array", "array"),
        ("array", "_array_reconstructor"),
        # the segment list
        ("whoosh.codec.whoosh3", "W3Codec"),
        ("whoosh.codec.whoosh3", "W3Segment"),
        ("whoosh.codec.whoosh3", "W3TermInfo"),
        ("whoosh.codec.base", "FileTermInfo"),
        ("whoosh.codec.base", "MultiSegment"),
        # the schema (only read by callers that open a folder without resdex's schema)
        ("re", "_compile"),
        ("resdex.search.schema", "SymbolTokenizer"),
        ("whoosh.fields", "Schema"),
    }
)
# modules whose classes (never functions) of the given kinds a schema pickles
_CLASS_MODULES: tuple[tuple[str, str], ...] = (
    ("whoosh.fields", "whoosh.fields.FieldType"),
    ("whoosh.formats", "whoosh.formats.Format"),
    ("whoosh.columns", "whoosh.columns.Column"),
    ("whoosh.analysis.", "whoosh.analysis.acore.Composable"),
)


def _base(dotted: str) -> type:
    module, _, name = dotted.rpartition(".")
    import importlib

    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


def allowed(module: str, name: str) -> bool:
    """Whether an index may name ``module.name``."""
    if (module, name) in _EXACT:
        return True
    if "." in name or name.startswith("_"):
        return False
    for prefix, base in _CLASS_MODULES:
        if module == prefix or (prefix.endswith(".") and module.startswith(prefix)):
            import importlib

            try:
                obj = getattr(importlib.import_module(module), name)
            except (ImportError, AttributeError):
                return False
            return isinstance(obj, type) and issubclass(obj, _base(base))
    return False


class RestrictedUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str) -> Any:
        # Python 2 names in pickles of protocols 0-2 (``__builtin__.set``), mapped as
        # ``pickle.Unpickler.find_class`` maps them
        import _compat_pickle

        if (module, name) in _compat_pickle.NAME_MAPPING:
            module, name = _compat_pickle.NAME_MAPPING[(module, name)]
        elif module in _compat_pickle.IMPORT_MAPPING:
            module = _compat_pickle.IMPORT_MAPPING[module]
        if not allowed(module, name):
            raise UnsafeIndex(
                f"the index names {module}.{name}, which resdex never writes "
                "(a crafted or damaged index); nothing was run"
            )
        return super().find_class(module, name)


def loads(data: bytes, *args: Any, **kwargs: Any) -> Any:
    return RestrictedUnpickler(io.BytesIO(data)).load()


def load(file: Any, *args: Any, **kwargs: Any) -> Any:
    return RestrictedUnpickler(file).load()


class _PickleModule:
    """Stands for the ``pickle`` module inside Whoosh modules that call ``pickle.loads``."""

    loads = staticmethod(loads)
    load = staticmethod(load)
    dumps = staticmethod(pickle.dumps)
    dump = staticmethod(pickle.dump)
    PicklingError = pickle.PicklingError
    UnpicklingError = pickle.UnpicklingError


_INSTALLED = False


def install() -> None:
    """Route every unpickling on Whoosh's read path through ``RestrictedUnpickler``."""
    global _INSTALLED
    if _INSTALLED:
        return
    import whoosh.codec.whoosh3
    import whoosh.columns
    import whoosh.compat
    import whoosh.filedb.structfile
    import whoosh.formats
    import whoosh.index

    for module in (
        whoosh.codec.whoosh3,
        whoosh.columns,
        whoosh.compat,
        whoosh.formats,
    ):
        if hasattr(module, "loads"):
            module.loads = loads
    whoosh.compat.load = load
    whoosh.filedb.structfile.load_pickle = load
    whoosh.index.pickle = _PickleModule
    _INSTALLED = True
