"""One actor across articles: the decisions of fuente.actors.identity, and the linking pass
over a store (fuente.corpus.actors) on documents written by hand."""

import pytest

from fuente.actors.identity import (
    ActorCandidate,
    ActorName,
    KnownEntry,
    acronym,
    actor_id,
    decide,
    is_proper_name,
    known_entry,
    linking_form,
    name_keys,
    own_name,
    person_parts,
)
from fuente.actors.known import known_actors
from fuente.corpus.actors import link_pending, rebuild_actors
from fuente.query.actors import actor_detail, actor_rows
from fuente.records import ArticleRecords, Document, Entity, Mention, Speaker

TITLES = {"sen", "president", "mr"}


def name(text: str, kind: str = "person", *, year: int | None = None) -> ActorName:
    return ActorName(f"d#{text}", "d", kind, text, ((text, 1),), year)


def actor(id: str, *aliases: str, kind: str = "person", kb: str | None = None) -> ActorCandidate:
    return ActorCandidate(id, aliases[0], kind, kb, aliases)


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        ("Sen. Bernard J. Sanders", ("bernard", "sanders")),
        ("Sanders", (None, "sanders")),
        ("Donald Trump Jr.", ("donald", "trump jr")),
        ("Mr. Díaz", (None, "diaz")),
    ],
)
def test_identity_person_parts(text, parts) -> None:
    assert person_parts(text, titles=TITLES) == parts


@pytest.mark.parametrize(
    ("text", "short"),
    [
        ("FBI", "fbi"),
        ("U.N.", "un"),
        ("Federal Bureau of Investigation", "fbi"),
        ("Congress", None),
    ],
)
def test_identity_acronym(text, short) -> None:
    assert acronym(text) == short


@pytest.mark.parametrize(
    ("text", "proper"),
    [
        ("Interior Ministry", True),
        ("the Central Bank of Marovia", True),
        ("ministry", False),
        ("his ministry", False),
        ("Vestmark's foreign ministry", False),
        ("Ruiz 44.1 percent", False),
    ],
)
def test_identity_is_proper_name(text, proper) -> None:
    assert is_proper_name(text) is proper


@pytest.mark.parametrize(
    ("text", "kind", "name"),
    [
        ("Unity Party's Carla Ruiz", "person", "Carla Ruiz"),
        ("Carla Ruiz", "person", "Carla Ruiz"),
        ("Pagani's lawyer", "person", None),
        ("Vestmark's Ruiz", "person", None),  # one word after it: whose is unclear
        ("Vestmark's Interior Ministry", "organisation", None),
        ("Interior Ministry", "organisation", "Interior Ministry"),
    ],
)
def test_identity_own_name(text, kind, name) -> None:
    assert own_name(text, kind) == name


def test_identity_actor_id_drops_a_leading_article() -> None:
    assert actor_id("The Interior Ministry") == "interior-ministry"
    assert actor_id("Ramón Díaz") == "ramon-diaz"


def test_identity_full_name_joins_the_actor_with_that_first_name() -> None:
    candidates = [actor("bill", "Bill Clinton"), actor("hillary", "Hillary Clinton", "Clinton")]
    decision = decide(name("Hillary Rodham Clinton"), candidates, known=None, titles=TITLES)
    assert decision.actor == "hillary"
    assert "Hillary Clinton" in decision.reason


def test_identity_first_name_spelt_close_still_joins() -> None:
    decision = decide(name("Hilary Clinton"), [actor("h", "Hillary Clinton")], known=None)
    assert decision.actor == "h"


def test_identity_bare_surname_of_several_actors_is_left_unlinked() -> None:
    candidates = [actor("bill", "Bill Clinton"), actor("hillary", "Hillary Clinton")]
    decision = decide(name("Clinton"), candidates, known=None, titles=TITLES)
    assert decision.actor is None and decision.new is None
    assert "Bill Clinton" in decision.reason and "Hillary Clinton" in decision.reason


def test_identity_bare_surname_joins_the_only_actor_with_it() -> None:
    decision = decide(name("Sanders"), [actor("b", "Bernie Sanders")], known=None)
    assert decision.actor == "b"


def test_identity_another_first_name_founds_a_new_actor() -> None:
    decision = decide(name("Ivanka Trump"), [actor("d", "Donald Trump")], known=None)
    assert decision.actor is None and decision.new is not None
    assert decision.new.name == "Ivanka Trump"


def test_identity_surname_only_actor_takes_the_first_full_name() -> None:
    decision = decide(name("Bernie Sanders"), [actor("s", "Sanders")], known=None)
    assert decision.actor == "s"


def test_identity_knowledge_base_entry_wins() -> None:
    entry = KnownEntry("donald-trump", "Donald Trump", "person", "USA", "government")
    found = decide(name("Trump"), [actor("t", "Trump", kb="donald-trump")], known=entry)
    assert found.actor == "t"
    founded = decide(name("Trump"), [], known=entry)
    assert founded.new is not None and founded.new.kb == "donald-trump"
    assert founded.new.country == "USA"


def test_identity_bare_surname_of_the_knowledge_base_and_the_corpus_is_left_unlinked() -> None:
    entry = KnownEntry("vladimir-padrino-lopez", "Vladimir Padrino López", "person", "VEN", None)
    found = decide(name("López"), [actor("ana-lopez", "Ana López")], known=entry)
    assert found.actor is None and found.new is None and "Ana López" in found.reason
    full = decide(name("Padrino López"), [actor("ana-lopez", "Ana López")], known=entry)
    assert full.new is not None and full.new.kb == "vladimir-padrino-lopez"


def test_identity_an_office_held_before_a_bare_surname_picks_the_knowledge_base(settings) -> None:
    known = known_actors(settings)
    michelle = [actor("michelle-obama", "Michelle Obama")]
    titled = ActorName("d#o", "d", "person", "Obama", (("Obama", 2),), 2016, "called on President")
    entry = known_entry(titled, known)
    assert entry is not None and entry.titled
    found = decide(titled, michelle, known=entry)
    assert found.new is not None and found.new.kb == entry.id
    bare = ActorName("d#o", "d", "person", "Obama", (("Obama", 2),), 2019, "said that")
    assert decide(bare, michelle, known=known_entry(bare, known)).new is None  # out of office
    before = ActorName("d#o", "d", "person", "Obama", (("Obama", 1),), 1990, "President")
    entry = known_entry(before, known)
    assert entry is None or not entry.titled  # not president yet in 1990


def test_identity_a_bare_surname_is_linked_by_its_one_fuller_form() -> None:
    quoted = ActorName("d#t", "d", "person", "Trump", (("Trump", 3), ("Donald Trump", 1)))
    assert linking_form(quoted, titles=TITLES) == "Donald Trump"
    two = ActorName(
        "d#c",
        "d",
        "person",
        "Clinton",
        (("Clinton", 3), ("Bill Clinton", 1), ("Hillary Clinton", 1)),
    )
    assert linking_form(two, titles=TITLES) == "Clinton"
    assert linking_form(name("Jill Stein"), titles=TITLES) == "Jill Stein"


def test_identity_organisation_by_name_and_acronym() -> None:
    fbi = actor("fbi", "FBI", kind="organisation")
    long = name("Federal Bureau of Investigation", "organisation")
    assert decide(long, [fbi], known=None).actor == "fbi"
    again = name("the FBI", "organisation")
    assert decide(again, [fbi], known=None).actor == "fbi"
    other = actor("fbc", "First Baptist Church", kind="organisation")
    assert decide(long, [other], known=None).new is not None  # two expansions are not one


def test_identity_a_name_typed_otherwise_joins_the_same_name() -> None:
    alliance = actor("ca", "Civic Alliance", kind="organisation")
    decision = decide(name("Civic Alliance", "person"), [alliance], known=None)
    assert decision.actor == "ca"


def test_identity_keys_block_by_surname_and_acronym() -> None:
    assert "p:sanders" in name_keys(name("Sen. Bernie Sanders"), known=None, titles=TITLES)
    keys = name_keys(name("Federal Bureau of Investigation", "organisation"), known=None)
    assert {"o:federal bureau of investigation", "a:fbi", "o:fbi"} <= set(keys)


@pytest.mark.parametrize(
    ("text", "year", "expected"),
    [
        ("George Bush", 1990, "George H. W. Bush"),
        ("George Bush", 2004, "George W. Bush"),
        ("George W. Bush", 2016, "George W. Bush"),
        ("Clinton", 2016, None),
        ("Clinton", 1995, "Bill Clinton"),
        ("Obama", 2016, "Barack Obama"),
    ],
)
def test_identity_knowledge_base_reads_the_date(settings, text, year, expected) -> None:
    entry = known_entry(name(text, year=year), known_actors(settings))
    assert (entry.name if entry else None) == expected


def _article(doc: str, published: str, names: list[tuple[str, str, list[str]]]) -> ArticleRecords:
    """An article naming ``names``: (canonical name, type, mention texts)."""
    text = " ".join(form for _, _, forms in names for form in forms) + "."
    entities, mentions, position = [], [], 0
    for number, (canonical, type_, forms) in enumerate(names):
        entity = Entity(f"{doc}#e{number}", doc, canonical, type_, "test@1")
        entities.append(entity)
        for form in forms:
            mentions.append(
                Mention(doc, entity.id, position, position + len(form), form, type_, "t")
            )
            position += len(form) + 1
    document = Document(doc, f"{doc}.txt", "text", text, doc * 3, "test@1", published=published)
    return ArticleRecords(document, entities=tuple(entities), mentions=tuple(mentions))


def test_identity_links_across_stored_articles(store, settings) -> None:
    store.write(
        _article("a", "2016-09-01", [("Donald Trump", "PERSON", ["Donald Trump", "Trump"])])
    )
    store.write(_article("b", "2016-09-02", [("Trump", "PERSON", ["Mr. Trump"])]))
    store.write(_article("c", "2016-09-03", [("Ivanka Trump", "PERSON", ["Ivanka Trump"])]))
    store.write(
        _article(
            "d",
            "2016-09-04",
            [
                ("Civic Alliance", "ORG", ["Civic Alliance"]),
                ("Hilde Brun", "PERSON", ["Hilde Brun"]),
            ],
        )
    )
    store.write(_article("e", "2016-09-05", [("Civic Alliance", "PERSON", ["Civic Alliance"])]))
    report = link_pending(store, settings=settings)
    assert report.documents == 5
    rows = {row["id"]: row for row in actor_rows(store)}
    assert rows["donald-trump"]["aliases"] == {"Donald Trump": 1, "Trump": 1, "Mr. Trump": 1}
    assert rows["donald-trump"]["kb"] == "donald-trump"
    assert "ivanka-trump" in rows and rows["ivanka-trump"]["kb"] is None
    assert rows["civic-alliance"]["mentions"] == 2
    assert rows["civic-alliance"]["kind"] == "organisation"
    assert link_pending(store, settings=settings).documents == 0  # nothing left to link
    detail = actor_detail(store, "donald-trump")
    assert [link["doc"] for link in detail["links"]] == ["a", "b"]
    assert all(link["reason"] for link in detail["links"])


def test_identity_a_replaced_document_takes_its_aliases_away(store, settings) -> None:
    store.write(_article("a", "2016-09-01", [("Hilde Brun", "PERSON", ["Hilde Brun", "Brun"])]))
    store.write(_article("b", "2016-09-02", [("Hilde Brun", "PERSON", ["Ms. Brun"])]))
    link_pending(store, settings=settings)
    store.write(_article("b", "2016-09-02", [("Hilde Brun", "PERSON", ["Hilde Brun"])]))
    assert link_pending(store, settings=settings).documents == 1  # linked again
    assert actor_detail(store, "hilde-brun")["aliases"] == {"Hilde Brun": 2, "Brun": 1}


def test_identity_rebuild_links_everything_again(store, settings) -> None:
    store.write(_article("a", "2016-09-01", [("Hilde Brun", "PERSON", ["Hilde Brun"])]))
    link_pending(store, settings=settings)
    report = rebuild_actors(store, settings=settings)
    assert report.documents == 1 and report.founded == 1
    assert [row["id"] for row in actor_rows(store)] == ["hilde-brun"]


def test_identity_named_speaker_without_entity_is_linked(store, settings) -> None:
    records = _article("a", "2016-09-01", [("Hilde Brun", "PERSON", ["Hilde Brun"])])
    speakers = (
        Speaker("a#s1", "a", "organisation", "Central Bank of Marovia", "t"),
        Speaker("a#s2", "a", "organisation", "his ministry", "t"),
    )
    store.write(ArticleRecords(records.document, entities=records.entities,
                               mentions=records.mentions, speakers=speakers))  # fmt: skip
    link_pending(store, settings=settings)
    ids = {row["id"] for row in actor_rows(store)}
    assert ids == {"hilde-brun", "central-bank-of-marovia"}


def test_identity_a_description_names_the_office_holder_of_the_articles_date(store, settings):
    records = _article("a", "2024-11-05", [("Hilde Brun", "PERSON", ["Hilde Brun"])])
    described = [
        ("a#s1", "Venezuela's interior minister"),  # Diosdado Cabello on that date
        ("a#s2", "Venezuela's former interior minister"),  # whose spell is over: no one
        ("a#s3", "a Venezuelan minister"),  # no office held by one person
    ]
    speakers = tuple(
        Speaker(ref, "a", "unnamed", text, "t", description=text, count="1")
        for ref, text in described
    )
    store.write(ArticleRecords(records.document, entities=records.entities,
                               mentions=records.mentions, speakers=speakers))  # fmt: skip
    link_pending(store, settings=settings)
    detail = actor_detail(store, "diosdado-cabello")
    assert detail is not None
    assert [link["ref"] for link in detail["links"]] == ["a#s1"]
    assert "2024-11-05" in detail["links"][0]["reason"]


def test_identity_a_bare_surname_is_who_headed_the_state_that_year(settings) -> None:
    from dataclasses import replace

    known = known_actors(settings)
    michelle = [actor("michelle-obama", "Michelle Obama")]
    bare = ActorName("d#o", "d", "person", "Obama", (("Obama", 2),), 2016, "said that")
    entry = known_entry(bare, known)
    assert entry is not None and entry.sitting
    found = decide(bare, michelle, known=entry)
    assert found.new is not None and found.new.kb == entry.id
    named = replace(bare, namesakes=1)  # the article names Michelle Obama too: no telling
    assert decide(named, michelle, known=known_entry(named, known)).new is None
    later = replace(bare, year=2019)
    entry = known_entry(later, known)
    assert entry is None or not entry.sitting
