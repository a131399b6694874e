"""Which PLOVER category an event gets: the lexicon's families of words, verb and object pairs,
promises coded by what they promise. Short texts about Marovia, read with the real model."""

from __future__ import annotations

import pytest

from fuente.nlp.annotate import model_version
from fuente.pipeline import analyse, prepare
from fuente.records import Event, RawArticle
from fuente.settings import Settings

pytestmark = pytest.mark.slow


def events(nlp, settings: Settings, text: str) -> list[Event]:
    prepared = prepare(RawArticle("t", "t.txt", text, "text"), settings=settings)
    found = analyse(prepared, nlp(prepared.masked), annotator=model_version(nlp), settings=settings)
    return list(found.events)


def principal(found: list[Event]) -> str:
    """The category of the sentence's first event (here, that of its main verb)."""
    assert found, "no event"
    return found[0].category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Marovia reopened the border crossing with Halvik on Monday.", "RETREAT"),
        ("Marovia sent soldiers to the Halvikian border.", "MOBILIZE"),
        ("Marovia moved tanks to the border with Halvik on Monday.", "MOBILIZE"),
        ("Marovian rebels violated the ceasefire within hours.", "ASSAULT"),
        ("Marovia blocked the resolution on Halvik.", "REJECT"),
        ("The union withdrew its demands after the vote.", "CONCEDE"),
        ("The Marovian teachers ended their week-long strike.", "CONCEDE"),
        ("The Halvikian delegation pulled out of the talks on Monday.", "SANCTION"),
        ("The opposition leader attacked the government's economic policy.", "ACCUSE"),
        ("Halvikian jets struck rebel bases near Port Selden on Monday.", "ASSAULT"),
        ("Marovian dock workers struck for higher pay.", "PROTEST"),
        ("Marovia and Halvik struck a deal on fishing rights.", "AGREE"),
        ("The Marovian army halted its offensive against the rebels.", "RETREAT"),
        ("The Marovian government withdrew the controversial bill on Monday.", "CONCEDE"),
        ("Marovia allowed UN inspectors to visit its nuclear sites.", "RETREAT"),
        ("The World Bank approved a $50 million loan to Marovia.", "AID"),
    ],
)
def test_event_categories_verb_and_object_make_the_event(
    nlp, marovia, text: str, category: str
) -> None:
    assert principal(events(nlp, marovia, text)) == category


def test_event_categories_noun_of_the_verbs_form_recodes_by_its_phrase(nlp, marovia) -> None:
    text = "Marovia announced a ban on imports of Halvikian beef."
    assert principal(events(nlp, marovia, text)) == "SANCTION"


def test_event_categories_passive_subject_recodes_like_an_object(nlp, marovia) -> None:
    text = "The embargo on Halvik was lifted on Friday."
    lifted = [e for e in events(nlp, marovia, text) if text[e.start : e.end] == "lifted"]
    assert [e.category for e in lifted] == ["RETREAT"]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Marovia vowed to cooperate with Halvik.", "AGREE"),
        ("The Marovian rebels pledged to attack the capital.", "THREATEN"),
        ("Marovia vowed to support the Halvikian peace plan.", "AGREE"),
        ("Marovia said it was ready to use force against Halvik.", "THREATEN"),
    ],
)
def test_event_categories_promise_is_coded_by_what_it_promises(
    nlp, marovia, text: str, category: str
) -> None:
    assert principal(events(nlp, marovia, text)) == category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Marovian officials said the army might shell rebel positions.", "THREATEN"),
        ("Marovian officials said the army shelled rebel positions.", "ASSAULT"),
    ],
)
def test_event_categories_possible_attack_is_a_threat(
    nlp, marovia, text: str, category: str
) -> None:
    assert principal(events(nlp, marovia, text)) == category


@pytest.mark.parametrize(
    "text",
    [
        "The new Marovian president was sworn in on Monday.",
        "In a joint statement, released by the Marovian ministry, the two leaders spoke of trade.",
    ],
)
def test_event_categories_no_event_from_a_verb_with_its_not_event_object(
    nlp, marovia, text: str
) -> None:
    assert events(nlp, marovia, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Halvikian officials decided not to help the rebels.",
        "Marovia will not withdraw its troops from the border.",
        "The Halvikian minister would not meet the Marovian envoy.",
    ],
)
def test_event_categories_cooperation_refused_is_rejection(nlp, marovia, text: str) -> None:
    event = events(nlp, marovia, text)[0]
    assert (event.category, event.negated) == ("REJECT", False)


def test_event_categories_cooperation_not_done_stays_negated(nlp, marovia) -> None:
    event = events(nlp, marovia, "The Halvikian minister did not meet the Marovian envoy.")[0]
    assert (event.category, event.negated) == ("CONSULT", True)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("A Marovian judge ordered the arrest of the former minister.", "COERCE"),
        ("Halvik on Tuesday ordered the closure of the Marovian consulate.", "SANCTION"),
        ("Marovia ordered the rebels to disarm.", "REQUEST"),
    ],
)
def test_event_categories_an_order_is_the_act_it_orders(
    nlp, marovia, text: str, category: str
) -> None:
    assert principal(events(nlp, marovia, text)) == category


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The Marovian president held talks with Halvik as the crisis deepened.", "CONSULT"),
        ("The UN called for both sides to withdraw their forces.", "REQUEST"),
    ],
)
def test_event_categories_phrase_words_hang_together(
    nlp, marovia, text: str, category: str
) -> None:
    assert principal(events(nlp, marovia, text)) == category


def test_event_categories_attempt_is_not_a_request(nlp, marovia) -> None:
    found = events(nlp, marovia, "Marovia sought to block the resolution on Halvik.")
    assert [e.category for e in found] == ["REJECT"]


def test_event_categories_participle_before_a_noun_is_no_event(nlp, marovia) -> None:
    text = "Food reached the besieged town of Port Selden on Friday."
    assert [e.category for e in events(nlp, marovia, text)] == []
    # unless the parser took the sentence's verb for one
    assert principal(events(nlp, marovia, "Halvik massed troops on the border.")) == "MOBILIZE"


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The Halvikian garrison capitulated after a week.", "RETREAT"),
        ("The Marovian parliament voted to impeach the president.", "ACCUSE"),
        ("Thousands of Marovians took to the streets of Port Selden.", "PROTEST"),
        ("Marovia kicked out two Halvikian diplomats on Monday.", "SANCTION"),
        ("Marovia stationed two divisions along the river.", "MOBILIZE"),
        ("Police used tear gas on the crowd in Port Selden.", "ASSAULT"),
        ("The Marovian government relaxed restrictions on Halvikian traders.", "CONCEDE"),
        ("The Marovian government agreed to the strikers' demands.", "CONCEDE"),
        ("Marovian police harassed opposition journalists.", "COERCE"),
        ("Halvikian rebels freed two Marovian soldiers on Monday.", "RETREAT"),
        ("A suicide bomber blew himself up at a checkpoint in Port Selden.", "ASSAULT"),
        ("Marovian opposition supporters staged a sit-in outside parliament.", "PROTEST"),
        ("The Marovian navy conducted live-fire drills off the coast.", "MOBILIZE"),
        ("Halvik closed its airspace to Marovian aircraft.", "SANCTION"),
        ("Marovian police cordoned off the city centre ahead of the march.", "COERCE"),
        ("Marovia expelled a Halvikian correspondent for his reporting.", "COERCE"),
        ("The Marovian opposition blasted the government over the new tax.", "ACCUSE"),
    ],
)
def test_event_categories_lexicon_families(nlp, marovia, text: str, category: str) -> None:
    found = events(nlp, marovia, text)
    assert category in [e.category for e in found], [(e.category, e.mode) for e in found]
