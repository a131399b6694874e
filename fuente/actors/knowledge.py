"""Knowledge-base resolution: who held an office on a date, and what a description names.

Pure functions over the compiled knowledge base (``fuente.actors.known``). A date is a TIMEX3
date value ("2016", "2016-05", "2016-05-03", as the time layer writes them) or a
``datetime.date``; a value that covers several days matches a spell it shares any day with.
``holder("president", "USA", "2016-05-03", known=...)`` is Barack Obama; an office that the
knowledge base gives two people on the date, or none, has no holder (None), so a year that saw
a handover ("2017") names nobody. ``resolve_description("Venezuela's interior minister",
"2024-11-05", known=..., settings=...)`` reads the country and the office from the words and
asks ``holder``.
"""

from __future__ import annotations

import datetime

from fuente.actors.known import KnownActor, KnownActors, Role, words_of
from fuente.actors.speaker_lexicons import compiled, phrase_key
from fuente.days import date_span
from fuente.lexicon import read_lexicon
from fuente.settings import Settings

__all__ = [
    "day_range", "holder", "names_holder", "office_of", "resolve_description", "roles_on",
]  # fmt: skip

When = str | datetime.date


def day_range(on: When) -> tuple[datetime.date, datetime.date] | None:
    """First and last day of a date (a TIMEX3 value or a ``datetime.date``); None when the
    value names no place on the calendar ("PRESENT_REF", "XXXX-03-08")."""
    if isinstance(on, datetime.date):
        return on, on
    found = date_span(on)
    return (found[0], found[1]) if found else None


def office_of(words: str, *, known: KnownActors) -> str | None:
    """The office ``words`` name exactly ("minister of the interior" -> "interior minister"),
    by the knowledge base's ``offices``; else the words themselves, folded, when they are no
    listed office's other name."""
    key = " ".join(words_of(words))
    return (known.offices or {}).get(key, key or None)


def _overlaps(role: Role, days: tuple[datetime.date, datetime.date]) -> bool:
    first, last = role.widest()
    return first <= days[1] and days[0] <= last


def roles_on(actor: KnownActor, on: When) -> tuple[Role, ...]:
    """The roles ``actor`` may have held on the date ``on`` (every role whose spell shares a
    day with it); () when the date names no day."""
    days = day_range(on)
    if days is None:
        return ()
    return tuple(role for role in actor.roles if _overlaps(role, days))


def holder(office: str, country: str | None, on: When, *, known: KnownActors) -> KnownActor | None:
    """Who held ``office`` in ``country`` on the date ``on``: the one person the knowledge base
    gives a spell in it sharing a day with the date; None when it gives none or several."""
    wanted = office_of(office, known=known)
    days = day_range(on)
    if wanted is None or days is None:
        return None
    found = {
        entry.id: entry
        for entry in known.entries
        for role in entry.roles
        if role.country == country
        and office_of(role.office or "", known=known) == wanted
        and _overlaps(role, days)
    }
    return next(iter(found.values())) if len(found) == 1 else None


def names_holder(text: str, *, settings: Settings) -> bool:
    """Whether a description names whoever holds an office: one person, made definite by
    "the" or a possessive ("the U.S. president", "Venezuela's interior minister"), its spell
    not said to be over ("the former president") nor another's ("a minister")."""
    said = words_of(text)
    if not said or not (said[0] == "the" or "'s" in text.replace("’", "'")):
        return False
    former = read_lexicon("descriptions", lexicon_dir=settings.lexicon_dir).get("former", ())
    return not set(said) & {str(word) for word in former}


def resolve_description(
    text: str, on: When, *, known: KnownActors, settings: Settings
) -> KnownActor | None:
    """The person a description names on the date ``on``: "Venezuela's interior minister",
    "the U.S. president", "Venezuelan Vice President". The country comes from the countries
    lexicon (a name or a demonym within the words), the office from the knowledge base's
    offices (the longest named, so "vice president" is no president); None when either is
    missing or ``holder`` finds no one person."""
    folded = [phrase_key(word) for word in text.replace("’", "'").split()]
    folded = [word[:-2] if word.endswith("'s") else word.rstrip("'") for word in folded]
    countries = compiled(settings.lexicon_dir).countries
    country = None
    for size in range(min(5, len(folded)), 0, -1):
        for start in range(len(folded) - size + 1):
            key = " ".join(folded[start : start + size])
            code = countries.get(key) or (key.endswith("s") and countries.get(key[:-1]))
            if code and country is None:
                country = code
    said = " ".join(words_of(text))
    offices = sorted(known.offices or {}, key=len, reverse=True)
    office = next((name for name in offices if f" {name} " in f" {said} "), None)
    if country is None or office is None:
        return None
    return holder(office, country, on, known=known)
