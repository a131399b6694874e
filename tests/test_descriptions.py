"""Definite descriptions resolved to the one fitting person nearby (fuente.actors.descriptions)."""

import pytest

from fuente.actors.descriptions import find_descriptions
from fuente.actors.speakers import describe_source


def resolved(nlp, settings, text: str, on: str | None = None) -> dict[str, str]:
    doc = nlp(text)
    return {text[d.start : d.end]: d.name for d in find_descriptions(doc, settings=settings, on=on)}


@pytest.mark.parametrize(
    ("text", "description", "name"),
    [
        (
            "Sen. Bernie Sanders spoke in Iowa on Monday. The senator said the race was close.",
            "The senator",
            "Bernie Sanders",
        ),
        (
            "Mark MacDougall, Pagliano's lawyer, met prosecutors on Friday. Pagliano's lawyer "
            "said the talks went well.",
            "lawyer",  # the owner's name is no part of the description's words
            "Mark MacDougall",
        ),
        (
            "Hillary Clinton campaigned in Ohio on Tuesday. Crowds cheered the former "
            "secretary of state.",
            "the former secretary of state",
            "Hillary Clinton",
        ),
    ],
)
def test_descriptions_name_the_one_fitting_person(nlp, settings, text, description, name):
    assert resolved(nlp, settings, text, on="2016-05-03").get(description) == name


def test_descriptions_two_fitting_people_nearby_leave_it_unnamed(nlp, settings):
    text = "Sen. Bernie Sanders met Sen. Ted Cruz on Monday. The senator said the talks helped."
    assert resolved(nlp, settings, text) == {}


@pytest.mark.parametrize(
    ("on", "name"), [("2016-05-03", "Barack Obama"), ("2018-05-03", "Donald Trump")]
)
def test_descriptions_the_president_is_who_held_the_office_on_the_date(nlp, settings, on, name):
    text = "Barack Obama and Donald Trump met on Monday. Reporters asked the president about it."
    assert resolved(nlp, settings, text, on=on) == {"the president": name}


def test_descriptions_a_role_the_article_never_gives_stays_unnamed(nlp, settings):
    text = "Bernie Sanders spoke in Iowa on Monday. The governor said the race was close."
    assert resolved(nlp, settings, text) == {}


def test_descriptions_plural_and_indefinite_sources_stay_unnamed(nlp, settings):
    text = (
        "Sen. Bernie Sanders spoke in Iowa on Monday. A senator said the race was close, and "
        "the senators agreed, people familiar with the matter said."
    )
    doc = nlp(text)
    assert find_descriptions(doc, settings=settings) == []
    for words in ("A senator", "the senators", "people familiar with the matter"):
        start = text.index(words)
        span = doc.char_span(start, start + len(words))
        assert describe_source(span, settings=settings).kind == "unnamed", words


def test_descriptions_a_resolved_description_speaks_as_the_person(nlp, settings):
    text = "Sen. Bernie Sanders spoke in Iowa on Monday. The senator said the race was close."
    doc = nlp(text)
    span = doc.char_span(text.index("The senator"), text.index(" said"))
    info = describe_source(span, settings=settings)
    assert (info.kind, info.name) == ("person", "Bernie Sanders")
