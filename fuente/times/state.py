"""What resolving a time expression needs to know, and the small helpers every resolver uses.

``State`` carries the word tables, the Doc, the document date, the time the narrative has
reached and the quarter a company's results report; the helpers read a match's modifier, write
a value with unknown parts ("XXXX-09"), and read the tense a date is spoken in.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from spacy.tokens import Doc

from fuente.nlp.tense import tense_of
from fuente.times.normalise import Grammar

__all__ = [
    "Result",
    "State",
    "base_year",
    "future_at",
    "lower",
    "modifier",
    "narrative_day",
    "narrative_first",
    "tense_at",
    "ymd",
]

Result = tuple[str, str, str, str | None] | None  # (type, value, anchor, mod)


@dataclass(slots=True)
class State:
    """What resolution needs: the grammar, the document's date, and the narrative time."""

    grammar: Grammar
    doc: Doc
    text: str
    anchor: datetime.date | None
    narrative: datetime.date | None = None
    grain: str = "D"  # how finely the narrative time is known: "Y", "M" or "D"
    quarter: tuple[int, int] | None = None  # the last quarter named: the one being reported


Result = tuple[str, str, str, str | None] | None  # (type, value, anchor, mod)


def lower(text: str | None) -> str:
    return " ".join(text.lower().split()) if text else ""


def modifier(state: State, match: re.Match[str]) -> str | None:
    return state.grammar.modifiers.get(lower(match.groupdict().get("mod")))


def ymd(year: int | None, month: int | None = None, day: int | None = None) -> str:
    value = "XXXX" if year is None else f"{year:04d}"
    if month is not None or day is not None:
        value += "-XX" if month is None else f"-{month:02d}"
    if day is not None:
        value += f"-{day:02d}"
    return value


def tense_at(state: State, start: int, end: int | None = None) -> str | None:
    """The tense of the verb the time expression at ``start`` (to ``end``, else its first
    word) hangs on (``fuente.nlp.tense``)."""
    grammar = state.grammar
    return tense_of(
        state.doc,
        start,
        start + 1 if end is None else end,
        ahead=grammar.ahead_words,
        auxiliaries=grammar.ahead_auxiliaries,
        morph_tenses=grammar.values.get("morph-tenses"),
    )


def future_at(state: State, start: int) -> bool:
    """Whether the time expression at ``start`` is spoken of as still to come."""
    return tense_at(state, start) == "ahead"


def narrative_first(state: State, start: int) -> bool:
    """Whether a year-less date takes the narrative's year rather than the document's."""
    if state.narrative is None:
        return False
    before = state.text[max(0, start - 24) : start].lower()
    anaphoric = state.grammar.narrative_before.search(before)  # "then in", "later that"
    return state.anchor is None or bool(anaphoric)


def narrative_day(state: State, days: int = 0) -> str:
    """The day ``days`` after the narrative's, as finely as the narrative knows it: after
    "last October", "that same day" is 1998-10-XX, not the first of the month."""
    base = state.narrative
    if base is None:
        return "XXXX-XX-XX"
    if state.grain == "D":
        return (base + datetime.timedelta(days=days)).isoformat()
    month = f"{base.month:02d}" if state.grain == "M" else "XX"
    return f"{base.year:04d}-{month}-XX"


def base_year(state: State, start: int) -> tuple[int | None, str]:
    if narrative_first(state, start):
        return state.narrative.year, "narrative"  # type: ignore[union-attr]
    if state.anchor is not None:
        return state.anchor.year, "document"
    return None, "none"
