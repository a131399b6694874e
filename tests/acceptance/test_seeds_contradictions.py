"""Acceptance: contradictions on the seed articles (../shared/ACCEPTANCE.md, issue 16)."""

from fuente.query.contradictions import contradictions


def test_seed_001_the_denial_by_cabello_of_the_drug_trafficking_allegation(seeds) -> None:
    store, docs = seeds
    (found,) = [c for c in contradictions(store, doc=docs["001"]) if c["rule"] == "denial"]
    assert found["actor"] == "diosdado-cabello"
    text = store.document(docs["001"]).text
    for side in (found["one"], found["other"]):
        assert side["doc"] == docs["001"]
        assert text[side["start"] : side["end"]] == side["text"]
    assert "allegations of drug trafficking" in found["one"]["text"]  # what is alleged
    assert found["other"]["text"].startswith("denied any connections to drug trafficking")


def test_seed_001_the_bounty_raised_is_no_contradiction(seeds) -> None:
    store, docs = seeds
    found = list(contradictions(store, doc=docs["001"]))
    assert [c["rule"] for c in found] == ["denial"]
    assert not any("million" in side["text"] for c in found for side in (c["one"], c["other"]))


def test_seeds_no_contradiction_across_the_seeds(seeds) -> None:
    store, docs = seeds
    assert list(contradictions(store, doc=docs["000"])) == []
    assert list(contradictions(store, doc=docs["002"])) == []
