"""The JSON API under /api/: reads need nothing, writes need the server's token.

Every route reads and writes through `Queries` (the ledger) or `pipeline` (ingest), so this
module only parses requests and shapes responses. Errors are raised as the library's
exceptions and rendered by `error_shape`.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import Annotated, Any
from urllib.parse import urlsplit

from fastapi import APIRouter, Depends, Query, Request
from fastapi import Path as PathParam
from fastapi.exceptions import HTTPException
from pydantic import BaseModel, Field, model_validator

from .. import pipeline
from ..errors import InputError
from ..models import Document, text_id
from ..security import tokens_match
from .queries import MAX_LIMIT, EndorsementFilter, Queries

router = APIRouter(prefix="/api", tags=["ledger"])


class StanceName(StrEnum):
    support = "support"
    oppose = "oppose"
    withdraw = "withdraw"


class ReviewState(StrEnum):
    unreviewed = "unreviewed"
    verified = "verified"
    rejected = "rejected"


def queries(request: Request) -> Queries:
    return request.app.state.queries


def endorsement_filter(
    endorser: Annotated[
        str | None,
        Query(max_length=200, description="Endorser name or alias (substring)."),
    ] = None,
    endorsee: Annotated[
        str | None,
        Query(max_length=200, description="Endorsee name or alias (substring)."),
    ] = None,
    race: Annotated[
        str | None, Query(max_length=500, description="Race, exactly as /api/races names it.")
    ] = None,
    stance: Annotated[StanceName | None, Query()] = None,
    category: Annotated[
        str | None,
        Query(max_length=50, description="Endorser category: politician, union, media, ..."),
    ] = None,
    review: Annotated[ReviewState | None, Query(description="Review state.")] = None,
    since: Annotated[date | None, Query(description="First seen on or after (YYYY-MM-DD).")] = None,
    until: Annotated[
        date | None, Query(description="First seen on or before (YYYY-MM-DD).")
    ] = None,
) -> EndorsementFilter:
    """The filters shared by /api/endorsements, /api/graph, the pages and /feed.atom."""
    return EndorsementFilter(
        endorser=endorser,
        endorsee=endorsee,
        race=race,
        stance=stance.value if stance else None,
        category=category,
        review=review.value if review else None,
        since=since,
        until=until,
    )


Filters = Annotated[EndorsementFilter, Depends(endorsement_filter)]
Db = Annotated[Queries, Depends(queries)]
Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Items per page.")]
#: Row ids are PostgreSQL `integer`s: a larger number cannot name a row, and handed to the
#: database it would be an overflow error (a 500) instead of the caller's mistake (a 422).
MAX_ROW_ID = 2**31 - 1
RowId = Annotated[int, PathParam(ge=1, le=MAX_ROW_ID)]


def require_token(request: Request) -> None:
    """Writes need `Authorization: Bearer TOKEN` matching the server's token."""
    expected: str = request.app.state.token
    if not expected:
        raise HTTPException(
            403,
            "this server is read-only: start it with --token or ENDORSEMENTS_TOKEN to allow writes",
        )
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not given:
        raise HTTPException(
            401,
            "this request changes the ledger: send the header 'Authorization: Bearer TOKEN'",
            headers={"WWW-Authenticate": "Bearer"},
        )
    # Constant time, and the token is never echoed or logged: only "wrong token".
    if not tokens_match(given.strip(), expected):
        raise HTTPException(403, "wrong token")


Writer = Depends(require_token)


@router.get("/endorsements", summary="Endorsements, filtered, sorted and paged")
def list_endorsements(
    db: Db,
    flt: Filters,
    sort: Annotated[
        str,
        Query(description="id, first_seen, last_seen, confidence or n_evidence; -key descends."),
    ] = "id",
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
    limit: Limit = 50,
) -> dict[str, Any]:
    return db.list_endorsements(flt, sort=sort, cursor=cursor, limit=limit)


@router.get("/endorsements/{endorsement_id}", summary="One endorsement with its evidence")
def get_endorsement(db: Db, endorsement_id: RowId) -> dict[str, Any]:
    return db.endorsement(endorsement_id)


@router.get("/endorsements/{endorsement_id}/evidence", summary="An endorsement's evidence")
def endorsement_evidence(db: Db, endorsement_id: RowId) -> list[dict[str, Any]]:
    return db.endorsement(endorsement_id)["evidence"]


@router.get("/endorsements/{endorsement_id}/history", summary="An endorsement's history")
def endorsement_history(db: Db, endorsement_id: RowId) -> list[dict[str, Any]]:
    return db.history(endorsement_id)


class ReviewNote(BaseModel):
    note: str | None = Field(default=None, max_length=2000)


@router.post(
    "/endorsements/{endorsement_id}/verify",
    summary="Mark an endorsement verified (needs the token)",
    dependencies=[Writer],
)
def verify(db: Db, endorsement_id: RowId, body: ReviewNote | None = None) -> dict[str, Any]:
    return db.set_review(endorsement_id, "verified", body.note if body else None)


@router.post(
    "/endorsements/{endorsement_id}/reject",
    summary="Mark an endorsement rejected (needs the token)",
    dependencies=[Writer],
)
def reject(db: Db, endorsement_id: RowId, body: ReviewNote | None = None) -> dict[str, Any]:
    return db.set_review(endorsement_id, "rejected", body.note if body else None)


@router.get("/entities", summary="People and organizations, by name or alias")
def list_entities(
    db: Db,
    q: Annotated[
        str | None, Query(max_length=200, description="Name or alias (substring).")
    ] = None,
    limit: Limit = 50,
) -> list[dict[str, Any]]:
    return db.entities(q, limit)


@router.get("/entities/{entity_id}", summary="An entity, its aliases, endorsements and history")
def get_entity(db: Db, entity_id: RowId) -> dict[str, Any]:
    return db.entity(entity_id)


@router.get("/entities/{entity_id}/history", summary="An entity's endorsements over time")
def entity_history(db: Db, entity_id: RowId) -> list[dict[str, Any]]:
    return db.entity(entity_id)["history"]


@router.get("/races", summary="Races named by endorsements")
def list_races(
    db: Db,
    q: Annotated[str | None, Query(max_length=200, description="Part of the race's name.")] = None,
) -> list[dict[str, Any]]:
    return db.races(q)


@router.get("/races/{name:path}", summary="A race: candidates, endorsers by category, timeline")
def get_race(db: Db, name: str) -> dict[str, Any]:
    return db.race(name)


@router.get("/documents", summary="Stored documents, newest first, without their text")
def list_documents(
    db: Db,
    cursor: Annotated[str | None, Query(description="next_cursor of the previous page.")] = None,
    limit: Limit = 50,
) -> dict[str, Any]:
    return db.documents(cursor=cursor, limit=limit)


@router.get("/documents/{doc_id:path}", summary="A document's text and its evidence spans")
def get_document(db: Db, doc_id: str) -> dict[str, Any]:
    return db.document(doc_id)


@router.get("/evidence/{evidence_id}", summary="One evidence quote in its context")
def get_evidence(db: Db, evidence_id: RowId) -> dict[str, Any]:
    return db.evidence(evidence_id)


@router.get("/search", summary="The search box: entities and races")
def search(db: Db, q: Annotated[str, Query(max_length=200)] = "") -> dict[str, Any]:
    return db.search(q)


@router.get("/graph", summary="Endorsers and endorsees as a network")
def graph(db: Db, flt: Filters, limit: Limit = 400) -> dict[str, Any]:
    return db.graph(flt, limit)


class NewDocument(BaseModel):
    """Either `text` (with optional metadata) or `url`, never both."""

    text: str | None = Field(default=None, min_length=1, max_length=2_000_000)
    url: str | None = Field(default=None, max_length=4000)
    id: str | None = Field(default=None, max_length=500)
    title: str | None = Field(default=None, max_length=2000)
    source: str | None = Field(default=None, max_length=4000)
    published: date | None = None

    @model_validator(mode="after")
    def one_of_text_or_url(self) -> NewDocument:
        if (self.text is None) == (self.url is None):
            raise ValueError("give exactly one of 'text' or 'url'")
        if self.url is not None and urlsplit(self.url).scheme not in ("http", "https"):
            raise ValueError("'url' must be an http:// or https:// address")
        return self


@router.post(
    "/documents",
    status_code=201,
    summary="Ingest a text or a URL (needs the token)",
    dependencies=[Writer],
)
def ingest_document(request: Request, db: Db, body: NewDocument) -> dict[str, Any]:
    """Read, extract and store one document; the response lists the endorsements it added."""
    app = request.app
    before = db.max_endorsement_id()
    if body.url is not None:
        report = pipeline.ingest([body.url], app.state.ledger, app.state.settings)
    else:
        assert body.text is not None  # the validator guarantees one of the two
        doc = Document(
            id=body.id or text_id(body.text),
            text=body.text,
            source=body.source,
            published=body.published,
            title=body.title,
            origin="request body",
        )
        report = pipeline.ingest_documents([doc], app.state.ledger, app.state.settings)
    if report.errors and not (report.stored or report.already_stored):
        first = report.errors[0]
        raise first if isinstance(first, InputError) else InputError("request", str(first))
    return {
        "read": report.read,
        "stored": report.stored,
        "already_stored": report.already_stored,
        "errors": [str(e) for e in report.errors],
        "new_endorsements": db.endorsements_after(before),
    }
