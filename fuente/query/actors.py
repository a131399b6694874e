"""Actors across articles as rows: the table ``fuente export actors`` writes, one actor with
every name that links to it and why (``fuente actors show``), and what a dossier gathers
of an actor (``actor_members``, ``actor_identity``)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from fuente.actors.known import KnownActors
from fuente.records import Speaker
from fuente.store.actors import (
    StoredActor,
    actor_link_rows,
    actors_of,
    read_actor,
    read_actors,
    refs_of,
)
from fuente.store.database import Store
from fuente.store.words import entities_with, speakers_of

__all__ = ["actor_detail", "actor_identity", "actor_members", "actor_rows"]


def _row(actor: StoredActor) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "kb": actor.kb,
        "country": actor.country,
        "sector": actor.sector,
        "aliases": actor.aliases,
        "mentions": sum(actor.aliases.values()),
        "version": actor.version,
    }


def actor_rows(store: Store) -> Iterator[dict[str, Any]]:
    """Every corpus-wide actor, the most mentioned first, with its aliases and their counts."""
    rows = [_row(actor) for actor in read_actors(store.db)]
    yield from sorted(rows, key=lambda row: (-row["mentions"], row["id"]))


def actor_detail(store: Store, actor_id: str) -> dict[str, Any] | None:
    """One actor and its links: each document's name for it, the forms written there, and
    the reason the name joined (or founded) it. None when there is no such actor."""
    actor = read_actor(store.db, actor_id)
    if actor is None:
        return None
    return {**_row(actor), "links": actor_link_rows(store.db, actor_id)}


def _merged(first: list[Any], more: list[Any], id_of: Callable[[Any], str]) -> list[Any]:
    seen = {id_of(item) for item in first}
    return first + [item for item in more if id_of(item) not in seen]


def actor_members(
    store: Store, actor: str | None, speakers: list[Speaker], entities: list[dict[str, Any]]
) -> tuple[str | None, list[Speaker], list[dict[str, Any]]]:
    """A dossier's speakers and entities, widened to their corpus-wide actor.

    ``actor`` asked for by id (an ``actor/`` key) gathers everything linked to it; else the
    speakers and entities a key found are widened to the actor they are linked to, when it
    is one actor (a key whose names link to two, "Clinton" for Bill and for Hillary, stays
    as the words found it). Returns the actor (or None), the speakers and the entities."""
    refs = [*(s.id for s in speakers), *(s.entity for s in speakers if s.entity)]
    refs += [entity["id"] for entity in entities]
    linked = {actor} if actor else actors_of(store.db, refs)
    if len(linked) != 1 or read_actor(store.db, next(iter(linked))) is None:
        return None, speakers, entities
    (actor,) = linked
    members = refs_of(store.db, [actor])
    speakers = _merged(speakers, speakers_of(store, members), lambda s: s.id)
    entities = _merged(entities, entities_with(store, (), members), lambda e: e["id"])
    return actor, speakers, entities


def actor_identity(store: Store, actor_id: str, known: KnownActors) -> dict[str, Any] | None:
    """Who an actor is, for its dossier: its row, with its roles from the knowledge base."""
    actor = read_actor(store.db, actor_id)
    if actor is None:
        return None
    entry = known.by_id(actor.kb) if actor.kb else None
    roles = [
        {"office": role.office, "country": role.country, "sector": role.sector,
         "from": role.start, "to": role.end}
        for role in (entry.roles if entry else ())
    ]  # fmt: skip
    return {**_row(actor), "roles": roles, "wikidata": entry.wikidata if entry else None}
