"""Every list comes a page at a time, in a stable order, and says where the others are."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from webrecords import numbered_db

from fuente.query.reading import open_read
from fuente.query.timeline import timeline
from fuente.query.timeline_view import timeline_view
from fuente.store.connect import open_store

COUNT = 30  # articles: 60 statements and 30 events
LISTS = [
    ("/search.json?q=budget", "hits", 2 * COUNT),  # each article's text and Ana López's words
    ("/search.json", "hits", COUNT),
    ("/speakers.json", "speakers", 2),
    ("/speaker/named/ana-lopez.json", "items", COUNT),
    ("/speaker/unnamed/senior-aide.json", "items", COUNT),
    ("/timeline.json", "items", 3 * COUNT),
    ("/timeline.json?category=CONSULT", "items", COUNT),
]


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> Path:
    return numbered_db(tmp_path_factory.mktemp("many") / "many.db", COUNT)


@pytest.fixture(scope="module")
def browse(many: Path) -> Iterator:
    from fastapi.testclient import TestClient

    from fuente.web import create_app

    with TestClient(create_app(many)) as opened:
        yield opened


def _ids(item: dict) -> str:
    return str(item.get("id") or item.get("attribution") or item.get("key") or item["doc"])


@pytest.mark.parametrize(("url", "field", "total"), LISTS)
def test_web_paging_every_list_comes_a_page_at_a_time(browse, url, field, total) -> None:
    joiner = "&" if "?" in url else "?"
    first = browse.get(f"{url}{joiner}per_page=7").json()
    assert (first["page"], first["per_page"], first["total"]) == (1, 7, total)
    assert first["pages"] == -(-total // 7) and first["previous"] is None
    assert len(first[field]) == min(7, total)
    seen, page, pages = [], first, 0
    while True:
        pages += 1
        seen.extend(_ids(item) for item in page[field])
        if page["next"] is None:
            break
        assert page["next"].startswith(url.split("?")[0]) and "per_page=7" in page["next"]
        page = browse.get(page["next"]).json()
        assert page["previous"] is not None
    assert pages == first["pages"]
    whole = browse.get(f"{url}{joiner}per_page=200").json()
    assert seen == [_ids(item) for item in whole[field]]  # same order, page after page
    assert len(set(seen)) == total


@pytest.mark.parametrize("url", ["/timeline.json", "/search.json", "/speakers.json"])
@pytest.mark.parametrize(("per_page", "status"), [(0, 400), (201, 400), (200, 200)])
def test_web_paging_per_page_is_bounded(browse, url: str, per_page: int, status: int) -> None:
    assert browse.get(f"{url}?per_page={per_page}").status_code == status


def test_web_paging_defaults(browse) -> None:
    assert browse.get("/timeline.json").json()["per_page"] == 50
    assert len(browse.get("/timeline.json").json()["items"]) == 50
    assert browse.get("/search.json").json()["per_page"] == 20


def test_web_paging_past_the_last_page_is_empty(browse) -> None:
    last = browse.get("/timeline.json?page=500").json()
    assert last["items"] == [] and last["total"] == 3 * COUNT and last["next"] is None


@pytest.mark.parametrize("page", ["/timeline", "/search?q=budget", "/speaker/named/ana-lopez"])
def test_web_paging_html_pages_link_to_previous_and_next(browse, page: str) -> None:
    joiner = "&" if "?" in page else "?"
    html = browse.get(f"{page}{joiner}per_page=5&page=2").text
    assert 'rel="prev"' in html and 'rel="next"' in html
    assert "page=3" in html and "page 2 of" in html


def test_web_timeline_picture_is_counted_per_bucket_not_per_item(browse) -> None:
    view = browse.get("/timeline.json?per_page=10").json()
    axis = view["axis"]
    assert "points" not in axis and axis["bucket"] == "month"
    assert sum(bar["count"] for bar in axis["bars"]) == view["total"]
    assert len(axis["bars"]) < view["total"] / 2
    first = min(axis["bars"], key=lambda bar: bar["first"])
    assert first["first"] == 0 and first["page"] == 1 and first["url"] == "/timeline#items"
    later = max(axis["bars"], key=lambda bar: bar["first"])
    assert later["page"] == later["first"] // 10 + 1
    assert f"page={later['page']}" in later["url"]
    page = browse.get("/timeline?per_page=10").text
    assert page.count("<rect") == len(axis["bars"]) and "<circle" not in page


def test_web_timeline_dates_statements_as_the_cli_does(many: Path) -> None:
    """The web counts and orders in SQL what ``fuente.query.timeline`` dates in Python."""
    with open_store(many) as store:
        said = {row["attribution"]: row["date"] for row in timeline(store) if "event" not in row}
    with open_read(many) as store:
        view = timeline_view(store, category="statement")
        from fuente.query.paging import Window

        items = timeline_view(store, category="statement", window=Window(1, 200))["items"]
    assert view["total"] == len(said)
    assert {item["id"]: item["date"] for item in items} == said
    assert {item["dated_by"] for item in items} == {"statement", "document"}
