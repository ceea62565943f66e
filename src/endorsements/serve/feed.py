"""/feed.atom: the newest endorsements as an Atom 1.0 feed (RFC 4287).

Built with ElementTree rather than a template so that every name, race and quote taken from an
article is escaped by the XML serializer and the document is well-formed by construction.
Entry ids are the endorsement pages' URLs, which never change for a given endorsement, so a
feed reader shows each endorsement once even when its evidence grows.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any
from urllib.parse import quote, urlencode
from xml.etree import ElementTree as ET

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from .api import Db, Filters
from .queries import MAX_LIMIT

ATOM = "http://www.w3.org/2005/Atom"
VERBS = {"support": "endorsed", "oppose": "opposed", "withdraw": "withdrew from"}

router = APIRouter(tags=["feed"])


def _sub(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def entry_title(e: dict[str, Any]) -> str:
    verb = VERBS.get(e["stance"], e["stance"])
    race = f" ({e['race']})" if e["race"] else ""
    return f"{e['endorser']['name']} {verb} {e['endorsee']['name']}{race}"


def build_feed(entries: list[dict[str, Any]], base: str, self_url: str, query: str) -> bytes:
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _sub(feed, "id", self_url)
    _sub(feed, "title", "New endorsements" + (f" ({query})" if query else ""))
    _sub(feed, "subtitle", "Who backs or opposes whom, with the evidence, as the ledger learns it")
    times = [e["added_at"] for e in entries if e.get("added_at")]
    _sub(feed, "updated", max(times) if times else datetime.now(UTC).isoformat())
    _sub(_sub(feed, "author"), "name", "Endorsements ledger")
    _sub(feed, "link", rel="self", href=self_url, type="application/atom+xml")
    _sub(feed, "link", rel="alternate", href=base + "/", type="text/html")
    _sub(feed, "generator", "endorsements")
    for e in entries:
        page = f"{base}/endorsements/{e['id']}"
        entry = _sub(feed, "entry")
        _sub(entry, "id", page)
        _sub(entry, "title", entry_title(e))
        updated = e.get("added_at") or datetime.now(UTC).isoformat()
        _sub(entry, "updated", updated)
        _sub(entry, "published", updated)
        _sub(entry, "link", rel="alternate", href=page, type="text/html")
        if (e.get("source") or "").startswith(("http://", "https://")):
            _sub(entry, "link", rel="related", href=e["source"])
        _sub(entry, "category", term=e["stance"])
        if e["race"]:
            _sub(entry, "category", term=e["race"], label="race")
        seen = f"first seen {e['first_seen']}. " if e["first_seen"] else ""
        _sub(entry, "summary", f"{entry_title(e)}; {seen}Evidence: “{e.get('quote', '')}”")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


@router.get(
    "/feed.atom",
    summary="New endorsements as an Atom feed, with the API's filters",
    response_class=Response,
    responses={200: {"content": {"application/atom+xml": {}}}},
)
def atom_feed(
    request: Request,
    db: Db,
    flt: Filters,
    limit: int = Query(50, ge=1, le=MAX_LIMIT, description="Entries in the feed."),
) -> Response:
    base = str(request.base_url).rstrip("/")
    params = [(k, v) for k, v in request.query_params.multi_items()]
    self_url = f"{base}/feed.atom" + (f"?{urlencode(params, quote_via=quote)}" if params else "")
    query = ", ".join(f"{k}={v}" for k, v in params if k != "limit")
    body = build_feed(db.newest(flt, limit), base, self_url, query)
    return Response(body, media_type="application/atom+xml; charset=utf-8")
