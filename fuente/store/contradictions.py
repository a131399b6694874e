"""Contradictions between reports in SQL (migration 12): what the contradiction pass reads
(events with their sentence and the time that dates them, statements that may deny,
allegations), the keys it looks denials and allegations up by, and what it found.

The decisions are made in ``fuente.corpus.contradictions`` by the rules of
``fuente.corpus.contradiction_rules``; this module reads what they need and writes what they
decided.
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Iterable
from typing import Any

from fuente.records import Contradiction
from fuente.store.keys import add_keys, keyed
from fuente.store.reads import not_excluded

__all__ = [
    "CONTRADICTION_COLUMNS",
    "add_contradiction_keys",
    "add_contradictions",
    "allegation_features",
    "claim_peers",
    "clear_contradictions",
    "contradiction_keyed",
    "contradiction_rows",
    "denial_features",
    "mark_checked",
    "pending_contradiction_documents",
    "report_features",
]


CONTRADICTION_COLUMNS = (
    "rule", "message", "claim", "actor", "doc", "ref", "start_char", "end_char", "text",
    "other_doc", "other_ref", "other_start", "other_end", "other_text", "version",
)  # fmt: skip

# the sentence of the document d holding the offset given
SENTENCE = """(SELECT {part} FROM sentences s WHERE s.doc = d.id AND s.start_char <= {at}
    AND {at} < s.end_char ORDER BY s.start_char DESC LIMIT 1)"""


def _sentence(at: str) -> tuple[str, str]:
    """SQL for the start and end of the sentence holding offset ``at``, the span of
    ``at`` itself where no sentence is stored."""
    return (
        f"coalesce({SENTENCE.format(part='s.start_char', at=at)}, {at})",
        f"coalesce({SENTENCE.format(part='s.end_char', at=at)}, {at})",
    )


def _report_select() -> str:
    start, end = _sentence("e.start_char")
    return f"""
SELECT e.id AS ref, e.doc, e.category, e.mode, e.modality, e.negated, e.location,
    e.start_char AS start, e.end_char AS end,
    substr(d.text, e.start_char + 1, e.end_char - e.start_char) AS trigger,
    e.date_value, e.date_start, e.date_end,
    CASE WHEN e.date_start IS NOT NULL
        THEN substr(d.text, e.date_start + 1, e.date_end - e.date_start) END AS date_text,
    t.anchor AS date_anchor, t.mod AS date_mod,
    ls.actor AS source_actor, e.source_country, e.source_sector,
    lt.actor AS target_actor, e.target_country, e.target_sector,
    d.published, d.published_inferred, m.claim,
    min({start}, e.start_char) AS sentence_start, max({end}, e.end_char) AS sentence_end
FROM events e JOIN documents d ON d.id = e.doc
LEFT JOIN actor_links ls ON ls.ref = e.source_entity
LEFT JOIN actor_links lt ON lt.ref = e.target_entity
LEFT JOIN claim_members m ON m.ref = e.id
LEFT JOIN times t ON t.doc = e.doc AND t.start_char = e.date_start AND t.end_char = e.date_end
WHERE {not_excluded("e")}"""


def _denial_select() -> str:
    start, end = _sentence("a.content_start")
    return f"""
SELECT a.id AS ref, a.doc, l.actor, ac.name AS actor_name,
    substr(d.text, a.cue_start + 1, a.cue_end - a.cue_start) AS cue,
    substr(d.text, max(1, a.cue_start - 39), min(a.cue_start, 40)) AS before,
    substr(d.text, a.content_start + 1, a.content_end - a.content_start) AS content,
    min(a.cue_start, a.content_start) AS start, max(a.cue_end, a.content_end) AS end,
    substr(d.text, min(a.cue_start, a.content_start) + 1,
        max(a.cue_end, a.content_end) - min(a.cue_start, a.content_start)) AS said,
    {start} AS sentence_start, {end} AS sentence_end, d.published
FROM attributions a JOIN documents d ON d.id = a.doc
JOIN speakers sp ON sp.id = a.speaker
JOIN actor_links l ON l.ref = coalesce(sp.entity, sp.id)
JOIN actors ac ON ac.id = l.actor
WHERE a.kind != 'non-response' AND a.cue_start IS NOT NULL
    AND {not_excluded("a", start="content_start", end="content_end")}"""


def _allegation_select() -> str:
    """The allegations, looked up by document or by id: the ``+`` keeps SQLite off the
    category index, which would read every accusation of the corpus for each lookup."""
    start, end = _sentence("e.start_char")
    return f"""
SELECT e.id AS ref, e.doc, ls.actor AS source_actor, e.source_country, e.source_sector,
    lt.actor AS target_actor, e.target_country, e.target_sector, speaker.actor AS speaker,
    e.target_text, e.source_start, e.source_end, d.published,
    min({start}, e.start_char) AS start, max({end}, e.end_char) AS end
FROM events e JOIN documents d ON d.id = e.doc
LEFT JOIN actor_links ls ON ls.ref = e.source_entity
LEFT JOIN actor_links lt ON lt.ref = e.target_entity
LEFT JOIN attributions a ON a.id = e.attribution
LEFT JOIN speakers sp ON sp.id = a.speaker
LEFT JOIN actor_links speaker ON speaker.ref = coalesce(sp.entity, sp.id)
WHERE +e.category = 'ACCUSE' AND e.mode = 'allege' AND e.modality = 'happened'
    AND NOT e.negated AND {not_excluded("e")}"""


def _rows(
    db: sqlite3.Connection, select: str, *, doc: str | None, refs: Iterable[str] | None,
    table: str,
) -> list[dict[str, Any]]:  # fmt: skip
    if doc is not None:
        where, params = " AND d.id = ?", [doc]
    else:
        where = f" AND {table}.id IN (SELECT value FROM json_each(?))"
        params = [json.dumps(sorted(set(refs or ())), ensure_ascii=False)]
    return [dict(row) for row in db.execute(select + where + f" ORDER BY {table}.rowid", params)]


def report_features(
    db: sqlite3.Connection, *, doc: str | None = None, refs: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """The events of ``doc`` (or those of ``refs``) with their words, their sentence's span,
    the time expression that dates them (its anchor and modifier), their sides' corpus-wide
    actors, their article's date and the claim they are in."""
    rows = _rows(db, _report_select(), doc=doc, refs=refs, table="e")
    return _with_text(db, rows, "sentence_start", "sentence_end", "sentence")


def denial_features(
    db: sqlite3.Connection, *, doc: str | None = None, refs: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """The statements of ``doc`` (or those of ``refs``) whose speaker is a corpus-wide actor
    and which have a cue: the cue's words, the words before it, the content, the cue and
    content together (``said``) and the sentence's span."""
    return _rows(db, _denial_select(), doc=doc, refs=refs, table="a")


def allegation_features(
    db: sqlite3.Connection, *, doc: str | None = None, refs: Iterable[str] | None = None
) -> list[dict[str, Any]]:
    """The allegations of ``doc`` (or those of ``refs``): ACCUSE events of the ``allege``
    mode, happened and not negated, with their sentence, their sides' and their statement's
    speaker's corpus-wide actors, their target's words, and the person actors their sentence
    names outside their source's words (``people``)."""
    rows = _with_text(db, _rows(db, _allegation_select(), doc=doc, refs=refs, table="e"),
                      "start", "end", "sentence")  # fmt: skip
    for row in rows:
        people = db.execute(
            "SELECT DISTINCT l.actor FROM mentions m JOIN actor_links l ON l.ref = m.entity "
            "JOIN actors a ON a.id = l.actor WHERE m.doc = ? AND a.kind = 'person' "
            "AND ? <= m.start_char AND m.start_char < ? "
            "AND NOT (coalesce(? <= m.start_char AND m.start_char < ?, 0))",
            (row["doc"], row["start"], row["end"], row["source_start"], row["source_end"]),
        )
        row["people"] = frozenset(actor for (actor,) in people)
    return rows


def _with_text(
    db: sqlite3.Connection, rows: list[dict[str, Any]], start: str, end: str, name: str
) -> list[dict[str, Any]]:
    """``rows``, each with the text of its document from ``start`` to ``end`` as ``name``."""
    for row in rows:
        (row[name],) = db.execute(
            "SELECT substr(text, ? + 1, ? - ?) FROM documents WHERE id = ?",
            (row[start], row[end], row[start], row["doc"]),
        ).fetchone()
    return rows


def claim_peers(db: sqlite3.Connection, refs: Iterable[str], *, limit: int) -> dict[str, list[str]]:
    """For each of ``refs`` in an event claim, the first ``limit`` members of that claim in
    other documents."""
    rows = db.execute(
        """SELECT ref, peer FROM (
            SELECT m.ref, p.ref AS peer,
                row_number() OVER (PARTITION BY m.ref ORDER BY p.rowid) AS n
            FROM claim_members m JOIN claims c ON c.id = m.claim AND c.kind = 'event'
            JOIN claim_members p ON p.claim = m.claim AND p.doc != m.doc
            WHERE m.ref IN (SELECT value FROM json_each(?))
        ) WHERE n <= ? ORDER BY ref, n""",
        (json.dumps(sorted(set(refs)), ensure_ascii=False), limit),
    )
    found: dict[str, list[str]] = {}
    for ref, peer in rows:
        found.setdefault(ref, []).append(peer)
    return found


def contradiction_keyed(db: sqlite3.Connection, keys: Iterable[str], *, doc: str) -> Counter[str]:
    """How many of ``keys`` each record of the other documents is filed under."""
    return keyed(db, "contradiction_keys", keys, doc=doc)


def add_contradiction_keys(db: sqlite3.Connection, ref: str, doc: str, keys: Iterable[str]) -> None:
    add_keys(db, "contradiction_keys", ref, doc, keys)


def add_contradictions(db: sqlite3.Connection, found: Iterable[Contradiction]) -> int:
    """Insert what was found (a pair found again is kept once); say how many were new."""
    before = db.total_changes
    db.executemany(
        f"INSERT OR IGNORE INTO contradictions ({', '.join(CONTRADICTION_COLUMNS)}) "
        f"VALUES ({', '.join('?' * len(CONTRADICTION_COLUMNS))})",
        [
            (c.rule, c.message, c.claim, c.actor, c.doc, c.ref, c.start, c.end, c.text,
             c.other_doc, c.other_ref, c.other_start, c.other_end, c.other_text, c.version)
            for c in found
        ],
    )  # fmt: skip
    return db.total_changes - before


def pending_contradiction_documents(db: sqlite3.Connection) -> list[str]:
    """Documents not checked yet, oldest first (by date, then id)."""
    rows = db.execute(
        "SELECT d.id FROM documents d LEFT JOIN contradictions_checked c ON c.doc = d.id "
        "WHERE c.doc IS NULL ORDER BY d.published IS NULL, d.published, d.id"
    )
    return [row[0] for row in rows]


def mark_checked(db: sqlite3.Connection, doc: str, version: str) -> None:
    db.execute(
        "INSERT OR REPLACE INTO contradictions_checked (doc, version) VALUES (?, ?)",
        (doc, version),
    )


def clear_contradictions(db: sqlite3.Connection) -> None:
    """Forget every contradiction and key, so that the whole database is checked again."""
    for table in ("contradictions", "contradiction_keys", "contradictions_checked"):
        db.execute(f"DELETE FROM {table}")


def contradiction_rows(
    db: sqlite3.Connection, *, refs: Iterable[str] | None = None, doc: str | None = None
) -> list[Contradiction]:
    """What was found (with a side among ``refs``, the members of a claim say; or with a
    side in ``doc``; or all), by rule then where its first side stands; ``claim`` is the
    claim a side is in now (claims merge as articles arrive)."""
    where, params = "", ()
    if refs is not None:
        where = ("WHERE ref IN (SELECT value FROM json_each(?1)) "
                 "OR other_ref IN (SELECT value FROM json_each(?1))")  # fmt: skip
        params: tuple[str, ...] = (json.dumps(sorted(set(refs)), ensure_ascii=False),)
    elif doc is not None:
        where, params = "WHERE doc = ?1 OR other_doc = ?1", (doc,)
    columns = [name for name in CONTRADICTION_COLUMNS if name != "claim"]
    rows = db.execute(
        f"SELECT {', '.join(columns)}, coalesce("
        "(SELECT m.claim FROM claim_members m WHERE m.ref = contradictions.ref), "
        "(SELECT m.claim FROM claim_members m WHERE m.ref = contradictions.other_ref), "
        f"claim) AS claim FROM contradictions {where} "
        "ORDER BY rule, doc, start_char, other_doc, other_start",
        params,
    )
    return [
        Contradiction(
            row["rule"], row["message"], row["doc"], row["ref"], row["start_char"],
            row["end_char"], row["text"], row["other_doc"], row["other_ref"],
            row["other_start"], row["other_end"], row["other_text"], row["version"],
            claim=row["claim"], actor=row["actor"],
        )
        for row in rows
    ]  # fmt: skip
