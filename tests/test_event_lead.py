"""How each side of an event was found, and the article's main events (issue 18, items 3-4)."""

from __future__ import annotations

import pytest

from fuente.nlp.annotate import model_version
from fuente.pipeline import analyse, prepare
from fuente.records import Event, RawArticle
from fuente.settings import Settings

pytestmark = pytest.mark.slow


def events(nlp, settings: Settings, text: str) -> list[Event]:
    prepared = prepare(RawArticle("t", "t.txt", text, "text"), settings=settings)
    doc = nlp(prepared.masked)
    return list(analyse(prepared, doc, annotator=model_version(nlp), settings=settings).events)


def one(found: list[Event], category: str) -> Event:
    chosen = [e for e in found if e.category == category]
    assert chosen, [(e.category, e.mode) for e in found]
    return chosen[0]


def test_sides_of_the_clause_are_arguments(nlp, marovia) -> None:
    text = "Marovian police arrested the opposition leader Anna Vell on Tuesday."
    event = one(events(nlp, marovia, text), "COERCE")
    assert (event.source.found, event.target.found) == ("argument", "argument")


def test_a_pronoun_for_a_named_actor_is_coreference(nlp, marovia) -> None:
    text = (
        "Interior minister Karl Dunst met the striking dockers on Monday. "
        "He then threatened the protesters."
    )
    event = one(events(nlp, marovia, text), "THREATEN")
    assert event.source.text == "He"
    assert event.source.found == "coreference"
    assert event.target.found == "argument"


def test_a_side_filled_from_the_place_is_a_stand_in(nlp, marovia) -> None:
    event = one(
        events(nlp, marovia, "A roadside bomb near Samarra killed five soldiers."), "ASSAULT"
    )
    assert event.source.text == "Samarra"
    assert event.source.found == "stand-in"


def test_the_main_events_of_headline_and_lead_are_marked(nlp, marovia) -> None:
    text = (
        "Marovia expels envoy\n\n"
        "The government of Marovia expelled the Vestmark ambassador on Friday.\n\n"
        "The police arrested two reporters in Port Selden on Friday after troops fired on "
        "protesters near the border.\n\n"
        "Dockers marched to the ministry on Saturday."
    )
    found = events(nlp, marovia, text)
    # the headline's main clause and the lead sentence's; not the deck's (the layout's second
    # paragraph), the lead's subordinate clause or a later paragraph's
    assert {text[e.start : e.end] for e in found if e.lead} == {"expels", "arrested"}
    assert {"expelled", "fired on", "marched"} <= {text[e.start : e.end] for e in found}


def test_a_top_without_an_event_marks_none(nlp, marovia) -> None:
    text = (
        "A quiet week in Port Selden\n\n"
        "Fishing boats stayed in the harbour.\n\n"
        "The harbour town of Port Selden is known for its fish market and its old lighthouse.\n\n"
        "On Friday the police arrested two reporters near the market."
    )
    found = events(nlp, marovia, text)
    assert one(found, "COERCE").lead is False
    assert not any(e.lead for e in found)
