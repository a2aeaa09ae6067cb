"""Helpers of the web tests: the test document, and building an index with the CLI."""

from __future__ import annotations

import shutil
import subprocess
import sys
import urllib.request
from pathlib import Path

from typer.testing import CliRunner

from resdex.cli.main import app

RESDEX = [sys.executable, "-m", "resdex"]
HERE = Path(__file__).resolve().parent
TEST_DOCUMENT = HERE / "A_RES_99_1.md"

runner = CliRunner()


def build_index(folder: Path, sources: list[Path]) -> Path:
    inputs = folder / "inputs"
    inputs.mkdir(parents=True, exist_ok=True)
    for source in sources:
        shutil.copy(source, inputs / source.name)
    where = folder / "index"
    result = runner.invoke(app, ["index", str(inputs), "--index", str(where)])
    assert result.exit_code == 0, result.output
    return where


class Server:
    def __init__(self, proc: subprocess.Popen[str], url: str) -> None:
        self.proc = proc
        self.url = url

    def get(self, path: str) -> tuple[int, bytes]:
        with urllib.request.urlopen(self.url + path.lstrip("/"), timeout=30) as r:
            return int(r.status), bytes(r.read())


def start(index: Path, *extra: str) -> Server:
    proc = subprocess.Popen(
        [*RESDEX, "serve", "--index", str(index), "--port", "0", *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    line = proc.stdout.readline()  # the URL, printed once it listens
    if "http://" not in line:
        proc.kill()
        raise AssertionError(
            f"no URL printed: {line!r} {proc.stderr.read() if proc.stderr else ''}"
        )
    return Server(proc, "http://" + line.split("http://", 1)[1].split()[0])


def stop(server: Server) -> tuple[int, str, str]:
    """Ctrl-C, as a user stops it; the exit status and what it printed."""
    import signal

    if server.proc.poll() is None:
        server.proc.send_signal(signal.SIGINT)
    try:
        out, err = server.proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        server.proc.kill()
        out, err = server.proc.communicate(timeout=20)
    return server.proc.returncode, out, err
