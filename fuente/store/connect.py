"""Opening the database: for writing (creating and migrating it, safe with other writers) or
read-only (never creating anything). Both refuse a damaged database."""

from __future__ import annotations

import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import quote

from fuente.errors import StoreError, message
from fuente.store.database import Store
from fuente.store.health import LOCK_TIMEOUT, is_locked, quick_check, store_error
from fuente.store.migrations import MIGRATIONS, migrate, schema_version

__all__ = ["Connection", "open_reader", "open_store"]

Connection = sqlite3.Connection  # what the corpus passes hand to the store's SQL


def _pragmas(db: sqlite3.Connection, *, lock_timeout: float) -> None:
    db.row_factory = sqlite3.Row
    db.execute(f"PRAGMA busy_timeout = {int(lock_timeout * 1000)}")


def open_store(
    path: str | Path, *, lock_timeout: float = LOCK_TIMEOUT, damaged: bool = False
) -> Store:
    """Open the database at ``path`` for writing, creating and migrating it as needed;
    ":memory:" works too. Refuses a damaged database, unless ``damaged`` (for ``check``,
    which then neither checks nor migrates it at open)."""
    path = str(path)
    try:
        db = sqlite3.connect(
            path, isolation_level=None, check_same_thread=False, timeout=lock_timeout
        )
    except sqlite3.Error as error:
        raise store_error(error, path, lock_timeout=lock_timeout, opening=True) from None
    try:
        _pragmas(db, lock_timeout=lock_timeout)
        _until(lambda: db.execute("PRAGMA journal_mode = WAL"), lock_timeout)
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        if not damaged:
            quick_check(db, path)
        found = schema_version(db)
        if found > len(MIGRATIONS):
            raise StoreError(message("E021", path=path, found=found, known=len(MIGRATIONS)))
        if not damaged:
            _until(lambda: _migrate(db), lock_timeout)
    except sqlite3.Error as error:
        db.close()
        raise store_error(error, path, lock_timeout=lock_timeout, opening=True) from None
    except BaseException:
        db.close()
        raise
    return Store(db, path, lock_timeout=lock_timeout)


CHECKPOINT_PAGES = 1000  # SQLite's default: the log is moved into the file past this many pages
MIGRATION_CHECKPOINT_PAGES = 16


def _migrate(db: sqlite3.Connection) -> None:
    """Apply the missing migrations; after any, move the schema from the write-ahead log into
    the database file, so that the log starts empty (a new database's schema would otherwise
    take log space the first documents need, on a small disk)."""
    if schema_version(db) >= len(MIGRATIONS):
        return
    # each migration's pages go back to the file as it commits, so the log never holds the
    # whole schema at once
    db.execute(f"PRAGMA wal_autocheckpoint = {MIGRATION_CHECKPOINT_PAGES}")
    try:
        if migrate(db):
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.execute(f"PRAGMA wal_autocheckpoint = {CHECKPOINT_PAGES}")


def _until(step: Callable[[], object], lock_timeout: float) -> None:
    """Run ``step``, trying again while another connection holds a lock, for ``lock_timeout``
    seconds at most (a busy handler does not cover every case: changing the journal mode,
    or a lock met while the schema is being created)."""
    deadline = time.monotonic() + lock_timeout
    while True:
        try:
            step()
            return
        except sqlite3.OperationalError as error:
            if not is_locked(error) or time.monotonic() >= deadline:
                raise
            time.sleep(0.05)


def open_reader(path: str | Path, *, check_damage: bool = True) -> Store:
    """Open the existing database at ``path`` read-only; never creates or changes a file.

    The connection is ``mode=ro``; where that cannot open it (a database in a folder that
    cannot be written, which SQLite needs for WAL's shared-memory file) it is opened
    ``immutable``, which is right there since nothing can write to it either. Raises
    StoreError when there is no database at ``path``, when its schema is newer than this
    fuente's, and (with ``check_damage``) when ``quick_check`` finds it damaged. A database
    made by an older fuente is migrated first where it can be written.
    """
    path = str(path)
    if not os.path.isfile(path):
        raise StoreError(message("E025", path=path))
    uri = "file:" + quote(os.path.abspath(path))
    last: sqlite3.Error | None = None
    for options in ("mode=ro", "mode=ro&immutable=1"):
        try:
            db = sqlite3.connect(
                f"{uri}?{options}",
                uri=True,
                isolation_level=None,
                check_same_thread=False,
                timeout=LOCK_TIMEOUT,
            )
        except sqlite3.Error as error:
            last = error
            continue
        try:
            _pragmas(db, lock_timeout=LOCK_TIMEOUT)
            db.execute("PRAGMA query_only = ON")
            found = schema_version(db)
            if check_damage:
                quick_check(db, path)
        except sqlite3.OperationalError as error:
            db.close()
            last = error
            if "unable to open" in str(error) or "readonly" in str(error):
                continue
            raise store_error(error, path, opening=True) from None
        except sqlite3.Error as error:
            db.close()
            raise store_error(error, path, opening=True) from None
        except BaseException:
            db.close()
            raise
        if found > len(MIGRATIONS):
            db.close()
            raise StoreError(message("E021", path=path, found=found, known=len(MIGRATIONS)))
        folder = os.path.dirname(os.path.abspath(path))
        if found < len(MIGRATIONS) and os.access(path, os.W_OK) and os.access(folder, os.W_OK):
            db.close()  # made by an older fuente: migrated first, where it can be written
            open_store(path).close()
            return open_reader(path, check_damage=False)
        return Store(db, path)
    if last is None:
        raise StoreError(message("E025", path=path))
    raise store_error(last, path, opening=True)
