"""The claims pages over hand-written articles (``claimsweb``): a claim's page and JSON twin,
what an article, a search and a dossier say of how far each statement is corroborated, and
the claims filters' bad values."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from claimsweb import STATEMENT, UNNAMED, claims_database

from fuente.query.links import claim_path


@pytest.fixture(scope="module")
def claims_client(tmp_path_factory, settings) -> Iterator:
    from fastapi.testclient import TestClient

    from fuente.web import create_app

    path = claims_database(Path(tmp_path_factory.mktemp("claims")) / "claims.db", settings)
    with TestClient(create_app(path)) as opened:
        yield opened


def test_web_claims_claim_twin_folds_copies_and_relays(claims_client) -> None:
    view = claims_client.get(claim_path(STATEMENT) + ".json").json()
    assert view["id"] == STATEMENT and view["page"] == "/claim/wire%23a1"
    assert view["documents"] == 4 and view["sources"] == 2 and view["unnamed_only"] is False
    assert [m["doc"] for m in view["members"]] == ["wire", "courier", "herald", "reprint"]
    by_origin = {o["origin"]: o["members"] for o in view["origins"]}
    assert by_origin == {
        "Marovia Press Agency": ["wire#a1", "reprint#a1"],
        "The Herald": ["herald#a1", "courier#a1"],
    }
    reprint = next(m for m in view["members"] if m["doc"] == "reprint")
    assert reprint["how"] == "a syndicated copy of wire" and reprint["origin"] == 0
    assert reprint["page"] == "/article/reprint#a1" and reprint["published"] == "2025-03-11"
    assert reprint["speaker"]["name"] == "Hilde Brun" and reprint["outlet"] == "Halvik Daily"
    text = reprint["text"]
    assert text.startswith("We will not raise") and reprint["end"] - reprint["start"] == len(text)
    assert next(m for m in view["members"] if m["doc"] == "wire")["how"] is None
    assert view["contradictions"] == []


def test_web_claims_claim_page_lists_origins_with_their_reports(claims_client) -> None:
    page = claims_client.get(claim_path(STATEMENT))
    assert page.status_code == 200
    html = page.text
    assert "2 independent sources" in html and "4 articles" in html
    assert html.index("Marovia Press Agency") < html.index("a syndicated copy of wire")
    assert html.index("The Herald") < html.index("relays The Herald&#39;s reporting")
    assert 'href="/article/courier#a1"' in html
    assert f'href="{claim_path(STATEMENT)}.json"' in html  # the JSON twin's link


def test_web_claims_unnamed_claim_says_so(claims_client) -> None:
    view = claims_client.get(claim_path(UNNAMED) + ".json").json()
    assert view["sources"] == 1 and view["unnamed_only"] is True
    assert view["origins"][0]["origin"] == "the Post"
    assert "unnamed sources only" in claims_client.get(claim_path(UNNAMED)).text


@pytest.mark.parametrize("address", ["/claim/nothing%23a1", "/claim/nothing%23a1.json"])
def test_web_claims_unknown_claim_is_404(claims_client, address: str) -> None:
    found = claims_client.get(address)
    assert found.status_code == 404
    assert "no claim with id" in found.text and "claim:nothing#a1" in found.text


def test_web_claims_article_says_who_else_reports_each_statement(claims_client) -> None:
    reprint = claims_client.get("/article/reprint.json").json()
    claim = reprint["claims"]["reprint#a1"]
    assert claim["id"] == STATEMENT and claim["sources"] == 2 and claim["articles"] == 4
    assert claim["others"] == {"articles": 3, "sources": 1}  # the Herald, not its own wire
    html = claims_client.get("/article/reprint").text
    assert "also reported by 1 independent source<" in html
    assert f'href="{claim_path(STATEMENT)}"' in html
    lonely = claims_client.get("/article/lonely.json").json()
    assert lonely["attributions"] and lonely["claims"] == {}
    assert "also reported by" not in claims_client.get("/article/lonely").text


def test_web_claims_article_relaying_one_source_says_none_independent(claims_client) -> None:
    post2 = claims_client.get("/article/post2.json").json()
    assert post2["claims"]["post2#a1"]["others"] == {"articles": 1, "sources": 0}
    html = claims_client.get("/article/post2").text
    assert "also in 1 other article, none independent of this one" in html


def test_web_claims_sourcing_says_which_lead_statements_others_corroborate(claims_client):
    wire = claims_client.get("/article/wire.json").json()
    assert wire["sourcing"]["lead"][0]["attributions"] == ["wire#a1"]
    (title,) = wire["lead_claims"]
    assert title["part"] == "title" and title["corroborated"] is True
    assert title["claim"]["id"] == STATEMENT and title["claim"]["others"]["sources"] == 1
    assert "corroborate 1 of its 1 lead statement." in claims_client.get("/article/wire").text
    lonely = claims_client.get("/article/lonely.json").json()
    assert [(s["claim"], s["corroborated"]) for s in lonely["lead_claims"]] == [(None, False)]
    html = claims_client.get("/article/lonely").text
    assert "No independent source elsewhere corroborates its lead statements." in html


def _attributions(found: dict) -> list[str]:
    return sorted(hit["attribution"] for hit in found["hits"] if hit["type"] == "attribution")


def test_web_claims_search_filters_narrow_to_claims(claims_client) -> None:
    every = claims_client.get("/search.json", params={"q": "fuel tax"}).json()
    assert "lonely#a1" in _attributions(every)
    assert any(hit["type"] == "text" for hit in every["hits"])
    backed = claims_client.get("/search.json", params={"q": "fuel tax", "min_sources": 2}).json()
    assert _attributions(backed) == ["courier#a1", "herald#a1", "reprint#a1", "wire#a1"]
    assert backed["total"] == 4 and backed["filters"] == {"min_sources": 2}
    assert {hit["claim"]["sources"] for hit in backed["hits"]} == {2}
    unnamed = claims_client.get(
        "/search.json", params={"q": "fuel tax", "unnamed_only": "true"}
    ).json()
    assert _attributions(unnamed) == ["post1#a1", "post2#a1"]
    reported = claims_client.get("/search.json", params={"q": "fuel tax", "min_sources": 1})
    assert len(_attributions(reported.json())) == 6
    none = claims_client.get("/search.json", params={"q": "fuel tax", "min_sources": 3}).json()
    assert none["total"] == 0


def test_web_claims_search_filter_without_words_lists_articles(claims_client) -> None:
    found = claims_client.get("/search.json", params={"min_sources": 2}).json()
    assert sorted(hit["doc"] for hit in found["hits"]) == ["courier", "herald", "reprint", "wire"]
    html = claims_client.get("/search", params={"unnamed_only": "1"}).text
    assert "2 articles" in html and "× every result" in html
    assert 'name="unnamed_only" value="True"' in html  # kept by the next search


@pytest.mark.parametrize(
    ("query", "name"),
    [
        ("min_sources=0", "min_sources"),
        ("min_sources=two", "min_sources"),
        ("min_sources=-3", "min_sources"),
        ("min_sources=99999999999999999999999", "min_sources"),
        ("min_sources=1.5", "min_sources"),
        ("unnamed_only=perhaps", "unnamed_only"),
        ("unnamed_only=%00", "unnamed_only"),
    ],
)
def test_web_claims_bad_filters_are_400(claims_client, query: str, name: str) -> None:
    for address in ("/search.json", "/search"):
        found = claims_client.get(f"{address}?{query}")
        assert found.status_code == 400, (address, query)
        assert f"bad parameter &#39;{name}&#39;" in found.text or f"bad parameter '{name}'" in (
            found.text
        )


def test_web_claims_dossier_says_how_corroborated_each_statement_is(claims_client) -> None:
    found = claims_client.get("/speaker/named/hilde-brun.json").json()
    claims = {item["document"]["id"]: item["claim"] for item in found["items"]}
    assert {doc: claim["sources"] for doc, claim in claims.items()} == {
        "wire": 2, "courier": 2, "herald": 2, "reprint": 2,
    }  # fmt: skip
    page = claims_client.get("/speaker/named/hilde-brun").text
    assert "2 independent sources in 4 articles" in page
    lopez = claims_client.get("/speaker/named/ana-lopez.json").json()
    assert [item["claim"] for item in lopez["items"]] == [None]


def test_web_claims_api_page_lists_the_claim_route(claims_client) -> None:
    assert "/claim/{ref}.json" in claims_client.get("/api").text
