"""The WHERE clause the record readers share: the rows of one document, of some ids."""

from __future__ import annotations

import json
from collections.abc import Iterable

__all__ = ["doc_and_values"]


def doc_and_values(
    doc: str | None, column: str, values: Iterable[str] | None
) -> tuple[str, list[str]]:
    """A WHERE clause (or "") and its parameters keeping the rows of ``doc`` whose ``column``
    is one of ``values``; either None keeps every row."""
    conditions, params = [], []
    if doc is not None:
        conditions.append("doc = ?")
        params.append(doc)
    if values is not None:
        conditions.append(f"{column} IN (SELECT value FROM json_each(?))")
        params.append(json.dumps(sorted(values), ensure_ascii=False))
    return (f"WHERE {' AND '.join(conditions)}" if conditions else ""), params
