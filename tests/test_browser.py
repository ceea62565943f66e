"""The web pages in a real headless Chromium (Debian's `chromium` + `chromium-driver`, installed
by scripts/install-chromium.sh, which .ci/run calls), driven by Selenium.

The server runs in this process (uvicorn in a thread, on a free port in 18520-18599) over a
ledger of the demo data: `examples/` plus one invented article about the rival candidate, so
the race page has two candidates. Screenshots go to test-artifacts/screenshots/; with
ENDORSEMENTS_UPDATE_SCREENSHOT=1 the race page's also replaces docs/images/race-page.png,
which the README shows.
"""

from __future__ import annotations

import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from endorsements import pipeline
from endorsements.settings import load_settings
from endorsements.store import Ledger

pytestmark = [pytest.mark.browser, pytest.mark.slow]

ROOT = Path(__file__).resolve().parent.parent
SHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
TOKEN = "browser-test-token"
PORTS = range(18520, 18600)

webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.options import Options  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support import expected_conditions as ec  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


def _free_port() -> int:
    for port in PORTS:
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError(f"no free port in {PORTS.start}-{PORTS.stop - 1}")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    import uvicorn

    from endorsements.serve.app import create_app

    url = f"sqlite:///{tmp_path_factory.mktemp('browser') / 'demo.db'}"
    settings = load_settings(db=url, token=TOKEN)
    ledger = Ledger(url)
    ledger.migrate()
    report = pipeline.ingest(
        [str(ROOT / "examples"), str(ROOT / "tests" / "fixtures" / "web" / "rival.txt")],
        ledger,
        settings,
    )
    assert report.errors == [] and report.stored == 6
    port = _free_port()
    config = uvicorn.Config(
        create_app(ledger, settings), host="127.0.0.1", port=port, log_level="warning"
    )
    srv = uvicorn.Server(config)
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 20
    while not srv.started:
        assert time.monotonic() < deadline, "the server did not start"
        time.sleep(0.05)
    yield base
    srv.should_exit = True
    thread.join(10)
    ledger.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        message = "Chromium is not installed: run scripts/install-chromium.sh"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    options = Options()
    options.binary_location = str(CHROMIUM)
    for arg in (
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--window-size=1280,1000",
        "--lang=en-US",
    ):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    driver.set_page_load_timeout(30)
    SHOTS.mkdir(parents=True, exist_ok=True)
    yield driver
    driver.quit()


def wait(driver: webdriver.Chrome, seconds: float = 15) -> WebDriverWait:
    return WebDriverWait(driver, seconds)


def shot(driver: webdriver.Chrome, name: str) -> Path:
    path = SHOTS / f"{name}.png"
    assert driver.save_screenshot(str(path)), path
    return path


def loaded_from_elsewhere(driver: webdriver.Chrome, server: str) -> list[str]:
    """Every resource the page fetched that did not come from our server (a CDN, a font...)."""
    names = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name);"
    )
    return [n for n in names if not n.startswith((server, "data:"))]


def test_search_finds_a_candidate(server: str, browser: webdriver.Chrome) -> None:
    browser.get(server + "/")
    box = browser.find_element(By.ID, "q")
    box.send_keys("Lindeman")
    box.submit()
    link = wait(browser).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, "#entity-results a"))
    )
    assert link.text == "Curtis Lindeman"
    shot(browser, "search")
    link.click()
    wait(browser).until(ec.title_contains("Curtis Lindeman"))
    assert "Riverton Building Trades Union" in browser.find_element(By.TAG_NAME, "main").text


def test_race_page_shows_its_chart_and_endorsers(server: str, browser: webdriver.Chrome) -> None:
    browser.get(server + "/races/Riverton%20mayor")
    canvas = wait(browser).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, "canvas#timeline[data-ready='true']"))
    )
    assert canvas.size["width"] > 300 and canvas.size["height"] > 100
    series = browser.execute_script(
        "return window.endorsementsChart.data.datasets.map(d => [d.label, d.data]);"
    )
    assert series == [["Adriana Quintavalle", [1, 2, 3, 3]], ["Curtis Lindeman", [0, 0, 0, 2]]]
    candidates = browser.find_elements(By.CSS_SELECTOR, "article.candidate")
    assert [c.find_element(By.TAG_NAME, "h2").text for c in candidates] == [
        "Adriana Quintavalle",
        "Curtis Lindeman",
    ]
    # Side by side: the two cards share a row.
    assert candidates[0].location["y"] == candidates[1].location["y"]
    assert candidates[0].location["x"] < candidates[1].location["x"]
    first = candidates[0].text
    assert "Riverton Professional Firefighters Association" in first
    assert "Harold Ebbesen" in first
    assert "Riverton Daily Ledger" in first
    assert loaded_from_elsewhere(browser, server) == []
    path = shot(browser, "race-page")
    if os.environ.get("ENDORSEMENTS_UPDATE_SCREENSHOT") == "1":
        shutil.copyfile(path, ROOT / "docs" / "images" / "race-page.png")


def test_evidence_page_highlights_the_quote(server: str, browser: webdriver.Chrome) -> None:
    rows = httpx.get(f"{server}/api/endorsements", params={"endorser": "big sky"}).json()
    [row] = rows["items"]
    browser.get(f"{server}/endorsements/{row['id']}")
    mark = wait(browser).until(ec.visibility_of_element_located((By.CSS_SELECTOR, "mark.quote")))
    assert mark.text == (
        "The Big Sky Educators Union on Monday endorsed former principal Chidinma Okwuosa"
    )
    assert mark.value_of_css_property("background-color") == "rgba(255, 240, 168, 1)"
    # In context: the article's text runs on both sides of the highlighted quote.
    context = browser.find_element(By.CSS_SELECTOR, "figure.evidence blockquote").text
    before, _, after = context.partition(mark.text)
    assert before.endswith("HELENA (Example Wire) — ")
    assert after.startswith(" for state superintendent of public instruction")
    source = browser.find_element(By.CSS_SELECTOR, "a.source")
    assert source.get_attribute("href") == (
        "https://example.org/wire/2024/09/30/teachers-back-okwuosa"
    )
    shot(browser, "evidence")


def test_review_queue_verifies_one_endorsement(server: str, browser: webdriver.Chrome) -> None:
    browser.get(server + "/review")
    item = browser.find_element(By.CSS_SELECTOR, "li.queue-item")
    endorsement_id = int(item.get_attribute("id").removeprefix("queue-"))
    item.find_element(By.NAME, "token").send_keys(TOKEN)
    item.find_element(By.CSS_SELECTOR, "button[value='verify']").click()
    notice = wait(browser).until(ec.presence_of_element_located((By.CSS_SELECTOR, ".notice")))
    assert notice.text == f"Done: verified {endorsement_id}."
    assert not browser.find_elements(By.ID, f"queue-{endorsement_id}")
    shot(browser, "review")
    state = httpx.get(f"{server}/api/endorsements/{endorsement_id}").json()["review"]["state"]
    assert state == "verified"


def test_network_graph_is_drawn(server: str, browser: webdriver.Chrome) -> None:
    browser.get(server + "/graph?race=Riverton%20mayor")
    wait(browser).until(
        ec.presence_of_element_located((By.CSS_SELECTOR, "#graph[data-ready='true'] canvas"))
    )
    assert loaded_from_elsewhere(browser, server) == []
    shot(browser, "graph")


def test_api_docs_work_offline(server: str, browser: webdriver.Chrome) -> None:
    browser.get(server + "/docs")
    title = wait(browser, 20).until(
        ec.visibility_of_element_located((By.CSS_SELECTOR, ".swagger-ui .info .title"))
    )
    assert title.text.startswith("Endorsements")
    assert loaded_from_elsewhere(browser, server) == []
    shot(browser, "api-docs")
