"""Numbered schema migrations. The database's ``PRAGMA user_version`` is the last one applied.

To change the schema, append a function to ``MIGRATIONS``; never edit one that has shipped.
Every table of records that point into an article has ``doc`` (the document id, deleted with
its document), ``start_char``/``end_char`` (offsets into ``documents.text``) and ``version``
(the extractor that made the row). Later layers (attributions, speakers, time expressions,
events) add their own tables the same way.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

__all__ = ["MIGRATIONS", "migrate", "schema_version"]


def _run(db: sqlite3.Connection, script: str) -> None:
    """Execute a script of DDL statements inside the caller's transaction.

    (``executescript`` would commit first, so a failed migration could be left half done.)
    """
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)


def _documents_and_annotations(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        CREATE TABLE documents (
            id TEXT PRIMARY KEY,
            path TEXT NOT NULL,
            format TEXT NOT NULL,
            url TEXT,
            title TEXT,
            deck TEXT,
            tags TEXT NOT NULL DEFAULT '[]',
            outlet TEXT,
            language TEXT,
            published TEXT,
            published_inferred INTEGER NOT NULL DEFAULT 0,
            text TEXT NOT NULL,
            raw TEXT,
            content_hash TEXT NOT NULL,
            warnings TEXT NOT NULL DEFAULT '[]',
            version TEXT NOT NULL,
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX documents_content_hash ON documents (content_hash);

        CREATE TABLE fields (
            doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            start_char INTEGER,
            end_char INTEGER,
            version TEXT NOT NULL
        );
        CREATE INDEX fields_doc ON fields (doc);

        CREATE TABLE excluded (
            doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            reason TEXT NOT NULL,
            version TEXT NOT NULL
        );
        CREATE INDEX excluded_doc ON excluded (doc);

        CREATE TABLE sentences (
            doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            version TEXT NOT NULL
        );
        CREATE INDEX sentences_doc ON sentences (doc);

        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            type TEXT NOT NULL,
            version TEXT NOT NULL
        );
        CREATE INDEX entities_doc ON entities (doc);
        CREATE INDEX entities_name ON entities (name);

        CREATE TABLE mentions (
            doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            entity TEXT NOT NULL REFERENCES entities (id) ON DELETE CASCADE,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text TEXT NOT NULL,
            label TEXT NOT NULL,
            version TEXT NOT NULL
        );
        CREATE INDEX mentions_entity ON mentions (entity);
        CREATE INDEX mentions_doc ON mentions (doc);

        CREATE TABLE rejections (
            path TEXT NOT NULL,
            reason TEXT NOT NULL,
            at TEXT NOT NULL
        );
        """,
    )


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (_documents_and_annotations,)


def schema_version(db: sqlite3.Connection) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite3.Connection) -> list[int]:
    """Apply the missing migrations, each in its own transaction; return their numbers."""
    applied = []
    for number, step in enumerate(MIGRATIONS, start=1):
        if number <= schema_version(db):
            continue
        db.execute("BEGIN IMMEDIATE")
        try:
            step(db)
            db.execute(f"PRAGMA user_version = {number}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        applied.append(number)
    return applied
