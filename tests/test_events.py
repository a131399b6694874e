"""Events found in short texts about Marovia, read with the real model."""

from __future__ import annotations

import pytest

from fuente.nlp.annotate import model_version
from fuente.pipeline import analyse, prepare
from fuente.records import ArticleRecords, Event, RawArticle
from fuente.settings import Settings, load_settings

pytestmark = pytest.mark.slow


def records(nlp, settings: Settings, text: str) -> ArticleRecords:
    prepared = prepare(RawArticle("t", "t.txt", text, "text"), settings=settings)
    return analyse(prepared, nlp(prepared.masked), annotator=model_version(nlp), settings=settings)


def events(nlp, settings: Settings, text: str) -> list[Event]:
    return list(records(nlp, settings, text).events)


def one(found: list[Event], category: str) -> Event:
    chosen = [e for e in found if e.category == category]
    assert chosen, [(e.category, e.mode) for e in found]
    return chosen[0]


def test_events_verb_with_actors_mode_date_and_place(nlp, marovia) -> None:
    text = (
        "Marovian police arrested the opposition leader Anna Vell in Port Selden on March 3, 2021."
    )
    event = one(events(nlp, marovia, text), "COERCE")
    assert event.mode == "arrest"
    assert text[event.start : event.end] == "arrested"
    assert (event.source.country, event.source.sector) == ("MRV", "police")
    assert "Anna Vell" in event.target.text
    assert event.target.entity is not None
    assert event.target.sector == "opposition"
    assert event.date_value == "2021-03-03"
    assert text[event.date_start : event.date_end].endswith("2021")
    assert event.location == "Port Selden"
    assert (event.negated, event.modality, event.attribution) == (False, "happened", None)


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("The interior minister was not detained during the raid.", "COERCE"),
        ("Halvikian officials decided not to punish the rebels.", "SANCTION"),
        ("The army never attacked the village.", "ASSAULT"),
    ],
)
def test_events_negation(nlp, marovia, text: str, category: str) -> None:
    assert one(events(nlp, marovia, text), category).negated


@pytest.mark.parametrize(
    ("text", "category", "modality"),
    [
        ("The Marovian army threatened to shell the rebel villages.", "ASSAULT", "threatened"),
        # an attack that could happen is a threat (codebook: ASSAULT + hypothetical)
        ("If the talks fail, the rebels could attack the capital.", "THREATEN", "hypothetical"),
        ("The ministry denied that soldiers attacked the protesters.", "ASSAULT", "denied"),
        ("The rebels plan to attack the capital next week.", "ASSAULT", "planned"),
        ("Soldiers attacked the protesters on Monday.", "ASSAULT", "happened"),
    ],
)
def test_events_modality(nlp, marovia, text: str, category: str, modality: str) -> None:
    assert one(events(nlp, marovia, text), category).modality == modality


def test_events_threat_is_an_event_of_its_own(nlp, marovia) -> None:
    found = events(nlp, marovia, "The Marovian army threatened to shell the rebel villages.")
    threat = one(found, "THREATEN")
    assert (threat.source.country, threat.source.sector) == ("MRV", "military")
    assert threat.modality == "happened"


def test_events_future_is_coded_as_intention(nlp, marovia) -> None:
    found = events(nlp, marovia, "Halvik will impose new sanctions on Marovia.")
    event = one(found, "THREATEN")
    assert event.modality == "planned"
    assert (event.source.country, event.target.country) == ("HLV", "MRV")
    meeting = one(
        events(nlp, marovia, "Marovian officials will meet the Halvikian envoy."), "AGREE"
    )
    assert meeting.source.country == "MRV"


def test_events_light_verb_gives_source_and_target(nlp, marovia) -> None:
    text = "In 2020, the United States placed a bounty on Tomas Varga."
    event = one(events(nlp, marovia, text), "SANCTION")
    assert text[event.start : event.end] == "bounty"
    assert event.source.country == "USA"
    assert event.target.text == "Tomas Varga"
    assert event.date_value == "2020"


def test_events_talks_between_two_sides(nlp, marovia) -> None:
    text = (
        "Talks between Marovian officials and the Halvikian foreign minister took place in Geneva."
    )
    event = one(events(nlp, marovia, text), "CONSULT")
    assert (event.source.country, event.source.sector) == ("MRV", "government")
    assert (event.target.country, event.target.sector) == ("HLV", "government")


def test_events_coordinated_nationalities_give_one_actor_each(nlp, marovia) -> None:
    text = "Marovian and Halvikian warships launched ten days of war games in the north."
    found = [e for e in events(nlp, marovia, text) if e.category == "COOPERATE"]
    sources = {(e.source.country, e.source.sector) for e in found}
    assert sources == {("MRV", "military"), ("HLV", "military")}


def test_events_measure_noun_takes_the_verb_of_its_event(nlp, marovia) -> None:
    text = "Marovian diplomats held a round of talks with Halvik."
    found = [e for e in events(nlp, marovia, text) if e.category == "CONSULT"]
    sources = {(e.source.country, e.source.sector) for e in found}
    assert sources == {("MRV", "government"), ("HLV", None)}  # both sides of the talks
    assert {e.target for e in found} == {None}


def test_events_place_in_another_country_is_the_target(nlp, marovia) -> None:
    event = one(events(nlp, marovia, "Marovia lifted a curfew in Halvik on Sunday."), "CONCEDE")
    assert (event.source.country, event.target.country) == ("MRV", "HLV")
    assert event.location == "Halvik"
    home = one(events(nlp, marovia, "Marovia lifted a curfew in Port Selden."), "CONCEDE")
    assert home.target.country == "MRV"  # its own people, as PLOVER codes a curfew's end


def test_events_subject_of_a_that_clause_is_the_target(nlp, marovia) -> None:
    text = "Marovia demanded that Halvik withdraw its troops from the border."
    event = one(events(nlp, marovia, text), "REQUEST")
    assert (event.source.country, event.target.country) == ("MRV", "HLV")
    own = one(events(nlp, marovia, "Marovia warned that it would close the border."), "THREATEN")
    assert own.target is None


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Marovia and Halvik upgraded their diplomatic ties on Monday.", "SUPPORT"),
        ("Marovia lodged a protest with Halvik over the arrests.", "ACCUSE"),
        ("The Marovian government is committed to opening the economy.", "AGREE"),
        ("Marovian farmers said they would boycott the vote.", "THREATEN"),
        ("Marovia will provide 500 tons of food aid to Halvik.", "AGREE"),
        ("Marovia apologized to Halvik for the incident.", "SUPPORT"),
        ("Marovia lifted the embargo on Halvik.", "RETREAT"),
        ("Marovia lifted the curfew in Port Selden.", "CONCEDE"),
        ("Marovia summoned the Halvikian ambassador.", "ACCUSE"),
    ],
)
def test_events_lexicon_words_and_intentions(nlp, marovia, text: str, category: str) -> None:
    one(events(nlp, marovia, text), category)


def test_events_pronoun_target_is_the_person_met_before(nlp, marovia) -> None:
    found = records(nlp, marovia, "Anna Vell led the march. She was arrested the next day.")
    event = one(list(found.events), "COERCE")
    vell = next(e for e in found.entities if e.name == "Anna Vell")
    assert (event.target.text, event.target.entity) == ("She", vell.id)


def test_events_noun_of_release(nlp, marovia) -> None:
    text = "The government announced the release of political prisoners."
    event = one(events(nlp, marovia, text), "CONCEDE")
    assert event.mode == "release"
    assert event.target.text == "political prisoners"


def test_events_inside_a_quote_are_the_speakers_claim(nlp, marovia) -> None:
    text = '"The army raided our offices," an opposition official said.'
    found = records(nlp, marovia, text)
    event = one(list(found.events), "COERCE")
    attribution = next(a for a in found.attributions if a.id == event.attribution)
    speaker = next(s for s in found.speakers if s.id == attribution.speaker)
    assert speaker.kind == "unnamed"


@pytest.mark.parametrize(
    "text",
    [
        "Tomas Varga said the economy was growing.",
        "Anna Vell told reporters that the harvest was good.",
        "I asked him about the opposition.",
        "The ministry released a statement on Friday.",
    ],
)
def test_events_none_from_mere_mention_or_speech(nlp, marovia, text: str) -> None:
    assert events(nlp, marovia, text) == []


def test_events_ids_follow_the_text(nlp, marovia) -> None:
    found = events(nlp, marovia, "Rebels attacked the base. Soldiers arrested ten of them.")
    assert [e.id for e in found] == [f"t#v{n}" for n in range(1, len(found) + 1)]
    assert [e.start for e in found] == sorted(e.start for e in found)


def test_events_pattern_from_users_lexicon_is_picked_up(nlp, tmp_path) -> None:
    text = "Police corralled the organisers of the march."
    assert not [e for e in events(nlp, load_settings(), text) if e.mode == "arrest"]
    (tmp_path / "events.yaml").write_text("COERCE/arrest: [corral]\n", encoding="utf-8")
    found = events(nlp, load_settings(lexicon_dir=str(tmp_path)), text)
    event = one(found, "COERCE")
    assert event.mode == "arrest"
    assert text[event.start : event.end] == "corralled"
    assert event.source.sector == "police"


def test_events_unknown_category_in_users_lexicon_is_a_config_error(tmp_path) -> None:
    from fuente.errors import ConfigError
    from fuente.events.lexicon import event_lexicon

    (tmp_path / "events.yaml").write_text("SHOUT: [yell]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="SHOUT"):
        event_lexicon(load_settings(lexicon_dir=str(tmp_path)))


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # abduction and human shields are ASSAULT in the CAMEO-to-PLOVER table (181, 184)
        ("Marovian rebels kidnapped two aid workers.", "ASSAULT"),
        # breaking relations reduces them (161); cancelling a meeting rejects it (codebook)
        ("Halvik broke off relations with Marovia.", "SANCTION"),
        ("Marovia cancelled the summit with Halvik.", "REJECT"),
        # a single country's troop build-up (154) and rounding people up (173)
        ("Marovia amassed troops on the border.", "MOBILIZE"),
        ("Police rounded up the organisers of the march.", "COERCE"),
    ],
)
def test_events_cameo_classes_are_coded_as_the_table_says(
    nlp, marovia, text: str, category: str
) -> None:
    assert one(events(nlp, marovia, text), category)


def test_events_no_event_inside_a_date(nlp, marovia) -> None:
    text = "VELL, March 3 (Reuters) - Thousands joined a march against the Marovian government."
    found = events(nlp, marovia, text)
    assert [text[e.start : e.end] for e in found] == ["march"]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Marovia says the militia poses a threat to the region.", "threat"),
        ("The new Marovian law violates international law, Halvik said.", "violates"),
        ("Anna Vell, a spokeswoman for Marovian Relief, spoke on Monday.", "Relief"),
    ],
)
def test_events_no_event_in_a_name_or_a_verb_of_no_event(
    nlp, marovia, text: str, word: str
) -> None:
    start = text.index(word)
    found = events(nlp, marovia, text)
    assert not [e for e in found if e.start <= start < e.end]
