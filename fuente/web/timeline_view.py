"""The timeline page: dated statements and events on one time axis, a page at a time.

Statements are dated as ``fuente.query.timeline`` dates them (by the time their sentence gives,
else by their document); events by their own date, else by their document's. Both can be
narrowed to one actor (a dossier key: the speaker, or a party to the event) and one category
(``statement`` or an event category). Items come in date order, then document, then id.

SQLite does the counting: the number of items, the categories and actors to narrow them by
(each counted over what the other choice leaves), and the items on each day of the axis;
only the page's items are read whole. The picture (``axis``) is drawn from those day counts,
gathered into days, months or years as the span needs, one bar per lane and bucket, each
bar linking to the page of the list where its first item is.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from fuente.records import Speaker
from fuente.store.attributions import SPEAKER_COLUMNS
from fuente.store.database import Store
from fuente.web.events import NOT_EXTRACTED, has_events, read_events
from fuente.web.kept import KeptAt
from fuente.web.key_lookup import (
    Words,
    cached_key,
    event_parties,
    key_speakers,
    party_condition,
    words,
)
from fuente.web.keys import dossier_path, entity_key, speaker_key
from fuente.web.markup import anchor_of
from fuente.web.paging import Window, paged
from fuente.web.queries import article_path
from fuente.web.rows import STATED, as_json, not_excluded
from fuente.web.timeline_axis import axis, linked

__all__ = ["STATEMENT", "timeline_view"]

STATEMENT = "statement"
ACTORS_SHOWN = 80
COLUMNS = ("type", "category", "date", "doc", "id", "item")
COUNTED = not_excluded("a", start="content_start", end="content_end")
DATED = f"CASE WHEN a.time_start IS NULL THEN d.published ELSE coalesce({STATED}, d.published) END"


def _items_sql(
    store: Store, actor: str | None, category: str | None, known: Words | None = None
) -> tuple[str, tuple[str, ...]]:
    """The timeline's items of ``actor`` and ``category`` (each None for all) as SQL:
    ``type``, ``category``, ``date``, ``doc``, ``id``, ``item`` ("a" or "e", then the id)."""
    parts, values = [], []
    if category in (None, STATEMENT):
        speakers = ""
        if actor is not None:
            speakers = "AND a.speaker IN (SELECT value FROM json_each(?))"
            known = known or words(store)
            values.append(as_json(s.id for s in key_speakers(store, actor, known)))
        parts.append(
            f"SELECT '{STATEMENT}' AS type, '{STATEMENT}' AS category, {DATED} AS date, "
            "a.doc AS doc, a.id AS id, 'a' || a.id AS item FROM attributions a "
            "JOIN documents d ON d.id = a.doc WHERE a.kind != 'non-response' AND "
            f"(d.published IS NOT NULL OR {STATED} IS NOT NULL) AND {COUNTED} {speakers}"
        )
    if category != STATEMENT and has_events(store.db):
        conditions = [not_excluded("e"), "coalesce(e.date_value, d.published) IS NOT NULL"]
        if category is not None:
            conditions.append("e.category = ?")
            values.append(category)
        if actor is not None:
            parties = event_parties(actor, set(), known or words(store))
            condition, party_values = party_condition(*parties)
            conditions.append(condition)
            values.extend(party_values)
        parts.append(
            "SELECT 'event' AS type, e.category AS category, "
            "coalesce(e.date_value, d.published) AS date, e.doc AS doc, e.id AS id, "
            "'e' || e.id AS item FROM events e JOIN documents d ON d.id = e.doc "
            f"WHERE {' AND '.join(conditions)}"
        )
    if not parts:  # an event category, and no events table
        return f"SELECT {', '.join(f'NULL AS {c}' for c in COLUMNS)} WHERE 0", ()
    return " UNION ALL ".join(parts), tuple(values)


def _actors(store: Store, category: str | None) -> list[dict[str, Any]]:
    """The actors most often on the timeline of ``category`` (None: every item): speakers,
    and parties to events."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    if category in (None, STATEMENT):
        for kind, name, description, doc, count in store.db.execute(
            "SELECT s.kind, s.name, s.description, CASE s.kind WHEN 'author' THEN s.doc END, "
            "count(*) FROM attributions a JOIN speakers s ON s.id = a.speaker "
            "JOIN documents d ON d.id = a.doc WHERE a.kind != 'non-response' AND "
            f"(d.published IS NOT NULL OR {STATED} IS NOT NULL) AND {COUNTED} "
            "GROUP BY 1, 2, 3, 4"
        ):
            key = cached_key(kind, name, description, doc or "")
            counts[key] += count
            names.setdefault(key, name)
    if category != STATEMENT and has_events(store.db):
        chosen, picked = ("AND e.category = ?", (category,)) if category else ("", ())
        for side in ("source", "target"):
            for text, entity, count in store.db.execute(
                f"SELECT e.{side}_text, e.{side}_entity, count(*) FROM events e "
                f"JOIN documents d ON d.id = e.doc WHERE {not_excluded('e')} "
                "AND coalesce(e.date_value, d.published) IS NOT NULL "
                f"AND coalesce(e.{side}_text, e.{side}_entity) IS NOT NULL {chosen} GROUP BY 1, 2",
                picked,
            ):
                key = entity_key(text or entity)
                counts[key] += count
                if text:
                    names.setdefault(key, text)
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:ACTORS_SHOWN]
    return [{"key": key, "count": count, "name": names.get(key, key)} for key, count in top]


def _summary(
    store: Store, actor: str | None, category: str | None, known: Words | None = None
) -> dict[str, Any]:
    """What the timeline of ``actor`` and ``category`` counts, in one ordered pass: its
    items' order (``item`` of ``_items_sql``), how many there are on each day, and (without
    ``category``) how many of each category."""
    sql, values = _items_sql(store, actor, category, known)
    order: list[str] = []
    days: defaultdict[str, Counter[str]] = defaultdict(Counter)
    categories: Counter[str] = Counter()
    for item, kind, day, category_of in store.db.execute(
        f"SELECT item, type, substr(date, 1, 11), category FROM ({sql}) ORDER BY date, doc, id",
        values,
    ):
        order.append(item)
        days[kind][day] += 1
        categories[category_of] += 1
    return {
        "order": order,
        "axis": axis(dict(days)),
        "categories": [{"value": c, "count": n} for c, n in sorted(categories.items())],
    }


def _document(doc: str) -> dict[str, Any]:
    return {"id": doc, "title": None, "url": article_path(doc)}


def _statement(row: Any) -> dict[str, Any]:
    speaker = None if row["sid"] is None else Speaker(*(row[f"s_{n}"] for n in SPEAKER_COLUMNS))
    key = speaker_key(speaker) if speaker else None
    stated = row["stated"] is not None
    return {
        "type": STATEMENT,
        "category": STATEMENT,
        "date": row["stated"] if stated else row["published"],
        "dated_by": "statement" if stated else "document",
        "inferred": not stated and bool(row["published_inferred"]),
        "document": _document(row["doc"]),
        "id": row["id"],
        "url": article_path(row["doc"], anchor_of(row["id"])),
        "actors": [key] if key else [],
        "names": {key: speaker.name} if speaker and key else {},
        "speaker": {
            "name": speaker.name if speaker else None,
            "kind": speaker.kind if speaker else None,
            "description": speaker.description if speaker else None,
            "key": key,
            "url": dossier_path(key) if key else None,
        },
        "text": row["content"],
    }


def _statements(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    columns = ", ".join(f"s.{name} AS s_{name}" for name in SPEAKER_COLUMNS)
    rows = store.db.execute(
        f"SELECT a.id, a.doc, {STATED} AS stated, d.published, d.published_inferred, "
        f"s.id AS sid, {columns}, "
        "substr(d.text, a.content_start + 1, a.content_end - a.content_start) AS content "
        "FROM attributions a JOIN documents d ON d.id = a.doc "
        "LEFT JOIN speakers s ON s.id = a.speaker "
        "WHERE a.id IN (SELECT value FROM json_each(?))",
        (as_json(ids),),
    )
    return {"a" + row["id"]: _statement(row) for row in rows}


def _event(event: dict[str, Any]) -> dict[str, Any]:
    names = {}
    for role in ("source", "target"):
        party = event[role]
        if party and (party["entity"] or party["text"]):
            names[entity_key(party["text"] or party["entity"])] = party["text"]
    return {
        "type": "event",
        "category": event["category"] or "event",
        "date": event["date"]["value"] if event["date"] else event["published"],
        "dated_by": "event" if event["date"] else "document",
        "inferred": False,
        "document": _document(event["doc"]),
        "id": event["id"],
        "url": article_path(event["doc"], anchor_of(event["id"])),
        "actors": list(names),
        "names": names,
        "event": event,
        "text": event["text"],
    }


def _events(store: Store, ids: list[str]) -> dict[str, dict[str, Any]]:
    wanted = set(ids)
    docs = store.db.execute(
        "SELECT DISTINCT doc FROM events WHERE id IN (SELECT value FROM json_each(?))",
        (as_json(wanted),),
    )
    found = {}
    for (doc,) in docs.fetchall():
        for event in read_events(store, doc) or ():
            if event["id"] in wanted:
                found["e" + event["id"]] = _event(event)
    return found


def _page_items(store: Store, page: list[str]) -> list[dict[str, Any]]:
    """The items of ``page`` (``item`` of ``_items_sql``), in that order, read whole."""
    found: dict[str, dict[str, Any]] = {}
    said = [item[1:] for item in page if item[0] == "a"]
    if said:
        found |= _statements(store, said)
    events = [item[1:] for item in page if item[0] == "e"]
    if events:
        found |= _events(store, events)
    titles = dict(
        store.db.execute(
            "SELECT id, title FROM documents WHERE id IN (SELECT value FROM json_each(?))",
            (as_json({item["document"]["id"] for item in found.values()}),),
        ).fetchall()
    )
    items = []
    for key in page:
        item = found.get(key)
        if item is not None:
            item["document"]["title"] = titles.get(item["document"]["id"])
            items.append(item)
    return items


def timeline_view(
    store: Store,
    *,
    actor: str | None = None,
    category: str | None = None,
    window: Window | None = None,
    kept: KeptAt | None = None,
) -> dict[str, Any]:
    """A page of dated statements and events in date order, narrowed to an actor and a
    category, with what there is to narrow them by and the counts the axis is drawn from."""
    window = window or Window()
    kept = kept or KeptAt()
    summary = kept.get(
        ("timeline", actor, category),
        lambda: _summary(store, actor, category, words(store, kept) if actor else None),
        size=lambda found: len(found["order"]) + 1,
    )
    categories = summary["categories"]
    if category is not None:  # each category's count over every category: the list unnarrowed
        categories = kept.get(
            ("timeline", actor, None),
            lambda: _summary(store, actor, None, words(store, kept) if actor else None),
            size=lambda found: len(found["order"]) + 1,
        )["categories"]
    everyone = kept.get(("timeline actors", category), lambda: _actors(store, category))
    order = summary["order"]
    return {
        "actor": actor,
        "category": category,
        **paged(window, len(order)),
        "items": kept.get(
            ("timeline page", actor, category, window.page, window.per_page),
            lambda: _page_items(store, list(window.cut(order))),
        ),
        "categories": categories,
        "actors": everyone,
        "events_note": None if has_events(store.db) else NOT_EXTRACTED,
        "axis": linked(summary["axis"], per_page=window.per_page, actor=actor, category=category),
    }
