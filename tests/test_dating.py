from datetime import date

import pytest

from fuente.days import date_span
from fuente.times.published import HORIZON_DAYS, infer_published


def test_dating_weekday_fixes_the_year_and_bounds_from_below() -> None:
    published = infer_published(
        [("Saturday, March 8", "XXXX-03-08"), ("in 2024", "2024"), ("in 2019", "2019")]
    )
    assert published.inferred
    # March 8 fell on a Saturday in 2025, not in 2024: of the latest year named and the next,
    # just one fits; the article was written in the weeks after.
    assert published.earliest == "2025-03-09"
    span = date.fromisoformat(published.latest) - date.fromisoformat(published.earliest)
    assert span.days == HORIZON_DAYS
    assert published.earliest <= published.value <= published.latest


def test_dating_latest_reported_month_bounds_from_below() -> None:
    published = infer_published([("in May 2023", "2023-05"), ("in 2020", "2020")])
    assert published.earliest == "2023-05-01"  # it may be written within the month it names


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
    # March 3 after June 2, 2024, in a year the text does not name: 2025 or any later one
    assert (published.earliest, published.latest, published.value) == ("2025-03-03", None, None)
    assert published.inferred


def test_dating_background_events_bound_only_from_below() -> None:
    published = infer_published([("on June 2, 2024", "2024-06-02"), ("in 1998", "1998", "past")])
    assert (published.earliest, published.latest) == ("2024-06-02", None)  # the day it reports
    assert published.value is None and published.inferred  # no anchor dressed as a fact


@pytest.mark.parametrize(
    ("clues", "earliest"),
    [
        # still to come: no floor
        ([("due March 1, 2011", "2011-03-01", "ahead"), ("in 1988", "1988", "past")], "1988-01-01"),
        # a year bounds only when spoken of in the past tense, from its first day
        ([("in 1988", "1988", "past"), ("the 2030 target", "2030", None)], "1988-01-01"),
        ([("the fall of 2017", "2017-FA", "past")], "2017-09-01"),
        ([("the 2030 target", "2030", None)], None),
    ],
)
def test_dating_tense_decides_what_bounds(clues, earliest) -> None:
    assert infer_published(clues).earliest == earliest


def test_dating_a_weekday_without_any_year_named_stays_unknown() -> None:
    # March 8 is a Saturday every few years: nothing says which
    assert infer_published([("Saturday, March 8", "XXXX-03-08")]).value is None
    assert infer_published([("Saturday, March 8", "XXXX-03-08")]).earliest is None


def test_dating_a_later_event_unties_the_weekday() -> None:
    published = infer_published(
        [("Saturday, March 8", "XXXX-03-08"), ("on June 2, 2025", "2025-06-02")]
    )
    assert (published.earliest, published.latest, published.value) == ("2025-06-02", None, None)


def test_dating_a_weekday_fixes_a_year_only_when_just_one_nearby_fits() -> None:
    sunday = ("Sunday, Sept. 11", "XXXX-09-11")
    # neither 2008 nor 2009 has a Sunday, Sept. 11 (2011 and 2016 do): the year stays open
    published = infer_published([sunday, ("in 2008", "2008", "past")])
    assert (published.earliest, published.latest) == ("2008-01-01", None)
    # of 2010 and 2011, just 2011 has one
    assert infer_published([sunday, ("in 2010", "2010", "past")]).earliest == "2011-09-12"


def test_dating_a_future_reference_never_bounds_from_below() -> None:
    published = infer_published(
        [("beginning in January 2017", "2017-01", "ahead"), ("in 2015", "2015", "past")]
    )
    assert published.earliest == "2015-01-01"


@pytest.mark.parametrize(
    ("value", "span"),
    [
        ("2025-03-10", (date(2025, 3, 10), date(2025, 3, 10), "day")),
        ("2025-03-10T14:00", (date(2025, 3, 10), date(2025, 3, 10), "day")),
        ("2024-02", (date(2024, 2, 1), date(2024, 2, 29), "month")),
        ("2024-12", (date(2024, 12, 1), date(2024, 12, 31), "month")),
        ("2023-FA", (date(2023, 9, 1), date(2023, 11, 30), "season")),
        ("2023-WI", (date(2023, 12, 1), date(2024, 2, 29), "season")),
        ("2024-Q2", (date(2024, 4, 1), date(2024, 6, 30), "part of a year")),
        ("2024-W39", (date(2024, 9, 23), date(2024, 9, 29), "week")),
        ("2024-W39-WE", (date(2024, 9, 28), date(2024, 9, 29), "weekend")),
        ("2021", (date(2021, 1, 1), date(2021, 12, 31), "year")),
        ("199", (date(1990, 1, 1), date(1999, 12, 31), "decade")),
        ("PRESENT_REF", None),
        ("XXXX-03-08", None),
        ("2025-02-30", None),
        ("P3D", None),
    ],
)
def test_dating_date_span(value, span) -> None:
    assert date_span(value) == span


@pytest.mark.parametrize(
    ("published", "shown"),
    [
        (("2025-03-10", False, None, None), "2025-03-10"),
        (("2025-03-03", True, "2025-03-03", "2025-03-03"), "2025-03-03 (inferred)"),
        (
            ("2025-04-11", True, "2025-03-12", "2025-05-11"),
            "2025-04-11, between 2025-03-12 and 2025-05-11 (inferred)",
        ),
        ((None, True, "2024-09-01", None), "after 2024-09-01 (inferred)"),
        ((None, False, None, None), None),
    ],
)
def test_dating_shown_with_its_range(published, shown) -> None:
    from fuente.cli.display import _published
    from fuente.records import Document

    value, inferred, earliest, latest = published
    document = Document(
        "d", "d.txt", "text", "text", "h" * 40, "t@1", published=value,
        published_inferred=inferred, published_earliest=earliest, published_latest=latest,
    )  # fmt: skip
    assert _published(document) == shown
