"""The tables of one article's records: the document, its fields, excluded ranges, sentences,
entities and mentions (migration 1), speakers, attributions and lead statements (2), time
expressions (3) and the times of statements (4), events (6). Each row that points into an
article has ``doc``, character offsets into ``documents.text`` and ``version``."""

from __future__ import annotations

import sqlite3

from fuente.store.ddl import run_script

__all__ = [
    "attributions_and_speakers", "documents_and_annotations", "events", "times",
    "times_of_statements",
]  # fmt: skip


DOCUMENTS_AND_ANNOTATIONS = """
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
"""


def documents_and_annotations(db: sqlite3.Connection) -> None:
    """Documents and what is read off each: fields, excluded ranges, sentences, entities,
    mentions; and the rejections of a batch."""
    run_script(db, DOCUMENTS_AND_ANNOTATIONS)


def attributions_and_speakers(db: sqlite3.Connection) -> None:
    """Who said what: speakers, attributions and the lead statements resting on them.

    An attribution's ``via`` may name an attribution stored after it in the same document, so
    that reference is checked when the document's transaction commits, not row by row.
    """
    run_script(
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


def times(db: sqlite3.Connection) -> None:
    run_script(
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


def times_of_statements(db: sqlite3.Connection) -> None:
    """Times attached to attributions: the time a statement was made, and the attribution a
    time expression dates or sits inside."""
    run_script(
        db,
        """
        ALTER TABLE attributions ADD COLUMN time_start INTEGER;
        ALTER TABLE attributions ADD COLUMN time_end INTEGER;
        ALTER TABLE times ADD COLUMN attribution TEXT;
        ALTER TABLE times ADD COLUMN role TEXT;
        CREATE INDEX times_attribution ON times (attribution)
        """,
    )


def events(db: sqlite3.Connection) -> None:
    run_script(
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


def events_found_and_lead(db: sqlite3.Connection) -> None:
    """How each side of an event was found, and the article's main events (``lead``)."""
    run_script(
        db,
        """
        ALTER TABLE events ADD COLUMN source_found TEXT;
        ALTER TABLE events ADD COLUMN target_found TEXT;
        ALTER TABLE events ADD COLUMN lead INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX events_lead ON events (doc) WHERE lead;
        """,
    )
