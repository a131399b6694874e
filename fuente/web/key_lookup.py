"""Finding what a dossier key gathers: its speakers, its entities, the events it is party to.

A key is made from a speaker's or entity's words (``fuente.web.keys``), so the database
cannot be asked for it directly. ``Words`` reads the distinct words there are (names,
descriptions, event parties), which are far fewer than the rows, and sorts them by the key
they make (slugs are remembered between requests); the lookups then read only the rows that
have the words of the key asked for. A request keeps its ``Words`` with what it keeps for
the database's version (``fuente.web.kept``).
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from fuente.records import Speaker
from fuente.store.attributions import SPEAKER_COLUMNS
from fuente.store.database import Store
from fuente.web.kept import KeptAt
from fuente.web.keys import slug, speaker_key

__all__ = [
    "Words",
    "cached_key",
    "cached_slug",
    "event_parties",
    "key_entities",
    "key_speakers",
    "party_condition",
    "words",
]

SIDES = ("source", "target")
KeysByWord = defaultdict[str, list[str]]


@lru_cache(maxsize=1 << 16)
def cached_slug(text: str) -> str:
    return slug(text)


@lru_cache(maxsize=1 << 16)
def cached_key(kind: str, name: str, description: str | None, doc: str) -> str:
    """``speaker_key`` of a speaker with these words, remembered."""
    return speaker_key(Speaker("", doc, kind, name, "", description=description))


def _found() -> KeysByWord:
    return defaultdict(list)


@dataclass(slots=True)
class Words:
    """The distinct words of the database, by the key (or, for event parties, the slug)
    they make: named speakers' names, unnamed speakers' descriptions, the documents of
    author speakers, entities' names, and the words and entity ids of event parties."""

    named: KeysByWord = field(default_factory=_found)
    unnamed: KeysByWord = field(default_factory=_found)
    authors: KeysByWord = field(default_factory=_found)
    entities: KeysByWord = field(default_factory=_found)
    party_texts: KeysByWord = field(default_factory=_found)
    party_entities: KeysByWord = field(default_factory=_found)

    def __len__(self) -> int:
        return sum(len(found) for found in (self.named, self.unnamed, self.entities))


def _read_words(store: Store) -> Words:
    found = Words()
    db = store.db
    speakers = "SELECT DISTINCT {what} FROM speakers WHERE {where}"
    for (name,) in db.execute(
        speakers.format(what="name", where="kind NOT IN ('unnamed', 'author')")
    ):
        found.named[f"named/{cached_slug(name)}"].append(name)
    described = "coalesce(nullif(description, ''), name)"
    for (words,) in db.execute(speakers.format(what=described, where="kind = 'unnamed'")):
        found.unnamed[f"unnamed/{cached_slug(words)}"].append(words)
    for (doc,) in db.execute(speakers.format(what="doc", where="kind = 'author'")):
        found.authors[f"author/{cached_slug(doc)}"].append(doc)
    for (name,) in db.execute("SELECT DISTINCT name FROM entities"):
        found.entities[f"named/{cached_slug(name)}"].append(name)
    if db.execute("SELECT 1 FROM sqlite_master WHERE name = 'events'").fetchone():
        for side in SIDES:
            for text, entity in db.execute(
                f"SELECT DISTINCT {side}_text, {side}_entity FROM events"
            ):
                if text and text not in found.party_texts[cached_slug(text)]:
                    found.party_texts[cached_slug(text)].append(text)
                if entity and entity not in found.party_entities[cached_slug(entity)]:
                    found.party_entities[cached_slug(entity)].append(entity)
    return found


def words(store: Store, kept: KeptAt | None = None) -> Words:
    """The database's ``Words``, as kept for this request's version."""
    return (kept or KeptAt()).get(("words",), lambda: _read_words(store))


def _json(values: Any) -> str:
    return json.dumps(sorted(values), ensure_ascii=False)


def key_speakers(store: Store, key: str, found: Words) -> list[Speaker]:
    """The speakers, of every document, whose dossier key is ``key``."""
    group = key.partition("/")[0]
    if group == "author":
        where, value = "kind = 'author' AND doc IN (SELECT value FROM json_each(?))", found.authors
    elif group == "unnamed":
        where = (
            "kind = 'unnamed' AND coalesce(nullif(description, ''), name) IN "
            "(SELECT value FROM json_each(?))"
        )
        value = found.unnamed
    else:
        where = "kind NOT IN ('unnamed', 'author') AND name IN (SELECT value FROM json_each(?))"
        value = found.named
    if not value.get(key):
        return []
    rows = store.db.execute(
        f"SELECT {', '.join(SPEAKER_COLUMNS)} FROM speakers WHERE {where} ORDER BY doc, rowid",
        (_json(value[key]),),
    )
    return [Speaker(*row) for row in rows]


def key_entities(store: Store, key: str, linked: set[str], found: Words) -> list[dict[str, Any]]:
    """The entities whose name has the key ``key`` (a ``named/`` one), and those ``linked``
    (the ids speakers of that key are), in document order."""
    rows = store.db.execute(
        "SELECT id, doc, name, type FROM entities WHERE name IN (SELECT value FROM json_each(?)) "
        "OR id IN (SELECT value FROM json_each(?)) ORDER BY doc, rowid",
        (_json(found.entities.get(key, ())), _json(linked)),
    )
    return [dict(row) for row in rows]


def event_parties(key: str, entity_ids: set[str], found: Words) -> tuple[list[str], list[str]]:
    """What a party to an event of ``key`` may be: its words (whose slug is the key's), and
    its entity ids (``entity_ids``, and any id whose own key is ``key``)."""
    group, _, rest = key.partition("/")
    entities = set(entity_ids)
    if group == "named":
        entities.update(found.party_entities.get(rest, ()))
    return sorted(found.party_texts.get(rest, ())), sorted(entities)


def party_condition(texts: list[str], entities: list[str]) -> tuple[str, tuple[str, ...]]:
    """An SQL condition on ``events e`` for an event with one of these parties."""
    parts = []
    for side in SIDES:
        parts.append(f"e.{side}_text IN (SELECT value FROM json_each(?))")
        parts.append(f"e.{side}_entity IN (SELECT value FROM json_each(?))")
    values = (_json(texts), _json(entities)) * len(SIDES)
    return "(" + " OR ".join(parts) + ")", values
