"""One article as a page shows it: its record, its text and every record derived from it.

Each record is its kind's one row (``fuente.query.rows``, ``fuente.query.attributions``),
with the addresses the web UI shows it at added; records inside an excluded range are left
out (an entity keeps only its mentions outside them).
"""

from __future__ import annotations

from collections import Counter
from typing import Any

from fuente.query.attributions import attribution_row
from fuente.query.claims import claim_summaries
from fuente.query.events import NOT_EXTRACTED, events_of
from fuente.query.keys import dossier_path
from fuente.query.links import anchor_of, article_path, speaker_dict
from fuente.query.rows import document_row, entity_row, finding_row, time_row
from fuente.query.sourcing import corroborated_lead, counted, inside_excluded, sourcing_profile
from fuente.records import ExcludedRange
from fuente.store.actors import document_links
from fuente.store.database import Store

__all__ = ["article_view"]


def _entities(store: Store, doc: str, excluded: list[ExcludedRange]) -> list[dict[str, Any]]:
    """The article's entities with their mentions outside excluded ranges (those with none
    left out)."""
    entities = []
    for entity, mentions in store.entities(doc):
        kept = [m for m in mentions if not inside_excluded(m.start, m.end, excluded)]
        if kept:
            row = entity_row(entity, kept)
            entities.append({**row, "url": dossier_path(row["key"])})
    return entities


def article_view(store: Store, doc: str) -> dict[str, Any] | None:
    """One article: its document row (with ``page``, its address here) and text, what is
    excluded, its attributions, speakers, entities, time expressions and events (None when
    not extracted), its sourcing profile and the knowledge checks that fired (``findings``);
    None when there is no such article. Beside the records: ``claims``, how far the claim
    across articles of each attribution that others report too is corroborated (by
    attribution id: ``fuente.query.claims.claim_summaries``), and ``lead_claims``, how far
    others corroborate each lead statement of the profile
    (``fuente.query.sourcing.corroborated_lead``)."""
    document = store.document(doc)
    if document is None:
        return None
    text = document.text
    excluded = store.excluded(doc)
    speakers = {s.id: s for s in store.speakers(doc)}
    attributions = list(store.attributions(doc))
    times = list(store.times(doc))
    values = {t.start: t.value for t in times}
    actors = document_links(store.db, doc)
    rows = []
    for attribution in counted(attributions, excluded):
        speaker = speakers.get(attribution.speaker or "")
        row = attribution_row(attribution, text=text, speaker=speaker, times=values, actors=actors)
        row["speaker"] = speaker_dict(speaker, actors.get(speaker.id) if speaker else None)
        row["url"] = article_path(doc, anchor_of(attribution.id))
        rows.append(row)
    claims = claim_summaries(store, [row["id"] for row in rows])
    events = events_of(store, doc, text=text)
    profile = sourcing_profile(
        document, attributions, speakers.values(), store.lead(doc), excluded=excluded
    )
    cited = Counter(row["speaker"]["key"] for row in rows if row["speaker"])
    listed = [speaker_dict(s, actors.get(s.id)) or {} for s in speakers.values()]
    return {
        "document": {**document_row(document, excluded), "page": article_path(doc)},
        "text": text,
        "excluded": [{"start": r.start, "end": r.end, "reason": r.reason} for r in excluded],
        "attributions": rows,
        "speakers": [{**row, "attributions": cited[row["key"]]} for row in listed],
        "entities": _entities(store, doc, excluded),
        "times": [time_row(t) for t in times if not inside_excluded(t.start, t.end, excluded)],
        "events": events,
        "events_note": NOT_EXTRACTED if events is None else None,
        "sourcing": profile,
        "claims": claims,
        "lead_claims": corroborated_lead(profile["lead"], claims),
        "findings": [finding_row(f) for f in store.findings(doc)],
    }
