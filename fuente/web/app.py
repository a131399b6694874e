"""The web UI: server-rendered pages over one database, each with a JSON twin.

``create_app(db_path)`` makes the ASGI application (its pages are ``fuente.web.routes``);
``fuente serve`` runs it with uvicorn. Every page at ``/X`` has its data at ``/X.json``,
described by the OpenAPI document at ``/openapi.json`` (and listed on ``/api``). Pages only
read, through read-only connections (``fuente.query.reading``), so browsing never holds up
an ingest writing to the same database, and the server never creates or changes a database.

Requests are bounded: every list comes a page at a time (``page``, ``per_page``; see
``fuente.query.paging``), a search has at most ``MAX_TERMS`` different terms, and a request's
reading stops at the ``query_budget`` setting (503) or when its client goes away.

An article's address is ``/article/ID`` with the id percent-encoded (it may hold ``/``); its
JSON twin is that address with ``.json`` added. When an id itself ends in ``.json``, links
encode that dot (``/article/a%2Ejson``), which always means the page of article ``a.json``;
an address typed as ``/article/a.json`` is the twin of article ``a`` if there is one, else the
page of ``a.json``. A claim across articles is at ``/claim/ID``, ``ID`` being its id without
``claim:``, encoded the same way (``fuente.query.links.claim_path``).

Article text and metadata are untrusted. Templates escape everything they write (Jinja2
autoescape, and ``tojson`` for data embedded in a page); links taken from metadata are kept
only when they are http(s); every response carries a strict Content-Security-Policy that
lets a page run only this package's own script and style. Unknown ids and bad parameters
get a 404 or 400 page (or JSON error, for ``.json`` addresses), never a traceback.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Collection
from contextlib import asynccontextmanager
from pathlib import Path

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from fuente._version import __version__
from fuente.errors import FuenteError
from fuente.query.reading import DatabaseError, Readers, require_current
from fuente.settings import Settings
from fuente.web.guards import (
    SECURITY_HEADERS,
    HeadAsGet,
    HostCheck,
    RequestBudget,
    SecurityHeaders,
)
from fuente.web.responses import (
    bad_parameter,
    database_error,
    environment,
    http_error,
    server_error,
    store_failure,
)
from fuente.web.routes import router

__all__ = ["SECURITY_HEADERS", "create_app"]

STATIC = Path(__file__).resolve().parent / "static"
DESCRIPTION = """Who said what, who did what to whom, when, and on whose word: the records
fuente keeps, read-only. Each HTML page of the web UI has its data here, at the same address
with `.json` added. Offsets (`start`, `end`) index the article's original text. Lists come a
page at a time: `page` (from 1) and `per_page` (50 unless given, 20 for search, at most
200); a list says its `page`, `per_page`, `total` and `pages`, and the addresses of the
`previous` and `next` pages. Errors are `{"error": {"status", "message"}}` with status 400
(bad parameter), 404 (unknown id), 503 (the request took longer than the server's query
budget) or 500 (the database could not be read)."""


def create_app(
    db_path: str | Path,
    *,
    settings: Settings | None = None,
    allowed_hosts: Collection[str] | None = None,
) -> FastAPI:
    """The web UI over the existing database at ``db_path``, which it only reads.

    ``allowed_hosts``: the Host header names it answers to (any port); None answers to any.
    Raises ``StoreError`` when there is no database there or its schema is not this fuente's.
    """
    path = str(db_path)
    require_current(path)
    readers = Readers(path)
    budget = (settings or Settings()).query_budget

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        readers.close()

    app = FastAPI(
        title="fuente",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
        lifespan=lifespan,
    )
    app.state.db_path = path
    app.state.readers = readers
    app.state.query_budget = budget
    templates = Jinja2Templates(env=environment())
    app.state.templates = templates
    app.add_middleware(RequestBudget, seconds=budget)
    app.add_middleware(HeadAsGet)
    if allowed_hosts is not None:
        app.add_middleware(HostCheck, allowed=allowed_hosts)
    app.add_middleware(SecurityHeaders)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, bad_parameter)
    app.add_exception_handler(DatabaseError, database_error)
    app.add_exception_handler(FuenteError, store_failure)
    app.add_exception_handler(Exception, server_error)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    app.include_router(router)
    return app
