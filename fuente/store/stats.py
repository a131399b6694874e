"""The counts ``fuente stats`` shows: documents, records of each kind, rejections."""

from __future__ import annotations

import sqlite3
from typing import Any

from fuente.store.migrations import schema_version

__all__ = ["database_stats"]

# An actor as counted: its country and sector ("USA government"), else its words; "-" for none.
_ACTOR_LABEL = (
    "coalesce(nullif(trim(coalesce({side}_country, '') || ' ' || coalesce({side}_sector, '')), ''),"
    " {side}_text, '-')"
)
EVENT_CATEGORIES = "SELECT category, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1"
EVENT_PAIRS = (
    f"SELECT {_ACTOR_LABEL.format(side='source')} || ' -> ' || "
    f"{_ACTOR_LABEL.format(side='target')}, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1"
)


def database_stats(db: sqlite3.Connection, path: str) -> dict[str, Any]:
    """Counts a person wants first: documents, records of each kind, rejections."""
    one = db.execute
    counts = {
        table: one(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in (
            "documents", "sentences", "entities", "mentions", "excluded", "speakers",
            "attributions", "events",
        )
    }  # fmt: skip
    return {
        "database": path,
        "schema_version": schema_version(db),
        **counts,
        "characters": one("SELECT coalesce(sum(length(text)), 0) FROM documents").fetchone()[0],
        "rejections": one("SELECT count(*) FROM rejections").fetchone()[0],
        "by_outlet": dict(
            one(
                "SELECT coalesce(outlet, '(unknown)'), count(*) FROM documents "
                "GROUP BY 1 ORDER BY 2 DESC, 1"
            ).fetchall()
        ),
        "by_language": dict(
            one(
                "SELECT coalesce(language, '(unknown)'), count(*) FROM documents "
                "GROUP BY 1 ORDER BY 2 DESC, 1"
            ).fetchall()
        ),
        "by_format": dict(
            one("SELECT format, count(*) FROM documents GROUP BY 1 ORDER BY 1").fetchall()
        ),
        "entities_by_type": dict(
            one("SELECT type, count(*) FROM entities GROUP BY 1 ORDER BY 2 DESC").fetchall()
        ),
        "excluded_by_reason": dict(
            one("SELECT reason, count(*) FROM excluded GROUP BY 1 ORDER BY 2 DESC").fetchall()
        ),
        "attributions_by_kind": dict(
            one("SELECT kind, count(*) FROM attributions GROUP BY 1 ORDER BY 2 DESC").fetchall()
        ),
        "events_by_category": dict(one(EVENT_CATEGORIES).fetchall()),
        "events_by_actor_pair": dict(one(EVENT_PAIRS).fetchall()),
    }
