"""The claims pages on the demo corpus, ingested with the real pipeline: the budget-freeze wire
story (16) and its two edited reprints (17, 18), the teachers' strike article (19) that relays
Coastal Wire's and Reuters' unnamed sources, Reuters' loan story (in 11) and the four accounts
of Anand's arrest (05, 06, 08, 14), whose dates disagree."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from fuente.query.links import claim_path

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
FILES = (
    "05-anand-arrest.txt", "06-police-account.txt", "08-harbour-square-protest.html",
    "11-aid-roundup.jsonl", "14-anand-released.txt", "14-anand-released.meta.json",
    "16-budget-freeze.txt", "17-budget-freeze-harbor-post.txt",
    "17-budget-freeze-harbor-post.meta.json", "18-budget-freeze-marovia-today.html",
    "19-teachers-strike.txt",
)  # fmt: skip
MERTENS = "claim:16-budget-freeze#a1"  # his words at the news conference, reprinted
OFFICIALS = "claim:16-budget-freeze#a4"  # "two finance ministry officials told Coastal Wire"
REUTERS = "claim:rt-2025-03-24-nsdb-rejects-loan#a6"  # "... told Reuters", relayed by 19
ARREST = "claim:06-police-account#v4"  # Anand detained: four articles, three outlets


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Iterator:
    from fastapi.testclient import TestClient

    from fuente.ingest import ingest
    from fuente.settings import load_settings
    from fuente.store.connect import open_store
    from fuente.web import create_app

    folder = tmp_path_factory.mktemp("demo")
    for name in FILES:
        shutil.copy(EXAMPLES / name, folder / name)
    settings = load_settings(lexicon_dir=str(EXAMPLES / "lexicons"))
    path = tmp_path_factory.mktemp("db") / "demo.db"
    with open_store(path) as store:
        outcomes = list(ingest([str(folder)], store=store, settings=settings))
    assert {outcome.status for outcome in outcomes} == {"stored"}, outcomes
    with TestClient(create_app(path)) as opened:
        yield opened


def test_web_claims_demo_reprints_fold_under_the_wire_story(demo) -> None:
    view = demo.get(claim_path(MERTENS) + ".json").json()
    assert view["who"] == "Karl Mertens" and view["documents"] == 3 and view["sources"] == 1
    [origin] = view["origins"]
    assert origin["origin"] == "Coastal Wire" and origin["doc"] == "16-budget-freeze"
    how = {m["doc"]: m["how"] for m in view["members"] if m["ref"] != origin["ref"]}
    assert how["17-budget-freeze-harbor-post"] == "a syndicated copy of 16-budget-freeze"
    assert how["18-budget-freeze-marovia-today"] == "a syndicated copy of 16-budget-freeze"
    dates = [m["published"] for m in view["members"]]
    assert dates == sorted(dates)  # oldest first
    html = demo.get(claim_path(MERTENS)).text
    assert "1 independent source<" in html and "a syndicated copy of 16-budget-freeze" in html


def test_web_claims_demo_relays_fold_under_the_outlet_they_relay(demo) -> None:
    officials = demo.get(claim_path(OFFICIALS) + ".json").json()
    assert officials["documents"] == 4 and officials["sources"] == 1
    assert officials["unnamed_only"] is True
    assert [o["origin"] for o in officials["origins"]] == ["Coastal Wire"]
    strike = next(m for m in officials["members"] if m["doc"] == "19-teachers-strike")
    assert strike["how"] == "relays Coastal Wire's reporting"
    reuters = demo.get(claim_path(REUTERS) + ".json").json()
    assert [o["origin"] for o in reuters["origins"]] == ["Reuters"]
    assert reuters["members"][1]["how"] == "relays Reuters's reporting"


def test_web_claims_demo_contradictions_stand_beside_the_reports(demo) -> None:
    view = demo.get(claim_path(ARREST) + ".json").json()
    assert view["sources"] == 3 and view["documents"] == 4
    assert view["contradictions"] and {c["rule"] for c in view["contradictions"]} == {"dates"}
    assert all(c["one"]["page"].startswith("/article/") for c in view["contradictions"])
    assert sum(m["contradicted"] for m in view["members"]) == 2 * len(view["contradictions"])
    html = demo.get(claim_path(ARREST)).text
    assert "Contradictions" in html and "none touch these reports" not in html


def test_web_claims_demo_article_statements_link_their_claim(demo) -> None:
    reprint = demo.get("/article/17-budget-freeze-harbor-post.json").json()
    mertens = reprint["claims"]["17-budget-freeze-harbor-post#a4"]
    assert mertens["id"] == MERTENS and mertens["others"] == {"articles": 2, "sources": 0}
    html = demo.get("/article/17-budget-freeze-harbor-post").text
    assert "also in 2 other articles, none independent of this one" in html
    assert f'href="{claim_path(MERTENS)}"' in html
    said = {row["id"] for row in reprint["attributions"]}
    assert set(reprint["claims"]) < said  # a statement no other article reports has none


def test_web_claims_demo_search_filters_narrow(demo) -> None:
    query = {"q": "Vestmark treasury"}
    every = demo.get("/search.json", params=query).json()
    unnamed = demo.get("/search.json", params={**query, "unnamed_only": "true"}).json()
    assert unnamed["total"] < every["total"]
    assert sorted(hit["attribution"] for hit in unnamed["hits"]) == [
        "16-budget-freeze#a4", "17-budget-freeze-harbor-post#a3",
        "18-budget-freeze-marovia-today#a4", "19-teachers-strike#a6",
    ]  # fmt: skip
    assert {hit["claim"]["id"] for hit in unnamed["hits"]} == {OFFICIALS}
    reported = demo.get("/search.json", params={"min_sources": 1}).json()
    backed = demo.get("/search.json", params={"min_sources": 2}).json()
    assert backed["total"] <= reported["total"] < demo.get("/search.json").json()["total"]
    for found in (reported, backed):
        assert all(hit["type"] == "document" for hit in found["hits"])


@pytest.mark.parametrize("query", ["min_sources=0", "min_sources=x", "unnamed_only=sometimes"])
def test_web_claims_demo_bad_filters_are_400(demo, query: str) -> None:
    assert demo.get(f"/search?{query}").status_code == 400
    assert demo.get(f"/search.json?{query}").json()["error"]["status"] == 400


def test_web_claims_demo_dossier_counts_each_claims_sources(demo) -> None:
    found = demo.get("/speaker/named/viktor-anand.json", params={"per_page": 200}).json()
    arrests = [item for item in found["items"] if item["claim"] and item["claim"]["id"] == ARREST]
    assert len(arrests) == 4 and {item["claim"]["sources"] for item in arrests} == {3}
    page = demo.get("/speaker/named/viktor-anand").text
    assert "3 independent sources in 4 articles" in page
