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


@pytest.mark.parametrize(
    ("text", "description", "name"),
    [
        (
            "The Manhattan Supreme Court heard the case on Monday. Lawyers for both sides spoke. "
            "The court ruled on Friday.",
            "The court",
            "Manhattan Supreme Court",
        ),
        (
            "The U.S. Court of Appeals and the Vestland Supreme Court both heard it. Later the "
            "appeals court ruled against the city.",
            "the appeals court",
            "U.S. Court of Appeals",
        ),
    ],
)
def test_descriptions_a_body_is_the_one_named_with_that_head(
    nlp, settings, text, description, name
):
    assert resolved(nlp, settings, text).get(description) == name


@pytest.mark.parametrize(
    "text",
    [
        # two courts named, and nothing in "the court" to tell them apart
        "The Vestland Supreme Court and the Ostrova District Court met. The court ruled.",
        # "district" is no word of the only court's name
        "The Vestland Supreme Court heard it. Then the district court ruled.",
        # a party to a case is no political party, and "party" is no body's head here
        "The Civic Party sued the city. The court heard the other party on Monday.",
    ],
)
def test_descriptions_a_body_that_does_not_fit_stays_unnamed(nlp, settings, text):
    assert "Court" not in "".join(resolved(nlp, settings, text).values())
    assert "Party" not in "".join(resolved(nlp, settings, text).values())


def test_descriptions_a_resolved_body_speaks_as_the_organisation(nlp, settings):
    text = "The Manhattan Supreme Court heard the case. The court said the papers stay sealed."
    doc = nlp(text)
    span = doc.char_span(text.index("The court"), text.index(" said"))
    info = describe_source(span, settings=settings)
    assert (info.kind, info.name) == ("organisation", "Manhattan Supreme Court")
