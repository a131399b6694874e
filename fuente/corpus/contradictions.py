"""Contradictions between reports, found as articles arrive.

``find_contradictions`` takes each stored document not checked yet (oldest first, each in its
own transaction, after its claims are matched) and holds each of its events and statements
against the few records the rules could find it at odds with, never the corpus:

* each event in an event claim against the first ``PEERS`` members of that claim in other
  documents (rules ``numbers`` and ``dates``);
* each event dated to a day against the ``CANDIDATES`` stored events sharing most of its claim
  keys (``fuente.corpus.claim_rules.event_keys``: category, actor and days), since an event
  and its negation never join one claim (rule ``negation``);
* each denial against the allegations of its own article, and against those of other
  articles sharing ``DENIAL_SHARED`` keys of actor, content word and days with it; each
  allegation against the denials of other articles the same way (rule ``denial``). The
  document's denials and allegations are then stored under their keys.

The rules are ``fuente.corpus.contradiction_rules``'s and ``fuente.corpus.denial_rules``'s.
A pair found again (from its other side) is kept once. ``rebuild_contradictions`` forgets
them all and checks every document again; rebuilding the claims forgets them too, so run it
after.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from fuente.corpus.claim_rules import content_words, event_keys
from fuente.corpus.claims import occurrence
from fuente.corpus.contradiction_rules import (
    EXTRACTOR,
    Report,
    dates,
    firm_day,
    negation,
    numbers,
)
from fuente.corpus.contradiction_words import RuleWords, rule_words
from fuente.corpus.denial_rules import (
    DENIAL_SHARED,
    Allegation,
    Days,
    Denial,
    denial,
    denial_stems,
    is_denial,
    side_keys,
)
from fuente.corpus.passes import each_pending
from fuente.days import date_span
from fuente.records import Contradiction
from fuente.settings import Settings
from fuente.store.claims import keyed_refs
from fuente.store.connect import Connection
from fuente.store.contradictions import (
    add_contradiction_keys,
    add_contradictions,
    allegation_features,
    claim_peers,
    clear_contradictions,
    contradiction_keyed,
    denial_features,
    mark_checked,
    pending_contradiction_documents,
    report_features,
)
from fuente.store.database import Store

__all__ = ["ContradictionReport", "find_contradictions", "rebuild_contradictions"]

PEERS = 8  # members of its claim in other documents an event is held against
CANDIDATES = 12  # stored records sharing most keys a new one is held against


@dataclass(frozen=True, slots=True)
class ContradictionReport:
    """What a contradiction pass did: documents checked, contradictions found."""

    documents: int = 0
    found: int = 0


def find_contradictions(
    store: Store, *, settings: Settings, progress: Callable[[str], None] | None = None
) -> ContradictionReport:
    """Check every stored document not checked yet; ``progress`` hears each one."""
    words = rule_words(settings.lexicon_dir)
    pending = pending_contradiction_documents(store.db)
    work = partial(_check_document, settings=settings, words=words)
    return ContradictionReport(*each_pending(store, pending, work, progress))


def rebuild_contradictions(store: Store, *, settings: Settings) -> ContradictionReport:
    """Forget every contradiction and check the whole database again."""
    store.atomic(clear_contradictions)
    return find_contradictions(store, settings=settings)


def _days(value: str | None) -> Days | None:
    span = date_span(value) if value else None
    return (span[0], span[1]) if span else None


def _report(row: dict[str, Any]) -> Report:
    coded = occurrence(row)
    day = firm_day(row["date_value"], anchor=row["date_anchor"], mod=row["date_mod"],
                   inferred=bool(row["published_inferred"]))  # fmt: skip
    return Report(
        row["ref"], row["doc"], row["category"], row["mode"], row["modality"],
        bool(row["negated"]), coded.source, coded.target, row["start"], row["end"],
        row["trigger"], row["sentence"], row["sentence_start"], location=row["location"],
        day=day if row["date_start"] is not None else None, date_start=row["date_start"],
        date_end=row["date_end"], date_text=row["date_text"], published=row["published"],
        claim=row["claim"],
    )  # fmt: skip


def _denial(row: dict[str, Any]) -> Denial:
    cue = (row["cue"] or "").split()
    return Denial(
        row["ref"], row["doc"], row["actor"], row["actor_name"], cue[0] if cue else "",
        row["before"] or "", row["content"], row["said"], row["start"], row["end"],
        row["sentence_start"], row["sentence_end"], published=_days(row["published"]),
    )  # fmt: skip


def _allegation(row: dict[str, Any]) -> Allegation:
    coded = occurrence({**row, "category": "ACCUSE", "modality": "happened", "negated": 0,
                        "location": None, "date_value": None})  # fmt: skip
    return Allegation(
        row["ref"], row["doc"], coded.source, coded.target, row["sentence"], row["start"],
        row["end"], targeted=bool(row["target_text"]), people=row["people"],
        speaker=row["speaker"],
        published=_days(row["published"]),
    )  # fmt: skip


def _check_document(db: Connection, doc: str, settings: Settings, words: RuleWords) -> int:
    rows = report_features(db, doc=doc)
    reports = [_report(row) for row in rows]
    found = [*_in_claims(db, reports, words), *_negations(db, doc, rows, reports, settings)]
    found += _denials(db, doc, settings, words)
    mark_checked(db, doc, EXTRACTOR)
    return add_contradictions(db, found)


def _in_claims(db: Connection, reports: list[Report], words: RuleWords) -> list[Contradiction]:
    """The ``numbers`` and ``dates`` rules between each event and its claim's peers."""
    peers = claim_peers(db, [r.ref for r in reports if r.claim], limit=PEERS)
    wanted = sorted({peer for refs in peers.values() for peer in refs})
    known = {r.ref: r for r in map(_report, report_features(db, refs=wanted))} if wanted else {}
    found = []
    for report in reports:
        for other in (known[ref] for ref in peers.get(report.ref, ()) if ref in known):
            for rule in (numbers, dates):
                contradiction = rule(report, other, words=words)
                if contradiction is not None:
                    found.append(contradiction)
    return found


def _negations(
    db: Connection, doc: str, rows: list[dict[str, Any]], reports: list[Report],
    settings: Settings,
) -> list[Contradiction]:  # fmt: skip
    """The ``negation`` rule between each event dated to a day and the stored events sharing
    most of its keys."""
    chosen: dict[str, list[str]] = {}
    for row, report in zip(rows, reports, strict=True):
        if report.day is None or report.modality != "happened":
            continue
        keys = event_keys(occurrence(row), days=settings.event_days, widen=True)
        counted = keyed_refs(db, keys, doc=doc) if keys else {}
        ranked = sorted(counted, key=lambda ref: (-counted[ref], ref))[:CANDIDATES]
        if ranked:
            chosen[report.ref] = ranked
    wanted = sorted({ref for refs in chosen.values() for ref in refs})
    known = {r.ref: r for r in map(_report, report_features(db, refs=wanted))} if wanted else {}
    found = []
    for report in reports:
        for other in (known[ref] for ref in chosen.get(report.ref, ()) if ref in known):
            contradiction = negation(report, other)
            if contradiction is not None:
                found.append(contradiction)
    return found


def _denials(db: Connection, doc: str, settings: Settings, words: RuleWords) -> list[Contradiction]:
    """The ``denial`` rule: the document's denials against its own allegations and those of
    other articles keyed alike, and its allegations against other articles' denials."""
    days = settings.claim_days
    denials = [d for d in map(_denial, denial_features(db, doc=doc)) if is_denial(d, words=words)]
    allegations = [a for a in map(_allegation, allegation_features(db, doc=doc)) if a.about]
    found = []
    for statement in denials:
        found += [c for a in allegations if (c := denial(statement, a, words=words, days=days))]
        stems = denial_stems(statement)
        lookup = side_keys("g", statement.actor, stems, statement.published, days=days,
                           widen=True)  # fmt: skip
        refs = _keyed(db, lookup, doc)
        for other in map(_allegation, allegation_features(db, refs=refs) if refs else ()):
            if (c := denial(statement, other, words=words, days=days)) is not None:
                found.append(c)
        add_contradiction_keys(db, statement.ref, doc, side_keys(
            "d", statement.actor, stems, statement.published, days=days))  # fmt: skip
    for allegation in allegations:
        about = allegation.about or ""
        stems = content_words(allegation.sentence)
        lookup = side_keys("d", about, stems, allegation.published, days=days, widen=True)
        refs = _keyed(db, lookup, doc)
        for other in map(_denial, denial_features(db, refs=refs) if refs else ()):
            if (c := denial(other, allegation, words=words, days=days)) is not None:
                found.append(c)
        keys = side_keys("g", about, stems, allegation.published, days=days)
        add_contradiction_keys(db, allegation.ref, doc, keys)
    return found


def _keyed(db: Connection, keys: set[str], doc: str) -> list[str]:
    """The ``CANDIDATES`` stored records of other documents sharing most of ``keys``, at
    least ``DENIAL_SHARED`` of them."""
    counted = contradiction_keyed(db, keys, doc=doc) if keys else {}
    ranked = sorted((ref for ref, count in counted.items() if count >= DENIAL_SHARED),
                    key=lambda ref: (-counted[ref], ref))  # fmt: skip
    return ranked[:CANDIDATES]
