"""Acceptance: events in the seed articles (issue 5: PLOVER events, item 7).

../shared/ACCEPTANCE.md lists what a careful reader takes from each seed; these are the
events such a reader records from 001 and 002, and the rule that a speaker's mere mention
makes no event (000).
"""

from __future__ import annotations

import pytest

from fuente.records import Event


def entity_ids(store, doc: str, name: str) -> set[str]:
    return {entity.id for entity, _ in store.entities(doc) if name in entity.name}


def words(store, doc: str, event: Event) -> str:
    return store.document(doc).text[event.start : event.end]


def find(store, doc: str, category: str | set[str], **checks) -> list[Event]:
    categories = {category} if isinstance(category, str) else category
    return [
        event
        for event in store.events(doc)
        if event.category in categories and all(check(event) for check in checks.values())
    ]


@pytest.fixture(scope="module")
def seed_001(seeds):
    store, ids = seeds
    return store, ids["001"]


@pytest.fixture(scope="module")
def seed_002(seeds):
    store, ids = seeds
    return store, ids["002"]


def test_seed_001_operation_to_detain_maduro(seed_001) -> None:
    store, doc = seed_001
    maduro = entity_ids(store, doc, "Maduro")
    found = find(
        store,
        doc,
        {"COERCE", "ASSAULT"},
        source=lambda e: e.source is not None and e.source.country == "USA",
        target=lambda e: e.target is not None and e.target.entity in maduro,
        date=lambda e: (e.date_value or "").startswith("2023-01-03"),
    )
    assert found, "no US operation against Maduro dated 2023-01-03"
    assert found[0].category == "ASSAULT" or found[0].mode == "arrest"
    assert found[0].modality == "happened" and not found[0].negated


def test_seed_001_talks_between_us_officials_and_cabello(seed_001) -> None:
    store, doc = seed_001
    cabello = entity_ids(store, doc, "Cabello")
    found = find(
        store,
        doc,
        "CONSULT",
        source=lambda e: e.source is not None and e.source.country == "USA",
        target=lambda e: e.target is not None and e.target.entity in cabello,
    )
    assert found
    assert found[0].target.country == "VEN"


def test_seed_001_talks_told_by_an_unnamed_source(seed_001) -> None:
    store, doc = seed_001
    speakers = {s.id: s for s in store.speakers(doc)}
    told = {a.id: speakers.get(a.speaker or "") for a in store.attributions(doc)}
    unnamed = [
        e
        for e in find(store, doc, "CONSULT")
        if told.get(e.attribution or "") is not None and told[e.attribution].kind == "unnamed"
    ]
    assert unnamed, "no talks event marked as told by an unnamed source"


def test_seed_001_bounty_on_cabello(seed_001) -> None:
    store, doc = seed_001
    cabello = entity_ids(store, doc, "Cabello")
    (bounty,) = find(store, doc, "SANCTION", words=lambda e: words(store, doc, e) == "bounty")
    assert bounty.source.country == "USA"
    assert bounty.target.entity in cabello
    assert bounty.date_value == "2020"


def test_seed_001_release_of_political_prisoners(seed_001) -> None:
    store, doc = seed_001
    found = find(store, doc, "CONCEDE", words=lambda e: words(store, doc, e) == "release")
    assert found
    assert found[0].target is not None and found[0].target.text == "political prisoners"


def test_seed_001_cabello_was_not_apprehended(seed_001) -> None:
    store, doc = seed_001
    cabello = entity_ids(store, doc, "Cabello")
    found = find(
        store,
        doc,
        "COERCE",
        negated=lambda e: e.negated,
        target=lambda e: e.target is not None and e.target.entity in cabello,
        words=lambda e: words(store, doc, e) == "apprehended",
    )
    assert found


def test_seed_002_drone_explosions_of_august_4(seed_002) -> None:
    store, doc = seed_002
    found = find(store, doc, "ASSAULT", date=lambda e: e.date_value == "2018-08-04")
    assert found
    assert words(store, doc, found[0]) == "exploded"


def test_seed_002_meetings_with_rebel_officers_in_fall_2017(seed_002) -> None:
    store, doc = seed_002

    def sides(event: Event) -> bool:
        return (
            event.source is not None
            and (event.source.country, event.source.sector) == ("USA", "government")
            and event.target is not None
            and (event.target.country, event.target.sector) == ("VEN", "military")
        )

    meetings = find(store, doc, "CONSULT", sides=sides)
    assert len(meetings) >= 2
    autumn = [e for e in meetings if (e.date_value or "").startswith("2017")]
    assert autumn, "no meeting dated the fall of 2017"
    assert autumn[0].date_value in {"2017-FA", "2017"}


def test_seed_002_rebels_ask_for_encrypted_radios(seed_002) -> None:
    store, doc = seed_002
    found = find(
        store,
        doc,
        "REQUEST",
        source=lambda e: e.source is not None and e.source.sector == "rebels",
        words=lambda e: words(store, doc, e) == "asked",
    )
    assert found


def test_seed_002_us_decided_not_to_help(seed_002) -> None:
    store, doc = seed_002
    found = [
        e
        for e in find(store, doc, {"AID", "REJECT"})
        if e.source is not None
        and e.source.country == "USA"
        and (e.category == "REJECT" or e.negated)
        and words(store, doc, e) == "help"
    ]
    assert found


def test_seed_000_no_event_from_a_mere_mention(seeds) -> None:
    store, ids = seeds
    doc = ids["000"]
    named = set().union(
        *(entity_ids(store, doc, name) for name in ("Maduro", "Edmundo", "María Corina", "Cuba"))
    )
    assert not [e for e in store.events(doc) if e.source is not None and e.source.entity in named]
