"""Reading events, when the database has them.

Events are who did what to whom, stored by the events extractor in an ``events`` table. A
database made before that extractor has no such table: ``events_of`` then returns None, and
every page says plainly that events are not extracted yet. Rows are ``event_row``'s, the
same as ``fuente export events``.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

from fuente.query.rows import event_row
from fuente.query.sourcing import inside_excluded
from fuente.store.actors import document_links
from fuente.store.database import Store
from fuente.store.reads import document_texts, has_events

__all__ = ["NOT_EXTRACTED", "events_by_id", "events_of", "has_events"]

NOT_EXTRACTED = "events are not extracted yet: this database has no events table"


def events_of(store: Store, doc: str, *, text: str) -> list[dict[str, Any]] | None:
    """The events of document ``doc`` (whose original text is ``text``) in text order,
    leaving out any inside an excluded range; None when events are not extracted."""
    if not has_events(store):
        return None
    excluded = store.excluded(doc)
    actors = document_links(store.db, doc)
    return [
        event_row(event, text, actors)
        for event in store.events(doc)
        if not inside_excluded(event.start, event.end, excluded)
    ]


def events_by_id(store: Store, ids: Collection[str]) -> dict[str, dict[str, Any]]:
    """The events of ``ids`` there are, by id (none when events are not extracted)."""
    if not ids or not has_events(store):
        return {}
    events = list(store.events(ids=ids))
    docs = {event.doc for event in events}
    texts = document_texts(store, docs)
    actors = {doc: document_links(store.db, doc) for doc in docs}
    return {
        event.id: event_row(event, texts.get(event.doc, ""), actors[event.doc]) for event in events
    }
