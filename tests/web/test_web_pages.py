"""The web UI as a client sees it: pages, JSON twins, errors, headers, escaping."""

from __future__ import annotations

import re
import sqlite3
import time
from pathlib import Path

import pytest
from webrecords import TALKS, add_events, hostile_records, span, talks_records

from fuente.query.reading import open_read
from fuente.store.connect import open_store
from fuente.web.app import SECURITY_HEADERS

PAGES = [
    "/search",
    "/search?q=talks",
    "/article/talks",
    "/speakers",
    "/speaker/named/ana-lopez",
    "/speaker/unnamed/source-briefed-on-the-talks",
    "/timeline",
    "/timeline?actor=named/ana-lopez",
]


@pytest.mark.parametrize("page", PAGES)
def test_web_every_page_has_a_json_twin(client, page: str) -> None:
    html = client.get(page)
    assert html.status_code == 200
    assert html.headers["content-type"].startswith("text/html")
    path, _, query = page.partition("?")
    twin = f"{path}.json" + (f"?{query}" if query else "")
    assert f'href="{twin.replace("&", "&amp;")}"' in html.text  # the page links its twin
    data = client.get(twin)
    assert data.status_code == 200
    assert data.headers["content-type"] == "application/json"


def test_web_openapi_describes_every_json_twin(client) -> None:
    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert paths == {
        "/search.json",
        "/article/{doc}.json",
        "/speakers.json",
        "/speaker/{group}/{name}.json",
        "/claim/{ref}.json",
        "/timeline.json",
    }
    for operations in spec["paths"].values():
        assert operations["get"]["summary"] and operations["get"]["description"]
    assert "/search.json" in client.get("/api").text


def test_web_home_is_search(client) -> None:
    response = client.get("/", follow_redirects=False)
    assert response.status_code == 302 and response.headers["location"] == "/search"


def test_web_article_json_points_into_the_text(client) -> None:
    view = client.get("/article/talks.json").json()
    text = view["text"]
    assert text == TALKS
    assert view["document"]["title"] == "Talks with the envoy failed, minister says"
    for row in view["attributions"]:
        for part in ("content", "cue", "source"):
            if row[part]:
                assert text[row[part]["start"] : row[part]["end"]] == row[part]["text"]
    ids = [row["id"] for row in view["attributions"]]
    assert ids == ["talks#a1", "talks#a2", "talks#a3"]  # a4 lies in the support appeal
    assert view["excluded"] == [
        {"start": span(TALKS, "Subscribe")[0], "end": len(TALKS) - 1, "reason": "support-appeal"}
    ]
    assert [t["value"] for t in view["times"]] == ["2025-03-10"]
    [entity] = view["entities"]
    assert len(entity["mentions"]) == 2  # the third is in the excluded appeal
    assert view["sourcing"]["named"] == 2 and view["sourcing"]["unnamed"] == 1
    assert view["events"] == [] and view["events_note"] is None  # extracted: none here
    speaker = view["attributions"][0]["speaker"]
    assert speaker["url"] == "/speaker/named/ana-lopez"


def test_web_article_page_marks_the_text(client) -> None:
    page = client.get("/article/talks").text
    assert "excluded: support-appeal" in page
    assert 'class="excluded"' in page
    assert re.search(
        r'<a class="source" href="/speaker/named/ana-lopez"[^>]*title="Ana López', page
    )
    assert 'class="content direct"' in page and 'class="cue"' in page
    assert 'class="time" title="DATE 2025-03-10"' in page
    assert 'id="a1"' in page  # each statement can be linked to
    assert "none found in this article" in page  # the events layer ran and found none
    assert "Sourcing" in page


def test_web_events_note_when_the_database_has_no_events_table(client, web_db: Path) -> None:
    import sqlite3

    db = sqlite3.connect(web_db)
    with db:
        db.execute("DROP TABLE events")  # as in a database of a fuente without events
    db.close()
    view = client.get("/article/talks.json").json()
    assert view["events"] is None and "not extracted yet" in view["events_note"]
    assert "events are not extracted yet" in client.get("/article/talks").text


def test_web_events_show_once_the_table_exists(client, web_db: Path) -> None:
    add_events(web_db)
    view = client.get("/article/talks.json").json()
    [event] = view["events"]
    assert event["category"] == "withdraw" and event["text"] == "left"
    assert view["events_note"] is None
    page = client.get("/article/talks").text
    assert re.search(r'class="[^"]*\bevent\b[^"]*" title="[^"]*event: withdraw', page)
    assert "not extracted yet" not in page
    dossier = client.get("/speaker/named/ana-lopez.json").json()
    events = [item for item in dossier["items"] if item["type"] == "event"]
    assert [item["roles"] for item in events] == [["target"]]
    timeline = client.get("/timeline.json?category=withdraw").json()
    assert [item["id"] for item in timeline["items"]] == ["talks#v1"]
    assert {c["value"] for c in client.get("/timeline.json").json()["categories"]} == {
        "statement",
        "withdraw",
    }


def test_web_dossier_gathers_a_speaker_across_documents(client) -> None:
    dossier = client.get("/speaker/named/ana-lopez.json").json()
    assert dossier["name"] == "Ana López"
    assert dossier["kinds"] == ["person"] and dossier["entity_types"] == ["PERSON"]
    assert {"López"} <= set(dossier["aliases"])
    assert dossier["affiliations"] == [{"country": None, "sector": "government"}]
    assert {doc["id"] for doc in dossier["documents"]} == {"talks", "reply"}
    said = [item for item in dossier["items"] if item["type"] == "said"]
    assert [item["attribution"]["id"] for item in said] == ["talks#a1", "talks#a2", "reply#a2"]
    about = [item for item in dossier["items"] if item["type"] == "about"]
    assert [item["attribution"]["id"] for item in about] == ["reply#a1"]
    dates = [item["date"]["value"] for item in dossier["items"]]
    assert dates == sorted(dates)
    first = said[0]
    assert first["date"] == {"value": "2025-03-10", "dated_by": "statement", "inferred": False}
    assert first["sentence"]["text"].startswith("Minister Ana López said on Monday")
    assert first["url"] == "/article/talks#a1"


def test_web_dossier_of_an_unnamed_source(client) -> None:
    dossier = client.get("/speaker/unnamed/source-briefed-on-the-talks.json").json()
    assert dossier["descriptions"] == ["A source briefed on the talks"]
    assert [item["attribution"]["content"]["text"] for item in dossier["items"]] == [
        "the envoy left early"
    ]
    page = client.get("/speaker/unnamed/source-briefed-on-the-talks").text
    assert 'href="/article/talks#a3"' in page


def test_web_timeline_filters_by_actor_and_category(client) -> None:
    everything = client.get("/timeline.json").json()
    assert [item["date"] for item in everything["items"]] == sorted(
        item["date"] for item in everything["items"]
    )
    assert everything["axis"]["bars"]
    lopez = client.get("/timeline.json?actor=named/ana-lopez").json()
    assert {item["speaker"]["name"] for item in lopez["items"]} == {"Ana López"}
    assert [item["date"] for item in lopez["items"]] == ["2025-03-10", "2025-03-11", "2025-03-28"]
    none = client.get("/timeline.json?category=withdraw").json()
    assert none["items"] == []
    page = client.get("/timeline?actor=named/ana-lopez").text
    assert "<svg" in page and 'class="bar bar-statement"' in page


@pytest.mark.parametrize(
    ("url", "status", "words"),
    [
        ("/article/missing", 404, "no article with id 'missing'"),
        ("/article/missing.json", 404, "no article with id 'missing'"),
        ("/speaker/named/nobody", 404, "no speaker or actor at 'named/nobody'"),
        ("/speaker/named/nobody.json", 404, "no speaker or actor"),
        ("/speaker/other/thing", 404, "no speaker or actor"),
        ("/no/such/page", 404, "no page at"),
        ("/search?date=yesterday", 400, "bad parameter 'date'"),
        ("/search.json?page=0", 400, "bad parameter 'page'"),
        ("/search.json?page=many", 400, "bad parameter 'page'"),
        ("/search?speaker=everyone", 400, "bad parameter 'speaker'"),
        ("/timeline.json?actor=<script>", 400, "bad parameter 'actor'"),
        ("/search.json?q=" + "x" * 600, 400, "bad parameter 'q'"),
    ],
)
def test_web_unknown_ids_and_bad_parameters(client, url: str, status: int, words: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    if ".json" in url:
        error = response.json()["error"]
        assert error["status"] == status and words in error["message"]
    else:
        assert response.headers["content-type"].startswith("text/html")
        assert words in response.text.replace("&#39;", "'")
    assert "Traceback" not in response.text
    assert (
        response.headers["content-security-policy"] == SECURITY_HEADERS["content-security-policy"]
    )


def test_web_writing_is_not_allowed(client) -> None:
    response = client.post("/search")
    assert response.status_code == 405
    assert "only reads" in response.text


@pytest.mark.parametrize("page", ["/search", "/article/talks", "/static/fuente.css"])
def test_web_security_headers(client, page: str) -> None:
    headers = client.get(page).headers
    for name, value in SECURITY_HEADERS.items():
        assert headers[name] == value
    policy = headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy


def test_web_untrusted_text_is_escaped_everywhere(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from fuente.web import create_app

    path = tmp_path / "hostile.db"
    with open_store(path) as store:
        store.write(hostile_records())
    client = TestClient(create_app(path))
    key = "named/script-script-alert-4-script"
    for page in [
        "/article/talks",
        "/search?q=talks",
        "/search",
        f"/speaker/{key}",
        "/timeline",
        "/speakers",
    ]:
        response = client.get(page)
        assert response.status_code == 200, page
        body = response.text
        assert "<script>alert" not in body, page
        assert "<img src=x" not in body, page
        assert "</script><script>" not in body, page
        assert 'href="javascript:' not in body, page
        assert '" onmouseover="' not in body, page
    article = client.get("/article/talks").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article  # shown as text
    assert "javascript:alert(3)" in article  # shown, not linked
    data = re.search(r'<script type="application/json" id="hover-data">(.*?)</script>', article)
    assert data is not None and "\\u003c/script\\u003e" in data.group(1)


def test_web_reads_do_not_block_ingest(web_db: Path) -> None:
    """A read in progress does not hold up a writer (WAL): the write finishes at once."""
    reader = open_read(web_db)
    reader.db.execute("BEGIN")
    assert reader.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    started = time.monotonic()
    with open_store(web_db) as writer:
        writer.write(talks_records(title="A new title"))
    assert time.monotonic() - started < 2
    # the reader still sees its snapshot until it ends its transaction
    title = reader.db.execute("SELECT title FROM documents WHERE id = 'talks'").fetchone()[0]
    assert title != "A new title"
    reader.db.execute("COMMIT")
    with pytest.raises(sqlite3.OperationalError):
        reader.db.execute("DELETE FROM documents")  # and it is read-only
    reader.close()


def test_web_article_marks_its_main_event_and_sides_not_from_the_clause(tmp_path: Path) -> None:
    from dataclasses import replace

    from fastapi.testclient import TestClient
    from webrecords import numbered_records

    from fuente.store.connect import open_store
    from fuente.web import create_app

    records = numbered_records(1)
    [event] = records.events
    event = replace(
        event,
        lead=True,
        source=replace(event.source, found="argument"),
        target=replace(event.target, found="stand-in"),
    )
    path = tmp_path / "lead.db"
    with open_store(path) as store:
        store.write(replace(records, events=(event,)))
    with TestClient(create_app(path)) as client:
        [shown] = client.get(f"/article/{records.document.id}.json").json()["events"]
        assert shown["lead"] is True
        assert (shown["source"]["found"], shown["target"]["found"]) == ("argument", "stand-in")
        page = client.get(f"/article/{records.document.id}").text
    assert "main event" in page
    assert "(sides: argument, stand-in)" in page
