"""The attribution extractor on short texts written here: each form, and what is not a claim."""

import pytest
from spacy.tokens import Doc
from spacy.vocab import Vocab

from fuente.attribution.quotemarks import doc_quotes, find_quotes, quoted_ranges
from fuente.pipeline import process
from fuente.records import RawArticle


@pytest.fixture
def attribute(nlp, settings):
    def run(text: str):
        raw = RawArticle(id="t", path="t.txt", text=text, format="text")
        (records,) = list(process([raw], nlp=nlp, settings=settings))
        speakers = {s.id: s for s in records.speakers}
        return [
            (
                a.kind,
                text[a.content_start : a.content_end],
                text[a.source_start : a.source_end] if a.source_start is not None else None,
                speakers[a.speaker] if a.speaker else None,
                a,
            )
            for a in records.attributions
        ]

    return run


def only(rows, words):
    found = [row for row in rows if words in row[1]]
    assert len(found) == 1, (words, [r[1] for r in rows])
    return found[0]


def test_quotes_marks_pair_and_run_across_paragraphs() -> None:
    text = "“First part of it.\n“Second part,” she said. He called it “odd”.\n"
    quotes = find_quotes(text)
    assert [text[q.start : q.end] for q in quotes] == ["First part of it.", "Second part,", "odd"]
    assert [q.joined for q in quotes] == [False, True, False]


def test_quotes_split_quotation_is_one_direct_attribution(attribute) -> None:
    rows = attribute(
        "PORT SELDEN — The minister spoke at length.\n"
        "“We will not leave,” Interior Minister Tomas Varga said. “Not now, not ever.”\n"
    )
    kind, content, source, speaker, _ = only(rows, "We will not leave")
    assert kind == "direct" and "Not now, not ever." in content
    assert source == "Interior Minister Tomas Varga"
    assert speaker.kind == "person" and speaker.name == "Tomas Varga"


def test_quotes_split_quotation_whose_cue_ends_its_second_sentence(attribute) -> None:
    # the cue stands in neither the first nor the last sentence the quotation runs through
    rows = attribute(
        "PORT SELDEN — The minister spoke at length.\n"
        "“We lost the vote. Nothing we could do, friends,” Tomas Varga said. “Maybe next "
        "year, I cannot say.”\n"
    )
    kind, content, source, speaker, _ = only(rows, "We lost the vote")
    assert kind == "direct" and "Maybe next year" in content
    assert source == "Tomas Varga" and speaker.name == "Tomas Varga"


def test_quotes_a_quoted_word_is_never_the_speaker(attribute) -> None:
    # the parser may make "Nothing" a second subject of "said"
    rows = attribute(
        "PORT SELDEN — The minister spoke at length.\n"
        "“We lost the vote. Nothing we could do,” Tomas Varga said.\n"
    )
    _, _, source, speaker, _ = only(rows, "We lost the vote")
    assert source == "Tomas Varga" and speaker.name == "Tomas Varga"


@pytest.mark.parametrize(
    ("text", "content", "source"),
    [
        (
            "Opposition leader Ines Lindqvist said that the vote had been rigged.\n",
            "the vote had been rigged",
            "Opposition leader Ines Lindqvist",
        ),
        (
            "According to two diplomats briefed on the talks, the envoys met Varga in Halvik.\n",
            "the envoys met Varga in Halvik",
            "two diplomats briefed on the talks",
        ),
        (
            "The currency will fall further this month, the central bank warned on Monday.\n",
            "The currency will fall further this month",
            "the central bank",
        ),
    ],
)
def test_quotes_reported_speech(attribute, text, content, source) -> None:
    kind, found_content, found_source, _, _ = only(attribute(text), content)
    assert content in found_content
    assert kind == "indirect"
    assert found_source == source


def test_quotes_unnamed_source_keeps_its_description_and_outlet(attribute) -> None:
    rows = attribute(
        "A senior Marovian officer who spoke to Coastal Wire said the army would stay in its "
        "barracks.\n"
    )
    _, _, _, speaker, attribution = only(rows, "the army would stay in its barracks")
    assert speaker.kind == "unnamed"
    assert "officer" in speaker.description
    assert speaker.sector == "military"
    assert attribution.through == "Coastal Wire"


def test_quotes_pronoun_reaches_an_unnamed_source_met_paragraphs_before(attribute) -> None:
    text = (
        "I have known a senior police commander who insists that nothing will change.\n"
        "We first met in 2009 at a reception in Port Selden.\n"
        "The rebellion against President Helena Dravik had just failed.\n"
        "“The streets are calm,” he said.\n"
    )
    rows = attribute(text)
    _, _, _, first, _ = only(rows, "nothing will change")
    _, _, _, second, _ = only(rows, "The streets are calm")
    assert first.id == second.id and first.kind == "unnamed"


def test_quotes_interview_answers_and_author_questions(attribute) -> None:
    text = (
        "I spoke to the commander last week.\n"
        "What about the army? “Loyal. Nobody moves.”\n"
        "And the police? “Tired, but obedient.”\n"
    )
    rows = attribute(text)
    assert only(rows, "What about the army?")[3].kind == "author"
    answer = only(rows, "Loyal. Nobody moves.")[3]
    assert answer is not None and answer.kind != "author"
    assert only(rows, "Tired, but obedient.")[3].id == answer.id


def test_quotes_colon_line_and_non_response(attribute) -> None:
    text = (
        "Here is what one Marovian official told The Selden Ledger:\n"
        "The minister decides everything now, and everyone knows it.\n"
        "The ministry did not respond to requests for comment.\n"
    )
    rows = attribute(text)
    kind, _, _, speaker, attribution = only(rows, "The minister decides everything")
    assert kind == "direct" and speaker.kind == "unnamed"
    assert attribution.through == "The Selden Ledger"
    kind, _, source, _, _ = only(rows, "did not respond to requests for comment")
    assert kind == "non-response" and source == "The ministry"


def test_quotes_scare_quotes_and_names_inside_quotes_are_not_claims(attribute) -> None:
    rows = attribute(
        "The government called the marchers “terrorists” and closed the square.\n"
        "“Even Varga says the calm will not last,” the aide said.\n"
    )
    assert not [row for row in rows if row[1] == "terrorists"]
    speakers = {row[3].name for row in rows if row[3] is not None}
    assert "Tomas Varga" not in speakers and "Varga" not in speakers
    assert only(rows, "Even Varga says")[3].kind == "unnamed"


def test_quotes_typewriter_quotation_marks() -> None:
    text = "''We will not leave,'' he said. ``Never,'' she said."
    assert [text[q.start : q.end] for q in find_quotes(text)] == ["We will not leave,", "Never,"]


def test_quotes_transcript_and_headline_labels(attribute) -> None:
    rows = attribute(
        "Lindqvist: The Vote Was Stolen\n"
        "Opposition leader Ines Lindqvist spoke to reporters on Monday.\n"
        "HOST: Will you accept the result of the count?\n"
        "LINDQVIST: No. The count was rigged from the start.\n"
        "Update: This story has been corrected.\n"
    )
    assert only(rows, "The Vote Was Stolen")[2] == "Lindqvist"
    kind, _, source, _, _ = only(rows, "The count was rigged from the start")
    assert kind == "direct" and source == "LINDQVIST"
    assert only(rows, "Will you accept the result")[2] == "HOST"
    assert not [row for row in rows if "corrected" in row[1]]


@pytest.mark.parametrize(
    ("text", "content"),
    [
        ("Varga reportedly met the envoys twice in Halvik.\n", "met the envoys twice in Halvik"),
        ("The minister is said to have flown back the same night.\n", "to have flown back"),
        ("It is believed that the talks will resume in April.\n", "the talks will resume"),
    ],
)
def test_quotes_claims_without_a_source(attribute, text, content) -> None:
    kind, _, source, speaker, _ = only(attribute(text), content)
    assert kind == "indirect" and source is None and speaker is None


def test_quotes_signed_reactions(attribute) -> None:
    rows = attribute(
        "Readers in Port Selden sent us their views on the debate.\n"
        "“He is not fit to lead Marovia. It was a shameful night.”\u00a0― Ana Ruiz, 34, a nurse\n"
        "”The count will be rigged again.” — Tomas Brandt.\n"
        "The debate - held in Halvik - ran late.\n"
    )
    kind, content, source, speaker, _ = only(rows, "not fit to lead Marovia")
    assert kind == "direct" and source == "Ana Ruiz" and speaker.kind == "person"
    assert content.endswith("shameful night.")
    assert only(rows, "rigged again")[2] == "Tomas Brandt"
    assert not [row for row in rows if "Halvik" in row[1]]


@pytest.mark.parametrize(
    ("text", "content", "cue"),
    [
        (
            "Opposition leader Ines Lindqvist called for a recount in every district.\n",
            "a recount in every district",
            "called for",
        ),
        (
            "The ministry called the report biased and fabricated by foreign agents.\n",
            "the report biased and fabricated by foreign agents",
            "called",
        ),
        ("The envoy spoke of a betrayal by the army.\n", "a betrayal by the army", "spoke of"),
    ],
)
def test_quotes_cue_with_preposition_or_complement(attribute, text, content, cue) -> None:
    kind, found, _, _, record = only(attribute(text), content)
    assert found == content and kind == "indirect"
    assert text[record.cue_start : record.cue_end] == cue


def test_quotemarks_doc_quotes_are_found_once_and_read_by_everyone() -> None:
    words = ["“", "We", "stay", ",", "”", "she", "said", "."]
    doc = Doc(Vocab(), words=words, spaces=[False, True, False, False, True, True, False, False])
    quotes = doc_quotes(doc)
    assert quotes == tuple(find_quotes(doc.text))
    assert doc_quotes(doc) is quotes
    assert quoted_ranges(doc) == [(0, len("“We stay,”"))]
