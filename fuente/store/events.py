"""The events layer of the database: one row per event, its actors flattened into columns.

``Store`` delegates here, inside the transaction of the document the events belong to; this
module only turns records into rows and rows into records. Events are written after the
attributions they may sit in.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Collection, Iterator
from typing import Any

from fuente.records import Actor, ArticleRecords, Event
from fuente.store.where import doc_and_values

__all__ = ["EVENT_COLUMNS", "read_events", "write_events"]

ACTOR_FIELDS = ("text", "start", "end", "entity", "country", "sector", "found")
EVENT_COLUMNS = (
    "id", "doc", "start_char", "end_char", "category", "mode",
    *(f"source_{name}" for name in ACTOR_FIELDS),
    *(f"target_{name}" for name in ACTOR_FIELDS),
    "date_value", "date_start", "date_end", "location", "negated", "modality", "attribution",
    "version", "lead",
)  # fmt: skip


def _actor_values(actor: Actor | None) -> tuple[Any, ...]:
    if actor is None:
        return (None,) * len(ACTOR_FIELDS)
    return tuple(getattr(actor, name) for name in ACTOR_FIELDS)


def _event_row(event: Event) -> tuple[Any, ...]:
    return (
        event.id, event.doc, event.start, event.end, event.category, event.mode,
        *_actor_values(event.source), *_actor_values(event.target),
        event.date_value, event.date_start, event.date_end, event.location, int(event.negated),
        event.modality, event.attribution, event.version, int(event.lead),
    )  # fmt: skip


def _actor(row: sqlite3.Row, side: str) -> Actor | None:
    if row[f"{side}_text"] is None:
        return None
    return Actor(**{name: row[f"{side}_{name}"] for name in ACTOR_FIELDS})


def write_events(db: sqlite3.Connection, records: ArticleRecords) -> None:
    """Insert the article's events."""
    placeholders = ", ".join("?" * len(EVENT_COLUMNS))
    db.executemany(
        f"INSERT INTO events ({', '.join(EVENT_COLUMNS)}) VALUES ({placeholders})",
        [_event_row(event) for event in records.events],
    )


def read_events(
    db: sqlite3.Connection, doc: str | None, *, ids: Collection[str] | None = None
) -> Iterator[Event]:
    """Events of one document (or of all; or only those of ``ids``), by document id then
    where their words start."""
    where, params = doc_and_values(doc, "id", ids)
    cursor = db.execute(
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events {where} "
        "ORDER BY doc, start_char, end_char, rowid",
        params,
    )
    for row in cursor:
        yield Event(
            id=row["id"], doc=row["doc"], start=row["start_char"], end=row["end_char"],
            category=row["category"], modality=row["modality"], version=row["version"],
            mode=row["mode"], source=_actor(row, "source"), target=_actor(row, "target"),
            date_value=row["date_value"], date_start=row["date_start"],
            date_end=row["date_end"], location=row["location"], negated=bool(row["negated"]),
            attribution=row["attribution"], lead=bool(row["lead"]),
        )  # fmt: skip
