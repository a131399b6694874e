"""Words of the events lexicon used in another sense carry no event (issue 18): idioms,
verbs whose object or complement makes them other verbs, nouns of another kind, threats that
name no act, dispositions and assertions. Short texts about Marovia, read with the real model."""

from __future__ import annotations

import pytest

from fuente.nlp.annotate import model_version
from fuente.pipeline import analyse, prepare
from fuente.records import RawArticle
from fuente.settings import Settings

pytestmark = pytest.mark.slow


def categories(nlp, settings: Settings, text: str) -> list[str]:
    prepared = prepare(RawArticle("t", "t.txt", text, "text"), settings=settings)
    found = analyse(prepared, nlp(prepared.masked), annotator=model_version(nlp), settings=settings)
    return [event.category for event in found.events]


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # idioms
        ("The Marovian party will rally around its nominee after the convention.", "PROTEST"),
        ("The Marovian minister stood by his remarks on Monday.", "SUPPORT"),
        # a verb with an object or a clause: another verb
        ("The vote demonstrated that Marovian farmers want change.", "PROTEST"),
        ("The senator rallied his supporters in the Marovian capital.", "PROTEST"),
        # a verb complement: causing, struggling, knowing
        ("The new law helped drive turnout in Marovia.", "AID"),
        ("The Marovian airline is fighting to survive.", "ASSAULT"),
        ("The Marovian minister recognized that the plan had failed.", "SUPPORT"),
        # a noun of another kind
        ("The senator spoke at two campaign rallies in Marovia.", "PROTEST"),
        ("The nomination fight in Marovia lasted until June.", "ASSAULT"),
        ("The Marovian minister declined interview requests.", "REQUEST"),
        # a threat that names no act
        ("The Marovian president called the rebels an existential threat.", "THREATEN"),
        ("The Halvikian minister warned that the plan was unacceptable.", "THREATEN"),
        # a disposition, an assertion, an attraction
        ("Marovian officials insisted that the city was ready.", "REQUEST"),
        ("The candidate's appeal among young Marovians grew.", "REQUEST"),
        # the election contest, the press
        ("The Marovian senator quit the race on Monday.", "RETREAT"),
        ("A Marovian official requested anonymity.", "REQUEST"),
    ],
)
def test_event_senses_words_in_another_sense_carry_no_event(
    nlp, marovia, text: str, category: str
) -> None:
    assert category not in categories(nlp, marovia, text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Thousands of students demonstrated in the Marovian capital.", "PROTEST"),
        ("Marovia warned that it would impose sanctions on Halvik.", "THREATEN"),
        ("The Marovian army warned the rebels to leave the town.", "THREATEN"),
        ("Halvik issued a warning to Marovia on Monday.", "THREATEN"),
        ("Halvik dismissed the threat of sanctions.", "THREATEN"),
        ("The Marovian union insisted on a pay rise.", "REQUEST"),
        ("Marovia appealed for calm on Monday.", "REQUEST"),
        ("The Marovian defence minister quit on Monday.", "RETREAT"),
    ],
)
def test_event_senses_words_in_their_sense_keep_their_event(
    nlp, marovia, text: str, category: str
) -> None:
    assert category in categories(nlp, marovia, text)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The Marovian senator questioned whether the plan would work.", "ACCUSE"),
        ("Any new deal with Halvik would need the assembly's approval.", "AGREE"),
        ("The Marovian reform cost a great deal of money.", "AGREE"),
    ],
)
def test_event_senses_doubt_generic_and_quantity_carry_no_event(
    nlp, marovia, text: str, category: str
) -> None:
    assert category not in categories(nlp, marovia, text)


def test_event_senses_allegiance_pledged_is_support(nlp, marovia) -> None:
    found = categories(nlp, marovia, "The Marovian rebels pledged allegiance to Halvik.")
    assert "SUPPORT" in found and "AGREE" not in found


def test_event_senses_an_attack_between_people_is_a_criticism(nlp, marovia) -> None:
    text = "Senator Anna Kovac attacked Governor Peter Lund over the budget on Monday."
    found = categories(nlp, marovia, text)
    assert "ACCUSE" in found and "ASSAULT" not in found


def test_event_senses_an_attack_by_forces_stays_an_assault(nlp, marovia) -> None:
    found = categories(nlp, marovia, "Halvikian troops attacked the Marovian town on Monday.")
    assert "ASSAULT" in found


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The union's refusal to support the Marovian bill angered ministers.", "SUPPORT"),
        ("The Marovian opposition demanded the resignation of the minister.", "RETREAT"),
    ],
)
def test_event_senses_what_a_request_or_refusal_governs_is_its_content(
    nlp, marovia, text: str, category: str
) -> None:
    found = categories(nlp, marovia, text)
    assert category not in found and ({"REQUEST", "REJECT"} & set(found))
