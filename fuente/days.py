"""The days a TIMEX3 date value covers: one answer for every stage that places a date on the
calendar (the time layer bounding an article's date, the knowledge base's spells in office,
the CLI's picture and the web timeline). Winter starts in December; a week runs Monday to
Sunday; a decade or a century covers all its years."""

from __future__ import annotations

import re
from datetime import date, timedelta

__all__ = ["date_span"]

VALUE = re.compile(
    r"^(?P<year>\d{2,4})"
    r"(?:-(?P<month>\d{2})(?:-(?P<day>\d{2}))?"
    r"|-W(?P<week>\d{2})(?:-(?P<weekday>[1-7]|WE))?"
    r"|-(?P<part>SP|SU|FA|WI|Q[1-4]|H[12]))?"
    r"(?:T.*)?$"
)
# Parts of a year: (first month, number of months).
PARTS = {
    "SP": (3, 3),
    "SU": (6, 3),
    "FA": (9, 3),
    "WI": (12, 3),
    "Q1": (1, 3),
    "Q2": (4, 3),
    "Q3": (7, 3),
    "Q4": (10, 3),
    "H1": (1, 6),
    "H2": (7, 6),
}


def _months_later(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def date_span(value: str) -> tuple[date, date, str] | None:
    """First and last day a TIMEX3 date value covers, and its precision (``day``, ``week``,
    ``weekend``, ``month``, ``season``, ``part of a year``, ``year``, ``decade``,
    ``century``); None when it names no place on the calendar (``PRESENT_REF``,
    ``XXXX-03-08``, a duration)."""
    match = VALUE.match(value.strip())
    if not match:
        return None
    digits = match["year"]
    try:
        if len(digits) < 4:  # a decade ("199") or a century ("19")
            width = 10 ** (4 - len(digits))
            first = int(digits) * width
            precision = "decade" if len(digits) == 3 else "century"
            return date(first, 1, 1), date(first + width - 1, 12, 31), precision
        year = int(digits)
        if match["day"]:
            day = date(year, int(match["month"]), int(match["day"]))
            return day, day, "day"
        if match["month"]:
            first = date(year, int(match["month"]), 1)
            return first, _months_later(first, 1) - timedelta(days=1), "month"
        if match["week"]:
            monday = date.fromisocalendar(year, int(match["week"]), 1)
            if match["weekday"] == "WE":
                return monday + timedelta(days=5), monday + timedelta(days=6), "weekend"
            if match["weekday"]:
                day = monday + timedelta(days=int(match["weekday"]) - 1)
                return day, day, "day"
            return monday, monday + timedelta(days=6), "week"
        if match["part"]:
            month, months = PARTS[match["part"]]
            first = date(year, month, 1)
            season = match["part"] in {"SP", "SU", "FA", "WI"}
            last = _months_later(first, months) - timedelta(days=1)
            return first, last, "season" if season else "part of a year"
        return date(year, 1, 1), date(year, 12, 31), "year"
    except ValueError:
        return None
