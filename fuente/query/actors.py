"""Actors across articles as rows: the table ``fuente export actors`` writes, and one actor
with every name that links to it and why (``fuente actors show``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fuente.store.actors import StoredActor, actor_link_rows, read_actor, read_actors
from fuente.store.database import Store

__all__ = ["actor_detail", "actor_rows"]


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
