"""The timeline's picture: how many statements and events there are on a time axis.

It is drawn from counts per day (``timeline_view`` has SQLite count them), never from the
items themselves, so it costs the same for ten items as for a million. Days are gathered
into buckets of a day, a month or a year, as the span of the dates needs; each bucket is a
bar in its lane (statements above, events below), as tall as its count against the largest,
and links to the page of the list where the bucket's first item is (``linked``).
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import Any
from urllib.parse import urlencode

from fuente.days import date_span

__all__ = ["BUCKETS", "axis", "date_position", "linked"]

WIDTH, HEIGHT, MARGIN = 1000, 200, 30
# (name, characters of the date kept, its length in years, widest span it is used for)
BUCKETS = (("day", 10, 1 / 365, 1 / 3), ("month", 7, 1 / 12, 12.0), ("year", 4, 1.0, None))
LANES = {"statement": (20, 90), "event": (105, 170)}  # top and bottom of each lane


def date_position(value: str | None) -> float | None:
    """The middle of the days a TIMEX3 date covers, as a year with a fraction ("2025-03-08"
    -> 2025.18...), None if it is not a place on the calendar ("PRESENT_REF", "XXXX-08-04").
    The days are ``fuente.days.date_span``'s, as the CLI's picture has them, so a
    season, a week or a quarter sits where it does there."""
    span = date_span(value or "")
    if span is None:
        return None
    first, last, _ = span
    middle = first + (last - first) / 2
    year = date(middle.year, 1, 1)
    days = (date(middle.year + 1, 1, 1) - year).days
    return middle.year + ((middle - year).days + 0.5) / days


def _ticks(low: float, high: float, x: Any) -> list[dict[str, Any]]:
    span = high - low
    ticks = []
    if span > 3:
        for year in range(int(low) + 1, int(high) + 1):
            ticks.append({"x": x(year), "label": str(year)})
        return ticks
    month = int(low * 12) + 1
    while month / 12 <= high:
        year, number = divmod(month, 12)
        ticks.append({"x": x(month / 12), "label": f"{year}-{number + 1:02d}"})
        month += 1 if span <= 1 else 3
    return ticks


def _page_url(page: int, actor: str | None, category: str | None) -> str:
    params = {"actor": actor, "category": category, "page": page if page > 1 else None}
    kept = {name: value for name, value in params.items() if value}
    return "/timeline" + (f"?{urlencode(kept)}" if kept else "") + "#items"


def axis(days: dict[str, Counter[str]]) -> dict[str, Any] | None:
    """The picture of ``days`` (item type -> date -> count), None when no date is on the
    calendar. Each bar says where in the list its first item is (``first``, from 0)."""
    placed = {day: date_position(day) for counts in days.values() for day in counts}
    known = [position for position in placed.values() if position is not None]
    if not known:
        return None
    low, high = min(known), max(known)
    if high - low < 1 / 12:
        low, high = low - 1 / 24, high + 1 / 24
    span = high - low
    name, width, length, _ = next(b for b in BUCKETS if b[3] is None or span <= b[3])
    scale = (WIDTH - 2 * MARGIN) / span

    def x(position: float) -> float:
        return round(MARGIN + (position - low) * scale, 1)

    everything: Counter[str] = Counter()
    for counts in days.values():
        everything.update(counts)
    first: dict[str, int] = {}
    seen = 0
    for day in sorted(everything):  # the list's order: by date
        first.setdefault(day[:width], seen)
        seen += everything[day]
    buckets: dict[str, Counter[str]] = {kind: Counter() for kind in days}
    for kind, counts in days.items():
        for day, count in counts.items():
            if placed[day] is not None:
                buckets[kind][day[:width]] += count
    largest = max((n for counts in buckets.values() for n in counts.values()), default=1)
    bar = max(1.5, round(length * scale, 1))
    bars = []
    for kind, counts in sorted(buckets.items()):
        top, bottom = LANES.get(kind, LANES["event"])
        for label, count in sorted(counts.items()):
            tall = max(2.0, round((bottom - top) * count / largest, 1))
            bars.append(
                {
                    "type": kind,
                    "label": label,
                    "count": count,
                    "x": round(x(date_position(label) or low) - bar / 2, 1),
                    "y": round(bottom - tall, 1),
                    "width": bar,
                    "height": tall,
                    "first": first[label],
                }
            )
    ticks = _ticks(low, high, x)
    return {"width": WIDTH, "height": HEIGHT, "bucket": name, "bars": bars, "ticks": ticks}


def linked(
    drawn: dict[str, Any] | None, *, per_page: int, actor: str | None, category: str | None
) -> dict[str, Any] | None:
    """``drawn`` (an ``axis``) with each bar's page of ``per_page`` items and its address."""
    if drawn is None:
        return None
    bars = []
    for bar in drawn["bars"]:
        page = bar["first"] // per_page + 1
        bars.append({**bar, "page": page, "url": _page_url(page, actor, category)})
    return {**drawn, "bars": bars}
