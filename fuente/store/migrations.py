"""Numbered schema migrations. The database's ``PRAGMA user_version`` is the last one applied.

To change the schema, append a function to ``MIGRATIONS``; never edit one that has shipped.
Every table of records that point into an article has ``doc`` (the document id, deleted with
its document), ``start_char``/``end_char`` (offsets into ``documents.text``) and ``version``
(the extractor that made the row). Later layers add their own tables the same way: migration 2
holds speakers, attributions and lead statements, migration 3 time expressions, migration 4
links them, migration 5 is the search index, 6 events, 7 keeps one rejection per input, 8
holds the actors across articles, 9 syndicated copies, 10 claims and events across
articles, 11 knowledge findings, 12 contradictions between reports, 13 the shards a sharded
run has stored, 14 the count of an actor's links by kind, 15 how an event's sides were found
and which events are an article's main ones. The tables live in
``schema_articles`` (one article's records), ``search_index`` and ``schema_corpus`` (across
articles); this module numbers them.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from fuente.store import schema_articles as articles
from fuente.store import schema_corpus as corpus
from fuente.store.search_index import search_index

__all__ = ["MIGRATIONS", "migrate", "schema_version"]

MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    articles.documents_and_annotations,
    articles.attributions_and_speakers,
    articles.times,
    articles.times_of_statements,
    search_index,
    articles.events,
    corpus.rejections_once,
    corpus.actors,
    corpus.syndication,
    corpus.claims,
    corpus.findings,
    corpus.contradictions,
    corpus.shards,
    corpus.actor_kinds,
    articles.events_found_and_lead,
)


def schema_version(db: sqlite3.Connection) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite3.Connection) -> list[int]:
    """Apply the missing migrations, each in its own transaction; return their numbers.

    Several processes may open a new database at once: each migration takes the write lock
    and reads the schema version again under it, so it is applied once, by whoever gets there
    first, and the others see it done.
    """
    applied = []
    for number, step in enumerate(MIGRATIONS, start=1):
        if number <= schema_version(db):
            continue
        db.execute("BEGIN IMMEDIATE")
        if number <= schema_version(db):  # another process applied it meanwhile
            db.execute("ROLLBACK")
            continue
        try:
            step(db)
            db.execute(f"PRAGMA user_version = {number}")
            db.execute("COMMIT")
        except BaseException:
            if db.in_transaction:  # SQLite may have rolled back already (a full disk)
                db.execute("ROLLBACK")
            raise
        applied.append(number)
    return applied
