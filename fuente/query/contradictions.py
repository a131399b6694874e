"""Contradictions between reports as rows: what ``fuente contradictions`` lists, ``fuente
export contradictions`` writes, and ``fuente claims`` shows beside each claim."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from fuente.query.rows import contradiction_row
from fuente.store.contradictions import contradiction_rows
from fuente.store.database import Store

__all__ = ["contradictions"]


def contradictions(
    store: Store, *, refs: Iterable[str] | None = None, doc: str | None = None,
    rule: str | None = None,
) -> Iterator[dict[str, Any]]:  # fmt: skip
    """What the contradiction rules found (with a side among ``refs``, a claim's members;
    or with a side in ``doc``; of one ``rule`` only), by rule then where the first side
    stands."""
    for found in contradiction_rows(store.db, refs=refs, doc=doc):
        if rule is None or found.rule == rule:
            yield contradiction_row(found)
