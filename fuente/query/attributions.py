"""Questions asked of the attribution layer: rows of who said what, and who said what.

``attribution_rows`` turns stored attributions into plain rows (the fields of ``fuente export
attributions``), with each span's text sliced from the document, leaving out any whose
content lies inside an excluded range. ``who_said`` finds what a speaker said across every
stored document. Nothing here prints; ``fuente.cli`` does.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import groupby, islice
from operator import attrgetter
from typing import Any

from fuente.query.keys import speaker_key
from fuente.query.sourcing import counted
from fuente.records import Attribution, Speaker
from fuente.store.actors import actor_names, document_links, refs_of
from fuente.store.database import Store
from fuente.store.words import speakers_of
from fuente.text import fold

__all__ = [
    "attribution_row",
    "attribution_rows",
    "named",
    "query_words",
    "speaker_matches",
    "speaker_row",
    "who_said",
]

WORD = re.compile(r"\w+")


def _span(text: str, start: int | None, end: int | None) -> dict[str, Any] | None:
    if start is None or end is None:
        return None
    return {"start": start, "end": end, "text": text[start:end]}


def speaker_row(speaker: Speaker | None, actor: str | None = None) -> dict[str, Any] | None:
    """A speaker of one document, with its dossier key (the same speaker across documents)
    and the corpus-wide actor it is linked to (``actor``, an id of ``fuente actors``)."""
    if speaker is None:
        return None
    affiliation = None
    if speaker.country is not None or speaker.sector is not None:
        affiliation = {"country": speaker.country, "sector": speaker.sector}
    return {
        "id": speaker.id,
        "name": speaker.name,
        "kind": speaker.kind,
        "description": speaker.description,
        "affiliation": affiliation,
        "key": speaker_key(speaker),
        "actor": actor,
    }


def _time_row(attribution: Attribution, text: str, values: Mapping[int, str]) -> dict | None:
    span = _span(text, attribution.time_start, attribution.time_end)
    if span is not None:
        span["value"] = values.get(span["start"])
    return span


def attribution_row(
    attribution: Attribution,
    *,
    text: str,
    speaker: Speaker | None,
    times: Mapping[int, str] | None = None,
    actors: Mapping[str, str] | None = None,
) -> dict[str, Any]:
    """One attribution as a plain row; ``text`` is its document's original text, ``times``
    the TIMEX3 values of its time expressions by where they start, ``actors`` the document's
    links to corpus-wide actors (``fuente.store.actors.document_links``)."""
    return {
        "id": attribution.id,
        "doc": attribution.doc,
        "content": _span(text, attribution.content_start, attribution.content_end),
        "cue": _span(text, attribution.cue_start, attribution.cue_end),
        "source": _span(text, attribution.source_start, attribution.source_end),
        "speaker": speaker_row(speaker, (actors or {}).get(speaker.id) if speaker else None),
        "kind": attribution.kind,
        "through": attribution.through,
        "via": attribution.via,
        "time": _time_row(attribution, text, times or {}),
    }


def attribution_rows(store: Store, attributions: Iterable[Attribution]) -> Iterator[dict[str, Any]]:
    """Rows for attributions given in document order, skipping those in excluded ranges."""
    for doc, group in groupby(attributions, key=attrgetter("doc")):
        document = store.document(doc)
        if document is None:
            continue
        speakers = {speaker.id: speaker for speaker in store.speakers(doc)}
        times = {time.start: time.value for time in store.times(doc)}
        actors = document_links(store.db, doc)
        for attribution in counted(group, store.excluded(doc)):
            speaker = speakers.get(attribution.speaker) if attribution.speaker else None
            yield attribution_row(
                attribution, text=document.text, speaker=speaker, times=times, actors=actors
            )


def query_words(query: str) -> list[str]:
    """The words of a query, folded: "Chavista official" -> ["chavista", "official"]."""
    return WORD.findall(fold(query))


def speaker_matches(speaker: Speaker, words: Sequence[str]) -> bool:
    """Whether every query word begins a word of the speaker's name or description."""
    found = WORD.findall(fold(f"{speaker.name} {speaker.description or ''}"))
    return all(any(word.startswith(query) for word in found) for query in words)


def named(store: Store, words: Sequence[str]) -> set[str]:
    """The corpus-wide actors one of whose names or aliases ``words`` match, as a speaker's
    name is matched."""
    found = set()
    for actor, name in actor_names(store.db):
        written = WORD.findall(fold(name))
        if all(any(word.startswith(query) for word in written) for query in words):
            found.add(actor)
    return found


def who_said(store: Store, query: str, *, limit: int | None = None) -> Iterator[dict[str, Any]]:
    """What speakers matching ``query`` said, across all documents, in document then text
    order, as rows of ``fuente export attributions``.

    A speaker matches when every word of the query begins a word of its name or description,
    ignoring case and accents: "cabello", "chavista official" and "officials" each find theirs.
    So does every speaker linked to a corpus-wide actor one of whose names the query matches:
    "donald trump" finds what "Trump" and "Mr. Trump" said, in articles that name him so.
    A query without words finds nothing; ``limit`` caps the number of rows.
    """
    words = query_words(query)
    if not words or (limit is not None and limit <= 0):
        return
    matched = [speaker.id for speaker in store.all_speakers() if speaker_matches(speaker, words)]
    linked = speakers_of(store, refs_of(store.db, named(store, words)))
    matched += [speaker.id for speaker in linked]
    matched = list(dict.fromkeys(matched))
    if not matched:
        return
    rows = attribution_rows(store, store.attributions(speakers=matched))
    yield from islice(rows, limit)
