"""The timeline's reads: its items in order, who is on it, and a page of statements whole.

Statements are dated as ``fuente.query.timeline`` dates them (``STATED``: by the time their
sentence gives, else by their document); events by their own date, else by their
document's. Items come in date order, then document, then id; records inside an excluded
range, non-responses and undated records are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from fuente.store.attributions import SPEAKER_COLUMNS
from fuente.store.reads import IN_JSON, STATED, as_json, has_events, not_excluded
from fuente.store.words import party_condition

if TYPE_CHECKING:
    from fuente.store.database import Store

__all__ = ["STATEMENT", "party_counts", "speaker_counts", "timeline_items",
           "timeline_statements"]  # fmt: skip

STATEMENT = "statement"
COUNTED = not_excluded("a", start="content_start", end="content_end")
DATED = f"CASE WHEN a.time_start IS NULL THEN d.published ELSE coalesce({STATED}, d.published) END"
STATEMENTS = (
    f"SELECT '{STATEMENT}' AS type, '{STATEMENT}' AS category, {DATED} AS date, "
    "a.doc AS doc, a.id AS id, 'a' || a.id AS item FROM attributions a "
    "JOIN documents d ON d.id = a.doc WHERE a.kind != 'non-response' AND "
    f"(d.published IS NOT NULL OR {STATED} IS NOT NULL) AND {COUNTED}"
)
EVENTS = (
    "SELECT 'event' AS type, e.category AS category, "
    "coalesce(e.date_value, d.published) AS date, e.doc AS doc, e.id AS id, "
    "'e' || e.id AS item FROM events e JOIN documents d ON d.id = e.doc "
    f"WHERE {not_excluded('e')} AND coalesce(e.date_value, d.published) IS NOT NULL"
)


def timeline_items(
    store: Store,
    *,
    speakers: Iterable[str] | None = None,
    parties: tuple[Iterable[str], Iterable[str]] | None = None,
) -> list[tuple[str, str, str, str]]:
    """Every item of the timeline in order, ``(item, type, day, category)``: item is "a"
    and an attribution's id or "e" and an event's, day the first 11 characters of its date.
    ``speakers`` (ids) keeps only their statements, ``parties`` (words, entity ids) only the
    events with such a party."""
    statements, values = STATEMENTS, []
    if speakers is not None:
        statements += f" AND a.speaker {IN_JSON}"
        values.append(as_json(speakers))
    parts = [statements]
    if has_events(store):
        events = EVENTS
        if parties is not None:
            condition, party_values = party_condition(*parties)
            events += f" AND {condition}"
            values.extend(party_values)
        parts.append(events)
    rows = store.db.execute(
        f"SELECT item, type, substr(date, 1, 11), category FROM ({' UNION ALL '.join(parts)}) "
        "ORDER BY date, doc, id",
        values,
    )
    return [tuple(row) for row in rows]


def speaker_counts(store: Store) -> list[tuple[str, str, str | None, str | None, int]]:
    """``(kind, name, description, document of an author speaker, statements)`` of the
    speakers of the timeline's statements."""
    rows = store.db.execute(
        "SELECT s.kind, s.name, s.description, CASE s.kind WHEN 'author' THEN s.doc END, "
        "count(*) FROM attributions a JOIN speakers s ON s.id = a.speaker "
        "JOIN documents d ON d.id = a.doc WHERE a.kind != 'non-response' AND "
        f"(d.published IS NOT NULL OR {STATED} IS NOT NULL) AND {COUNTED} "
        "GROUP BY 1, 2, 3, 4"
    )
    return [tuple(row) for row in rows]


def party_counts(store: Store, category: str | None) -> list[tuple[str | None, str | None, int]]:
    """``(words, entity id, events)`` of the parties, either side, to the timeline's events
    (of ``category`` only, if given); none when events are not extracted."""
    if not has_events(store):
        return []
    chosen, picked = ("AND e.category = ?", (category,)) if category else ("", ())
    found = []
    for side in ("source", "target"):
        rows = store.db.execute(
            f"SELECT e.{side}_text, e.{side}_entity, count(*) FROM events e "
            f"JOIN documents d ON d.id = e.doc WHERE {not_excluded('e')} "
            "AND coalesce(e.date_value, d.published) IS NOT NULL "
            f"AND coalesce(e.{side}_text, e.{side}_entity) IS NOT NULL {chosen} GROUP BY 1, 2",
            picked,
        )
        found += [tuple(row) for row in rows]
    return found


def timeline_statements(store: Store, ids: Iterable[str]) -> list[dict[str, Any]]:
    """The statements of ``ids`` whole: id, document, ``stated`` (the date their sentence
    gives), the document's ``published`` and ``published_inferred``, ``content`` (the words
    said) and their speaker's fields (``s_`` and a speaker column; all None without one)."""
    columns = ", ".join(f"s.{name} AS s_{name}" for name in SPEAKER_COLUMNS)
    rows = store.db.execute(
        f"SELECT a.id, a.doc, {STATED} AS stated, d.published, d.published_inferred, "
        f"{columns}, "
        "substr(d.text, a.content_start + 1, a.content_end - a.content_start) AS content "
        "FROM attributions a JOIN documents d ON d.id = a.doc "
        f"LEFT JOIN speakers s ON s.id = a.speaker WHERE a.id {IN_JSON}",
        (as_json(ids),),
    )
    return [dict(row) for row in rows]
