"""The database's health: SQLite's failures as the catalogue's one-line errors, and checks
for damage (``quick_check`` at every open, the full ``check`` behind ``fuente check``)."""

from __future__ import annotations

import os
import sqlite3
from typing import TYPE_CHECKING

from fuente.errors import StoreError, message
from fuente.store.search_index import fill_search_index

if TYPE_CHECKING:
    from fuente.store.database import Store

__all__ = ["check", "is_locked", "quick_check", "store_error"]

LOCK_TIMEOUT = 30.0  # seconds a writer waits for another's lock before giving up


def is_locked(error: sqlite3.Error) -> bool:
    text = str(error).lower()
    return "locked" in text or "busy" in text


def store_error(
    error: sqlite3.Error, path: str, *, lock_timeout: float = LOCK_TIMEOUT, opening: bool = False
) -> StoreError:
    """The catalogue's one-line error for an SQLite failure on the database at ``path``."""
    text = str(error).lower()
    if is_locked(error):
        return StoreError(message("E028", path=path, seconds=f"{lock_timeout:g}"))
    if "readonly" in text or "read-only" in text:
        return StoreError(message("E027", path=path, what=_read_only_part(path)))
    if "disk is full" in text or "disk or database is full" in text:
        return StoreError(message("E026", path=path))
    if "malformed" in text or "not a database" in text or "corrupt" in text:
        return StoreError(message("E029", path=path, reason=str(error)))
    if "unable to open" in text:
        return StoreError(message("E020", path=path, reason=f"{error} ({_read_only_part(path)})"))
    return StoreError(message("E020" if opening else "E082", path=path, reason=error))


def _read_only_part(path: str) -> str:
    """Which of the file and its folder cannot be written, in words."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    if os.path.exists(path) and not os.access(path, os.W_OK):
        return "the file is read-only"
    if not os.access(folder, os.W_OK):
        return f"its folder {folder} is read-only"
    return "the file or its folder cannot be written"


def quick_check(db: sqlite3.Connection, path: str) -> None:
    """Refuse a damaged database: SQLite's quick_check, cheap enough for every open."""
    if path == ":memory:" or path == "":
        return
    problems = [row[0] for row in db.execute("PRAGMA quick_check(5)")]
    if problems != ["ok"]:
        raise StoreError(message("E029", path=path, reason=_one_line(problems)))


def _one_line(problems: list[str]) -> str:
    """SQLite's report of damage (rows that may hold several lines) as one short line."""
    lines = [line.strip(" *") for problem in problems for line in problem.splitlines()]
    shown = "; ".join(line for line in lines if line and line != "in database main")
    return shown if len(shown) <= 200 else shown[:199] + "…"


def check(store: Store, *, repair: bool = False) -> list[str]:
    """The problems SQLite's full ``integrity_check`` and the search index's own check find
    (empty when the database is sound). With ``repair``, first rebuild every index and the
    search index from the stored documents, then check again."""
    db = store.db
    unrepaired = []
    if repair:
        try:
            db.execute("BEGIN IMMEDIATE")
            db.execute("REINDEX")
            fill_search_index(db, rebuild=True)
            db.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            if db.in_transaction:
                db.execute("ROLLBACK")
            unrepaired = [f"the indexes could not be rebuilt ({error})"]
    try:
        problems = [row[0] for row in db.execute("PRAGMA integrity_check(20)")]
    except sqlite3.DatabaseError as error:
        problems = [str(error)]
    problems = [] if problems == ["ok"] else [_one_line(problems)]
    for table in ("documents_search", "attributions_search"):
        try:
            db.execute(f"INSERT INTO {table} ({table}) VALUES ('integrity-check')")
        except sqlite3.OperationalError as error:
            if "no such table" not in str(error):  # a database from before the search index
                raise store_error(error, store.path) from None
        except sqlite3.DatabaseError as error:
            problems.append(f"{table}: {error}")
    return unrepaired + problems if problems else []
