"""Linking the names of stored documents to corpus-wide actors.

``link_pending`` links every document not linked yet, each in its own transaction, oldest
first: the names a document gives are looked up by key among the stored actors and joined to
one, used to found one, or left unlinked, by the rules of ``fuente.actors.identity``. A new
article joins the actors already there; nothing else is recomputed. ``rebuild_actors`` forgets
every actor and links the whole database again (after a change of rules or knowledge base).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from fuente.actors.identity import (
    EXTRACTOR,
    PERSON,
    ActorCandidate,
    ActorName,
    Decision,
    KnownEntry,
    actor_id,
    decide,
    known_entry,
    linking_form,
    name_keys,
    own_name,
    person_parts,
)
from fuente.actors.knowledge import names_holder, resolve_description
from fuente.actors.known import KnownActors, known_actors
from fuente.settings import Settings
from fuente.store.actors import (
    StoredActor,
    StoredName,
    add_actor,
    add_keys,
    add_link,
    candidate_rows,
    clear_actors,
    described_speakers,
    link_kinds,
    mark_linked,
    names_of,
    pending_documents,
    read_actor,
    rename_actor,
)
from fuente.store.connect import Connection
from fuente.store.database import Store

__all__ = ["LinkReport", "link_pending", "rebuild_actors"]


@dataclass(frozen=True, slots=True)
class LinkReport:
    """What a linking pass did: documents linked, names joined to an actor, actors founded,
    names left unlinked."""

    documents: int = 0
    joined: int = 0
    founded: int = 0
    unlinked: int = 0


def link_pending(
    store: Store, *, settings: Settings, progress: Callable[[str], None] | None = None
) -> LinkReport:
    """Link every stored document that is not linked yet; ``progress`` hears each one."""
    known = known_actors(settings)
    totals = [0, 0, 0, 0]
    for doc in pending_documents(store.db):
        counts = store.atomic(lambda db, doc=doc: _link_document(db, doc, known, settings))
        totals = [a + b for a, b in zip(totals, (1, *counts), strict=True)]
        if progress is not None:
            progress(doc)
    return LinkReport(*totals)


def rebuild_actors(store: Store, *, settings: Settings) -> LinkReport:
    """Forget every actor and link the whole database again."""
    store.atomic(clear_actors)
    return link_pending(store, settings=settings)


def _year(published: str | None) -> int | None:
    return int(published[:4]) if published and published[:4].isdigit() else None


def _link_document(
    db: Connection, doc: str, known: KnownActors, settings: Settings
) -> tuple[int, int, int]:
    outcomes = []
    names = [replace(n, name=own) for n in names_of(db, doc)
             if (own := own_name(n.name, n.kind)) is not None]  # fmt: skip
    people = [person_parts(n.name, titles=known.titles) if n.kind == PERSON else None
              for n in names]  # fmt: skip
    full = {parts for parts in people if parts is not None and parts[0] is not None}
    for stored, parts in zip(names, people, strict=True):
        namesakes = sum(1 for other in full if parts and other != parts and other[1] == parts[1])
        outcomes.append(_link_name(db, stored, known, namesakes=namesakes))
    for stored in described_speakers(db, doc):
        outcomes.append(_link_described(db, stored, known, settings))
    mark_linked(db, doc, EXTRACTOR)
    return outcomes.count("joined"), outcomes.count("founded"), outcomes.count("unlinked")


def _link_described(
    db: Connection, stored: StoredName, known: KnownActors, settings: Settings
) -> str:
    """An unnamed speaker whose description names an office's holder on the article's date
    ("Venezuela's interior minister" in a 2024 article) joins the knowledge base's holder."""
    if not stored.published or not names_holder(stored.name, settings=settings):
        return "skipped"
    entry = resolve_description(stored.name, stored.published, known=known, settings=settings)
    if entry is None:
        return "skipped"
    name = ActorName(stored.ref, stored.doc, PERSON, entry.name, ((stored.name, 1),))
    kb = KnownEntry(entry.id, entry.name, PERSON, entry.country, entry.sector)
    keys = name_keys(name, known=kb, titles=known.titles)
    candidates = _candidates(db, keys)
    decision = decide(name, candidates, known=kb, titles=known.titles)
    reason = f"{stored.name!r} on {stored.published}: {decision.reason}, who held the office then"
    return _apply(db, stored, replace(decision, reason=reason), keys)


def _candidates(db: Connection, keys: tuple[str, ...]) -> list[ActorCandidate]:
    return [
        ActorCandidate(row.id, row.name, row.kind, row.kb, tuple(row.aliases))
        for row in candidate_rows(db, keys)
    ]


def _link_name(db: Connection, stored: StoredName, known: KnownActors, *, namesakes: int) -> str:
    name = ActorName(
        stored.ref, stored.doc, stored.kind, stored.name, tuple(stored.aliases.items()),
        _year(stored.published), stored.context, namesakes,
    )  # fmt: skip
    form = linking_form(name, titles=known.titles)
    if form != name.name:
        name = replace(name, name=form)
    entry = known_entry(name, known)
    keys = name_keys(name, known=entry, titles=known.titles)
    candidates = _candidates(db, keys)
    decision = decide(name, candidates, known=entry, titles=known.titles)
    if form != stored.name:
        decision = replace(decision, reason=f"as {form}, the fuller form its article gives: "
                           f"{decision.reason}")  # fmt: skip
    return _apply(db, stored, decision, keys)


def _apply(db: Connection, stored: StoredName, decision: Decision, keys: tuple[str, ...]) -> str:
    """Carry a decision out: found the new actor, or link to the one chosen, or to none."""
    if decision.new is not None:
        new = decision.new
        row = StoredActor(
            actor_id(new.name), new.name, new.kind, new.kb, new.country, new.sector, {}, EXTRACTOR
        )
        actor = add_actor(db, row, keys)
        add_link(db, stored, actor=actor, reason=decision.reason, version=EXTRACTOR)
        return "founded"
    if decision.actor is None:
        add_link(db, stored, actor=None, reason=decision.reason, version=EXTRACTOR)
        return "unlinked"
    add_keys(db, decision.actor, keys)
    add_link(db, stored, actor=decision.actor, reason=decision.reason, version=EXTRACTOR)
    _settle(db, decision.actor, stored.name)
    return "joined"


def _settle(db: Connection, actor: str, name: str) -> None:
    """After a join: an actor outside the knowledge base takes the fullest name it has been
    given, and the kind most of its names were tagged."""
    current = read_actor(db, actor)
    if current is None:
        return
    kinds = link_kinds(db, actor)
    kind = max(kinds, key=lambda k: (kinds[k], k == current.kind))
    fuller = current.kb is None and len(name.split()) > len(current.name.split())
    if fuller or kind != current.kind:
        rename_actor(db, actor, name=name if fuller else current.name, kind=kind)
