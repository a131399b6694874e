"""The tables of what is worked out across articles and of the batch: one rejection per
input (migration 7), actors across articles (8), syndicated copies (9), claims (10),
knowledge findings (11), contradictions (12), the shards of input a sharded run has stored
(13) and the count of an actor's links by kind (14)."""

from __future__ import annotations

import sqlite3

from fuente.store.ddl import run_script

__all__ = [
    "actor_kinds", "actors", "claims", "contradictions", "findings", "rejections_once", "shards",
    "syndication",
]  # fmt: skip


def rejections_once(db: sqlite3.Connection) -> None:
    """One rejection per input, the last one: older repeats are dropped, and an index keeps
    replacing them cheap."""
    run_script(
        db,
        """
        DELETE FROM rejections WHERE rowid NOT IN (
            SELECT max(rowid) FROM rejections GROUP BY path
        );
        CREATE INDEX rejections_path ON rejections (path)
        """,
    )


def actors(db: sqlite3.Connection) -> None:
    """One actor across articles: corpus-wide actors, the keys to find them by, and which
    entity or speaker of which document each links (``actor`` NULL: left unlinked, and
    ``reason`` says why). ``aliases`` of a link are the forms the article writes the name in,
    a JSON object of form -> count; ``actor_aliases`` sums them per actor, kept by triggers
    as links come and go (a document's links go with it). ``actors_linked`` lists the
    documents already linked; the others wait for the next linking pass."""
    run_script(
        db,
        """
        CREATE TABLE actors (
            id TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            kb TEXT,
            country TEXT,
            sector TEXT,
            version TEXT NOT NULL
        );
        CREATE UNIQUE INDEX actors_kb ON actors (kb) WHERE kb IS NOT NULL;

        CREATE TABLE actor_keys (
            key TEXT NOT NULL,
            actor TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
            PRIMARY KEY (key, actor)
        ) WITHOUT ROWID;
        CREATE INDEX actor_keys_actor ON actor_keys (actor);

        CREATE TABLE actor_links (
            ref TEXT PRIMARY KEY,
            doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            actor TEXT REFERENCES actors (id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            kind TEXT NOT NULL,
            aliases TEXT NOT NULL,
            reason TEXT NOT NULL,
            version TEXT NOT NULL
        );
        CREATE INDEX actor_links_actor ON actor_links (actor);
        CREATE INDEX actor_links_doc ON actor_links (doc);

        CREATE TABLE actor_aliases (
            actor TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
            alias TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (actor, alias)
        ) WITHOUT ROWID;

        CREATE TABLE actors_linked (
            doc TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
            version TEXT NOT NULL
        )
        """,
    )
    for trigger in ACTOR_TRIGGERS:
        db.execute(trigger)


def syndication(db: sqlite3.Connection) -> None:
    """Syndicated copies and reused passages. ``passages`` are the indexed paragraphs of an
    article's own writing, ``passage_bands`` their MinHash LSH band keys (the index a new
    article is matched against); ``copies`` says which document a document is a copy of
    (its group is the one of that document); ``reuse`` records passages taken from another
    document by an article that is not a copy of it; ``syndication_indexed`` lists the
    documents already matched and indexed."""
    run_script(
        db,
        """
        CREATE TABLE passages (
            id INTEGER PRIMARY KEY,
            doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            words INTEGER NOT NULL
        );
        CREATE INDEX passages_doc ON passages (doc);

        CREATE TABLE passage_bands (
            band INTEGER NOT NULL,
            key BLOB NOT NULL,
            passage INTEGER NOT NULL REFERENCES passages (id) ON DELETE CASCADE
        );
        CREATE INDEX passage_bands_key ON passage_bands (band, key);
        CREATE INDEX passage_bands_passage ON passage_bands (passage);

        CREATE TABLE copies (
            doc TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
            copy_of TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            share REAL NOT NULL,
            reason TEXT NOT NULL,
            version TEXT NOT NULL
        );
        CREATE INDEX copies_copy_of ON copies (copy_of);

        CREATE TABLE reuse (
            doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            source_doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            source_start INTEGER NOT NULL,
            source_end INTEGER NOT NULL,
            similarity REAL NOT NULL,
            version TEXT NOT NULL
        );
        CREATE INDEX reuse_doc ON reuse (doc);
        CREATE INDEX reuse_source ON reuse (source_doc);

        CREATE TABLE syndication_indexed (
            doc TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
            version TEXT NOT NULL
        )
        """,
    )


def claims(db: sqlite3.Connection) -> None:
    """One claim across articles. ``claims`` are statements (attributions) or events that
    several articles report; ``claim_members`` says which attribution or event (``ref``) of
    which document belongs to which claim, the member it was matched to (``matched``), how
    close they were and why; ``claim_keys`` are the blocking keys a new document's records are
    looked up by (content shingles, speaker and word, event category and actor);
    ``claims_matched`` lists the documents already matched."""
    run_script(
        db,
        """
        CREATE TABLE claims (
            id TEXT PRIMARY KEY,
            kind TEXT NOT NULL,
            label TEXT NOT NULL,
            actor TEXT,
            version TEXT NOT NULL
        );

        CREATE TABLE claim_members (
            ref TEXT PRIMARY KEY,
            doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            claim TEXT NOT NULL REFERENCES claims (id) ON DELETE CASCADE,
            matched TEXT,
            score REAL NOT NULL,
            reason TEXT NOT NULL,
            version TEXT NOT NULL
        );
        CREATE INDEX claim_members_claim ON claim_members (claim);
        CREATE INDEX claim_members_doc ON claim_members (doc);

        CREATE TABLE claim_keys (
            key TEXT NOT NULL,
            ref TEXT NOT NULL,
            doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            PRIMARY KEY (key, ref)
        ) WITHOUT ROWID;
        CREATE INDEX claim_keys_doc ON claim_keys (doc);

        CREATE TABLE claims_matched (
            doc TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
            version TEXT NOT NULL
        )
        """,
    )


def findings(db: sqlite3.Connection) -> None:
    """Knowledge checks that fired: one row per finding of a document, the actor's span and
    the date's (the date's span null when it is the article's own date)."""
    run_script(
        db,
        """
        CREATE TABLE findings (
            doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            rule TEXT NOT NULL,
            message TEXT NOT NULL,
            actor_start INTEGER NOT NULL,
            actor_end INTEGER NOT NULL,
            actor_text TEXT NOT NULL,
            kb TEXT NOT NULL,
            date_value TEXT NOT NULL,
            date_start INTEGER,
            date_end INTEGER,
            date_text TEXT,
            version TEXT NOT NULL
        );
        CREATE INDEX findings_doc ON findings (doc, actor_start)
        """,
    )


def contradictions(db: sqlite3.Connection) -> None:
    """Contradictions between reports: one row per finding, with both sides (``doc``,
    ``ref`` the attribution or event, ``start_char``/``end_char`` and ``text``, then the same
    for ``other_``), the ``rule`` that fired and why (``message``), the claim and the
    corpus-wide actor it concerns where there is one. ``contradiction_keys`` are the keys a
    new document's denials and allegations are looked up by; ``contradictions_checked`` lists
    the documents already checked."""
    run_script(
        db,
        """
        CREATE TABLE contradictions (
            rule TEXT NOT NULL,
            message TEXT NOT NULL,
            claim TEXT,
            actor TEXT,
            doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            ref TEXT NOT NULL,
            start_char INTEGER NOT NULL,
            end_char INTEGER NOT NULL,
            text TEXT NOT NULL,
            other_doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            other_ref TEXT NOT NULL,
            other_start INTEGER NOT NULL,
            other_end INTEGER NOT NULL,
            other_text TEXT NOT NULL,
            version TEXT NOT NULL,
            UNIQUE (rule, ref, other_ref)
        );
        CREATE INDEX contradictions_doc ON contradictions (doc);
        CREATE INDEX contradictions_other_doc ON contradictions (other_doc);
        CREATE INDEX contradictions_claim ON contradictions (claim);

        CREATE TABLE contradiction_keys (
            key TEXT NOT NULL,
            ref TEXT NOT NULL,
            doc TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
            PRIMARY KEY (key, ref)
        ) WITHOUT ROWID;
        CREATE INDEX contradiction_keys_doc ON contradiction_keys (doc);

        CREATE TABLE contradictions_checked (
            doc TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
            version TEXT NOT NULL
        )
        """,
    )


def shards(db: sqlite3.Connection) -> None:
    """The shards of input files a sharded run (the ray engine) has stored whole: the id made
    from its files, how many files, and when; a later run over the same files skips them."""
    run_script(
        db,
        """
        CREATE TABLE shards (
            id TEXT PRIMARY KEY,
            files INTEGER NOT NULL,
            stored_at TEXT NOT NULL
        ) WITHOUT ROWID
        """,
    )


def actor_kinds(db: sqlite3.Connection) -> None:
    """How many of an actor's links were typed each kind (person, organisation), kept by
    triggers as links come and go, so that a join reads two rows, not every link of an actor
    named in thousands of articles; filled from the links already stored."""
    run_script(
        db,
        """
        CREATE TABLE actor_kinds (
            actor TEXT NOT NULL REFERENCES actors (id) ON DELETE CASCADE,
            kind TEXT NOT NULL,
            count INTEGER NOT NULL,
            PRIMARY KEY (actor, kind)
        ) WITHOUT ROWID;
        INSERT INTO actor_kinds (actor, kind, count)
            SELECT actor, kind, count(*) FROM actor_links WHERE actor IS NOT NULL
            GROUP BY actor, kind
        """,
    )
    for trigger in KIND_TRIGGERS:
        db.execute(trigger)


KIND_TRIGGERS = (
    """CREATE TRIGGER actor_links_kind AFTER INSERT ON actor_links
        WHEN new.actor IS NOT NULL BEGIN
            INSERT INTO actor_kinds (actor, kind, count) VALUES (new.actor, new.kind, 1)
            ON CONFLICT (actor, kind) DO UPDATE SET count = count + 1;
        END""",
    """CREATE TRIGGER actor_links_unkind AFTER DELETE ON actor_links
        WHEN old.actor IS NOT NULL BEGIN
            UPDATE actor_kinds SET count = count - 1 WHERE actor = old.actor AND kind = old.kind;
            DELETE FROM actor_kinds WHERE actor = old.actor AND kind = old.kind AND count <= 0;
        END""",
)

ACTOR_TRIGGERS = (
    """CREATE TRIGGER actor_links_count AFTER INSERT ON actor_links
        WHEN new.actor IS NOT NULL BEGIN
            INSERT INTO actor_aliases (actor, alias, count)
            SELECT new.actor, key, value FROM json_each(new.aliases) WHERE true
            ON CONFLICT (actor, alias) DO UPDATE SET count = count + excluded.count;
        END""",
    """CREATE TRIGGER actor_links_uncount AFTER DELETE ON actor_links
        WHEN old.actor IS NOT NULL BEGIN
            UPDATE actor_aliases
            SET count = count - (SELECT value FROM json_each(old.aliases) WHERE key = alias)
            WHERE actor = old.actor AND alias IN (SELECT key FROM json_each(old.aliases));
            DELETE FROM actor_aliases WHERE actor = old.actor AND count <= 0;
        END""",
)
