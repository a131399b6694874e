"""The web dossier of a corpus-wide actor: the same page for every key that reaches it."""

from __future__ import annotations

from pathlib import Path

import pytest

from fuente.corpus.actors import link_pending
from fuente.settings import load_settings
from fuente.store.connect import open_store


@pytest.fixture
def linked_client(web_db: Path):
    from fastapi.testclient import TestClient

    from fuente.web import create_app

    with open_store(web_db) as store:
        link_pending(store, settings=load_settings())
    with TestClient(create_app(web_db)) as opened:
        yield opened


def test_web_actors_dossier_of_an_actor(linked_client) -> None:
    by_actor = linked_client.get("/speaker/actor/ana-lopez.json").json()
    by_name = linked_client.get("/speaker/named/ana-lopez.json").json()
    assert by_actor["actor"]["id"] == by_name["actor"]["id"] == "ana-lopez"
    assert by_actor["said"] == by_name["said"] > 0
    page = linked_client.get("/speaker/actor/ana-lopez")
    assert page.status_code == 200
    assert "written as" in page.text and 'href="/speaker/actor/ana-lopez"' in page.text


def test_web_actors_no_such_actor_is_a_404(linked_client) -> None:
    assert linked_client.get("/speaker/actor/nobody-at-all").status_code == 404


def test_web_actors_search_and_timeline_speakers_carry_their_actor(linked_client) -> None:
    found = linked_client.get("/search.json", params={"q": "talks"}).json()
    speakers = [hit["speaker"] for hit in found["hits"] if hit.get("speaker")]
    assert any(s["actor"] == "ana-lopez" for s in speakers if s["name"].endswith("López"))
    timeline = linked_client.get("/timeline.json").json()
    said = [item["speaker"] for item in timeline["items"] if item.get("speaker")]
    assert said and all(s["actor"] == "ana-lopez" for s in said if s["name"] == "Ana López")
