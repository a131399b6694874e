"""Contradictions between reports (fuente.corpus.contradictions, by the rules of
fuente.corpus.contradiction_rules) on records and articles written by hand: two counts of one
strike, two days of one arrest, an arrest said to have happened and not, and a denial of an
allegation in the same article and in another one."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from claimrecords import named_speaker

from fuente.corpus.actors import link_pending
from fuente.corpus.claims import match_claims, rebuild_claims
from fuente.corpus.contradiction_rules import Report, counts, dates, negation, numbers
from fuente.corpus.contradiction_words import rule_words
from fuente.corpus.contradictions import find_contradictions, rebuild_contradictions
from fuente.corpus.denial_rules import Allegation, Denial, denial, is_denial
from fuente.query.claims import claims
from fuente.query.contradictions import contradictions
from fuente.records import (
    Actor,
    ArticleRecords,
    Attribution,
    Document,
    Event,
    Sentence,
    TimeExpr,
)

WORDS = rule_words(None)
STRIKE = "Two drones struck the harbour depot of Hilde Brun near Halvik"


def report(**change) -> Report:
    base = Report(
        "a#v1", "a", "ASSAULT", None, "happened", False, None, "hilde-brun", 12, 18, "struck",
        STRIKE + ".", 0, day=None, published="2025-03-10",
    )  # fmt: skip
    return replace(base, **change)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Two drones struck the depot and 3 soldiers fired back.", {"drone": 2, "soldier": 3}),
        ("At least two drones struck the depot.", {}),  # a loose count
        ("A bounty of $10 million on him, or 25 million dollars.", {}),  # money, scales
        ("In 2020 elections were held; 5% voted.", {}),  # a year, a share
        ("Two drones hit the depot after three drones missed it.", {}),  # counted twice
        ("Twelve police officers and one protester met.", {"police": 12, "protester": 1}),
    ],
)
def test_contradiction_rules_counts_read_a_number_and_its_noun(text, found) -> None:
    assert {noun: c.value for noun, c in counts(text, 0, WORDS).items()} == found


def test_contradiction_rules_counts_keep_their_span() -> None:
    text = "Police said three drones struck."
    (count,) = counts(text, 100, WORDS).values()
    assert (count.start, count.end, count.text) == (112, 124, "three drones")


@pytest.mark.parametrize(
    ("change", "found"),
    [
        ({}, True),
        ({"doc": "a"}, False),  # one report: a count that changes is no contradiction
        ({"sentence": "Two drones struck the harbour depot of Hilde Brun near Halvik."}, False),
        ({"sentence": "Three rockets struck the harbour depot of Hilde Brun near Halvik."}, False),
        (
            {"sentence": "Three drones struck, later five, the depot of Hilde Brun in Halvik."},
            False,
        ),
        (
            {"sentence": "Three drones struck the depot of Hilde Brun, killing two in Halvik."},
            False,
        ),
        ({"sentence": "Three drones were seen."}, False),  # too little in common to be one
        ({"day": "2025-03-11"}, False),  # dated to two different days: two strikes
    ],
)
def test_contradiction_rules_numbers(change, found) -> None:
    one = report(day="2025-03-11")
    other = replace(
        report(ref="b#v1", doc="b", day="2025-03-11"),
        sentence="Three drones struck the harbour depot of Hilde Brun near Halvik.",
    )
    other = replace(other, **change)
    if "day" in change:  # dated to two different days: two strikes, not one
        one, other = replace(one, day="2025-03-10"), replace(other, day="2025-03-11")
    result = numbers(one, other, words=WORDS)
    assert (result is not None) is found
    if found:
        assert result.rule == "numbers" and result.text == "Two drones"
        assert result.other_text == "Three drones" and result.actor == "hilde-brun"


DATED = "Police detained Hilde Brun at her home in Port Selden on Tuesday."


@pytest.mark.parametrize(
    ("change", "found"),
    [
        ({}, True),
        ({"day": "2025-03-11"}, False),  # the same day
        ({"day": None}, False),  # a day resolved loosely (or not at all) tells nothing
        ({"doc": "a"}, False),
        ({"sentence": "Police later detained Hilde Brun at her home in Port Selden."}, False),
        ({"sentence": "Brun was seen on Wednesday."}, False),  # too little in common
    ],
)
def test_contradiction_rules_dates(change, found) -> None:
    one = report(category="COERCE", sentence=DATED, day="2025-03-11", date_start=56,
                 date_end=63, date_text="Tuesday")  # fmt: skip
    other = replace(one, ref="b#v1", doc="b", day="2025-03-12", date_text="Wednesday",
                    sentence=DATED.replace("Tuesday", "Wednesday"))  # fmt: skip
    result = dates(one, replace(other, **change), words=WORDS)
    assert (result is not None) is found
    if found:
        assert (result.text, result.other_text) == ("Tuesday", "Wednesday")


@pytest.mark.parametrize(
    ("change", "found"),
    [
        ({}, True),
        ({"negated": False}, False),
        ({"trigger": "arrested"}, False),  # another word: perhaps another thing done
        ({"day": "2025-03-12"}, False),  # another day: done then, not now
        ({"day": None}, False),
        ({"target": "jonas-varga"}, False),
        ({"modality": "planned"}, False),
        ({"doc": "a"}, False),
    ],
)
def test_contradiction_rules_negation(change, found) -> None:
    one = report(category="COERCE", trigger="detained", day="2025-03-11")
    other = replace(one, ref="b#v1", doc="b", negated=True, published="2025-03-12")
    result = negation(one, replace(other, **change))
    assert (result is not None) is found
    if found:
        assert result.rule == "negation" and result.actor == "hilde-brun"


DENIED = Denial(
    "b#a1", "b", "diosdado-cabello", "Diosdado Cabello", "denied", "He has consistently ",
    "any connections to drug trafficking", "denied any connections to drug trafficking",
    300, 342, 280, 343, published=(date(2025, 3, 10), date(2025, 3, 10)),
)  # fmt: skip
ALLEGED = Allegation(
    "b#v9", "b", "USA/government", None,
    "Cabello has long faced US sanctions due to allegations of drug trafficking.", 100, 175,
    people=frozenset({"diosdado-cabello"}), published=(date(2025, 3, 10), date(2025, 3, 10)),
)  # fmt: skip


@pytest.mark.parametrize(
    ("statement", "allegation", "found"),
    [
        ({}, {}, True),
        ({"before": "He has not "}, {}, False),  # "has not denied" denies nothing
        ({"before": "He hasn't "}, {}, False),
        ({"cue": "said"}, {}, False),
        ({"cue": "denies"}, {}, True),
        ({}, {"people": frozenset({"diosdado-cabello", "nicolas-maduro"})}, False),  # about whom?
        ({}, {"targeted": True}, False),  # its target is someone the corpus does not know
        ({}, {"target": "nicolas-maduro"}, False),  # an allegation about someone else
        ({}, {"source": "diosdado-cabello"}, False),  # his own accusation
        ({}, {"start": 290, "end": 345}, False),  # the allegation the denial itself reports
        ({"content": "any role in the election fraud"}, {}, False),  # denies something else
        ({}, {"doc": "a", "published": (date(2025, 6, 1), date(2025, 6, 1))}, False),
        ({}, {"doc": "a", "published": (date(2025, 3, 1), date(2025, 3, 1))}, True),
    ],
)
def test_contradiction_rules_denial(statement, allegation, found) -> None:
    result = denial(replace(DENIED, **statement), replace(ALLEGED, **allegation), words=WORDS,
                    days=14)  # fmt: skip
    assert (result is not None) is found
    if found:
        assert result.rule == "denial" and result.actor == "diosdado-cabello"
        assert result.text == ALLEGED.sentence and result.other_text == DENIED.said


@pytest.mark.parametrize(
    ("cue", "denies"), [("denied", True), ("refutes", True), ("rebutted", True),
                        ("disputing", True), ("Denied", True), ("defended", False)]
)  # fmt: skip
def test_contradiction_rules_denial_verbs_in_every_form(cue, denies) -> None:
    assert is_denial(replace(DENIED, cue=cue), words=WORDS) is denies


# -- the pass, on stored articles ---------------------------------------------------------


def article(
    doc: str, body: str, *, trigger: str, category: str = "ASSAULT", mode: str | None = None,
    published: str = "2025-03-12", negated: bool = False, day: str | None = None,
    when: str | None = None, said: tuple[str, str] | None = None,
) -> ArticleRecords:  # fmt: skip
    """An article whose one sentence ``body`` tells an event carried by ``trigger`` whose
    target is Hilde Brun (dated by the words ``when`` to ``day``); ``said`` is (cue,
    content) of a statement by Hilde Brun in a second sentence."""
    text = f"Story {doc}\n\n{body}\n"
    second = f"Hilde Brun {said[0]} {said[1]}." if said else ""
    text += second + ("\n" if second else "")
    entities, mentions, speaker = named_speaker(doc, text, "Hilde Brun")
    at = text.index("Hilde Brun")
    start = text.index(trigger)
    times, date_start, date_end = (), None, None
    if when is not None:
        date_start = text.index(when)
        date_end = date_start + len(when)
        times = (TimeExpr(doc, date_start, date_end, when, "DATE", day, "absolute", "t"),)
    event = Event(
        f"{doc}#v1", doc, start, start + len(trigger), category, "happened", "t", mode=mode,
        target=Actor("Hilde Brun", at, at + 10, entity=f"{doc}#e1"), date_value=day,
        date_start=date_start, date_end=date_end, negated=negated,
    )  # fmt: skip
    body_start = text.index(body)
    sentences = [Sentence(doc, body_start, body_start + len(body), "t")]
    attributions = ()
    if said:
        begin = text.index(second)
        cue = begin + len("Hilde Brun ")
        content = cue + len(said[0]) + 1
        sentences.append(Sentence(doc, begin, begin + len(second), "t"))
        attributions = (Attribution(f"{doc}#a1", doc, "indirect", content,
                                    content + len(said[1]), "t", cue_start=cue,
                                    cue_end=cue + len(said[0]), speaker=speaker.id),)  # fmt: skip
        mentions = (*mentions, replace(mentions[0], start=begin, end=begin + 10))
    document = Document(doc, f"{doc}.txt", "text", text, doc * 4, "t", published=published)
    return ArticleRecords(document, sentences=tuple(sentences), entities=entities,
                          mentions=mentions, speakers=(speaker,), attributions=attributions,
                          times=times, events=(event,))  # fmt: skip


def ingest(store, settings, *articles: ArticleRecords) -> list[dict]:
    for records in articles:
        store.write(records)
    link_pending(store, settings=settings)
    match_claims(store, settings=settings)
    find_contradictions(store, settings=settings)
    return list(contradictions(store))


def test_contradictions_two_counts_of_one_strike(store, settings) -> None:
    found = ingest(
        store, settings,
        article("herald", STRIKE + " on Tuesday.", trigger="struck", when="Tuesday",
                day="2025-03-11"),
        article("courier", STRIKE.replace("Two", "Three") + " on Tuesday.", trigger="struck",
                published="2025-03-13", when="Tuesday", day="2025-03-11"),
        article("post", "A fire broke out at the harbour depot of Hilde Brun.", trigger="fire"),
    )  # fmt: skip
    assert [(c["rule"], c["one"]["text"], c["other"]["text"]) for c in found] == [
        ("numbers", "Two drones", "Three drones")
    ]
    side = found[0]["other"]
    text = store.document(side["doc"]).text
    assert text[side["start"] : side["end"]] == side["text"]  # the offsets slice the text
    (claim,) = [row for row in claims(store) if row["kind"] == "event"]
    assert [c["rule"] for c in claim["contradictions"]] == ["numbers"]
    assert find_contradictions(store, settings=settings).documents == 0  # nothing left


def test_contradictions_a_count_raised_within_one_report_is_none(store, settings) -> None:
    body = "Two drones struck the harbour depot of Hilde Brun, later three drones struck it."
    assert ingest(store, settings, article("herald", body, trigger="struck")) == []


def test_contradictions_two_days_of_one_arrest(store, settings) -> None:
    body = "Police detained Hilde Brun at her home in Port Selden on {}."
    found = ingest(
        store, settings,
        article("herald", body.format("March 11"), trigger="detained", category="COERCE",
                day="2025-03-11", when="March 11"),
        article("courier", body.format("March 12"), trigger="detained", category="COERCE",
                day="2025-03-12", when="March 12", published="2025-03-13"),
    )  # fmt: skip
    assert [(c["rule"], c["one"]["text"], c["other"]["text"]) for c in found] == [
        ("dates", "March 11", "March 12")
    ]


def test_contradictions_an_arrest_done_and_not_done(store, settings) -> None:
    body = "Police {} Hilde Brun at her home in Port Selden on March 11."
    found = ingest(
        store, settings,
        article("herald", body.format("detained"), trigger="detained", category="COERCE",
                day="2025-03-11", when="March 11"),
        article("courier", body.format("never detained"), trigger="detained",
                category="COERCE", day="2025-03-11", when="March 11", negated=True),
    )  # fmt: skip
    assert [(c["rule"], c["actor"]) for c in found] == [("negation", "hilde-brun")]


BRIBES = "Prosecutors accused Hilde Brun of taking bribes from the harbour company."
DENIAL = ("denied", "taking any bribes from the harbour company")


def test_contradictions_a_denial_in_the_same_article(store, settings) -> None:
    found = ingest(
        store,
        settings,
        article("herald", BRIBES, trigger="accused", category="ACCUSE", mode="allege", said=DENIAL),
    )
    assert [(c["rule"], c["actor"], c["one"]["text"], c["other"]["text"]) for c in found] == [
        ("denial", "hilde-brun", BRIBES, "denied taking any bribes from the harbour company")
    ]


def test_contradictions_a_denial_in_another_article(store, settings) -> None:
    other = "Hilde Brun spoke at the harbour on Monday."
    found = ingest(
        store, settings,
        article("herald", BRIBES, trigger="accused", category="ACCUSE", mode="allege"),
        article("courier", other, trigger="spoke", category="CONSULT", said=DENIAL,
                published="2025-03-14"),
        article("post", other, trigger="spoke", category="CONSULT",
                said=("said", "she took no bribes"), published="2025-03-14"),
    )  # fmt: skip
    assert [(c["rule"], c["one"]["doc"], c["other"]["doc"]) for c in found] == [
        ("denial", "herald", "courier")
    ]


def test_contradictions_rebuilt_with_the_claims(store, settings) -> None:
    ingest(
        store, settings,
        article("herald", STRIKE + " on Tuesday.", trigger="struck", when="Tuesday",
                day="2025-03-11"),
        article("courier", STRIKE.replace("Two", "Three") + " on Tuesday.", trigger="struck",
                when="Tuesday", day="2025-03-11"),
    )  # fmt: skip
    before = list(contradictions(store))
    rebuild_claims(store, settings=settings)
    assert list(contradictions(store)) == []  # forgotten with the claims they rest on
    assert rebuild_contradictions(store, settings=settings).found == 1
    assert list(contradictions(store)) == before
