"""When was an article written? Its date from metadata, else bounded by what it says.

Pasted articles often come without a date. ``infer_published`` reads the time expressions found
with no anchor, each with its tense where the sentence tells it (``past``: "rose in 1988";
``ahead``: "due March 1, 2011", "will vote on May 3"), and bounds the date:

* a dateline's day ("BEIJING, February 10 (Xinhua)") is the day of writing, in a year the
  article names when one fits after every event it reports; else the dateline's day in one of
  the years after them;
* a weekday with a day of a month but no year ("Saturday, August 4") fixes the year only when
  just one fits of the latest year the article names and the next (news names a recent day by
  its weekday, and is written in or soon after the latest year it names); otherwise it fixes
  nothing: "Sunday, Sept. 11" fits 2005, 2011, 2016 and 2022. Such a day is past: the article
  was written after it;
* the latest event the article reports bounds the date from below: it was written on or after
  a day, a week or a month it dates (news reports a day's events that same day), unless that
  date is still to come ("beginning in January 2017"), or during or after a season or a year
  it speaks of in the past tense;
* news names a day by its weekday only while it is recent, so such a day also bounds the date
  from above, ``HORIZON_DAYS`` after it. Nothing else bounds it from above: the dated events
  of a news story are as often years-old background as they are its news.

The result is a range, marked as inferred, open at its end (``latest`` None) when only a floor
is known. Only a range at most ``HORIZON_DAYS`` wide gets a value (its middle) that relative
expressions are then resolved against; a wider or open one keeps its bounds with no value.
When nothing in the text dates it, the date stays unknown: never a guess dressed as a fact.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from functools import cache

from fuente.days import date_span
from fuente.lexicon import DEFAULT_LANGUAGE, words
from fuente.times.normalise import grammar_for

__all__ = ["HORIZON_DAYS", "Published", "infer_published"]

HORIZON_DAYS = 60
WEEKDAY_YEARS = 2  # the years a weekday and a day may fix: the latest the article names, the next
NO_YEAR_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})")
SHORT = words("short-periods")  # reported once they are over

# A time expression as ``infer_published`` reads it: its text (with a few characters before,
# for a weekday written apart), its value, and optionally its tense ("past", "ahead" or None).
Clue = tuple[str, str] | tuple[str, str, str | None]


@dataclass(frozen=True, slots=True)
class Published:
    """A document date: ``value`` (ISO), whether it was ``inferred``, and its range."""

    value: str | None
    inferred: bool
    earliest: str | None = None
    latest: str | None = None


def _written_after(value: str, tense: str | None) -> date | None:
    """The first day an article can have been written on, given that it reports ``value``:
    the first day of a day, a week or a month it dates (unless it is still to come: a story
    is often written the day it reports, and within the month it names); the first day of a
    longer stretch it speaks of in the past tense (it may not be over yet)."""
    span = date_span(value)
    if span is None or tense == "ahead":
        return None
    first, _, precision = span
    if precision in SHORT:
        return first
    return first if tense == "past" else None


def _weekday_years(month: int, day: int, weekday: int, years: range) -> list[int]:
    fitting = []
    for year in years:
        try:
            if date(year, month, day).weekday() == weekday:
                fitting.append(year)
        except ValueError:
            continue
    return fitting


@cache
def _weekdays(language: str) -> tuple[re.Pattern[str], dict[str, int]]:
    """The weekdays written in full in ``language`` (the packaged times lexicon), as one
    pattern of whole words, and each one's ISO number."""
    grammar = grammar_for(None, language=language)
    full = {w: n for w, n in grammar.weekdays.items() if w not in grammar.words["abbreviations"]}
    pattern = r"\b(" + "|".join(re.escape(word) for word in full) + r")\b"
    return re.compile(pattern, re.IGNORECASE), full


def _weekday_days(
    clues: list[tuple[str, str, str | None]], centre: int | None, language: str
) -> list[date]:
    """Days named with a weekday but no year ("Saturday, August 4"), in the one year of the
    latest the article names and the next in which that day is that weekday; none where
    neither or both fit, or without a named year: such a day recurs every few years."""
    if centre is None:
        return []
    pattern, numbers = _weekdays(language)
    found = []
    for text, value, _ in clues:
        weekday = pattern.search(text)
        match = NO_YEAR_DAY.match(value)
        if not (weekday and match):
            continue
        month, day = int(match[1]), int(match[2])
        years = range(centre, centre + WEEKDAY_YEARS)
        fitting = _weekday_years(month, day, numbers[weekday[1].lower()] - 1, years)
        if len(fitting) == 1:
            found.append(date(fitting[0], month, day))
    return found


def _dateline_days(
    month: int, day: int, floor: date | None, years: list[int]
) -> tuple[date, date | None] | None:
    """The range of a dateline's day: the day itself in the latest year the article names in
    which it comes after every event the article reports; else from its first occurrence
    after them on (which year is not known)."""
    try:
        for year in sorted(set(years), reverse=True):
            if floor is None or date(year, month, day) >= floor:
                return date(year, month, day), date(year, month, day)
        if floor is None:
            return None
        return date(floor.year + (date(floor.year, month, day) < floor), month, day), None
    except ValueError:  # February 29
        return None


def _published(earliest: date, latest: date | None) -> Published:
    if latest is None:
        return Published(None, True, earliest.isoformat(), None)
    middle = earliest + (latest - earliest) / 2
    value = middle.isoformat() if (latest - earliest).days <= HORIZON_DAYS else None
    return Published(value, True, earliest.isoformat(), latest.isoformat())


def infer_published(
    times: Sequence[Clue],
    *,
    dateline: tuple[int, int] | None = None,
    today: date | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> Published:
    """The document date inferred from ``(text, value)`` or ``(text, value, tense)`` clues of
    its time expressions, found with no anchor; ``Published(None, False)`` when the text does
    not date it.

    ``dateline`` is the (month, day) a wire dateline gives ("PORT SELDEN, March 3 (Reuters)"):
    the day of writing, whose year the rest of the text fixes. ``today``, when given, is the
    latest a dateline's year can be. ``language`` is that of the clues' weekday names."""
    clues = [(c[0], c[1], c[2] if len(c) > 2 else None) for c in times]
    named = []  # the years it names, but for those still to come
    for _, value, tense in clues:
        span = date_span(value)
        if span is not None and tense != "ahead" and span[2] not in {"decade", "century"}:
            named.append(span[0].year)
    centre = max(named, default=None)
    recent = _weekday_days(clues, centre, language)
    floors = [
        after for _, value, tense in clues if (after := _written_after(value, tense)) is not None
    ]
    floors += [day + timedelta(days=1) for day in recent]  # a past day, named as recent
    floor = max(floors, default=None)

    if dateline is not None:
        years = [y for y in named if today is None or y <= today.year]
        days = _dateline_days(*dateline, floor, years)
        if days is not None:
            return _published(*days)
    if floor is None:
        return Published(None, False)
    ceilings = [day + timedelta(days=1 + HORIZON_DAYS) for day in recent]
    latest = min(ceilings, default=None)
    if latest is not None and latest < floor:  # a later event: the weekday was not recent
        latest = None
    return _published(floor, latest)
