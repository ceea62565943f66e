"""One error shape for every failure the HTTP server reports.

A client (or a test) can then handle errors in one place: every API error, whatever raised it
(a missing record, a bad filter, a validation failure in FastAPI, an unknown route, a missing
token, a bug), is a JSON body of this form with the same status code::

    {"error": {"status": 404, "code": "not_found", "message": "no endorsement with id 7",
               "details": []}}

`details` lists per-field problems for a request that failed validation (each with `location`
and `message`); it is an empty list otherwise. Web pages get the same facts as an HTML page.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, Response
from sqlalchemy.exc import SQLAlchemyError
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import EndorsementsError, InputError, StoreError
from .queries import BadQuery, NotFound

log = logging.getLogger("endorsements.serve")

CODES: dict[int, str] = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    422: "invalid_request",
    500: "internal_error",
    503: "unavailable",
}


def error_body(status: int, message: str, details: list[dict[str, str]] | None = None) -> dict:
    return {
        "error": {
            "status": status,
            "code": CODES.get(status, "error"),
            "message": message,
            "details": details or [],
        }
    }


def wants_json(request: Request) -> bool:
    """API routes, the feed and the OpenAPI document answer in JSON; web pages in HTML."""
    path = request.url.path
    return path.startswith("/api/") or path in ("/api", "/feed.atom", "/openapi.json")


def error_response(
    request: Request,
    status: int,
    message: str,
    details: list[dict[str, str]] | None = None,
    headers: dict[str, str] | None = None,
) -> Response:
    if wants_json(request):
        return JSONResponse(error_body(status, message, details), status, headers=headers)
    render = getattr(request.app.state, "render_error", None)
    if render is None:
        return HTMLResponse(f"<h1>{status}</h1>", status, headers=headers)
    return render(request, status, message, details or [], headers)


def _validation_details(exc: RequestValidationError) -> list[dict[str, str]]:
    out = []
    for err in exc.errors():
        where = ".".join(str(p) for p in err.get("loc", ()))
        out.append({"location": where, "message": str(err.get("msg", "invalid value"))})
    return out


def install(app: FastAPI) -> None:
    """Register the handlers that turn every exception into the shape above."""

    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        detail = exc.detail if isinstance(exc.detail, str) else "request failed"
        if exc.status_code == 404 and detail == "Not Found":
            detail = f"nothing at {request.url.path}; see /docs for the API's routes"
        elif exc.status_code == 405 and detail == "Method Not Allowed":
            detail = f"{request.method} is not allowed on {request.url.path}"
        return error_response(request, exc.status_code, detail, headers=exc.headers)

    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        details = _validation_details(exc)
        summary = "; ".join(f"{d['location']}: {d['message']}" for d in details)
        status = 422 if wants_json(request) else 400
        return error_response(request, status, f"invalid request: {summary}", details)

    async def not_found(request: Request, exc: NotFound) -> Response:
        return error_response(request, 404, str(exc))

    async def bad_query(request: Request, exc: BadQuery) -> Response:
        return error_response(request, 400, str(exc))

    async def bad_input(request: Request, exc: InputError) -> Response:
        return error_response(request, 400, str(exc))

    async def store_down(request: Request, exc: StoreError) -> Response:
        log.error("ledger error: %s", exc)
        return error_response(request, 503, f"the ledger is unavailable: {exc}")

    async def driver_error(request: Request, exc: SQLAlchemyError) -> Response:
        log.error("database error on %s: %s", request.url.path, exc)
        reason = str(getattr(exc, "orig", None) or type(exc).__name__).splitlines()[0]
        return error_response(request, 503, f"the ledger is unavailable: {reason}")

    async def ours(request: Request, exc: EndorsementsError) -> Response:
        return error_response(request, 400, str(exc))

    async def crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return error_response(
            request, 500, "internal error; the server log has the details (please report it)"
        )

    handlers: list[tuple[Any, Any]] = [
        (StarletteHTTPException, http_error),
        (RequestValidationError, invalid),
        (NotFound, not_found),
        (BadQuery, bad_query),
        (InputError, bad_input),
        (StoreError, store_down),
        (SQLAlchemyError, driver_error),
        (EndorsementsError, ours),
        (Exception, crash),
    ]
    for exc_type, handler in handlers:
        app.add_exception_handler(exc_type, handler)
