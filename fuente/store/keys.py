"""Blocking keys in SQL: the tables that file a corpus pass's records under keys (claims,
contradictions), so that a new record is compared only with those sharing keys with it."""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable

__all__ = ["KEY_TABLES", "add_keys", "keyed"]

KEY_TABLES = frozenset({"claim_keys", "contradiction_keys"})  # each (key, ref, doc)
CHUNK = 500  # keys looked up at once


def keyed(db: sqlite3.Connection, table: str, keys: Iterable[str], *, doc: str) -> Counter[str]:
    """How many of ``keys`` each record of the documents other than ``doc`` is filed under
    in ``table``."""
    if table not in KEY_TABLES:
        raise ValueError(f"not a key table: {table!r}")
    keys = sorted(set(keys))
    found: Counter[str] = Counter()
    for start in range(0, len(keys), CHUNK):
        rows = db.execute(
            f"SELECT ref, count(*) FROM {table} WHERE key IN (SELECT value FROM json_each(?)) "
            "AND doc != ? GROUP BY ref",
            (json.dumps(keys[start : start + CHUNK], ensure_ascii=False), doc),
        )
        found.update(dict(rows.fetchall()))
    return found


def add_keys(db: sqlite3.Connection, table: str, ref: str, doc: str, keys: Iterable[str]) -> None:
    """File record ``ref`` of ``doc`` under ``keys`` in ``table``."""
    if table not in KEY_TABLES:
        raise ValueError(f"not a key table: {table!r}")
    db.executemany(
        f"INSERT OR IGNORE INTO {table} (key, ref, doc) VALUES (?, ?, ?)",
        [(key, ref, doc) for key in sorted(keys)],
    )
