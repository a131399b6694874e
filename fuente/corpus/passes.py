"""The loop every corpus pass runs: each pending document in a transaction of its own."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from fuente.store.connect import Connection
from fuente.store.database import Store

__all__ = ["each_pending"]


def each_pending(
    store: Store,
    docs: Iterable[str],
    work: Callable[[Connection, str], int],
    progress: Callable[[str], None] | None = None,
) -> tuple[int, int]:
    """Run ``work`` on each document of ``docs`` in its own transaction; return how many
    documents it ran on and the sum of what it returned. ``progress`` hears each document."""
    documents = total = 0
    for doc in docs:
        total += store.atomic(lambda db, doc=doc: work(db, doc))
        documents += 1
        if progress is not None:
            progress(doc)
    return documents, total
