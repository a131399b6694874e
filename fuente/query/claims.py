"""Claims across articles as rows: what ``fuente claims`` lists and ``fuente export claims``
writes, each claim with its members, its independent corroboration and the contradictions
found between its members or with them (``contradictions``)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from fuente.query.contradictions import contradictions
from fuente.query.corroboration import corroboration
from fuente.store.claims import claim_member_rows, claim_rows
from fuente.store.database import Store
from fuente.text import fold

__all__ = ["claims"]

MEMBER_FIELDS = ("ref", "doc", "start", "end", "text", "published", "outlet", "matched",
                 "score", "reason")  # fmt: skip


def _row(store: Store, claim: dict[str, Any], members: list[dict[str, Any]]) -> dict[str, Any]:
    first = members[0]
    return {
        "id": claim["id"],
        "kind": claim["kind"],
        "actor": claim["actor"],
        "who": first["speaker_name"] if claim["kind"] == "statement" else claim["label"],
        "text": first["text"],
        "documents": len({member["doc"] for member in members}),
        **corroboration(members),
        "members": [{name: member[name] for name in MEMBER_FIELDS} for member in members],
        "contradictions": list(contradictions(store, refs=[m["ref"] for m in members])),
    }


def _matches(row: dict[str, Any], words: list[str]) -> bool:
    said = fold(" ".join(str(part or "") for part in (row["who"], row["actor"], row["text"])))
    said += " " + fold(" ".join(member["text"] for member in row["members"]))
    return all(word in said for word in words)


def claims(store: Store, query: str | None = None, *, min_sources: int = 1) -> Iterator[dict]:
    """Every claim two articles or more report, the most reported first; with ``query``,
    those whose speaker or words hold every word of it (ignoring case and accents); only
    those with ``min_sources`` independent sources or more."""
    words = fold(query or "").split()
    for claim in claim_rows(store.db):
        row = _row(store, claim, claim_member_rows(store.db, claim["id"]))
        if row["sources"] >= min_sources and _matches(row, words):
            yield row
