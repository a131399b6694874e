"""Acceptance: entity types on the seed articles (../shared/ACCEPTANCE.md)."""

import re
from pathlib import Path

import pytest

from fuente.ingest import ingest

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"
pytestmark = pytest.mark.skipif(
    not SEEDS.is_dir(), reason="../shared/corpus/seeds is absent: acceptance tests need the seeds"
)


def stored(store, settings, stem: str):
    (path,) = SEEDS.glob(f"{stem}_*.txt")
    (outcome,) = list(ingest([str(path)], store=store, settings=settings))
    assert outcome.status == "stored", outcome.detail
    return outcome.doc


@pytest.mark.parametrize(
    ("surname", "name"),
    [
        ("Cabello", "Diosdado Cabello"),
        ("Maduro", "Nicolás Maduro"),
        ("Rodriguez", "Delcy Rodriguez"),
        ("Abrams", "Elliott Abrams"),
        ("Chavez", "Hugo Chavez"),
    ],
)
def test_seed_001_every_mention_of_a_person_is_that_person(store, settings, surname, name):
    doc = stored(store, settings, "001")
    text = store.document(doc).text
    excluded = store.excluded(doc)
    owner = {}
    for entity, mentions in store.entities(doc):
        for mention in mentions:
            owner[(mention.start, mention.end)] = entity
    found = [
        m.span()
        for m in re.finditer(rf"\b{surname}\b", text)
        if not any(r.start <= m.start() < r.end for r in excluded)
    ]
    assert found
    entities = set()
    for start, end in found:
        covering = [e for (s, t), e in owner.items() if s <= start and end <= t]
        assert covering, f"{surname} at {start} is not a mention"
        assert covering[0].type == "PERSON", f"{surname} at {start} is {covering[0].type}"
        entities.add(covering[0].id)
    (entity_id,) = entities
    assert {e.name for e, _ in store.entities(doc) if e.id == entity_id} == {name}


@pytest.mark.parametrize(
    ("written", "actor", "name"),
    [
        ("María Corina", "maria-corina-machado", "María Corina Machado"),
        ("Edmundo", "edmundo-gonzalez-urrutia", "Edmundo González Urrutia"),
    ],
)
def test_seed_000_the_opposition_leaders_are_people_of_the_knowledge_base(
    store, settings, written, actor, name
):
    from fuente.query.actors import actor_detail

    doc = stored(store, settings, "000")
    (entity,) = [e for e, _ in store.entities(doc) if e.name == written]
    assert entity.type == "PERSON"
    detail = actor_detail(store, actor)
    assert detail is not None and detail["name"] == name and detail["kind"] == "person"
    assert entity.id in {link["ref"] for link in detail["links"]}
