"""Read connections for the web UI, and the time each request's reading may take.

``Readers`` keeps a few read-only connections to one database and lends one to each
request (as Datasette keeps a connection per thread), so a request does not pay for opening
the file; each request reads inside one transaction, so it sees one snapshot even while an
ingest writes (SQLite in WAL mode lets readers and one writer work at once).

``Budget`` bounds a request's reading: SQLite calls it every ``PROGRESS_STEPS`` virtual
machine instructions, and it stops the query (``sqlite3.OperationalError``: interrupted) once
the deadline has passed or the request is over (its client went away, or the server is
shutting down). ``Budget.stopped`` then says why.

``Readers`` also keeps what is worth keeping between requests (``fuente.web.kept``), for
the database's current version, which it reads on a connection of its own before each
request's snapshot begins.

``Readers.sound`` says whether the database passes SQLite's ``quick_check``, checked at most
once every ``SOUND_FOR`` seconds, so that "no such article" is only said of a sound database.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from fuente.errors import FuenteError
from fuente.store.database import Store
from fuente.web.kept import Kept, KeptAt

__all__ = ["EXPIRED", "GONE", "PROGRESS_STEPS", "SOUND_FOR", "Budget", "Readers", "Reading"]

PROGRESS_STEPS = 50_000  # SQLite virtual machine instructions between two looks at the clock
SOUND_FOR = 60.0  # seconds a passed quick_check is trusted
IDLE = 8  # connections kept open between requests
EXPIRED, GONE = "expired", "gone"


class Budget:
    """How long one request may read: a deadline, and a flag for a request that is over."""

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


@dataclass(frozen=True, slots=True)
class Reading:
    """What a request reads with: a connection, and what is kept for its version."""

    store: Store
    kept: KeptAt


class Readers:
    """Read-only connections to the database at ``path``, lent one request at a time.

    ``opener`` makes a connection (``fuente.web.queries.read_store``); ``check`` raises a
    ``FuenteError`` when the database is damaged; ``kept`` holds what is kept between
    requests (a ``Kept`` of its own unless given).
    """

    def __init__(
        self,
        path: str,
        *,
        opener: Callable[[str], Store],
        check: Callable[[str], None],
        idle: int = IDLE,
        kept: Kept | None = None,
    ) -> None:
        self.path = path
        self._open = opener
        self._check = check
        self._idle_limit = idle
        self._idle: list[Store] = []
        self._active: set[Budget] = set()
        self._lock = threading.Lock()
        self._checked: tuple[float, bool] | None = None
        self._kept = kept or Kept()
        self._watcher: Store | None = None
        self._watching = threading.Lock()

    def version(self) -> int:
        """The database's version: it changes whenever anyone commits to it."""
        with self._watching:
            if self._watcher is None:
                self._watcher = self._open(self.path)
            return self._watcher.db.execute("PRAGMA data_version").fetchone()[0]

    @contextmanager
    def reading(self, budget: Budget) -> Iterator[Reading]:
        """A connection for one request, reading one snapshot within ``budget``."""
        kept = self._kept.at(self.version())
        store = self._take()
        with self._lock:
            self._active.add(budget)
        db = store.db
        db.set_progress_handler(budget, PROGRESS_STEPS)
        try:
            db.execute("BEGIN")
            db.execute("SELECT 1 FROM sqlite_master LIMIT 1").fetchall()  # the snapshot begins
            yield Reading(store, kept)
        finally:
            with self._lock:
                self._active.discard(budget)
            self._give(store)

    def _take(self) -> Store:
        with self._lock:
            if self._idle:
                return self._idle.pop()
        return self._open(self.path)

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
            self._check(self.path)
        except FuenteError:
            passed = False
        else:
            passed = True
        self._checked = (now, passed)
        return passed

    def close(self) -> None:
        """Stop every request still reading, and close the idle connections."""
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
