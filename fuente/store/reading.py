"""Read connections: the one place that opens the database for reading, with one policy.

``open_read`` opens a read-only connection (``mode=ro``, ``query_only``, a short busy
timeout); ``Connections`` keeps a few of them for one database and lends one at a time (as
Datasette keeps a connection per thread), so a caller does not pay for opening the file
each time. A lent connection reads inside one transaction, so it sees one snapshot even
while an ingest writes (SQLite in WAL mode lets readers and one writer work at once). The
web UI reads through ``Connections`` (by way of ``fuente.query.reading``), the commands that
read open one connection with ``open_read``; the writer is ``fuente.store.connect.open_store``.

``Budget`` bounds a reading: SQLite calls it every ``PROGRESS_STEPS`` virtual machine
instructions, and it stops the query (``DatabaseError``: interrupted) once the deadline has
passed or the reading is over (its client went away, or the server is shutting down).
``Budget.stopped`` then says why.

``Connections.version`` is the database's version (``PRAGMA data_version``, read on a
connection of its own): it changes whenever anyone commits. ``Connections.sound`` says
whether the database passes SQLite's ``quick_check``, checked at most once every
``SOUND_FOR`` seconds, so that "no such article" is only said of a sound database.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from fuente.errors import FuenteError, StoreError, message
from fuente.store.connect import open_reader
from fuente.store.database import Store
from fuente.store.migrations import MIGRATIONS, schema_version

__all__ = [
    "EXPIRED",
    "GONE",
    "PROGRESS_STEPS",
    "SOUND_FOR",
    "Budget",
    "Connections",
    "DatabaseError",
    "check_database",
    "open_read",
    "require_current",
]

DatabaseError = sqlite3.Error  # what a failed read raises, for callers that report it
PROGRESS_STEPS = 50_000  # SQLite virtual machine instructions between two looks at the clock
SOUND_FOR = 60.0  # seconds a passed quick_check is trusted
IDLE = 8  # connections kept open between readings
BUSY_TIMEOUT_MS = 2000  # a reader waits this long for a lock (rare in WAL mode)
EXPIRED, GONE = "expired", "gone"


def open_read(path: str | Path, *, check_damage: bool = False) -> Store:
    """A read-only, ``query_only`` connection to the existing database at ``path``; never
    creates one (``open_reader``; with ``check_damage``, refuses a damaged database)."""
    store = open_reader(path, check_damage=check_damage)
    store.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return store


def check_database(path: str | Path) -> None:
    """Raise ``StoreError`` when the database at ``path`` fails SQLite's quick_check."""
    open_reader(path, check_damage=True).close()


def require_current(path: str) -> None:
    """Refuse a database that is missing or damaged, or whose schema is not this fuente's
    (``open_reader`` upgrades one made by an older fuente where it can write it)."""
    with open_reader(path) as store:
        found = schema_version(store.db)
    if found < len(MIGRATIONS):
        raise StoreError(message("E056", path=path, found=found, known=len(MIGRATIONS)))


class Budget:
    """How long one reading may take: a deadline, and a flag for a reading that is over."""

    def __init__(self, seconds: float, *, over: threading.Event | None = None) -> None:
        self.seconds = seconds
        self.deadline = time.monotonic() + seconds
        self.over = over or threading.Event()
        self.stopped: str | None = None

    def __call__(self) -> int:
        """SQLite's progress handler: non-zero stops the running query."""
        if self.over.is_set():
            self.stopped = GONE
            return 1
        if time.monotonic() > self.deadline:
            self.stopped = EXPIRED
            return 1
        return 0


class Connections:
    """Read-only connections (``open_read``) to the database at ``path``, lent one reading
    at a time; at most ``idle`` are kept open between readings."""

    def __init__(self, path: str, *, idle: int = IDLE) -> None:
        self.path = path
        self._idle_limit = idle
        self._idle: list[Store] = []
        self._active: set[Budget] = set()
        self._lock = threading.Lock()
        self._checked: tuple[float, bool] | None = None
        self._watcher: Store | None = None
        self._watching = threading.Lock()

    def version(self) -> int:
        """The database's version: it changes whenever anyone commits to it."""
        with self._watching:
            if self._watcher is None:
                self._watcher = open_read(self.path)
            return self._watcher.db.execute("PRAGMA data_version").fetchone()[0]

    @contextmanager
    def lend(self, budget: Budget) -> Iterator[Store]:
        """A connection for one reading of one snapshot within ``budget``."""
        store = self._take()
        with self._lock:
            self._active.add(budget)
        db = store.db
        db.set_progress_handler(budget, PROGRESS_STEPS)
        try:
            db.execute("BEGIN")
            db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()  # the snapshot begins
            yield store
        finally:
            with self._lock:
                self._active.discard(budget)
            self._give(store)

    def _take(self) -> Store:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return open_read(self.path)

    def _give(self, store: Store) -> None:
        db = store.db
        healthy = True
        try:
            db.set_progress_handler(None, 0)
            if db.in_transaction:
                db.execute("ROLLBACK")
        except sqlite3.Error:
            healthy = False
        with self._lock:
            if healthy and len(self._idle) < self._idle_limit:
                self._idle.append(store)
                return
        store.close()

    def sound(self) -> bool:
        """Whether the database passes ``quick_check``, as found within ``SOUND_FOR`` s."""
        now = time.monotonic()
        checked = self._checked
        if checked is not None and now - checked[0] < SOUND_FOR:
            return checked[1]
        try:
            check_database(self.path)
        except FuenteError:
            passed = False
        else:
            passed = True
        self._checked = (now, passed)
        return passed

    def close(self) -> None:
        """Stop every reading still going, and close the idle connections."""
        with self._lock:
            for budget in self._active:
                budget.over.set()
            idle, self._idle = self._idle, []
        with self._watching:
            if self._watcher is not None:
                idle.append(self._watcher)
                self._watcher = None
        for store in idle:
            store.close()
