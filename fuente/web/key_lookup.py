"""Finding what a dossier key gathers: its speakers, its entities, the events it is party to.

A key is made from a speaker's or entity's words (``fuente.web.keys``), so the database
cannot be asked for it directly. Each lookup reads the distinct words there are (names,
descriptions, event parties), which are far fewer than the rows, finds those whose key is
the one asked for (slugs are remembered between requests), then reads only the rows that
have them.
"""

from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

from fuente.records import Speaker
from fuente.store import Store
from fuente.store_attributions import SPEAKER_COLUMNS
from fuente.web.keys import slug, speaker_key

__all__ = [
    "cached_key",
    "cached_slug",
    "event_parties",
    "key_entities",
    "key_speakers",
    "party_condition",
]

SIDES = ("source", "target")


@lru_cache(maxsize=1 << 16)
def cached_slug(text: str) -> str:
    return slug(text)


@lru_cache(maxsize=1 << 16)
def cached_key(kind: str, name: str, description: str | None, doc: str) -> str:
    """``speaker_key`` of a speaker with these words, remembered."""
    return speaker_key(Speaker("", doc, kind, name, "", description=description))


def _json(values: Any) -> str:
    return json.dumps(sorted(values), ensure_ascii=False)


def key_speakers(store: Store, key: str) -> list[Speaker]:
    """The speakers, of every document, whose dossier key is ``key``."""
    group, _, rest = key.partition("/")
    columns = ", ".join(SPEAKER_COLUMNS)
    if group == "author":
        docs = [
            d
            for (d,) in store.db.execute("SELECT DISTINCT doc FROM speakers WHERE kind = 'author'")
            if cached_slug(d) == rest
        ]
        where, value = "kind = 'author' AND doc IN (SELECT value FROM json_each(?))", docs
    elif group == "unnamed":
        found = store.db.execute(
            "SELECT DISTINCT coalesce(nullif(description, ''), name) FROM speakers "
            "WHERE kind = 'unnamed'"
        )
        words = [w for (w,) in found if cached_slug(w) == rest]
        where = (
            "kind = 'unnamed' AND coalesce(nullif(description, ''), name) IN "
            "(SELECT value FROM json_each(?))"
        )
        value = words
    else:
        found = store.db.execute(
            "SELECT DISTINCT name FROM speakers WHERE kind NOT IN ('unnamed', 'author')"
        )
        names = [n for (n,) in found if cached_slug(n) == rest]
        where = "kind NOT IN ('unnamed', 'author') AND name IN (SELECT value FROM json_each(?))"
        value = names
    if not value:
        return []
    rows = store.db.execute(
        f"SELECT {columns} FROM speakers WHERE {where} ORDER BY doc, rowid", (_json(value),)
    )
    return [Speaker(*row) for row in rows]


def key_entities(store: Store, key: str, linked: set[str]) -> list[dict[str, Any]]:
    """The entities whose name has the key ``key`` (a ``named/`` one), and those ``linked``
    (the ids speakers of that key are), in document order."""
    rest = key.partition("/")[2]
    names = [
        n
        for (n,) in store.db.execute("SELECT DISTINCT name FROM entities")
        if cached_slug(n) == rest
    ]
    rows = store.db.execute(
        "SELECT id, doc, name, type FROM entities WHERE name IN (SELECT value FROM json_each(?)) "
        "OR id IN (SELECT value FROM json_each(?)) ORDER BY doc, rowid",
        (_json(names), _json(linked)),
    )
    return [dict(row) for row in rows]


def event_parties(store: Store, key: str, entity_ids: set[str]) -> tuple[list[str], list[str]]:
    """What a party to an event of ``key`` may be: its words (whose slug is the key's), and
    its entity ids (``entity_ids``, and any id whose own key is ``key``)."""
    group, _, rest = key.partition("/")
    texts, entities = set(), set(entity_ids)
    for side in SIDES:
        for (text,) in store.db.execute(f"SELECT DISTINCT {side}_text FROM events"):
            if text and cached_slug(text) == rest:
                texts.add(text)
        if group == "named":
            for (entity,) in store.db.execute(f"SELECT DISTINCT {side}_entity FROM events"):
                if entity and cached_slug(entity) == rest:
                    entities.add(entity)
    return sorted(texts), sorted(entities)


def party_condition(texts: list[str], entities: list[str]) -> tuple[str, tuple[str, ...]]:
    """An SQL condition on ``events e`` for an event with one of these parties."""
    parts = []
    for side in SIDES:
        parts.append(f"e.{side}_text IN (SELECT value FROM json_each(?))")
        parts.append(f"e.{side}_entity IN (SELECT value FROM json_each(?))")
    values = (_json(texts), _json(entities)) * len(SIDES)
    return "(" + " OR ".join(parts) + ")", values
