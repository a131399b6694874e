"""Full-text search over article text and attribution content, with facets.

The index is SQLite FTS5 (``documents_search`` and ``attributions_search``, kept up by the
triggers of the search migration), so excluded ranges never match. A query is a few words
and "quoted phrases"; every one must match, accents and case ignored. Whatever a person
types becomes quoted FTS5 terms, so no input is a syntax error; a term given twice counts
once (``the the the`` is ``the``), and at most ``MAX_TERMS`` different terms are searched.

Results are passages of article text and attributions (with their speaker), best first by
FTS5's bm25 rank, ties broken by kind and id, a page at a time. SQLite ranks every match in
one pass, which is kept (``fuente.query.kept``) with what each match's outlet, language, date
and speaker kind are; only the page's results get their passage (``snippet``,
``highlight``) made. Facets count results by outlet, speaker kind (named, unnamed, author:
attributions only), language and date (the document's year, then month), over that one
pass; choosing a value narrows the results, and each facet counts what the other choices
leave. The index's reads are ``fuente.store.search``.

Two filters narrow the results to claims across articles (``fuente.query.claims``):
``min_sources`` (backed by at least that many independent sources) and ``unnamed_only``
(resting on unnamed sources only). With either, the results are the attributions that belong
to such a claim, each saying how far it is corroborated; passages of plain text are left out,
being no claim; without a query, the articles that report such a claim.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from fuente.query.claims import claim_refs, claim_summaries
from fuente.query.kept import KeptAt
from fuente.query.keys import speaker_group
from fuente.query.links import anchor_of, article_path, speaker_dict
from fuente.query.paging import Window, paged
from fuente.records import Speaker
from fuente.store.actors import speaker_links
from fuente.store.database import Store
from fuente.store.search import (
    END,
    HIT,
    attribution_passages,
    search_documents,
    search_matches,
    text_passages,
)
from fuente.text import fold

__all__ = [
    "CLAIM_FILTERS",
    "FACETS",
    "MAX_TERMS",
    "PER_PAGE",
    "fts_query",
    "on_claims",
    "passage",
    "search",
    "search_terms",
]

FACETS = ("outlet", "speaker", "language", "date")
CLAIM_FILTERS = ("min_sources", "unnamed_only")
MAX_TERMS = 10
PER_PAGE = 20  # a result's passage costs a pass over its article: fewer than other lists
TERM = re.compile(r'"([^"]*)"|(\S+)')
UNKNOWN = "(unknown)"


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


def _speaker(row: dict[str, Any], linked: dict[str, str]) -> dict[str, Any] | None:
    """The speaker of an attribution passage (its ``s_`` fields), as ``speaker_dict``, with
    the corpus-wide actor it is linked to (``linked``, by speaker id)."""
    if row["s_id"] is None:
        return None
    fields = {name: row[f"s_{name}"] for name in Speaker.__dataclass_fields__}
    return speaker_dict(Speaker(**fields), linked.get(row["s_id"]))


def _hits(store: Store, match: str | None, page: list[str]) -> list[dict[str, Any]]:
    """The results of ``page`` (``item`` of ``_order``), in that order, with passages."""
    said = [item[1:] for item in page if item[0] == "a"]
    texts = [item[1:] for item in page if item[0] == "d"]
    attributions = attribution_passages(store, match, said) if match and said else {}
    passages = text_passages(store, match, texts) if match and texts else {}
    documents = search_documents(store, [*texts, *(row["doc"] for row in attributions.values())])
    claims = claim_summaries(store, attributions) if attributions else {}
    linked = speaker_links(store.db, [r["s_id"] for r in attributions.values() if r["s_id"]])
    hits = []
    for item in page:
        if item[0] == "a":
            found = attributions.get(item[1:])
            if found is not None:
                hit = _attribution_hit(found, documents[found["doc"]], linked)
                hits.append({**hit, "claim": claims.get(item[1:])})
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


def _attribution_hit(
    found: dict[str, Any], document: dict[str, Any], linked: dict[str, str]
) -> dict[str, Any]:
    return {
        "type": "attribution",
        **_document_fields(document),
        "attribution": found["attribution"],
        "kind": found["kind"],
        "speaker": _speaker(found, linked),
        "speaker_group": speaker_group(found["s_kind"]),
        "passage": passage(found["marked"]),
        "speaker_passage": passage(found["speaker_marked"]),
        "url": article_path(found["doc"], anchor_of(found["attribution"])),
        "rank": found["rank"],
    }


def on_claims(
    rows: list[tuple[Any, ...]], refs: dict[str, str], *, texts: bool
) -> list[tuple[Any, ...]]:
    """The results that are attributions among ``refs`` (ref -> document), and with
    ``texts`` the documents holding one of them."""
    docs = set(refs.values()) if texts else set()
    return [
        row
        for row in rows
        if (row[0][0] == "a" and row[0][1:] in refs) or (row[0][0] == "d" and row[0][1:] in docs)
    ]


def _matches(
    store: Store, match: str | None, claimed: dict[str, Any], kept: KeptAt
) -> list[tuple[Any, ...]]:
    """Every result of ``match``, narrowed to claims as ``claimed`` says (if it says)."""
    rows = kept.get(("search matches", match), lambda: search_matches(store, match))
    if not claimed:
        return rows
    least, unnamed = claimed.get("min_sources") or 1, bool(claimed.get("unnamed_only"))
    refs = kept.get(
        ("claim refs", least, unnamed),
        lambda: claim_refs(store, min_sources=least, unnamed_only=unnamed),
        size=lambda found: len(found) + 1,
    )
    return on_claims(rows, refs, texts=match is None)


def search(
    store: Store,
    query: str | None = None,
    *,
    filters: dict[str, Any] | None = None,
    window: Window | None = None,
    kept: KeptAt | None = None,
) -> dict[str, Any]:
    """One page of results for ``query`` narrowed by ``filters`` (facet -> value, and the
    ``CLAIM_FILTERS``: ``min_sources`` a number, ``unnamed_only`` true), with the facets'
    counts; without a query, the documents, latest first."""
    window = window or Window(per_page=PER_PAGE)
    given = filters or {}
    chosen = {name: value for name, value in given.items() if value and name in FACETS}
    claimed = {name: value for name, value in given.items() if value and name in CLAIM_FILTERS}
    match = fts_query(query or "")
    kept = kept or KeptAt()
    narrowed = (tuple(sorted(chosen.items())), tuple(sorted(claimed.items())))
    summary = kept.get(
        ("search", match, narrowed),
        lambda: _summary(_matches(store, match, claimed, kept), chosen),
        size=lambda found: len(found["order"]) + 1,
    )
    order = summary["order"]
    hits = kept.get(
        ("search page", match, narrowed, window.page, window.per_page),
        lambda: _hits(store, match, list(window.cut(order))),
    )
    return {
        "query": query or "",
        "terms": search_terms(query or "")[:MAX_TERMS],
        "filters": {**chosen, **claimed},
        **paged(window, len(order)),
        "hits": hits,
        "facets": summary["facets"],
    }
