"""Syndication in SQL: the passage index, copies and reused passages (migration 9).

The matching is decided in ``fuente.corpus.syndication``; this module reads what it needs
(a document's text and the ranges it must not compare, the passages sharing a band key) and
writes what it decided.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from typing import Any

__all__ = [
    "add_copy",
    "add_passages",
    "add_reuse",
    "banded_passages",
    "copy_of",
    "copy_rows",
    "document_text",
    "group_rows",
    "group_words",
    "hidden_ranges",
    "mark_indexed",
    "pending_index",
    "reuse_rows",
    "stored_passages",
]


def pending_index(db: sqlite3.Connection) -> list[tuple[str, str, str | None, str | None]]:
    """(id, text, published, outlet) of the documents not matched yet, oldest first."""
    rows = db.execute(
        "SELECT d.id, d.text, d.published, d.outlet FROM documents d "
        "LEFT JOIN syndication_indexed i ON i.doc = d.id WHERE i.doc IS NULL "
        "ORDER BY d.published IS NULL, d.published, d.id"
    )
    return [tuple(row) for row in rows]


def hidden_ranges(db: sqlite3.Connection, doc: str) -> list[tuple[int, int]]:
    """The ranges of a document never compared: excluded text and direct quotations."""
    excluded = db.execute("SELECT start_char, end_char FROM excluded WHERE doc = ?", (doc,))
    quoted = db.execute(
        "SELECT content_start, content_end FROM attributions "
        "WHERE doc = ? AND kind IN ('direct', 'mixed')",
        (doc,),
    )
    return [tuple(row) for row in (*excluded.fetchall(), *quoted.fetchall())]


def banded_passages(
    db: sqlite3.Connection, keys: Iterable[tuple[int, bytes]], *, doc: str
) -> set[int]:
    """Ids of the passages of other documents stored under any of the band ``keys``."""
    found: set[int] = set()
    for band, key in keys:
        rows = db.execute(
            "SELECT b.passage FROM passage_bands b JOIN passages p ON p.id = b.passage "
            "WHERE b.band = ? AND b.key = ? AND p.doc != ?",
            (band, key, doc),
        )
        found.update(row[0] for row in rows)
    return found


def stored_passages(db: sqlite3.Connection, ids: Iterable[int]) -> list[dict[str, Any]]:
    """Passages by id, with their document's text, date and outlet."""
    ids = sorted(set(ids))
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    rows = db.execute(
        "SELECT p.id, p.doc, p.start_char, p.end_char, p.words, d.published, d.outlet "
        f"FROM passages p JOIN documents d ON d.id = p.doc WHERE p.id IN ({marks})",
        ids,
    )
    keys = ("id", "doc", "start", "end", "words", "published", "outlet")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def document_text(db: sqlite3.Connection, doc: str) -> str:
    row = db.execute("SELECT text FROM documents WHERE id = ?", (doc,)).fetchone()
    return row[0] if row else ""


def group_words(db: sqlite3.Connection, root: str) -> int:
    """How many words the indexed passages of a copy group hold in all (``root`` and the
    documents that are copies of it)."""
    row = db.execute(
        "SELECT coalesce(sum(words), 0) FROM passages WHERE doc = ? "
        "OR doc IN (SELECT doc FROM copies WHERE copy_of = ?)",
        (root, root),
    )
    return row.fetchone()[0]


def add_passages(
    db: sqlite3.Connection, doc: str, passages: Iterable[tuple[int, int, int, list]]
) -> None:
    """Index a document's passages: (start, end, words, band keys) each."""
    for start, end, words, keys in passages:
        cursor = db.execute(
            "INSERT INTO passages (doc, start_char, end_char, words) VALUES (?, ?, ?, ?)",
            (doc, start, end, words),
        )
        db.executemany(
            "INSERT INTO passage_bands (band, key, passage) VALUES (?, ?, ?)",
            [(band, key, cursor.lastrowid) for band, key in keys],
        )


def add_copy(
    db: sqlite3.Connection, doc: str, copy_of: str, *, share: float, reason: str, version: str
) -> None:
    db.execute(
        "INSERT OR REPLACE INTO copies (doc, copy_of, share, reason, version) "
        "VALUES (?, ?, ?, ?, ?)",
        (doc, copy_of, share, reason, version),
    )


def add_reuse(db: sqlite3.Connection, rows: Iterable[tuple[Any, ...]]) -> None:
    """(doc, start, end, source doc, source start, source end, similarity, version) each."""
    db.executemany("INSERT INTO reuse VALUES (?, ?, ?, ?, ?, ?, ?, ?)", list(rows))


def mark_indexed(db: sqlite3.Connection, doc: str, version: str) -> None:
    db.execute(
        "INSERT OR REPLACE INTO syndication_indexed (doc, version) VALUES (?, ?)", (doc, version)
    )


def copy_of(db: sqlite3.Connection, doc: str) -> str | None:
    row = db.execute("SELECT copy_of FROM copies WHERE doc = ?", (doc,)).fetchone()
    return row[0] if row else None


def copy_rows(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every copy with the document it copies, its share and why."""
    rows = db.execute(
        "SELECT c.doc, c.copy_of, c.share, c.reason, c.version, d.published, d.outlet "
        "FROM copies c JOIN documents d ON d.id = c.doc ORDER BY c.copy_of, c.doc"
    )
    keys = ("doc", "copy_of", "share", "reason", "version", "published", "outlet")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def group_rows(db: sqlite3.Connection, docs: Iterable[str]) -> list[dict[str, Any]]:
    """Id, date, outlet and title of documents."""
    docs = sorted(set(docs))
    marks = ", ".join("?" * len(docs))
    rows = db.execute(
        f"SELECT id, published, outlet, title FROM documents WHERE id IN ({marks}) ORDER BY id",
        docs,
    )
    keys = ("doc", "published", "outlet", "title")
    return [dict(zip(keys, row, strict=True)) for row in rows]


def reuse_rows(db: sqlite3.Connection, doc: str | None = None) -> list[dict[str, Any]]:
    """Passages reused from another document (of one document, or all)."""
    where, params = ("WHERE doc = ?", (doc,)) if doc else ("", ())
    rows = db.execute(
        "SELECT doc, start_char, end_char, source_doc, source_start, source_end, similarity, "
        f"version FROM reuse {where} ORDER BY doc, start_char",
        params,
    )
    keys = ("doc", "start", "end", "source_doc", "source_start", "source_end", "similarity",
            "version")  # fmt: skip
    return [dict(zip(keys, row, strict=True)) for row in rows]
