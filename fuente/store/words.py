"""Reads by words: the distinct words records have, and the records that have given words.

A dossier key is made from a speaker's or entity's words (``fuente.query.keys``), so the
database cannot be asked for it directly; ``fuente.query.key_lookup`` reads the distinct
words there are (``distinct_words``), finds those that make a key, and reads only the rows
that have them (``speakers_with``, ``entities_with``, ``party_condition``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from fuente.records import Speaker
from fuente.store.attributions import SPEAKER_COLUMNS
from fuente.store.reads import IN_JSON, as_json, has_events

if TYPE_CHECKING:
    from fuente.store.database import Store

__all__ = [
    "SIDES", "distinct_words", "entities_with", "party_condition", "speakers_of", "speakers_with",
]  # fmt: skip

SIDES = ("source", "target")
DESCRIBED = "coalesce(nullif(description, ''), name)"  # an unnamed speaker's words
SPEAKERS_BY = {  # a group of dossier keys: which speakers, and the words they are found by
    "named": ("kind NOT IN ('unnamed', 'author')", "name"),
    "unnamed": ("kind = 'unnamed'", DESCRIBED),
    "author": ("kind = 'author'", "doc"),
}


def distinct_words(store: Store) -> dict[str, list[Any]]:
    """The distinct words of the database: ``named`` (named speakers' names), ``unnamed``
    (unnamed speakers' descriptions), ``authors`` (the documents of author speakers),
    ``entities`` (entities' names) and, for each side of an event, ``source``/``target``
    (``(words, entity id)`` pairs; none when events are not extracted)."""
    db = store.db
    found: dict[str, list[Any]] = {}
    for group, name in (("named", "named"), ("unnamed", "unnamed"), ("author", "authors")):
        where, what = SPEAKERS_BY[group]
        rows = db.execute(f"SELECT DISTINCT {what} FROM speakers WHERE {where}")
        found[name] = [row[0] for row in rows]
    found["entities"] = [row[0] for row in db.execute("SELECT DISTINCT name FROM entities")]
    events = has_events(store)
    for side in SIDES:
        found[side] = []
        if events:
            rows = db.execute(f"SELECT DISTINCT {side}_text, {side}_entity FROM events")
            found[side] = [tuple(row) for row in rows]
    return found


def speakers_with(store: Store, group: str, words: Iterable[str]) -> list[Speaker]:
    """The speakers of ``group`` (a dossier key's: named, unnamed, author) whose words
    (name, description, document) are one of ``words``, by document."""
    where, what = SPEAKERS_BY[group]
    rows = store.db.execute(
        f"SELECT {', '.join(SPEAKER_COLUMNS)} FROM speakers WHERE {where} AND {what} {IN_JSON} "
        "ORDER BY doc, rowid",
        (as_json(words),),
    )
    return [Speaker(*row) for row in rows]


def speakers_of(store: Store, refs: Iterable[str]) -> list[Speaker]:
    """The speakers whose id, or whose entity's id, is one of ``refs``, by document."""
    refs = list(refs)
    rows = store.db.execute(
        f"SELECT {', '.join(SPEAKER_COLUMNS)} FROM speakers WHERE id {IN_JSON} "
        f"OR entity {IN_JSON} ORDER BY doc, rowid",
        (as_json(refs), as_json(refs)),
    )
    return [Speaker(*row) for row in rows]


def entities_with(store: Store, names: Iterable[str], ids: Iterable[str]) -> list[dict[str, Any]]:
    """``{id, doc, name, type}`` of the entities named one of ``names`` or with one of
    ``ids``, in document order."""
    rows = store.db.execute(
        f"SELECT id, doc, name, type FROM entities WHERE name {IN_JSON} OR id {IN_JSON} "
        "ORDER BY doc, rowid",
        (as_json(names), as_json(ids)),
    )
    return [dict(row) for row in rows]


def party_condition(texts: Iterable[str], entities: Iterable[str]) -> tuple[str, tuple[str, ...]]:
    """An SQL condition on ``events e`` for an event with a party whose words are one of
    ``texts`` or whose entity is one of ``entities``."""
    parts = []
    for side in SIDES:
        parts.append(f"e.{side}_text {IN_JSON}")
        parts.append(f"e.{side}_entity {IN_JSON}")
    values = (as_json(texts), as_json(entities)) * len(SIDES)
    return "(" + " OR ".join(parts) + ")", values
