"""How the web UI writes its pages and its errors.

Templates are Jinja2 with autoescape. An error is the error page, or ``{"error": {"status",
"message"}}`` for a ``.json`` address: 400 for a bad parameter, 404 for an unknown id (said
only of a database that passes its check, else 500), 503 for a request stopped at its time
budget, and 500, with one line in the ``fuente.web`` log, when the database cannot be read.
"""

from __future__ import annotations

import logging
from typing import Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import HTTPException, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.templating import Jinja2Templates
from jinja2 import Environment, PackageLoader
from starlette.exceptions import HTTPException as StarletteHTTPException

from fuente._version import __version__
from fuente.errors import message
from fuente.query.links import anchor_of
from fuente.query.reading import EXPIRED, Budget, Readers
from fuente.web.guards import BUDGET, SECURITY_HEADERS

__all__ = [
    "LOG",
    "bad_parameter",
    "database_error",
    "environment",
    "error_response",
    "http_error",
    "language_name",
    "missing",
    "safe_href",
    "search_url",
    "server_error",
    "store_failure",
]

LOG = logging.getLogger("fuente.web")


def safe_href(url: str | None) -> str | None:
    """``url`` if it is an http(s) address, else None: a ``javascript:`` link is no link."""
    if not url:
        return None
    try:
        scheme = urlsplit(url.strip()).scheme.lower()
    except ValueError:
        return None
    return url.strip() if scheme in ("http", "https") else None


# The names the UI gives the languages fuente reads (its own words stay English); any other
# code is shown as it is stored.
LANGUAGE_NAMES = {"en": "English", "es": "Spanish"}


def language_name(code: str | None) -> str:
    """A language's name in the UI: "Spanish" for ``es``, the code itself for a language
    without a name here, "language unknown" for none (stored before detection, or too
    short to tell)."""
    if not code or code == "(unknown)":
        return "language unknown"
    return LANGUAGE_NAMES.get(code, code)


def search_url(query: str, filters: dict[str, str], **changes: str | None) -> str:
    """The search page's address for this query and filters, with ``changes`` applied."""
    params = {"q": query, **filters, **changes}
    kept = {name: value for name, value in params.items() if value}
    return "/search" + (f"?{urlencode(kept)}" if kept else "")


def environment() -> Environment:
    env = Environment(loader=PackageLoader("fuente.web", "templates"), autoescape=True)
    env.filters["urlpart"] = lambda value: quote(str(value), safe="")
    env.filters["anchor"] = anchor_of
    env.globals["safe_href"] = safe_href
    env.globals["search_url"] = search_url
    env.globals["language_name"] = language_name
    env.globals["version"] = __version__
    return env


def _wants_json(request: Request) -> bool:
    return request.url.path.endswith(".json")


def error_response(request: Request, status: int, text: str) -> Response:
    """The error page (or JSON error) with this status and message."""
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


def missing(request: Request, text: str) -> HTTPException:
    """A 404 saying ``text``, when the database is sound; else a 500 (and a log line), since
    a damaged database may have lost what was asked for."""
    readers: Readers = request.app.state.readers
    if readers.sound():
        return HTTPException(404, text)
    LOG.error("the database %s fails its quick_check; %s: 500", readers.path, request.url.path)
    return HTTPException(500, message("E071", reason="it fails SQLite's quick_check"))


async def http_error(request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    text = str(error.detail)
    if error.status_code == 404 and text == "Not Found":
        text = message("E053", path=request.url.path)
    elif error.status_code == 405:
        text = message("E054", method=request.method)
    return error_response(request, error.status_code, text)


async def bad_parameter(request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    problems = [
        message("E052", name=str(problem["loc"][-1]), reason=problem["msg"])
        for problem in error.errors()
    ]
    return error_response(request, 400, "; ".join(problems))


async def database_error(request: Request, error: Exception) -> Response:
    """A query stopped at its budget is a 503; any other database error a 500 and a log line."""
    budget: Budget | None = request.scope.get(BUDGET)
    if budget is not None and budget.stopped is not None:
        seconds = budget.seconds
        if budget.stopped == EXPIRED:
            LOG.warning("%s stopped after %g s", request.url.path, seconds)
        code = "E057" if request.url.path.startswith("/search") else "E058"
        return error_response(request, 503, message(code, seconds=seconds))
    LOG.error("reading %s for %s failed: %s", request.app.state.db_path, request.url.path, error)
    return error_response(request, 500, message("E071", reason=error))


async def store_failure(request: Request, error: Exception) -> Response:
    """The database could not be opened for this request (moved away, damaged): a 500 with
    the catalogue's message, and a log line."""
    LOG.error("reading %s for %s failed: %s", request.app.state.db_path, request.url.path, error)
    return error_response(request, 500, str(error))


async def server_error(request: Request, error: Exception) -> Response:
    return error_response(request, 500, message("E055"))


def template_context(request: Request, **context: Any) -> dict[str, Any]:
    """What every page's template gets: the address of its JSON twin, unless given."""
    raw = request.scope.get("raw_path")
    path = raw.decode("latin-1") if raw else quote(request.url.path)
    query = request.url.query
    context.setdefault("json_url", f"{path}.json" + (f"?{query}" if query else ""))
    return context
