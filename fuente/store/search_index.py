"""The full-text search index (SQLite FTS5, migration 5), its triggers, and filling it anew."""

from __future__ import annotations

import sqlite3

from fuente.text import mask

__all__ = ["SEARCH_TOKENIZER", "fill_search_index", "search_index"]


SEARCH_TOKENIZER = "unicode61 remove_diacritics 2"
BLANK = "replace(hex(zeroblob({length})), '00', ' ')"  # that many spaces


def search_index(db: sqlite3.Connection) -> None:
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
