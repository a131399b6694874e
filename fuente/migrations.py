"""Numbered schema migrations. The database's ``PRAGMA user_version`` is the last one applied.

To change the schema, append a function to ``MIGRATIONS``; never edit one that has shipped.
Every table of records that point into an article has ``doc`` (the document id, deleted with
its document), ``start_char``/``end_char`` (offsets into ``documents.text``) and ``version``
(the extractor that made the row). Later layers add their own tables the same way: migration 2
holds speakers, attributions and lead statements; time expressions and events come later.
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


def _attributions_and_speakers(db: sqlite3.Connection) -> None:
    """Who said what: speakers, attributions and the lead statements resting on them.

    An attribution's ``via`` may name an attribution stored after it in the same document, so
    that reference is checked when the document's transaction commits, not row by row.
    """
    _run(
        db,
        """
        CREATE TABLE speakers (
            id TEXT PRIMARY KEY,
            doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            name TEXT NOT NULL,
            description TEXT,
            country TEXT,
            sector TEXT,
            count TEXT,
            entity TEXT,
            version TEXT NOT NULL
        );
        CREATE INDEX speakers_doc ON speakers (doc);
        CREATE INDEX speakers_name ON speakers (name COLLATE NOCASE);

        CREATE TABLE attributions (
            id TEXT PRIMARY KEY,
            doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            content_start INTEGER NOT NULL,
            content_end INTEGER NOT NULL,
            cue_start INTEGER,
            cue_end INTEGER,
            source_start INTEGER,
            source_end INTEGER,
            speaker TEXT REFERENCES speakers (id) ON DELETE SET NULL,
            through TEXT,
            via TEXT REFERENCES attributions (id) ON DELETE SET NULL DEFERRABLE INITIALLY DEFERRED,
            version TEXT NOT NULL
        );
        CREATE INDEX attributions_doc ON attributions (doc, content_start, content_end);
        CREATE INDEX attributions_speaker ON attributions (speaker);
        CREATE INDEX attributions_via ON attributions (via);

        CREATE TABLE lead_statements (
            doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            part TEXT NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            support TEXT NOT NULL,
            attributions TEXT NOT NULL DEFAULT '[]',
            version TEXT NOT NULL
        );
        CREATE INDEX lead_statements_doc ON lead_statements (doc);
        """,
    )


def _times(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        ALTER TABLE documents ADD COLUMN published_earliest TEXT;
        ALTER TABLE documents ADD COLUMN published_latest TEXT;

        CREATE TABLE times (
            doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text TEXT NOT NULL,
            type TEXT NOT NULL,
            value TEXT NOT NULL,
            anchor TEXT NOT NULL,
            mod TEXT,
            version TEXT NOT NULL
        );
        CREATE INDEX times_doc ON times (doc, start_char);
        CREATE INDEX times_value ON times (value);
        """,
    )


def _events(db: sqlite3.Connection) -> None:
    _run(
        db,
        """
        CREATE TABLE events (
            id TEXT PRIMARY KEY,
            doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            category TEXT NOT NULL,
            mode TEXT,
            source_text TEXT,
            source_start INTEGER,
            source_end INTEGER,
            source_entity TEXT,
            source_country TEXT,
            source_sector TEXT,
            target_text TEXT,
            target_start INTEGER,
            target_end INTEGER,
            target_entity TEXT,
            target_country TEXT,
            target_sector TEXT,
            date_value TEXT,
            date_start INTEGER,
            date_end INTEGER,
            location TEXT,
            negated INTEGER NOT NULL DEFAULT 0,
            modality TEXT NOT NULL,
            attribution TEXT REFERENCES attributions (id) ON DELETE SET NULL,
            version TEXT NOT NULL
        );
        CREATE INDEX events_doc ON events (doc, start_char);
        CREATE INDEX events_category ON events (category);
        """,
    )


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _documents_and_annotations,
    _attributions_and_speakers,
    _times,
    _events,
)


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
