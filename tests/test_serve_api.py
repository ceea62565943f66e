"""The JSON API, in process: every route, its filters, sorting, cursors, tokens and errors."""

from __future__ import annotations

import threading
import warnings
from collections.abc import Iterator
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from web_ledger import RACE, TOKEN, make_app

with warnings.catch_warnings():  # Starlette's notice about its httpx-based client
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def url(web_ledger_url: str) -> str:
    return web_ledger_url


@pytest.fixture
def client(url: str) -> Iterator[TestClient]:
    app, ledger = make_app(url)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    ledger.close()


def names(items: list[dict]) -> list[tuple[str, str, str]]:
    return [(e["endorser"]["name"], e["stance"], e["endorsee"]["name"]) for e in items]


def assert_error(response, status: int, code: str, contains: str) -> None:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert body["error"]["status"] == status
    assert body["error"]["code"] == code
    assert contains in body["error"]["message"], body["error"]["message"]


# --- endorsements: filters, sorting, cursors -----------------------------------------------------


def test_list_endorsements_in_id_order_with_their_parts(client: TestClient) -> None:
    body = client.get("/api/endorsements").json()
    assert body["next_cursor"] is None
    assert names(body["items"]) == [
        ("Harbor Gazette", "oppose", "Rasmus Vey"),
        ("Maple Valley Nurses Union", "support", "Corinne Dalfort"),
        ("Teodor Blick", "support", "Corinne Dalfort"),
        ("Wilhelmina Oduya", "support", "Rasmus Vey"),
        ('Ivo <script>alert("x")</script> Marr', "support", "Pell & <b>Co</b>"),
    ]
    blick = body["items"][2]
    assert blick["race"] == RACE
    assert blick["category"] == "politician"
    assert (blick["first_seen"], blick["last_seen"], blick["n_evidence"]) == (
        "2025-03-02",
        "2025-03-09",
        2,
    )
    assert blick["review"] == {
        "state": "unreviewed",
        "reviewer": None,
        "reviewed_at": None,
        "note": None,
    }


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("endorser=blick", [("Teodor Blick", "support", "Corinne Dalfort")]),
        ("endorser=Mayor%20Blick", [("Teodor Blick", "support", "Corinne Dalfort")]),
        (
            "endorsee=vey",
            [
                ("Harbor Gazette", "oppose", "Rasmus Vey"),
                ("Wilhelmina Oduya", "support", "Rasmus Vey"),
            ],
        ),
        ("stance=oppose", [("Harbor Gazette", "oppose", "Rasmus Vey")]),
        ("category=union", [("Maple Valley Nurses Union", "support", "Corinne Dalfort")]),
        (
            "race=governor%202026&endorsee=Dalfort&stance=support&since=2025-03-02&until=2025-03-02",
            [
                ("Maple Valley Nurses Union", "support", "Corinne Dalfort"),
                ("Teodor Blick", "support", "Corinne Dalfort"),
            ],
        ),
        (
            "since=2025-03-09",
            [
                ("Wilhelmina Oduya", "support", "Rasmus Vey"),
                ('Ivo <script>alert("x")</script> Marr', "support", "Pell & <b>Co</b>"),
            ],
        ),
        ("until=2025-03-01", []),
        ("race=mayor", []),
    ],
)
def test_filters(client: TestClient, query: str, expected: list) -> None:
    response = client.get(f"/api/endorsements?{query}")
    assert response.status_code == 200, response.text
    assert names(response.json()["items"]) == expected


def test_sort_descending_by_confidence(client: TestClient) -> None:
    items = client.get("/api/endorsements?sort=-confidence").json()["items"]
    assert [e["confidence"] for e in items] == [0.9, 0.85, 0.8, 0.7, 0.5]


@pytest.mark.parametrize(
    "sort",
    [
        "id",
        "-id",
        "first_seen",
        "-first_seen",
        "-last_seen",
        "confidence",
        "n_evidence",
        "-n_evidence",
    ],
)
def test_cursor_pages_cover_every_row_once_in_sorted_order(client: TestClient, sort: str) -> None:
    whole = client.get(f"/api/endorsements?sort={sort}").json()["items"]
    seen, cursor, pages = [], None, 0
    while True:
        params = {"sort": sort, "limit": 2} | ({"cursor": cursor} if cursor else {})
        body = client.get("/api/endorsements", params=params).json()
        seen += body["items"]
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            break
    assert [e["id"] for e in seen] == [e["id"] for e in whole]
    assert len(whole) == 5 and pages == 3


def test_a_cursor_for_another_sort_is_refused(client: TestClient) -> None:
    cursor = client.get("/api/endorsements?sort=id&limit=1").json()["next_cursor"]
    response = client.get(f"/api/endorsements?sort=-confidence&cursor={cursor}")
    assert_error(response, 400, "bad_request", "belongs to sort=id")


@pytest.mark.parametrize("cursor", ["nonsense!", "eyJzIjoiaWQiLCJrIjoxfQ", "e30"])
def test_a_damaged_cursor_is_a_400(client: TestClient, cursor: str) -> None:
    response = client.get(f"/api/endorsements?cursor={cursor}")
    assert_error(response, 400, "bad_request", "cursor")


def test_unknown_sort_key_is_a_400_naming_the_keys(client: TestClient) -> None:
    response = client.get("/api/endorsements?sort=name")
    assert_error(response, 400, "bad_request", "use one of id, first_seen, last_seen")


@pytest.mark.parametrize(
    ("query", "location"),
    [
        ("stance=maybe", "query.stance"),
        ("review=perhaps", "query.review"),
        ("since=yesterday", "query.since"),
        ("until=2025-13-01", "query.until"),
        ("limit=0", "query.limit"),
        ("limit=501", "query.limit"),
        ("limit=ten", "query.limit"),
    ],
)
def test_invalid_parameters_are_422_with_details(
    client: TestClient, query: str, location: str
) -> None:
    response = client.get(f"/api/endorsements?{query}")
    assert_error(response, 422, "invalid_request", location)
    assert [d["location"] for d in response.json()["error"]["details"]] == [location]


# --- one endorsement, evidence, history ----------------------------------------------------------


def test_endorsement_with_evidence_in_context(client: TestClient) -> None:
    body = client.get("/api/endorsements/3").json()
    assert body["endorser"]["name"] == "Teodor Blick"
    first, second = body["evidence"]
    assert first["quote"] == "Former Mayor Teodor Blick also endorsed Dalfort"
    assert first["context_before"].endswith("on Monday. ")
    assert first["context_after"].startswith(". The Harbor Gazette")
    assert first["document"] == {
        "id": "art-1",
        "title": "Nurses pick a side",
        "source": "https://news.invalid/nurses",
        "published": "2025-03-02",
    }
    assert second["document"]["id"] == "art-2"
    assert client.get("/api/endorsements/3/evidence").json() == body["evidence"]
    assert client.get(f"/api/evidence/{first['id']}").json() == first


def test_history_is_dated_evidence_then_the_review(client: TestClient) -> None:
    assert [
        (h["date"], h["event"], h["document_id"])
        for h in client.get("/api/endorsements/3/history").json()
    ] == [
        ("2025-03-02", "evidence", "art-1"),
        ("2025-03-09", "evidence", "art-2"),
    ]
    client.post("/api/endorsements/3/verify", headers=AUTH)
    events = client.get("/api/endorsements/3/history").json()
    assert [h["event"] for h in events] == ["evidence", "evidence", "verified"]


@pytest.mark.parametrize(
    "path",
    [
        "/api/endorsements/99",
        "/api/endorsements/99/evidence",
        "/api/endorsements/99/history",
        "/api/evidence/99",
        "/api/entities/99",
        "/api/entities/99/history",
        "/api/races/mayor%201999",
        "/api/documents/no-such-doc",
    ],
)
def test_unknown_ids_are_404(client: TestClient, path: str) -> None:
    assert_error(client.get(path), 404, "not_found", "no ")


def test_non_integer_id_is_422(client: TestClient) -> None:
    assert_error(client.get("/api/endorsements/abc"), 422, "invalid_request", "endorsement_id")


# --- entities, races, documents, search, graph ---------------------------------------------------


def test_entities_search_by_name_or_alias_with_counts(client: TestClient) -> None:
    assert client.get("/api/entities?q=mayor%20blick").json() == [
        {
            "id": 5,
            "name": "Teodor Blick",
            "type": "person",
            "category": "politician",
            "aliases": ["Mayor Blick"],
            "n_endorsements_given": 1,
            "n_endorsements_received": 0,
        }
    ]
    assert len(client.get("/api/entities").json()) == 8
    assert len(client.get("/api/entities?limit=3").json()) == 3


def test_entity_lists_aliases_both_directions_and_history(client: TestClient) -> None:
    blick = client.get("/api/entities/5").json()
    assert blick["aliases"] == ["Mayor Blick"]
    assert blick["attrs"]["title"] == "Former Mayor"
    assert names(blick["endorsed"]) == [("Teodor Blick", "support", "Corinne Dalfort")]
    assert blick["endorsed_by"] == []
    dalfort = client.get("/api/entities/1").json()
    assert [e["endorser"]["name"] for e in dalfort["endorsed_by"]] == [
        "Maple Valley Nurses Union",
        "Teodor Blick",
    ]
    assert [(h["role"], h["other"]["name"]) for h in dalfort["history"]] == [
        ("endorsee", "Maple Valley Nurses Union"),
        ("endorsee", "Teodor Blick"),
    ]
    assert client.get("/api/entities/1/history").json() == dalfort["history"]


def test_races_and_one_race_side_by_side(client: TestClient) -> None:
    races = client.get("/api/races").json()
    assert [(r["name"], r["n_candidates"], r["n_endorsements"]) for r in races] == [
        ("<script>race</script>", 1, 1),
        (RACE, 2, 4),
    ]
    assert [r["name"] for r in client.get("/api/races?q=GOVERNOR").json()] == [RACE]
    race = client.get("/api/races/governor%202026").json()
    dalfort, vey = race["candidates"]
    assert dalfort["name"] == "Corinne Dalfort"
    assert dalfort["counts"] == {"support": 2, "oppose": 0, "withdraw": 0}
    assert sorted(dalfort["by_category"]) == ["politician", "union"]
    assert vey["counts"] == {"support": 1, "oppose": 1, "withdraw": 0}
    assert sorted(vey["by_category"]) == ["media", "other"]
    assert race["timeline"] == {
        "dates": ["2025-03-02", "2025-03-09"],
        "series": [
            {"candidate_id": dalfort["id"], "name": "Corinne Dalfort", "cumulative": [2, 2]},
            {"candidate_id": vey["id"], "name": "Rasmus Vey", "cumulative": [0, 1]},
        ],
    }


def test_documents_newest_first_paged_and_one_with_its_text(client: TestClient) -> None:
    first = client.get("/api/documents?limit=2").json()
    rest = client.get(f"/api/documents?limit=2&cursor={first['next_cursor']}").json()
    ids = [d["id"] for d in first["items"] + rest["items"]]
    assert ids == ["art-3", "art-2", "art-1"]
    assert rest["next_cursor"] is None
    assert "text" not in first["items"][0]
    doc = client.get("/api/documents/art-1").json()
    assert doc["text"].startswith("Nurses pick a side")
    assert len(doc["evidence"]) == 3


def test_documents_cursor_must_be_a_documents_cursor(client: TestClient) -> None:
    cursor = client.get("/api/endorsements?limit=1").json()["next_cursor"]
    assert_error(client.get(f"/api/documents?cursor={cursor}"), 400, "bad_request", "cursor")


def test_search_finds_entities_and_races(client: TestClient) -> None:
    body = client.get("/api/search?q=dalfort").json()
    assert [e["name"] for e in body["entities"]] == ["Corinne Dalfort"]
    assert body["races"] == []
    assert [r["name"] for r in client.get("/api/search?q=governor").json()["races"]] == [RACE]
    assert client.get("/api/search?q=").json() == {"q": "", "entities": [], "races": []}


def test_graph_of_a_race(client: TestClient) -> None:
    graph = client.get("/api/graph?race=governor%202026").json()
    assert sorted(n["name"] for n in graph["nodes"]) == [
        "Corinne Dalfort",
        "Harbor Gazette",
        "Maple Valley Nurses Union",
        "Rasmus Vey",
        "Teodor Blick",
        "Wilhelmina Oduya",
    ]
    assert {(e["source_name"], e["stance"], e["target_name"]) for e in graph["edges"]} == {
        ("Harbor Gazette", "oppose", "Rasmus Vey"),
        ("Maple Valley Nurses Union", "support", "Corinne Dalfort"),
        ("Teodor Blick", "support", "Corinne Dalfort"),
        ("Wilhelmina Oduya", "support", "Rasmus Vey"),
    }


# --- review: tokens, verify, reject, filters -----------------------------------------------------


def test_verify_and_reject_need_the_token_and_change_the_review_filter(client: TestClient) -> None:
    verified = client.post("/api/endorsements/2/verify", headers=AUTH, json={"note": "called"})
    assert verified.status_code == 200
    assert verified.json()["review"]["state"] == "verified"
    assert client.post("/api/endorsements/1/reject", headers=AUTH).json()["review"]["state"] == (
        "rejected"
    )
    by_state = {
        state: [e["id"] for e in client.get(f"/api/endorsements?review={state}").json()["items"]]
        for state in ("verified", "rejected", "unreviewed")
    }
    assert by_state == {"verified": [2], "rejected": [1], "unreviewed": [3, 4, 5]}
    # A later decision replaces the earlier one.
    client.post("/api/endorsements/2/reject", headers=AUTH)
    assert client.get("/api/endorsements/2").json()["review"]["state"] == "rejected"


def test_writes_without_a_token_are_401(client: TestClient) -> None:
    response = client.post("/api/endorsements/2/verify")
    assert_error(response, 401, "unauthorized", "Authorization: Bearer TOKEN")
    assert response.headers["www-authenticate"] == "Bearer"
    assert client.get("/api/endorsements/2").json()["review"]["state"] == "unreviewed"


def test_writes_with_a_wrong_token_are_403(client: TestClient) -> None:
    response = client.post("/api/endorsements/2/reject", headers={"Authorization": "Bearer nope"})
    assert_error(response, 403, "forbidden", "wrong token")
    response = client.post("/api/endorsements/2/reject", headers={"Authorization": "Basic x"})
    assert_error(response, 401, "unauthorized", "Bearer")


def test_a_server_without_token_is_read_only(url: str) -> None:
    app, ledger = make_app(url, token=None)
    with TestClient(app) as c:
        assert_error(
            c.post("/api/endorsements/2/verify", headers=AUTH), 403, "forbidden", "read-only"
        )
        assert c.get("/api/endorsements/2").status_code == 200
    ledger.close()


def test_review_of_a_missing_endorsement_is_404(client: TestClient) -> None:
    assert_error(
        client.post("/api/endorsements/99/verify", headers=AUTH),
        404,
        "not_found",
        "no endorsement with id 99",
    )


def test_get_on_a_post_route_is_405(client: TestClient) -> None:
    assert_error(
        client.get("/api/endorsements/2/verify"), 405, "method_not_allowed", "GET is not allowed"
    )


# --- ingest --------------------------------------------------------------------------------------


@pytest.mark.slow
def test_post_a_text_ingests_it_once(client: TestClient) -> None:
    text = "The Cedar Falls Firefighters Union endorsed Marisol Tenbrook for mayor on Friday."
    body = {"text": text, "id": "posted-1", "title": "Firefighters", "published": "2025-04-05"}
    response = client.post("/api/documents", json=body, headers=AUTH)
    assert response.status_code == 201, response.text
    result = response.json()
    assert (result["read"], result["stored"], result["already_stored"]) == (1, 1, 0)
    assert names(result["new_endorsements"]) == [
        ("Cedar Falls Firefighters Union", "support", "Marisol Tenbrook")
    ]
    assert client.get("/api/documents/posted-1").json()["title"] == "Firefighters"
    again = client.post("/api/documents", json=body, headers=AUTH).json()
    assert (again["stored"], again["already_stored"], again["new_endorsements"]) == (0, 1, [])


class _Page(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
        page = (
            b"<html><head><title>Union news</title></head><body><article><h1>Union news</h1>"
            b"<p>The Dunmore Valley Teachers Union endorsed Halvard Brisk for mayor on Tuesday, "
            b"citing his record on school funding and his plan for new classrooms.</p>"
            b"</article></body></html>"
        )
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(page)))
        self.end_headers()
        self.wfile.write(page)

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.slow
def test_post_a_url_fetches_and_ingests_it(client: TestClient) -> None:
    # The test page is on loopback, which the server refuses unless allowed (next test).
    state = client.app.state  # type: ignore[attr-defined]
    state.settings = replace(state.settings, fetch_allow_private=True)
    server = ThreadingHTTPServer(("127.0.0.1", 18501), _Page)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        response = client.post(
            "/api/documents", json={"url": "http://127.0.0.1:18501/news"}, headers=AUTH
        )
    finally:
        server.shutdown()
        server.server_close()
    assert response.status_code == 201, response.text
    assert names(response.json()["new_endorsements"]) == [
        ("Dunmore Valley Teachers Union", "support", "Halvard Brisk")
    ]


@pytest.mark.parametrize(
    ("address", "kind"),
    [
        ("http://127.0.0.1:18502/admin", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "link-local"),
        ("http://10.1.2.3/intranet", "private"),
    ],
)
def test_post_a_private_address_is_refused_before_any_fetch(
    client: TestClient, address: str, kind: str
) -> None:
    """Server-side request forgery: a POSTed URL goes through the fetcher's address check, so
    the server never reads its own network for a caller unless fetch_allow_private is set."""
    before = client.get("/api/documents").json()["items"]
    response = client.post("/api/documents", json={"url": address}, headers=AUTH)
    assert_error(response, 400, "bad_request", f"{address}: refused: ")
    assert f"is a {kind} address" in response.json()["error"]["message"]
    assert client.get("/api/documents").json()["items"] == before


def test_post_an_unreachable_url_is_a_400_naming_it(client: TestClient) -> None:
    response = client.post("/api/documents", json={"url": "http://127.0.0.1:1/gone"}, headers=AUTH)
    assert_error(response, 400, "bad_request", "http://127.0.0.1:1/gone")
    assert client.get("/api/documents").json()["items"][0]["id"] == "art-3"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ({}, "give exactly one of 'text' or 'url'"),
        ({"text": "a", "url": "https://x.invalid/"}, "give exactly one of 'text' or 'url'"),
        ({"url": "/etc/passwd"}, "must be an http:// or https:// address"),
        ({"url": "file:///etc/passwd"}, "must be an http:// or https:// address"),
        ({"text": ""}, "at least 1 character"),
        ({"text": "x", "published": "soon"}, "body.published"),
    ],
)
def test_post_a_bad_document_is_422(client: TestClient, body: dict, message: str) -> None:
    response = client.post("/api/documents", json=body, headers=AUTH)
    assert_error(response, 422, "invalid_request", message)


def test_post_a_document_without_token_is_401_and_stores_nothing(client: TestClient) -> None:
    response = client.post("/api/documents", json={"text": "Ann Lee endorsed Bo Ray."})
    assert_error(response, 401, "unauthorized", "Bearer")
    assert len(client.get("/api/documents").json()["items"]) == 3


def test_post_a_body_that_is_not_json_is_422(client: TestClient) -> None:
    response = client.post(
        "/api/documents", content=b"not json", headers=AUTH | {"Content-Type": "application/json"}
    )
    assert_error(response, 422, "invalid_request", "body")


# --- docs, OpenAPI, crashes ----------------------------------------------------------------------


def test_openapi_lists_every_api_route(client: TestClient) -> None:
    spec = client.get("/openapi.json").json()
    assert set(spec["paths"]) >= {
        "/api/endorsements",
        "/api/endorsements/{endorsement_id}",
        "/api/endorsements/{endorsement_id}/evidence",
        "/api/endorsements/{endorsement_id}/history",
        "/api/endorsements/{endorsement_id}/verify",
        "/api/endorsements/{endorsement_id}/reject",
        "/api/entities",
        "/api/entities/{entity_id}",
        "/api/entities/{entity_id}/history",
        "/api/races",
        "/api/races/{name}",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/evidence/{evidence_id}",
        "/api/search",
        "/api/graph",
        "/feed.atom",
    }


def test_docs_page_loads_its_assets_from_this_server(client: TestClient) -> None:
    page = client.get("/docs").text
    assert "/static/swagger/swagger-ui-bundle.js" in page
    assert "cdn" not in page.casefold()
    for asset in ("/static/swagger/swagger-ui-bundle.js", "/static/swagger/swagger-ui.css"):
        response = client.get(asset)
        assert response.status_code == 200 and len(response.content) > 10_000


def test_an_unexpected_crash_is_a_500_in_the_same_shape(client: TestClient) -> None:
    def broken(*_a: object, **_k: object) -> None:
        raise RuntimeError("secret internals")

    client.app.state.queries.races = broken  # type: ignore[attr-defined]
    response = client.get("/api/races")
    assert_error(response, 500, "internal_error", "internal error")
    assert "secret" not in response.text


def test_a_broken_ledger_is_a_503(client: TestClient) -> None:
    from endorsements.errors import StoreError

    def down(*_a: object, **_k: object) -> None:
        raise StoreError("cannot read endorsements in ledger sqlite:///x.db: disk I/O error")

    client.app.state.queries.races = down  # type: ignore[attr-defined]
    assert_error(client.get("/api/races"), 503, "unavailable", "disk I/O error")
