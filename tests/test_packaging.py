"""The distribution installs one top-level package, ``resdex``: a wheel built from the tree
holds ``resdex/…`` and ``resdex-*.dist-info/…`` only, with every sub-package inside."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel_names(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    out = tmp_path_factory.mktemp("wheel")
    build = [sys.executable, "-m", "pip", "wheel", str(ROOT), "--no-deps", "-q", "-w", str(out)]
    done = subprocess.run(
        build,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (wheel,) = out.glob("resdex-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        return zf.namelist()


def test_one_top_level_package(wheel_names: list[str]) -> None:
    tops = {name.split("/", 1)[0] for name in wheel_names}
    dist_info = {t for t in tops if t.endswith(".dist-info")}
    assert len(dist_info) == 1 and next(iter(dist_info)).startswith("resdex-")
    assert tops - dist_info == {"resdex"}


def test_sub_packages_inside(wheel_names: list[str]) -> None:
    for module in (
        "resdex/__main__.py",
        "resdex/py.typed",
        "resdex/cli/main.py",
        "resdex/cli/common.py",
        "resdex/search/query.py",
        "resdex/search/export.py",
        "resdex/indexer/parse.py",
    ):
        assert module in wheel_names
    assert not [n for n in wheel_names if "/tests/" in n or n.startswith("tests/")]


def test_every_source_file_is_in_the_wheel(wheel_names: list[str]) -> None:
    # A sub-package missing from pyproject's explicit list (indexer/structure/ was, once)
    # installs fine in editable mode and breaks in a wheel.
    names = set(wheel_names)
    missing = [
        f"resdex/{path.relative_to(ROOT).as_posix()}"
        for folder in ("indexer", "search", "cli", "web")
        for path in sorted((ROOT / folder).rglob("*"))
        if path.is_file()
        and path.suffix in {".py", ".html", ".css", ".js", ".svg"}
        and "__pycache__" not in path.parts
        and f"resdex/{path.relative_to(ROOT).as_posix()}" not in names
    ]
    assert not missing


def test_top_level_of_the_installed_distribution() -> None:
    from importlib.metadata import distribution

    dist = distribution("resdex")
    top = (dist.read_text("top_level.txt") or "").split()
    assert top in ([], ["resdex"])
