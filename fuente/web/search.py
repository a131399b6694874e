"""Full-text search over article text and attribution content, with facets.

The index is SQLite FTS5 (``documents_search`` and ``attributions_search``, kept up by the
triggers of the search migration), so excluded ranges never match. A query is a few words
and "quoted phrases"; every one must match, accents and case ignored. Whatever a person
types becomes quoted FTS5 terms, so no input is a syntax error; a term given twice counts
once (``the the the`` is ``the``), and at most ``MAX_TERMS`` different terms are searched.

Results are passages of article text and attributions (with their speaker), best first by
FTS5's bm25 rank, ties broken by kind and id, a page at a time. SQLite ranks every match in
one pass, which is kept (``fuente.web.kept``) with what each match's outlet, language, date
and speaker kind are; only the page's results get their passage (``snippet``,
``highlight``) made. Facets count results by outlet, speaker kind (named, unnamed, author:
attributions only), language and date (the document's year, then month), over that one
pass; choosing a value narrows the results, and each facet counts what the other choices
leave.
"""

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from typing import Any

from fuente.records import NAMED_KINDS, Speaker
from fuente.store.database import Store
from fuente.text import fold
from fuente.web.kept import KeptAt
from fuente.web.keys import dossier_path, speaker_group, speaker_key
from fuente.web.markup import anchor_of
from fuente.web.paging import Window, paged
from fuente.web.queries import article_path
from fuente.web.rows import as_json

__all__ = ["FACETS", "MAX_TERMS", "PER_PAGE", "fts_query", "passage", "search", "search_terms"]

FACETS = ("outlet", "speaker", "language", "date")
MAX_TERMS = 10
PER_PAGE = 20  # a result's passage costs a pass over its article: fewer than other lists
HIT, END = "\x02", "\x03"
TERM = re.compile(r'"([^"]*)"|(\S+)')
UNKNOWN = "(unknown)"
GROUP = (
    f"CASE WHEN s.kind IN ({', '.join(repr(k) for k in NAMED_KINDS)}) THEN 'named' "
    "WHEN s.kind IN ('unnamed', 'author') THEN s.kind END"
)
MATCHED = """
    SELECT 'attribution' AS type, a.id AS id, 'a' || a.id AS item, a.doc AS doc,
        d.outlet AS outlet, d.language AS language, d.published AS published, {group} AS speaker,
        {attribution_rank} AS rank
    FROM attributions_search JOIN attributions a ON a.rowid = attributions_search.rowid
    JOIN documents d ON d.id = a.doc LEFT JOIN speakers s ON s.id = a.speaker
    WHERE attributions_search MATCH :match
    UNION ALL
    SELECT 'text', d.id, 'd' || d.id, d.id, d.outlet, d.language, d.published, NULL, {document_rank}
    FROM documents_search JOIN documents d ON d.rowid = documents_search.rowid
    WHERE documents_search MATCH :match
"""
EVERY_DOCUMENT = """
    SELECT 'document' AS type, id, 'd' || id AS item, id AS doc, outlet, language, published,
        NULL AS speaker, NULL AS rank
    FROM documents
"""


def search_terms(text: str) -> list[str]:
    """The different words and phrases of a query, in order: ``the "New  York" the`` ->
    ``["the", "New York"]``; a term differing only in case or accents is the same term."""
    terms: dict[str, str] = {}
    for phrase, word in TERM.findall(text):
        term = " ".join(re.findall(r"\w+", phrase or word))
        if term:
            terms.setdefault(fold(term), term)
    return list(terms.values())


def fts_query(text: str) -> str | None:
    """``new "interior minister"`` -> ``"new" "interior minister"``; None without words.
    Only the first ``MAX_TERMS`` different terms are kept."""
    terms = search_terms(text)[:MAX_TERMS]
    return " ".join('"' + term.replace('"', '""') + '"' for term in terms) if terms else None


def passage(marked: str) -> list[dict[str, Any]]:
    """FTS5 output with hit markers -> ``[{text, hit}]`` pieces, whitespace runs folded."""
    pieces = []
    for index, part in enumerate(re.split(f"{HIT}|{END}", marked)):
        text = re.sub(r"\s+", " ", part)
        if text:
            pieces.append({"text": text, "hit": index % 2 == 1})
    return pieces


def _matched(match: str | None) -> str:
    if match is None:
        return EVERY_DOCUMENT
    return MATCHED.format(
        group=GROUP,
        attribution_rank="bm25(attributions_search, 2.0, 1.0)",
        document_rank="bm25(documents_search, 4.0, 1.0)",
    )


def _matches(store: Store, match: str | None) -> list[tuple[Any, ...]]:
    """Every result of ``match`` (None: every document), best first (latest first without a
    query), in one pass: ``(item, outlet, language, published, speaker group)``, where item
    is "a" and an attribution's id, or "d" and a document's."""
    order = "rank, type, id" if match is not None else "published IS NULL, published DESC, id"
    rows = store.db.execute(
        f"SELECT item, outlet, language, published, speaker FROM ({_matched(match)}) "
        f"ORDER BY {order}",
        {"match": match},
    )
    return [tuple(row) for row in rows]


def _value(facet: str, row: tuple[Any, ...], width: int) -> str | None:
    """The value ``row`` has for ``facet``: an unknown outlet, language or date is
    ``UNKNOWN``, a date is its first ``width`` characters, and text results have no speaker."""
    _, outlet, language, published, speaker = row
    if facet == "outlet":
        return outlet if outlet is not None else UNKNOWN
    if facet == "language":
        return language if language is not None else UNKNOWN
    if facet == "speaker":
        return speaker
    return published[:width] if published else UNKNOWN


def _summary(rows: list[tuple[Any, ...]], chosen: dict[str, str]) -> dict[str, Any]:
    """The results that every choice keeps, in order, and each facet's counts over what the
    other choices leave (a facet's own choice is not applied to it)."""
    width = 7 if len(chosen.get("date", "")) >= 4 else 4
    counts: dict[str, Counter[str]] = {facet: Counter() for facet in FACETS}
    order = []
    for row in rows:
        missed = [f for f, value in chosen.items() if _value(f, row, len(value)) != value]
        if not missed:
            order.append(row[0])
        if len(missed) > 1:
            continue
        for facet in missed or FACETS:
            value = _value(facet, row, width)
            if value is not None:
                counts[facet][value] += 1
    facets = {}
    for facet, found in counts.items():
        ordered = (
            sorted(found.items(), reverse=True)
            if facet == "date"
            else sorted(found.items(), key=lambda item: (-item[1], item[0]))
        )
        facets[facet] = [
            {"value": value, "count": count, "chosen": chosen.get(facet) == value}
            for value, count in ordered
        ]
    return {"facets": facets, "order": order}


def _document_fields(row: Any) -> dict[str, Any]:
    return {
        "doc": row["id"],
        "title": row["title"],
        "outlet": row["outlet"],
        "language": row["language"],
        "published": row["published"],
    }


def _documents(store: Store, ids: list[str]) -> dict[str, sqlite3.Row]:
    rows = store.db.execute(
        "SELECT rowid, id, title, outlet, language, published, deck FROM documents "
        "WHERE id IN (SELECT value FROM json_each(?))",
        (as_json(ids),),
    )
    return {row["id"]: row for row in rows}


def _text_passages(store: Store, match: str, docs: list[str]) -> dict[str, sqlite3.Row]:
    """Each document's passage and rank, one lookup by rowid each (FTS5 answers those
    without going through every match)."""
    found = {}
    for doc in docs:
        found[doc] = store.db.execute(
            f"SELECT snippet(documents_search, -1, '{HIT}', '{END}', '…', 40) AS marked, "
            "bm25(documents_search, 4.0, 1.0) AS rank FROM documents_search "
            "WHERE documents_search MATCH ? AND rowid = (SELECT rowid FROM documents WHERE id = ?)",
            (match, doc),
        ).fetchone()
    return {doc: row for doc, row in found.items() if row is not None}


def _attributions(store: Store, match: str, ids: list[str]) -> dict[str, sqlite3.Row]:
    found = {}
    for id_ in ids:
        found[id_] = store.db.execute(
            "SELECT a.id AS attribution, a.kind AS kind, a.doc AS doc, s.id AS sid, "
            "s.doc AS sdoc, s.kind AS skind, s.name AS sname, s.description AS sdescription, "
            f"highlight(attributions_search, 0, '{HIT}', '{END}') AS marked, "
            f"highlight(attributions_search, 1, '{HIT}', '{END}') AS speaker_marked, "
            "bm25(attributions_search, 2.0, 1.0) AS rank "
            "FROM attributions_search JOIN attributions a ON a.rowid = attributions_search.rowid "
            "LEFT JOIN speakers s ON s.id = a.speaker WHERE attributions_search MATCH ? "
            "AND attributions_search.rowid = (SELECT rowid FROM attributions WHERE id = ?)",
            (match, id_),
        ).fetchone()
    return {id_: row for id_, row in found.items() if row is not None}


def _speaker(row: sqlite3.Row) -> dict[str, Any] | None:
    if row["sid"] is None:
        return None
    described = Speaker(
        row["sid"], row["sdoc"], row["skind"], row["sname"], "", description=row["sdescription"]
    )
    key = speaker_key(described)
    return {
        "name": row["sname"],
        "kind": row["skind"],
        "description": row["sdescription"],
        "key": key,
        "url": dossier_path(key),
    }


def _hits(store: Store, match: str | None, page: list[str]) -> list[dict[str, Any]]:
    """The results of ``page`` (``item`` of ``_order``), in that order, with passages."""
    said = [item[1:] for item in page if item[0] == "a"]
    texts = [item[1:] for item in page if item[0] == "d"]
    attributions = _attributions(store, match, said) if match and said else {}
    passages = _text_passages(store, match, texts) if match and texts else {}
    documents = _documents(store, [*texts, *(row["doc"] for row in attributions.values())])
    hits = []
    for item in page:
        if item[0] == "a":
            found = attributions.get(item[1:])
            if found is not None:
                hits.append(_attribution_hit(found, documents[found["doc"]]))
            continue
        document = documents.get(item[1:])
        if document is None:
            continue
        hit = {"type": "text" if match else "document", **_document_fields(document)}
        if match:
            found = passages.get(document["id"])
            hit["passage"] = passage(found["marked"]) if found else []
            hit["rank"] = found["rank"] if found else None
        else:
            deck = document["deck"]
            hit["passage"] = [{"text": deck, "hit": False}] if deck else []
        hit["url"] = article_path(document["id"])
        hits.append(hit)
    return hits


def _attribution_hit(found: sqlite3.Row, document: sqlite3.Row) -> dict[str, Any]:
    return {
        "type": "attribution",
        **_document_fields(document),
        "attribution": found["attribution"],
        "kind": found["kind"],
        "speaker": _speaker(found),
        "speaker_group": speaker_group(found["skind"]),
        "passage": passage(found["marked"]),
        "speaker_passage": passage(found["speaker_marked"]),
        "url": article_path(found["doc"], anchor_of(found["attribution"])),
        "rank": found["rank"],
    }


def search(
    store: Store,
    query: str | None = None,
    *,
    filters: dict[str, str | None] | None = None,
    window: Window | None = None,
    kept: KeptAt | None = None,
) -> dict[str, Any]:
    """One page of results for ``query`` narrowed by ``filters`` (facet -> value), with the
    facets' counts; without a query, the documents, latest first."""
    window = window or Window(per_page=PER_PAGE)
    chosen = {name: value for name, value in (filters or {}).items() if value and name in FACETS}
    match = fts_query(query or "")
    kept = kept or KeptAt()
    summary = kept.get(
        ("search", match, tuple(sorted(chosen.items()))),
        lambda: _summary(
            kept.get(("search matches", match), lambda: _matches(store, match)), chosen
        ),
        size=lambda found: len(found["order"]) + 1,
    )
    order = summary["order"]
    hits = kept.get(
        ("search page", match, tuple(sorted(chosen.items())), window.page, window.per_page),
        lambda: _hits(store, match, list(window.cut(order))),
    )
    return {
        "query": query or "",
        "terms": search_terms(query or "")[:MAX_TERMS],
        "filters": chosen,
        **paged(window, len(order)),
        "hits": hits,
        "facets": summary["facets"],
    }
