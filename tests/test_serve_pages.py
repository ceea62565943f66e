"""The server-rendered pages, read as a browser without JavaScript would: what each shows, the
review form, HTML errors, and that markup in article text is always escaped."""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterator
from html import unescape
from pathlib import Path

import pytest

from web_ledger import HOSTILE, TOKEN, build_ledger, make_app

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from fastapi.testclient import TestClient


@pytest.fixture
def url(tmp_path: Path) -> str:
    return build_ledger(tmp_path / "ledger.db")


@pytest.fixture
def client(url: str) -> Iterator[TestClient]:
    app, ledger = make_app(url)
    with TestClient(app) as c:
        yield c
    ledger.close()


def text_of(html: str) -> str:
    """The page's visible text, tags removed and whitespace collapsed."""
    html = re.sub(r"<script.*?</script>", " ", html, flags=re.S)
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


def test_home_lists_races_and_newest_endorsements(client: TestClient) -> None:
    page = text_of(client.get("/").text)
    assert "5 endorsements from 3 documents, 8 people and organizations." in page
    assert "governor 2026 2 candidates, 4 endorsements" in page
    assert "Wilhelmina Oduya support Rasmus Vey governor 2026 2025-03-09 unreviewed" in page


def test_search_finds_people_organizations_and_races(client: TestClient) -> None:
    page = client.get("/search?q=blick").text
    assert '<a href="/entities/5">Teodor Blick</a>' in page
    assert "politician · endorsed 1 · endorsed by 0" in text_of(page)
    races = client.get("/search?q=governor").text
    assert '<a href="/races/governor%202026">governor 2026</a>' in races
    assert "No person or organization matches." in client.get("/search?q=zzz").text


def test_race_page_shows_candidates_side_by_side_with_grouped_endorsers(client: TestClient) -> None:
    html = client.get("/races/governor%202026").text
    page = text_of(html)
    assert page.index("Corinne Dalfort 2 support") < page.index("Rasmus Vey 1 support")
    assert "union (1) Maple Valley Nurses Union support 2025-03-02" in page
    assert "media (1) Harbor Gazette oppose 2025-03-02" in page
    # The chart's data, and the same figures as a table for readers without JavaScript.
    assert '<canvas id="timeline"' in html
    assert "/static/vendor/chart.umd.min.js" in html
    assert "2025-03-02 2 0 2025-03-09 2 1" in page


def test_entity_page_shows_both_directions_aliases_and_history(client: TestClient) -> None:
    page = text_of(client.get("/entities/5").text)
    assert "Also called: Mayor Blick" in page
    assert "title: Former Mayor" in page
    assert "Whom it endorsed or opposed (1)" in page
    assert "Who endorsed or opposed it (0)" in page
    assert "2025-03-02 support Corinne Dalfort governor 2026 evidence" in page


def test_endorsement_page_highlights_each_quote_in_context_and_links_the_source(
    client: TestClient,
) -> None:
    html = client.get("/endorsements/3").text
    assert html.count('<mark class="quote">') == 2
    assert '<mark class="quote">Former Mayor Teodor Blick also endorsed Dalfort</mark>' in html
    assert 'on Monday. <mark class="quote">' in html
    assert '<a class="source" href="https://news.invalid/nurses"' in html
    assert "“Nurses pick a side”, 2025-03-02" in text_of(html)


def test_document_page_marks_every_evidence_span(client: TestClient) -> None:
    html = client.get("/documents/art-1").text
    assert html.count('<mark class="quote">') == 3


def test_graph_page_embeds_its_data_and_lists_edges(client: TestClient) -> None:
    html = client.get("/graph?race=governor%202026").text
    assert '<script src="/static/vendor/cytoscape.min.js"></script>' in html
    assert "6 people and organizations, 4 endorsements." in text_of(html)
    assert "Harbor Gazette → oppose → Rasmus Vey" in text_of(html)


def test_vendored_libraries_are_served_locally(client: TestClient) -> None:
    for path in ("/static/vendor/chart.umd.min.js", "/static/vendor/cytoscape.min.js"):
        response = client.get(path)
        assert response.status_code == 200 and len(response.content) > 100_000


def test_review_queue_verifies_with_the_token_from_a_plain_form(client: TestClient) -> None:
    queue = client.get("/review").text
    assert queue.count('class="review-form"') == 5
    response = client.post(
        "/review/3", data={"action": "verify", "token": TOKEN}, follow_redirects=False
    )
    assert response.status_code == 303
    assert response.headers["location"] == "/review?done=verified+3"
    after = client.get(response.headers["location"]).text
    assert "Done: verified 3." in text_of(after)
    assert after.count('class="review-form"') == 4
    assert 'id="queue-3"' not in after


def test_review_form_with_a_wrong_token_changes_nothing(client: TestClient) -> None:
    response = client.post("/review/3", data={"action": "reject", "token": "guess"})
    assert response.status_code == 403
    assert "wrong token: nothing was changed" in response.text
    assert client.get("/api/endorsements/3").json()["review"]["state"] == "unreviewed"


def test_review_form_errors_are_html_pages(client: TestClient) -> None:
    assert client.post("/review/99", data={"action": "verify", "token": TOKEN}).status_code == 404
    bad = client.post("/review/3", data={"action": "delete", "token": TOKEN})
    assert bad.status_code == 400
    assert bad.headers["content-type"].startswith("text/html")
    assert "action" in text_of(bad.text)


def test_read_only_server_shows_no_review_forms(url: str) -> None:
    app, ledger = make_app(url, token=None)
    with TestClient(app) as c:
        page = c.get("/review").text
        assert "This server is read-only" in page
        assert 'class="review-form"' not in page
        assert c.post("/review/3", data={"action": "verify", "token": ""}).status_code == 403
    ledger.close()


@pytest.mark.parametrize("path", ["/nothing", "/entities/99", "/races/nowhere", "/endorsements/x"])
def test_page_errors_are_html_with_the_message(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (400, 404)
    assert response.headers["content-type"].startswith("text/html")
    assert "<h1>Error" in response.text


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/search?q=marr",
        "/search?q=%3Cscript%3E",
        "/races/%3Cscript%3Erace%3C/script%3E",
        "/entities/7",
        "/entities/8",
        "/endorsements/5",
        "/documents/art-3",
        "/graph?endorser=marr",
        "/review",
        "/nothing%3Cscript%3E",
    ],
)
def test_markup_from_articles_and_queries_is_escaped_everywhere(
    client: TestClient, path: str
) -> None:
    html = client.get(path).text
    scripts = re.findall(r"<script\b[^>]*>", html)
    assert all('type="application/json"' in s or "src=" in s for s in scripts), scripts
    assert "<b>Co</b>" not in html
    assert 'alert("x")' not in html


def test_hostile_quote_is_shown_as_text(client: TestClient) -> None:
    html = client.get("/endorsements/5").text
    # Once as the evidence, once in the history.
    assert text_of(html).count(HOSTILE.removesuffix(" for governor.")) == 2
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in html
