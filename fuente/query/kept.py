"""Results computed over the whole database, kept while it does not change.

Some of what a page shows is counted over every record (a timeline's order and counts, a
search's ranking and facets, a dossier's items); computing it again for each page of the
same list would cost the same each time. ``Kept`` keeps such results, each with the version
of the database it was computed from.

The version is SQLite's ``PRAGMA data_version`` on a connection that does nothing else
(``fuente.web.connections.Readers``): it changes whenever any connection, in any process,
commits to the database. A request reads the version before its own snapshot begins, and
gets a kept result of that version as it is. While the database is being written (an ingest
commits a document at a time), a result of an older version is still given for ``LAG``
seconds after it was computed, and while another request computes it again, so that a list
is counted at most once a ``LAG`` however fast the writes come: during an ingest, a list and
its counts may be up to ``LAG`` seconds behind the database (a record gone by then is left
out of its page). Once writes stop, the next request after ``LAG`` sees them all.

Each result has a size (roughly, the records it holds); past ``limit`` in all, the least
recently used are forgotten. Two requests wanting a result that is not kept compute it once:
the second waits for the first. Each key has a lock of its own while it is being computed
(never one shared by several keys), so a computation that asks for another kept result (a
search's counts ask for its matches) waits only for that key, and no two computations can
wait for each other.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, TypeVar

__all__ = ["LAG", "LIMIT", "Kept", "KeptAt"]

T = TypeVar("T")
LAG = 5.0  # seconds a result may lag a database being written
LIMIT = 500_000


@dataclass(frozen=True, slots=True)
class _Result:
    value: Any
    version: int
    made: float
    size: int


class Kept:
    """Results for one database, up to ``limit`` in size."""

    def __init__(
        self, *, limit: int = LIMIT, lag: float = LAG, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.limit = limit
        self.lag = lag
        self._clock = clock
        self._results: OrderedDict[Hashable, _Result] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()
        self._makers: dict[Hashable, _Maker] = {}  # the lock of each key being computed

    def at(self, version: int) -> KeptAt:
        """What is kept, as a request reading this version of the database gets it."""
        return KeptAt(self, version)

    def _usable(self, version: int, key: Hashable, *, busy: bool) -> _Result | None:
        """The result kept under ``key`` if it may be given at ``version``; ``busy``: another
        request is computing it again."""
        with self._lock:
            found = self._results.get(key)
            if found is None:
                return None
            fresh = found.version >= version or self._clock() - found.made < self.lag
            if not (fresh or busy):
                return None
            self._results.move_to_end(key)
            return found

    def _keep(self, key: Hashable, result: _Result) -> None:
        with self._lock:
            old = self._results.pop(key, None)
            if old is not None:
                self._size -= old.size
                if old.version > result.version:
                    result = old
            if result.size > self.limit:
                return
            self._results[key] = result
            self._size += result.size
            while self._size > self.limit:
                _, dropped = self._results.popitem(last=False)
                self._size -= dropped.size

    def get(
        self, version: int, key: Hashable, compute: Callable[[], T], size: Callable[[T], int]
    ) -> T:
        """The result under ``key`` for a request reading ``version``, computed if need be."""
        found = self._usable(version, key, busy=False)
        if found is not None:
            return found.value
        with self._maker(key) as maker:
            if not maker.acquire(blocking=False):
                found = self._usable(version, key, busy=True)
                if found is not None:
                    return found.value
                maker.acquire()
            try:
                found = self._usable(version, key, busy=False)
                if found is not None:
                    return found.value
                made = self._clock()
                value = compute()
                self._keep(key, _Result(value, version, made, size(value)))
                return value
            finally:
                maker.release()

    @contextmanager
    def _maker(self, key: Hashable) -> Iterator[threading.Lock]:
        """The lock of ``key``, shared by the requests that want it now, and forgotten once
        none does."""
        with self._lock:
            maker = self._makers.get(key)
            if maker is None:
                maker = self._makers[key] = _Maker(threading.Lock())
            maker.users += 1
        try:
            yield maker.lock
        finally:
            with self._lock:
                maker.users -= 1
                if not maker.users:
                    del self._makers[key]


@dataclass(slots=True)
class _Maker:
    lock: threading.Lock
    users: int = 0


@dataclass(frozen=True, slots=True)
class KeptAt:
    """``Kept`` at one version; with no ``kept``, nothing is kept and all is computed."""

    kept: Kept | None = None
    version: int = 0

    def get(self, key: Hashable, compute: Callable[[], T], *, size: Callable[[T], int] = len) -> T:
        """The result kept under ``key``, else ``compute()``, kept."""
        if self.kept is None:
            return compute()
        return self.kept.get(self.version, key, compute, size)
