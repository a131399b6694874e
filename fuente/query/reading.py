"""Reading the database for a page: a lent read connection and what is kept between readings.

``Readers`` lends each reading a connection from ``fuente.store.reading.Connections`` (the
one read policy: read-only, ``query_only``, one snapshot per reading, bounded by a
``Budget``) with what is kept (``fuente.query.kept``) for the database's version, which it
reads before the reading's snapshot begins. The web UI reads through it; the commands that
read open one connection with ``open_read``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from fuente.query.kept import Kept, KeptAt
from fuente.store.database import Store
from fuente.store.reading import (
    EXPIRED,
    GONE,
    IDLE,
    PROGRESS_STEPS,
    SOUND_FOR,
    Budget,
    Connections,
    DatabaseError,
    check_database,
    open_read,
    require_current,
)

__all__ = [
    "EXPIRED",
    "GONE",
    "PROGRESS_STEPS",
    "SOUND_FOR",
    "Budget",
    "DatabaseError",
    "Readers",
    "Reading",
    "Store",
    "check_database",
    "open_read",
    "require_current",
]


@dataclass(frozen=True, slots=True)
class Reading:
    """What one reading reads with: a connection, and what is kept for its version."""

    store: Store
    kept: KeptAt


class Readers:
    """Readings of the database at ``path``: a lent connection each, and ``kept`` (a
    ``Kept`` of its own unless given) at the database's version."""

    def __init__(self, path: str, *, idle: int = IDLE, kept: Kept | None = None) -> None:
        self.path = path
        self._connections = Connections(path, idle=idle)
        self._kept = kept or Kept()

    def version(self) -> int:
        """The database's version: it changes whenever anyone commits to it."""
        return self._connections.version()

    @contextmanager
    def reading(self, budget: Budget) -> Iterator[Reading]:
        """A connection for one reading of one snapshot within ``budget``."""
        kept = self._kept.at(self.version())
        with self._connections.lend(budget) as store:
            yield Reading(store, kept)

    def sound(self) -> bool:
        """Whether the database passes ``quick_check`` (checked at most every SOUND_FOR s)."""
        return self._connections.sound()

    def close(self) -> None:
        """Stop every reading still going, and close the idle connections."""
        self._connections.close()
