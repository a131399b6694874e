"""The attribution layer of the database: speakers, attributions and lead statements.

``Store`` delegates here; this module only turns records into rows and rows into records
inside the connection it is given, and never opens or commits a transaction of its own.
Speakers are written before the attributions that name them. An attribution's ``via`` may
name one written later in the same document: that reference is a deferred foreign key,
checked when the document's transaction commits.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterator
from typing import Any

from fuente.records import ArticleRecords, Attribution, LeadStatement, Speaker
from fuente.store.where import doc_and_values

__all__ = [
    "ATTRIBUTION_COLUMNS",
    "SPEAKER_COLUMNS",
    "read_attributions",
    "read_lead",
    "read_speakers",
    "write_attribution_layer",
]

SPEAKER_COLUMNS = (
    "id", "doc", "kind", "name", "version", "description", "country", "sector", "count", "entity",
)  # fmt: skip
ATTRIBUTION_COLUMNS = (
    "id", "doc", "kind", "content_start", "content_end", "version", "cue_start", "cue_end",
    "source_start", "source_end", "speaker", "through", "via", "time_start", "time_end",
)  # fmt: skip
LEAD_COLUMNS = ("doc", "part", "start_char", "end_char", "support", "version", "attributions")


def _insert(table: str, columns: tuple[str, ...]) -> str:
    return f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


def _lead_row(statement: LeadStatement) -> tuple[Any, ...]:
    return (
        statement.doc,
        statement.part,
        statement.start,
        statement.end,
        statement.support,
        statement.version,
        json.dumps(list(statement.attributions), ensure_ascii=False),
    )


def write_attribution_layer(db: sqlite3.Connection, records: ArticleRecords) -> None:
    """Insert the article's speakers, attributions and lead statements, in that order."""
    db.executemany(
        _insert("speakers", SPEAKER_COLUMNS),
        [tuple(getattr(s, name) for name in SPEAKER_COLUMNS) for s in records.speakers],
    )
    db.executemany(
        _insert("attributions", ATTRIBUTION_COLUMNS),
        [tuple(getattr(a, name) for name in ATTRIBUTION_COLUMNS) for a in records.attributions],
    )
    db.executemany(_insert("lead_statements", LEAD_COLUMNS), [_lead_row(s) for s in records.lead])


def read_speakers(db: sqlite3.Connection, doc: str | None) -> Iterator[Speaker]:
    """Speakers of one document (or of all, by document), in the order they were stored."""
    where, params = ("WHERE doc = ?", (doc,)) if doc is not None else ("", ())
    cursor = db.execute(
        f"SELECT {', '.join(SPEAKER_COLUMNS)} FROM speakers {where} ORDER BY doc, rowid", params
    )
    for row in cursor:
        yield Speaker(*row)


def read_attributions(
    db: sqlite3.Connection, doc: str | None, *, speakers: Collection[str] | None
) -> Iterator[Attribution]:
    """Attributions in document order (by document id, then where their content starts),
    optionally only those of one document and of the given speaker ids."""
    where, params = doc_and_values(doc, "speaker", speakers)
    cursor = db.execute(
        f"SELECT {', '.join(ATTRIBUTION_COLUMNS)} FROM attributions {where} "
        "ORDER BY doc, content_start, content_end, rowid",
        params,
    )
    for row in cursor:
        yield Attribution(*row)


def read_lead(db: sqlite3.Connection, doc: str) -> list[LeadStatement]:
    """The lead statements of one document, in text order."""
    rows = db.execute(
        f"SELECT {', '.join(LEAD_COLUMNS)} FROM lead_statements WHERE doc = ? "
        "ORDER BY start_char, end_char, rowid",
        (doc,),
    )
    return [LeadStatement(*row[:-1], attributions=tuple(json.loads(row[-1]))) for row in rows]
