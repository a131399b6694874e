"""SQL the web's lists share: which records count, and the date a statement has.

They say in SQL what ``fuente.query.sourcing.counted`` and
``fuente.query.timeline.statement_date`` say in Python, so that a list can be counted,
ordered and cut into pages by SQLite without reading every record: a record inside an
excluded range is left out, and a statement is dated by the time expression attached to it
(``time_start``), else by its document.
``tests/web`` checks that both say the same on the same records.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

__all__ = ["NOT_EXCLUDED", "STATED", "as_json", "not_excluded"]

NOT_EXCLUDED = (
    "NOT EXISTS (SELECT 1 FROM excluded x WHERE x.doc = {row}.doc "
    "AND x.start_char <= {row}.{start} AND {row}.{end} <= x.end_char)"
)
# the time expression attached to attribution ``a`` (None when there is none)
STATED = (
    "(SELECT t.value FROM times t WHERE t.doc = a.doc AND t.start_char = a.time_start "
    "ORDER BY t.start_char, t.end_char LIMIT 1)"
)


def not_excluded(row: str, *, start: str = "start_char", end: str = "end_char") -> str:
    """The condition that the span of table alias ``row`` lies in no excluded range."""
    return NOT_EXCLUDED.format(row=row, start=start, end=end)


def as_json(values: Iterable[str]) -> str:
    """Values as a JSON list, for ``IN (SELECT value FROM json_each(?))``."""
    return json.dumps(sorted(values), ensure_ascii=False)
