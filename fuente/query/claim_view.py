"""One claim as its page shows it: every report of it, folded under its independent sources,
and the contradictions that touch any of them.

The view is the claim's row (``fuente.query.claims``: what ``fuente claims --json`` prints)
with the addresses the web UI shows it at added, and its members made readable:

* ``members``: every report, oldest first, each with its article's ``title``, ``language``
  and ``page``
  (the report's place in it), its ``speaker`` (with the address of their dossier), the index
  of the ``origin`` it is folded into and ``how`` (None for the report that stands for its
  origin), and how many of the claim's ``contradictions`` touch it (``contradicted``);
* ``origins``: the independent sources (``sources`` of them), each with the ``members`` folded
  into it (their refs, the one that stands for it first): copies of a wire story under their
  origin, relays under the outlet they relay;
* ``contradictions``: each side with its ``page``.
"""

from __future__ import annotations

from typing import Any

from fuente.query.claims import claim
from fuente.query.corroboration import origin_groups
from fuente.query.links import anchor_of, article_path, claim_path, speaker_dict
from fuente.store.actors import document_links
from fuente.store.database import Store
from fuente.store.reads import document_briefs

__all__ = ["claim_view"]


def _speakers(store: Store, docs: set[str]) -> dict[str, dict[str, Any] | None]:
    """The speaker rows (``speaker_dict``) of the documents' speakers, by speaker id."""
    found: dict[str, dict[str, Any] | None] = {}
    for doc in sorted(docs):
        actors = document_links(store.db, doc)
        for speaker in store.speakers(doc):
            found[speaker.id] = speaker_dict(speaker, actors.get(speaker.id))
    return found


def _member(
    row: dict[str, Any], brief: dict[str, Any] | None, speaker: dict[str, Any] | None
) -> dict[str, Any]:
    return {
        **row,
        "title": brief["title"] if brief else None,
        "language": brief["language"] if brief else None,
        "page": article_path(row["doc"], anchor_of(row["ref"])),
        "speaker": speaker,
    }


def _side(side: dict[str, Any]) -> dict[str, Any]:
    page = article_path(side["doc"], anchor_of(side["ref"])) if side["doc"] else None
    return {**side, "page": page}


def claim_view(store: Store, claim_id: str) -> dict[str, Any] | None:
    """The claim with this id as its page shows it, or None when there is no such claim."""
    found = claim(store, claim_id)
    if found is None:
        return None
    row, stored = found
    docs = {member["doc"] for member in stored}
    briefs = document_briefs(store, docs)
    speakers = _speakers(store, docs)
    members = [
        _member(shown, briefs.get(member["doc"]), speakers.get(member["speaker_id"] or ""))
        for shown, member in zip(row["members"], stored, strict=True)
    ]
    folded = {entry["ref"]: entry["how"] for entry in row["folded"]}
    origins, groups = [], origin_groups(stored)
    for index, (origin, group) in enumerate(zip(row["origins"], groups, strict=True)):
        for place in group:
            members[place]["origin"] = index
            members[place]["how"] = folded.get(members[place]["ref"])
        origins.append({**origin, "members": [members[place]["ref"] for place in group]})
    sides = [
        {**each, "one": _side(each["one"]), "other": _side(each["other"])}
        for each in row["contradictions"]
    ]
    for member in members:
        member["contradicted"] = sum(
            member["ref"] in (side["one"]["ref"], side["other"]["ref"]) for side in sides
        )
    return {
        **row,
        "page": claim_path(claim_id),
        "members": members,
        "origins": origins,
        "contradictions": sides,
    }
