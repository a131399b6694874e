"""Syndicated copies and reused passages, found as articles arrive.

``match_pending`` takes each stored document not matched yet (oldest first), cuts its own
writing into passages (``fuente.corpus.passages``), and looks each passage's LSH band keys up
in the stored index: only passages sharing a key are compared, so a new article meets a
handful of candidates, never the corpus. Candidates are verified on their shingles: a
passage matches another when their Jaccard similarity reaches ``SAME`` or one holds
``HELD`` of the other's shingles (a sentence cut or inserted). Then, for each other document
B with matching passages, with A's share of its words in those passages and B's share:

* A is a **copy** of B when A's share reaches ``COPY`` (a reprint, cut or lightly edited),
  or both shares reach ``BOTH`` (a paragraph or two added), or B's share reaches ``COPY``
  and A is dated before B (A is the fuller original of a cut copy stored earlier);
* otherwise the matching passages are **reused** by A: an article that embeds a wire
  story's paragraphs in its own text is not a copy of it.

A copy joins the group of the document it copies; the group's origin is chosen when it is
read. The document's passages that matched nothing are then indexed, in the same
transaction: a passage already in the index is not indexed twice, so a story reprinted forty
times is compared with its first copy, not with forty.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from fuente.corpus.passages import Passage, bands, containment, passages
from fuente.store.connect import Connection
from fuente.store.database import Store
from fuente.store.syndication import (
    add_copy,
    add_passages,
    add_reuse,
    banded_passages,
    copy_of,
    document_text,
    group_words,
    hidden_ranges,
    mark_indexed,
    pending_index,
    stored_passages,
)

__all__ = ["SyndicationReport", "match_pending"]

EXTRACTOR = "syndication@1"
SAME = 0.5
HELD = 0.8
COPY = 0.8
BOTH = 0.6


@dataclass(frozen=True, slots=True)
class SyndicationReport:
    documents: int = 0
    copies: int = 0
    reusing: int = 0


def match_pending(store: Store) -> SyndicationReport:
    """Match and index every stored document not matched yet, each in its own transaction."""
    totals = [0, 0, 0]
    for doc, text, published, _outlet in pending_index(store.db):
        found = store.atomic(lambda db, d=doc, t=text, p=published: _match(db, d, t, p))
        totals = [
            a + b for a, b in zip(totals, (1, found == "copy", found == "reuse"), strict=True)
        ]
    return SyndicationReport(*totals)


def _similar(new: Passage, old: Passage) -> float:
    union = len(new.shingles | old.shingles)
    jaccard = len(new.shingles & old.shingles) / union if union else 0.0
    if jaccard >= SAME:
        return jaccard
    held = max(containment(new.shingles, old.shingles), containment(old.shingles, new.shingles))
    return held if held >= HELD else 0.0


def _candidates(
    db: Connection, ids: set[int], rebuilt: dict[str, dict[tuple[int, int], Passage]]
) -> list[tuple[dict, Passage]]:
    """The stored passages ``ids``, rebuilt from their documents' text (shingles are not
    stored: the text is); ``rebuilt`` keeps each document's passages for the next lookup."""
    found = []
    for row in stored_passages(db, ids):
        doc = row["doc"]
        if doc not in rebuilt:
            text = document_text(db, doc)
            rebuilt[doc] = {(p.start, p.end): p for p in passages(text, hidden_ranges(db, doc))}
        passage = rebuilt[doc].get((row["start"], row["end"]))
        if passage is not None:
            found.append((row, passage))
    return found


def _match(db: Connection, doc: str, text: str, published: str | None) -> str:
    own = passages(text, hidden_ranges(db, doc))
    keyed = [(passage, bands(passage)) for passage in own]
    found: list[tuple[Passage, dict, float]] = []  # (own passage, stored passage, similarity)
    rebuilt: dict[str, dict[tuple[int, int], Passage]] = {}
    for passage, keys in keyed:
        best: dict[str, tuple[dict, float]] = {}
        for row, old in _candidates(db, banded_passages(db, keys, doc=doc), rebuilt):
            score = _similar(passage, old)
            if score and score > best.get(row["doc"], ({}, 0.0))[1]:
                best[row["doc"]] = (row, score)
        found += [(passage, row, score) for row, score in best.values()]
    outcome = _decide(db, doc, published, own, found)
    matched = {(passage.start, passage.end) for passage, _, _ in found}
    novel = [(p, keys) for p, keys in keyed if (p.start, p.end) not in matched]
    add_passages(db, doc, [(p.start, p.end, p.words, keys) for p, keys in novel])
    mark_indexed(db, doc, EXTRACTOR)
    return outcome


def _root(db: Connection, doc: str) -> str:
    """The first document of ``doc``'s copy group (copies point at it directly)."""
    return copy_of(db, doc) or doc


def _decide(
    db: Connection,
    doc: str,
    published: str | None,
    own: list[Passage],
    found: list[tuple[Passage, dict, float]],
) -> str:
    """Record ``doc`` as a copy of the group it shares most with, or its matching passages
    as reused; say which ("copy", "reuse", "none")."""
    total = sum(p.words for p in own) or 1
    by_group: dict[str, list[tuple[Passage, dict, float]]] = defaultdict(list)
    for match in found:
        by_group[_root(db, match[1]["doc"])].append(match)
    best: tuple[float, str, str] | None = None
    for group, matches in sorted(by_group.items()):
        mine = sum(p.words for p in {p.start: p for p, _, _ in matches}.values()) / total
        theirs = sum(row["words"] for row in {r["id"]: r for _, r, _ in matches}.values())
        theirs /= group_words(db, group) or 1
        dates = [row["published"] for _, row, _ in matches if row["published"]]
        earlier = bool(published and dates and published < min(dates))
        if mine >= COPY or (mine >= BOTH and theirs >= BOTH) or (theirs >= COPY and earlier):
            reason = (
                f"{mine:.0%} of its passages are in {group}'s copies, {theirs:.0%} of theirs in it"
            )
            if best is None or mine > best[0]:
                best = (mine, group, reason)
    if best is not None:
        share, group, reason = best
        add_copy(db, doc, group, share=round(share, 3), reason=reason, version=EXTRACTOR)
        return "copy"
    rows = [
        (doc, p.start, p.end, row["doc"], row["start"], row["end"], round(score, 3), EXTRACTOR)
        for p, row, score in found
    ]
    add_reuse(db, rows)
    return "reuse" if rows else "none"
