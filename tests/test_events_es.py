"""Spanish events: the event layer on Spanish sentences written here, parsed by the Spanish
pipeline and read through ``fuente.events.ud``; and the UD view itself on a Doc made by hand."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from fuente.events.lexicon import event_lexicon
from fuente.events.ud import english_labels
from fuente.lexicon import lexicon_language
from fuente.pipeline import Prepared, analyse, prepare
from fuente.records import Event, RawArticle
from fuente.settings import Settings


@pytest.fixture(scope="module")
def nlp_es(settings: Settings):
    from fuente.nlp.annotate import load_pipeline

    return load_pipeline(settings, language="es")


def events_of(text: str, nlp_es, settings: Settings) -> tuple[Event, ...]:
    raw = RawArticle("t", "t", text, "text", meta={"language": "es"})
    ready = prepare(raw, settings=settings)
    assert isinstance(ready, Prepared)
    return analyse(ready, nlp_es(ready.masked), annotator="test", settings=settings).events


def test_events_es_lexicon_is_the_documents_language(settings: Settings) -> None:
    assert lexicon_language("es", name="events") == "es"
    assert lexicon_language("", name="events") == "en"  # a Doc made by hand
    assert lexicon_language("xx", name="events") == "en"
    spanish = event_lexicon(settings, language="es")
    assert spanish.patterns["detener"][0].category == "COERCE"
    assert "detener" not in event_lexicon(settings).patterns


def test_events_es_ud_view_hangs_nouns_from_their_prepositions(settings: Settings) -> None:
    words = ["Los", "estudiantes", "no", "marcharon", "contra", "el", "gobierno", "."]
    heads = [1, 3, 3, 3, 6, 6, 3, 3]
    deps = ["det", "nsubj", "advmod", "ROOT", "case", "det", "obl", "punct"]
    doc = Doc(spacy.blank("es").vocab, words=words, heads=heads, deps=deps)
    doc._.fuente_entities = ()
    view = english_labels(
        doc, event_lexicon(settings, language="es"), lexicon_dir=None, language="es"
    )
    assert view.text == doc.text
    assert [(t.dep_, t.head.text) for t in view[2:7]] == [
        ("neg", "marcharon"),
        ("ROOT", "marcharon"),
        ("prep", "marcharon"),
        ("det", "gobierno"),
        ("pobj", "contra"),
    ]


def test_events_es_personal_a_and_demonym_after_the_noun(nlp_es, settings: Settings) -> None:
    (event,) = events_of("El gobierno venezolano expulsó al embajador de España.", nlp_es, settings)
    assert (event.category, event.mode, event.modality) == ("SANCTION", "expel", "happened")
    assert (event.source.text, event.source.country) == ("El gobierno venezolano", "VEN")
    assert (event.target.text, event.target.country) == ("embajador de España", "ESP")


def test_events_es_passive_agent_is_the_source(nlp_es, settings: Settings) -> None:
    text = "Tres periodistas fueron detenidos por la policía en Caracas."
    (event,) = events_of(text, nlp_es, settings)
    assert event.category == "COERCE"
    assert event.source.text == "la policía" and event.source.sector == "police"
    assert event.target.text == "Tres periodistas" and event.target.sector == "media"


@pytest.mark.parametrize(
    ("text", "category", "modality", "negated"),
    [
        ("El gobierno no se reunió con los sindicatos.", "CONSULT", "happened", True),
        ("Rusia podría atacar el puerto de Odesa.", "THREATEN", "hypothetical", False),
        ("El canciller viajará a Pekín en mayo.", "AGREE", "planned", False),
        ("Maduro no aceptó la propuesta de Brasil.", "REJECT", "happened", False),
    ],
)
def test_events_es_negation_and_modality(
    text: str, category: str, modality: str, negated: bool, nlp_es, settings: Settings
) -> None:
    first = events_of(text, nlp_es, settings)[0]
    assert (first.category, first.modality, first.negated) == (category, modality, negated)


def test_events_es_threat_governs_what_it_threatens(nlp_es, settings: Settings) -> None:
    text = "El gobierno amenazó con cerrar las emisoras de radio."
    found = {(e.category, e.modality) for e in events_of(text, nlp_es, settings)}
    assert found == {("THREATEN", "happened"), ("COERCE", "threatened")}


def test_events_es_no_event_in_an_economic_figure(nlp_es, settings: Settings) -> None:
    text = "La inflación de abril fue de 12 por ciento, según el banco central."
    assert events_of(text, nlp_es, settings) == ()
