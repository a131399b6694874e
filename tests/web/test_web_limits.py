"""Requests are bounded: in words searched, in time, by their client going away; HEAD is
answered like GET, and a server on localhost answers only to its own names."""

from __future__ import annotations

import asyncio
import sqlite3
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from fuente.errors import ConfigError
from fuente.query.search import search_terms
from fuente.settings import Settings, load_settings
from fuente.web import create_app
from fuente.web.guards import host_name, loopback_hosts

FOREVER = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"


def test_search_terms_collapse_repeats_whatever_their_case_and_accents() -> None:
    assert search_terms("the THE the " * 40) == ["the"]
    assert search_terms('López lopez "New  York" new york "new york"') == [
        "López",
        "New York",
        "new",
        "york",
    ]


def test_web_search_of_a_repeated_word_is_the_search_of_the_word(client) -> None:
    once = client.get("/search.json?q=talks").json()
    repeated = client.get("/search.json", params={"q": " ".join(["talks"] * 80)}).json()
    assert repeated["total"] == once["total"] > 0 and repeated["terms"] == ["talks"]
    assert [hit["doc"] for hit in repeated["hits"]] == [hit["doc"] for hit in once["hits"]]


def test_web_search_of_too_many_different_words_is_refused(client) -> None:
    words = " ".join(f"word{n}" for n in range(11))
    response = client.get("/search.json", params={"q": words})
    assert response.status_code == 400
    assert "[E059]" in response.json()["error"]["message"]
    assert client.get("/search.json", params={"q": words.rsplit(" ", 1)[0]}).status_code == 200


def _forever(store, *args, **kwargs):
    store.db.execute(FOREVER).fetchall()


@pytest.mark.parametrize(("url", "code"), [("/search.json?q=x", "E057"), ("/search?q=x", "E057")])
def test_web_a_request_past_its_budget_is_stopped(web_db, monkeypatch, url, code) -> None:
    monkeypatch.setattr("fuente.web.routes.search", _forever)
    with TestClient(create_app(web_db, settings=Settings(query_budget=0.3))) as client:
        started = time.monotonic()
        response = client.get(url)
        assert time.monotonic() - started < 3
    assert response.status_code == 503
    assert f"[{code}]" in response.text and "0.3 s" in response.text


def test_web_a_page_past_its_budget_says_so(web_db, monkeypatch) -> None:
    monkeypatch.setattr("fuente.web.routes.timeline_view", _forever)
    with TestClient(create_app(web_db, settings=Settings(query_budget=0.2))) as client:
        response = client.get("/timeline.json")
    assert response.status_code == 503 and "[E058]" in response.json()["error"]["message"]


def test_web_a_request_whose_client_went_away_stops_reading(web_db, monkeypatch) -> None:
    """Budget 8 s, a query that never ends: the client leaves, and the query stops."""
    stopped: list[BaseException] = []

    def endless(store, *args, **kwargs):
        try:
            store.db.execute(FOREVER).fetchall()
        except sqlite3.OperationalError as error:
            stopped.append(error)
            raise

    monkeypatch.setattr("fuente.web.routes.search", endless)
    app = create_app(web_db, settings=Settings(query_budget=8))
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "GET",
        "scheme": "http", "path": "/search.json", "raw_path": b"/search.json",
        "query_string": b"q=x", "root_path": "", "headers": [(b"host", b"testserver")],
        "client": ("127.0.0.1", 1), "server": ("testserver", 80),
    }  # fmt: skip

    async def run() -> float:
        asked = asyncio.Event()

        async def receive() -> dict:
            if not asked.is_set():
                asked.set()
                return {"type": "http.request", "body": b"", "more_body": False}
            await asyncio.sleep(0.3)  # then the client goes away
            return {"type": "http.disconnect"}

        async def send(message: dict) -> None:
            pass

        started = time.monotonic()
        await asyncio.wait_for(app(scope, receive, send), timeout=20)
        return time.monotonic() - started

    assert asyncio.run(run()) < 5
    assert len(stopped) == 1 and "interrupted" in str(stopped[0])


@pytest.mark.parametrize(
    ("value", "seconds"), [("0.5", 0.5), (3, 3.0), ("2", 2.0)]
)  # fmt: skip
def test_settings_query_budget_is_seconds(value, seconds: float) -> None:
    assert load_settings(query_budget=value).query_budget == seconds


@pytest.mark.parametrize("value", ["0", "-1", "soon", "inf"])
def test_settings_query_budget_must_be_above_zero(value) -> None:
    with pytest.raises(ConfigError, match="E030"):
        load_settings(query_budget=value)


@pytest.mark.parametrize(
    "page", ["/search", "/article/talks.json", "/timeline", "/static/fuente.css"]
)
def test_web_head_is_answered_like_get(client, page: str) -> None:
    got = client.get(page)
    head = client.head(page)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-type"] == got.headers["content-type"]
    assert int(head.headers["content-length"]) == len(got.content)
    assert head.headers["content-security-policy"] == got.headers["content-security-policy"]


def test_web_head_of_an_unknown_article_is_a_404(client) -> None:
    assert client.head("/article/missing").status_code == 404


@pytest.mark.parametrize(
    ("host", "status"),
    [("127.0.0.1:8000", 200), ("localhost:8000", 200), ("[::1]:8000", 200), ("localhost", 200),
     ("LOCALHOST:9", 200), ("evil.example:8000", 400), ("evil.example", 400),
     ("127.0.0.1.evil.example", 400), ("testserver", 400)],
)  # fmt: skip
def test_web_answers_only_its_own_names_when_bound_to_localhost(
    web_db: Path, host: str, status: int
) -> None:
    app = create_app(web_db, allowed_hosts=loopback_hosts("127.0.0.1"))
    response = TestClient(app).get("/search", headers={"host": host})
    assert response.status_code == status
    if status == 400:
        assert "[E070]" in response.text and "DNS rebinding" in response.text


def test_web_answers_any_host_when_not_told_which(client) -> None:
    assert client.get("/search", headers={"host": "example.org"}).status_code == 200


@pytest.mark.parametrize(
    ("header", "name"), [("LocalHost:80", "localhost"), ("[::1]:8000", "[::1]"), ("::1", "::1"),
                         ("127.0.0.1", "127.0.0.1")]
)  # fmt: skip
def test_web_host_name(header: str, name: str) -> None:
    assert host_name(header) == name


def test_web_serve_checks_hosts_on_loopback_and_stops_quickly(web_db, monkeypatch) -> None:
    ran: list = []
    monkeypatch.setattr("uvicorn.run", lambda app, **options: ran.append((app, options)))
    from fuente.web.server import serve

    serve(web_db, host="127.0.0.1", port=8123)
    serve(web_db, host="0.0.0.0", port=8123)
    (local, options), (everyone, _) = ran
    assert 0 < options["timeout_graceful_shutdown"] <= 5
    assert TestClient(local).get("/search", headers={"host": "evil.example"}).status_code == 400
    assert TestClient(local).get("/search", headers={"host": "127.0.0.1:8123"}).status_code == 200
    assert TestClient(everyone).get("/search", headers={"host": "evil.example"}).status_code == 200
