"""One claim across articles, formed as articles arrive.

``match_claims`` takes each stored document not matched yet (oldest first, each in its own
transaction, after its actors are linked): each of its statements and events is looked up by
its keys (``fuente.corpus.claim_rules``) among the records of the documents matched before
it, only those sharing at least ``LEAST`` keys are compared (of a claim's members, only the
``PER_CLAIM`` sharing most keys, so the cost stays flat however often a story is reprinted;
a record unlike those few but like a later member is missed), and it joins the claim of every
one the rules say it is one with: a claim founded then with it, or one already there (two
claims it joins become one). Its records are then stored under their keys. Each member keeps
its own span, and the member it was matched to and why. ``rebuild_claims`` forgets every
claim and matches the whole database again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache, partial
from typing import Any

from fuente.corpus.claim_rules import (
    Occurrence,
    Statement,
    event_keys,
    same_event,
    same_statement,
    statement_keys,
)
from fuente.corpus.passes import each_pending
from fuente.days import date_span
from fuente.lexicon import read_lexicon
from fuente.settings import Settings
from fuente.store.claims import (
    add_claim,
    add_claim_keys,
    add_member,
    claim_size,
    claims_of,
    clear_claims,
    content_actors,
    event_features,
    keyed_refs,
    mark_matched,
    merge_claims,
    pending_claim_documents,
    statement_features,
)
from fuente.store.connect import Connection
from fuente.store.contradictions import clear_contradictions
from fuente.store.database import Store
from fuente.text import fold

__all__ = ["ClaimReport", "match_claims", "occurrence", "rebuild_claims"]

EXTRACTOR = "claims@1"
LEAST = 2  # keys a stored record must share with a new one to be compared with it
PER_CLAIM = 3  # members of one claim a new record is compared with, those sharing most keys


@dataclass(frozen=True, slots=True)
class ClaimReport:
    """What a claim pass did: documents matched, records that joined a claim."""

    documents: int = 0
    joined: int = 0


def match_claims(
    store: Store, *, settings: Settings, progress: Callable[[str], None] | None = None
) -> ClaimReport:
    """Match every stored document not matched yet; ``progress`` hears each one."""
    nouns = _person_nouns(settings.lexicon_dir)
    pending = pending_claim_documents(store.db)
    work = partial(_match_document, settings=settings, nouns=nouns)
    return ClaimReport(*each_pending(store, pending, work, progress))


def rebuild_claims(store: Store, *, settings: Settings) -> ClaimReport:
    """Forget every claim, and the contradictions found among them, and match the whole
    database again (``fuente.corpus.contradictions.find_contradictions`` checks it again)."""
    store.atomic(lambda db: (clear_claims(db), clear_contradictions(db)))
    return match_claims(store, settings=settings)


@cache
def _person_nouns(lexicon_dir: str | None) -> frozenset[str]:
    lexicon = read_lexicon("speakers", lexicon_dir=lexicon_dir)
    return frozenset(fold(str(word)) for word in lexicon.get("people", ()))


def _days(value: str | None) -> tuple[Any, Any] | None:
    span = date_span(value) if value else None
    return (span[0], span[1]) if span else None


def _statement(
    row: dict[str, Any], actors: list[tuple[int, str]], nouns: frozenset[str]
) -> Statement:
    kind = row["speaker_kind"]
    who = "unnamed" if kind == "unnamed" else row["actor"]
    if who is None and kind == "outlet" and row["speaker_name"]:
        who = f"outlet:{fold(row['speaker_name'])}"  # an outlet is known by its canonical name
    described = fold(row["description"] or row["speaker_name"] or "") if kind == "unnamed" else ""
    found = {word.removesuffix("s") for word in described.split()}
    named = frozenset(a for start, a in actors if row["start"] <= start < row["end"])
    return Statement(
        row["ref"], row["doc"], row["kind"], row["content"], who,
        nouns=frozenset(found & nouns) if kind == "unnamed" else frozenset(),
        country=row["country"], sector=row["sector"], said=_days(row["said"]),
        published=_days(row["published"]), actors=named,
    )  # fmt: skip


def _actor(who: str | None) -> str | None:
    """The corpus-wide actor a statement's ``who`` is, if it is one (not an unnamed source
    nor an outlet known by name only)."""
    return None if who is None or who == "unnamed" or who.startswith("outlet:") else who


def _side(actor: str | None, country: str | None, sector: str | None) -> str | None:
    if actor:
        return actor
    return f"{country}/{sector or '-'}" if country else None


def occurrence(row: dict[str, Any]) -> Occurrence:
    """An event row as the claim rules see it (the contradiction pass keys events the same
    way)."""
    return Occurrence(
        row["ref"], row["doc"], row["category"], row["modality"], bool(row["negated"]),
        _side(row["source_actor"], row["source_country"], row["source_sector"]),
        _side(row["target_actor"], row["target_country"], row["target_sector"]),
        location=row["location"], dated=_days(row["date_value"]),
    )  # fmt: skip


def _statements(db: Connection, nouns: frozenset[str], **where: Any) -> list[Statement]:
    rows = statement_features(db, **where)
    actors = content_actors(db, {row["doc"] for row in rows})
    return [_statement(row, actors[row["doc"]], nouns) for row in rows]


def _match_document(db: Connection, doc: str, settings: Settings, nouns: frozenset[str]) -> int:
    """Match the statements and events of ``doc``: the stored records each might be one with
    are chosen by key first, then read in one go."""
    statements = _statements(db, nouns, doc=doc)
    lookups = [statement_keys(s, settings=settings, widen=True) for s in statements]
    chosen = [_candidates(db, keyed_refs(db, keys, doc=doc), least=LEAST) if keys else []
              for keys in lookups]  # fmt: skip
    stored = {s.ref: s for s in _statements(db, nouns, refs=sorted({r for c in chosen for r in c}))}
    joined = 0
    for statement, refs in zip(statements, chosen, strict=True):
        matches = []
        for other in (stored[ref] for ref in refs if ref in stored):
            found = same_statement(statement, other, settings=settings)
            if found is not None:
                matches.append((other.ref, other.doc, *found))
        joined += _join(db, statement.ref, doc, matches, kind="statement",
                        label=statement.content[:200],
                        actor=_actor(statement.who))  # fmt: skip
        _keep_keys(db, statement.ref, doc, statement_keys(statement, settings=settings))
    events = [occurrence(row) for row in event_features(db, doc=doc)]
    lookups = [event_keys(event, days=settings.event_days, widen=True) for event in events]
    chosen = [_candidates(db, keyed_refs(db, keys, doc=doc), least=1) if keys else []
              for keys in lookups]  # fmt: skip
    refs = sorted({ref for refs in chosen for ref in refs})
    known = {row["ref"]: occurrence(row) for row in event_features(db, refs=refs)} if refs else {}
    for event, refs in zip(events, chosen, strict=True):
        matches = []
        for other in (known[ref] for ref in refs if ref in known):
            reason = same_event(event, other, settings=settings)
            if reason is not None:
                matches.append((other.ref, other.doc, 1.0, reason))
        joined += _join(db, event.ref, doc, matches, kind="event", label=event.category,
                        actor=event.source or event.target)  # fmt: skip
        _keep_keys(db, event.ref, doc, event_keys(event, days=settings.event_days))
    mark_matched(db, doc, EXTRACTOR)
    return joined


def _keep_keys(db: Connection, ref: str, doc: str, keys: set[str]) -> None:
    """Store ``ref`` under its keys, unless its claim has more than ``PER_CLAIM`` members
    already: those few stand for it (and keep a reprinted story's keys few)."""
    if keys and claim_size(db, ref) <= PER_CLAIM:
        add_claim_keys(db, ref, doc, keys)


def _candidates(db: Connection, counted: Counter[str], *, least: int) -> list[str]:
    """The stored records to compare a new one with: those sharing ``least`` keys or more, and
    of a claim's members only the ``PER_CLAIM`` sharing most, so that a story reprinted a
    hundred times costs a few comparisons, not a hundred."""
    ranked = sorted((ref for ref, count in counted.items() if count >= least),
                    key=lambda ref: (-counted[ref], ref))  # fmt: skip
    claims = claims_of(db, ranked) if ranked else {}
    taken: Counter[str] = Counter()
    chosen = []
    for ref in ranked:
        claim = claims.get(ref)
        if claim is not None:
            if taken[claim] >= PER_CLAIM:
                continue
            taken[claim] += 1
        chosen.append(ref)
    return chosen


def _join(
    db: Connection, ref: str, doc: str, matches: Iterable[tuple[str, str, float, str]], *,
    kind: str, label: str, actor: str | None,
) -> int:  # fmt: skip
    """Put ``ref`` in one claim with every record it matched; say whether it joined one."""
    matches = sorted(matches, key=lambda match: (-match[2], match[0]))
    if not matches:
        return 0
    best, _doc, score, reason = matches[0]
    claims = claims_of(db, [match[0] for match in matches])
    claim = claims.get(best) or next(iter(sorted(set(claims.values()))), None)
    if claim is None:
        claim = f"claim:{best}"
        add_claim(db, claim, kind=kind, label=label, actor=actor, version=EXTRACTOR)
    merge_claims(db, claim, claims.values())
    for other, other_doc, _score, _reason in matches:
        if other not in claims:
            add_member(db, other, other_doc, claim=claim, matched=None, score=1.0,
                       reason=f"matched by {ref}", version=EXTRACTOR)  # fmt: skip
    add_member(db, ref, doc, claim=claim, matched=best, score=round(score, 3), reason=reason,
               version=EXTRACTOR)  # fmt: skip
    return 1
