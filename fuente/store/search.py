"""The full-text search index's reads: every match ranked in one pass, then passages.

The index is SQLite FTS5 (``documents_search`` and ``attributions_search``, kept up by the
triggers of the search migration), so excluded ranges never match. ``match`` is an FTS5
query (``fuente.query.search.fts_query`` makes one of whatever a person types). Passages
come with the hits marked between ``HIT`` and ``END``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from fuente.records import NAMED_KINDS
from fuente.store.reads import IN_JSON, as_json

if TYPE_CHECKING:
    from fuente.store.database import Store

__all__ = ["END", "HIT", "attribution_passages", "search_documents", "search_matches",
           "text_passages"]  # fmt: skip

HIT, END = "\x02", "\x03"
GROUP = (
    f"CASE WHEN s.kind IN ({', '.join(repr(k) for k in NAMED_KINDS)}) THEN 'named' "
    "WHEN s.kind IN ('unnamed', 'author') THEN s.kind END"
)
MATCHED = f"""
    SELECT 'attribution' AS type, a.id AS id, 'a' || a.id AS item, a.doc AS doc,
        d.outlet AS outlet, d.language AS language, d.published AS published, {GROUP} AS speaker,
        bm25(attributions_search, 2.0, 1.0) AS rank
    FROM attributions_search JOIN attributions a ON a.rowid = attributions_search.rowid
    JOIN documents d ON d.id = a.doc LEFT JOIN speakers s ON s.id = a.speaker
    WHERE attributions_search MATCH :match
    UNION ALL
    SELECT 'text', d.id, 'd' || d.id, d.id, d.outlet, d.language, d.published, NULL,
        bm25(documents_search, 4.0, 1.0)
    FROM documents_search JOIN documents d ON d.rowid = documents_search.rowid
    WHERE documents_search MATCH :match
"""
EVERY_DOCUMENT = """
    SELECT 'document' AS type, id, 'd' || id AS item, id AS doc, outlet, language, published,
        NULL AS speaker, NULL AS rank
    FROM documents
"""


def search_matches(store: Store, match: str | None) -> list[tuple[Any, ...]]:
    """Every result of ``match`` (None: every document), best first (latest first without a
    query), in one pass: ``(item, outlet, language, published, speaker group)``, where item
    is "a" and an attribution's id, or "d" and a document's."""
    found = EVERY_DOCUMENT if match is None else MATCHED
    order = "rank, type, id" if match is not None else "published IS NULL, published DESC, id"
    rows = store.db.execute(
        f"SELECT item, outlet, language, published, speaker FROM ({found}) ORDER BY {order}",
        {"match": match},
    )
    return [tuple(row) for row in rows]


def search_documents(store: Store, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """``{id: {id, title, outlet, language, published, deck}}`` of the stored ``ids``."""
    rows = store.db.execute(
        f"SELECT id, title, outlet, language, published, deck FROM documents WHERE id {IN_JSON}",
        (as_json(ids),),
    )
    return {row["id"]: dict(row) for row in rows}


def text_passages(store: Store, match: str, docs: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Each document's passage (``marked``) and ``rank``, one lookup by rowid each (FTS5
    answers those without going through every match)."""
    found = {}
    for doc in docs:
        row = store.db.execute(
            f"SELECT snippet(documents_search, -1, '{HIT}', '{END}', '…', 40) AS marked, "
            "bm25(documents_search, 4.0, 1.0) AS rank FROM documents_search "
            "WHERE documents_search MATCH ? AND rowid = (SELECT rowid FROM documents WHERE id = ?)",
            (match, doc),
        ).fetchone()
        if row is not None:
            found[doc] = dict(row)
    return found


def attribution_passages(store: Store, match: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """Each attribution's content and speaker words with the hits marked (``marked``,
    ``speaker_marked``), its ``rank``, kind, document and speaker (``s_`` fields)."""
    found = {}
    for id_ in ids:
        row = store.db.execute(
            "SELECT a.id AS attribution, a.kind AS kind, a.doc AS doc, s.id AS s_id, "
            "s.doc AS s_doc, s.kind AS s_kind, s.name AS s_name, "
            "s.description AS s_description, s.country AS s_country, s.sector AS s_sector, "
            "s.count AS s_count, s.entity AS s_entity, s.version AS s_version, "
            f"highlight(attributions_search, 0, '{HIT}', '{END}') AS marked, "
            f"highlight(attributions_search, 1, '{HIT}', '{END}') AS speaker_marked, "
            "bm25(attributions_search, 2.0, 1.0) AS rank "
            "FROM attributions_search JOIN attributions a ON a.rowid = attributions_search.rowid "
            "LEFT JOIN speakers s ON s.id = a.speaker WHERE attributions_search MATCH ? "
            "AND attributions_search.rowid = (SELECT rowid FROM attributions WHERE id = ?)",
            (match, id_),
        ).fetchone()
        if row is not None:
            found[id_] = dict(row)
    return found
