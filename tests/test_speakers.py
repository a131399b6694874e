"""What kind of speaker a source span is, read with the real model on sentences about Marovia."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from fuente.actors.same_source import same_source
from fuente.actors.speakers import SourceInfo, describe_source, outlet_name
from fuente.settings import Settings, load_settings

pytestmark = pytest.mark.slow

MAROVIA = "MRV: [Marovia, Marovian, Port Selden]\n"


@pytest.fixture(scope="module")
def marovia(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose lexicon_dir adds Marovia to the countries."""
    folder = tmp_path_factory.mktemp("lexicons")
    (folder / "countries.yaml").write_text(MAROVIA, encoding="utf-8")
    return load_settings(lexicon_dir=str(folder))


def source(nlp, settings: Settings, sentence: str, phrase: str) -> SourceInfo:
    doc = nlp(sentence)
    start = sentence.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    return describe_source(span, settings=settings)


def check(info: SourceInfo, expected: dict[str, str | None]) -> None:
    assert {key: getattr(info, key) for key in expected} == expected, info


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        # people named, with titles, appositions and relative clauses left out of the name
        (
            "Interior Minister Tomas Varga said the border would stay closed.",
            "Interior Minister Tomas Varga",
            {"kind": "person", "name": "Tomas Varga", "sector": "government", "count": "1"},
        ),
        (
            "Tomas Varga, who served as interior minister, said the border was closed.",
            "Tomas Varga, who served as interior minister,",
            {"kind": "person", "name": "Tomas Varga", "description": None},
        ),
        (
            "Ms. Ilse Brandt, the Marovian ambassador, said the talks were real.",
            "Ms. Ilse Brandt, the Marovian ambassador,",
            {"kind": "person", "name": "Ilse Brandt", "country": "MRV", "gender": "she"},
        ),
        (
            "Tomas Varga spoke first. Then Mr. Varga said he would not resign.",
            "Mr. Varga",
            {"kind": "person", "name": "Tomas Varga", "gender": "he", "head": "varga"},
        ),
        # bodies that speak as one
        (
            "The Marovian government denied the report on Tuesday.",
            "The Marovian government",
            {"kind": "organisation", "name": "Marovian government", "country": "MRV"},
        ),
        (
            "The White House did not respond to requests for comment.",
            "The White House",
            {"kind": "organisation", "country": "USA", "sector": "government"},
        ),
        (
            "The Pentagon said the drills would go ahead.",
            "The Pentagon",
            {"kind": "organisation", "country": "USA", "sector": "military"},
        ),
        (
            "Marovia said the talks with its neighbours were productive.",
            "Marovia",
            {"kind": "organisation", "country": "MRV", "sector": "government"},
        ),
        (
            "The United Nations said the vote in Port Selden was flawed.",
            "The United Nations",
            {"kind": "organisation", "sector": "international organisation"},
        ),
        # outlets by name, alias and generic noun
        (
            "The Times reported that Varga had fled to Port Selden.",
            "The Times",
            {"kind": "outlet", "name": "The New York Times", "sector": "media"},
        ),
        (
            "Varga told “Fox News Sunday” that the plan was dead.",
            "“Fox News Sunday”",
            {"kind": "outlet", "name": "Fox News"},
        ),
        (
            "AP’s reporters in Port Selden saw the convoy.",
            "AP’s",
            {"kind": "outlet", "name": "Associated Press"},
        ),
        (
            "The paper said Varga had lied about the convoy.",
            "The paper",
            {"kind": "outlet", "name": "paper", "description": "The paper"},
        ),
        # documents
        (
            "A statement from the ministry said the border would reopen.",
            "A statement from the ministry",
            {"kind": "document", "name": "statement from the ministry", "sector": "government"},
        ),
        (
            "Court documents show that Varga was paid by the cartel.",
            "Court documents",
            {"kind": "document", "head": "document", "sector": "judiciary", "count": "many"},
        ),
        (
            "The budget shows that spending on the army doubled.",
            "The budget",
            {"kind": "document", "name": "budget"},
        ),
        # first and third person
        (
            "I asked whether the plan would work.",
            "I",
            {"kind": "author", "count": "1"},
        ),
        ("We asked the minister about the plan.", "We", {"kind": "author", "head": "we"}),
        (
            "Varga left early because she said the vote was rigged.",
            "she",
            {"kind": "pronoun", "gender": "she", "count": "1"},
        ),
        (
            "They said the plan had been abandoned in Port Selden.",
            "They",
            {"kind": "pronoun", "gender": None, "name": "they"},
        ),
        # unnamed sources: descriptions, affiliations, counts
        (
            "Two Marovian diplomats, who spoke on condition of anonymity, said the talks stalled.",
            "Two Marovian diplomats, who spoke on condition of anonymity,",
            {
                "kind": "unnamed",
                "description": "Two Marovian diplomats",
                "country": "MRV",
                "sector": "government",
                "count": "2",
                "head": "diplomat",
            },
        ),
        (
            "A Marovian army officer, speaking anonymously, said the troops were restless.",
            "A Marovian army officer, speaking anonymously,",
            {"description": "A Marovian army officer", "country": "MRV", "sector": "military"},
        ),
        (
            "A source close to the presidency said Varga would resign.",
            "A source close to the presidency",
            {
                "kind": "unnamed",
                "name": "source close to the presidency",
                "sector": "government",
                "count": "1",
            },
        ),
        (
            "Officials in Port Selden said the border was closed.",
            "Officials in Port Selden",
            {"kind": "unnamed", "country": "MRV", "sector": "government", "count": "many"},
        ),
        (
            "Opposition lawmakers said the vote was rigged.",
            "Opposition lawmakers",
            {"kind": "unnamed", "sector": "opposition", "count": "many"},
        ),
        (
            "A senior Colombian police officer said the border was calm.",
            "A senior Colombian police officer",
            {"kind": "unnamed", "country": "COL", "sector": "police", "count": "1"},
        ),
        (
            "A mutinous officer said the barracks in Port Selden had fallen.",
            "A mutinous officer",
            {"kind": "unnamed", "sector": "rebels"},
        ),
        (
            "Three senior officials said the plan was weak.",
            "Three senior officials",
            {"kind": "unnamed", "count": "3"},
        ),
        (
            "One of the officials said the plan was new.",
            "One of the officials",
            {"kind": "unnamed", "head": "official", "count": "1"},
        ),
        (
            "A handful of soldiers said the barracks were empty.",
            "A handful of soldiers",
            {"kind": "unnamed", "head": "soldier", "count": "several", "sector": "military"},
        ),
        (
            "A spokeswoman for the ministry said the talks were productive.",
            "A spokeswoman for the ministry",
            {"kind": "unnamed", "gender": "she", "sector": "government"},
        ),
        (
            "Analysts at a major bank said the marovian crown would fall.",
            "Analysts at a major bank",
            {"kind": "unnamed", "sector": "business", "count": "many"},
        ),
        (
            "Several Latin American diplomats said the vote was flawed.",
            "Several Latin American diplomats",
            {"kind": "unnamed", "country": None, "count": "several"},
        ),
        (
            "Marovian and Colombian officials met in Port Selden, and they said the talks went well.",
            "Marovian and Colombian officials",
            {"kind": "unnamed", "count": "many", "sector": "government"},
        ),
        (
            "Marovian officials and a Colombian general, who spoke to the Times, described the plan.",
            "Marovian officials and a Colombian general, who spoke to the Times",
            {
                "kind": "unnamed",
                "description": "Marovian officials and a Colombian general",
                "country": None,
                "count": "many",
                "head": "official",
            },
        ),
    ],
)
def test_speakers_describe_source(nlp, marovia, sentence, phrase, expected) -> None:
    check(source(nlp, marovia, sentence, phrase), expected)


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        (
            "The talks took place, multiple sources familiar with the negotiations said.",
            "multiple sources familiar with the negotiations",
            {"kind": "unnamed", "count": "several", "head": "source"},
        ),
        (
            "In Port Selden, a source briefed on US concerns said Varga was nervous.",
            "a source briefed on US concerns",
            # Briefed *on* US concerns says what the source knows, not whose it is.
            {"kind": "unnamed", "count": "1", "country": None},
        ),
        (
            "US officials said Varga had met the envoy in Port Selden.",
            "US officials",
            {"kind": "unnamed", "country": "USA", "sector": "government", "count": "many"},
        ),
        (
            "Since the vote, rights groups have accused Varga of torture.",
            "rights groups",
            {"kind": "unnamed", "sector": "civil society", "count": "many"},
        ),
        (
            "But some in Washington argue that Varga cannot be trusted.",
            "some in Washington",
            {"kind": "unnamed", "country": "USA", "count": "several"},
        ),
        (
            "Last week one official who spoke to CNN said Varga had left Marovia.",
            "one official who spoke to CNN",
            {"kind": "unnamed", "description": "one official", "count": "1"},
        ),
        (
            "In Bogotá the former Venezuelan military commander told reporters the radios failed.",
            "the former Venezuelan military commander",
            {"kind": "unnamed", "country": "VEN", "sector": "military", "head": "commander"},
        ),
        (
            "Prices tripled, according to an index published by the opposition-controlled National Assembly.",
            "an index published by the opposition-controlled National Assembly",
            {"kind": "document", "head": "index", "sector": "opposition"},
        ),
        (
            "Varga fled to Port Selden, the Times reported on Sunday.",
            "the Times",
            {"kind": "outlet", "name": "The New York Times"},
        ),
        (
            "Reuters reported that the Marovian central bank had run out of dollars.",
            "Reuters",
            {"kind": "outlet", "name": "Reuters"},
        ),
        (
            "Elliott Abrams said many Marovians expect Varga to be removed.",
            "Elliott Abrams",
            {"kind": "person", "name": "Elliott Abrams"},
        ),
        (
            "An active chavista official said the border with Marovia was calm.",
            "An active chavista official",
            {"kind": "unnamed", "country": "VEN", "sector": "government", "count": "1"},
        ),
    ],
)
def test_speakers_descriptions_the_acceptance_names(
    nlp, settings, sentence, phrase, expected
) -> None:
    check(source(nlp, settings, sentence, phrase), expected)


@pytest.mark.parametrize(
    ("mention", "expected"),
    [
        ("the Times", "The New York Times"),
        ("The New York Times", "The New York Times"),
        ("NYT", "The New York Times"),
        ("the Post", "The Washington Post"),
        ("the post", None),
        ("AP’s", "Associated Press"),
        ("Associated Press", "Associated Press"),
        ("“Fox News Sunday”", "Fox News"),
        ("Reuters'", "Reuters"),
        ("El Pais", "El País"),
        ("AFP", "Agence France-Presse"),
        ("Al Jazeera", "Al Jazeera"),
        ("the Journal", "The Wall Street Journal"),
        ("Bloomberg", "Bloomberg"),
        ("the Marovia Herald", "Marovia Herald"),
        ("the ministry", None),
    ],
)
def test_speakers_outlet_name(settings, mention, expected) -> None:
    assert outlet_name(mention, settings=settings) == expected


def test_speakers_user_lexicon_adds_an_outlet(nlp, tmp_path: Path) -> None:
    (tmp_path / "outlets_known.yaml").write_text(
        "Marovia Herald: [the Herald, MH]\nThe New York Times: [the Gray Lady]\n",
        encoding="utf-8",
    )
    settings = load_settings(lexicon_dir=str(tmp_path))
    assert outlet_name("the Herald", settings=settings) == "Marovia Herald"
    assert outlet_name("the Gray Lady", settings=settings) == "The New York Times"
    assert outlet_name("the Times", settings=settings) == "The New York Times"
    assert outlet_name("the Herald", settings=load_settings()) is None
    info = source(nlp, settings, "The Herald reported that Varga had fled.", "The Herald")
    check(info, {"kind": "outlet", "name": "Marovia Herald"})


def test_speakers_user_lexicon_adds_sectors_and_people(nlp, tmp_path: Path) -> None:
    (tmp_path / "sectors.yaml").write_text("rebels: [greenshirt]\n", encoding="utf-8")
    (tmp_path / "speakers.yaml").write_text("documents: [gazette]\n", encoding="utf-8")
    settings = load_settings(lexicon_dir=str(tmp_path))
    sentence = "A greenshirt commander said the gazette was wrong, and the gazette said so too."
    check(source(nlp, settings, sentence, "A greenshirt commander"), {"sector": "rebels"})
    check(source(nlp, settings, sentence, "the gazette"), {"kind": "document"})


SOURCES = {
    "official": "One Marovian official",
    "commander": "a former Marovian military commander",
    "diplomat": "A diplomat",
    "diplomats": "two diplomats",
    "source": "a source familiar with the situation",
    "briefed": "a source briefed on US concerns",
    "us officials": "US officials",
}
EARLIER = (
    "One Marovian official said the army was split, and a former Marovian military commander "
    "said the radios failed. A diplomat said so, two diplomats said so, a source familiar with "
    "the situation said so, a source briefed on US concerns said so, and US officials said so."
)


@pytest.mark.parametrize(
    ("later_sentence", "later", "earlier", "same"),
    [
        ("The commander said the radios failed.", "The commander", "commander", True),
        ("The military commander said so.", "The military commander", "commander", True),
        ("The official said the army was split.", "The official", "official", True),
        ("The Marovian official said so.", "The Marovian official", "official", True),
        ("The source said the talks went on.", "The source", "source", True),
        ("The officials said so.", "The officials", "us officials", True),
        ("The diplomats said so.", "The diplomats", "diplomats", True),
        ("Two diplomats said so.", "Two diplomats", "diplomat", False),
        ("The diplomat said so.", "The diplomat", "diplomats", False),
        ("The commander said so.", "The commander", "official", False),
        ("Another official said so.", "Another official", "official", False),
        ("The US official said so.", "The US official", "official", False),
        ("The police commander said so.", "The police commander", "commander", False),
        (
            "The source familiar with the situation said so.",
            "The source familiar with the situation",
            "briefed",
            False,
        ),
        (
            "A source briefed on US concerns said so.",
            "A source briefed on US concerns",
            "briefed",
            True,
        ),
        (
            "A source briefed on US concerns said so.",
            "A source briefed on US concerns",
            "source",
            False,
        ),
    ],
)
def test_speakers_same_source_unnamed(nlp, settings, later_sentence, later, earlier, same) -> None:
    earlier_info = source(nlp, settings, EARLIER, SOURCES[earlier])
    later_info = source(nlp, settings, later_sentence, later)
    assert same_source(later_info, earlier_info) is same


@pytest.mark.parametrize(
    ("later", "earlier", "same"),
    [
        (("Mr. Varga said so.", "Mr. Varga"), ("Tomas Varga said so.", "Tomas Varga"), True),
        (("Ilse Brandt said so.", "Ilse Brandt"), ("Tomas Varga said so.", "Tomas Varga"), False),
        (("NYT said so.", "NYT"), ("The Times said so.", "The Times"), True),
        (("Reuters said so.", "Reuters"), ("The Times said so.", "The Times"), False),
        (("I said so.", "I"), ("I asked him.", "I"), True),
        (("He said so.", "He"), ("He said so.", "He"), False),
        (
            ("The Times said so.", "The Times"),
            ("A Times reporter said so.", "A Times reporter"),
            False,
        ),
        (("The paper said so.", "The paper"), ("The paper said so.", "The paper"), True),
    ],
)
def test_speakers_same_source_named(nlp, settings, later, earlier, same) -> None:
    assert same_source(source(nlp, settings, *later), source(nlp, settings, *earlier)) is same


@pytest.mark.parametrize(
    ("sentence", "phrase", "expected"),
    [
        # An ISO code is no alias: "Can" opening a sentence is not Canada.
        ("Can officials in Port Selden say so?", "officials in Port Selden", {"country": None}),
        # Lower case "post" is a document, "the Post" an outlet.
        ("A post on social media said Varga fled.", "A post on social media", {"kind": "document"}),
        (
            "The Post said Varga fled.",
            "The Post",
            {"kind": "outlet", "name": "The Washington Post"},
        ),
        # A date is no person.
        ("April 2002 changed everything, Varga said.", "April 2002", {"kind": "unnamed"}),
        # A capitalised title alone is a description, not a name.
        ("The President said the border was closed.", "The President", {"kind": "unnamed"}),
        # A stance among the modifiers says more than the institution.
        (
            "Rogue Marovian military officers said they were ready.",
            "Rogue Marovian military officers",
            {"kind": "unnamed", "sector": "rebels", "head": "officer"},
        ),
    ],
)
def test_speakers_edge_cases(nlp, settings, sentence, phrase, expected) -> None:
    check(source(nlp, settings, sentence, phrase), expected)


def test_speakers_unparsed_doc_degrades_softly(settings) -> None:
    blank = spacy.blank("en")
    check(describe_source(blank("the Times")[:], settings=settings), {"kind": "outlet"})
    check(describe_source(blank("He")[:], settings=settings), {"kind": "pronoun", "gender": "he"})
    check(describe_source(blank("a source")[:], settings=settings), {"kind": "unnamed"})


def test_speakers_a_country_the_tagger_took_for_a_whole_person_is_a_country(nlp, marovia) -> None:
    doc = nlp("Marovia pledged aid to the farmers.")
    doc._.fuente_entities = (("Marovia", "PERSON", ((0, 7, "PERSON"),)),)
    assert describe_source(doc[0:1], settings=marovia).country == "MRV"
    doc = nlp("Jan Marovia pledged aid to the farmers.")
    doc._.fuente_entities = (("Jan Marovia", "PERSON", ((0, 11, "PERSON"),)),)
    assert describe_source(doc[0:2], settings=marovia).country is None


def test_speakers_a_common_word_before_a_speakers_name_is_no_part_of_it(nlp, settings) -> None:
    from fuente.pipeline import process
    from fuente.records import RawArticle

    text = (
        "Tomas Varga spoke in Selden on Monday.\n\n"
        "Rival Ilse Marek said the plan would fail.\n\n"
        "Aides to rival Ilse Marek said she would answer on Tuesday."
    )
    raw = RawArticle(id="t", path="t.txt", text=text, format="text")
    (records,) = list(process([raw], nlp=nlp, settings=settings))
    names = {s.name for s in records.speakers if s.kind == "person"}
    assert "Rival Ilse Marek" not in names
    assert "Ilse Marek" in names
