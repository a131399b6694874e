"""The timeline page: dated statements and events on one time axis, a page at a time.

Statements are dated as ``fuente.query.timeline`` dates them (by the time their sentence gives,
else by their document); events by their own date, else by their document's. Both can be
narrowed to one actor (a dossier key: the speaker, or a party to the event) and one category
(``statement`` or an event category). Items come in date order, then document, then id.

The timeline of an actor is read once, light and in order (``fuente.store.timeline``):
the number of items, the categories to narrow them by (counted over every category) and the
items on each day of the axis are counted from that one read, kept for the database's
version; the actors to narrow them by are counted by SQLite over what the category leaves,
and only the page's items are read whole. The picture (``axis``) is drawn from those day counts,
gathered into days, months or years as the span needs, one bar per lane and bucket, each
bar linking to the page of the list where its first item is.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from fuente.query.events import NOT_EXTRACTED, events_by_id, has_events
from fuente.query.kept import KeptAt
from fuente.query.key_lookup import Words, cached_key, event_parties, key_speakers, words
from fuente.query.keys import entity_key
from fuente.query.links import anchor_of, article_path, speaker_dict
from fuente.query.paging import Window, paged
from fuente.query.timeline_axis import axis, linked
from fuente.records import Speaker
from fuente.store.actors import speaker_links
from fuente.store.attributions import SPEAKER_COLUMNS
from fuente.store.database import Store
from fuente.store.reads import document_briefs
from fuente.store.timeline import (
    STATEMENT,
    party_counts,
    speaker_counts,
    timeline_items,
    timeline_statements,
)

__all__ = ["STATEMENT", "timeline_view"]

ACTORS_SHOWN = 80
Item = tuple[str, str, str, str]  # item ("a" or "e", then the id), type, day, category


def _items(store: Store, actor: str | None, known: Words | None) -> list[Item]:
    """Every item of the timeline of ``actor`` (None: everyone), in order, read once."""
    if actor is None:
        return timeline_items(store)
    known = known or words(store)
    speakers = [s.id for s in key_speakers(store, actor, known)]
    return timeline_items(store, speakers=speakers, parties=event_parties(actor, set(), known))


def _actors(store: Store, category: str | None) -> list[dict[str, Any]]:
    """The actors most often on the timeline of ``category`` (None: every item): speakers,
    and parties to events."""
    counts: Counter[str] = Counter()
    names: dict[str, str] = {}
    if category in (None, STATEMENT):
        for kind, name, description, doc, count in speaker_counts(store):
            key = cached_key(kind, name, description, doc or "")
            counts[key] += count
            names.setdefault(key, name)
    if category != STATEMENT:
        for text, entity, count in party_counts(store, category):
            key = entity_key(text or entity)
            counts[key] += count
            if text:
                names.setdefault(key, text)
    top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:ACTORS_SHOWN]
    return [{"key": key, "count": count, "name": names.get(key, key)} for key, count in top]


def _summary(items: list[Item], category: str | None) -> dict[str, Any]:
    """What the timeline of ``category`` (None: every one) counts of ``items``: its items'
    order (``item``), how many there are on each day, and how many of each category there
    are among all ``items``."""
    order: list[str] = []
    days: defaultdict[str, Counter[str]] = defaultdict(Counter)
    categories: Counter[str] = Counter()
    for item, kind, day, category_of in items:
        categories[category_of] += 1
        if category is None or category_of == category:
            order.append(item)
            days[kind][day] += 1
    return {
        "order": order,
        "axis": axis(dict(days)),
        "categories": [{"value": c, "count": n} for c, n in sorted(categories.items())],
    }


def _document(brief: dict[str, Any] | None, doc: str) -> dict[str, Any]:
    """A reference to an item's document: its id, title and ``page`` (its address here)."""
    return {"id": doc, "title": brief and brief["title"], "page": article_path(doc)}


def _statement(
    row: dict[str, Any], brief: dict[str, Any] | None, linked: dict[str, str]
) -> dict[str, Any]:
    speaker = None
    if row["s_id"] is not None:
        speaker = Speaker(*(row[f"s_{name}"] for name in SPEAKER_COLUMNS))
    said_by = speaker_dict(speaker, linked.get(row["s_id"]) if speaker else None)
    key = said_by["key"] if said_by else None
    stated = row["stated"] is not None
    return {
        "type": STATEMENT,
        "category": STATEMENT,
        "date": row["stated"] if stated else row["published"],
        "dated_by": "statement" if stated else "document",
        "inferred": not stated and bool(row["published_inferred"]),
        "document": _document(brief, row["doc"]),
        "id": row["id"],
        "url": article_path(row["doc"], anchor_of(row["id"])),
        "actors": [key] if key else [],
        "names": {key: said_by["name"]} if said_by else {},
        "speaker": said_by,
        "text": row["content"],
    }


def _event(event: dict[str, Any], brief: dict[str, Any] | None) -> dict[str, Any]:
    names = {}
    for role in ("source", "target"):
        party = event[role]
        if party and (party["entity"] or party["text"]):
            names[entity_key(party["text"] or party["entity"])] = party["text"]
    return {
        "type": "event",
        "category": event["category"] or "event",
        "date": event["date"]["value"] if event["date"] else brief and brief["published"],
        "dated_by": "event" if event["date"] else "document",
        "inferred": False,
        "document": _document(brief, event["doc"]),
        "id": event["id"],
        "url": article_path(event["doc"], anchor_of(event["id"])),
        "actors": list(names),
        "names": names,
        "event": event,
        "text": event["text"],
    }


def _page_items(store: Store, page: list[str]) -> list[dict[str, Any]]:
    """The items of ``page`` (``item`` of ``timeline_items``), in that order, read whole."""
    said = [item[1:] for item in page if item[0] == "a"]
    statements = timeline_statements(store, said) if said else []
    events = events_by_id(store, [item[1:] for item in page if item[0] == "e"])
    docs = {row["doc"] for row in statements} | {event["doc"] for event in events.values()}
    briefs = document_briefs(store, docs)
    linked = speaker_links(store.db, [row["s_id"] for row in statements if row["s_id"]])
    found = {"a" + row["id"]: _statement(row, briefs.get(row["doc"]), linked) for row in statements}
    for id_, event in events.items():
        found["e" + id_] = _event(event, briefs.get(event["doc"]))
    return [found[key] for key in page if key in found]


def timeline_view(
    store: Store,
    *,
    actor: str | None = None,
    category: str | None = None,
    window: Window | None = None,
    kept: KeptAt | None = None,
) -> dict[str, Any]:
    """A page of dated statements and events in date order, narrowed to an actor and a
    category, with what there is to narrow them by and the counts the axis is drawn from.

    The timeline of an actor is read once, every category together; narrowing it to one
    category, and counting each category, is done on what was read."""
    window = window or Window()
    kept = kept or KeptAt()

    def items() -> list[Item]:
        return kept.get(
            ("timeline items", actor),
            lambda: _items(store, actor, words(store, kept) if actor else None),
            size=lambda found: len(found) + 1,
        )

    summary = kept.get(
        ("timeline", actor, category),
        lambda: _summary(items(), category),
        size=lambda found: len(found["order"]) + 1,
    )
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
        "categories": summary["categories"],
        "actors": everyone,
        "events_note": None if has_events(store) else NOT_EXTRACTED,
        "axis": linked(summary["axis"], per_page=window.per_page, actor=actor, category=category),
    }
