"""Events through the store and the export: record -> SQLite -> record, and the rows."""

from __future__ import annotations

import io
import json

import pytest

from fuente.query.export import export
from fuente.records import Actor, ArticleRecords, Attribution, Document, Event

TEXT = "US forces detained Tomas Varga in Port Selden on March 3, 2021, an official said."


def article() -> ArticleRecords:
    document = Document(
        id="d1", path="d1.txt", format="text", text=TEXT, content_hash="0" * 40,
        version="test@1", published="2021-03-05",
    )  # fmt: skip
    said = Attribution("d1#a1", "d1", "indirect", 0, 63, "test@1")
    source = Actor("US forces", 0, 9, None, "USA", "military", "argument")
    target = Actor("Tomas Varga", 19, 30, None, None, None, "stand-in")
    events = (
        Event(
            id="d1#v1", doc="d1", start=10, end=18, category="COERCE", modality="happened",
            version="events@1", mode="arrest", source=source, target=target,
            date_value="2021-03-03", date_start=49, date_end=62, location="Port Selden",
            attribution="d1#a1", lead=True,
        ),
        Event(
            id="d1#v2", doc="d1", start=10, end=18, category="ASSAULT", modality="hypothetical",
            version="events@1", negated=True,
        ),
    )  # fmt: skip
    return ArticleRecords(document=document, attributions=(said,), events=events)


def test_store_events_round_trip(store) -> None:
    records = article()
    store.write(records)
    assert tuple(store.events("d1")) == records.events
    assert tuple(store.events()) == records.events
    store.write(records)  # writing again replaces, never duplicates
    assert len(list(store.events())) == 2


def test_store_events_counted_by_category_and_actor_pair(store) -> None:
    store.write(article())
    figures = store.stats()
    assert figures["events"] == 2
    assert figures["events_by_category"] == {"ASSAULT": 1, "COERCE": 1}
    assert figures["events_by_actor_pair"] == {"- -> -": 1, "USA military -> Tomas Varga": 1}


def test_store_events_deleted_with_their_document(store) -> None:
    store.write(article())
    store.db.execute("DELETE FROM documents WHERE id = 'd1'")
    assert list(store.events()) == []


def test_export_events_jsonl_has_the_documented_fields(store) -> None:
    store.write(article())
    out = io.BytesIO()
    assert export("events", store=store, format="jsonl", out=out) == 2
    first = json.loads(out.getvalue().decode("utf-8").splitlines()[0])
    assert first == {
        "id": "d1#v1",
        "doc": "d1",
        "start": 10,
        "end": 18,
        "text": "detained",
        "category": "COERCE",
        "mode": "arrest",
        "source": {
            "text": "US forces",
            "start": 0,
            "end": 9,
            "entity": None,
            "country": "USA",
            "sector": "military",
            "found": "argument",
            "actor": None,
        },
        "target": {
            "text": "Tomas Varga",
            "start": 19,
            "end": 30,
            "entity": None,
            "country": None,
            "sector": None,
            "found": "stand-in",
            "actor": None,
        },
        "date": {"value": "2021-03-03", "start": 49, "end": 62},
        "location": "Port Selden",
        "negated": False,
        "modality": "happened",
        "attribution": "d1#a1",
        "lead": True,
    }


@pytest.mark.parametrize("format", ["csv", "parquet"])
def test_export_events_in_other_formats(store, format: str) -> None:
    store.write(article())
    out = io.BytesIO()
    assert export("events", store=store, format=format, out=out) == 2
    assert out.getvalue()


def test_timeline_lists_events_dated_in_order(store) -> None:
    from fuente.query.timeline import timeline

    store.write(article())
    rows = [row for row in timeline(store) if "event" in row]
    assert [(row["date"], row["dated_by"]) for row in rows] == [
        ("2021-03-03", "event"),
        ("2021-03-05", "document"),
    ]
    assert rows[0]["content"].startswith("COERCE/arrest: US forces (USA military) -> Tomas Varga")
    assert timeline(store, "varga")[0]["event"] == "d1#v1"
