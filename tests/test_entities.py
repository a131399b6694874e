import pytest
import spacy
from spacy.tokens import Doc

from fuente.nlp.entities import cluster_entities

LABELS = ("PERSON", "ORG", "GPE", "NORP")


@pytest.fixture(scope="module")
def vocab():
    return spacy.blank("en").vocab


def make(vocab, tagged: str) -> Doc:
    """A Doc from 'word/LABEL' tokens: B- and I- prefixes are added for runs of one label."""
    words, ents, previous = [], [], "O"
    for item in tagged.split():
        word, _, label = item.partition("/")
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
