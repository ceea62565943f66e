"""Issue #7's web checks: hostile article text, every API parameter, and the write token.

An article is attacker-controlled input: whatever names, quotes, titles and race labels it
carries end up on pages other people open. These tests store one whose every field holds a
script tag and HTML, then read it back through every page, the Atom feed and the JSON API.
"""

from __future__ import annotations

import json
import warnings
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from urllib.parse import quote

import pytest

from endorsements.models import Document, Endorsement, Extraction, Span
from endorsements.store import Ledger
from web_ledger import TOKEN, build_ledger, make_app

with warnings.catch_warnings():  # Starlette's notice about its httpx-based client
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

SCRIPT = "<script>alert(1)</script>"
ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"
ENDORSER = f"Zora {SCRIPT} Quell"
ENDORSEE = 'Abel <img src=x onerror="alert(2)"> Tamsin'
RACE = f"{SCRIPT} council 2031"
TITLE = f"{SCRIPT}<h1>Breaking</h1>"
TEXT = f"Under the headline, {ENDORSER} endorsed {ENDORSEE} for council. <b>bold</b> {SCRIPT}"
QUOTE = f"{ENDORSER} endorsed {ENDORSEE}"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ATOM = "{http://www.w3.org/2005/Atom}"


def _hostile(url: str) -> None:
    start = TEXT.index(QUOTE)
    doc = Document("hostile-1", TEXT, f"https://news.invalid/?q={SCRIPT}", date(2031, 1, 5), TITLE)
    rel = Endorsement(
        endorser=ENDORSER,
        endorsee=ENDORSEE,
        stance="support",
        evidence=Span(QUOTE, start, start + len(QUOTE)),
        race=RACE,
        confidence=0.4,
    )
    with Ledger(url) as ledger:
        ledger.add_extraction(Extraction(doc, [rel]))


@pytest.fixture
def client(tmp_path: Path) -> Iterator[TestClient]:
    url = build_ledger(tmp_path / "ledger.db")
    _hostile(url)
    app, ledger = make_app(url)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    ledger.close()


def _ids(client: TestClient) -> tuple[int, int, int]:
    """The hostile endorsement's id and its two entities' ids, read back through the API."""
    item = client.get("/api/endorsements", params={"endorser": "Zora"}).json()["items"][0]
    return item["id"], item["endorser"]["id"], item["endorsee"]["id"]


def _assert_escaped(page: str, where: str) -> None:
    assert SCRIPT not in page, where
    assert "<img src=x" not in page, where
    assert "<h1>Breaking" not in page, where
    assert ESCAPED in page or "\\u003cscript\\u003e" in page, where


def test_hostile_text_is_escaped_on_every_page(client: TestClient) -> None:
    eid, endorser_id, endorsee_id = _ids(client)
    pages = {
        "home": "/",
        "search": f"/search?q={quote('Zora')}",
        "search echo": f"/search?q={quote(SCRIPT)}",
        "race": f"/races/{quote(RACE)}",
        "endorser": f"/entities/{endorser_id}",
        "endorsee": f"/entities/{endorsee_id}",
        "endorsement": f"/endorsements/{eid}",
        "document": "/documents/hostile-1",
        "graph": f"/graph?race={quote(RACE)}",
        "graph of a search": f"/graph?endorser={quote(SCRIPT)}",
        "review": "/review",
    }
    for where, path in pages.items():
        response = client.get(path)
        assert response.status_code == 200, (where, response.text[:300])
        assert response.headers["content-type"].startswith("text/html"), where
        _assert_escaped(response.text, where)
    # The names do appear (escaped) where they belong.
    assert "Zora &lt;script&gt;alert(1)&lt;/script&gt; Quell" in client.get("/review").text
    assert "&lt;h1&gt;Breaking&lt;/h1&gt;" in client.get("/documents/hostile-1").text


def test_hostile_text_in_the_atom_feed_is_character_data(client: TestClient) -> None:
    raw = client.get("/feed.atom").text
    assert SCRIPT not in raw
    root = ET.fromstring(raw.encode())
    titles = [e.find(f"{ATOM}title").text for e in root.findall(f"{ATOM}entry")]
    hostile = next(t for t in titles if t.startswith("Zora"))
    # Parsed back, the feed gives the exact text: escaped once, not twice, not dropped.
    assert hostile == f"{ENDORSER} endorsed {ENDORSEE} ({RACE})"
    categories = [c.get("term") for c in root.iter(f"{ATOM}category")]
    assert RACE in categories


def test_hostile_text_in_json_is_the_exact_string_in_a_json_body(client: TestClient) -> None:
    eid, endorser_id, _ = _ids(client)
    for path in (
        f"/api/endorsements/{eid}",
        f"/api/entities/{endorser_id}",
        "/api/documents/hostile-1",
        f"/api/races/{quote(RACE)}",
        f"/api/search?q={quote('Zora')}",
        "/api/graph",
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert response.headers["content-type"] == "application/json", path
        assert ENDORSER in json.dumps(response.json()), path
    one = client.get(f"/api/endorsements/{eid}").json()
    assert (one["endorser"]["name"], one["endorsee"]["name"], one["race"]) == (
        ENDORSER,
        ENDORSEE,
        RACE,
    )
    assert one["evidence"][0]["quote"] == QUOTE
    assert one["evidence"][0]["document"]["title"] == TITLE


# --- every parameter validated ------------------------------------------------------------------


@pytest.mark.parametrize(
    "path",
    [
        "/api/endorsements?since=2024-13-45",
        "/api/endorsements?until=yesterday",
        "/api/endorsements?since=2024-02-30",
        "/api/endorsements?limit=0",
        "/api/endorsements?limit=-5",
        "/api/endorsements?limit=1000000000000",
        "/api/endorsements?limit=abc",
        "/api/endorsements?stance=adore",
        "/api/endorsements?review=maybe",
        "/api/endorsements/99999999999999999999999",
        "/api/endorsements/-1",
        "/api/endorsements/0/history",
        "/api/entities/99999999999999999999999",
        "/api/evidence/2147483648",
        "/api/endorsements?endorser=" + "a" * 5000,
        "/api/entities?limit=100000",
        "/api/entities?q=" + "a" * 5000,
        "/api/entities/notanumber",
        "/api/endorsements/1.5",
        "/api/documents?limit=501",
        "/api/search?q=" + "a" * 5000,
        "/api/graph?limit=999999999",
        "/feed.atom?limit=100000",
        "/feed.atom?since=2024-99-01",
    ],
)
def test_bad_parameters_are_422_in_the_one_error_shape(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 422, (path, response.status_code, response.text[:300])
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "code", "message", "details"}
    assert body["error"]["status"] == 422
    assert body["error"]["details"], path


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/endorsements?sort=name", 400),
        ("/api/endorsements?sort=id;DROP%20TABLE%20endorsements", 400),
        ("/api/endorsements?cursor=not-a-cursor", 400),
        ("/api/endorsements/2147483647", 404),
        ("/api/entities/2147483647", 404),
        ("/api/evidence/77777", 404),
        ("/api/races/nothing%20like%20it", 404),
        ("/api/documents/..%2F..%2Fetc%2Fpasswd", 404),
    ],
)
def test_out_of_range_and_unknown_values_are_errors_not_crashes(
    client: TestClient, path: str, status: int
) -> None:
    response = client.get(path)
    assert response.status_code == status, (path, response.text[:300])
    assert response.json()["error"]["status"] == status


@pytest.mark.parametrize(
    "path", ["/endorsements/99999999999999999999999", "/entities/-3", "/graph?since=2024-00-01"]
)
def test_bad_page_parameters_are_html_error_pages(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 400, (path, response.status_code)
    assert response.headers["content-type"].startswith("text/html")


@pytest.mark.parametrize(
    "fragment",
    [
        "' OR 1=1 --",
        '"; DROP TABLE endorsements; --',
        "%",
        "_",
        "\\",
        "Zora' UNION SELECT * FROM documents --",
    ],
)
def test_sql_fragments_are_plain_text(client: TestClient, fragment: str) -> None:
    before = client.get("/api/endorsements?limit=500").json()["items"]
    for path, params in (
        ("/api/endorsements", {"endorser": fragment}),
        ("/api/endorsements", {"endorsee": fragment}),
        ("/api/endorsements", {"race": fragment}),
        ("/api/endorsements", {"category": fragment}),
        ("/api/entities", {"q": fragment}),
        ("/api/races", {"q": fragment}),
        ("/api/search", {"q": fragment}),
        ("/search", {"q": fragment}),
        ("/feed.atom", {"endorser": fragment}),
    ):
        response = client.get(path, params=params)
        assert response.status_code == 200, (path, fragment, response.text[:200])
    # A fragment matches only text that contains it: none of the stored names do.
    hits = client.get("/api/endorsements", params={"endorser": fragment}).json()["items"]
    assert hits == []
    assert client.get("/api/endorsements?limit=500").json()["items"] == before


# --- the write token -----------------------------------------------------------------------------


WRITES = [
    ("/api/documents", {"text": "Kit Arn endorsed Lio Pask for mayor.", "id": "w-1"}),
    ("/api/endorsements/1/verify", {"note": "ok"}),
    ("/api/endorsements/1/reject", {"note": "no"}),
]


@pytest.mark.parametrize(("path", "body"), WRITES)
@pytest.mark.parametrize(
    ("headers", "status", "code"),
    [
        ({}, 401, "unauthorized"),
        ({"Authorization": "Basic " + TOKEN}, 401, "unauthorized"),
        ({"Authorization": "Bearer"}, 401, "unauthorized"),
        ({"Authorization": "Bearer wrong-token"}, 403, "forbidden"),
        ({"Authorization": f"Bearer {TOKEN}x"}, 403, "forbidden"),
        ({"Authorization": f"Bearer {TOKEN[:-1]}"}, 403, "forbidden"),
    ],
)
def test_writes_without_the_right_token_are_refused_and_change_nothing(
    client: TestClient, path: str, body: dict, headers: dict, status: int, code: str
) -> None:
    before = client.get("/api/endorsements/1").json()
    docs = client.get("/api/documents").json()
    response = client.post(path, json=body, headers=headers)
    assert response.status_code == status, response.text
    error = response.json()["error"]
    assert (error["status"], error["code"]) == (status, code)
    assert TOKEN not in response.text
    assert client.get("/api/endorsements/1").json() == before
    assert client.get("/api/documents").json() == docs


def test_a_read_only_server_refuses_every_write_with_403(tmp_path: Path) -> None:
    app, ledger = make_app(build_ledger(tmp_path / "ro.db"), token=None)
    with TestClient(app, raise_server_exceptions=False) as c:
        for path, body in WRITES:
            for headers in ({}, AUTH, {"Authorization": "Bearer "}):
                response = c.post(path, json=body, headers=headers)
                assert response.status_code == 403, (path, headers)
                assert "read-only" in response.json()["error"]["message"]
    ledger.close()


def test_the_right_token_still_writes(client: TestClient) -> None:
    response = client.post("/api/endorsements/1/verify", json={"note": "checked"}, headers=AUTH)
    assert response.status_code == 200, response.text
    review = response.json()["review"]
    assert (review["state"], review["reviewer"], review["note"]) == ("verified", "web", "checked")
