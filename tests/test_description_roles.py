"""Descriptions resolved by the roles the knowledge base gives a person on the article's date
(a seat, a candidacy, a nomination) and by a rank word (fuente.actors.descriptions,
fuente.actors.article_roles). The people are fictional, in a knowledge base of the test's own."""

import pytest

from fuente.actors.descriptions import find_descriptions
from fuente.settings import load_settings

KNOWN = """
people:
  - {name: Maria Holm, country: MRV, sector: government, office: senator,
     roles: [{office: Nordland senator, from: 2010-01-05},
       {office: Nordland governor, from: 2001-02-01, to: 2009-02-01},
       {office: Republican presidential candidate, from: 2023-03-01, to: 2024-11-05},
       {office: Republican presidential nominee, from: 2024-05-01, to: 2024-11-05}]}
  - {name: Jonas Berg, country: MRV, sector: government, office: senator,
     roles: [{office: Sudmark senator, from: 2012-01-05},
       {office: Democratic presidential candidate, from: 2023-04-01, to: 2024-03-01},
       {office: Halvik businessman, from: 1990}, {office: neurosurgeon, from: 1980, to: 2011}]}
  - {name: Petra Salo, country: MRV, sector: government, office: president,
     roles: [{office: president, from: 2020-01-01}]}
"""


@pytest.fixture(scope="module")
def known(tmp_path_factory):
    folder = tmp_path_factory.mktemp("known")
    (folder / "actors_known.yaml").write_text(KNOWN, encoding="utf-8")
    (folder / "countries.yaml").write_text("MRV: [Marovia, Marovian]\n", encoding="utf-8")
    return load_settings(lexicon_dir=str(folder))


def resolved(nlp, settings, text: str, on: str | None) -> dict[str, str]:
    doc = nlp(text)
    return {text[d.start : d.end]: d.name for d in find_descriptions(doc, settings=settings, on=on)}


MET = "Maria Holm met Jonas Berg in Marovia on Monday. "


@pytest.mark.parametrize(
    ("said", "on", "name"),
    [
        ("The Nordland senator said the talks went well.", "2024-06-03", "Maria Holm"),
        ("The Sudmark senator said the talks went well.", "2024-06-03", "Jonas Berg"),
        ("The former Nordland governor said the talks went well.", "2024-06-03", "Maria Holm"),
        ("The GOP nominee said the talks went well.", "2024-06-03", "Maria Holm"),
        ("The Democratic candidate said the talks went well.", "2023-06-03", "Jonas Berg"),
        ("The Halvik real estate mogul said the talks went well.", "2024-06-03", "Jonas Berg"),
        ("The retired neurosurgeon said the talks went well.", "2024-06-03", "Jonas Berg"),
    ],
)
def test_description_roles_a_role_the_knowledge_base_gives_on_the_date(nlp, known, said, on, name):
    description = said.removesuffix(" said the talks went well.")
    assert resolved(nlp, known, MET + said, on) == {description: name}


@pytest.mark.parametrize(
    ("said", "on"),
    [
        # both are senators: nothing in "the senator" tells them apart
        ("The senator said the talks went well.", "2024-06-03"),
        # both were candidates in 2023
        ("The candidate said the talks went well.", "2023-06-03"),
        # no one was a nominee before May 2024
        ("The Republican nominee said the talks went well.", "2024-01-10"),
        # Holm governed Nordland until 2009: in 2005 she was no former governor
        ("The former Nordland governor said the talks went well.", "2005-06-03"),
        # Berg is a Halvik businessman, not a Marovian one; and he operated until 2011
        ("The Nordland businessman said the talks went well.", "2024-06-03"),
        ("The neurosurgeon said the talks went well.", "2024-06-03"),
        # plural and indefinite descriptions are never read
        ("The senators and a candidate said the talks went well.", "2024-06-03"),
    ],
)
def test_description_roles_no_one_fitting_role_stays_unnamed(nlp, known, said, on):
    assert resolved(nlp, known, MET + said, on) == {}


def test_description_roles_a_candidacy_over_leaves_the_other(nlp, known):
    text = MET + "The candidate said the talks went well."  # Berg withdrew in March 2024
    assert resolved(nlp, known, text, "2024-08-01") == {"The candidate": "Maria Holm"}


def test_description_roles_a_deputy_is_not_the_minister(nlp, settings):
    text = (
        "Deputy Interior Minister Oskar Brandt met Interior Minister Petra Salo in Halvik. "
        "The minister said the talks went well, and the deputy minister agreed."
    )
    assert resolved(nlp, settings, text, None) == {
        "The minister": "Petra Salo",
        "the deputy minister": "Oskar Brandt",
    }


SITTING = (
    "President Petra Salo opened the session in Marovia. Lawmakers argued for hours. The vote "
    "was put off. Protesters gathered outside. Maria Holm spoke last. The president left early."
)


@pytest.mark.parametrize(
    ("on", "wanted"), [("2024-06-03", {"The president": "Petra Salo"}), ("2019-06-03", {})]
)
def test_description_roles_the_sitting_president_named_earlier(nlp, known, on, wanted):
    # Salo is named four sentences back, out of the window: she is the holder on the date
    assert resolved(nlp, known, SITTING, on) == wanted


@pytest.mark.parametrize(
    ("text", "wanted"),
    [
        (
            "The administrator is Maria Holm, who runs the agency.",
            {"The administrator": "Maria Holm"},
        ),
        ("Maria Holm is the administrator of the agency.", {"the administrator": "Maria Holm"}),
        ("The administrator is not Maria Holm, the agency said.", {}),
    ],
)
def test_description_roles_said_to_be_the_person(nlp, settings, text, wanted):
    assert resolved(nlp, settings, text, None) == wanted


FILLER = "The committee met again on Tuesday. Its chairman spoke for an hour. Nothing was decided. "


@pytest.mark.parametrize(
    ("named", "name"),
    [
        # the parser hangs the name on the owner's: two people's names are no apposition
        ("An attorney for Tomas Varga, Elena Brandt, said he would not testify. ", "Elena Brandt"),
        ("Elena Brandt, a lawyer for Tomas Varga, said he would not testify. ", "Elena Brandt"),
    ],
)
def test_a_role_of_someone_names_the_one_the_article_gave_it(nlp, named, name) -> None:
    text = named + FILLER * 2 + "Varga's lawyer said on Friday that nothing had changed."
    found = resolved(nlp, load_settings(), text, "2024-06-03")
    assert found.get("lawyer") == name


def test_a_role_of_someone_given_to_two_people_names_neither(nlp) -> None:
    text = (
        "Elena Brandt, a lawyer for Tomas Varga, and Ivo Lind, another lawyer for Tomas Varga, "
        "spoke on Monday. " + FILLER * 2 + "Varga's lawyer said on Friday that nothing changed."
    )
    assert "lawyer" not in resolved(nlp, load_settings(), text, "2024-06-03")
