"""resdex: full-text search and citation index for United Nations resolutions.

The distribution installs one top-level package, ``resdex``; the project's folders
``indexer/``, ``search/`` and ``cli/`` are its sub-packages ``resdex.indexer``,
``resdex.search`` and ``resdex.cli`` (``package-dir`` in ``pyproject.toml``; in the source
tree, ``resdex/indexer`` etc. are links to those folders, so that tools reading the tree,
such as mypy, see the installed names).
"""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # Looked up lazily: importlib.metadata costs milliseconds that ``resdex search`` would
    # pay on every run.
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("resdex")
        except PackageNotFoundError:  # a source tree that was never installed
            return "0+unknown"
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
