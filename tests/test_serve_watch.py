"""`endorsements watch`: polls feeds, stores new entries once, prints each new endorsement.

The feeds are served by a real HTTP server on 127.0.0.1 (port 18502), so fetching, feed
parsing, extraction and storage all run as they do in production.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from typer.testing import CliRunner

from endorsements.cli import app
from endorsements.serve.queries import Queries
from endorsements.serve.watch import watch
from endorsements.settings import load_settings
from endorsements.store import Ledger
from endorsements.store.engine import open_engine

PORT = 18502
BASE = f"http://127.0.0.1:{PORT}"

PAGES = {
    "/news/1": (
        "Teachers back Vantongeren",
        "The Glenmoor Teachers Union endorsed Priya Vantongeren for mayor on Tuesday, citing "
        "her plan to fund after-school programs in every neighborhood of the city.",
    ),
    "/news/2": (
        "Nurses back Okafor-Lind",
        "The Glenmoor Nurses Union endorsed Tobias Okafor-Lind for mayor on Thursday, saying "
        "he had listened to hospital staff for years before he ever ran for office.",
    ),
}


def feed_xml(paths: list[str]) -> bytes:
    items = "".join(
        f"<item><title>{PAGES[p][0]}</title><link>{BASE}{p}</link><guid>{BASE}{p}</guid>"
        "<pubDate>Tue, 01 Oct 2024 09:00:00 GMT</pubDate></item>"
        for p in paths
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Glenmoor news</title>'
        f"<link>{BASE}/</link><description>local</description>{items}</channel></rss>"
    ).encode()


class Site:
    """What the server currently publishes; a test adds entries between polls."""

    entries: list[str] = ["/news/1"]


class _Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        if self.path == "/feed.xml":
            body, ctype = feed_xml(Site.entries), "application/rss+xml"
        elif self.path in PAGES:
            title, text = PAGES[self.path]
            body = (
                f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
                f"<p>{text}</p></article></body></html>"
            ).encode()
            ctype = "text/html; charset=utf-8"
        else:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def site() -> Iterator[type[Site]]:
    Site.entries = ["/news/1"]
    server = ThreadingHTTPServer(("127.0.0.1", PORT), _Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Site
    server.shutdown()
    server.server_close()


@pytest.fixture(autouse=True)
def _feeds_on_loopback(monkeypatch: pytest.MonkeyPatch) -> None:
    """The test feeds are served on 127.0.0.1, which fetching refuses unless allowed."""
    monkeypatch.setenv("ENDORSEMENTS_FETCH_ALLOW_PRIVATE", "true")


@pytest.mark.slow
def test_watch_once_prints_new_endorsements_and_nothing_the_second_time(
    site: type[Site], tmp_path: Path
) -> None:
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    runner = CliRunner()
    first = runner.invoke(app, ["watch", f"{BASE}/feed.xml", "--once", "--db", db])
    assert first.exit_code == 0, first.output
    assert first.stdout == (
        "new endorsement #1: Glenmoor Teachers Union support Priya Vantongeren "
        "[mayor] first seen 2024-10-01\n"
    )
    assert first.stderr == "poll: 1 document read, 1 new, 1 new endorsement.\n"
    site.entries = ["/news/2", "/news/1"]
    second = runner.invoke(app, ["watch", f"{BASE}/feed.xml", "--once", "--db", db])
    assert second.exit_code == 0, second.output
    assert second.stdout == (
        "new endorsement #2: Glenmoor Nurses Union support Tobias Okafor-Lind "
        "[mayor] first seen 2024-09-26\n"
    )
    assert second.stderr == "poll: 2 documents read, 1 new, 1 new endorsement.\n"
    third = runner.invoke(app, ["watch", f"{BASE}/feed.xml", "--once", "--db", db])
    assert (third.exit_code, third.stdout) == (0, "")
    assert third.stderr == "poll: 2 documents read, 0 new, 0 new endorsements.\n"


def test_watch_reports_a_dead_feed_and_exits_1_with_once(tmp_path: Path) -> None:
    db = f"sqlite:///{tmp_path / 'ledger.db'}"
    result = CliRunner().invoke(app, ["watch", "http://127.0.0.1:1/feed.xml", "--once", "--db", db])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith("error: http://127.0.0.1:1/feed.xml: ")
    assert lines[-1] == "poll: 0 documents read, 0 new, 0 new endorsements."


def test_interval_must_be_at_least_a_second() -> None:
    result = CliRunner().invoke(app, ["watch", "http://x.invalid/f", "--interval", "0.5"])
    assert result.exit_code == 2


@pytest.mark.slow
def test_watch_loop_sleeps_between_polls_and_stops_after_n(
    site: type[Site], tmp_path: Path
) -> None:
    url = f"sqlite:///{tmp_path / 'ledger.db'}"
    slept: list[float] = []
    reports = []

    def sleep(seconds: float) -> None:
        slept.append(seconds)
        site.entries = ["/news/2", "/news/1"]  # a new story appears while we wait

    with Ledger(url) as ledger:
        ledger.migrate()
        queries = Queries(ledger, open_engine(url))
        seen = watch(
            [f"{BASE}/feed.xml"],
            ledger,
            queries,
            load_settings(db=url),
            interval=42.0,
            polls=3,
            on_poll=reports.append,
            sleep=sleep,
        )
        queries.engine.dispose()
    assert slept == [42.0, 42.0]
    assert seen == 2
    assert [len(r.new_endorsements) for r in reports] == [1, 1, 0]
    assert [r.documents_stored for r in reports] == [1, 1, 0]
