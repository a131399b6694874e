"""Actors of events coded with country and sector, read with the real model."""

from __future__ import annotations

import pytest

from fuente.actors.coding import ActorCoder
from fuente.nlp.annotate import model_version
from fuente.pipeline import analyse, prepare
from fuente.records import Actor, RawArticle
from fuente.settings import Settings, load_settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def marovia(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    folder = tmp_path_factory.mktemp("lexicons")
    (folder / "countries.yaml").write_text("MRV: [Marovia, Marovian]\n", encoding="utf-8")
    return load_settings(lexicon_dir=str(folder))


def code(nlp, settings: Settings, text: str, head: str, *, nth: int = 0) -> Actor:
    prepared = prepare(RawArticle("t", "t.txt", text, "text"), settings=settings)
    doc = nlp(prepared.masked)
    found = analyse(prepared, doc, annotator=model_version(nlp), settings=settings)
    coder = ActorCoder(doc, entities=found.entities, mentions=found.mentions, settings=settings)
    token = [t for t in doc if t.text == head][nth]
    assert coder.is_actor(token)
    return coder.code(token)


@pytest.mark.parametrize(
    ("text", "head", "country", "sector"),
    [
        ("Rogue Marovian military officers met the envoy.", "officers", "MRV", "military"),
        ("The Trump administration met the envoy.", "administration", "USA", "government"),
        ("Marovia's interior minister met the envoy.", "minister", "MRV", "government"),
        ("Marovian riot police met the envoy.", "police", "MRV", "police"),
        ("The United Nations met the envoy.", "Nations", "IGO", "international organisation"),
        ("Marovian rebels met the envoy.", "rebels", "MRV", "rebels"),
        ("Marovia met the envoy.", "Marovia", "MRV", None),
        ("The Marovian leader met the envoy.", "leader", "MRV", "government"),
        ("The Marovian rebel leader met the envoy.", "leader", "MRV", "rebels"),
        ("Marovian warships met the envoy.", "warships", "MRV", "military"),
        ("Marovian security forces met the envoy.", "forces", "MRV", "police"),
        ("Marovian negotiators met the envoy.", "negotiators", "MRV", "government"),
        ("Georgian officials met the envoy.", "officials", "GEO", "government"),
        ("Soviet diplomats met the envoy.", "diplomats", "RUS", "government"),
        ("The IAEA met the envoy.", "IAEA", "IGO", "international organisation"),
    ],
)
def test_actors_country_and_sector_from_the_words(
    nlp, marovia, text: str, head: str, country: str, sector: str | None
) -> None:
    actor = code(nlp, marovia, text, head)
    assert (actor.country, actor.sector) == (country, sector)
    assert text[actor.start : actor.end] == actor.text


def test_actors_person_takes_what_the_text_says_of_them_elsewhere(nlp, marovia) -> None:
    text = "Marovia's interior minister, Tomas Varga, spoke. Later, Varga met the envoy."
    actor = code(nlp, marovia, text, "Varga", nth=1)
    assert (actor.text, actor.country, actor.sector) == ("Varga", "MRV", "government")
    assert actor.entity is not None


def test_actors_pronoun_stands_for_the_subject_before(nlp, marovia) -> None:
    text = "Tomas Varga leads the Marovian army. He met the envoy."
    varga = code(nlp, marovia, text, "Varga")
    pronoun = code(nlp, marovia, text, "He")
    assert pronoun.text == "He"
    assert pronoun.entity == varga.entity


def test_actors_description_takes_the_country_of_an_earlier_one(nlp, marovia) -> None:
    text = "Rogue Marovian officers met the envoy. Later the mutinous officers went home."
    prepared = prepare(RawArticle("t", "t.txt", text, "text"), settings=marovia)
    doc = nlp(prepared.masked)
    found = analyse(prepared, doc, annotator=model_version(nlp), settings=marovia)
    coder = ActorCoder(doc, entities=found.entities, mentions=found.mentions, settings=marovia)
    first, second = (coder.code(t) for t in doc if t.text == "officers")
    assert (first.country, second.country) == ("MRV", "MRV")
    assert second.text == "the mutinous officers"


@pytest.mark.parametrize(
    ("text", "head", "country", "sector"),
    [
        ("UNPROFOR troops met the envoy.", "troops", "IGO", "international organisation"),
        ("The ECOWAS envoy met the minister.", "envoy", "IGO", "international organisation"),
        ("The Council of Europe met the envoy.", "Council", "IGO", "international organisation"),
        ("Hizb-i-Islami fighters met the envoy.", "fighters", "AFG", "rebels"),
        ("Tupamaros rebels met the envoy.", "rebels", "URY", "rebels"),
        ("Al-Qaeda militants met the envoy.", "militants", None, "rebels"),
        ("The Peshmerga met the envoy.", "Peshmerga", "IRQ", "military"),
        # a name running on through "of" is read whole, not by its last words
        (
            "The Organization of American States met the envoy.",
            "Organization",
            "IGO",
            "international organisation",
        ),
        (
            "The League of Arab States met the envoy.",
            "League",
            "IGO",
            "international organisation",
        ),
    ],
)
def test_actors_international_organisations_and_armed_groups_are_known(
    nlp, marovia, text: str, head: str, country: str | None, sector: str
) -> None:
    actor = code(nlp, marovia, text, head)
    assert (actor.country, actor.sector) == (country, sector)
