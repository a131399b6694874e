"""When was an article written? Its date from metadata, else inferred from what it says.

Pasted articles often come without a date. ``infer_published`` reads the time expressions found
with no anchor and bounds the date:

* a weekday with a day of a month but no year ("Saturday, August 4") fixes the year: the one,
  near the years the article names, in which that day is that weekday;
* the latest dated event the article reports bounds the date from below: it was written after;
* news reports recent events, so the date is taken to lie within ``HORIZON_DAYS`` of it.

The result is a range, marked as inferred, with its midpoint as the value that relative
expressions are then resolved against. When nothing in the text dates it, the date stays
unknown, and relative expressions keep underspecified values: never a guess dressed as a fact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["HORIZON_DAYS", "Published", "infer_published"]

HORIZON_DAYS = 60
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b", re.IGNORECASE)
FULL_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
MONTH = re.compile(r"^(\d{4})-(\d{2})$")
YEAR = re.compile(r"^(\d{4})$")
NO_YEAR_DAY = re.compile(r"^XXXX-(\d{2})-(\d{2})")


@dataclass(frozen=True, slots=True)
class Published:
    """A document date: ``value`` (ISO), whether it was ``inferred``, and its range."""

    value: str | None
    inferred: bool
    earliest: str | None = None
    latest: str | None = None


def _day(value: str) -> date | None:
    match = FULL_DATE.match(value)
    if not match:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _month_end(value: str) -> date | None:
    match = MONTH.match(value)
    if not match:
        return None
    year, month = int(match[1]), int(match[2])
    if not 1 <= month <= 12:
        return None
    following = date(year + (month == 12), month % 12 + 1, 1)
    return following - timedelta(days=1)


def _weekday_years(month: int, day: int, weekday: int, years: range) -> list[int]:
    fitting = []
    for year in years:
        try:
            if date(year, month, day).weekday() == weekday:
                fitting.append(year)
        except ValueError:
            continue
    return fitting


def _dateline_year(month: int, day: int, floor: date | None, years: list[int]) -> int | None:
    """The year of a dateline's day: the latest year the article names in which that day
    comes after every event it dates; else the first such year after the latest event."""
    try:
        for year in sorted(set(years), reverse=True):
            if floor is None or date(year, month, day) >= floor:
                return year
        if floor is None:
            return None
        return floor.year + (date(floor.year, month, day) < floor)
    except ValueError:
        return None


def infer_published(
    times: list[tuple[str, str]],
    *,
    dateline: tuple[int, int] | None = None,
    today: date | None = None,
) -> Published:
    """The document date inferred from ``(text, value)`` pairs of its time expressions,
    found with no anchor; ``Published(None, False)`` when the text does not date it.

    ``dateline`` is the (month, day) a wire dateline gives ("PORT SELDEN, March 3 (Reuters)"):
    the day of writing, whose year the rest of the text fixes."""
    days = [d for _, value in times if (d := _day(value)) is not None]
    months = [d for _, value in times if (d := _month_end(value)) is not None]
    years = [int(m[1]) for _, value in times if (m := YEAR.match(value))]
    known_years = [d.year for d in days + months] + years
    latest_year = today.year if today else max(known_years, default=date.today().year)
    centre = max(known_years, default=None)

    for text, value in times:
        weekday = WEEKDAY.search(text)
        match = NO_YEAR_DAY.match(value)
        if not (weekday and match):
            continue
        month, day = int(match[1]), int(match[2])
        around = centre if centre is not None else latest_year
        candidates = _weekday_years(
            month, day, WEEKDAYS.index(weekday[1].lower()), range(around - 6, around + 7)
        )
        if candidates:
            if centre is not None:
                # News is written after the events it dates: the first fitting year at or
                # after the latest year the article names, else the nearest before it.
                later = [y for y in candidates if y >= centre]
                year = min(later) if later else max(candidates)
            else:
                # No year named at all: the latest fitting year that is not in the future.
                year = max([y for y in candidates if y <= latest_year] or candidates)
            days.append(date(year, month, day))

    floor = max(days + months, default=None)
    if dateline is not None:
        year = _dateline_year(*dateline, floor, [y for y in known_years if y <= latest_year])
        if year is not None:
            day = date(year, *dateline).isoformat()
            return Published(day, True, day, day)
    if floor is None:
        return Published(None, False)
    earliest = floor + timedelta(days=1)
    latest = earliest + timedelta(days=HORIZON_DAYS)
    middle = earliest + (latest - earliest) / 2
    return Published(middle.isoformat(), True, earliest.isoformat(), latest.isoformat())
