"""The web UI: server-rendered pages over one database, each with a JSON twin.

``create_app(db_path)`` makes the ASGI application; ``fuente serve`` runs it with uvicorn.
Every page at ``/X`` has its data at ``/X.json``, described by the OpenAPI document at
``/openapi.json`` (and listed on ``/api``). Pages only read: each request opens its own read
connection, so browsing never holds up an ingest writing to the same database.

Article text and metadata are untrusted. Templates escape everything they write (Jinja2
autoescape, and ``tojson`` for data embedded in a page); links taken from metadata are kept
only when they are http(s); every response carries a strict Content-Security-Policy that
lets a page run only this package's own script and style. Unknown ids and bad parameters
get a 404 or 400 page (or JSON error, for ``.json`` addresses), never a traceback.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader
from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fuente import __version__
from fuente.errors import message
from fuente.store import Store, open_store
from fuente.web.dossier import dossier
from fuente.web.keys import GROUPS
from fuente.web.markup import anchor_of, article_marks, pieces
from fuente.web.queries import article_view, read_store, speakers_index
from fuente.web.search import search
from fuente.web.timeline_view import timeline_view

__all__ = ["SECURITY_HEADERS", "create_app"]

STATIC = Path(__file__).resolve().parent / "static"
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
DATE_PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # empty: no choice
KEY_PATTERN = rf"^(({'|'.join(GROUPS)})/[\w-]+)?$"
DESCRIPTION = """Who said what, who did what to whom, when, and on whose word: the records
fuente keeps, read-only. Each HTML page of the web UI has its data here, at the same address
with `.json` added. Offsets (`start`, `end`) index the article's original text. Errors are
`{"error": {"status", "message"}}` with status 400 (bad parameter) or 404 (unknown id)."""


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(event: Message) -> None:
            if event["type"] == "http.response.start":
                headers = MutableHeaders(scope=event)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(event)

        await self.app(scope, receive, send_secured)


def safe_href(url: str | None) -> str | None:
    """``url`` if it is an http(s) address, else None: a ``javascript:`` link is no link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


def search_url(query: str, filters: dict[str, str], **changes: str | None) -> str:
    """The search page's address for this query and filters, with ``changes`` applied."""
    params = {"q": query, **filters, **changes}
    kept = {name: value for name, value in params.items() if value}
    return "/search" + (f"?{urlencode(kept)}" if kept else "")


def _environment() -> Environment:
    env = Environment(loader=PackageLoader("fuente.web", "templates"), autoescape=True)
    env.filters["urlpart"] = lambda value: quote(str(value), safe="")
    env.filters["anchor"] = anchor_of
    env.globals["safe_href"] = safe_href
    env.globals["search_url"] = search_url
    env.globals["version"] = __version__
    return env


def _wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json")


def _error(request: Request, status: int, text: str) -> Response:
    if _wants_json(request):
        response: Response = JSONResponse(
            {"error": {"status": status, "message": text}}, status_code=status
        )
    else:
        templates: Jinja2Templates = request.app.state.templates
        response = templates.TemplateResponse(
            request, "error.html", {"status": status, "text": text}, status_code=status
        )
    response.headers.update(SECURITY_HEADERS)
    return response


async def _http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    text = str(error.detail)
    if error.status_code == 404 and text == "Not Found":
        text = message("E053", path=request.url.path)
    elif error.status_code == 405:
        text = message("E054", method=request.method)
    return _error(request, error.status_code, text)


async def _bad_parameter(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    problems = [
        message("E052", name=str(problem["loc"][-1]), reason=problem["msg"])
        for problem in error.errors()
    ]
    return _error(request, 400, "; ".join(problems))


async def _server_error(request: Request, error: Exception) -> Response:
    return _error(request, 500, message("E055"))


def _store(request: Request) -> Iterator[Store]:
    store = read_store(request.app.state.db_path)
    try:
        yield store
    finally:
        store.close()


Reader = Annotated[Store, Depends(_store)]
Page = Annotated[int, Query(ge=1, le=10_000, description="Page of results, from 1.")]
Words = Annotated[
    str | None, Query(max_length=500, description='Words and "quoted phrases"; all must match.')
]
Outlet = Annotated[str | None, Query(max_length=200, description="Only this outlet.")]
SpeakerGroup = Annotated[
    str | None,
    Query(
        pattern=r"^(named|unnamed|author)?$",
        description="Only attributions whose speaker is named, unnamed or the author.",
    ),
]
Language = Annotated[str | None, Query(max_length=20, description="Only this language code.")]
DateFilter = Annotated[
    str | None,
    Query(
        pattern=DATE_PATTERN,
        description="Only documents published in this year, month or "
        "day: 2025, 2025-03, 2025-03-08.",
    ),
]
Actor = Annotated[
    str | None,
    Query(
        pattern=KEY_PATTERN,
        description="Only this actor: a dossier key such as "
        "named/tomas-varga or unnamed/one-of-the-diplomats.",
    ),
]
Category = Annotated[
    str | None, Query(max_length=100, description="Only this category: statement, or an event's.")
]


def _article(store: Store, doc: str) -> dict[str, Any]:
    view = article_view(store, doc)
    if view is None:
        raise HTTPException(404, message("E050", doc=doc))
    return view


def _dossier(store: Store, group: str, name: str) -> dict[str, Any]:
    key = f"{group}/{name}"
    found = dossier(store, key) if group in GROUPS else None
    if found is None:
        raise HTTPException(404, message("E051", key=key))
    return found


def _search(
    store: Store,
    q: str | None,
    outlet: str | None,
    speaker: str | None,
    language: str | None,
    date: str | None,
    page: int,
) -> dict[str, Any]:
    filters = {"outlet": outlet, "speaker": speaker, "language": language, "date": date}
    return search(store, q, filters=filters, page=page)


def create_app(db_path: str | Path) -> FastAPI:
    """The web UI over the database at ``db_path``, which is migrated first if need be."""
    with open_store(db_path):
        pass
    app = FastAPI(
        title="fuente",
        version=__version__,
        description=DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/openapi.json",
    )
    app.state.db_path = str(db_path)
    templates = Jinja2Templates(env=_environment())
    app.state.templates = templates
    app.add_middleware(SecurityHeaders)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _bad_parameter)
    app.add_exception_handler(Exception, _server_error)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    def render(request: Request, template: str, **context: Any) -> HTMLResponse:
        context.setdefault(
            "json_url",
            request.url.path + ".json" + (f"?{request.url.query}" if request.url.query else ""),
        )
        return templates.TemplateResponse(request, template, context)

    @app.get("/", include_in_schema=False)
    def home() -> RedirectResponse:
        return RedirectResponse("/search", status_code=302)

    @app.get("/search.json", tags=["pages"], summary="Full-text search with facets")
    def search_json(
        store: Reader,
        q: Words = None,
        outlet: Outlet = None,
        speaker: SpeakerGroup = None,
        language: Language = None,
        date: DateFilter = None,
        page: Page = 1,
    ) -> dict[str, Any]:
        """Passages of article text and attributions matching `q`, best first, with facet
        counts (outlet, speaker, language, date); without `q`, every article, latest first."""
        return _search(store, q, outlet, speaker, language, date, page)

    @app.get("/search", include_in_schema=False, response_class=HTMLResponse)
    def search_page(
        request: Request,
        store: Reader,
        q: Words = None,
        outlet: Outlet = None,
        speaker: SpeakerGroup = None,
        language: Language = None,
        date: DateFilter = None,
        page: Page = 1,
    ) -> HTMLResponse:
        results = _search(store, q, outlet, speaker, language, date, page)
        return render(request, "search.html", results=results, nav="search")

    @app.get("/article/{doc}.json", tags=["pages"], summary="One article and its records")
    def article_json(doc: str, store: Reader) -> dict[str, Any]:
        """The article's metadata and original text, its excluded ranges, attributions (with
        their speakers' dossier keys), entities, time expressions, events (null when not
        extracted) and sourcing profile."""
        return _article(store, doc)

    @app.get("/article/{doc}", include_in_schema=False, response_class=HTMLResponse)
    def article_page(request: Request, doc: str, store: Reader) -> HTMLResponse:
        view = _article(store, doc)
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

    @app.get("/speakers.json", tags=["pages"], summary="Every speaker and actor")
    def speakers_json(store: Reader) -> dict[str, Any]:
        """Dossiers there are: named speakers and actors, and unnamed sources, with how many
        statements, mentions and documents each has."""
        return speakers_index(store)

    @app.get("/speakers", include_in_schema=False, response_class=HTMLResponse)
    def speakers_page(request: Request, store: Reader) -> HTMLResponse:
        return render(request, "speakers.html", index=speakers_index(store), nav="speakers")

    @app.get("/speaker/{group}/{name}.json", tags=["pages"], summary="A speaker's dossier")
    def speaker_json(group: str, name: str, store: Reader) -> dict[str, Any]:
        """Who this is (kinds, descriptions, affiliations, aliases), what they said, what
        others said about them and the events they took part in, in date order, each with
        its sentence and a link to it. `group` is named, unnamed or author."""
        return _dossier(store, group, name)

    @app.get("/speaker/{group}/{name}", include_in_schema=False, response_class=HTMLResponse)
    def speaker_page(request: Request, group: str, name: str, store: Reader) -> HTMLResponse:
        found = _dossier(store, group, name)
        return render(request, "speaker.html", dossier=found, nav="speakers")

    @app.get("/timeline.json", tags=["pages"], summary="Dated statements and events")
    def timeline_json(
        store: Reader, actor: Actor = None, category: Category = None
    ) -> dict[str, Any]:
        """Statements (dated by their sentence, else their document) and events in date
        order, with the categories and actors to narrow them by, and their places on a time
        axis."""
        return timeline_view(store, actor=actor or None, category=category or None)

    @app.get("/timeline", include_in_schema=False, response_class=HTMLResponse)
    def timeline_page(
        request: Request, store: Reader, actor: Actor = None, category: Category = None
    ) -> HTMLResponse:
        view = timeline_view(store, actor=actor or None, category=category or None)
        return render(request, "timeline.html", view=view, nav="timeline")

    @app.get("/api", include_in_schema=False, response_class=HTMLResponse)
    def api_page(request: Request) -> HTMLResponse:
        return render(request, "api.html", spec=app.openapi(), nav="api", json_url="/openapi.json")

    return app
