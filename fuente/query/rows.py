"""One plain row per record kind, the same for every reader.

``fuente export``, the CLI and the web UI's JSON twins all build a record's row here (an
attribution's and a speaker's are in ``fuente.query.attributions``), so a record has one
JSON shape everywhere; the web UI only adds the addresses it shows a record at (``page``
for an article, ``url`` for a dossier or a record's place in its article). Offsets
(``start``, ``end``) index the document's original text, and ``text`` is that slice.

A document's ``url`` is always where the article came from (its source), never a page of
the web UI.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from fuente.query.keys import entity_key
from fuente.records import (
    Actor,
    Contradiction,
    Document,
    Entity,
    Event,
    ExcludedRange,
    Finding,
    Mention,
    TimeExpr,
)

__all__ = [
    "ACTOR_FIELDS",
    "contradiction_row",
    "document_row",
    "entity_row",
    "event_row",
    "finding_row",
    "time_row",
]

ACTOR_FIELDS = ("text", "start", "end", "entity", "country", "sector", "found")


def document_row(document: Document, excluded: Iterable[ExcludedRange]) -> dict[str, Any]:
    """A document's metadata (``url``: its source) and its excluded ranges."""
    return {
        "id": document.id,
        "path": document.path,
        "format": document.format,
        "url": document.url,
        "title": document.title,
        "deck": document.deck,
        "tags": list(document.tags),
        "outlet": document.outlet,
        "language": document.language,
        "published": {
            "value": document.published,
            "inferred": document.published_inferred,
            "earliest": document.published_earliest,
            "latest": document.published_latest,
        },
        "excluded": [{"start": r.start, "end": r.end, "reason": r.reason} for r in excluded],
    }


def entity_row(entity: Entity, mentions: Iterable[Mention]) -> dict[str, Any]:
    """An entity of one document, its dossier key and its mentions."""
    return {
        "id": entity.id,
        "doc": entity.doc,
        "name": entity.name,
        "type": entity.type,
        "key": entity_key(entity.name),
        "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in mentions],
    }


def time_row(time: TimeExpr) -> dict[str, Any]:
    """A time expression with its TIMEX3 type and value, and what it dates."""
    return {
        "doc": time.doc,
        "start": time.start,
        "end": time.end,
        "text": time.text,
        "type": time.type,
        "value": time.value,
        "mod": time.mod,
        "anchor": time.anchor,
        "attribution": time.attribution,
        "role": time.role,
    }


def _actor_row(actor: Actor | None, actors: Mapping[str, str]) -> dict[str, Any] | None:
    if actor is None:
        return None
    row = {name: getattr(actor, name) for name in ACTOR_FIELDS}
    row["actor"] = actors.get(actor.entity) if actor.entity else None
    return row


def event_row(event: Event, text: str, actors: Mapping[str, str] | None = None) -> dict[str, Any]:
    """An event: the words that carry it (``start``, ``end``, ``text``; ``text`` is its
    document's original text), its PLOVER category and mode, its source and target actors
    (their words and offsets, entity, country and sector, and the corpus-wide actor the
    entity is linked to, by ``actors``: the document's links, and how the side was found),
    date, place, qualifiers and whether it is a main event of the article (``lead``)."""
    date = None
    if event.date_value is not None:
        date = {"value": event.date_value, "start": event.date_start, "end": event.date_end}
    return {
        "id": event.id,
        "doc": event.doc,
        "start": event.start,
        "end": event.end,
        "text": text[event.start : event.end],
        "category": event.category,
        "mode": event.mode,
        "source": _actor_row(event.source, actors or {}),
        "target": _actor_row(event.target, actors or {}),
        "date": date,
        "location": event.location,
        "negated": event.negated,
        "modality": event.modality,
        "attribution": event.attribution,
        "lead": event.lead,
    }


def contradiction_row(found: Contradiction) -> dict[str, Any]:
    """Two reports that cannot both hold: the rule, what disagrees, the claim and actor it
    concerns, and both sides (document, record, span and words)."""
    return {
        "rule": found.rule,
        "message": found.message,
        "claim": found.claim,
        "actor": found.actor,
        "one": {"doc": found.doc, "ref": found.ref, "start": found.start, "end": found.end,
                "text": found.text},
        "other": {"doc": found.other_doc, "ref": found.other_ref, "start": found.other_start,
                  "end": found.other_end, "text": found.other_text},
        "version": found.version,
    }  # fmt: skip


def finding_row(finding: Finding) -> dict[str, Any]:
    """A knowledge check that fired: the rule, what the knowledge base holds, the actor's span
    (with its entry) and the date's (``start``/``end`` None for the article's own date)."""
    return {
        "doc": finding.doc,
        "rule": finding.rule,
        "message": finding.message,
        "actor": {
            "text": finding.actor_text,
            "start": finding.actor_start,
            "end": finding.actor_end,
            "kb": finding.kb,
        },
        "date": {
            "value": finding.date_value,
            "text": finding.date_text,
            "start": finding.date_start,
            "end": finding.date_end,
        },
        "version": finding.version,
    }
