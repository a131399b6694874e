"""Acceptance: who said what in the seed articles (../shared/ACCEPTANCE.md, "Must" items)."""

import pytest


def said(store, doc):
    """(speaker, content text, attribution) for every attribution of the document."""
    text = store.document(doc).text
    speakers = {s.id: s for s in store.speakers(doc)}
    return [
        (speakers.get(a.speaker), text[a.content_start : a.content_end], a)
        for a in store.attributions(doc)
    ]


def by(rows, words: str):
    return [row for row in rows if words in row[1]]


def test_seed_000_the_insider_is_one_unnamed_government_speaker(seeds):
    store, ids = seeds
    rows = said(store, ids["000"])
    statements = [
        "The gringos are busy",
        "Doesn’t matter",
        "Look, even we know Edmundo won that election",
        "Not a factor",
        "Still aligned. No cracks.",
        "Under control. Remittances are keeping them afloat.",
        "those are political persecutions",
    ]
    insiders = set()
    for words in statements:
        found = by(rows, words)
        assert found, f"no attribution holds {words!r}"
        assert len(found) == 1, f"{words!r} is counted {len(found)} times"
        insiders.add(found[0][0].id)
    (insider_id,) = insiders
    insider = next(s for s in store.speakers(ids["000"]) if s.id == insider_id)
    assert insider.kind == "unnamed"
    assert "chavista official" in (insider.description or insider.name)
    assert insider.country == "VEN"
    assert insider.sector == "government"
    assert len({a.content_start for s, _, a in rows if s is not None and s.id == insider_id}) >= 10


def test_seed_000_questions_are_the_authors_and_names_in_quotes_say_nothing(seeds):
    store, ids = seeds
    rows = said(store, ids["000"])
    (question,) = by(rows, "Do you actually believe this?")
    assert question[0].kind == "author"
    for words in ("What about the military?", "The people?"):
        assert all(row[0].kind == "author" for row in by(rows, words))
    names = {s.name for s, _, _ in rows if s is not None}
    assert not names & {"Nicolás Maduro", "Maduro", "María Corina", "Edmundo", "Cubans"}


def test_seed_001_unnamed_sources_keep_their_descriptions(seeds):
    store, ids = seeds
    descriptions = {
        (s.description or s.name).lower() for s in store.speakers(ids["001"]) if s.kind == "unnamed"
    }
    for wanted in (
        "multiple sources familiar with the negotiations",
        "a source briefed on us concerns",
        "a source familiar with the situation",
        "us officials",
        "rights groups",
        "some in washington",
    ):
        assert any(wanted in d or d in wanted for d in descriptions), (wanted, descriptions)


def test_seed_001_named_speakers_and_what_they_said(seeds):
    store, ids = seeds
    rows = said(store, ids["001"])
    (abrams,) = by(rows, "many Venezuelans expect Cabello to be removed")
    assert abrams[0].kind == "person" and abrams[0].name == "Elliott Abrams"
    (cabello,) = by(rows, "Venezuela will not surrender.")
    assert cabello[0].kind == "person" and cabello[0].name == "Diosdado Cabello"
    assert cabello[2].kind == "direct"


def test_seed_001_the_talks_rest_on_unnamed_sources_only(seeds):
    store, ids = seeds
    doc = ids["001"]
    text = store.document(doc).text
    (first,) = [s for s in store.lead(doc) if text[s.start : s.end].startswith("Discussions")]
    assert first.support == "unnamed-only"


def test_seed_002_named_and_outlet_speakers(seeds):
    store, ids = seeds
    rows = said(store, ids["002"])
    kinds = {(s.kind, s.name) for s, _, _ in rows if s is not None}
    for name in ("John Bolton", "Mark Feierstein", "Mari Carmen Aponte", "Alejandro Werner"):
        assert ("person", name) in kinds, name
    outlets = {name for kind, name in kinds if kind == "outlet"}
    assert "The New York Times" in outlets and "Reuters" in outlets
    (bolton,) = [a for s, _, a in rows if s is not None and s.name == "John Bolton"][:1]
    assert bolton.through in {"Fox News", "Fox News Sunday"}
    feierstein = [a for s, _, a in rows if s is not None and s.name == "Mark Feierstein"]
    assert feierstein[0].through == "Associated Press"


@pytest.mark.parametrize(
    ("description", "outlet"),
    [
        ("one official", "CNN"),
        ("a person", "Bloomberg"),
        ("one venezuelan official", "The New York Times"),
        ("former venezuelan", "The New York Times"),
    ],
)
def test_seed_002_unnamed_speakers_and_the_outlet_they_spoke_through(seeds, description, outlet):
    store, ids = seeds
    rows = said(store, ids["002"])
    matching = [
        a
        for s, _, a in rows
        if s is not None
        and s.kind == "unnamed"
        and description in (s.description or s.name).lower()
        and a.through == outlet
    ]
    assert matching, description


def test_seed_002_colon_quotation_belongs_to_the_official(seeds):
    store, ids = seeds
    rows = said(store, ids["002"])
    (row,) = by(rows, "It was the commander in chief saying this now")
    assert row[0].kind == "unnamed"
    assert "official" in (row[0].description or row[0].name).lower()


def test_seed_001_the_denial_after_the_bounty_is_cabellos(seeds):
    store, ids = seeds
    rows = said(store, ids["001"])
    (denial,) = by(rows, "any connections to drug trafficking")
    assert denial[0].kind == "person" and denial[0].name == "Diosdado Cabello"


def test_seed_002_the_president_and_the_commander_in_chief_are_trump(seeds):
    store, ids = seeds
    doc = ids["002"]
    (dinner,) = by(said(store, doc), "My staff told me not to say this.")
    speaker = dinner[0]
    assert speaker.kind == "person" and speaker.name in {"Trump", "Donald Trump"}
    mentions = [m for entity, found in store.entities(doc) if entity.id == speaker.entity
                for m in found]  # fmt: skip
    described = {m.text.lower() for m in mentions if m.label == "DESCRIPTION"}
    assert {"the president", "the commander in chief"} <= described, described
