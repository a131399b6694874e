"""The time layer of one document: its date, and its time expressions on one timeline.

The date comes from metadata when given. Otherwise the time expressions are read once with no
anchor, each with the tense of the verb it hangs on, the date is inferred from them
(``fuente.times.published``), and they are read again against it. The words and patterns
are those of the Doc's language (``doc.lang_``: ``fuente/data/<code>/times.yaml``).
"""

from __future__ import annotations

import re
from datetime import date

from spacy.tokens import Doc

from fuente.errors import message
from fuente.lexicon import DEFAULT_LANGUAGE, load_lexicon
from fuente.nlp.annotate import doc_text
from fuente.nlp.tense import tense_of
from fuente.records import TimeExpr
from fuente.settings import Settings
from fuente.times.expressions import EXTRACTOR, FoundTime, find_times, time_candidates
from fuente.times.published import Published, infer_published

__all__ = ["date_warnings", "given_date", "time_layer"]

DATELINE = re.compile(r"(?:^|\n)[ \t]*[A-ZÁÉÍÓÚÑ][A-ZÁÉÍÓÚÑÜ .'’-]{1,40},[ \t]*$")

WEEKDAY_REACH = 12


def _dateline(text: str, found: list[FoundTime]) -> tuple[int, int] | None:
    """(month, day) of a wire dateline opening a line: "PORT SELDEN, March 3 (Reuters)"."""
    for item in found:
        match = re.match(r"XXXX-(\d\d)-(\d\d)$", item.value)
        line_start = text.rfind("\n", 0, item.start) + 1
        if match and DATELINE.search(text[max(0, line_start - 1) : item.start]):
            return int(match[1]), int(match[2])
    return None


def given_date(published: str | None) -> date | None:
    """The date a given ``published`` value names, when fuente can read it (an ISO date, or a
    date and time); None when there is none or it is no such date ("yesterday", "2025-13-45")."""
    if not published:
        return None
    try:
        return date.fromisoformat(str(published)[:10])
    except ValueError:
        return None


def date_warnings(given: object) -> tuple[str, ...]:
    """A W002 warning when the ``published`` given is no date fuente can read: it stays among
    the metadata fields as given, and the document's date comes from its text instead."""
    if given in (None, "") or given_date(str(given)) is not None:
        return ()
    return (message("W002", value=str(given)),)


def time_layer(
    doc: Doc, doc_id: str, *, published: str | None, settings: Settings
) -> tuple[Published, tuple[TimeExpr, ...]]:
    """The document's date (given or inferred) and its time expressions resolved against it."""
    if not len(doc):
        return Published(published, False), ()
    text = doc_text(doc)
    language = doc.lang_ or DEFAULT_LANGUAGE
    candidates = time_candidates(doc, settings=settings, language=language)
    anchor = given_date(published)
    if anchor is not None:
        dated = Published(anchor.isoformat(), False)
    else:
        first = find_times(
            doc, anchor=None, settings=settings, candidates=candidates, language=language
        )
        # Only what the text dates by itself: values it took from the narrative could have
        # been resolved against the wrong year.
        lexicon = load_lexicon("times", settings=settings, language=language)
        ahead_words = frozenset(lexicon.get("ahead_words", ()))
        ahead_auxiliaries = frozenset(lexicon.get("ahead_auxiliaries", ()))
        morph_tenses = dict(lexicon.get("morph-tenses", ())) or None
        dated = infer_published(
            [  # with a few characters before, for a weekday written apart ("Monday, March 3")
                (
                    text[max(0, f.start - WEEKDAY_REACH) : f.end],
                    f.value,
                    tense_of(
                        doc,
                        f.start,
                        f.end,
                        ahead=ahead_words,
                        auxiliaries=ahead_auxiliaries,
                        morph_tenses=morph_tenses,
                    ),
                )
                for f in first
                if f.anchor in {"absolute", "none"}
            ],
            dateline=_dateline(text, first),
            language=language,
        )
        anchor = given_date(dated.value)
    found = find_times(
        doc, anchor=anchor, settings=settings, candidates=candidates, language=language
    )
    times = tuple(
        TimeExpr(
            doc=doc_id,
            start=f.start,
            end=f.end,
            text=text[f.start : f.end],
            type=f.type,
            value=f.value,
            anchor=f.anchor,
            version=EXTRACTOR,
            mod=f.mod,
        )
        for f in found
    )
    return dated, times
