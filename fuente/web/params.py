"""The query parameters of the web UI's pages, each with its bounds and its description."""

from __future__ import annotations

from typing import Annotated

from fastapi import Query

from fuente.query.keys import GROUPS
from fuente.query.paging import MAX_PAGE, MAX_PER_PAGE, PER_PAGE
from fuente.query.search import MAX_TERMS
from fuente.query.search import PER_PAGE as SEARCH_PER_PAGE

__all__ = [
    "DATE_PATTERN",
    "KEY_PATTERN",
    "MAX_QUERY",
    "Actor",
    "Category",
    "DateFilter",
    "Language",
    "MinSources",
    "Outlet",
    "Page",
    "PerPage",
    "SearchPerPage",
    "SpeakerGroup",
    "SpeakersGroup",
    "UnnamedOnly",
    "Words",
]

DATE_PATTERN = r"^(\d{4}(-\d{2}(-\d{2})?)?)?$"  # empty: no choice
KEY_PATTERN = rf"^(({'|'.join(GROUPS)})/[\w-]+)?$"
MAX_QUERY = 500
MAX_SOURCES = 1000

Page = Annotated[int, Query(ge=1, le=MAX_PAGE, description="Page of results, from 1.")]
PerPage = Annotated[
    int,
    Query(
        ge=1,
        le=MAX_PER_PAGE,
        description=f"Results on a page: {PER_PAGE} unless given, at most {MAX_PER_PAGE}.",
    ),
]
SearchPerPage = Annotated[
    int,
    Query(
        ge=1,
        le=MAX_PER_PAGE,
        description=f"Results on a page: {SEARCH_PER_PAGE} unless given, at most {MAX_PER_PAGE}.",
    ),
]
Words = Annotated[
    str | None,
    Query(
        max_length=MAX_QUERY,
        description='Words and "quoted phrases"; all must match. A word given twice counts '
        f"once; at most {MAX_TERMS} different ones.",
    ),
]
Outlet = Annotated[str | None, Query(max_length=200, description="Only this outlet.")]
SpeakerGroup = Annotated[
    str | None,
    Query(
        pattern=r"^(named|unnamed|author)?$",
        description="Only attributions whose speaker is named, unnamed or the author.",
    ),
]
SpeakersGroup = Annotated[
    str | None,
    Query(pattern=r"^(named|unnamed)?$", description="Only named speakers, or only unnamed."),
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
        max_length=300,
        description="Only this actor: a dossier key such as "
        "named/tomas-varga or unnamed/one-of-the-diplomats.",
    ),
]
Category = Annotated[
    str | None, Query(max_length=100, description="Only this category: statement, or an event's.")
]
MinSources = Annotated[
    int | None,
    Query(
        ge=1,
        le=MAX_SOURCES,
        description="Only statements of a claim that other articles report too, backed by at "
        f"least this many independent sources (1 to {MAX_SOURCES}).",
    ),
]
UnnamedOnly = Annotated[
    bool | None,
    Query(
        description="With true (or 1, yes, on), only statements of a claim across articles "
        "that rests on unnamed sources only."
    ),
]
