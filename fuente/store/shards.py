"""The shard ledger in SQL: which shards of input a sharded run has stored whole (migration 13
has the table). A shard's id is made from its files (``fuente.shards``); the ledger only keeps
it, so that a later run over the same files can skip what is stored already.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from fuente.store.database import Store

__all__ = ["record_shard", "stored_shards"]


def stored_shards(store: Store, ids: Iterable[str]) -> set[str]:
    """Those of ``ids`` the ledger holds: shards an earlier run stored whole."""
    wanted = list(ids)
    found: set[str] = set()
    for start in range(0, len(wanted), 500):  # under SQLite's limit on bound parameters
        chunk = wanted[start : start + 500]
        marks = ", ".join("?" * len(chunk))
        rows = store.db.execute(f"SELECT id FROM shards WHERE id IN ({marks})", chunk)
        found.update(row[0] for row in rows)
    return found


def record_shard(store: Store, shard_id: str, *, files: int) -> None:
    """Note in its own transaction that every input of the shard ``shard_id`` is stored."""
    at = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    store.atomic(
        lambda db: db.execute(
            "INSERT OR REPLACE INTO shards (id, files, stored_at) VALUES (?, ?, ?)",
            (shard_id, files, at),
        )
    )
