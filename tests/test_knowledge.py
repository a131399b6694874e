"""The knowledge base: dated roles, who held an office on a date, what a description names."""

from __future__ import annotations

import datetime

import pytest

from fuente.actors.knowledge import holder, office_of, resolve_description, roles_on
from fuente.actors.known import known_actors, parse_kb_date
from fuente.settings import Settings, load_settings

PACKAGED = Settings()
KNOWN = known_actors(PACKAGED)


@pytest.mark.parametrize(
    ("office", "country", "on", "name"),
    [
        ("president", "USA", "2016-05-03", "Barack Obama"),
        ("president", "USA", "2017-06", "Donald Trump"),
        ("president", "USA", datetime.date(2022, 3, 1), "Joe Biden"),
        ("secretary of state", "USA", "2014", "John Kerry"),
        ("interior minister", "VEN", "2024-11-05", "Diosdado Cabello"),
        ("minister of the interior", "VEN", "2023-02", "Remigio Ceballos"),
    ],
)
def test_knowledge_holder_of_an_office_on_a_date(office, country, on, name) -> None:
    assert holder(office, country, on, known=KNOWN).name == name


@pytest.mark.parametrize(
    ("office", "country", "on"),
    [
        ("president", "USA", "2017"),  # a handover year names two
        ("president", "USA", "PRESENT_REF"),  # no day on the calendar
        ("president", "MRV", "2016"),  # nobody known
    ],
)
def test_knowledge_holder_is_none_when_ambiguous_or_unknown(office, country, on) -> None:
    assert holder(office, country, on, known=KNOWN) is None


@pytest.mark.parametrize(
    ("text", "on", "name"),
    [
        ("Venezuela's interior minister", "2024-11-05", "Diosdado Cabello"),
        ("the U.S. president", "2016", "Barack Obama"),
        ("the Venezuelan vice president", "2020-02-02", "Delcy Rodríguez"),
        ("US Secretary of State", "2019-06-01", "Mike Pompeo"),
    ],
)
def test_knowledge_description_resolves_through_the_roles(text, on, name) -> None:
    found = resolve_description(text, on, known=KNOWN, settings=PACKAGED)
    assert found is not None and found.name == name


@pytest.mark.parametrize("text", ["the president", "Venezuela's ambassador", "a minister"])
def test_knowledge_description_without_country_or_office_is_none(text) -> None:
    assert resolve_description(text, "2024-11-05", known=KNOWN, settings=PACKAGED) is None


def test_knowledge_roles_on_a_date() -> None:
    cabello = KNOWN.person("Diosdado Cabello")
    assert [role.office for role in roles_on(cabello, "2013-06")] == [
        "president of the National Assembly"
    ]
    assert roles_on(cabello, "2011-06") == ()


def test_knowledge_entries_carry_ids_and_wikidata() -> None:
    obama = KNOWN.person("President Obama")
    assert (obama.id, obama.wikidata) == ("barack-obama", "Q76")
    assert KNOWN.by_id("nicolas-maduro").name == "Nicolás Maduro"
    assert KNOWN.person("Edmundo").id == "edmundo-gonzalez-urrutia"
    assert KNOWN.person("María Corina").id == "maria-corina-machado"


def test_knowledge_office_of_other_words() -> None:
    assert office_of("Minister of the Interior", known=KNOWN) == "interior minister"
    assert office_of("king", known=KNOWN) == "king"


@pytest.mark.parametrize(
    ("value", "parsed"),
    [(2009, "2009"), ("2009-01", "2009-01"), (datetime.date(2009, 1, 20), "2009-01-20"),
     ("2009-13", None), ("Jan 2009", None), (True, None)],
)  # fmt: skip
def test_knowledge_dates_at_three_precisions(value, parsed) -> None:
    assert parse_kb_date(value) == parsed


def test_knowledge_old_form_of_an_analysts_file_is_read_as_roles(tmp_path) -> None:
    (tmp_path / "actors_known.yaml").write_text(
        "people:\n"
        "  - {name: Ilse Korvin, country: MRV, sector: government, office: president,\n"
        "     terms: [[2001, 2005], [2010, null]]}\n"
        "  - {name: Piet Varga, id: varga, country: MRV, sector: government,\n"
        "     roles: [{office: president, from: 2005-03-01, to: 2010-02}]}\n",
        encoding="utf-8",
    )
    known = known_actors(load_settings(lexicon_dir=str(tmp_path)))
    korvin = known.person("Ilse Korvin")
    assert [(r.start, r.end) for r in korvin.roles] == [("2001", "2005"), ("2010", None)]
    assert holder("president", "MRV", "2007-01-01", known=known).id == "varga"
    assert holder("president", "MRV", "2012-01-01", known=known).name == "Ilse Korvin"
