from datetime import date

import pytest

from fuente.dating import HORIZON_DAYS, infer_published


def test_dating_weekday_fixes_the_year_and_bounds_from_below() -> None:
    published = infer_published(
        [("Saturday, March 8", "XXXX-03-08"), ("in 2024", "2024"), ("in 2019", "2019")]
    )
    assert published.inferred
    # March 8 fell on a Saturday in 2025, the nearest such year to 2024.
    assert published.earliest == "2025-03-09"
    span = date.fromisoformat(published.latest) - date.fromisoformat(published.earliest)
    assert span.days == HORIZON_DAYS
    assert published.earliest <= published.value <= published.latest


def test_dating_latest_reported_month_bounds_from_below() -> None:
    published = infer_published([("in May 2023", "2023-05"), ("in 2020", "2020")])
    assert published.earliest == "2023-06-01"


@pytest.mark.parametrize("times", [[], [("last year", "PAST_REF")], [("Monday", "XXXX-WXX-1")]])
def test_dating_nothing_to_date_it_stays_unknown(times) -> None:
    published = infer_published(times)
    assert published.value is None and not published.inferred


def test_dating_a_dateline_gives_the_day_and_the_text_its_year() -> None:
    published = infer_published(
        [("in 2019", "2019"), ("the 2025 target", "2025"), ("since May 2024", "2024-05")],
        dateline=(3, 3),
    )
    assert (published.value, published.earliest, published.latest) == ("2025-03-03",) * 3
    assert published.inferred


def test_dating_a_dateline_never_precedes_the_events_it_reports() -> None:
    published = infer_published([("on June 2, 2024", "2024-06-02")], dateline=(3, 3))
    assert published.value == "2025-03-03"
