"""Statements in date order: who said what, and when, across all documents.

A statement's date is the time the text gives for the act of saying it, outside what was said
("Varga said on Monday that …": Monday, attached at ingest by ``fuente.times.statements``), else
the date of the document that reports it. Each row says which,
so a reader can tell a stated date from an assumed one.

Events (who did what to whom) take their place among the statements: an event is dated by the
time the text gives it ("the January 3, 2023, US operation"), else by its document's date.
An event row holds the key ``event`` (its id) and says what happened in ``content``.

A query keeps the rows whose speaker or words hold every word of it, and those of the
corpus-wide actors it names (``fuente.query.attributions.named``): what was said by, and done
by or to, any name linked to them.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fuente.query.attributions import named, query_words
from fuente.query.sourcing import counted
from fuente.records import Actor, Attribution, Document, Event, Speaker, TimeExpr
from fuente.store.actors import refs_of
from fuente.store.database import Store

__all__ = ["statement_date", "timeline"]


def statement_date(attribution: Attribution, times: list[TimeExpr]) -> TimeExpr | None:
    """The time expression that dates a statement, as the time layer attached it
    (``fuente.times.statements``)."""
    if attribution.time_start is None:
        return None
    return next((t for t in times if t.start == attribution.time_start), None)


def _matches(words: list[str], *texts: str | None) -> bool:
    haystack = " ".join(text for text in texts if text).casefold()
    return all(word in haystack for word in words)


def timeline(
    store: Store, query: str | None = None, *, limit: int | None = None
) -> list[dict[str, Any]]:
    """Dated statements in date order, optionally only those whose speaker or words hold
    every word of ``query``."""
    words = (query or "").casefold().split()
    linked = set(refs_of(store.db, named(store, query_words(query or "")))) if words else set()
    rows = list(_rows(store, words, linked))
    rows.extend(_event_rows(store, words, linked))
    rows.sort(key=lambda row: (row["date"], row["doc"], row["start"]))
    return rows[:limit] if limit is not None else rows


def _linked(linked: set[str], *refs: str | None) -> bool:
    return any(ref in linked for ref in refs if ref)


def _rows(store: Store, words: list[str], linked: set[str]) -> Iterator[dict[str, Any]]:
    for document in store.documents():
        kept = counted(store.attributions(document.id), store.excluded(document.id))
        attributions = [a for a in kept if a.kind != "non-response"]
        if not attributions:
            continue
        speakers = {s.id: s for s in store.speakers(document.id)}
        times = list(store.times(document.id))
        for attribution in attributions:
            speaker = speakers.get(attribution.speaker or "")
            said = document.text[attribution.content_start : attribution.content_end]
            if (
                words
                and not _matches(
                    words, said, speaker and speaker.name, speaker and speaker.description
                )
                and not (speaker and _linked(linked, speaker.id, speaker.entity))
            ):
                continue
            stated = statement_date(attribution, times)
            if stated is not None:
                date, how = stated.value, "statement"
            elif document.published:
                date, how = document.published, "document"
            else:
                continue
            row = _row(document, date, how, speaker, start=attribution.content_start, content=said)
            yield row | {"attribution": attribution.id}


def _row(
    document: Document, date: str, how: str, speaker: Speaker | None, *, start: int, content: str
) -> dict[str, Any]:
    """What every timeline row says: when, dated by what, where it stands and who said it."""
    return {
        "date": date,
        "dated_by": how,
        "inferred": how == "document" and document.published_inferred,
        "doc": document.id,
        "start": start,
        "speaker": {
            "name": speaker.name if speaker else None,
            "kind": speaker.kind if speaker else None,
            "description": speaker.description if speaker else None,
        },
        "content": content,
    }


def _actor_words(actor: Actor | None) -> str:
    if actor is None:
        return "-"
    coded = " ".join(part for part in (actor.country, actor.sector) if part)
    return f"{actor.text} ({coded})" if coded else actor.text


def event_summary(event: Event, text: str) -> str:
    """One line saying what happened: "COERCE/arrest: US (USA) -> Maduro [detain]"."""
    code = f"{event.category}/{event.mode}" if event.mode else event.category
    qualifiers = [q for q in ("not" if event.negated else "", event.modality) if q != "happened"]
    qualifier = f" ({', '.join(q for q in qualifiers if q)})" if any(qualifiers) else ""
    words = " ".join(text[event.start : event.end].split())
    return (
        f"{code}{qualifier}: {_actor_words(event.source)} -> {_actor_words(event.target)} [{words}]"
    )


def _event_rows(store: Store, words: list[str], linked: set[str]) -> Iterator[dict[str, Any]]:
    for document in store.documents():
        events = list(store.events(document.id))
        if not events:
            continue
        speakers = {s.id: s for s in store.speakers(document.id)}
        told_by = {a.id: speakers.get(a.speaker or "") for a in store.attributions(document.id)}
        for event in events:
            summary = event_summary(event, document.text)
            sides = (side.entity for side in (event.source, event.target) if side)
            if words and not _matches(words, summary) and not _linked(linked, *sides):
                continue
            if event.date_value and not event.date_value.startswith("X"):
                date, how = event.date_value, "event"
            elif document.published:
                date, how = document.published, "document"
            else:
                continue
            speaker = told_by.get(event.attribution or "")
            yield _row(document, date, how, speaker, start=event.start, content=summary) | {
                "event": event.id,
                "attribution": event.attribution,
                # how a picture draws it (fuente.picture.plot): one lane per PLOVER category
                "lane": f"events: {event.category}",
                "category": "event",
                "named": False,
            }
