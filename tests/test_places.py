"""Towns and US states the countries lexicon does not list (fuente.actors.places, GeoNames' cities)."""

from __future__ import annotations

import pytest

from fuente.actors.places import place_country
from fuente.actors.speakers import describe_source


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Kirkuk", "IRQ"),  # a city under its own name
        ("Basra", "IRQ"),  # under another of its names
        ("Kandahar", "AFG"),
        ("Monrovia", "LBR"),  # a US town of the name is far smaller
        ("Texas", "USA"),  # a US state
        ("the Hague", "NLD"),
        ("Bethlehem", None),  # towns of three countries, none dominant
        ("Georgia", None),  # left to the countries lexicon: also a country
        ("Selden Ford", None),
    ],
)
def test_places_country_of_a_town(name, country) -> None:
    assert place_country(name) == country


def test_places_a_town_gives_a_description_its_country_not_a_sector(nlp, settings) -> None:
    doc = nlp("Residents of Samarra said the market was closed.")
    info = describe_source(doc[0:3], settings=settings)
    assert (info.country, info.sector) == ("IRQ", None)


def test_places_a_town_speaking_is_not_its_countrys_government(nlp, settings) -> None:
    doc = nlp("Tikrit voted for the new council.")
    info = describe_source(doc[0:1], settings=settings)
    assert (info.country, info.sector) == ("IRQ", None)  # whereas "Baghdad" would be


def test_places_a_town_the_document_makes_a_person_is_none(nlp, settings) -> None:
    doc = nlp("Supporters of Samarra said the market was closed.")
    doc._.fuente_entities = (("Samarra", "PERSON", ((14, 21, "PERSON"),)),)
    assert describe_source(doc[0:3], settings=settings).country is None
