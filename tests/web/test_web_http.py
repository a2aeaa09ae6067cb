"""`resdex serve` at the HTTP level (Starlette's TestClient): every route, the API's equality
with the CLI's --json, the 400/404 bodies, escaping, caps, and a new generation picked up
without a restart. Expected values read by hand from corpus/ and A_RES_99_1.md."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import anyio
import pytest
from starlette.testclient import TestClient
from typer.testing import CliRunner
from webindex import TEST_DOCUMENT, build_index

from resdex.cli.main import app as cli
from resdex.web import across
from resdex.web.app import create_app
from resdex.web.run import Overloaded, Runner

runner = CliRunner()

Client = TestClient


def cli_json(index: Path, *args: str) -> Any:
    result = runner.invoke(cli, [*args, "--json", "--index", str(index)])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# --- pages ----------------------------------------------------------------------------------

PAGES = [
    # (url, words the page must show)
    ("/", ["Search the resolutions", 'name="q"']),
    (
        "/search?q=%22universal+periodic+review%22",
        ["A/RES/71/194", "<mark>universal periodic review</mark>"],
    ),
    (
        "/show?symbol=A/RES/71/194",
        ["Enhancement of international cooperation in the field of human rights", 'id="p-OP8"'],
    ),
    ("/show?symbol=71/194", ["A/RES/71/194"]),  # any usual spelling
    ("/cites?target=A/CONF.157/24", ["A/RES/69/179", "A/RES/71/194", "A/RES/99/1"]),
    ("/lineage", ["Versions of"]),
    ("/lineage?symbol=A/RES/71/194", ["A/RES/71/194"]),
    ("/diff", ["Compare"]),
    ("/precedents", ["Paste paragraphs", 'enctype="multipart/form-data"']),
    ("/static/style.css", ["--accent"]),
    ("/static/app.js", ["data-copy"]),
    ("/static/favicon.svg", ["<svg"]),
]


@pytest.mark.parametrize(("path", "shown"), PAGES)
def test_page(client: Client, path: str, shown: list[str]) -> None:
    r = client.get(path)
    assert r.status_code == 200, r.text
    for words in shown:
        assert words in r.text


def test_every_page_is_safe(client: Client) -> None:
    """No inline script, no inline event handler, a strict Content-Security-Policy, and no
    asset from elsewhere."""
    for path, _ in PAGES:
        if path.startswith("/static"):
            continue
        r = client.get(path)
        assert "script-src 'self'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"
        assert not re.search(r"\son[a-z]+\s*=", r.text), path
        assert re.findall(r"<script[^>]*>", r.text) == ['<script src="/static/app.js" defer>']
        assert not re.search(r"(src|href)=\"(https?:)?//", r.text), path


def test_search_groups_hits_by_resolution_with_label_and_verb(client: Client) -> None:
    r = client.get("/search", params={"q": "cooperative approach"})
    page = r.text
    # 69/179 OP8 and 71/194 OP9 read the same; in session order
    assert page.index("A/RES/69/179") < page.index("A/RES/71/194")
    assert re.search(r'href="/show\?symbol=A%2FRES%2F69%2F179#p-OP8">OP8<', page)
    assert re.search(r'href="/show\?symbol=A%2FRES%2F71%2F194#p-OP9">OP9<', page)
    assert '<span class="verb">Emphasizes</span>' in page
    assert page.count("<mark>cooperative approach</mark>") == 2


def test_timeline_bars_filter_by_session(client: Client) -> None:
    page = client.get("/search", params={"q": "cooperative approach"}).text
    bars = re.findall(r'<a href="([^"]+)" class="bar-link" data-session="(\d+)">', page)
    assert [s for _, s in bars] == ["69", "71"]
    href = bars[1][0].replace("&amp;", "&")
    assert "session=71" in href
    narrowed = client.get(href).text
    assert "A/RES/71/194" in narrowed and "A/RES/69/179" not in narrowed.split("</form>", 1)[1]


def test_pages_neither_repeat_nor_skip(client: Client) -> None:
    total = client.get("/api/search", params={"q": "rights", "limit": 1000}).json()["total"]
    assert total > 40  # "rights" is in some 40 paragraphs of the three texts
    seen: list[str] = []
    page = 1
    while True:
        html = client.get("/search", params={"q": "rights", "page": page}).text
        seen += re.findall(r'<a class="label" href="/show\?symbol=([^"]+)">', html)
        if 'rel="next"' not in html:
            break
        page += 1
    assert page == -(-total // 20)
    assert len(seen) == len(set(seen)) == total


def test_filters_are_form_controls_holding_the_state(client: Client) -> None:
    r = client.get(
        "/search",
        params={
            "q": "rights",
            "body": "GA",
            "kind": "operative",
            "session": "70..72",
            "verb": "urges",
        },
    )
    assert r.status_code == 200
    page = r.text
    assert '<option value="GA" selected>' in page
    assert '<option value="operative" selected>' in page
    assert 'name="session" value="70..72"' in page
    assert 'name="verb" value="urges"' in page
    assert "A/RES/69/179" not in page.split("</form>", 1)[1]


def test_show_links_citations_to_indexed_pages_else_to_cites(client: Client) -> None:
    page = client.get("/show", params={"symbol": "A/RES/99/1"}).text
    # PP1 cites 71/194 and 69/179, both indexed: their pages
    assert '<a class="cite" href="/show?symbol=A%2FRES%2F71%2F194"' in page
    assert '<a class="cite" href="/show?symbol=A%2FRES%2F69%2F179"' in page
    # footnote 1 cites A/CONF.157/24, not indexed: who cites it
    assert '<a class="cite cite-ext" href="/cites?target=A%2FCONF.157%2F24"' in page
    assert '<sup class="fn-mark"><a href="#fn-1">1</a></sup>' in page
    # the header's report line
    assert "A/99/484" in page


def test_copy_buttons_carry_the_plain_text(client: Client) -> None:
    page = client.get("/show", params={"symbol": "A/RES/99/1"}).text
    op1 = "1. Emphasizes the need for international cooperation in the field of human rights;"
    pp1 = "Recalling its resolutions 71/194 of 19 December 2016 and 69/179 of 18 December 2014,"
    assert f'data-copy="{op1}"' in page
    assert f'data-copy="{pp1}"' in page


def test_cites_page_lists_paragraphs_and_how(client: Client) -> None:
    page = client.get("/cites", params={"target": "resolution 69/179"}).text
    assert "A/RES/69/179" in page
    assert '<a class="label" href="/show?symbol=A%2FRES%2F99%2F1#p-PP1">PP1</a>' in page
    assert "directly" in page
    notes = client.get("/cites", params={"target": "A/CONF.157/24"}).text
    assert "through footnote 1" in notes


def cli_text(index: Path, *args: str) -> str:
    result = runner.invoke(cli, [*args, "--index", str(index)])
    assert result.exit_code == 0, result.output
    return result.stdout


def test_csv_download_is_the_cli_csv(client: Client, web_index: Path) -> None:
    r = client.get("/search.csv", params={"q": "cooperative approach"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    lines = r.text.splitlines()
    assert lines[0] == "symbol,label,kind,body,session,year,adopted,verb,title,text"
    assert [line.split(",")[:2] for line in lines[1:]] == [
        ["A/RES/69/179", "OP8"],
        ["A/RES/71/194", "OP9"],
    ]
    # the best 1000, as `search --csv --limit 1000` prints them
    assert r.text == cli_text(
        web_index, "search", "cooperative approach", "--csv", "--limit", "1000"
    )


def test_cites_csv_is_the_cli_csv(client: Client, web_index: Path) -> None:
    r = client.get("/cites.csv", params={"target": "A/CONF.157/24"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert r.text == cli_text(web_index, "cites", "A/CONF.157/24", "--csv")
    assert (
        'href="/cites.csv?target=A%2FCONF.157%2F24"'
        in client.get("/cites", params={"target": "A/CONF.157/24"}).text
    )


# --- escaping -------------------------------------------------------------------------------


def test_document_markup_shows_as_text(client: Client) -> None:
    page = client.get("/show", params={"symbol": "A/RES/99/1"}).text
    assert "<script>alert" not in page and "<b>bold" not in page
    assert (
        "&lt;script&gt;alert(&#34;resdex&#34;)&lt;/script&gt; &amp; &lt;b&gt;bold&lt;/b&gt;" in page
    )
    assert "Escaping test &lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;" in page
    hits = client.get("/search", params={"q": "alert"}).text
    assert "<script>alert" not in hits and "&lt;script&gt;" in hits


@pytest.mark.parametrize(
    "path",
    [
        "/search?q=%3Cscript%3Ealert(1)%3C/script%3E",
        "/search?q=x&session=%3Cscript%3Ealert(1)%3C/script%3E",
        "/show?symbol=%3Cscript%3Ealert(1)%3C/script%3E",
        "/cites?target=A/RES/1/1%3Cscript%3E",
        "/precedents?text=%3Cscript%3Ealert(1)%3C/script%3E",
    ],
)
def test_query_markup_shows_as_text(client: Client, path: str) -> None:
    r = client.get(path)
    assert "<script>alert" not in r.text and "<script>" not in r.text.replace(
        '<script src="/static/app.js" defer></script>', ""
    )


# --- the API: the CLI's --json ---------------------------------------------------------------

SEARCHES = [
    {"q": '"universal periodic review"'},
    {"q": "cooperative approach"},
    {"q": "rights", "limit": "50"},
    {"q": "rights", "body": "GA", "kind": "operative", "limit": "5"},
    {"q": "human AND rights NOT cooperation", "session": "70..", "year": "..2016"},
    {"q": "encourages", "verb": "Encourages"},
    {"q": "ratify cooperate", "stem": "1"},  # "ratified", "cooperation" …
]


def _cli_args(params: dict[str, str]) -> list[str]:
    args = [params["q"]]
    for name, value in params.items():
        if name == "stem":
            args.append("--stem")
        elif name != "q":
            args += [f"--{name}", value]
    return args


@pytest.mark.parametrize("params", SEARCHES)
def test_api_search_is_the_cli_json(
    client: Client, web_index: Path, params: dict[str, str]
) -> None:
    r = client.get("/api/search", params=params)
    assert r.status_code == 200
    assert r.json() == cli_json(web_index, "search", *_cli_args(params))


NEWER = [
    # the options of `search` that come with --sort/--status/--by in the library
    {"q": "rights", "sort": "newest", "limit": "5"},
    {"q": "rights", "sort": "oldest"},
    {"q": "rights", "status": "adopted"},
    {"q": "rights", "status": "draft"},
    {"q": "rights", "by": "session"},
    {"q": "international cooperation", "by": "body"},
]


@pytest.mark.parametrize("params", NEWER)
def test_api_search_newer_options_are_the_cli_json(
    client: Client, web_index: Path, params: dict[str, str]
) -> None:
    from resdex.web.params import supported

    option = next(k for k in params if k in ("sort", "status", "by"))
    r = client.get("/api/search", params=params)
    if not supported(option):
        assert r.status_code == 400
        assert r.json() == {"error": f"{option} is not available in this version of resdex"}
        return
    assert r.status_code == 200
    assert r.json() == cli_json(web_index, "search", *_cli_args(params))


TITLE = re.compile(r'data-session="(\d+)">\s*<rect[^>]*><title>Session \d+ \(\d+–\d+\): (\d+) ')


def test_timeline_counts_are_the_cli_by_session(client: Client, web_index: Path) -> None:
    """The bars hold what `search --by session` counts (every match, not the page's)."""
    from resdex.web.params import supported

    bars = TITLE.findall(client.get("/search", params={"q": "rights"}).text)
    if supported("by"):
        groups = cli_json(web_index, "search", "rights", "--by", "session")["groups"]
        assert bars == [(str(g["key"]), str(g["paragraphs"])) for g in groups]
    else:
        assert [s for s, _ in bars] == ["69", "71", "99"]


@pytest.mark.parametrize(
    "target",
    [
        "A/CONF.157/24",
        "resolution 69/179",
        "a/res/71/194",
        "A/RES/1/1",  # cited by nothing: the nearest cited targets
        "Universal Declaration of Human Rights",  # an instrument by name
    ],
)
def test_api_cites_is_the_cli_json(client: Client, web_index: Path, target: str) -> None:
    r = client.get("/api/cites", params={"target": target})
    assert r.status_code == 200
    assert r.json() == cli_json(web_index, "cites", target)


@pytest.mark.parametrize("symbol", ["A/RES/71/194", "69/179", "A/RES/99/1"])
def test_api_show_is_the_cli_json(client: Client, web_index: Path, symbol: str) -> None:
    r = client.get("/api/show", params={"symbol": symbol})
    assert r.status_code == 200
    assert r.json() == cli_json(web_index, "show", symbol)


BAD = [
    ("/api/search", "q (the query) is missing"),
    ("/api/search?q=%22open", "unbalanced quote"),
    ("/api/search?q=x&session=abc", "session 'abc' is not N, A..B, A.. or ..B"),
    ("/api/search?q=x&year=2020..2010", "runs backwards"),
    ("/api/search?q=x&kind=chapeau", "unknown kind 'chapeau'"),
    ("/api/search?q=x&body=UNESCO", "unknown body 'UNESCO'"),
    ("/api/search?q=x&limit=0", "limit must be between 1 and 1000"),
    ("/api/search?q=x&limit=100000", "limit must be between 1 and 1000"),
    ("/api/search?q=x&limit=ten", "limit 'ten' is not a whole number"),
    ("/api/search?q=" + "x" * 1001, "q is longer than 1000 characters"),
    ("/api/cites", "target is missing"),
    ("/api/cites?target=hello", "'hello' is neither a document symbol"),
    ("/api/show", "symbol is missing"),
]


@pytest.mark.parametrize(("path", "error"), BAD)
def test_api_bad_parameter_is_400(client: Client, path: str, error: str) -> None:
    r = client.get(path)
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert list(body) == ["error"] and error in body["error"]


@pytest.mark.parametrize("path", ["/search?q=%22open", "/search?q=x&page=0", "/show?symbol=hello"])
def test_page_bad_parameter_is_400_with_a_message(client: Client, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 400
    assert 'role="alert"' in r.text


def test_unknown_symbol_is_404(client: Client) -> None:
    r = client.get("/api/show", params={"symbol": "A/RES/70/1"})
    assert r.status_code == 404
    assert r.json() == {"error": "A/RES/70/1 is not in the index"}
    page = client.get("/show", params={"symbol": "A/RES/70/1"})
    assert page.status_code == 404 and "A/RES/70/1 is not in the index" in page.text


def test_unknown_route_is_404(client: Client) -> None:
    assert client.get("/api/nothing").json() == {"error": "no such page"}
    assert client.get("/nothing").status_code == 404


def test_status(client: Client, web_index: Path) -> None:
    data = client.get("/api/status").json()
    assert data["index"] == str(web_index)
    assert data["generation"] == "gen-000001"


# --- across sessions: the pages wait for the library -----------------------------------------


@pytest.mark.parametrize(
    ("feature", "path"),
    [
        ("lineage", "/api/lineage?symbol=A/RES/71/194"),
        ("diff", "/api/diff?old=A/RES/69/179&new=A/RES/71/194"),
    ],
)
def test_across_api(client: Client, web_index: Path, feature: str, path: str) -> None:
    r = client.get(path)
    if not across.available(feature):
        assert r.status_code == 501
        assert r.json() == {"error": f"{feature} is not available in this version of resdex yet"}
        assert "is not available yet" in client.get(path.removeprefix("/api")).text
        return
    assert r.status_code == 200
    args = (
        ["lineage", "A/RES/71/194"]
        if feature == "lineage"
        else ["diff", "A/RES/69/179", "A/RES/71/194"]
    )
    assert r.json() == cli_json(web_index, *args)


def test_precedents_upload(client: Client) -> None:
    files = {"file": ("A_RES_99_1.md", TEST_DOCUMENT.read_bytes(), "text/markdown")}
    r = client.post("/api/precedents", files=files)
    page = client.post("/precedents", files=files)
    if not across.available("precedents"):
        assert r.status_code == 501 and "not available" in r.json()["error"]
        assert "Precedents is not available yet" in page.text
        return
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["symbol"] == "A/RES/99/1"
    assert [p["label"] for p in data["paragraphs"]][:2] == ["PP1", "PP2"]
    assert page.status_code == 200 and "&lt;script&gt;" in page.text


def test_precedents_of_pasted_text(client: Client) -> None:
    """71/194 OP8, pasted: its first use is itself (the only earlier text holding it)."""
    op8 = (
        "Emphasizes the importance of the universal periodic review as a mechanism based on "
        "cooperation and constructive dialogue with the objective of, inter alia, improving the "
        "situation of human rights on the ground and promoting the fulfilment of the human rights "
        "obligations and commitments undertaken by States;"
    )
    page = client.get("/precedents", params={"text": op8})
    assert page.status_code == 200
    if not across.available("precedents"):
        assert "Precedents is not available yet" in page.text
        return
    assert 'First used in <a href="/show?symbol=A%2FRES%2F71%2F194#p-OP8">' in page.text


@pytest.mark.parametrize(
    ("name", "data", "error"),
    [
        ("x.pdf", b"%PDF-1.4 cut short", "x.pdf: broken or truncated PDF"),
        ("x.bin", bytes(range(256)) * 8, "x.bin: binary file, not text"),
        ("x.txt", b"hello world", "x.txt: not a UN document"),
        ("x.txt", b"  \n ", "x.txt is empty"),
    ],
)
def test_precedents_bad_upload_is_400(client: Client, name: str, data: bytes, error: str) -> None:
    r = client.post("/api/precedents", files={"file": (name, data, "application/octet-stream")})
    assert r.status_code == 400
    assert r.json()["error"].startswith(error)


def test_precedents_upload_caps(client: Client) -> None:
    big = {"file": ("big.txt", b"x" * (4 * 1024 * 1024 + 10), "text/plain")}
    r = client.post("/api/precedents", files=big)
    assert r.status_code == 400 and "larger than 4 MB" in r.json()["error"]
    assert client.post("/api/precedents", data={}).status_code == 400


# --- the server itself ----------------------------------------------------------------------


def test_new_generation_is_picked_up_without_restart(tmp_path: Path, project_corpus: Path) -> None:
    index = build_index(tmp_path / "one", [project_corpus / "A_RES_69_179.ods.txt"])
    with TestClient(create_app(index)) as c:
        assert c.get("/api/status").json()["generation"] == "gen-000001"
        assert c.get("/api/show", params={"symbol": "A/RES/71/194"}).status_code == 404
        more = tmp_path / "more"
        more.mkdir()
        (more / TEST_DOCUMENT.name).write_bytes(TEST_DOCUMENT.read_bytes())
        (more / "A_RES_71_194.md").write_bytes((project_corpus / "A_RES_71_194.md").read_bytes())
        result = runner.invoke(cli, ["index", str(more), "--index", str(index)])
        assert result.exit_code == 0, result.output
        assert c.get("/api/status").json()["generation"] == "gen-000002"
        assert c.get("/api/show", params={"symbol": "A/RES/71/194"}).status_code == 200
        # a citation now leads to an indexed page
        page = c.get("/show", params={"symbol": "A/RES/99/1"}).text
        assert '<a class="cite" href="/show?symbol=A%2FRES%2F71%2F194"' in page


def test_serving_writes_nothing(web_index: Path, client: Client) -> None:
    before = sorted((p.relative_to(web_index), p.stat().st_mtime_ns) for p in web_index.rglob("*"))
    for path, _ in PAGES:
        client.get(path)
    client.get("/search.csv", params={"q": "rights"})
    after = sorted((p.relative_to(web_index), p.stat().st_mtime_ns) for p in web_index.rglob("*"))
    assert before == after


def test_other_host_names_are_refused(web_index: Path) -> None:
    app = create_app(web_index, allowed_hosts=["127.0.0.1", "localhost"])
    with TestClient(app, base_url="http://attacker.example") as c:
        assert c.get("/api/status").status_code == 400
    with TestClient(app, base_url="http://127.0.0.1:8750") as c:
        assert c.get("/api/status").status_code == 200


def test_query_time_cap() -> None:
    import time

    slow = Runner(seconds=0.2, workers=1)

    async def main() -> None:
        with pytest.raises(Overloaded, match=r"longer than 0\.2 s"):
            await slow(lambda: time.sleep(1.0))

    anyio.run(main)


@pytest.mark.parametrize(
    ("label", "copied"),
    [
        ("OP8", "8. Emphasizes …"),
        ("OP2(a)", "(a) Emphasizes …"),
        ("OP2(a)(ii)", "(ii) Emphasizes …"),
        ("PP3", "Emphasizes …"),
        ("footnote 2", "Emphasizes …"),
    ],
)
def test_copied_text_is_numbered_as_delegates_paste_it(label: str, copied: str) -> None:
    from resdex.web.views import plain_text

    assert plain_text(label, "Emphasizes …") == copied


def test_search_hits_copy_numbered_text(client: Client) -> None:
    page = client.get("/search", params={"q": '"universal periodic review"'}).text
    assert 'data-copy="8. Emphasizes the importance of the universal periodic review' in page


def test_show_links_lineage_and_diff(client: Client) -> None:
    page = client.get("/show", params={"symbol": "A/RES/71/194"}).text
    assert ('href="/lineage?symbol=A%2FRES%2F71%2F194"' in page) == across.available("lineage")
    assert ('href="/diff?old=A%2FRES%2F71%2F194"' in page) == across.available("diff")
    if across.available("lineage"):
        versions = client.get("/lineage", params={"symbol": "A/RES/71/194"}).text
        # 69/179 and 71/194: one series, the diff between them one click away
        assert 'href="/diff?old=A%2FRES%2F69%2F179&amp;new=A%2FRES%2F71%2F194">diff</a>' in versions
