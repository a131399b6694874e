"""A dossier: one speaker or actor gathered across documents.

Who it is (kinds, descriptions, affiliations, other names), everything it said, what others
said about it (attributions whose content names it), and the events it took part in, all in
date order (then document, then place in it, then id), a page at a time, each pointing back
to its sentence in its article, and saying, where other articles report it too, how far
its claim across articles is corroborated (``claim``: ``fuente.query.claims.claim_summaries``).
See ``fuente.query.keys`` for how a key gathers speakers and
entities, and ``fuente.web.key_lookup`` for how they are found.

What a dossier holds is first read light (id, document, date, place) and ordered in full, so
the counts are exact; only the page's items are then read whole.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from fuente.actors.known import known_actors
from fuente.query.actors import actor_identity, actor_members
from fuente.query.attributions import attribution_row
from fuente.query.claims import claim_summaries
from fuente.query.events import NOT_EXTRACTED, events_by_id, has_events
from fuente.query.kept import KeptAt
from fuente.query.key_lookup import Words, event_parties, key_entities, key_speakers, words
from fuente.query.keys import GROUPS, entity_key, slug
from fuente.query.links import anchor_of, article_path, speaker_dict
from fuente.query.paging import Window, paged
from fuente.query.timeline import statement_date
from fuente.records import Attribution, Document, ExcludedRange, Sentence, Speaker, TimeExpr
from fuente.settings import Settings
from fuente.store.actors import document_links
from fuente.store.database import Store
from fuente.store.dossier import Light, events_of_parties, mention_texts, said_about, said_by
from fuente.store.reads import document_briefs

__all__ = ["dossier", "event_roles"]


@dataclass
class _Context:
    """What dating and placing a record in one document needs, read once per document."""

    document: Document
    excluded: list[ExcludedRange]
    sentences: list[Sentence]
    times: list[TimeExpr]
    speakers: dict[str, Speaker]
    actors: dict[str, str]
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
                    document_links(self.store.db, doc),
                )
            )
        return self.cache[doc]


def _doc_ref(document: Document) -> dict[str, Any]:
    """A reference to an item's document: id, title, outlet, language and ``page`` (its
    address)."""
    return {
        "id": document.id,
        "title": document.title,
        "outlet": document.outlet,
        "language": document.language,
        "page": article_path(document.id),
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
    values = {t.start: t.value for t in context.times}
    actors = context.actors
    row = attribution_row(
        attribution, text=context.document.text, speaker=speaker, times=values, actors=actors
    )
    row["speaker"] = speaker_dict(speaker, actors.get(speaker.id) if speaker else None)
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
    key: str, speakers: list[Speaker], entities: list[Any], mentioned: list[str]
) -> dict[str, Any]:
    names = Counter(s.name for s in speakers) + Counter(e["name"] for e in entities)
    name = names.most_common(1)[0][0]
    others = [*names, *mentioned]
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


DOCUMENTS_SHOWN = 50


def _items(
    store: Store, key: str, page: list[Light], documents: _Documents, entity_ids: set[str]
) -> list[dict[str, Any]]:
    """The page's items, read whole."""
    wanted = {id_ for *_, kind, id_ in page if kind != "event"}
    attributions = {}
    for doc in dict.fromkeys(doc for _, doc, _, kind, _ in page if kind != "event"):
        for attribution in store.attributions(doc):
            if attribution.id in wanted:
                attributions[attribution.id] = attribution
    events = events_by_id(store, [id_ for *_, kind, id_ in page if kind == "event"])
    items = []
    for _, doc, _, kind, id_ in page:
        context = documents.get(doc)
        if context is None:
            continue
        if kind == "event":
            event = events[id_]
            items.append(_event_item(event, event_roles(event, key, entity_ids), context))
        else:
            items.append(_statement(kind, attributions[id_], context))
    claims = claim_summaries(store, [id_ for *_, id_ in page])
    for item in items:
        record = item["event"] if item["type"] == "event" else item["attribution"]
        item["claim"] = claims.get(record["id"])
    return items


def _gathered(store: Store, key: str, known: Words) -> dict[str, Any] | None:
    """What the dossier of ``key`` holds: who it is, its documents and its items, light and
    in order; None when nothing has that key."""
    group, _, rest = key.partition("/")
    speakers: list[Speaker] = []
    entities: list[dict[str, Any]] = []
    if group != "actor":
        speakers = key_speakers(store, key, known)
    if group == "named":
        entities = key_entities(store, key, {s.entity for s in speakers if s.entity}, known)
    actor = None
    if group in ("named", "actor"):
        asked = rest if group == "actor" else None
        actor, speakers, entities = actor_members(store, asked, speakers, entities)
    if not speakers and not entities:
        return None
    entity_ids = {e["id"] for e in entities}
    mentioned = mention_texts(store, entity_ids)
    described = mention_texts(store, entity_ids, described=True)
    own = {s.id for s in speakers}
    extracted = has_events(store)
    found = said_by(store, own) + said_about(store, entity_ids, own)
    if extracted:
        found += events_of_parties(store, *event_parties(key, entity_ids, known))
    found.sort()
    docs = list(dict.fromkeys([*(s.doc for s in speakers), *(e["doc"] for e in entities)]))
    identity = _identity(key, speakers, entities, mentioned)
    folded = {text.casefold(): text for text in described}
    identity["mentioned_as"] = sorted(folded.values(), key=str.casefold)
    if actor is not None:
        identity["actor"] = actor_identity(store, actor, known_actors(Settings()))
        identity["name"] = identity["actor"]["name"]
    return {
        "identity": identity,
        "entity_ids": entity_ids,
        "docs": docs,
        "extracted": extracted,
        "items": found,
    }


def dossier(
    store: Store, key: str, *, window: Window | None = None, kept: KeptAt | None = None
) -> dict[str, Any] | None:
    """The dossier of the speaker or actor with this key, one page of its items, or None if
    there is none."""
    window = window or Window()
    group, _, rest = key.partition("/")
    if group not in GROUPS or not rest:
        return None
    kept = kept or KeptAt()
    gathered = kept.get(
        ("dossier", key),
        lambda: _gathered(store, key, words(store, kept)),
        size=lambda found: 1 + (len(found["items"]) + len(found["docs"]) if found else 0),
    )
    if gathered is None:
        return None
    found, extracted = gathered["items"], gathered["extracted"]
    documents = _Documents(store)
    kinds = Counter(kind for *_, kind, _ in found)
    shown = _documents_shown(store, gathered["docs"][:DOCUMENTS_SHOWN])
    return {
        **gathered["identity"],
        "documents": shown,
        "documents_total": len(gathered["docs"]),
        "said": kinds["said"],
        "about": kinds["about"],
        "events": kinds["event"] if extracted else None,
        "events_note": None if extracted else NOT_EXTRACTED,
        **paged(window, len(found)),
        "items": kept.get(
            ("dossier page", key, window.page, window.per_page),
            lambda: _items(store, key, window.cut(found), documents, gathered["entity_ids"]),
        ),
    }


def _documents_shown(store: Store, docs: list[str]) -> list[dict[str, Any]]:
    found = document_briefs(store, docs)
    return [
        {"id": doc, "title": found[doc]["title"], "outlet": found[doc]["outlet"],
         "language": found[doc]["language"], "page": article_path(doc)}
        for doc in docs
        if doc in found
    ]  # fmt: skip
