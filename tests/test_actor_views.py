"""What is read per corpus-wide actor: dossiers, who-said, the timeline, and the actor ids
that exported attributions, events and actors carry. Articles written by hand: Hilde Brun is
"Hilde Brun" in one and "Brun" in the other; Tomas and Marta Varga share a surname."""

import io
import json

import pytest

from fuente.corpus.actors import link_pending
from fuente.query.attributions import who_said
from fuente.query.dossier import dossier
from fuente.query.export import export
from fuente.query.timeline import timeline
from fuente.records import (
    Actor,
    ArticleRecords,
    Attribution,
    Document,
    Entity,
    Event,
    Mention,
    Speaker,
)


def _article(doc: str, published: str, text: str, name: str, said: str, *, event: bool = False):
    start = text.index(name)
    entity = Entity(f"{doc}#e0", doc, name, "PERSON", "t")
    mention = Mention(doc, entity.id, start, start + len(name), name, "PERSON", "t")
    speaker = Speaker(f"{doc}#s0", doc, "person", name, "t", entity=entity.id)
    content = text.index(said)
    cue = text.index("said")
    attribution = Attribution(
        f"{doc}#a0", doc, "indirect", content, content + len(said), "t", cue, cue + 4,
        start, start + len(name), speaker=speaker.id,
    )  # fmt: skip
    events = ()
    if event:
        verb = text.index("met")
        side = Actor(name, start, start + len(name), entity=entity.id)
        events = (Event(f"{doc}#v0", doc, verb, verb + 3, "CONSULT", "happened", "t", source=side),)
    document = Document(doc, f"{doc}.txt", "text", text, doc * 8, "t", published=published)
    return ArticleRecords(
        document, entities=(entity,), mentions=(mention,), speakers=(speaker,),
        attributions=(attribution,), events=events,
    )  # fmt: skip


@pytest.fixture
def linked(store, settings):
    store.write(
        _article("one", "2025-03-10", "Hilde Brun said the port would reopen.",
                 "Hilde Brun", "the port would reopen")
    )  # fmt: skip
    store.write(
        _article("two", "2025-03-12", "Brun met the envoys. Brun said talks had failed.",
                 "Brun", "talks had failed", event=True)
    )  # fmt: skip
    store.write(
        _article("three", "2025-03-13", "Tomas Varga said nothing had changed.",
                 "Tomas Varga", "nothing had changed")
    )  # fmt: skip
    store.write(
        _article("four", "2025-03-14", "Marta Varga said the vote was fair.",
                 "Marta Varga", "the vote was fair")
    )  # fmt: skip
    store.write(
        _article("five", "2025-03-15", "Varga said the ports stay shut.",
                 "Varga", "the ports stay shut")
    )  # fmt: skip
    link_pending(store, settings=settings)
    return store


def rows(store, kind: str) -> list[dict]:
    out = io.BytesIO()
    export(kind, store=store, format="jsonl", out=out)
    return [json.loads(line) for line in out.getvalue().decode("utf-8").splitlines()]


def test_actor_views_exported_speakers_and_sides_carry_the_actor(linked) -> None:
    speakers = {row["doc"]: row["speaker"]["actor"] for row in rows(linked, "attributions")}
    assert speakers["one"] == speakers["two"] == "hilde-brun"
    assert speakers["three"] != speakers["four"]
    assert speakers["five"] is None  # "Varga" alone: two actors have that surname
    (event,) = rows(linked, "events")
    assert event["source"]["actor"] == "hilde-brun"


def test_actor_views_export_actors(linked) -> None:
    found = {row["id"]: row for row in rows(linked, "actors")}
    assert found["hilde-brun"]["aliases"] == [
        {"name": "Brun", "count": 1}, {"name": "Hilde Brun", "count": 1},
    ]  # fmt: skip
    assert found["hilde-brun"]["mentions"] == 2


@pytest.mark.parametrize("key", ["named/brun", "named/hilde-brun", "actor/hilde-brun"])
def test_actor_views_dossier_gathers_the_actor_across_articles(linked, key) -> None:
    found = dossier(linked, key)
    assert found["name"] == "Hilde Brun" and found["actor"]["id"] == "hilde-brun"
    assert found["said"] == 2 and found["documents_total"] == 2
    assert found["events"] == 1


def test_actor_views_a_surname_of_two_actors_stays_its_own_dossier(linked) -> None:
    found = dossier(linked, "named/varga")
    assert "actor" not in found and found["said"] == 1
    assert dossier(linked, "actor/nobody") is None


def test_actor_views_who_said_finds_every_name_of_the_actor(linked) -> None:
    found = [row["doc"] for row in who_said(linked, "hilde brun")]
    assert found == ["one", "two"]  # "Brun" in two, by the actor
    assert [row["doc"] for row in who_said(linked, "tomas varga")] == ["three"]


def test_actor_views_timeline_of_an_actor(linked) -> None:
    found = timeline(linked, "hilde brun")
    assert {row["doc"] for row in found} == {"one", "two"}
    assert any("event" in row for row in found)  # Brun met the envoys


def test_actor_views_a_dossier_lists_the_descriptions_resolved_to_the_actor(store, settings):
    from fuente.records import DESCRIBED

    text = "Hilde Brun spoke first. The minister said the port would reopen."
    records = _article("six", "2025-03-16", text, "Hilde Brun", "the port would reopen")
    start = text.index("The minister")
    described = Mention("six", "six#e0", start, start + 12, "The minister", DESCRIBED, "t")
    store.write(
        ArticleRecords(records.document, entities=records.entities,
                       mentions=(*records.mentions, described), speakers=records.speakers,
                       attributions=records.attributions)
    )  # fmt: skip
    found = dossier(store, "named/hilde-brun")
    assert found["mentioned_as"] == ["The minister"]
    assert "The minister" not in found["aliases"]
