"""Claims across articles as rows: what ``fuente claims`` lists and ``fuente export claims``
writes, each claim with its members, its independent corroboration and the contradictions
found between its members or with them (``contradictions``).

A claim *across articles* has members in two documents or more; a claim all of whose members
stand in one article is no corroboration and is listed nowhere (``claim`` still reads it by
id). ``claim_summaries`` says, for records of the articles shown, how far the claim each
belongs to is corroborated: in how many articles and by how many independent sources in all,
and how many of those lie outside the record's own article (``others``). ``claim_refs`` is
every record of a claim meeting a filter (``min_sources``, ``unnamed_only``), for search.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from fuente.query.contradictions import contradictions
from fuente.query.corroboration import corroboration, origin_groups
from fuente.query.links import claim_path
from fuente.store.claims import claim_record, claim_rows, claims_member_rows, claims_of
from fuente.store.database import Store
from fuente.text import fold

__all__ = ["claim", "claim_refs", "claim_summaries", "claims", "others"]

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
    found = claim_rows(store.db)
    members = claims_member_rows(store.db, [found_claim["id"] for found_claim in found])
    for found_claim in found:
        row = _row(store, found_claim, members[found_claim["id"]])
        if row["sources"] >= min_sources and _matches(row, words):
            yield row


def claim(store: Store, claim_id: str) -> tuple[dict[str, Any], list[dict[str, Any]]] | None:
    """The row ``claims`` gives the claim with this id, and its members as the store reads
    them (with their speakers and copy groups); None when there is no such claim."""
    found = claim_record(store.db, claim_id)
    members = claims_member_rows(store.db, [claim_id]).get(claim_id)
    if found is None or not members:
        return None
    return _row(store, found, members), members


def others(members: list[dict[str, Any]], doc: str) -> dict[str, int]:
    """How many articles besides ``doc`` report the claim of ``members`` (``articles``), and
    how many of its independent sources hold no report of ``doc`` (``sources``)."""
    groups = origin_groups(members)
    return {
        "articles": len({member["doc"] for member in members} - {doc}),
        "sources": sum(all(members[index]["doc"] != doc for index in group) for group in groups),
    }


def claim_summaries(store: Store, refs: Iterable[str]) -> dict[str, dict[str, Any]]:
    """For each of ``refs`` (attributions, events) that belongs to a claim across articles:
    the claim's ``id``, ``page`` (its address), ``articles``, ``sources`` (independent) and
    ``unnamed_only``, and ``others`` (``others``: besides the record's own article)."""
    of = claims_of(store.db, refs)
    members = claims_member_rows(store.db, set(of.values()))
    summaries = {}
    for ref, claim_id in of.items():
        found = members.get(claim_id, [])
        docs = {member["doc"] for member in found}
        own = next((member["doc"] for member in found if member["ref"] == ref), None)
        if len(docs) < 2 or own is None:
            continue
        told = corroboration(found)
        summaries[ref] = {
            "id": claim_id,
            "page": claim_path(claim_id),
            "articles": len(docs),
            "sources": told["sources"],
            "unnamed_only": told["unnamed_only"],
            "others": others(found, own),
        }
    return summaries


def claim_refs(store: Store, *, min_sources: int = 1, unnamed_only: bool = False) -> dict[str, str]:
    """The records (ref -> document) of every claim across articles with ``min_sources``
    independent sources or more (and, with ``unnamed_only``, resting on unnamed sources
    only)."""
    found = [row["id"] for row in claim_rows(store.db)]
    refs: dict[str, str] = {}
    for members in claims_member_rows(store.db, found).values():
        told = corroboration(members)
        if told["sources"] >= min_sources and (told["unnamed_only"] or not unnamed_only):
            refs.update((member["ref"], member["doc"]) for member in members)
    return refs
