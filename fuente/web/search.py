"""Full-text search over article text and attribution content, with facets.

The index is SQLite FTS5 (``documents_search`` and ``attributions_search``, kept up by the
triggers of the search migration), so excluded ranges never match. A query is a few words
and "quoted phrases"; every one must match, accents and case ignored. Whatever a person
types becomes quoted FTS5 terms, so no input is a syntax error.

Results are passages of article text and attributions (with their speaker), best first by
FTS5's bm25 rank, each showing the matching words. Facets count them by outlet, speaker kind
(named, unnamed, author: attributions only), language and date (the document's year, then
month); choosing a value narrows the results, and each facet counts what the other choices
leave.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from fuente.records import Speaker
from fuente.store import Store
from fuente.web.keys import dossier_path, speaker_group, speaker_key
from fuente.web.markup import anchor_of
from fuente.web.queries import article_path

__all__ = ["FACETS", "PER_PAGE", "fts_query", "passage", "search"]

FACETS = ("outlet", "speaker", "language", "date")
PER_PAGE = 20
MAX_HITS = 2000
HIT, END = "\x02", "\x03"
TERM = re.compile(r'"([^"]*)"|(\S+)')
UNKNOWN = "(unknown)"


def fts_query(text: str) -> str | None:
    """``new "interior minister"`` -> ``"new" "interior minister"``; None without words."""
    terms = []
    for phrase, word in TERM.findall(text):
        term = " ".join(re.findall(r"\w+", phrase or word))
        if term:
            terms.append('"' + term.replace('"', '""') + '"')
    return " ".join(terms) if terms else None


def passage(marked: str) -> list[dict[str, Any]]:
    """FTS5 output with hit markers -> ``[{text, hit}]`` pieces, whitespace runs folded."""
    pieces = []
    for index, part in enumerate(re.split(f"{HIT}|{END}", marked)):
        text = re.sub(r"\s+", " ", part)
        if text:
            pieces.append({"text": text, "hit": index % 2 == 1})
    return pieces


def _document_hits(store: Store, match: str) -> list[dict[str, Any]]:
    rows = store.db.execute(
        f"SELECT d.id, d.title, d.outlet, d.language, d.published, "
        f"snippet(documents_search, -1, '{HIT}', '{END}', '…', 40) AS marked, "
        "bm25(documents_search, 4.0, 1.0) AS rank "
        "FROM documents_search JOIN documents d ON d.rowid = documents_search.rowid "
        "WHERE documents_search MATCH ? ORDER BY rank LIMIT ?",
        (match, MAX_HITS),
    )
    return [
        {
            "type": "text",
            **_document_fields(row),
            "passage": passage(row["marked"]),
            "url": article_path(row["id"]),
            "rank": row["rank"],
        }
        for row in rows
    ]


def _attribution_hits(store: Store, match: str) -> list[dict[str, Any]]:
    rows = store.db.execute(
        f"SELECT a.id AS attribution, a.kind AS kind, d.id, d.title, d.outlet, d.language, "
        f"d.published, s.id AS sid, s.doc AS sdoc, s.kind AS skind, s.name AS sname, "
        f"s.description AS sdescription, "
        f"highlight(attributions_search, 0, '{HIT}', '{END}') AS marked, "
        f"highlight(attributions_search, 1, '{HIT}', '{END}') AS speaker_marked, "
        "bm25(attributions_search, 2.0, 1.0) AS rank "
        "FROM attributions_search JOIN attributions a ON a.rowid = attributions_search.rowid "
        "JOIN documents d ON d.id = a.doc LEFT JOIN speakers s ON s.id = a.speaker "
        "WHERE attributions_search MATCH ? ORDER BY rank LIMIT ?",
        (match, MAX_HITS),
    )
    hits = []
    for row in rows:
        speaker = None
        if row["sid"] is not None:
            key = speaker_key(
                Speaker(
                    row["sid"],
                    row["sdoc"],
                    row["skind"],
                    row["sname"],
                    "",
                    description=row["sdescription"],
                )
            )
            speaker = {
                "name": row["sname"],
                "kind": row["skind"],
                "description": row["sdescription"],
                "key": key,
                "url": dossier_path(key),
            }
        hits.append(
            {
                "type": "attribution",
                **_document_fields(row),
                "attribution": row["attribution"],
                "kind": row["kind"],
                "speaker": speaker,
                "speaker_group": speaker_group(row["skind"]),
                "passage": passage(row["marked"]),
                "speaker_passage": passage(row["speaker_marked"]),
                "url": article_path(row["id"], anchor_of(row["attribution"])),
                "rank": row["rank"],
            }
        )
    return hits


def _document_fields(row: Any) -> dict[str, Any]:
    return {
        "doc": row["id"],
        "title": row["title"],
        "outlet": row["outlet"],
        "language": row["language"],
        "published": row["published"],
    }


def _browse(store: Store) -> list[dict[str, Any]]:
    """Without a query: every document, latest first."""
    rows = store.db.execute(
        "SELECT id, title, outlet, language, published, deck FROM documents "
        "ORDER BY published IS NULL, published DESC, id"
    )
    return [
        {
            "type": "document",
            **_document_fields(row),
            "passage": [{"text": row["deck"], "hit": False}] if row["deck"] else [],
            "url": article_path(row["id"]),
        }
        for row in rows
    ]


def _value(hit: dict[str, Any], facet: str, date_filter: str | None) -> str | None:
    if facet == "speaker":
        return hit.get("speaker_group") if hit["type"] == "attribution" else None
    if facet == "date":
        published = hit["published"]
        if not published:
            return UNKNOWN
        width = 7 if date_filter and len(date_filter) >= 4 else 4
        return published[:width]
    return hit[facet] or UNKNOWN


def _keeps(hit: dict[str, Any], facet: str, chosen: str) -> bool:
    if facet == "date":
        return (hit["published"] or UNKNOWN).startswith(chosen)
    if facet == "speaker":
        return hit["type"] == "attribution" and hit.get("speaker_group") == chosen
    return (hit[facet] or UNKNOWN) == chosen


def search(
    store: Store,
    query: str | None = None,
    *,
    filters: dict[str, str | None] | None = None,
    page: int = 1,
) -> dict[str, Any]:
    """One page of results for ``query`` narrowed by ``filters`` (facet -> value), with the
    facets' counts; without a query, the documents, latest first."""
    chosen = {name: value for name, value in (filters or {}).items() if value}
    match = fts_query(query or "")
    if match is None:
        hits = _browse(store)
    else:
        hits = _attribution_hits(store, match) + _document_hits(store, match)
        hits.sort(key=lambda hit: hit["rank"])  # bm25: lower is better
    facets = {}
    for facet in FACETS:
        others = [
            hit
            for hit in hits
            if all(_keeps(hit, name, value) for name, value in chosen.items() if name != facet)
        ]
        counts = Counter(_value(hit, facet, chosen.get("date")) for hit in others)
        counts.pop(None, None)
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        if facet == "date":
            ordered = sorted(counts.items(), reverse=True)
        facets[facet] = [
            {"value": value, "count": count, "chosen": chosen.get(facet) == value}
            for value, count in ordered
        ]
    kept = [hit for hit in hits if all(_keeps(hit, n, v) for n, v in chosen.items())]
    first = (page - 1) * PER_PAGE
    return {
        "query": query or "",
        "filters": chosen,
        "page": page,
        "per_page": PER_PAGE,
        "total": len(kept),
        "capped": match is not None and len(hits) >= MAX_HITS,
        "hits": kept[first : first + PER_PAGE],
        "facets": facets,
    }
