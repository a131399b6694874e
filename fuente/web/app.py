"""The web UI: server-rendered pages over one database, each with a JSON twin.

``create_app(db_path)`` makes the ASGI application; ``fuente serve`` runs it with uvicorn.
Every page at ``/X`` has its data at ``/X.json``, described by the OpenAPI document at
``/openapi.json`` (and listed on ``/api``). Pages only read, through read-only connections
(``fuente.web.connections``), so browsing never holds up an ingest writing to the same
database, and the server never creates or changes a database.

Requests are bounded: every list comes a page at a time (``page``, ``per_page``; see
``fuente.web.paging``), a search has at most ``MAX_TERMS`` different terms, and a request's
reading stops at the ``query_budget`` setting (503) or when its client goes away.

An article's address is ``/article/ID`` with the id percent-encoded (it may hold ``/``); its
JSON twin is that address with ``.json`` added. When an id itself ends in ``.json``, links
encode that dot (``/article/a%2Ejson``), which always means the page of article ``a.json``;
an address typed as ``/article/a.json`` is the twin of article ``a`` if there is one, else the
page of ``a.json``.

Article text and metadata are untrusted. Templates escape everything they write (Jinja2
autoescape, and ``tojson`` for data embedded in a page); links taken from metadata are kept
only when they are http(s); every response carries a strict Content-Security-Policy that
lets a page run only this package's own script and style. Unknown ids and bad parameters
get a 404 or 400 page (or JSON error, for ``.json`` addresses), never a traceback.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator, Collection, Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import Depends, FastAPI, HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException

from fuente import __version__
from fuente.errors import FuenteError, StoreError, message
from fuente.migrations import MIGRATIONS, schema_version
from fuente.settings import Settings
from fuente.store import Store, open_reader
from fuente.web import params
from fuente.web.connections import Budget, Readers, Reading
from fuente.web.dossier import dossier
from fuente.web.guards import (
    BUDGET,
    SECURITY_HEADERS,
    HeadAsGet,
    HostCheck,
    RequestBudget,
    SecurityHeaders,
)
from fuente.web.keys import GROUPS
from fuente.web.markup import anchor_of, article_marks, pieces
from fuente.web.paging import PER_PAGE, Window, page_links
from fuente.web.queries import article_view, check_database, read_store, speakers_index
from fuente.web.responses import (
    bad_parameter,
    database_error,
    environment,
    http_error,
    missing,
    server_error,
    store_failure,
    template_context,
)
from fuente.web.search import MAX_TERMS, search, search_terms
from fuente.web.search import PER_PAGE as SEARCH_PER_PAGE
from fuente.web.timeline_view import timeline_view

__all__ = ["SECURITY_HEADERS", "create_app"]

STATIC = Path(__file__).resolve().parent / "static"
DESCRIPTION = """Who said what, who did what to whom, when, and on whose word: the records
fuente keeps, read-only. Each HTML page of the web UI has its data here, at the same address
with `.json` added. Offsets (`start`, `end`) index the article's original text. Lists come a
page at a time: `page` (from 1) and `per_page` (50 unless given, at most 200); a list says
its `page`, `per_page`, `total` and `pages`, and the addresses of the `previous` and `next`
pages. Errors are `{"error": {"status", "message"}}` with status 400 (bad parameter), 404
(unknown id), 503 (the request took longer than the server's query budget) or 500 (the
database could not be read)."""


def _reading(request: Request) -> Iterator[Reading]:
    readers: Readers = request.app.state.readers
    budget = request.scope.get(BUDGET) or Budget(request.app.state.query_budget)
    with readers.reading(budget) as reading:
        yield reading


Reader = Annotated[Reading, Depends(_reading)]


def _with_pages(request: Request, result: dict[str, Any]) -> dict[str, Any]:
    """``result`` with the addresses of the pages before and after it."""
    return result | page_links(quote(request.url.path), request.url.query, result)


def _raw_path(request: Request) -> str:
    raw = request.scope.get("raw_path")
    return raw.decode("latin-1") if raw else request.url.path


def _article(request: Request, store: Store, doc: str) -> dict[str, Any]:
    view = article_view(store, doc)
    if view is None:
        raise missing(request, message("E050", doc=doc))
    return view


def _dossier(
    request: Request, reading: Reading, group: str, name: str, window: Window
) -> dict[str, Any]:
    key = f"{group}/{name}"
    found = None
    if group in GROUPS:
        found = dossier(reading.store, key, window=window, kept=reading.kept)
    if found is None:
        raise missing(request, message("E051", key=key))
    return _with_pages(request, found)


def _search(request: Request, reading: Reading, q: str | None, **choices: Any) -> dict[str, Any]:
    terms = search_terms(q or "")
    if len(terms) > MAX_TERMS:
        raise HTTPException(400, message("E059", count=len(terms), limit=MAX_TERMS))
    window = Window(choices.pop("page"), choices.pop("per_page"))
    found = search(reading.store, q, filters=choices, window=window, kept=reading.kept)
    return _with_pages(request, found)


def _opened(path: str) -> None:
    """Refuse a database that is missing or damaged, or whose schema is not this fuente's
    (``open_reader`` upgrades one made by an older fuente where it can write it)."""
    with open_reader(path) as store:
        found = schema_version(store.db)
    if found < len(MIGRATIONS):
        raise StoreError(message("E056", path=path, found=found, known=len(MIGRATIONS)))


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
    _opened(path)
    readers = Readers(path, opener=read_store, check=check_database)
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
    app.add_exception_handler(sqlite3.Error, database_error)
    app.add_exception_handler(FuenteError, store_failure)
    app.add_exception_handler(Exception, server_error)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def render(request: Request, template: str, **context: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, template, template_context(request, **context))

    _routes(app, render)
    return app


def _routes(app: FastAPI, render: Any) -> None:
    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/search", status_code=302)

    @app.get(
        "/search.json", tags=["pages"], summary="Full-text search with facets", response_model=None
    )
    def search_json(
        request: Request,
        reading: Reader,
        q: params.Words = None,
        outlet: params.Outlet = None,
        speaker: params.SpeakerGroup = None,
        language: params.Language = None,
        date: params.DateFilter = None,
        page: params.Page = 1,
        per_page: params.SearchPerPage = SEARCH_PER_PAGE,
    ) -> Response:
        """Passages of article text and attributions matching `q`, best first (ties by id),
        a page at a time, with facet counts (outlet, speaker, language, date); without `q`,
        every article, latest first."""
        choices = {"outlet": outlet, "speaker": speaker, "language": language, "date": date}
        return JSONResponse(_search(request, reading, q, page=page, per_page=per_page, **choices))

    @app.get("/search", include_in_schema=False, response_class=HTMLResponse)
    def search_page(
        request: Request,
        reading: Reader,
        q: params.Words = None,
        outlet: params.Outlet = None,
        speaker: params.SpeakerGroup = None,
        language: params.Language = None,
        date: params.DateFilter = None,
        page: params.Page = 1,
        per_page: params.SearchPerPage = SEARCH_PER_PAGE,
    ) -> HTMLResponse:
        choices = {"outlet": outlet, "speaker": speaker, "language": language, "date": date}
        results = _search(request, reading, q, page=page, per_page=per_page, **choices)
        return render(request, "search.html", results=results, nav="search")

    def article_page(request: Request, doc: str, store: Store) -> HTMLResponse:
        view = _article(request, store, doc)
        hover = {
            anchor_of(row["id"]): {
                "kind": row["kind"],
                "speaker": row["speaker"]["name"] if row["speaker"] else None,
                "speaker_kind": row["speaker"]["kind"] if row["speaker"] else None,
                "description": row["speaker"]["description"] if row["speaker"] else None,
                "url": row["speaker"]["url"] if row["speaker"] else None,
            }
            for row in view["attributions"]
        }
        return render(
            request,
            "article.html",
            view=view,
            hover=hover,
            pieces=pieces(view["text"], article_marks(view)),
        )

    @app.get(
        "/article/{doc:path}.json",
        tags=["pages"],
        summary="One article and its records",
        response_model=None,
    )
    def article_json(request: Request, doc: str, reading: Reader) -> Response:
        """The article's metadata and original text, its excluded ranges, attributions (with
        their speakers' dossier keys), entities, time expressions, events (null when not
        extracted) and sourcing profile. An id may hold `/`; percent-encode it."""
        store = reading.store
        if _raw_path(request).lower().endswith("%2ejson"):
            return article_page(request, f"{doc}.json", store)  # an id ending in .json
        view = article_view(store, doc)
        if view is None and store.document(f"{doc}.json") is not None:
            return article_page(request, f"{doc}.json", store)
        if view is None:
            raise missing(request, message("E050", doc=doc))
        return JSONResponse(view)

    @app.get("/article/{doc:path}", include_in_schema=False, response_class=HTMLResponse)
    def article(request: Request, doc: str, reading: Reader) -> HTMLResponse:
        return article_page(request, doc, reading.store)

    @app.get(
        "/speakers.json", tags=["pages"], summary="Every speaker and actor", response_model=None
    )
    def speakers_json(
        request: Request,
        reading: Reader,
        group: params.SpeakersGroup = None,
        page: params.Page = 1,
        per_page: params.PerPage = PER_PAGE,
    ) -> Response:
        """Dossiers there are, a page at a time, most statements first (ties by name and
        key): named speakers and actors, and unnamed sources (or only the `group` given),
        with how many statements, mentions and documents each has."""
        index = speakers_index(
            reading.store, group=group or None, window=Window(page, per_page), kept=reading.kept
        )
        return JSONResponse(_with_pages(request, index))

    @app.get("/speakers", include_in_schema=False, response_class=HTMLResponse)
    def speakers_page(
        request: Request,
        reading: Reader,
        group: params.SpeakersGroup = None,
        page: params.Page = 1,
        per_page: params.PerPage = PER_PAGE,
    ) -> HTMLResponse:
        index = speakers_index(
            reading.store, group=group or None, window=Window(page, per_page), kept=reading.kept
        )
        return render(request, "speakers.html", index=_with_pages(request, index), nav="speakers")

    @app.get(
        "/speaker/{group}/{name}.json",
        tags=["pages"],
        summary="A speaker's dossier",
        response_model=None,
    )
    def speaker_json(
        request: Request,
        group: str,
        name: str,
        reading: Reader,
        page: params.Page = 1,
        per_page: params.PerPage = PER_PAGE,
    ) -> Response:
        """Who this is (kinds, descriptions, affiliations, aliases), and a page of what they
        said, what others said about them and the events they took part in, in date order
        (then document and place in it), each with its sentence and a link to it. `group`
        is named, unnamed or author."""
        return JSONResponse(_dossier(request, reading, group, name, Window(page, per_page)))

    @app.get("/speaker/{group}/{name}", include_in_schema=False, response_class=HTMLResponse)
    def speaker_page(
        request: Request,
        group: str,
        name: str,
        reading: Reader,
        page: params.Page = 1,
        per_page: params.PerPage = PER_PAGE,
    ) -> HTMLResponse:
        found = _dossier(request, reading, group, name, Window(page, per_page))
        return render(request, "speaker.html", dossier=found, nav="speakers")

    @app.get(
        "/timeline.json", tags=["pages"], summary="Dated statements and events", response_model=None
    )
    def timeline_json(
        request: Request,
        reading: Reader,
        actor: params.Actor = None,
        category: params.Category = None,
        page: params.Page = 1,
        per_page: params.PerPage = PER_PAGE,
    ) -> Response:
        """Statements (dated by their sentence, else their document) and events in date
        order (then document and id), a page at a time, with the categories and actors to
        narrow them by, and how many there are on each day, month or year of a time axis."""
        view = timeline_view(
            reading.store,
            actor=actor or None,
            category=category or None,
            window=Window(page, per_page),
            kept=reading.kept,
        )
        return JSONResponse(_with_pages(request, view))

    @app.get("/timeline", include_in_schema=False, response_class=HTMLResponse)
    def timeline_page(
        request: Request,
        reading: Reader,
        actor: params.Actor = None,
        category: params.Category = None,
        page: params.Page = 1,
        per_page: params.PerPage = PER_PAGE,
    ) -> HTMLResponse:
        view = timeline_view(
            reading.store,
            actor=actor or None,
            category=category or None,
            window=Window(page, per_page),
            kept=reading.kept,
        )
        return render(request, "timeline.html", view=_with_pages(request, view), nav="timeline")

    @app.get("/api", include_in_schema=False, response_class=HTMLResponse)
    def api_page(request: Request) -> HTMLResponse:
        return render(request, "api.html", spec=app.openapi(), nav="api", json_url="/openapi.json")
