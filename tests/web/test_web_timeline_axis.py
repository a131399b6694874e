"""The web timeline places a date where the CLI's picture does: the middle of its days."""

from __future__ import annotations

from collections import Counter

import pytest

from fuente.days import date_span
from fuente.query.timeline_axis import axis, date_position


@pytest.mark.parametrize(
    ("value", "low", "high"),
    [
        ("2024-03-08", 2024.18, 2024.19),
        ("2024-W10", 2024.17, 2024.20),  # a week in early March, not the middle of the year
        ("2024-WI", 2025.0, 2025.1),  # winter 2024 runs December to February
        ("2024-SU", 2024.5, 2024.6),  # June to August
        ("2024-W10-WE", 2024.17, 2024.20),
        ("2024-03-08T10:30", 2024.18, 2024.19),
    ],
)
def test_axis_places_a_date_at_the_middle_of_its_span(value: str, low: float, high: float) -> None:
    assert low < date_position(value) < high
    first, last, _ = date_span(value[:10] if "T" in value else value)
    assert first.year + first.month / 13 - 0.1 < date_position(value) <= last.year + 1


@pytest.mark.parametrize("value", ["PRESENT_REF", "XXXX-08-04", "P3D", "", None])
def test_axis_leaves_out_what_is_not_on_the_calendar(value: str | None) -> None:
    assert date_position(value) is None


def test_axis_draws_a_bar_a_month_for_dates_within_a_year() -> None:
    drawn = axis({"statement": Counter({"2024-01-05": 2, "2024-06-30T": 1}), "event": Counter()})
    assert drawn is not None and drawn["bucket"] == "month"
    assert [(bar["label"], bar["count"]) for bar in drawn["bars"]] == [
        ("2024-01", 2),
        ("2024-06", 1),
    ]
