"""Actors across articles in SQL: the names a document gives, candidate actors by key, links.

The decisions are made in ``fuente.actors.identity``; this module only reads what they need
and writes what they decided (migration 8 has the tables).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from fuente.records import DESCRIBED

__all__ = [
    "StoredActor",
    "StoredName",
    "actor_link_rows",
    "actor_names",
    "actors_of",
    "add_actor",
    "add_link",
    "candidate_rows",
    "clear_actors",
    "described_speakers",
    "document_links",
    "link_kinds",
    "mark_linked",
    "names_of",
    "pending_documents",
    "read_actor",
    "read_actors",
    "refs_of",
    "rename_actor",
    "speaker_links",
]

NAMED_TYPES = {"PERSON": "person", "ORG": "organisation"}
CONTEXT = 40  # characters before each mention of a name read for its office ("President ")


@dataclass(frozen=True, slots=True)
class StoredName:
    """A name one document gives, as stored: an entity, or a named speaker without one."""

    ref: str
    doc: str
    kind: str
    name: str
    aliases: dict[str, int]
    published: str | None
    context: str  # the words before each of its mentions, a line each


@dataclass(frozen=True, slots=True)
class StoredActor:
    id: str
    name: str
    kind: str
    kb: str | None
    country: str | None
    sector: str | None
    aliases: dict[str, int]
    version: str


def pending_documents(db: sqlite3.Connection) -> list[str]:
    """Documents not linked yet, oldest first (by date, then id), so a run links them in an
    order that does not depend on the order they were stored in."""
    rows = db.execute(
        "SELECT d.id FROM documents d LEFT JOIN actors_linked l ON l.doc = d.id "
        "WHERE l.doc IS NULL ORDER BY d.published IS NULL, d.published, d.id"
    )
    return [row[0] for row in rows]


def _fuller(name: str, than: str) -> bool:
    """Whether ``name`` is ``than`` with more words before it ("Ana López", "López")."""
    words, shorter = name.split(), than.split()
    return len(words) > len(shorter) and words[-len(shorter) :] == shorter


def names_of(db: sqlite3.Connection, doc: str) -> list[StoredName]:
    """The people and organisations document ``doc`` names, in the order it names them."""
    row = db.execute("SELECT text, published FROM documents WHERE id = ?", (doc,)).fetchone()
    if row is None:
        return []
    text, published = row[0], row[1]
    found: dict[str, StoredName] = {}
    rows = db.execute(
        "SELECT e.id, e.name, e.type, m.start_char, m.text FROM entities e "
        "JOIN mentions m ON m.entity = e.id WHERE e.doc = ? AND e.type IN ('PERSON', 'ORG') "
        "AND m.label != ? ORDER BY e.rowid, m.start_char",
        (doc, DESCRIBED),  # "the senator" is no name of Sanders's to link by
    )
    for ref, name, type_, start, mention in rows:
        before = " ".join(text[max(0, start - CONTEXT) : start].split())
        if ref not in found:
            found[ref] = StoredName(ref, doc, NAMED_TYPES[type_], name, {}, published, before)
        elif before not in found[ref].context.split("\n"):
            found[ref] = replace(found[ref], context=f"{found[ref].context}\n{before}")
        aliases = found[ref].aliases
        aliases[mention] = aliases.get(mention, 0) + 1
    spoken = db.execute(
        "SELECT entity, name FROM speakers WHERE doc = ? AND entity IS NOT NULL ORDER BY rowid",
        (doc,),
    )
    for ref, name in spoken:  # a speaker may be named more fully than its entity: "Ana López"
        if ref in found and _fuller(name, found[ref].name):
            found[ref] = replace(found[ref], name=name)
    speakers = db.execute(
        "SELECT id, kind, name FROM speakers WHERE doc = ? AND entity IS NULL "
        "AND kind IN ('person', 'organisation') ORDER BY rowid",
        (doc,),
    )
    for ref, kind, name in speakers:
        found[ref] = StoredName(ref, doc, kind, name, {name: 1}, published, "")
    return list(found.values())


def described_speakers(db: sqlite3.Connection, doc: str) -> list[StoredName]:
    """The one-person unnamed speakers of document ``doc`` ("Venezuela's interior minister"),
    each as a name whose ``name`` is its description, with the document's date."""
    row = db.execute("SELECT published FROM documents WHERE id = ?", (doc,)).fetchone()
    rows = db.execute(
        "SELECT id, description FROM speakers WHERE doc = ? AND kind = 'unnamed' "
        "AND entity IS NULL AND count = '1' AND description IS NOT NULL ORDER BY rowid",
        (doc,),
    )
    published = row[0] if row else None
    return [StoredName(ref, doc, "person", text, {text: 1}, published, "") for ref, text in rows]


def candidate_rows(db: sqlite3.Connection, keys: Iterable[str]) -> list[StoredActor]:
    """The actors stored under any of ``keys``, with their aliases."""
    keys = list(keys)
    if not keys:
        return []
    marks = ", ".join("?" * len(keys))
    ids = [
        row[0]
        for row in db.execute(
            f"SELECT DISTINCT actor FROM actor_keys WHERE key IN ({marks}) ORDER BY actor", keys
        )
    ]
    return [actor for actor in (read_actor(db, actor_id) for actor_id in ids) if actor]


def read_actor(db: sqlite3.Connection, actor_id: str) -> StoredActor | None:
    row = db.execute(
        "SELECT id, name, kind, kb, country, sector, version FROM actors WHERE id = ?",
        (actor_id,),
    ).fetchone()
    if row is None:
        return None
    aliases = dict(
        db.execute(
            "SELECT alias, count FROM actor_aliases WHERE actor = ? ORDER BY count DESC, alias",
            (actor_id,),
        ).fetchall()
    )
    return StoredActor(*row[:6], aliases=aliases, version=row[6])


def read_actors(db: sqlite3.Connection) -> list[StoredActor]:
    """Every actor, the most linked first."""
    rows = db.execute(
        "SELECT a.id FROM actors a LEFT JOIN actor_links l ON l.actor = a.id "
        "GROUP BY a.id ORDER BY count(l.ref) DESC, a.id"
    )
    return [actor for actor in (read_actor(db, row[0]) for row in rows.fetchall()) if actor]


def actor_link_rows(db: sqlite3.Connection, actor_id: str) -> list[dict[str, Any]]:
    """What links to an actor: each document's name for it, its forms there, and why."""
    rows = db.execute(
        "SELECT ref, doc, name, kind, aliases, reason, version FROM actor_links "
        "WHERE actor = ? ORDER BY doc, ref",
        (actor_id,),
    )
    keys = ("ref", "doc", "name", "kind", "aliases", "reason", "version")
    links = [dict(zip(keys, row, strict=True)) for row in rows]
    for link in links:
        link["aliases"] = json.loads(link["aliases"])
    return links


def add_actor(db: sqlite3.Connection, actor: StoredActor, keys: Iterable[str]) -> str:
    """Store a new actor under an id free of clashes (``id``, ``id-2``, ...); return it."""
    actor_id, number = actor.id, 1
    while db.execute("SELECT 1 FROM actors WHERE id = ?", (actor_id,)).fetchone():
        number += 1
        actor_id = f"{actor.id}-{number}"
    db.execute(
        "INSERT INTO actors (id, name, kind, kb, country, sector, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (actor_id, actor.name, actor.kind, actor.kb, actor.country, actor.sector, actor.version),
    )
    add_keys(db, actor_id, keys)
    return actor_id


def add_keys(db: sqlite3.Connection, actor_id: str, keys: Iterable[str]) -> None:
    db.executemany(
        "INSERT OR IGNORE INTO actor_keys (key, actor) VALUES (?, ?)",
        [(key, actor_id) for key in keys],
    )


def add_link(
    db: sqlite3.Connection, name: StoredName, *, actor: str | None, reason: str, version: str
) -> None:
    db.execute(
        "INSERT OR REPLACE INTO actor_links (ref, doc, actor, name, kind, aliases, reason, "
        "version) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            name.ref, name.doc, actor, name.name, name.kind,
            json.dumps(name.aliases, ensure_ascii=False, sort_keys=True), reason, version,
        ),
    )  # fmt: skip


def rename_actor(db: sqlite3.Connection, actor_id: str, *, name: str, kind: str) -> None:
    db.execute("UPDATE actors SET name = ?, kind = ? WHERE id = ?", (name, kind, actor_id))


def link_kinds(db: sqlite3.Connection, actor_id: str) -> Counter[str]:
    """How often the actor's links were typed a person, an organisation."""
    rows = db.execute("SELECT kind, count FROM actor_kinds WHERE actor = ?", (actor_id,))
    return Counter(dict(rows.fetchall()))


def mark_linked(db: sqlite3.Connection, doc: str, version: str) -> None:
    db.execute("INSERT OR REPLACE INTO actors_linked (doc, version) VALUES (?, ?)", (doc, version))


def clear_actors(db: sqlite3.Connection) -> None:
    """Forget every actor and link, so that the whole database is linked again."""
    for table in (
        "actor_links", "actor_keys", "actor_aliases", "actor_kinds", "actors_linked", "actors",
    ):  # fmt: skip
        db.execute(f"DELETE FROM {table}")


def document_links(db: sqlite3.Connection, doc: str) -> dict[str, str]:
    """The actor each linked entity and speaker of ``doc`` belongs to, by its id (a speaker
    whose entity is linked belongs to that entity's actor)."""
    rows = db.execute(
        "SELECT ref, actor FROM actor_links WHERE doc = ? AND actor IS NOT NULL", (doc,)
    )
    links = dict(rows.fetchall())
    speakers = db.execute(
        "SELECT id, entity FROM speakers WHERE doc = ? AND entity IS NOT NULL", (doc,)
    )
    for speaker, entity in speakers:
        if entity in links and speaker not in links:
            links[speaker] = links[entity]
    return links


def speaker_links(db: sqlite3.Connection, speakers: Iterable[str]) -> dict[str, str]:
    """The actor each of ``speakers`` (speaker ids, of any documents) belongs to: its own
    link, else its entity's (as ``document_links`` reads one document's)."""
    rows = db.execute(
        "SELECT s.id, coalesce(own.actor, named.actor) FROM speakers AS s "
        "LEFT JOIN actor_links AS own ON own.ref = s.id "
        "LEFT JOIN actor_links AS named ON named.ref = s.entity "
        "WHERE s.id IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(set(speakers))),),
    )
    return {speaker: actor for speaker, actor in rows if actor is not None}


def actors_of(db: sqlite3.Connection, refs: Iterable[str]) -> set[str]:
    """The actors any of ``refs`` (entity or speaker ids) is linked to."""
    rows = db.execute(
        "SELECT DISTINCT actor FROM actor_links WHERE actor IS NOT NULL "
        "AND ref IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(set(refs))),),
    )
    return {row[0] for row in rows}


def refs_of(db: sqlite3.Connection, actors: Iterable[str]) -> list[str]:
    """The entity and speaker ids linked to any of ``actors``, in document order."""
    rows = db.execute(
        "SELECT ref FROM actor_links WHERE actor IN (SELECT value FROM json_each(?)) "
        "ORDER BY doc, ref",
        (json.dumps(sorted(set(actors))),),
    )
    return [row[0] for row in rows]


def actor_names(db: sqlite3.Connection) -> list[tuple[str, str]]:
    """``(actor, name)`` for every actor's name and every alias it has been written as."""
    rows = db.execute(
        "SELECT id, name FROM actors UNION SELECT actor, alias FROM actor_aliases ORDER BY 1, 2"
    )
    return [tuple(row) for row in rows]
