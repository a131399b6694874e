"""Acceptance: knowledge checks on the seed articles (../shared/ACCEPTANCE.md)."""


def test_seed_001_the_trump_administration_before_2023_is_flagged(seeds) -> None:
    store, docs = seeds
    text = store.document(docs["001"]).text
    (finding,) = [f for f in store.findings(docs["001"]) if f.rule == "administration-on-date"]
    assert text[finding.actor_start : finding.actor_end] == "Trump administration"
    assert text[finding.date_start : finding.date_end] == "January 3, 2023"
    assert finding.kb == "donald-trump" and finding.date_value == "2023-01-03"
    assert "2017-01-20 to 2021-01-20" in finding.message


def test_seeds_no_check_fires_where_the_roles_fit_their_dates(seeds) -> None:
    store, docs = seeds
    assert list(store.findings(docs["000"])) == []
    assert list(store.findings(docs["002"])) == []
