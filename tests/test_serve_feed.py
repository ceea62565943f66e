"""/feed.atom: valid Atom that a feed parser accepts, newest first, with the API's filters."""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from xml.etree import ElementTree as ET

import feedparser
import pytest

from web_ledger import make_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

ATOM = "{http://www.w3.org/2005/Atom}"
GAZETTE = "Harbor Gazette opposed Rasmus Vey (governor 2026)"


@pytest.fixture
def client(web_ledger_url: str) -> Iterator[TestClient]:
    app, ledger = make_app(web_ledger_url)
    with TestClient(app) as c:
        yield c
    ledger.close()


def test_feed_is_atom_that_feedparser_reads_without_complaint(client: TestClient) -> None:
    response = client.get("/feed.atom")
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/atom+xml; charset=utf-8"
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    assert parsed.feed.title == "New endorsements"
    assert [e.title for e in parsed.entries] == [
        'Ivo <script>alert("x")</script> Marr endorsed Pell & <b>Co</b> (<script>race</script>)',
        "Wilhelmina Oduya endorsed Rasmus Vey (governor 2026)",
        "Teodor Blick endorsed Corinne Dalfort (governor 2026)",
        "Maple Valley Nurses Union endorsed Corinne Dalfort (governor 2026)",
        "Harbor Gazette opposed Rasmus Vey (governor 2026)",
    ]
    oduya = parsed.entries[1]
    assert oduya.id == "http://testserver/endorsements/4"
    assert oduya.link == "http://testserver/endorsements/4"
    assert "Sen. Wilhelmina Oduya endorsed Rasmus Vey for governor" in oduya.summary
    assert [t.term for t in oduya.tags] == ["support", "governor 2026"]


def test_feed_has_the_elements_rfc_4287_requires(client: TestClient) -> None:
    root = ET.fromstring(client.get("/feed.atom").content)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated", "author"):
        assert root.find(f"{ATOM}{required}") is not None, required
    for entry in root.findall(f"{ATOM}entry"):
        for required in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{required}").text, required
        # An entry without content must have an alternate link and a summary.
        assert entry.find(f"{ATOM}link[@rel='alternate']") is not None
        assert entry.find(f"{ATOM}summary").text


def test_markup_in_names_is_escaped_text_not_elements(client: TestClient) -> None:
    raw = client.get("/feed.atom").text
    assert "<script>" not in raw
    assert "&lt;script&gt;" in raw


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        (
            "race=governor%202026&stance=oppose",
            ["Harbor Gazette opposed Rasmus Vey (governor 2026)"],
        ),
        ("endorsee=dalfort&limit=1", ["Teodor Blick endorsed Corinne Dalfort (governor 2026)"]),
        ("endorser=gazette", ["Harbor Gazette opposed Rasmus Vey (governor 2026)"]),
        ("endorser=nobody", []),
    ],
)
def test_feed_filters_are_the_api_filters(client: TestClient, query: str, titles: list) -> None:
    parsed = feedparser.parse(client.get(f"/feed.atom?{query}").content)
    assert parsed.bozo == 0
    assert [e.title for e in parsed.entries] == titles
    assert parsed.feed.title.startswith("New endorsements (")
    assert parsed.feed.links[0].href == f"http://testserver/feed.atom?{query}"


def test_feed_with_a_bad_filter_is_a_json_error(client: TestClient) -> None:
    response = client.get("/feed.atom?stance=meh")
    assert response.status_code == 422
    assert response.json()["error"]["code"] == "invalid_request"
