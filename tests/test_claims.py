"""One claim across articles (fuente.corpus.claims) on articles written by hand: a minister's
quotation reprinted by a second paper, a paraphrase of it, an unnamed official's words told
by two papers, a statement someone else makes in the same words, and one event told twice."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from claimrecords import named_speaker

from fuente.corpus.actors import link_pending
from fuente.corpus.claim_rules import (
    Occurrence,
    Statement,
    event_keys,
    same_event,
    same_statement,
    statement_keys,
)
from fuente.corpus.claims import PER_CLAIM, match_claims, rebuild_claims
from fuente.records import (
    Actor,
    ArticleRecords,
    Attribution,
    Document,
    Event,
    Speaker,
)
from fuente.store.claims import claim_member_rows, claim_rows

QUOTE = (
    "We will not raise the fuel tax again this year, whatever the treasury tells us about "
    "the deficit"
)
SAME_QUOTE_CUT = "We will not raise the fuel tax again this year"
PARAPHRASE = "she would not raise the tax on fuel again during this year, whatever the treasury says of the deficit"
OTHER = "The new bridge over the river will open to traffic before the winter floods arrive"


def said(
    doc: str, speaker: str, content: str, *, kind: str = "direct", published: str = "2025-03-11",
    unnamed: dict | None = None, event: Event | None = None,
) -> ArticleRecords:  # fmt: skip
    """An article in which ``speaker`` (a person, or an unnamed source) says ``content``."""
    lead = f"{speaker} said: " if kind == "indirect" else f"{speaker} said: “"
    text = f"Story {doc}\n\n{lead}{content}{'.' if kind == 'indirect' else '.”'}\n"
    start = text.index(content)
    document = Document(doc, f"{doc}.txt", "text", text, doc * 4, "t", published=published)
    if unnamed is not None:
        person = Speaker(f"{doc}#s1", doc, "unnamed", speaker, "t", description=speaker,
                         **unnamed)  # fmt: skip
        entities, mentions = (), ()
    else:
        entities, mentions, person = named_speaker(doc, text, speaker)
    attribution = Attribution(f"{doc}#a1", doc, kind, start, start + len(content), "t",
                              speaker=person.id)  # fmt: skip
    events = ()
    if event is not None:
        target = replace(event.target, entity=f"{doc}#e1") if event.target else None
        events = (replace(event, id=f"{doc}#v1", doc=doc, target=target),)
    return ArticleRecords(document, entities=entities, mentions=mentions, speakers=(person,),
                          attributions=(attribution,), events=events)  # fmt: skip


def ingest(store, settings, *articles: ArticleRecords) -> None:
    for article in articles:
        store.write(article)
    link_pending(store, settings=settings)
    match_claims(store, settings=settings)


def claims(store) -> list[set[str]]:
    return [
        {row["ref"] for row in claim_member_rows(store.db, c["id"])} for c in claim_rows(store.db)
    ]


def test_claims_join_one_quotation_in_two_articles(store, settings) -> None:
    ingest(
        store, settings,
        said("herald", "Hilde Brun", QUOTE),
        said("courier", "Hilde Brun", SAME_QUOTE_CUT, published="2025-03-12"),
        said("gazette", "Jonas Varga", QUOTE),  # the same words from someone else
        said("post", "Hilde Brun", OTHER),
    )  # fmt: skip
    assert claims(store) == [{"herald#a1", "courier#a1"}]
    members = claim_member_rows(store.db, claim_rows(store.db)[0]["id"])
    assert {row["text"] for row in members} == {QUOTE, SAME_QUOTE_CUT}  # each keeps its span
    joined = next(row for row in members if row["matched"])
    assert "same speaker hilde-brun" in joined["reason"] and "quotation" in joined["reason"]
    assert match_claims(store, settings=settings).documents == 0  # nothing left to match


def test_claims_join_a_paraphrase_of_the_quotation(store, settings) -> None:
    ingest(
        store, settings,
        said("herald", "Hilde Brun", QUOTE),
        said("courier", "Hilde Brun", PARAPHRASE, kind="indirect"),
    )  # fmt: skip
    assert claims(store) == [{"herald#a1", "courier#a1"}]
    reason = claim_member_rows(store.db, claim_rows(store.db)[0]["id"])[1]["reason"]
    assert "content words" in reason


def test_claims_keep_apart_reports_too_far_apart_in_time(store, settings) -> None:
    ingest(
        store, settings,
        said("herald", "Hilde Brun", QUOTE, published="2025-03-11"),
        said("courier", "Hilde Brun", QUOTE, published="2025-06-30"),
    )  # fmt: skip
    assert claims(store) == []


@pytest.mark.parametrize(
    ("first", "second", "one"),
    [
        ({"country": "MRV", "sector": "government"}, {"country": "MRV", "sector": None}, True),
        ({"country": "MRV", "sector": None}, {"country": "HLV", "sector": None}, False),
    ],
)
def test_claims_join_unnamed_sources_alike(store, settings, first, second, one) -> None:
    ingest(
        store, settings,
        said("herald", "a senior official", QUOTE, unnamed=first),
        said("courier", "two officials", QUOTE, unnamed=second),
    )  # fmt: skip
    assert claims(store) == ([{"herald#a1", "courier#a1"}] if one else [])


def test_claims_rebuild_forms_the_same_claims(store, settings) -> None:
    ingest(
        store, settings,
        said("herald", "Hilde Brun", QUOTE),
        said("courier", "Hilde Brun", QUOTE),
        said("gazette", "Hilde Brun", SAME_QUOTE_CUT),
    )  # fmt: skip
    before = claims(store)
    report = rebuild_claims(store, settings=settings)
    assert report.documents == 3 and claims(store) == before
    assert before == [{"herald#a1", "courier#a1", "gazette#a1"}]


def _event(location: str | None, day: str | None) -> Event:
    """Police detain Hilde Brun (each article's entity e1, linked to one actor)."""
    return Event(
        "x", "x", 0, 5, "COERCE", "happened", "t", mode="arrest",
        source=Actor("police", 0, 6, country="MRV", sector="police"),
        target=Actor("Hilde Brun", 0, 5, entity="x#e1", country="MRV", sector="opposition"),
        location=location, date_value=day,
    )  # fmt: skip


def test_claims_join_one_event_told_by_two_articles(store, settings) -> None:
    ingest(
        store, settings,
        said("herald", "Hilde Brun", OTHER, event=_event("Halvik", "2025-03-10")),
        said("courier", "Hilde Brun", QUOTE, event=_event("Halvik", "2025-03-10")),
        said("gazette", "Hilde Brun", PARAPHRASE, event=_event("Port Selden", "2025-03-10")),
        said("post", "Hilde Brun", OTHER, event=_event(None, "2025-02-01")),
        said("daily", "Hilde Brun", OTHER, event=_event(None, "2025-03"),
             published="2025-04-20"),  # a month dates nothing; the article is weeks later
    )  # fmt: skip
    found = [c for c in claim_rows(store.db) if c["kind"] == "event"]
    members = {row["ref"] for row in claim_member_rows(store.db, found[0]["id"])}
    assert len(found) == 1 and members == {"herald#v1", "courier#v1"}


DAY = (date(2025, 3, 11), date(2025, 3, 11))


@pytest.mark.parametrize(
    ("change", "one"),
    [
        ({}, True),
        ({"who": "jonas-varga"}, False),
        ({"who": None}, False),
        ({"doc": "a"}, False),  # the same article: not a claim across articles
        ({"content": "We will not raise it"}, False),  # too few words to tell
        ({"said": (date(2025, 3, 20), date(2025, 3, 20))}, False),  # said on other days
        ({"published": None}, True),  # no date cannot tell
        ({"kind": "indirect", "content": PARAPHRASE}, True),
        ({"kind": "indirect", "content": PARAPHRASE, "said": None, "published": None}, False),
    ],
)
def test_claim_rules_same_statement(settings, change, one) -> None:
    first = Statement("a#a1", "a", "direct", QUOTE, "hilde-brun", said=DAY, published=DAY)
    second = replace(first, **{"ref": "b#a1", "doc": "b", **change})
    assert (same_statement(first, second, settings=settings) is not None) is one


@pytest.mark.parametrize(
    ("change", "one"),
    [
        ({}, True),
        ({"modality": "planned"}, False),
        ({"negated": True}, False),
        ({"target": "MRV/government"}, False),
        ({"source": None}, True),  # one side unnamed: the other side agrees
        ({"dated": None}, False),  # dated only by its article: when told, not when it happened
        ({"dated": (date(2025, 3, 1), date(2025, 3, 31))}, False),  # a month
        ({"source": "MRV/police", "target": "MRV/opposition"}, False),  # no actor in common
    ],
)
def test_claim_rules_same_event(settings, change, one) -> None:
    first = Occurrence("a#v1", "a", "COERCE", "happened", False, "MRV/police", "hilde-brun",
                       dated=DAY)  # fmt: skip
    second = replace(first, **{"ref": "b#v1", "doc": "b", **change})
    assert (same_event(first, second, settings=settings) is not None) is one


def test_event_keys_block_every_pair_the_rules_could_join(settings) -> None:
    days = settings.event_days
    first = Occurrence("a#v1", "a", "COERCE", "happened", False, "MRV/police", "hilde-brun",
                       dated=DAY)  # fmt: skip
    lookup = event_keys(first, days=days, widen=True)
    for apart in range(-days - 3, days + 4):
        moved = DAY[0] + timedelta(days=apart)
        second = replace(first, ref="b#v1", doc="b", dated=(moved, moved))
        joined = same_event(first, second, settings=settings) is not None
        assert joined is (abs(apart) <= days)
        if joined:  # blocking never hides a pair the rules would join
            assert lookup & event_keys(second, days=days)
    assert event_keys(replace(first, dated=None), days=days) == set()  # undated: matches nothing
    assert event_keys(replace(first, target="MRV/opposition"), days=days) == set()  # no actor


def test_claims_of_a_story_reprinted_often_keep_few_keys(store, settings) -> None:
    papers = [f"paper{n:02d}" for n in range(PER_CLAIM + 5)]
    ingest(store, settings, *(said(paper, "Hilde Brun", QUOTE) for paper in papers))
    assert claims(store) == [{f"{paper}#a1" for paper in papers}]  # all found, one claim
    keyed = {row[0] for row in store.db.execute("SELECT DISTINCT ref FROM claim_keys")}
    assert len(keyed) == PER_CLAIM  # the rest are found through those few


def _day(offset: int) -> tuple[date, date]:
    moved = DAY[0] + timedelta(days=offset)
    return moved, moved


@pytest.mark.parametrize("dating", ["said", "published", "mixed"])
def test_statement_keys_block_every_pair_the_rules_could_join(settings, dating) -> None:
    first = Statement("a#a1", "a", "indirect", PARAPHRASE, "hilde-brun", said=DAY, published=DAY)
    if dating != "said":
        first = replace(first, said=None)
    lookup = statement_keys(first, settings=settings, widen=True)
    joined_any = False
    for apart in range(-settings.claim_days - 3, settings.claim_days + 4):
        dates = {"said": _day(apart)} if dating == "said" else {"published": _day(apart)}
        if dating == "mixed":
            dates = {"said": _day(apart), "published": None}
        second = replace(first, ref="b#a1", doc="b", content=QUOTE, kind="direct", **dates)
        if same_statement(first, second, settings=settings) is not None:
            joined_any = True  # blocking never hides a pair the rules would join
            assert len(lookup & statement_keys(second, settings=settings)) >= 2, apart
    assert joined_any


@pytest.mark.parametrize(
    "change",
    [
        {"who": None},  # nobody known: the rules never match it
        {"who": "unnamed", "nouns": frozenset()},  # "the statement said": no person noun
        {"content": "We will not raise it"},  # too few words to tell
    ],
)
def test_statement_keys_leave_out_what_can_never_match(settings, change) -> None:
    statement = replace(Statement("a#a1", "a", "direct", QUOTE, "hilde-brun", said=DAY), **change)
    assert statement_keys(statement, settings=settings) == set()


def test_paraphrases_are_compared_on_what_they_say_not_on_the_names_they_mention() -> None:
    from fuente.corpus.claim_rules import content_words, said_words

    text = "Investigators said Varga would not face charges. Charges against Anand were dropped."
    assert {"varga", "anand"} <= content_words(text)
    assert not {"varga", "anand"} & said_words(text)
    assert {"charge", "droppe", "invest"} <= said_words(text)  # words opening a sentence stay
