"""Finding what a dossier key gathers: its speakers, its entities, the events it is party to.

A key is made from a speaker's or entity's words (``fuente.query.keys``), so the database
cannot be asked for it directly. ``Words`` reads the distinct words there are (names,
descriptions, event parties), which are far fewer than the rows, and sorts them by the key
they make (slugs are remembered between requests); the lookups then read only the rows that
have the words of the key asked for. A request keeps its ``Words`` with what it keeps for
the database's version (``fuente.query.kept``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from fuente.query.kept import KeptAt
from fuente.query.keys import slug, speaker_key
from fuente.records import Speaker
from fuente.store.database import Store
from fuente.store.words import SIDES, distinct_words, entities_with, speakers_with

__all__ = [
    "Words",
    "cached_key",
    "cached_slug",
    "event_parties",
    "key_entities",
    "key_speakers",
    "words",
]

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
    read = distinct_words(store)
    for name in read["named"]:
        found.named[f"named/{cached_slug(name)}"].append(name)
    for words in read["unnamed"]:
        found.unnamed[f"unnamed/{cached_slug(words)}"].append(words)
    for doc in read["authors"]:
        found.authors[f"author/{cached_slug(doc)}"].append(doc)
    for name in read["entities"]:
        found.entities[f"named/{cached_slug(name)}"].append(name)
    for side in SIDES:
        for text, entity in read[side]:
            if text and text not in found.party_texts[cached_slug(text)]:
                found.party_texts[cached_slug(text)].append(text)
            if entity and entity not in found.party_entities[cached_slug(entity)]:
                found.party_entities[cached_slug(entity)].append(entity)
    return found


def words(store: Store, kept: KeptAt | None = None) -> Words:
    """The database's ``Words``, as kept for this request's version."""
    return (kept or KeptAt()).get(("words",), lambda: _read_words(store))


def key_speakers(store: Store, key: str, found: Words) -> list[Speaker]:
    """The speakers, of every document, whose dossier key is ``key``."""
    group = key.partition("/")[0]
    if group not in ("author", "unnamed"):
        group = "named"
    by_key = {"author": found.authors, "unnamed": found.unnamed, "named": found.named}[group]
    if not by_key.get(key):
        return []
    return speakers_with(store, group, by_key[key])


def key_entities(store: Store, key: str, linked: set[str], found: Words) -> list[dict[str, Any]]:
    """The entities whose name has the key ``key`` (a ``named/`` one), and those ``linked``
    (the ids speakers of that key are), in document order."""
    return entities_with(store, found.entities.get(key, ()), linked)


def event_parties(key: str, entity_ids: set[str], found: Words) -> tuple[list[str], list[str]]:
    """What a party to an event of ``key`` may be: its words (whose slug is the key's), and
    its entity ids (``entity_ids``, and any id whose own key is ``key``)."""
    group, _, rest = key.partition("/")
    entities = set(entity_ids)
    if group == "named":
        entities.update(found.party_entities.get(rest, ()))
    return sorted(found.party_texts.get(rest, ())), sorted(entities)
