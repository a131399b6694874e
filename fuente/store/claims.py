"""Claims across articles in SQL (migration 11): what the claim pass compares, the blocking
keys it looks records up by, and the claims it forms.

The decisions are made in ``fuente.corpus.claims`` by the rules of
``fuente.corpus.claim_rules``; this module reads what they need and writes what they decided.
A member's ``ref`` is the id of an attribution or an event.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from typing import Any

from fuente.store.keys import add_keys, keyed

__all__ = [
    "add_claim",
    "add_claim_keys",
    "add_member",
    "claim_member_rows",
    "claim_record",
    "claim_rows",
    "claims_member_rows",
    "claims_of",
    "clear_claims",
    "content_actors",
    "event_features",
    "keyed_refs",
    "mark_matched",
    "merge_claims",
    "pending_claim_documents",
    "statement_features",
]


STATEMENT_SELECT = """
SELECT a.id AS ref, a.doc, a.kind, a.content_start AS start, a.content_end AS end,
    substr(d.text, a.content_start + 1, a.content_end - a.content_start) AS content,
    s.kind AS speaker_kind, s.name AS speaker_name, s.description, s.country, s.sector,
    l.actor,
    (SELECT t.value FROM times t WHERE t.attribution = a.id AND t.role = 'statement'
     ORDER BY t.start_char LIMIT 1) AS said,
    d.published
FROM attributions a JOIN documents d ON d.id = a.doc
LEFT JOIN speakers s ON s.id = a.speaker
LEFT JOIN actor_links l ON l.ref = coalesce(s.entity, s.id)
WHERE a.kind != 'non-response' AND NOT EXISTS (
    SELECT 1 FROM excluded x WHERE x.doc = a.doc
    AND x.start_char <= a.content_start AND a.content_end <= x.end_char
)"""

EVENT_SELECT = """
SELECT e.id AS ref, e.doc, e.category, e.modality, e.negated, e.location, e.date_value,
    ls.actor AS source_actor, e.source_country, e.source_sector,
    lt.actor AS target_actor, e.target_country, e.target_sector, d.published
FROM events e JOIN documents d ON d.id = e.doc
LEFT JOIN actor_links ls ON ls.ref = e.source_entity
LEFT JOIN actor_links lt ON lt.ref = e.target_entity
WHERE NOT EXISTS (
    SELECT 1 FROM excluded x WHERE x.doc = e.doc
    AND x.start_char <= e.start_char AND e.end_char <= x.end_char
)"""


def pending_claim_documents(db: sqlite3.Connection) -> list[str]:
    """Documents not matched yet, oldest first (by date, then id)."""
    rows = db.execute(
        "SELECT d.id FROM documents d LEFT JOIN claims_matched m ON m.doc = d.id "
        "WHERE m.doc IS NULL ORDER BY d.published IS NULL, d.published, d.id"
    )
    return [row[0] for row in rows]


def _rows(db: sqlite3.Connection, select: str, *, doc: str | None, refs: Iterable[str] | None,
          table: str) -> list[dict[str, Any]]:  # fmt: skip
    if doc is not None:
        where, params = " AND d.id = ?", [doc]
    else:
        where, params = (
            f" AND {table}.id IN (SELECT value FROM json_each(?))",
            [json.dumps(sorted(set(refs or ())))],
        )
    return [dict(row) for row in db.execute(select + where + f" ORDER BY {table}.rowid", params)]


def statement_features(
    db: sqlite3.Connection, *, doc: str | None = None, refs: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """The attributions of ``doc`` (or those of ``refs``) that are statements, with their
    content, speaker (and its corpus-wide actor), the time that dates them and their
    document's date."""
    return _rows(db, STATEMENT_SELECT, doc=doc, refs=refs, table="a")


def event_features(
    db: sqlite3.Connection, *, doc: str | None = None, refs: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """The events of ``doc`` (or those of ``refs``), their sides' corpus-wide actors."""
    return _rows(db, EVENT_SELECT, doc=doc, refs=refs, table="e")


def content_actors(db: sqlite3.Connection, docs: Iterable[str]) -> dict[str, list[tuple[int, str]]]:
    """(start, actor) of each mention in each of ``docs`` linked to a corpus-wide actor."""
    found: dict[str, list[tuple[int, str]]] = {doc: [] for doc in docs}
    rows = db.execute(
        "SELECT m.doc, m.start_char, l.actor FROM mentions m "
        "JOIN actor_links l ON l.ref = m.entity "
        "WHERE m.doc IN (SELECT value FROM json_each(?)) AND l.actor IS NOT NULL "
        "ORDER BY m.doc, m.start_char",
        (json.dumps(sorted(found), ensure_ascii=False),),
    )
    for doc, start, actor in rows:
        found[doc].append((start, actor))
    return found


def keyed_refs(db: sqlite3.Connection, keys: Iterable[str], *, doc: str) -> Counter[str]:
    """How many of ``keys`` each record of the other documents is filed under."""
    return keyed(db, "claim_keys", keys, doc=doc)


def add_claim_keys(db: sqlite3.Connection, ref: str, doc: str, keys: Iterable[str]) -> None:
    add_keys(db, "claim_keys", ref, doc, keys)


def claim_size(db: sqlite3.Connection, ref: str) -> int:
    """How many members the claim of ``ref`` has (0 when it is in none)."""
    row = db.execute(
        "SELECT count(*) FROM claim_members WHERE claim = "
        "(SELECT claim FROM claim_members WHERE ref = ?)",
        (ref,),
    ).fetchone()
    return row[0]


def claims_of(db: sqlite3.Connection, refs: Iterable[str]) -> dict[str, str]:
    """The claim each of ``refs`` belongs to (those in none are left out)."""
    rows = db.execute(
        "SELECT ref, claim FROM claim_members WHERE ref IN (SELECT value FROM json_each(?))",
        (json.dumps(sorted(set(refs)), ensure_ascii=False),),
    )
    return dict(rows.fetchall())


def add_claim(
    db: sqlite3.Connection, claim: str, *, kind: str, label: str, actor: str | None, version: str
) -> None:
    db.execute(
        "INSERT OR IGNORE INTO claims (id, kind, label, actor, version) VALUES (?, ?, ?, ?, ?)",
        (claim, kind, label, actor, version),
    )


def add_member(
    db: sqlite3.Connection, ref: str, doc: str, *, claim: str, matched: str | None,
    score: float, reason: str, version: str,
) -> None:  # fmt: skip
    db.execute(
        "INSERT OR REPLACE INTO claim_members (ref, doc, claim, matched, score, reason, version) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (ref, doc, claim, matched, score, reason, version),
    )


def merge_claims(db: sqlite3.Connection, into: str, others: Iterable[str]) -> None:
    """Move the members of ``others`` into claim ``into`` and drop those claims."""
    for other in sorted(set(others) - {into}):
        db.execute("UPDATE claim_members SET claim = ? WHERE claim = ?", (into, other))
        db.execute("DELETE FROM claims WHERE id = ?", (other,))


def mark_matched(db: sqlite3.Connection, doc: str, version: str) -> None:
    db.execute("INSERT OR REPLACE INTO claims_matched (doc, version) VALUES (?, ?)", (doc, version))


def clear_claims(db: sqlite3.Connection) -> None:
    """Forget every claim and key, so that the whole database is matched again."""
    for table in ("claim_members", "claim_keys", "claims_matched", "claims"):
        db.execute(f"DELETE FROM {table}")


def claim_rows(db: sqlite3.Connection) -> list[dict[str, Any]]:
    """Every claim whose members stand in two documents or more, the most reported first."""
    rows = db.execute(
        "SELECT c.id, c.kind, c.label, c.actor, c.version FROM claims c "
        "JOIN claim_members m ON m.claim = c.id GROUP BY c.id "
        "HAVING count(DISTINCT m.doc) > 1 ORDER BY count(DISTINCT m.doc) DESC, c.id"
    )
    return [dict(row) for row in rows]


def claim_record(db: sqlite3.Connection, claim: str) -> dict[str, Any] | None:
    """The claim with this id (however many documents its members stand in), or None."""
    row = db.execute(
        "SELECT id, kind, label, actor, version FROM claims WHERE id = ?", (claim,)
    ).fetchone()
    return None if row is None else dict(row)


MEMBER_SELECT = """SELECT m.claim, m.ref, m.doc, m.matched, m.score, m.reason, d.published,
    d.outlet, coalesce(c.copy_of, m.doc) AS copy_group,
    coalesce(a.content_start, e.start_char) AS start,
    coalesce(a.content_end, e.end_char) AS end,
    substr(d.text, coalesce(a.content_start, e.start_char) + 1,
        coalesce(a.content_end, e.end_char) - coalesce(a.content_start, e.start_char)) AS text,
    a.speaker AS speaker_id, s.kind AS speaker_kind, s.name AS speaker_name, a.through,
    vs.name AS via_outlet, vs.kind AS via_kind
FROM claim_members m JOIN documents d ON d.id = m.doc
LEFT JOIN copies c ON c.doc = m.doc
LEFT JOIN attributions a ON a.id = m.ref
LEFT JOIN events e ON e.id = m.ref
LEFT JOIN speakers s ON s.id = a.speaker
LEFT JOIN attributions va ON va.id = a.via
LEFT JOIN speakers vs ON vs.id = va.speaker"""


def claim_member_rows(db: sqlite3.Connection, claim: str) -> list[dict[str, Any]]:
    """A claim's members, each with its words, its document's date, outlet and copy group,
    and for a statement its speaker (id, kind, name), the outlet it was told to and the outlet whose
    reporting the article relays (``via``); oldest first (by date, then document and place)."""
    return claims_member_rows(db, [claim]).get(claim, [])


def claims_member_rows(
    db: sqlite3.Connection, claims: Iterable[str]
) -> dict[str, list[dict[str, Any]]]:
    """The members of each of ``claims`` as ``claim_member_rows`` gives them, in one read
    (a claim with no members is left out)."""
    claims = sorted(set(claims))
    if not claims:
        return {}
    rows = db.execute(
        MEMBER_SELECT + " WHERE m.claim IN (SELECT value FROM json_each(?)) "
        "ORDER BY m.claim, d.published IS NULL, d.published, m.doc, start",
        (json.dumps(claims, ensure_ascii=False),),
    )
    found: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        member = dict(row)
        found.setdefault(member.pop("claim"), []).append(member)
    return found
