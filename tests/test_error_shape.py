"""Every error the API can give has one shape, whatever raised it.

The routes are read from the app itself, so a route added later is checked without anyone
remembering to add it here: each is called with ids that do not exist, ids of the wrong type,
bad query values, no token and a wrong method, and every error answer must be exactly
{"error": {"status", "code", "message", "details"}} with `status` equal to the HTTP status.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest

from endorsements.serve.error_shape import CODES
from web_ledger import build_ledger, make_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient

BAD_QUERY = "limit=-5&since=someday&stance=maybe&sort=bogus&cursor=%%%&q=" + "x" * 201


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    url = build_ledger(tmp_path_factory.mktemp("shape") / "ledger.db")
    app, ledger = make_app(url)
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c
    ledger.close()


def api_routes() -> list[tuple[str, str]]:
    """(method, path) of every route in the OpenAPI document, which lists all public ones."""
    app, ledger = make_app("sqlite://")
    ledger.close()
    return [
        (method.upper(), path)
        for path, operations in sorted(app.openapi()["paths"].items())
        for method in sorted(operations)
    ]


ROUTES = api_routes()


def assert_shape(response) -> None:
    assert response.headers["content-type"].startswith("application/json"), response.text
    body = response.json()
    assert list(body) == ["error"], body
    error = body["error"]
    assert sorted(error) == ["code", "details", "message", "status"], error
    assert error["status"] == response.status_code
    assert error["code"] == CODES[response.status_code]
    assert isinstance(error["message"], str) and error["message"]
    assert isinstance(error["details"], list)
    for detail in error["details"]:
        assert sorted(detail) == ["location", "message"]


def variants(path: str) -> list[str]:
    """Paths with every parameter replaced by a missing id and by a wrongly typed one."""
    missing = re.sub(r"\{[^}]+\}", "999999", path)
    wrong = re.sub(r"\{[^}]+\}", "not-an-id", path)
    return sorted({missing, wrong, f"{missing}?{BAD_QUERY}"})


def test_the_app_has_the_routes_the_issue_asks_for() -> None:
    paths = {p for _, p in ROUTES}
    for needed in ("endorsements", "entities", "races", "documents", "evidence", "history"):
        assert any(needed in p for p in paths), needed
    assert ("POST", "/api/documents") in ROUTES


@pytest.mark.parametrize(("method", "path"), ROUTES, ids=[f"{m} {p}" for m, p in ROUTES])
def test_every_error_of_every_route_has_the_shape(
    client: TestClient, method: str, path: str
) -> None:
    errors = 0
    for target in variants(path):
        response = client.request(method, target, json={})
        if response.status_code >= 400:
            assert_shape(response)
            errors += 1
    wrong_method = "DELETE"
    response = client.request(wrong_method, re.sub(r"\{[^}]+\}", "1", path))
    assert response.status_code == 405
    assert_shape(response)
    assert errors >= 1, f"no request made {method} {path} fail"


@pytest.mark.parametrize(
    "path",
    ["/api/", "/api/nothing", "/api/endorsements/1/nothing", "/feed.atom?since=never"],
)
def test_unknown_paths_and_bad_feed_filters_have_the_shape(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (404, 422)
    assert_shape(response)


def test_every_documented_code_is_reachable() -> None:
    """Each status in CODES has a test in test_serve_api.py that asserts it (no dead codes)."""
    text = (Path(__file__).parent / "test_serve_api.py").read_text(encoding="utf-8")
    assert [code for code in CODES.values() if f'"{code}"' not in text] == []
