"""Acceptance: dates in the seed articles (../shared/ACCEPTANCE.md, "Must" items)."""

import pytest


def value_of(store, doc: str, words: str) -> str:
    text = store.document(doc).text
    start = text.index(words)
    covering = [
        t
        for t in store.times(doc)
        if t.start <= start < t.end or start <= t.start < start + len(words)
    ]
    assert covering, f"no time expression at {words!r}"
    return covering[0].value


@pytest.mark.parametrize(
    ("seed", "words", "value"),
    [
        ("000", "April 2002", "2002-04"),
        ("001", "January 3, 2023", "2023-01-03"),
        ("001", "2020", "2020"),
        ("002", "Saturday, August 4", "2018-08-04"),
        ("002", "August 11, 2017", "2017-08-11"),
        ("002", "March 2018", "2018-03"),
    ],
)
def test_seed_time_expressions_resolve(seeds, seed, words, value):
    store, ids = seeds
    assert value_of(store, ids[seed], words).startswith(value)


def test_seed_002_fall_of_2017_is_autumn(seeds):
    store, ids = seeds
    assert value_of(store, ids["002"], "the fall of 2017") in {"2017-FA", "2017"}


def test_seed_002_publication_date_is_inferred_within_its_window(seeds):
    store, ids = seeds
    document = store.document(ids["002"])
    assert document.published_inferred
    assert document.published_earliest >= "2018-08-05"
    assert document.published_latest <= "2018-10-31"
    assert document.published_earliest <= document.published <= document.published_latest
