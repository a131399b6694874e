"""The timeline page: dated statements and events on one time axis.

Statements come from ``fuente.timeline.timeline`` (dated by their sentence, else by their
document); events by their own date, else by their document's. Both can be narrowed to one
actor (a dossier key: the speaker, or a party to the event) and one category (``statement``
or an event category).
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from fuente.records import Speaker
from fuente.store import Store
from fuente.timeline import timeline
from fuente.web.dossier import event_roles
from fuente.web.events import NOT_EXTRACTED, read_events
from fuente.web.keys import dossier_path, entity_key, speaker_key
from fuente.web.markup import anchor_of
from fuente.web.queries import article_path

__all__ = ["STATEMENT", "axis", "date_position", "timeline_view"]

STATEMENT = "statement"
DATE = re.compile(r"^(\d{4})(?:-(\d{2}|SP|SU|FA|WI|Q[1-4]|H[12]))?(?:-(\d{2}))?")
SEASONS = {
    "WI": 1,
    "SP": 4,
    "SU": 7,
    "FA": 10,
    "Q1": 2,
    "Q2": 5,
    "Q3": 8,
    "Q4": 11,
    "H1": 4,
    "H2": 10,
}
WIDTH, MARGIN = 1000, 30


def date_position(value: str | None) -> float | None:
    """A TIMEX3 date as a year with a fraction ("2025-03-08" -> 2025.18...), None if it is
    not a calendar date ("PRESENT_REF", "XXXX-08-04")."""
    found = DATE.match(value or "")
    if found is None:
        return None
    year, part, day = found.groups()
    if part is None:
        return int(year) + 0.5
    month = SEASONS.get(part) or int(part)
    if not 1 <= month <= 12:
        return None
    return int(year) + (month - 1) / 12 + ((int(day) - 0.5) / 31 if day else 0.5) / 12


def _document(doc: str, titles: dict[str, Any]) -> dict[str, Any]:
    """The article an item comes from, as the timeline links it."""
    return {"id": doc, "title": titles.get(doc), "url": article_path(doc)}


def _statement_items(store: Store) -> list[dict[str, Any]]:
    keys = {
        row[0]: row
        for row in store.db.execute(
            "SELECT a.id, s.id, s.doc, s.kind, s.name, s.version, s.description, s.country, "
            "s.sector, s.count, s.entity FROM attributions a JOIN speakers s ON s.id = a.speaker"
        )
    }
    titles = dict(store.db.execute("SELECT id, title FROM documents").fetchall())
    items = []
    for row in timeline(store):
        if "event" in row:
            continue  # events come from the events table, with their actors (_event_items)
        speaker = row["speaker"]
        found = keys.get(row["attribution"])
        key = None
        if found is not None:
            key = speaker_key(Speaker(*tuple(found)[1:]))
        items.append(
            {
                "type": STATEMENT,
                "category": STATEMENT,
                "date": row["date"],
                "dated_by": row["dated_by"],
                "inferred": bool(row["inferred"]),
                "document": _document(row["doc"], titles),
                "id": row["attribution"],
                "url": article_path(row["doc"], anchor_of(row["attribution"])),
                "actors": [key] if key else [],
                "names": {key: speaker["name"]} if key else {},
                "speaker": {**speaker, "key": key, "url": dossier_path(key) if key else None},
                "text": row["content"],
            }
        )
    return items


def _event_items(events: list[dict[str, Any]], titles: dict[str, Any]) -> list[dict[str, Any]]:
    items = []
    for event in events:
        date = event["date"]["value"] if event["date"] else event["published"]
        if date is None:
            continue
        names = {}
        for role in ("source", "target"):
            party = event[role]
            if party and (party["entity"] or party["text"]):
                names[entity_key(party["text"] or party["entity"])] = party["text"]
        items.append(
            {
                "type": "event",
                "category": event["category"] or "event",
                "date": date,
                "dated_by": "event" if event["date"] else "document",
                "inferred": False,
                "document": _document(event["doc"], titles),
                "id": event["id"],
                "url": article_path(event["doc"], anchor_of(event["id"])),
                "actors": list(names),
                "names": names,
                "event": event,
                "text": event["text"],
            }
        )
    return items


def axis(items: list[dict[str, Any]]) -> dict[str, Any] | None:
    """Where each item sits on a horizontal axis ``WIDTH`` wide, and the axis' ticks."""
    placed = [(item, date_position(item["date"])) for item in items]
    known = [position for _, position in placed if position is not None]
    if not known:
        return None
    low, high = min(known), max(known)
    if high - low < 1 / 12:
        low, high = low - 1 / 24, high + 1 / 24
    span = high - low
    scale = (WIDTH - 2 * MARGIN) / span

    def x(position: float) -> float:
        return round(MARGIN + (position - low) * scale, 1)

    stacks: Counter[tuple[str, int]] = Counter()
    points = []
    for index, (item, position) in enumerate(placed):
        if position is None:
            continue
        lane = 0 if item["type"] == STATEMENT else 1
        column = int(x(position) // 8)
        height = stacks[(item["type"], column)]
        stacks[(item["type"], column)] += 1
        points.append(
            {
                "index": index,
                "x": x(position),
                "y": 30 + lane * 80 + min(height, 8) * 7,
                "type": item["type"],
                "title": f"{item['date']} · {item['text'][:120]}",
            }
        )
    ticks = []
    if span > 3:
        for year in range(int(low) + 1, int(high) + 1):
            ticks.append({"x": x(year), "label": str(year)})
    else:
        month = int(low * 12) + 1
        while month / 12 <= high:
            year, number = divmod(month, 12)
            ticks.append({"x": x(month / 12), "label": f"{year}-{number + 1:02d}"})
            month += 1 if span <= 1 else 3
    return {"width": WIDTH, "height": 200, "points": points, "ticks": ticks}


def timeline_view(
    store: Store, *, actor: str | None = None, category: str | None = None
) -> dict[str, Any]:
    """Dated statements and events in date order, narrowed to an actor and a category."""
    titles = dict(store.db.execute("SELECT id, title FROM documents").fetchall())
    events = read_events(store)
    items = _statement_items(store) + _event_items(events or [], titles)
    if actor is not None:
        items = [
            item
            for item in items
            if actor in item["actors"]
            or (item["type"] == "event" and event_roles(item["event"], actor, set()))
        ]
    categories = Counter(item["category"] for item in items)
    actors = Counter(key for item in items for key in item["actors"])
    names = {key: name for item in items for key, name in item["names"].items() if name}
    if category is not None:
        items = [item for item in items if item["category"] == category]
    items.sort(key=lambda item: (item["date"], item["document"]["id"], item["id"]))
    return {
        "actor": actor,
        "category": category,
        "items": items,
        "categories": [{"value": c, "count": n} for c, n in sorted(categories.items())],
        "actors": [
            {"key": key, "count": n, "name": names.get(key, key)}
            for key, n in actors.most_common(80)
        ],
        "events_note": NOT_EXTRACTED if events is None else None,
        "axis": axis(items),
    }
