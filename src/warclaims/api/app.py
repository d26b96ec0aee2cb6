"""The FastAPI application: JSON API under /api, HTML pages, static assets, offline docs."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from warclaims import __version__
from warclaims.api import errors
from warclaims.api.deps import DEFAULT_MAX_BODY, DEFAULT_MAX_TEXT, Settings, Stores, token_from_env
from warclaims.api.routes import claims, documents, meta, places
from warclaims.api.routes.corpus import available as corpus_available
from warclaims.api.security import BodyLimit, SecurityHeaders
from warclaims.store import open_store
from warclaims.store.queries import ensure_indexes
from warclaims.web import STATIC_DIR
from warclaims.web import pages as web_pages

DESCRIPTION = """\
Claims extracted from war reports: documents, claims, places, flags.

Reads are open. `POST /api/documents` needs `Authorization: Bearer <token>`, the token being the
server's `WARCLAIMS_TOKEN` (without one, writes are refused). Errors are JSON:
`{"error": {"status": 404, "code": "not_found", "message": "..."}}`.
"""


def create_app(
    db_url: str | None,
    token: str | None = None,
    *,
    max_body_bytes: int = DEFAULT_MAX_BODY,
    max_text_chars: int = DEFAULT_MAX_TEXT,
) -> FastAPI:
    """The web app over the store at `db_url` (a file; see `warclaims.store.open_store`).

    `token` is the write token (default: $WARCLAIMS_TOKEN; none means writes are refused).
    """
    stores = Stores(db_url)
    with open_store(db_url) as store:  # create/migrate once, and add the query indexes
        ensure_indexes(store.connection)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close_all()

    app = FastAPI(
        title="warclaims",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,  # the CDN-based Swagger UI cannot load offline: /docs is ours
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.settings = Settings(db_url, token_from_env(token), max_body_bytes, max_text_chars)
    app.state.stores = stores
    app.state.extra_nav = []
    errors.install(app)
    for router in (documents.router, claims.router, places.router, meta.router):
        app.include_router(router)
    app.include_router(web_pages.router)
    if corpus_available():  # comparison, contradictions, exports, timeline (issue 4's modules)
        from warclaims.api.routes import corpus
        from warclaims.web import corpus_pages

        app.include_router(corpus.router)
        app.include_router(corpus_pages.router)
        app.state.extra_nav = corpus_pages.NAV
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    app.add_middleware(BodyLimit, max_bytes=max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app
