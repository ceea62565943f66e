"""The web application: the JSON API, the pages, the Atom feed and the offline API docs.

`create_app` takes an open, migrated `Ledger` so that the CLI, the tests and any other host
decide where the ledger lives and when it closes; the app never opens a database by itself.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources

import swagger_ui_bundle
from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles

from ..settings import Settings, __version__
from ..store import Ledger
from ..store.engine import open_engine
from . import api, error_shape, feed, web
from .queries import Queries

STATIC = resources.files("endorsements.serve").joinpath("static")


@asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    yield
    app.state.queries.engine.dispose()


def create_app(ledger: Ledger, settings: Settings) -> FastAPI:
    app = FastAPI(
        title="Endorsements",
        version=__version__,
        description=(
            "Who publicly backs or opposes whom, with the evidence. Reads need no token; "
            "POST routes need `Authorization: Bearer TOKEN` (the server's --token). "
            "Every error has the body "
            '`{"error": {"status", "code", "message", "details"}}`.'
        ),
        # The stock docs page loads Swagger UI from a CDN; ours (below) serves it locally.
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.ledger = ledger
    app.state.settings = settings
    app.state.token = settings.token
    # The ledger's engine is private to the store; reads get an engine of their own.
    app.state.queries = Queries(ledger, open_engine(ledger.url))
    app.state.render_error = web.render_error
    error_shape.install(app)
    app.include_router(api.router)
    app.include_router(feed.router)
    app.include_router(web.router)
    app.mount("/static/swagger", StaticFiles(directory=swagger_ui_bundle.swagger_ui_path))
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/openapi.json",
            title="Endorsements API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/static/swagger/favicon-32x32.png",
            # The validator badge would fetch an image from the validator's public site.
            swagger_ui_parameters={"validatorUrl": None},
        )

    return app
