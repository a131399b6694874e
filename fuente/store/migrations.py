"""Numbered schema migrations. The database's ``PRAGMA user_version`` is the last one applied.

To change the schema, append a function to ``MIGRATIONS``; never edit one that has shipped.
Every table of records that point into an article has ``doc`` (the document id, deleted with
its document), ``start_char``/``end_char`` (offsets into ``documents.text``) and ``version``
(the extractor that made the row). Later layers add their own tables the same way: migration 2
holds speakers, attributions and lead statements, migration 3 time expressions, migration 4
links them, migration 5 is the search index, 6 events, 7 keeps one rejection per input, 8
holds the actors across articles, 9 syndicated copies and 11 claims and events across
articles.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from fuente.text import mask

__all__ = ["MIGRATIONS", "fill_search_index", "migrate", "schema_version"]


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


def _times_of_statements(db: sqlite3.Connection) -> None:
    """Times attached to attributions: the time a statement was made, and the attribution a
    time expression dates or sits inside."""
    _run(
        db,
        """
        ALTER TABLE attributions ADD COLUMN time_start INTEGER;
        ALTER TABLE attributions ADD COLUMN time_end INTEGER;
        ALTER TABLE times ADD COLUMN attribution TEXT;
        ALTER TABLE times ADD COLUMN role TEXT;
        CREATE INDEX times_attribution ON times (attribution)
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


SEARCH_TOKENIZER = "unicode61 remove_diacritics 2"
BLANK = "replace(hex(zeroblob({length})), '00', ' ')"  # that many spaces


def _search_index(db: sqlite3.Connection) -> None:
    """Full-text search (SQLite FTS5) over article text and attribution content.

    ``documents_search`` holds each document's title and text under the document's rowid,
    with its excluded ranges blanked out (as many spaces, so offsets into it are offsets
    into the original), so boilerplate and comments are never what a search matches.
    ``attributions_search`` holds each attribution's content and its speaker's name and
    description under the attribution's rowid; an attribution inside an excluded range is
    not indexed. Triggers keep both up to date as the store writes and deletes documents
    (deletes cascade to attributions), so the write path does not change; an existing
    database gets its index filled here.
    """
    _search_tables(db)
    statements = (
        """CREATE TRIGGER documents_search_insert AFTER INSERT ON documents BEGIN
            INSERT INTO documents_search (rowid, title, text)
            VALUES (NEW.rowid, coalesce(NEW.title, ''), NEW.text);
        END""",
        """CREATE TRIGGER documents_search_delete AFTER DELETE ON documents BEGIN
            DELETE FROM documents_search WHERE rowid = OLD.rowid;
        END""",
        f"""CREATE TRIGGER excluded_search_blank AFTER INSERT ON excluded BEGIN
            UPDATE documents_search
            SET text = substr(text, 1, NEW.start_char)
                || {BLANK.format(length="NEW.end_char - NEW.start_char")}
                || substr(text, NEW.end_char + 1)
            WHERE rowid = (SELECT rowid FROM documents WHERE id = NEW.doc);
        END""",
        """CREATE TRIGGER attributions_search_insert AFTER INSERT ON attributions
        WHEN NOT EXISTS (
            SELECT 1 FROM excluded WHERE doc = NEW.doc
            AND start_char <= NEW.content_start AND NEW.content_end <= end_char
        ) BEGIN
            INSERT INTO attributions_search (rowid, content, speaker)
            SELECT NEW.rowid,
                substr(d.text, NEW.content_start + 1, NEW.content_end - NEW.content_start),
                coalesce((SELECT s.name || ' ' || coalesce(s.description, '')
                          FROM speakers s WHERE s.id = NEW.speaker), '')
            FROM documents d WHERE d.id = NEW.doc;
        END""",
        """CREATE TRIGGER attributions_search_delete AFTER DELETE ON attributions BEGIN
            DELETE FROM attributions_search WHERE rowid = OLD.rowid;
        END""",
    )
    for statement in statements:
        db.execute(statement)
    fill_search_index(db)


def _search_tables(db: sqlite3.Connection) -> None:
    db.execute(
        f"CREATE VIRTUAL TABLE documents_search USING fts5(title, text, "
        f"tokenize = '{SEARCH_TOKENIZER}')"
    )
    db.execute(
        f"CREATE VIRTUAL TABLE attributions_search USING fts5(content, speaker, "
        f"tokenize = '{SEARCH_TOKENIZER}')"
    )


def fill_search_index(db: sqlite3.Connection, *, rebuild: bool = False) -> None:
    """Fill both search tables from the stored documents and attributions; with ``rebuild``,
    drop and make them anew first (``fuente check --repair``: a damaged index cannot be
    trusted to delete its own rows). Runs inside the caller's transaction."""
    if rebuild:
        db.execute("DROP TABLE IF EXISTS documents_search")
        db.execute("DROP TABLE IF EXISTS attributions_search")
        _search_tables(db)
    for rowid, doc, title, text in db.execute(
        "SELECT rowid, id, title, text FROM documents"
    ).fetchall():
        excluded = db.execute(
            "SELECT start_char, end_char FROM excluded WHERE doc = ?", (doc,)
        ).fetchall()
        db.execute(
            "INSERT INTO documents_search (rowid, title, text) VALUES (?, ?, ?)",
            (rowid, title or "", mask(text, excluded, keep="")),
        )
    db.execute(
        """INSERT INTO attributions_search (rowid, content, speaker)
        SELECT a.rowid,
            substr(d.text, a.content_start + 1, a.content_end - a.content_start),
            coalesce(s.name || ' ' || coalesce(s.description, ''), '')
        FROM attributions a JOIN documents d ON d.id = a.doc
        LEFT JOIN speakers s ON s.id = a.speaker
        WHERE NOT EXISTS (
            SELECT 1 FROM excluded x WHERE x.doc = a.doc
            AND x.start_char <= a.content_start AND a.content_end <= x.end_char
        )"""
    )


def _rejections_once(db: sqlite3.Connection) -> None:
    """One rejection per input, the last one: older repeats are dropped, and an index keeps
    replacing them cheap."""
    _run(
        db,
        """
        DELETE FROM rejections WHERE rowid NOT IN (
            SELECT max(rowid) FROM rejections GROUP BY path
        );
        CREATE INDEX rejections_path ON rejections (path)
        """,
    )


def _actors(db: sqlite3.Connection) -> None:
    """One actor across articles: corpus-wide actors, the keys to find them by, and which
    entity or speaker of which document each links (``actor`` NULL: left unlinked, and
    ``reason`` says why). ``aliases`` of a link are the forms the article writes the name in,
    a JSON object of form -> count; ``actor_aliases`` sums them per actor, kept by triggers
    as links come and go (a document's links go with it). ``actors_linked`` lists the
    documents already linked; the others wait for the next linking pass."""
    _run(
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


def _syndication(db: sqlite3.Connection) -> None:
    """Syndicated copies and reused passages. ``passages`` are the indexed paragraphs of an
    article's own writing, ``passage_bands`` their MinHash LSH band keys (the index a new
    article is matched against); ``copies`` says which document a document is a copy of
    (its group is the one of that document); ``reuse`` records passages taken from another
    document by an article that is not a copy of it; ``syndication_indexed`` lists the
    documents already matched and indexed."""
    _run(
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


def _claims(db: sqlite3.Connection) -> None:
    """One claim across articles. ``claims`` are statements (attributions) or events that
    several articles report; ``claim_members`` says which attribution or event (``ref``) of
    which document belongs to which claim, the member it was matched to (``matched``), how
    close they were and why; ``claim_keys`` are the blocking keys a new document's records are
    looked up by (content shingles, speaker and word, event category and actor);
    ``claims_matched`` lists the documents already matched."""
    _run(
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


def _findings(db: sqlite3.Connection) -> None:
    """Knowledge checks that fired: one row per finding of a document, the actor's span and
    the date's (the date's span null when it is the article's own date)."""
    _run(
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


MIGRATIONS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _documents_and_annotations,
    _attributions_and_speakers,
    _times,
    _times_of_statements,
    _search_index,
    _events,
    _rejections_once,
    _actors,
    _syndication,
    _claims,
    _findings,
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
