"""The findings of the knowledge checks in SQL: written with their document, read back.

``Store`` delegates here, inside the transaction of the document the findings belong to
(migration 10 has the table).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

from fuente.records import ArticleRecords, Finding

__all__ = ["FINDING_COLUMNS", "read_findings", "write_findings"]

FINDING_COLUMNS = (
    "doc", "rule", "message", "actor_start", "actor_end", "actor_text", "kb", "date_value",
    "date_start", "date_end", "date_text", "version",
)  # fmt: skip


def write_findings(db: sqlite3.Connection, records: ArticleRecords) -> None:
    """Insert the article's findings."""
    placeholders = ", ".join("?" * len(FINDING_COLUMNS))
    db.executemany(
        f"INSERT INTO findings ({', '.join(FINDING_COLUMNS)}) VALUES ({placeholders})",
        [tuple(getattr(finding, name) for name in FINDING_COLUMNS) for finding in records.findings],
    )


def read_findings(db: sqlite3.Connection, doc: str | None) -> Iterator[Finding]:
    """The findings of one document (or of all), by document id then where the actor is."""
    where, params = ("WHERE doc = ?", (doc,)) if doc is not None else ("", ())
    cursor = db.execute(
        f"SELECT {', '.join(FINDING_COLUMNS)} FROM findings {where} "
        "ORDER BY doc, actor_start, rowid",
        params,
    )
    for row in cursor:
        yield Finding(**{name: row[name] for name in FINDING_COLUMNS})
