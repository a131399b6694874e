"""The web UI's pages and their JSON twins, as FastAPI routes (``router``).

Each page reads through the request's ``Reading`` (``fuente.query.reading``): a
read-only connection, one snapshot, and what is kept for the database's version. A JSON twin
returns its data as it is (a ``JSONResponse``: the data is plain JSON already); a page renders
it with its template. See ``fuente.web.app`` for the rule on articles' addresses.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Depends, HTTPException, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates

from fuente.errors import message
from fuente.query.article import article_view
from fuente.query.claim_view import claim_view
from fuente.query.dossier import dossier
from fuente.query.keys import GROUPS
from fuente.query.links import CLAIM_PREFIX, anchor_of
from fuente.query.paging import PER_PAGE, Window, page_links
from fuente.query.reading import Budget, Readers, Reading, Store
from fuente.query.search import MAX_TERMS, search, search_terms
from fuente.query.search import PER_PAGE as SEARCH_PER_PAGE
from fuente.query.speakers import speakers_index
from fuente.query.timeline_view import timeline_view
from fuente.web import params
from fuente.web.guards import BUDGET
from fuente.web.markup import article_marks, pieces
from fuente.web.responses import missing, template_context

__all__ = ["router"]

router = APIRouter()


def render(request: Request, template: str, **context: Any) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, template, template_context(request, **context))


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


@router.get("/", include_in_schema=False)
def home() -> RedirectResponse:
    return RedirectResponse("/search", status_code=302)


@router.get(
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
    min_sources: params.MinSources = None,
    unnamed_only: params.UnnamedOnly = None,
    page: params.Page = 1,
    per_page: params.SearchPerPage = SEARCH_PER_PAGE,
) -> Response:
    """Passages of article text and attributions matching `q`, best first (ties by id),
    a page at a time, with facet counts (outlet, speaker, language, date); without `q`,
    every article, latest first. `min_sources` and `unnamed_only` narrow the results to
    the attributions of claims other articles report too (without `q`, the articles
    holding one), each attribution with its claim's corroboration."""
    choices = {"outlet": outlet, "speaker": speaker, "language": language, "date": date,
               "min_sources": min_sources, "unnamed_only": unnamed_only}  # fmt: skip
    return JSONResponse(_search(request, reading, q, page=page, per_page=per_page, **choices))


@router.get("/search", include_in_schema=False, response_class=HTMLResponse)
def search_page(
    request: Request,
    reading: Reader,
    q: params.Words = None,
    outlet: params.Outlet = None,
    speaker: params.SpeakerGroup = None,
    language: params.Language = None,
    date: params.DateFilter = None,
    min_sources: params.MinSources = None,
    unnamed_only: params.UnnamedOnly = None,
    page: params.Page = 1,
    per_page: params.SearchPerPage = SEARCH_PER_PAGE,
) -> HTMLResponse:
    choices = {"outlet": outlet, "speaker": speaker, "language": language, "date": date,
               "min_sources": min_sources, "unnamed_only": unnamed_only}  # fmt: skip
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


@router.get(
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


@router.get("/article/{doc:path}", include_in_schema=False, response_class=HTMLResponse)
def article(request: Request, doc: str, reading: Reader) -> HTMLResponse:
    return article_page(request, doc, reading.store)


def _claim(request: Request, store: Store, ref: str) -> dict[str, Any]:
    claim_id = CLAIM_PREFIX + ref
    view = claim_view(store, claim_id)
    if view is None:
        raise missing(request, message("E072", claim=claim_id))
    return view


@router.get(
    "/claim/{ref:path}.json",
    tags=["pages"],
    summary="One claim across articles",
    response_model=None,
)
def claim_json(request: Request, ref: str, reading: Reader) -> Response:
    """Every article's report of one claim, oldest first (article, outlet, speaker, span
    and words), folded under its independent sources (copies under their origin, relays
    under the outlet they relay), with the count of independent sources, whether it rests
    on unnamed sources only, and the contradictions touching any report. `ref` is the
    claim's id without `claim:`, percent-encoded (`16-budget-freeze%23a4`)."""
    return JSONResponse(_claim(request, reading.store, ref))


@router.get("/claim/{ref:path}", include_in_schema=False, response_class=HTMLResponse)
def claim_page(request: Request, ref: str, reading: Reader) -> HTMLResponse:
    view = _claim(request, reading.store, ref)
    by_ref = {member["ref"]: member for member in view["members"]}
    return render(request, "claim.html", view=view, by_ref=by_ref)


@router.get(
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


@router.get("/speakers", include_in_schema=False, response_class=HTMLResponse)
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


@router.get(
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


@router.get("/speaker/{group}/{name}", include_in_schema=False, response_class=HTMLResponse)
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


@router.get(
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


@router.get("/timeline", include_in_schema=False, response_class=HTMLResponse)
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


@router.get("/api", include_in_schema=False, response_class=HTMLResponse)
def api_page(request: Request) -> HTMLResponse:
    return render(
        request, "api.html", spec=request.app.openapi(), nav="api", json_url="/openapi.json"
    )
