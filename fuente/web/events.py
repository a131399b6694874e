"""Reading events, when the database has them.

Events are who did what to whom, stored by the events extractor in an ``events`` table. A
database made before that extractor has no such table: ``read_events`` then returns None, and
every page says plainly that events are not extracted yet.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from fuente.query.sourcing import inside_excluded
from fuente.store.database import Store

__all__ = ["NOT_EXTRACTED", "has_events", "read_events"]

NOT_EXTRACTED = "events are not extracted yet: this database has no events table"
PARTY_FIELDS = ("text", "start", "end", "entity", "country", "sector")


def has_events(db: sqlite3.Connection) -> bool:
    row = db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'"
    ).fetchone()
    return row is not None


def _party(row: sqlite3.Row, role: str) -> dict[str, Any] | None:
    party = {name: row[f"{role}_{name}"] for name in PARTY_FIELDS}
    return party if any(value is not None for value in party.values()) else None


def _event(row: sqlite3.Row) -> dict[str, Any]:
    return {
        "id": row["id"],
        "doc": row["doc"],
        "start": row["start_char"],
        "end": row["end_char"],
        "text": row["trigger"],
        "category": row["category"],
        "mode": row["mode"],
        "source": _party(row, "source"),
        "target": _party(row, "target"),
        "date": (
            {"value": row["date_value"], "start": row["date_start"], "end": row["date_end"]}
            if row["date_value"] is not None
            else None
        ),
        "location": row["location"],
        "negated": bool(row["negated"]),
        "modality": row["modality"],
        "attribution": row["attribution"],
        "published": row["published"],
    }


def read_events(store: Store, doc: str | None = None) -> list[dict[str, Any]] | None:
    """Events (of one document, or all) in document then text order, leaving out any inside
    an excluded range; None when events are not extracted."""
    db = store.db
    if not has_events(db):
        return None
    where, params = ("WHERE e.doc = ?", (doc,)) if doc is not None else ("", ())
    rows = db.execute(
        "SELECT e.*, substr(d.text, e.start_char + 1, e.end_char - e.start_char) AS trigger, "
        f"d.published AS published FROM events e JOIN documents d ON d.id = e.doc {where} "
        "ORDER BY e.doc, e.start_char, e.end_char",
        params,
    ).fetchall()
    excluded: dict[str, list[Any]] = {}
    events = []
    for row in rows:
        if row["doc"] not in excluded:
            excluded[row["doc"]] = store.excluded(row["doc"])
        start, end = row["start_char"], row["end_char"]
        placed = start is not None and end is not None
        if placed and inside_excluded(start, end, excluded[row["doc"]]):
            continue
        events.append(_event(row))
    return events
