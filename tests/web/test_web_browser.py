"""`resdex serve` in a real browser: headless Chromium from the distribution's packages,
driven by Selenium through the system chromedriver (no browser download). Skips, saying why,
where no Chromium is installed; CI installs it (.ci/run).

Set RESDEX_SCREENSHOT=PATH to save the search page's screenshot there (the README's
docs/screenshot-search.png), and RESDEX_SCREENSHOT_INDEX=DIR to take it over another index.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from webindex import Server, start, stop

CHROMIUM = next(
    (p for p in ("/usr/bin/chromium", "/usr/bin/chromium-browser") if Path(p).exists()), None
)
CHROMEDRIVER = "/usr/bin/chromedriver"

pytestmark = pytest.mark.skipif(
    CHROMIUM is None or not Path(CHROMEDRIVER).exists(),
    reason="no Chromium: apt-get install chromium chromium-driver (CI's .ci/run does)",
)

WAIT = 20.0


def browser(downloads: Path, width: int = 1280, height: int = 900) -> Any:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        f"--window-size={width},{height}",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
    ):
        options.add_argument(arg)
    options.add_experimental_option(
        "prefs",
        {"download.default_directory": str(downloads), "download.prompt_for_download": False},
    )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    driver.execute_cdp_cmd(
        "Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)}
    )
    return driver


def until(check: Callable[[], Any], what: str) -> Any:
    deadline = time.monotonic() + WAIT
    while time.monotonic() < deadline:
        try:
            value = check()
        except Exception:  # the page is changing under us; look again
            value = None
        if value:
            return value
        time.sleep(0.1)
    raise AssertionError(f"gave up waiting for {what}")


@pytest.fixture(scope="module")
def server(web_index: Path) -> Iterator[Server]:
    s = start(web_index)
    yield s
    stop(s)


@pytest.fixture
def driver(tmp_path: Path) -> Iterator[Any]:
    d = browser(tmp_path)
    yield d
    d.quit()


def severe_logs(driver: Any) -> list[str]:
    """Console errors: a CSP violation by our own page, a failing script, a missing asset."""
    return [e["message"] for e in driver.get_log("browser") if e["level"] == "SEVERE"]


def test_search_cite_back_and_csv(server: Server, driver: Any, tmp_path: Path) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    driver.get(server.url)
    box = driver.find_element(By.CSS_SELECTOR, "input.q")
    box.send_keys("international cooperation", Keys.ENTER)

    # the hits, grouped by resolution, and the timeline
    until(lambda: driver.find_elements(By.CSS_SELECTOR, "article.hit"), "the hits")
    assert "q=international+cooperation" in driver.current_url
    heads = [e.text for e in driver.find_elements(By.CSS_SELECTOR, ".res-head a")]
    assert heads[:3] == ["A/RES/69/179", "A/RES/71/194", "A/RES/99/1"]
    bars = driver.find_elements(By.CSS_SELECTOR, "svg.chart rect.bar")
    assert len(bars) == 3  # sessions 69, 71 and 99
    assert driver.find_elements(By.CSS_SELECTOR, "mark")
    search_url = driver.current_url

    # the test document's page: its text shows the markup it holds, as text
    driver.find_element(By.LINK_TEXT, "A/RES/99/1").click()
    until(lambda: driver.find_element(By.TAG_NAME, "h1").text == "A/RES/99/1", "A/RES/99/1's page")
    assert (
        '<script>alert("resdex")</script> & <b>bold</b>' in driver.find_element(By.ID, "p-PP2").text
    )

    # a citation leads to the cited document's page
    driver.find_element(By.CSS_SELECTOR, "#p-PP1 a.cite[title='A/RES/71/194']").click()
    until(lambda: driver.find_element(By.TAG_NAME, "h1").text == "A/RES/71/194", "the cited page")
    assert "symbol=A%2FRES%2F71%2F194" in driver.current_url

    # the back button: the citing page, then the search as it was
    driver.back()
    until(lambda: driver.find_element(By.TAG_NAME, "h1").text == "A/RES/99/1", "back to A/RES/99/1")
    driver.back()
    until(lambda: driver.current_url == search_url, "back to the search")
    assert (
        driver.find_element(By.CSS_SELECTOR, "input.q").get_attribute("value")
        == "international cooperation"
    )

    # the CSV of the current results
    driver.find_element(By.ID, "csv").click()
    csv = until(lambda: next((p for p in tmp_path.glob("*.csv")), None), "the CSV download")
    until(
        lambda: csv.stat().st_size > 0 and not list(tmp_path.glob("*.crdownload")), "the whole CSV"
    )
    lines = csv.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "symbol,label,kind,body,session,year,adopted,verb,title,text"
    assert any(line.startswith("A/RES/99/1,OP1,operative,GA,99,2044,") for line in lines)

    assert severe_logs(driver) == []


def test_timeline_bar_filters_by_session(server: Server, driver: Any) -> None:
    from selenium.webdriver.common.by import By

    driver.get(server.url + "search?q=international+cooperation")
    until(lambda: driver.find_elements(By.CSS_SELECTOR, "svg.chart rect.bar"), "the timeline")
    driver.find_element(By.CSS_SELECTOR, "a.bar-link[data-session='71'] rect").click()
    until(lambda: "session=71" in driver.current_url, "the session filter")
    heads = {e.text for e in driver.find_elements(By.CSS_SELECTOR, ".res-head a")}
    assert heads == {"A/RES/71/194"}
    assert driver.find_element(By.NAME, "session").get_attribute("value") == "71"
    assert severe_logs(driver) == []


def test_copy_button_copies_plain_text(server: Server, driver: Any) -> None:
    from selenium.webdriver.common.by import By

    origin = server.url.rstrip("/")
    driver.execute_cdp_cmd(
        "Browser.grantPermissions",
        {"origin": origin, "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"]},
    )
    driver.get(server.url + "show?symbol=A/RES/99/1")
    button = driver.find_element(By.CSS_SELECTOR, "#p-OP1 button.copy")
    button.click()
    until(lambda: button.text == "Copied", "the copy")
    pasted = driver.execute_async_script(
        "const done = arguments[arguments.length - 1];"
        "navigator.clipboard.readText().then(done, e => done('error: ' + e));"
    )
    assert (
        pasted
        == "1. Emphasizes the need for international cooperation in the field of human rights;"
    )


def test_screenshot_of_search_page(web_index: Path, tmp_path: Path) -> None:
    """The README's picture: the search page with hits and timeline."""
    from selenium.webdriver.common.by import By

    index = Path(os.environ.get("RESDEX_SCREENSHOT_INDEX") or web_index)
    query = os.environ.get("RESDEX_SCREENSHOT_QUERY", '"international cooperation"')
    s = start(index)
    d = browser(tmp_path, 1280, 1000)
    try:
        from urllib.parse import urlencode

        d.get(s.url + "search?" + urlencode({"q": query}))
        until(lambda: d.find_elements(By.CSS_SELECTOR, "article.hit"), "the hits")
        picture = tmp_path / "search.png"
        assert d.save_screenshot(str(picture))
        assert picture.stat().st_size > 10_000
        wanted = os.environ.get("RESDEX_SCREENSHOT")
        if wanted:
            Path(wanted).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(picture, wanted)
    finally:
        d.quit()
        stop(s)
