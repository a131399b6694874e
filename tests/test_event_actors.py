"""Sources and targets of events (fuente.events.actors), read with the real model."""

from __future__ import annotations

import pytest

from fuente.nlp.annotate import model_version
from fuente.pipeline import analyse, prepare
from fuente.records import Event, RawArticle
from fuente.settings import Settings, load_settings

pytestmark = pytest.mark.slow

COUNTRIES = "MRV: [Marovia, Marovian, Port Selden]\nHLV: [Halvik, Halvikian]\n"
KNOWN = (
    "people:\n"
    "  - {name: Ilse Korvin, country: MRV, sector: government, office: president, from: 2001}\n"
    "  - {name: Odile Marchetti, sector: international organisation, office: UN "
    "secretary-general, from: 2001}\n"
    "organisations:\n"
    "  - {name: Selden Liberation Front, also: [SLF], country: MRV, sector: rebels}\n"
)


@pytest.fixture(scope="module")
def marovia(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    folder = tmp_path_factory.mktemp("lexicons")
    (folder / "countries.yaml").write_text(COUNTRIES, encoding="utf-8")
    (folder / "actors_known.yaml").write_text(KNOWN, encoding="utf-8")
    return load_settings(lexicon_dir=str(folder))


def events(nlp, settings: Settings, text: str, category: str) -> list[Event]:
    prepared = prepare(RawArticle("t", "t.txt", text, "text"), settings=settings)
    found = analyse(
        prepared, nlp(prepared.masked), annotator=model_version(nlp), settings=settings
    ).events
    chosen = [e for e in found if e.category == category]
    assert chosen, [(e.category, text[e.start : e.end]) for e in found]
    return chosen


def sides(found: list[Event]) -> tuple[set, set]:
    """The countries of the sources and of the targets (None where there is none)."""
    return (
        {e.source.country if e.source else None for e in found},
        {e.target.country if e.target else None for e in found},
    )


@pytest.mark.parametrize(
    ("text", "category", "source"),
    [
        ("President Korvin banned the march.", "COERCE", ("MRV", "government")),
        ("The SLF attacked a police station.", "ASSAULT", ("MRV", "rebels")),
        ("President Museveni banned the rally.", "COERCE", ("UGA", "government")),
        ("Hezbollah guerrillas attacked the convoy.", "ASSAULT", ("LBN", "rebels")),
    ],
)
def test_event_actors_known_person_or_organisation_gives_country_and_sector(
    nlp, marovia, text: str, category: str, source: tuple[str, str]
) -> None:
    event = events(nlp, marovia, text, category)[0]
    assert (event.source.country, event.source.sector) == source


def test_event_actors_domestic_actor_takes_the_country_of_the_place(nlp, marovia) -> None:
    found = events(nlp, marovia, "Prisoners rioted at a jail in Port Selden on Monday.", "PROTEST")
    assert sides(found) == ({"MRV"}, {"MRV"})  # and the protest is against the place's rulers


def test_event_actors_domestic_actor_takes_the_country_of_the_other_side(nlp, marovia) -> None:
    text = "Judge Anna Vell opened investigations against Marovian officials."
    event = events(nlp, marovia, text, "ACCUSE")[0]
    assert (event.source.country, event.source.sector) == ("MRV", "judiciary")


def test_event_actors_target_of_no_sector_keeps_its_country_open(nlp, marovia) -> None:
    event = events(nlp, marovia, "Marovia expelled the refugees.", "SANCTION")[0]
    assert event.target.text == "the refugees"
    assert event.target.country is None


def test_event_actors_target_named_on_the_verbs_object(nlp, marovia) -> None:
    found = events(nlp, marovia, "Halvik threatened further action against Marovia.", "THREATEN")
    assert sides(found) == ({"HLV"}, {"MRV"})


def test_event_actors_threat_target_is_the_subject_of_its_condition(nlp, marovia) -> None:
    text = "Marovia threatened to close the border unless Halvik withdrew its troops."
    assert sides(events(nlp, marovia, text, "THREATEN")) == ({"MRV"}, {"HLV"})
    own = "Marovia threatened to close the border if it was attacked."
    assert sides(events(nlp, marovia, own, "THREATEN")) == ({"MRV"}, {None})


def test_event_actors_every_side_of_talks_is_a_source(nlp, marovia) -> None:
    text = "Marovian diplomats held talks with Halvikian officials."
    assert sides(events(nlp, marovia, text, "CONSULT")) == ({"MRV", "HLV"}, {None})


def test_event_actors_purpose_of_a_journey_takes_its_subject(nlp, marovia) -> None:
    text = "Marovian and Halvikian negotiators returned to Geneva for talks."
    assert sides(events(nlp, marovia, text, "CONSULT")) == ({"MRV", "HLV"}, {None})


def test_event_actors_coordinated_actors_share_a_country(nlp, marovia) -> None:
    text = "Marovian minister Tomas Varga and a group of deputies held talks with Halvik."
    found = events(nlp, marovia, text, "CONSULT")
    deputies = next(e for e in found if e.source.text == "a group of deputies")
    assert deputies.source.country == "MRV"


def test_event_actors_withdrawal_target_is_where_it_leaves(nlp, marovia) -> None:
    found = events(nlp, marovia, "Marovia withdrew its troops from Halvik.", "RETREAT")
    assert sides(found) == ({"MRV"}, {"HLV"})


def test_event_actors_subject_the_parser_left_stranded(nlp, marovia) -> None:
    text = (
        "With the signing of a memorandum on the cessation of hostilities, the Marovian "
        "government and the SLF have agreed to allow access."
    )
    found = events(nlp, marovia, text, "AGREE")
    assert {(e.source.country, e.source.sector) for e in found} == {
        ("MRV", "government"),
        ("MRV", "rebels"),
    }


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # a stative passive's subject acts; so does the subject of "engaged in"
        (
            "The minister said Marovia is committed to opening its economy.",
            "AGREE",
            ({"MRV"}, {None}),
        ),
        ("Marovian troops were engaged in ethnic cleansing.", "ASSAULT", ({"MRV"}, {None})),
        # a thing acted on gives its owner's country
        ("Marovian hackers defaced Halvikian web sites.", "COERCE", ({"MRV"}, {"HLV"})),
        # a target preposition's object that is a thing gives whose it is
        (
            "Marovian students held protests against Halvikian policies.",
            "PROTEST",
            ({"MRV"}, {"HLV"}),
        ),
        # a protest's target is whom its purpose acts on
        (
            "Marovian farmers began a hunger strike to protest Halvik's decision.",
            "PROTEST",
            ({"MRV"}, {"HLV"}),
        ),
        # an ethnic group is of the country where it lives
        (
            "Marovian troops killed three ethnic Halvikians in a raid in Port Selden.",
            "ASSAULT",
            ({"MRV"}, {"MRV"}),
        ),
        # a restriction falls on the place where it is imposed, even at home
        ("President Korvin imposed a curfew in Port Selden.", "COERCE", ({"MRV"}, {"MRV"})),
    ],
)
def test_event_actors_roles_read_off_the_parse(
    nlp, marovia, text: str, category: str, expected: tuple[set, set]
) -> None:
    assert sides(events(nlp, marovia, text, category)) == expected


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # a light verb the lemmatiser misreads ("staged" as "stag") is still a light verb
        ("Marovian students staged rallies against Halvik.", "PROTEST", ({"MRV"}, {"HLV"})),
        # an apposition hung on the subject from far right is not part of its words, so the
        # place it follows is still the event's
        (
            "Marovia eased emergency measures on Wednesday in Halvik, the scene of riots "
            "last March, as police cracked down on protesters.",
            "CONCEDE",
            ({"MRV"}, {"HLV"}),
        ),
        # a quantity's actor is what it counts, a nationality keeps its country wherever
        # it comes from
        (
            "Thousands of Marovians from throughout the country rallied against Halvik.",
            "PROTEST",
            ({"MRV"}, {"HLV"}),
        ),
    ],
)
def test_event_actors_parse_slips_and_quantities(
    nlp, marovia, text: str, category: str, expected: tuple[set, set]
) -> None:
    assert sides(events(nlp, marovia, text, category)) == expected


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # a withdrawal announced for the future still leaves the place it names
        (
            "Marovia announced that it will withdraw its peacekeepers from Halvik.",
            "THREATEN",
            ({"MRV"}, {"HLV"}),
        ),
        # an event prevented is done to whom the participle's agent names
        (
            "Halvikian police prevented the demonstration staged by Marovian students.",
            "COERCE",
            ({"HLV"}, {"MRV"}),
        ),
        # an international official is the organisation's, whatever the title's words
        (
            "U.N. Secretary-General Odile Marchetti accused Marovia of torturing prisoners in "
            "its northern provinces.",
            "ACCUSE",
            ({"IGO"}, {"MRV"}),
        ),
    ],
)
def test_event_actors_objects_agents_and_officials(
    nlp, marovia, text: str, category: str, expected: tuple[set, set]
) -> None:
    assert sides(events(nlp, marovia, text, category)) == expected


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # "grant" is a light verb: its subject gives, its "to" object receives
        (
            "Marovia has granted political asylum to twelve Halvikian rebels.",
            "AID",
            ({"MRV"}, {"HLV"}),
        ),
        # a restriction's place is its target even when the source names no country
        (
            "The military junta declared a state of siege in Port Selden on Saturday.",
            "COERCE",
            ({"MRV"}, {"MRV"}),
        ),
    ],
)
def test_event_actors_light_verbs_and_restrictions(
    nlp, marovia, text: str, category: str, expected: tuple[set, set]
) -> None:
    assert sides(events(nlp, marovia, text, category)) == expected


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # an apposition says whose an actor is when its own words do not
        (
            "The main rebel group, the Selden Liberation Front (SLF), demanded talks with Halvik.",
            "REQUEST",
            ({"MRV"}, {"HLV"}),
        ),
        # a participle on a light verb's object acts with the light verb's subject
        (
            "The SLF issued a statement demanding that Halvik release its prisoners.",
            "REQUEST",
            ({"MRV"}, {"HLV"}),
        ),
    ],
)
def test_event_actors_appositions_and_clauses(
    nlp, marovia, text: str, category: str, expected: tuple[set, set]
) -> None:
    assert sides(events(nlp, marovia, text, category)) == expected


def test_event_actors_that_clause_of_a_noun_names_whom_it_asks(nlp, marovia) -> None:
    text = "Marovian students repeated their demand that Halvik withdraw its troops."
    assert sides(events(nlp, marovia, text, "REQUEST"))[1] == {"HLV"}


def test_event_actors_international_rights_group_has_no_country(nlp, marovia) -> None:
    text = "The rights group Amnesty International accused Marovia of torturing prisoners."
    assert sides(events(nlp, marovia, text, "ACCUSE")) == ({"IGO"}, {"MRV"})


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # the subject of a verb of taking part or of a state is the actor, and the verb's
        # place is the event's
        (
            "Marovian troops were engaged in ethnic cleansing in Halvik.",
            "ASSAULT",
            ({"MRV"}, {"HLV"}),
        ),
        ("Marovian troops remained on alert in Halvik.", "MOBILIZE", ({"MRV"}, {"HLV"})),
        # a phrase on the last of coordinated event nouns is the first's too
        (
            "Marovian forces launched artillery, mortar, and rocket fire against Halvikian "
            "camps today.",
            "ASSAULT",
            ({"MRV"}, {"HLV"}),
        ),
        # "fire" is a light verb, and what its preposition names leads to its owner
        (
            "Marovian troops fired rockets and mortars at Halvikian villages.",
            "ASSAULT",
            ({"MRV"}, {"HLV"}),
        ),
        # the target a thing acted on leads to, or its owner
        (
            "Marovia announced a suspension of air links with Halvik.",
            "SANCTION",
            ({"MRV"}, {"HLV"}),
        ),
        (
            "The Marovian army lifted a blockade on Halvikian trucks.",
            "RETREAT",
            ({"MRV"}, {"HLV"}),
        ),
        # a part's target is the whole's
        (
            "Marovia suspended part of an aid programme for Halvik aimed at training Marovian "
            "officers.",
            "SANCTION",
            ({"MRV"}, {"HLV"}),
        ),
    ],
)
def test_event_actors_states_coordination_and_things(
    nlp, marovia, text: str, category: str, expected: tuple[set, set]
) -> None:
    assert sides(events(nlp, marovia, text, category)) == expected


@pytest.mark.parametrize(
    ("text", "category", "expected"),
    [
        # people named by what they do are of the country acting on them or of the place
        ("Marovian police arrested dozens of protesters on Monday.", "COERCE", {"MRV"}),
        # foreigners and partners are not
        ("Marovia expelled dozens of refugees on Monday.", "SANCTION", {None}),
        ("Marovia accused its partners of betrayal on Monday.", "ACCUSE", {None}),
    ],
)
def test_event_actors_target_people_take_the_country_unless_foreign(
    nlp, marovia, text: str, category: str, expected: set
) -> None:
    assert sides(events(nlp, marovia, text, category))[1] == expected


def test_event_actors_who_brings_two_sides_together_acts_on_both(nlp, marovia) -> None:
    text = "Marovian diplomats launched a mediation effort between Halvik and the SLF."
    assert sides(events(nlp, marovia, text, "CONSULT")) == ({"MRV"}, {"HLV", "MRV"})


def test_event_actors_violence_by_no_one_named_is_the_places(nlp, marovia) -> None:
    text = "A car bomb near the town of Samarra wounded three soldiers on Sunday."
    event = events(nlp, marovia, text, "ASSAULT")[-1]
    assert (event.source.country, event.location) == ("IRQ", "Samarra")


def test_event_actors_target_left_open_is_the_country_named_after_the_event(nlp, marovia) -> None:
    text = "Marovian traders shut their shops to protest at the arrival of Halvikian settlers."
    found = events(nlp, marovia, text, "ACCUSE")
    assert sides(found) == ({"MRV"}, {"HLV"})
    text = "Marovian traders shut their shops to protest at the arrival of settlers from Halvik and Norway."
    found = events(nlp, marovia, text, "ACCUSE")
    assert sides(found) == ({"MRV"}, {"HLV", "NOR"})  # and the names joined to it


def test_event_actors_source_left_open_is_the_country_named_before_the_event(nlp, marovia) -> None:
    text = "In a Halvikian operation, the border post was attacked at dawn."
    found = events(nlp, marovia, text, "ASSAULT")
    assert sides(found)[0] == {"HLV"}


@pytest.mark.parametrize(
    ("text", "category", "source"),
    [
        ("President Kerekou banned the march.", "COERCE", ("BEN", "government")),
        ("Afonso Dhlakama attacked a police station.", "ASSAULT", ("MOZ", "rebels")),
        # a given name is no known surname (Polisario's Mohamed Abdelaziz): no country
        ("President Abdelaziz Tamboura banned the march.", "COERCE", (None, "government")),
        # a known surname after a first name the lexicon does not give is someone else
        ("Jonas Museveni banned the march.", "COERCE", (None, None)),
    ],
)
def test_event_actors_leaders_whose_country_the_sentence_does_not_name(
    nlp, marovia, text: str, category: str, source: tuple[str, str]
) -> None:
    event = events(nlp, marovia, text, category)[0]
    assert (event.source.country, event.source.sector) == source
