"""Read functions behind the web pages; each returns plain data, the page's JSON twin.

Nothing here writes: the web layer reads through read-only connections (``read_store``,
lent to requests by ``fuente.web.connections.Readers``), so reading never holds up an ingest
writing to the same database (SQLite in WAL mode lets readers and one writer work at once),
and never creates a database.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from pathlib import Path
from typing import Any
from urllib.parse import quote

from fuente.query.attributions import attribution_row, speaker_row
from fuente.query.sourcing import counted, inside_excluded, sourcing_profile
from fuente.records import Document, ExcludedRange
from fuente.store.connect import open_reader
from fuente.store.database import Store
from fuente.web.events import NOT_EXTRACTED, read_events
from fuente.web.kept import KeptAt
from fuente.web.keys import dossier_path, entity_key, speaker_group, speaker_key
from fuente.web.paging import Window, paged

__all__ = [
    "article_path",
    "article_view",
    "check_database",
    "document_meta",
    "read_store",
    "speakers_index",
]

BUSY_TIMEOUT_MS = 2000  # a reader waits this long for a lock (rare in WAL mode)


def read_store(path: str | Path) -> Store:
    """A read-only connection to the existing database at ``path``; never creates one
    (``fuente.store.connect.open_reader``, without its check for damage: ``check_database``)."""
    store = open_reader(path, check_damage=False)
    store.db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    return store


def check_database(path: str | Path) -> None:
    """Raise ``StoreError`` when the database at ``path`` fails SQLite's quick_check."""
    open_reader(path, check_damage=True).close()


def article_path(doc: str, anchor: str | None = None) -> str:
    """The web address of an article, percent-encoded (``/`` too), at an element id if
    given. An id ending in ``.json`` has that dot encoded (``a%2Ejson``), so that its address
    is not taken for the JSON twin of an article ``a``."""
    path = quote(doc, safe="")
    if path.endswith(".json"):
        path = path[: -len(".json")] + "%2Ejson"
    return f"/article/{path}" + (f"#{anchor}" if anchor else "")


def document_meta(document: Document) -> dict[str, Any]:
    return {
        "id": document.id,
        "url": article_path(document.id),
        "title": document.title,
        "deck": document.deck,
        "outlet": document.outlet,
        "language": document.language,
        "source_url": document.url,
        "tags": list(document.tags),
        "published": {
            "value": document.published,
            "inferred": document.published_inferred,
            "earliest": document.published_earliest,
            "latest": document.published_latest,
        },
        "format": document.format,
        "path": document.path,
    }


def speaker_dict(speaker: Any) -> dict[str, Any]:
    """``attribution_row``'s speaker, with its dossier key and address added."""
    key = speaker_key(speaker)
    return {**speaker_row(speaker), "key": key, "url": dossier_path(key)}


def _entities(store: Store, doc: str, excluded: list[ExcludedRange]) -> list[dict[str, Any]]:
    """The article's entities with their mentions outside excluded ranges (those with none
    left out)."""
    entities = []
    for entity, mentions in store.entities(doc):
        kept = [m for m in mentions if not inside_excluded(m.start, m.end, excluded)]
        if kept:
            key = entity_key(entity.name)
            entities.append(
                {
                    "id": entity.id,
                    "name": entity.name,
                    "type": entity.type,
                    "key": key,
                    "url": dossier_path(key),
                    "mentions": [{"start": m.start, "end": m.end, "text": m.text} for m in kept],
                }
            )
    return entities


def _times(store: Store, doc: str, excluded: list[ExcludedRange]) -> list[dict[str, Any]]:
    """The article's time expressions outside excluded ranges."""
    return [
        {
            "start": t.start,
            "end": t.end,
            "text": t.text,
            "type": t.type,
            "value": t.value,
            "mod": t.mod,
            "anchor": t.anchor,
        }
        for t in store.times(doc)
        if not inside_excluded(t.start, t.end, excluded)
    ]


def article_view(store: Store, doc: str) -> dict[str, Any] | None:
    """One article: its metadata and text, what is excluded, its attributions, entities, time
    expressions and events (None when not extracted), and its sourcing profile."""
    document = store.document(doc)
    if document is None:
        return None
    text = document.text
    excluded = store.excluded(doc)
    speakers = {s.id: s for s in store.speakers(doc)}
    attributions = list(store.attributions(doc))
    rows = []
    for attribution in counted(attributions, excluded):
        speaker = speakers.get(attribution.speaker or "")
        row = attribution_row(attribution, text=text, speaker=speaker)
        row["speaker"] = speaker_dict(speaker) if speaker else None
        row["url"] = article_path(doc, attribution.id.rsplit("#", 1)[-1])
        rows.append(row)
    events = read_events(store, doc)
    profile = sourcing_profile(
        document, attributions, speakers.values(), store.lead(doc), excluded=excluded
    )
    cited = Counter(row["speaker"]["key"] for row in rows if row["speaker"])
    return {
        "document": document_meta(document),
        "text": text,
        "excluded": [{"start": r.start, "end": r.end, "reason": r.reason} for r in excluded],
        "attributions": rows,
        "speakers": [
            {**speaker_dict(s), "attributions": cited[speaker_key(s)]} for s in speakers.values()
        ],
        "entities": _entities(store, doc, excluded),
        "times": _times(store, doc, excluded),
        "events": events,
        "events_note": NOT_EXTRACTED if events is None else None,
        "sourcing": profile,
    }


def speakers_index(
    store: Store,
    *,
    group: str | None = None,
    window: Window | None = None,
    kept: KeptAt | None = None,
) -> dict[str, Any]:
    """One page of the dossiers there are (named speakers and actors, unnamed sources, or
    only the ``group`` given), most statements first, with counts."""
    listed = (kept or KeptAt()).get(("speakers",), lambda: _dossiers(store))
    counts = Counter(entry["key"].split("/", 1)[0] for entry in listed)
    if group is not None:
        listed = [entry for entry in listed if entry["key"].startswith(f"{group}/")]
    window = window or Window()
    return {
        "group": group,
        "groups": {"named": counts["named"], "unnamed": counts["unnamed"]},
        **paged(window, len(listed)),
        "speakers": window.cut(listed),
    }


def _dossiers(store: Store) -> list[dict[str, Any]]:
    """Every dossier there is, most statements first, then most documents, name and key."""
    entries: dict[str, dict[str, Any]] = {}
    said: Counter[str] = Counter(
        dict(
            store.db.execute(
                "SELECT speaker, count(*) FROM attributions WHERE speaker IS NOT NULL "
                "AND kind != 'non-response' GROUP BY speaker"
            ).fetchall()
        )
    )
    documents: defaultdict[str, set[str]] = defaultdict(set)
    for speaker in store.all_speakers():
        if speaker_group(speaker.kind) == "author":
            continue
        key = speaker_key(speaker)
        entry = entries.setdefault(
            key,
            {
                "key": key,
                "url": dossier_path(key),
                "name": speaker.name,
                "kinds": Counter(),
                "statements": 0,
                "mentions": 0,
            },
        )
        entry["kinds"][speaker.kind] += 1
        entry["statements"] += said[speaker.id]
        documents[key].add(speaker.doc)
    for row in store.db.execute(
        "SELECT e.name, e.type, e.doc, count(m.rowid) FROM entities e "
        "JOIN mentions m ON m.entity = e.id GROUP BY e.id"
    ):
        key = entity_key(row[0])
        entry = entries.setdefault(
            key,
            {
                "key": key,
                "url": dossier_path(key),
                "name": row[0],
                "kinds": Counter(),
                "statements": 0,
                "mentions": 0,
            },
        )
        entry["kinds"][row[1]] += 0
        entry["mentions"] += row[3]
        documents[key].add(row[2])
    listed = []
    for key, entry in entries.items():
        entry["kinds"] = sorted(entry["kinds"])
        entry["documents"] = len(documents[key])
        listed.append(entry)
    listed.sort(key=lambda e: (-e["statements"], -e["documents"], e["name"].casefold(), e["key"]))
    return listed
