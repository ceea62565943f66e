"""Server-rendered web pages: readable without JavaScript, which only draws the race chart and
the network graph (from the vendored Chart.js and Cytoscape.js, never a CDN).

Templates are rendered with autoescaping on, and data handed to scripts goes through Jinja's
`tojson`, which escapes `<`, `>` and `&`: every name and quote comes from an article and may
hold markup.
"""

from __future__ import annotations

from importlib import resources
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from jinja2 import Environment, FileSystemLoader, select_autoescape

from ..security import tokens_match
from .api import Db, Filters, RowId
from .queries import EndorsementFilter, NotFound

router = APIRouter(include_in_schema=False)

TEMPLATES = resources.files("endorsements.serve").joinpath("templates")

env = Environment(
    loader=FileSystemLoader(str(TEMPLATES)),
    autoescape=select_autoescape(default=True, default_for_string=True),
    trim_blocks=True,
    lstrip_blocks=True,
)
env.filters["urlpart"] = lambda s: quote(str(s), safe="")
env.filters["urlpath"] = lambda s: quote(str(s), safe="/")

STANCE_WORDS = {"support": "supports", "oppose": "opposes", "withdraw": "withdrew from"}
env.globals["stance_words"] = STANCE_WORDS


def render(request: Request, name: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = env.get_template(name).render(request=request, **context)
    return HTMLResponse(html, status)


def render_error(
    request: Request,
    status: int,
    message: str,
    details: list[dict[str, str]],
    headers: dict[str, str] | None,
) -> Response:
    html = env.get_template("error.html").render(
        request=request, status=status, message=message, details=details
    )
    return HTMLResponse(html, status, headers=headers)


@router.get("/", response_class=HTMLResponse)
def home(request: Request, db: Db) -> HTMLResponse:
    recent = db.list_endorsements(EndorsementFilter(), sort="-id", limit=20)["items"]
    return render(request, "home.html", races=db.races(), recent=recent, counts=db.counts())


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, db: Db, q: Annotated[str, Query(max_length=200)] = "") -> HTMLResponse:
    return render(request, "search.html", q=q, result=db.search(q))


@router.get("/races/{name:path}", response_class=HTMLResponse)
def race(request: Request, db: Db, name: str) -> HTMLResponse:
    return render(request, "race.html", race=db.race(name))


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity(request: Request, db: Db, entity_id: RowId) -> HTMLResponse:
    return render(request, "entity.html", entity=db.entity(entity_id))


@router.get("/endorsements/{endorsement_id}", response_class=HTMLResponse)
def endorsement(request: Request, db: Db, endorsement_id: RowId) -> HTMLResponse:
    item = db.endorsement(endorsement_id)
    return render(request, "endorsement.html", e=item, history=db.history(endorsement_id))


@router.get("/documents/{doc_id:path}", response_class=HTMLResponse)
def document(request: Request, db: Db, doc_id: str) -> HTMLResponse:
    doc = db.document(doc_id)
    return render(request, "document.html", doc=doc, pieces=marked_pieces(doc))


def marked_pieces(doc: dict[str, Any]) -> list[tuple[str, dict[str, Any] | None]]:
    """The text cut into (text, evidence or None) pieces, so the template can wrap each
    evidence span in <mark> while autoescaping every piece. Overlapping spans keep the first."""
    text, at = doc["text"], 0
    pieces: list[tuple[str, dict[str, Any] | None]] = []
    for ev in sorted(doc["evidence"], key=lambda ev: (ev["start"], ev["end"])):
        if ev["start"] < at:
            continue
        pieces.append((text[at : ev["start"]], None))
        pieces.append((text[ev["start"] : ev["end"]], ev))
        at = ev["end"]
    pieces.append((text[at:], None))
    return pieces


@router.get("/graph", response_class=HTMLResponse)
def graph(request: Request, db: Db, flt: Filters) -> HTMLResponse:
    shown = {k: v for k, v in request.query_params.items() if v}
    return render(request, "graph.html", graph=db.graph(flt), shown=shown)


@router.get("/review", response_class=HTMLResponse)
def review_queue(
    request: Request, db: Db, done: Annotated[str | None, Query(max_length=200)] = None
) -> HTMLResponse:
    return render(
        request,
        "review.html",
        queue=db.review_queue(),
        done=done,
        writable=bool(request.app.state.token),
    )


@router.post("/review/{endorsement_id}", response_class=HTMLResponse)
def review(
    request: Request,
    db: Db,
    endorsement_id: RowId,
    action: Annotated[str, Form(pattern="^(verify|reject)$")],
    token: Annotated[str, Form(max_length=500)] = "",
) -> Response:
    """The no-JavaScript review form: the token travels in the form, then back to the queue."""
    expected: str = request.app.state.token
    if not expected:
        return render_error(
            request, 403, "this server is read-only: start it with --token", [], None
        )
    if not tokens_match(token, expected):
        return render_error(request, 403, "wrong token: nothing was changed", [], None)
    state = "verified" if action == "verify" else "rejected"
    try:
        db.set_review(endorsement_id, state)
    except NotFound as exc:
        return render_error(request, 404, str(exc), [], None)
    return RedirectResponse(f"/review?done={state}+{endorsement_id}", status_code=303)
