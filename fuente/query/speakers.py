"""The dossiers there are: named speakers and actors, and unnamed sources, with counts."""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from fuente.query.kept import KeptAt
from fuente.query.keys import dossier_path, entity_key, speaker_group, speaker_key
from fuente.query.paging import Window, paged
from fuente.store.database import Store
from fuente.store.reads import entity_mention_counts, statement_counts

__all__ = ["speakers_index"]


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


def _entry(entries: dict[str, dict[str, Any]], key: str, name: str) -> dict[str, Any]:
    return entries.setdefault(
        key,
        {
            "key": key,
            "url": dossier_path(key),
            "name": name,
            "kinds": Counter(),
            "statements": 0,
            "mentions": 0,
        },
    )


def _dossiers(store: Store) -> list[dict[str, Any]]:
    """Every dossier there is, most statements first, then most documents, name and key."""
    entries: dict[str, dict[str, Any]] = {}
    said = Counter(statement_counts(store))
    documents: defaultdict[str, set[str]] = defaultdict(set)
    for speaker in store.all_speakers():
        if speaker_group(speaker.kind) == "author":
            continue
        key = speaker_key(speaker)
        entry = _entry(entries, key, speaker.name)
        entry["kinds"][speaker.kind] += 1
        entry["statements"] += said[speaker.id]
        documents[key].add(speaker.doc)
    for name, type_, doc, mentions in entity_mention_counts(store):
        key = entity_key(name)
        entry = _entry(entries, key, name)
        entry["kinds"][type_] += 0
        entry["mentions"] += mentions
        documents[key].add(doc)
    listed = []
    for key, entry in entries.items():
        entry["kinds"] = sorted(entry["kinds"])
        entry["documents"] = len(documents[key])
        listed.append(entry)
    listed.sort(key=lambda e: (-e["statements"], -e["documents"], e["name"].casefold(), e["key"]))
    return listed
