"""A dossier's reads: what a speaker or actor said, what others said about it, its events.

Each is read light, ``(date, document, place, type, id)``, so a dossier can be ordered and
counted in full before only a page of it is read whole. A statement is dated by the time
its sentence gives, else by its document; an event by its own date, else its document's; an
undated one sorts last ("9999"). Records inside an excluded range are left out.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from fuente.records import DESCRIBED
from fuente.store.reads import IN_JSON, STATED, as_json, not_excluded
from fuente.store.words import party_condition

if TYPE_CHECKING:
    from fuente.store.database import Store

__all__ = ["Light", "events_of_parties", "mention_texts", "said_about", "said_by"]

DATED = f"coalesce({STATED}, d.published)"
COUNTED = not_excluded("a", start="content_start", end="content_end")
UNDATED = "9999"
Light = tuple[str, str, int, str, str]  # date, document, place, type, id


def said_by(store: Store, speakers: Iterable[str]) -> list[Light]:
    """What the speakers of these ids said (type ``said``)."""
    rows = store.db.execute(
        f"SELECT {DATED}, a.doc, a.content_start, a.id FROM attributions a "
        f"JOIN documents d ON d.id = a.doc WHERE a.speaker {IN_JSON} AND {COUNTED}",
        (as_json(speakers),),
    )
    return [(date or UNDATED, doc, start, "said", id_) for date, doc, start, id_ in rows]


def said_about(store: Store, entities: Iterable[str], speakers: Iterable[str]) -> list[Light]:
    """Statements of others than ``speakers`` whose content holds a mention of one of
    ``entities`` (type ``about``)."""
    rows = store.db.execute(
        f"SELECT DISTINCT {DATED}, a.doc, a.content_start, a.id FROM mentions m "
        "JOIN attributions a ON a.doc = m.doc AND a.content_start <= m.start_char "
        "AND m.end_char <= a.content_end JOIN documents d ON d.id = a.doc "
        f"WHERE m.entity {IN_JSON} AND a.kind != 'non-response' "
        f"AND (a.speaker IS NULL OR a.speaker NOT {IN_JSON}) AND {COUNTED}",
        (as_json(entities), as_json(speakers)),
    )
    return [(date or UNDATED, doc, start, "about", id_) for date, doc, start, id_ in rows]


def events_of_parties(store: Store, texts: Iterable[str], entities: Iterable[str]) -> list[Light]:
    """The events with a party whose words are one of ``texts`` or whose entity is one of
    ``entities`` (type ``event``)."""
    condition, values = party_condition(texts, entities)
    rows = store.db.execute(
        "SELECT coalesce(e.date_value, d.published), e.doc, e.start_char, e.id FROM events e "
        f"JOIN documents d ON d.id = e.doc WHERE {condition} AND {not_excluded('e')}",
        values,
    )
    return [(date or UNDATED, doc, start, "event", id_) for date, doc, start, id_ in rows]


def mention_texts(store: Store, entities: Iterable[str], *, described: bool = False) -> list[str]:
    """The different words the mentions of these entities have, in order: their names, or
    with ``described`` the definite descriptions resolved to them ("the senator")."""
    test = "=" if described else "!="
    rows = store.db.execute(
        f"SELECT DISTINCT text FROM mentions WHERE entity {IN_JSON} AND label {test} ? "
        "ORDER BY text",
        (as_json(entities), DESCRIBED),
    )
    return [text for (text,) in rows]
