"""The server only reads: it never creates a database, serves one it cannot write, says a
read error is one (500, and a log line), and says "no such article" only of a sound database.
Ids that are awkward in an address (holding "/" or ending in ".json") are reachable."""

from __future__ import annotations

import logging
import re
import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from webrecords import numbered_records, reply_records, talks_records

from fuente.errors import StoreError
from fuente.store.connect import open_store
from fuente.store.migrations import MIGRATIONS
from fuente.web import create_app

AWKWARD = ["desk/2025/a", "a.json", "a", "b.json", "we?rd #1 %", "c.json.json"]


def _smash(path: Path, table: str) -> None:
    """Overwrite the first page of ``table`` with garbage, as a failing disk might."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    size = db.execute("PRAGMA page_size").fetchone()[0]
    db.close()
    with path.open("r+b") as file:
        file.seek((page - 1) * size)
        file.write(b"\xff" * size)


def test_web_never_creates_a_database(tmp_path: Path) -> None:
    missing = tmp_path / "typo.db"
    with pytest.raises(StoreError, match="E025"):
        create_app(missing)
    assert not missing.exists() and list(tmp_path.iterdir()) == []


def test_web_database_moved_away_is_a_500_and_is_not_created_again(web_db: Path, caplog) -> None:
    client = TestClient(create_app(web_db))
    moved = web_db.with_name("moved.db")
    web_db.rename(moved)
    with caplog.at_level(logging.ERROR, logger="fuente.web"):
        response = client.get("/article/talks")
    assert response.status_code == 500 and "[E025]" in response.text
    assert not web_db.exists()
    assert [r.name for r in caplog.records] == ["fuente.web"]


def test_web_serves_a_database_in_a_read_only_folder(tmp_path: Path, read_only) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    with open_store(folder / "web.db") as store:
        store.write(talks_records())
    files = sorted(p.name for p in folder.iterdir())
    with read_only(folder):
        client = TestClient(create_app(folder / "web.db"))
        assert client.get("/article/talks").status_code == 200
        assert client.get("/search.json?q=talks").json()["total"] > 0
        assert client.get("/timeline.json").status_code == 200
        assert client.get("/article/missing").status_code == 404
        assert sorted(p.name for p in folder.iterdir()) == files


def test_web_refuses_an_older_database_it_cannot_upgrade(tmp_path: Path, read_only) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    with open_store(folder / "web.db") as store:
        store.write(talks_records())
        store.db.execute(f"PRAGMA user_version = {len(MIGRATIONS) - 1}")
    with (
        read_only(folder / "web.db"),
        read_only(folder),
        pytest.raises(StoreError, match="E056") as raised,
    ):
        create_app(folder / "web.db")
    assert "fuente stats --db" in str(raised.value)


def test_web_read_error_is_a_500_with_a_log_line(web_db: Path, caplog) -> None:
    client = TestClient(create_app(web_db))
    _smash(web_db, "attributions")
    with caplog.at_level(logging.ERROR, logger="fuente.web"):
        response = client.get("/article/talks")
        twin = client.get("/article/talks.json")
    assert response.status_code == 500 and "[E071]" in response.text
    assert "malformed" in response.text and "Traceback" not in response.text
    assert twin.status_code == 500 and "[E071]" in twin.json()["error"]["message"]
    assert [r.name for r in caplog.records] == ["fuente.web", "fuente.web"]


def test_web_unknown_id_in_a_damaged_database_is_not_a_404(web_db: Path, caplog) -> None:
    """The documents table is readable and has no 'missing', but the database is damaged
    elsewhere: it may have lost it, so the answer is a 500, not 'no such article'."""
    client = TestClient(create_app(web_db))
    _smash(web_db, "mentions")
    with caplog.at_level(logging.ERROR, logger="fuente.web"):
        response = client.get("/article/missing")
        dossier = client.get("/speaker/named/nobody.json")
    assert response.status_code == 500 and "quick_check" in response.text
    assert dossier.status_code == 500
    assert all(r.name == "fuente.web" for r in caplog.records) and caplog.records


@pytest.fixture
def awkward(tmp_path: Path) -> TestClient:
    with open_store(tmp_path / "awkward.db") as store:
        for number, doc in enumerate(AWKWARD):
            store.write(numbered_records(number, doc=doc))
        store.write(reply_records())
    return TestClient(create_app(tmp_path / "awkward.db"))


def test_web_ids_awkward_in_an_address_are_linked_and_reachable(awkward: TestClient) -> None:
    hits = awkward.get("/search.json?q=budget&per_page=50").json()["hits"]
    linked = {hit["doc"]: hit["url"] for hit in hits if hit["type"] == "text"}
    assert sorted(linked) == sorted(AWKWARD)
    for doc, url in linked.items():
        page = awkward.get(url)
        assert page.status_code == 200, (doc, url)
        assert f"<code>{doc}</code>".replace("&", "&amp;") in page.text
        twin = re.search(r'class="twin" href="([^"]+)"', page.text).group(1)
        data = awkward.get(twin.replace("&amp;", "&"))
        assert data.status_code == 200 and data.json()["document"]["id"] == doc, (doc, twin)


@pytest.mark.parametrize(
    ("address", "kind", "doc"),
    [("/article/desk/2025/a", "page", "desk/2025/a"),
     ("/article/desk/2025/a.json", "json", "desk/2025/a"),
     ("/article/a.json", "json", "a"),  # both a and a.json exist: the twin of a
     ("/article/a%2Ejson", "page", "a.json"),  # as links write it
     ("/article/b.json", "page", "b.json"),  # there is no b
     ("/article/b.json.json", "json", "b.json"),
     ("/article/c.json.json.json", "json", "c.json.json")],
)  # fmt: skip
def test_web_article_address_rule(awkward: TestClient, address: str, kind: str, doc: str) -> None:
    response = awkward.get(address)
    assert response.status_code == 200
    if kind == "page":
        assert response.headers["content-type"].startswith("text/html")
        assert f"<code>{doc}</code>" in response.text
    else:
        assert response.json()["document"]["id"] == doc
