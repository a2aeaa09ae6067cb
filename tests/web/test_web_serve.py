"""`resdex serve` as a user runs it: prints its URL, answers, stops cleanly on Ctrl-C; a
missing index or a taken port is one line and exit 1. And the CLI's query path never loads
the web stack."""

from __future__ import annotations

import json
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from webindex import RESDEX, TEST_DOCUMENT, Server, start, stop


@pytest.fixture
def server(web_index: Path) -> Iterator[Server]:
    s = start(web_index)
    yield s
    if s.proc.poll() is None:
        s.proc.kill()
        s.proc.wait(10)


def test_serves_until_ctrl_c(server: Server, web_index: Path) -> None:
    assert server.url.startswith("http://127.0.0.1:")
    status, body = server.get("/api/status")
    assert status == 200 and json.loads(body)["index"] == str(web_index)
    status, body = server.get("/search?q=rights")
    assert status == 200 and b"A/RES/71/194" in body
    server.proc.send_signal(signal.SIGINT)
    out, err = server.proc.communicate(timeout=20)
    assert server.proc.returncode == 0
    assert "Traceback" not in err and "resdex: stopped" in out


def test_no_index_is_one_line(tmp_path: Path) -> None:
    r = subprocess.run(
        [*RESDEX, "serve", "--index", str(tmp_path / "none")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert r.returncode == 1
    assert r.stderr.strip().splitlines() == [
        f"resdex: error: no index at {tmp_path / 'none'}: run `resdex index PATH` to build one"
    ]


def test_taken_port_is_one_line(web_index: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        r = subprocess.run(
            [*RESDEX, "serve", "--index", str(web_index), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert r.returncode == 1
    (line,) = r.stderr.strip().splitlines()
    assert line.startswith(f"resdex: error: cannot listen on 127.0.0.1:{port}: ")


def test_cli_query_path_does_not_load_the_web_stack() -> None:
    """`resdex search` imports resdex.cli.main, which registers `serve`: that must not import
    Starlette, Jinja2, uvicorn or resdex.web (a cold search would pay for them)."""
    code = (
        "import sys, resdex.cli.main, resdex.cli.query_cmds; "
        "print(sorted(m for m in ('starlette', 'jinja2', 'uvicorn', 'resdex.web', 'spacy') "
        "if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_requests_do_not_load_spacy(web_index: Path) -> None:
    """The web server's request path (search, show, cites, pages, precedents of a pasted text
    or of an uploaded draft) never imports spaCy."""
    code = f"""
import sys
from pathlib import Path
from starlette.testclient import TestClient
from resdex.web.app import create_app
c = TestClient(create_app(Path({str(web_index)!r})))
for path in ("/search?q=rights", "/show?symbol=A/RES/99/1", "/cites?target=A/CONF.157/24",
             "/api/search?q=rights", "/precedents?text=Emphasizes+the+need",
             "/lineage?symbol=A/RES/71/194"):
    assert c.get(path).status_code < 500, path
draft = Path({str(TEST_DOCUMENT)!r}).read_bytes()  # an upload is parsed, without citations
assert c.post("/api/precedents", files={{"file": ("d.md", draft)}}).status_code in (200, 501)
print("spacy" in sys.modules)
"""
    env = {**os.environ, "PYTHONWARNINGS": "ignore"}
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"


def test_startup_is_quick(web_index: Path) -> None:
    """Not a timing test: prints how long `resdex serve` took to listen (the figure in the
    report comes from benchmarks/bench_web_load.py)."""
    started = time.perf_counter()
    s = start(web_index)
    try:
        s.get("/api/status")
        print(f"resdex serve answered after {time.perf_counter() - started:.2f} s")
    finally:
        s.proc.send_signal(signal.SIGINT)
        s.proc.communicate(timeout=20)


def test_workers_serve_and_stop_cleanly(web_index: Path) -> None:
    s = start(web_index, "--workers", "2")
    try:
        for _ in range(4):
            status, body = s.get("/api/search?q=rights")
            assert status == 200 and json.loads(body)["total"] > 40
    finally:
        code, out, err = stop(s)
    assert code == 0 and "Traceback" not in err and "resdex: stopped" in out
