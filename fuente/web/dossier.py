"""A dossier: one speaker or actor gathered across documents.

Who it is (kinds, descriptions, affiliations, other names), everything it said, what others
said about it (attributions whose content names it), and the events it took part in, all in
date order, each pointing back to its sentence in its article. See ``fuente.web.keys`` for
how a key gathers speakers and entities.
"""

from __future__ import annotations

import json
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from fuente.query import attribution_row
from fuente.records import Attribution, Document, ExcludedRange, Sentence, Speaker, TimeExpr
from fuente.sourcing import counted
from fuente.store import Store
from fuente.timeline import statement_date
from fuente.web.events import NOT_EXTRACTED, read_events
from fuente.web.keys import GROUPS, entity_key, slug, speaker_key
from fuente.web.markup import anchor_of
from fuente.web.queries import article_path, speaker_dict

__all__ = ["dossier", "event_roles"]


@dataclass
class _Context:
    """What dating and placing a record in one document needs, read once per document."""

    document: Document
    excluded: list[ExcludedRange]
    sentences: list[Sentence]
    times: list[TimeExpr]
    speakers: dict[str, Speaker]
    starts: list[int] = field(default_factory=list)

    def sentence(self, offset: int) -> dict[str, Any] | None:
        if not self.starts:
            self.starts = [s.start for s in self.sentences]
        index = bisect_right(self.starts, offset) - 1
        if index < 0 or offset >= self.sentences[index].end:
            return None
        found = self.sentences[index]
        return {
            "start": found.start,
            "end": found.end,
            "text": self.document.text[found.start : found.end],
        }


class _Documents:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.cache: dict[str, _Context | None] = {}

    def get(self, doc: str) -> _Context | None:
        if doc not in self.cache:
            document = self.store.document(doc)
            self.cache[doc] = (
                None
                if document is None
                else _Context(
                    document,
                    self.store.excluded(doc),
                    self.store.sentences(doc),
                    list(self.store.times(doc)),
                    {s.id: s for s in self.store.speakers(doc)},
                )
            )
        return self.cache[doc]


def _doc_ref(document: Document) -> dict[str, Any]:
    return {
        "id": document.id,
        "title": document.title,
        "outlet": document.outlet,
        "url": article_path(document.id),
    }


def _dated(attribution: Attribution, context: _Context) -> dict[str, Any]:
    stated = statement_date(attribution, context.times)
    if stated is not None:
        return {"value": stated.value, "dated_by": "statement", "inferred": False}
    document = context.document
    return {
        "value": document.published,
        "dated_by": "document",
        "inferred": document.published_inferred,
    }


def _statement(kind: str, attribution: Attribution, context: _Context) -> dict[str, Any]:
    speaker = context.speakers.get(attribution.speaker or "")
    row = attribution_row(attribution, text=context.document.text, speaker=speaker)
    row["speaker"] = speaker_dict(speaker) if speaker else None
    return {
        "type": kind,
        "date": _dated(attribution, context),
        "document": _doc_ref(context.document),
        "attribution": row,
        "sentence": context.sentence(attribution.content_start),
        "url": article_path(attribution.doc, anchor_of(attribution.id)),
    }


def _event_item(event: dict[str, Any], roles: list[str], context: _Context) -> dict[str, Any]:
    document = context.document
    if event["date"] is not None:
        date = {"value": event["date"]["value"], "dated_by": "event", "inferred": False}
    else:
        date = {
            "value": document.published,
            "dated_by": "document",
            "inferred": document.published_inferred,
        }
    placed = event["start"] is not None
    return {
        "type": "event",
        "roles": roles,
        "date": date,
        "document": _doc_ref(document),
        "event": event,
        "sentence": context.sentence(event["start"]) if placed else None,
        "url": article_path(event["doc"], anchor_of(event["id"])),
    }


def event_roles(event: dict[str, Any], key: str, entities: set[str]) -> list[str]:
    """The roles (``source``, ``target``) the actor with this key and entity ids plays."""
    roles = []
    for role in ("source", "target"):
        party = event[role]
        if party is None:
            continue
        if (
            party["entity"] is not None
            and (party["entity"] in entities or entity_key(party["entity"]) == key)
        ) or (party["text"] and key.split("/", 1)[1] == slug(party["text"])):
            roles.append(role)
    return roles


def _identity(
    key: str, speakers: list[Speaker], entities: list[Any], mentions: list[Any]
) -> dict[str, Any]:
    names = Counter(s.name for s in speakers) + Counter(e["name"] for e in entities)
    name = names.most_common(1)[0][0]
    others = [*names, *(m["text"] for m in mentions)]
    aliases = list(dict.fromkeys(n for n in others if n.casefold() != name.casefold()))
    folded: set[str] = set()
    aliases = [a for a in aliases if not (a.casefold() in folded or folded.add(a.casefold()))]
    affiliations = list(
        dict.fromkeys((s.country, s.sector) for s in speakers if s.country or s.sector)
    )
    return {
        "key": key,
        "name": name,
        "group": key.split("/", 1)[0],
        "kinds": sorted({s.kind for s in speakers}),
        "entity_types": sorted({e["type"] for e in entities}),
        "descriptions": list(dict.fromkeys(s.description for s in speakers if s.description)),
        "affiliations": [{"country": c, "sector": s} for c, s in affiliations],
        "aliases": aliases,
    }


def dossier(store: Store, key: str) -> dict[str, Any] | None:
    """The dossier of the speaker or actor with this key, or None if there is none."""
    group, _, rest = key.partition("/")
    if group not in GROUPS or not rest:
        return None
    speakers = [s for s in store.all_speakers() if speaker_key(s) == key]
    entities = []
    if group == "named":
        linked = {s.entity for s in speakers if s.entity}
        entities = [
            dict(row)
            for row in store.db.execute("SELECT id, doc, name, type FROM entities")
            if row["id"] in linked or entity_key(row["name"]) == key
        ]
    if not speakers and not entities:
        return None
    entity_ids = {e["id"] for e in entities}
    mentions = [
        dict(row)
        for row in store.db.execute(
            "SELECT doc, entity, start_char AS start, end_char AS end, text FROM mentions "
            "WHERE entity IN (SELECT value FROM json_each(?)) ORDER BY doc, start_char",
            (json.dumps(sorted(entity_ids), ensure_ascii=False),),
        )
    ]
    documents = _Documents(store)
    items: list[dict[str, Any]] = []
    own = {s.id for s in speakers}
    for attribution in store.attributions(speakers=sorted(own)):
        context = documents.get(attribution.doc)
        if context is not None and counted([attribution], context.excluded):
            items.append(_statement("said", attribution, context))
    for doc in dict.fromkeys(m["doc"] for m in mentions):
        context = documents.get(doc)
        if context is None:
            continue
        spans = [(m["start"], m["end"]) for m in mentions if m["doc"] == doc]
        for attribution in counted(store.attributions(doc), context.excluded):
            if attribution.speaker in own or attribution.kind == "non-response":
                continue
            if any(
                attribution.content_start <= start and end <= attribution.content_end
                for start, end in spans
            ):
                items.append(_statement("about", attribution, context))
    events = read_events(store)
    for event in events or ():
        roles = event_roles(event, key, entity_ids)
        context = documents.get(event["doc"])
        if not roles or context is None:
            continue
        items.append(_event_item(event, roles, context))
    items.sort(
        key=lambda item: (
            item["date"]["value"] or "9999",
            item["document"]["id"],
            item["sentence"]["start"] if item["sentence"] else 0,
        )
    )
    docs = dict.fromkeys([*(s.doc for s in speakers), *(e["doc"] for e in entities)])
    return {
        **_identity(key, speakers, entities, mentions),
        "documents": [
            _doc_ref(context.document)
            for doc in docs
            if (context := documents.get(doc)) is not None
        ],
        "said": sum(item["type"] == "said" for item in items),
        "about": sum(item["type"] == "about" for item in items),
        "events": None if events is None else sum(item["type"] == "event" for item in items),
        "events_note": NOT_EXTRACTED if events is None else None,
        "items": items,
    }
