import pytest
import spacy
from spacy.tokens import Doc

from fuente.nlp.entities import cluster_entities
from fuente.nlp.entity_view import entity_at, entity_label, entity_span

LABELS = ("PERSON", "ORG", "GPE", "NORP")


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def make(vocab, tagged: str) -> Doc:
    """A Doc from 'word/LABEL' tokens: B- and I- prefixes are added for runs of one label;
    "¶" is a line break."""
    words, ents, previous = [], [], "O"
    for item in tagged.split():
        word, _, label = item.partition("/")
        word = "\n" if word == "¶" else word
        words.append(word)
        if not label:
            ents.append("O")
        else:
            ents.append(("I-" if previous == label else "B-") + label)
        previous = label or "O"
    return Doc(vocab, words=words, ents=ents)


def by_name(clusters):
    return {c.name: c for c in clusters}


def test_entities_surname_joins_full_name_and_takes_person(vocab) -> None:
    doc = make(
        vocab,
        "Minister Tomas/PERSON Varga/PERSON spoke . Varga/ORG left . Mr. Varga/ORG 's aides "
        "met Varga/PERSON",
    )
    clusters = by_name(cluster_entities(doc, labels=LABELS))
    assert list(clusters) == ["Tomas Varga"]
    varga = clusters["Tomas Varga"]
    assert varga.type == "PERSON"
    assert [doc.text[s:e] for s, e, _ in varga.mentions] == ["Tomas Varga"] + ["Varga"] * 3


def test_entities_untagged_occurrences_of_a_person_are_found(vocab) -> None:
    doc = make(vocab, "Lena/PERSON Ostrova/PERSON won . Critics said Ostrova lied .")
    (cluster,) = cluster_entities(doc, labels=LABELS)
    assert [label for _, _, label in cluster.mentions] == ["PERSON", ""]


def test_entities_coordination_of_known_names_is_split(vocab) -> None:
    doc = make(
        vocab,
        "Tomas/PERSON Varga/PERSON and Lena/PERSON Ostrova/PERSON met . "
        "Varga/ORG and/ORG Ostrova/ORG agreed .",
    )
    clusters = by_name(cluster_entities(doc, labels=LABELS))
    assert set(clusters) == {"Tomas Varga", "Lena Ostrova"}
    assert all(c.type == "PERSON" and len(c.mentions) == 2 for c in clusters.values())


def test_entities_ambiguous_surname_stays_apart(vocab) -> None:
    doc = make(vocab, "Ana/PERSON Ruiz/PERSON and Pablo/PERSON Ruiz/PERSON met . Ruiz/PERSON spoke")
    clusters = by_name(cluster_entities(doc, labels=LABELS))
    assert set(clusters) == {"Ana Ruiz", "Pablo Ruiz", "Ruiz"}


def test_entities_a_middle_initial_names_the_same_person(vocab) -> None:
    doc = make(
        vocab,
        "Tomas/PERSON Varga/PERSON spoke . Tomas/PERSON K./PERSON Varga/PERSON wrote . "
        "Varga/ORG left",
    )
    clusters = by_name(cluster_entities(doc, labels=LABELS))
    (cluster,) = clusters.values()  # named as it is known across articles, without the initial
    assert cluster.name == "Tomas Varga" and len(cluster.mentions) == 3


def test_entities_two_initialed_forms_are_two_people(vocab) -> None:
    doc = make(
        vocab,
        "Jon/PERSON A./PERSON Berg/PERSON and Jon/PERSON B./PERSON Berg/PERSON met "
        "Jon/PERSON Berg/PERSON",
    )
    clusters = by_name(cluster_entities(doc, labels=LABELS))
    assert set(clusters) == {"Jon A. Berg", "Jon B. Berg", "Jon Berg"}


def test_entities_determiners_and_labels_outside_the_set(vocab) -> None:
    doc = make(vocab, "the/ORG Central/ORG Bank/ORG said 2025/DATE was hard for Marovia/GPE")
    clusters = by_name(cluster_entities(doc, labels=LABELS))
    assert set(clusters) == {"Central Bank", "Marovia"}
    assert clusters["Central Bank"].type == "ORG"


def test_entities_a_place_does_not_join_an_outlet_it_begins(vocab) -> None:
    doc = make(vocab, "Selden/ORG Ledger/ORG reported from Selden/GPE today")
    clusters = by_name(cluster_entities(doc, labels=LABELS))
    assert set(clusters) == {"Selden Ledger", "Selden"}
    assert clusters["Selden"].type == "GPE"


def clustered(vocab, tagged: str) -> Doc:
    """``make``'s Doc with its clusters stored, as the ``fuente_entities`` component stores them."""
    doc = make(vocab, tagged)
    clusters = cluster_entities(doc, labels=LABELS)
    doc._.fuente_entities = tuple((c.name, c.type, c.mentions) for c in clusters)
    return doc


def test_entities_view_once_a_person_always_a_person(vocab) -> None:
    doc = clustered(vocab, "Tomas/PERSON Varga/PERSON spoke . Varga/ORG left . Critics met Varga")
    assert [entity_label(doc[i]) for i in (0, 1, 4, 9)] == ["PERSON"] * 4
    assert {entity_at(doc[i]).entity for i in (0, 4, 9)} == {0}
    assert entity_at(doc[9]).name == "Tomas Varga"
    assert entity_label(doc[2]) == "" and entity_at(doc[2]) is None


def test_entities_view_keeps_other_labels_and_the_words_a_name_leaves_out(vocab) -> None:
    doc = clustered(vocab, "the/ORG Central/ORG Bank/ORG said 2025/DATE was hard")
    assert entity_span(doc[1]).text == "Central Bank"
    assert (entity_label(doc[0]), entity_at(doc[0]).entity) == ("ORG", None)
    assert (entity_label(doc[4]), entity_at(doc[4]).entity) == ("DATE", None)


def test_entities_view_follows_the_clusters_it_is_read_from(vocab) -> None:
    doc = clustered(vocab, "Marovia/GPE spoke")
    assert entity_label(doc[0]) == "GPE"
    doc._.fuente_entities = (("Marovia", "PERSON", ((0, 7, "GPE"),)),)
    assert entity_label(doc[0]) == "PERSON"


def _spans(text: str, *forms: str) -> tuple[tuple[int, int, str], ...]:
    found, position = [], 0
    for form in forms:
        start = text.index(form, position)
        found.append((start, start + len(form), "PERSON"))
        position = start + len(form)
    return tuple(found)


def test_entities_a_headline_verb_glued_to_a_name_names_no_one() -> None:
    from fuente.nlp.entities import narrated_names

    text = "Black Lawmakers Rip Donald Trump\nDonald Trump spoke on Monday. Trump left."
    clusters = (
        ("Rip Donald Trump", "PERSON", _spans(text, "Rip Donald Trump", "Donald Trump", "Trump")),
    )
    assert narrated_names(clusters, text, aside=[])[0][0] == "Donald Trump"


def test_entities_a_quotation_epithet_and_a_slip_lose_to_the_narration() -> None:
    from fuente.nlp.entities import narrated_names

    text = (
        "Donald Trump said “Crooked Hillary Clinton will lose.” Hillary Clinton laughed. "
        "Hillary Clintn said no more, and Hillary Clinton left."
    )
    spans = _spans(
        text, "Crooked Hillary Clinton", "Hillary Clinton", "Hillary Clintn", "Hillary Clinton"
    )
    quote = (text.index("“"), text.index("”"))
    clusters = (("Crooked Hillary Clinton", "PERSON", spans),)
    assert narrated_names(clusters, text, aside=[quote])[0][0] == "Hillary Clinton"
    named_only_aside = (("Crooked Hillary Clinton", "PERSON", spans[:1]),)
    assert narrated_names(named_only_aside, text, aside=[quote])[0][0] == "Crooked Hillary Clinton"


def test_entities_a_headline_name_is_cut_to_the_name_the_article_gives(vocab) -> None:
    doc = make(
        vocab,
        "Gold/PERSON Star/PERSON Mom/PERSON Corners/PERSON Obama/PERSON Over/PERSON His Record "
        "¶ A mother confronted Obama/PERSON on Tuesday .",
    )
    (cluster,) = cluster_entities(doc, labels=LABELS)
    assert cluster.name == "Obama" and len(cluster.mentions) == 2


def test_entities_a_headline_name_the_article_never_gives_is_left_whole(vocab) -> None:
    doc = make(vocab, "Lena/PERSON Ostrova/PERSON Wins Her Seat Again ¶ The vote was close .")
    (cluster,) = cluster_entities(doc, labels=LABELS)
    assert cluster.name == "Lena Ostrova"


def test_entities_a_share_an_owner_and_an_apostrophe_are_no_part_of_a_name(vocab) -> None:
    doc = make(
        vocab,
        "Varga/PERSON 47.3/PERSON percent/PERSON led . The Green/PERSON Party/PERSON 's/PERSON "
        "Jill/PERSON Stein/PERSON spoke . James/PERSON O’Neill/PERSON and O'Neill/PERSON met .",
    )
    clusters = by_name(cluster_entities(doc, labels=LABELS))
    assert set(clusters) == {"Varga", "Jill Stein", "James O’Neill"}
    assert len(clusters["James O’Neill"].mentions) == 2


def test_entities_a_common_word_glued_at_a_sentence_start_names_no_one() -> None:
    from fuente.nlp.entities import narrated_names

    text = (
        "Rival Hillary Clinton mocked it. Aides of rival Hillary Clinton agreed. Bill Clinton left."
    )
    spans = _spans(text, "Rival Hillary Clinton", "Hillary Clinton")
    clusters = (
        ("Rival Hillary Clinton", "PERSON", spans),
        ("Bill Clinton", "PERSON", _spans(text, "Bill Clinton")),
    )
    named = narrated_names(clusters, text, aside=[])
    assert [n for n, _, _ in named] == ["Hillary Clinton", "Bill Clinton"]


def test_entities_a_known_persons_name_overrides_the_taggers_reading(vocab) -> None:
    from spacy.matcher import PhraseMatcher

    from fuente.nlp.entities import known_names

    doc = make(vocab, "María Corina/GPE spoke . Donald/PERSON Trump/PERSON Jr./PERSON left .")
    matcher = PhraseMatcher(vocab)
    matcher.add("PERSON", [make(vocab, "María Corina"), make(vocab, "Donald Trump")])
    ents = known_names(doc, matcher(doc, as_spans=True))
    assert [(e.text, e.label_) for e in ents] == [
        ("María Corina", "PERSON"),
        ("Donald Trump Jr.", "PERSON"),
    ]


def test_entities_the_knowledge_base_gives_its_people_of_two_words_or_more() -> None:
    from fuente.nlp.entities import known_person_names

    names = known_person_names(None)
    assert {"María Corina Machado", "María Corina"} <= set(names)
    assert all(len(name.split()) > 1 for name in names)
