"""The known-actors lexicon: people and organisations whose country the text may not say."""

from __future__ import annotations

import pytest

from fuente.actors.known import known_actors, words_of
from fuente.errors import ConfigError
from fuente.settings import Settings, load_settings

PACKAGED = Settings()


@pytest.mark.parametrize(
    ("name", "country"),
    [
        ("Abdelaziz Bouteflika", "DZA"),
        ("Bouteflika", "DZA"),
        ("President Yoweri Museveni", "UGA"),
        ("Saddam Hussein", "IRQ"),
        ("King Hussein", "JOR"),
        ("President Jiang", "CHN"),
        ("Recep Tayyip Erdogan", "TUR"),
    ],
)
def test_known_actors_person_by_full_name_surname_or_short_name(name: str, country: str) -> None:
    found = known_actors(PACKAGED).person(name)
    assert found is not None
    assert found.country == country


@pytest.mark.parametrize("name", ["Hussein", "Kim", "Tony", "Anna Vell"])
def test_known_actors_name_fitting_several_countries_or_none_is_unknown(name: str) -> None:
    assert known_actors(PACKAGED).person(name) is None


def test_known_actors_office_in_the_context_tells_namesakes_apart() -> None:
    known = known_actors(PACKAGED)
    assert known.person("Hussein", context="King Hussein").country == "JOR"
    assert known.person("Hussein", context="President Hussein").country == "IRQ"


def test_known_actors_person_keeps_office_and_years() -> None:
    found = known_actors(PACKAGED).person("Kofi Annan")
    assert (found.country, found.sector) == (None, "international organisation")
    assert (found.office, found.start, found.end) == ("UN secretary-general", 1997, 2006)


@pytest.mark.parametrize(
    ("words", "country"),
    [
        ("The rebel Kurdistan Workers' Party", "TUR"),
        ("Hezbollah guerrillas", "LBN"),
        ("the UNITA rebels", "AGO"),
    ],
)
def test_known_actors_organisation_named_within_words(words: str, country: str) -> None:
    found = known_actors(PACKAGED).organisation(words.split())
    assert found is not None
    assert found.country == country


def test_known_actors_hyphenated_name_matches_as_the_tokenizer_splits_it() -> None:
    words = ["the", "al", "-", "Qaeda", "in", "the", "Arabian", "Peninsula", "fighters"]
    assert known_actors(PACKAGED).organisation(words).country == "YEM"
    assert known_actors(PACKAGED).organisation(["Lashkar", "-", "e", "-", "Toiba"]).country == "PAK"


def test_known_actors_organisation_name_needs_its_capital() -> None:
    assert known_actors(PACKAGED).organisation(["amal"]) is None
    assert known_actors(PACKAGED).organisation(["Amal"]).country == "LBN"


def test_known_actors_words_drop_possessives_and_accents() -> None:
    assert words_of("Workers' Party") == ("workers", "party")
    assert words_of("Erdoğan's") == ("erdogan",)


def test_known_actors_users_file_is_appended(tmp_path) -> None:
    (tmp_path / "actors_known.yaml").write_text(
        "people:\n"
        "  - {name: Ilse Korvin, country: MRV, sector: government, office: president}\n"
        "organisations:\n"
        "  - {name: Selden Liberation Front, also: [SLF], country: MRV, sector: rebels}\n",
        encoding="utf-8",
    )
    known = known_actors(load_settings(lexicon_dir=str(tmp_path)))
    assert known.person("President Korvin").country == "MRV"
    assert known.organisation(["the", "SLF"]).sector == "rebels"
    assert known.person("Bouteflika").country == "DZA"  # the packaged entries stay
    assert known_actors(PACKAGED).person("Korvin") is None


def test_known_actors_entry_without_a_name_is_a_config_error(tmp_path) -> None:
    (tmp_path / "actors_known.yaml").write_text("people:\n  - {country: MRV}\n", encoding="utf-8")
    with pytest.raises(ConfigError):
        known_actors(load_settings(lexicon_dir=str(tmp_path)))


def test_known_actors_person_with_several_terms_in_office() -> None:
    found = known_actors(PACKAGED).person("Donald Trump")
    assert found.terms == ((2017, 2021), (2025, None))
    assert (found.start, found.end) == (2017, None)
    assert [found.in_office(year) for year in (2016, 2019, 2023, 2026)] == [
        False,
        True,
        False,
        True,
    ]


def test_known_actors_term_that_is_not_a_pair_is_a_config_error(tmp_path) -> None:
    (tmp_path / "actors_known.yaml").write_text(
        "people:\n  - {name: Ilse Korvin, country: MRV, terms: [[2001]]}\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError):
        known_actors(Settings(lexicon_dir=str(tmp_path)))


@pytest.mark.parametrize(
    ("name", "context", "country"),
    [
        ("Baerbock", "Foreign Minister Baerbock", "DEU"),
        ("Lavrov", "Lavrov", "RUS"),
        ("Rutte", "Dutch Prime Minister Mark Rutte", "NLD"),
        ("Takaichi", "Takaichi", "JPN"),
    ],
)
def test_known_actors_ministers_of_the_security_council_and_g20(
    name: str, context: str, country: str
) -> None:
    assert known_actors(PACKAGED).person(name, context=context).country == country
