"""Reads the pages share: which records count, the date a statement has, and small lookups.

The SQL fragments say what ``fuente.query.sourcing.counted`` and
``fuente.query.timeline.statement_date`` say in Python, so that a list can be counted,
ordered and cut into pages by SQLite without reading every record: a record inside an
excluded range is left out, and a statement is dated by the time expression attached to it
(``time_start``), else by its document. ``tests/web`` checks that both say the same on the
same records.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fuente.store.database import Store

__all__ = [
    "NOT_EXCLUDED",
    "STATED",
    "as_json",
    "document_briefs",
    "document_texts",
    "entity_mention_counts",
    "has_events",
    "not_excluded",
    "statement_counts",
]

NOT_EXCLUDED = (
    "NOT EXISTS (SELECT 1 FROM excluded x WHERE x.doc = {row}.doc "
    "AND x.start_char <= {row}.{start} AND {row}.{end} <= x.end_char)"
)
# the time expression attached to attribution ``a`` (None when there is none)
STATED = (
    "(SELECT t.value FROM times t WHERE t.doc = a.doc AND t.start_char = a.time_start "
    "ORDER BY t.start_char, t.end_char LIMIT 1)"
)
IN_JSON = "IN (SELECT value FROM json_each(?))"


def not_excluded(row: str, *, start: str = "start_char", end: str = "end_char") -> str:
    """The condition that the span of table alias ``row`` lies in no excluded range."""
    return NOT_EXCLUDED.format(row=row, start=start, end=end)


def as_json(values: Iterable[str]) -> str:
    """Values as a JSON list, for ``IN (SELECT value FROM json_each(?))``."""
    return json.dumps(sorted(values), ensure_ascii=False)


def has_events(store: Store) -> bool:
    """Whether the database has an events table (one made before the events extractor has
    none)."""
    row = store.db.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'events'"
    ).fetchone()
    return row is not None


def statement_counts(store: Store) -> dict[str, int]:
    """How many statements (attributions other than non-responses) each speaker id has."""
    rows = store.db.execute(
        "SELECT speaker, count(*) FROM attributions WHERE speaker IS NOT NULL "
        "AND kind != 'non-response' GROUP BY speaker"
    )
    return dict(rows.fetchall())


def entity_mention_counts(store: Store) -> list[tuple[str, str, str, int]]:
    """``(name, type, document, mentions)`` of every entity that has mentions."""
    rows = store.db.execute(
        "SELECT e.name, e.type, e.doc, count(m.rowid) FROM entities e "
        "JOIN mentions m ON m.entity = e.id GROUP BY e.id"
    )
    return [tuple(row) for row in rows]


def document_briefs(store: Store, docs: Iterable[str]) -> dict[str, dict[str, Any]]:
    """``{id: {id, title, outlet, language, published, published_inferred}}`` of those of
    ``docs`` that are stored."""
    rows = store.db.execute(
        "SELECT id, title, outlet, language, published, published_inferred FROM documents "
        f"WHERE id {IN_JSON}",
        (as_json(docs),),
    )
    return {row["id"]: dict(row) for row in rows}


def document_texts(store: Store, docs: Iterable[str]) -> dict[str, str]:
    """``{id: original text}`` of those of ``docs`` that are stored."""
    rows = store.db.execute(f"SELECT id, text FROM documents WHERE id {IN_JSON}", (as_json(docs),))
    return dict(rows.fetchall())
