"""The small functions behind the claims pages: a claim's address, its sources besides one
article's, the order of an origin's reports, the lead statements others corroborate, the
search results a claims filter keeps, and a claim all of whose reports stand in one article."""

from __future__ import annotations

import pytest
from test_corroboration import article, ingest

from fuente.query.claim_view import claim_view
from fuente.query.claims import claim, claim_refs, claim_summaries, others
from fuente.query.corroboration import origin_groups
from fuente.query.links import claim_path
from fuente.query.search import on_claims
from fuente.query.sourcing import corroborated_lead
from fuente.store.claims import add_claim, add_member


def member(doc: str, outlet: str | None, *, copy_of: str | None = None, **more) -> dict:
    return {"ref": f"{doc}#a1", "doc": doc, "copy_group": copy_of or doc, "outlet": outlet,
            "speaker_kind": "person", **more}  # fmt: skip


MEMBERS = [
    member("wire", "Marovia Press Agency"),
    member("reprint", "Halvik Daily", copy_of="wire"),
    member("herald", "The Herald"),
    member("courier", "Courier", through="The Herald"),
    member("gazette", "Gazette"),
]


@pytest.mark.parametrize(
    ("claim_id", "address"),
    [
        ("claim:16-budget-freeze#a4", "/claim/16-budget-freeze%23a4"),
        ("claim:desk/12#a3", "/claim/desk%2F12%23a3"),
        ("claim:a b#e1", "/claim/a%20b%23e1"),
        ("claim:notes.json", "/claim/notes%2Ejson"),
    ],
)
def test_links_claim_path_encodes_the_id_without_its_prefix(claim_id: str, address: str) -> None:
    assert claim_path(claim_id) == address


@pytest.mark.parametrize(
    ("doc", "articles", "sources"),
    [
        ("wire", 4, 2),  # the Herald and the Gazette; the reprint is its own copy
        ("reprint", 4, 2),
        ("courier", 4, 2),  # it relays the Herald: the wire story and the Gazette are others
        ("gazette", 4, 2),
        ("elsewhere", 5, 3),  # an article holding no report: every source is another's
    ],
)
def test_claims_others_counts_sources_holding_no_report_of_the_article(
    doc: str, articles: int, sources: int
) -> None:
    assert others(MEMBERS, doc) == {"articles": articles, "sources": sources}


def test_corroboration_origin_groups_put_the_own_report_first() -> None:
    relay = member("early", "Courier", through="The Herald", published="2025-03-01")
    groups = origin_groups([relay, member("herald", "The Herald")])
    assert groups == [[1, 0]]  # the Herald's own report stands for it, though later
    assert origin_groups(MEMBERS) == [[0, 1], [2, 3], [4]]


def summary(sources: int) -> dict:
    return {"id": f"claim:{sources}", "others": {"articles": sources + 1, "sources": sources}}


def test_sourcing_corroborated_lead_takes_the_most_corroborated_claim() -> None:
    lead = [
        {"part": "title", "start": 0, "end": 9, "attributions": ["d#a1", "d#a2", "d#a3"]},
        {"part": "deck", "start": 10, "end": 20, "attributions": ["d#a4"]},
        {"part": "lead", "start": 21, "end": 40, "attributions": []},
    ]
    claims = {"d#a1": summary(1), "d#a2": summary(3), "d#a4": summary(0)}
    found = corroborated_lead(lead, claims)
    assert [(s["part"], s["claim"] and s["claim"]["id"], s["corroborated"]) for s in found] == [
        ("title", "claim:3", True),
        ("deck", "claim:0", False),  # reported elsewhere only by its own source's copies
        ("lead", None, False),
    ]


ROWS = [
    ("ax#a1", "X", "en", "2025", "named"),
    ("ay#a1", "Y", "en", "2025", "named"),
    ("dx", "X", "en", "2025", None),
    ("dz", "Z", "en", "2025", None),
]


@pytest.mark.parametrize(
    ("texts", "kept"),
    [(False, ["ax#a1"]), (True, ["ax#a1", "dx"])],
)
def test_searchon_claims_keeps_claimed_attributions_and_their_articles(texts, kept) -> None:
    found = on_claims(ROWS, {"x#a1": "x"}, texts=texts)
    assert [row[0] for row in found] == kept


def test_claims_one_article_claim_is_read_but_listed_nowhere(store, settings) -> None:
    ingest(store, settings, article("herald", "The Herald"))
    add_claim(store.db, "claim:herald#a1", kind="statement", label="x", actor=None, version="t")
    add_member(store.db, "herald#a1", "herald", claim="claim:herald#a1", matched=None,
               score=1.0, reason="t", version="t")  # fmt: skip
    assert claim_summaries(store, ["herald#a1"]) == {}
    assert claim_refs(store) == {}
    row, members = claim(store, "claim:herald#a1")
    assert row["documents"] == 1 and row["sources"] == 1 and len(members) == 1
    view = claim_view(store, "claim:herald#a1")
    assert view["origins"][0]["members"] == ["herald#a1"] and view["members"][0]["origin"] == 0
    assert claim(store, "claim:nothing") is None and claim_view(store, "claim:nothing") is None


def test_claims_summaries_and_filters_agree_with_the_listing(store, settings) -> None:
    listed = ingest(
        store, settings,
        article("herald", "The Herald"),
        article("courier", "Courier"),
        article("gazette", "Gazette", through="Courier"),
    )  # fmt: skip
    [row] = listed
    summaries = claim_summaries(store, [m["ref"] for m in row["members"]])
    assert {s["sources"] for s in summaries.values()} == {row["sources"]} == {2}
    assert summaries["gazette#a1"]["others"] == {"articles": 2, "sources": 1}
    assert set(claim_refs(store, min_sources=2)) == {"herald#a1", "courier#a1", "gazette#a1"}
    assert claim_refs(store, min_sources=3) == {} and claim_refs(store, unnamed_only=True) == {}
