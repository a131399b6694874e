"""Time expressions (fuente.times.expressions): spans, TIMEX3 types and values, and what anchors them."""

from __future__ import annotations

import datetime

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from fuente.times.expressions import FoundTime, find_times
from fuente.times.normalise import VALUE_PATTERN

DOC_DATE = datetime.date(2018, 9, 1)  # a Saturday


def times(nlp, settings, text: str, anchor: datetime.date | None = DOC_DATE) -> list[FoundTime]:
    return find_times(nlp(text), anchor=anchor, settings=settings)


def only(
    nlp, settings, text: str, phrase: str, anchor: datetime.date | None = DOC_DATE
) -> FoundTime:
    start = text.index(phrase)
    hits = [f for f in times(nlp, settings, text, anchor) if f.start < start + len(phrase)]
    hits = [f for f in hits if f.end > start]
    assert len(hits) == 1, hits
    return hits[0]


@pytest.mark.parametrize(
    ("text", "phrase", "span", "kind", "value", "anchor", "mod"),
    [
        ("Marovia joined the league in April 2002.", "April 2002", "April 2002", "DATE", "2002-04", "absolute", None),
        ("The treaty was signed on January 3, 2023 in Vell.", "January 3, 2023", "January 3, 2023", "DATE", "2023-01-03", "absolute", None),
        ("In 2020 the Marovian senate was dissolved.", "2020", "2020", "DATE", "2020", "absolute", None),
        ("The port of Vell closed on August 11, 2017.", "August 11, 2017", "August 11, 2017", "DATE", "2017-08-11", "absolute", None),
        ("Elections were held in March 2018 across Marovia.", "March 2018", "March 2018", "DATE", "2018-03", "absolute", None),
        ("Talks began in the fall of 2017 in Vell.", "fall", "the fall of 2017", "DATE", "2017-FA", "absolute", None),
        ("Saturday, August 4 was the day the Marovian cabinet fell.", "August 4", "Saturday, August 4", "DATE", "2018-08-04", "document", None),
        ("The coalition split late last month in Vell.", "last month", "late last month", "DATE", "2018-08", "document", "END"),
        ("Marovia's economy shrank last year.", "last year", "last year", "DATE", "2017", "document", None),
        ("The mayor of Vell resigned yesterday.", "yesterday", "yesterday", "DATE", "2018-08-31", "document", None),
        ("The mayor of Vell resigned two days ago.", "two days", "two days ago", "DATE", "2018-08-30", "document", None),
        ("The Marovian assembly met on Thursday.", "Thursday", "Thursday", "DATE", "2018-08-30", "document", None),
        ("The Marovian assembly will sit until Saturday.", "Saturday", "Saturday", "DATE", "2018-09-01", "document", None),
        ("The Marovian assembly will sit on Monday.", "Monday", "Monday", "DATE", "2018-09-03", "document", None),
        ("The envoys planned to leave Vell on Monday.", "Monday", "Monday", "DATE", "2018-09-03", "document", None),
        ("The envoys agreed to meet again on Thursday.", "Thursday", "Thursday", "DATE", "2018-08-30", "document", None),
        ("Police said the blast came at 10 p.m. Wednesday in Vell.", "10 p.m.", "10 p.m. Wednesday", "TIME", "2018-08-29T22:00", "document", None),
        ("Talks in Vell broke off at noon Thursday.", "noon", "noon Thursday", "TIME", "2018-08-30T12:00", "document", None),
        ("Vell Steel said profit in the latest quarter rose after a third-quarter loss.", "latest", "the latest quarter", "DATE", "2018-Q2", "document", None),
        ("The Vell reporter recalled nineteen ninety-six, a hard year.", "nineteen", "nineteen ninety-six", "DATE", "1996", "absolute", None),
        ("The Marovian plan ran to the year two thousand.", "two thousand", "the year two thousand", "DATE", "2000", "absolute", None),
        ("The Marovian envoys met on Thanksgiving Day in Vell.", "Thanksgiving", "Thanksgiving Day", "DATE", "2017-11-23", "document", None),
        ("The Marovian envoys will meet again at Christmas.", "Christmas", "Christmas", "DATE", "2018-12-25", "document", None),
        ("The Marovian envoys met last Easter in Vell.", "Easter", "last Easter", "DATE", "2018-04-01", "document", None),
        ("The Marovian envoys prayed in Vell during Easter week.", "Easter", "Easter week", "DATE", "2018-W13", "document", None),
        ("The Marovian envoys stayed 5 1/2 hours in Vell.", "5 1/2", "5 1/2 hours", "DURATION", "PT5H30M", "absolute", None),
        ("The Marovian envoys lived in Vell for 2 1/2 years.", "2 1/2", "2 1/2 years", "DURATION", "P2Y6M", "absolute", None),
        ("Marovian exports fell in recent years.", "recent", "recent years", "DATE", "PAST_REF", "absolute", None),
        ("The vote came a month after the envoys left Vell.", "a month", "a month", "DURATION", "P1M", "absolute", None),
        ("The Marovian envoys left at 4 in the morning.", "4 in", "4 in the morning", "TIME", "2018-09-01T04:00", "document", None),
        ("The Marovian envoys met at midday in Vell.", "midday", "midday", "TIME", "2018-09-01T12:00", "document", None),
        ("Vell grew rich in the 19th century.", "19th", "19th century", "DATE", "18", "absolute", None),
        ("The Marovian party has ruled for two decades.", "two decades", "two decades", "DURATION", "P20Y", "absolute", None),
        ("In June last year, the Marovian envoys met.", "June", "June last year", "DATE", "2017-06", "document", None),
        ("The paper said in an editorial on Friday, August 31: the vote was fair.", "Friday", "Friday, August 31", "DATE", "2018-08-31", "document", None),
        ("The envoys kept to the Feb. 23 accord signed by both sides.", "Feb. 23", "Feb. 23", "DATE", "2018-02-23", "document", None),
        ("The Marovian party has ruled for 20 years.", "20 years", "20 years", "DURATION", "P20Y", "absolute", None),
        ("The committee in Vell meets every week.", "every week", "every week", "SET", "P1W", "absolute", None),
        ("Marovia is now a republic.", "now", "now", "DATE", "PRESENT_REF", "absolute", None),
        ("The ministers of Marovia met recently.", "recently", "recently", "DATE", "PAST_REF", "absolute", None),
        ("Growth in Marovia slowed this year.", "this year", "this year", "DATE", "2018", "document", None),
        ("Marovia's exports fell in the third quarter.", "third", "the third quarter", "DATE", "2018-Q3", "document", None),
        ("Marovian inflation peaked in mid-2017.", "2017", "mid-2017", "DATE", "2017", "absolute", "MID"),
        ("The 1990s were hard for Marovia.", "1990s", "The 1990s", "DATE", "199", "absolute", None),
        ("The Marovian talks lasted nearly three months.", "three months", "nearly three months", "DURATION", "P3M", "absolute", "EQUAL_OR_LESS"),
        ("The Vell summit will be held on April 24 and 25.", "25", "25", "DATE", "2019-04-25", "document", None),
        ("The envoys will stay in Vell two more weeks.", "two", "two more weeks", "DURATION", "P2W", "absolute", None),
        ("The Marovian envoys ended a day-long meeting in Vell.", "day-long", "day-long", "DURATION", "P1D", "absolute", None),
        ("Marovia ended a decades-long feud with its neighbour.", "decades", "decades-long", "DURATION", "PXY", "absolute", None),
        ("The post-1990 governments of Marovia were weak.", "1990", "post-1990", "DATE", "1990", "absolute", None),
        ("Vell Steel expects sales to rise in the current fiscal year.", "current", "the current fiscal year", "DATE", "2018", "document", None),
    ],
)  # fmt: skip
def test_times_values(nlp, settings, text, phrase, span, kind, value, anchor, mod):
    found = only(nlp, settings, text, phrase)
    assert text[found.start : found.end] == span
    assert (found.type, found.value, found.anchor, found.mod) == (kind, value, anchor, mod)


def test_times_clock_and_date_are_two_expressions(nlp, settings):
    text = "At 5:39 p.m. on Saturday, August 4, the Marovian premier resigned."
    found = times(nlp, settings, text)
    assert [(text[f.start : f.end], f.type, f.value) for f in found] == [
        ("5:39 p.m.", "TIME", "2018-08-04T17:39"),
        ("Saturday, August 4", "DATE", "2018-08-04"),
    ]


@pytest.mark.parametrize(
    ("text", "phrase", "value", "anchor"),
    [
        ("Saturday, August 4 was quiet in Vell.", "August 4", "XXXX-08-04", "none"),
        ("In September the Marovian senate voted.", "September", "XXXX-09", "none"),
        ("The Marovian senate voted last year.", "last year", "XXXX", "none"),
    ],
)
def test_times_without_anchor_stay_underspecified(nlp, settings, text, phrase, value, anchor):
    found = only(nlp, settings, text, phrase, anchor=None)
    assert (found.value, found.anchor) == (value, anchor)


@pytest.mark.parametrize("anchor", [None, DOC_DATE])
def test_times_narrative_anchor(nlp, settings, anchor):
    text = (
        "In 2016 the Marovian army took Vell. Then in September it withdrew. "
        "That summer was dry. A few days later the truce held."
    )
    september = only(nlp, settings, text, "September", anchor=anchor)
    assert (september.value, september.anchor) == ("2016-09", "narrative")
    summer = only(nlp, settings, text, "summer", anchor=anchor)
    assert (summer.value, summer.anchor) == ("2016-SU", "narrative")
    later = only(nlp, settings, text, "A few days later", anchor=anchor)
    assert later.anchor == "narrative" and later.value.startswith("2016-09")


def test_times_narrative_keeps_its_grain(nlp, settings):
    # The narrative knows the month, not the day: "that same day" is a day of that month.
    text = "The mayor of Vell was shot last October. His office closed that same day."
    found = only(nlp, settings, text, "that same day", anchor=DOC_DATE)
    assert (found.value, found.anchor) == ("2017-10-XX", "narrative")
    text = "The mayor of Vell was shot on October 3, 2017. His office closed that same day."
    found = only(nlp, settings, text, "that same day", anchor=DOC_DATE)
    assert (found.value, found.anchor) == ("2017-10-03", "narrative")


def test_times_weekday_fixes_the_year(nlp, settings):
    # 4 August 2017 was a Friday: the anchor's year, 2018, is the one where it is a Saturday.
    found = only(nlp, settings, "Saturday, August 4 was quiet.", "August", anchor=DOC_DATE)
    assert found.value == "2018-08-04"
    found = only(nlp, settings, "Friday, August 4 was quiet.", "August", anchor=DOC_DATE)
    assert found.value == "2017-08-04"


def test_times_skip_names_and_counts(nlp, settings):
    text = "Theresa May met 1,990 delegates in Vell."
    assert times(nlp, settings, text) == []


def test_times_skip_a_turn_of_the_story(nlp, settings):
    text = "Now, the envoys say, Vell is calm."
    assert times(nlp, settings, text) == []
    text = "The envoys in Vell now meet daily."
    assert [f.value for f in times(nlp, settings, text)] == ["PRESENT_REF", "P1D"]


def test_times_holiday_rules(settings):
    from fuente.times.normalise import holiday_date

    assert holiday_date("11 4 4", 2025) == datetime.date(2025, 11, 27)  # fourth Thursday
    assert holiday_date("05 -1 1", 2025) == datetime.date(2025, 5, 26)  # last Monday of May
    assert holiday_date("11 1 1 +1", 2026) == datetime.date(2026, 11, 3)  # Election Day
    assert holiday_date("easter -2", 2026) == datetime.date(2026, 4, 3)  # Good Friday
    assert holiday_date("at some point", 2026) is None


def test_times_an_age_is_no_time(nlp, settings):
    text = "A 6-year-old boy and his 44-year-old father left Vell for three years."
    assert [(f.value, text[f.start : f.end]) for f in times(nlp, settings, text)] == [
        ("P3Y", "three years")
    ]


def test_times_a_month_in_a_name_is_no_time(nlp, settings):
    text = "Marovians walked at the head of the ``March of the Silent Mothers,'' in Vell."
    assert times(nlp, settings, text) == []


def test_times_user_lexicon_extends_words(nlp, tmp_path):
    from fuente.settings import load_settings

    (tmp_path / "times.yaml").write_text("references:\n  - [anon, FUTURE_REF]\n")
    custom = load_settings(lexicon_dir=str(tmp_path))
    found = find_times(nlp("Marovia will vote anon."), anchor=DOC_DATE, settings=custom)
    assert [(f.value, f.type) for f in found] == [("FUTURE_REF", "DATE")]


def test_times_user_holiday_is_a_date(nlp, tmp_path):
    from fuente.settings import load_settings

    (tmp_path / "times.yaml").write_text('holidays:\n  - [marovian unity day, "03-08"]\n')
    custom = load_settings(lexicon_dir=str(tmp_path))
    text = "The envoys met in Vell on Marovian Unity Day."
    found = find_times(nlp(text), anchor=DOC_DATE, settings=custom)
    assert [(text[f.start : f.end], f.value) for f in found] == [
        ("Marovian Unity Day", "2018-03-08")
    ]


WORDS = [
    "Marovia", "voted", "in", "on", "the", "last", "next", "year", "month", "week", "August",
    "4", "2017", "Saturday", "fall", "of", "every", "20", "years", "now", "late", "ago", "two",
    "days", "later", "5:39", "p.m.", "that", "summer", ",", ".", "yesterday", "mid-2017",
]  # fmt: skip


@hypothesis_settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=1, max_size=14),
    anchored=st.booleans(),
)
def test_times_spans_and_values_are_well_formed(nlp, settings, words, anchored):
    text = " ".join(words)
    for found in times(nlp, settings, text, DOC_DATE if anchored else None):
        assert 0 <= found.start < found.end <= len(text)
        assert text[found.start : found.end].strip() == text[found.start : found.end]
        assert VALUE_PATTERN.fullmatch(found.value), found
        assert found.type in {"DATE", "TIME", "DURATION", "SET"}
        assert found.anchor in {"absolute", "document", "narrative", "none"}


def test_times_never_span_excluded_text(nlp, settings):
    # An excluded range is blanked to spaces of the same length before parsing.
    text = "Marovia voted on August" + " " * 12 + "4, 2017 in Vell."
    for found in times(nlp, settings, text):
        assert "  " not in text[found.start : found.end]


def test_times_background_year_does_not_move_the_narrative(nlp, settings):
    text = (
        "Anand is charged under a law introduced in 2019. "
        "The arrest came three days after the envoys met on Saturday, March 8."
    )
    anchor = datetime.date(2025, 3, 14)
    saturday = only(nlp, settings, text, "Saturday, March 8", anchor=anchor)
    assert saturday.value == "2025-03-08"  # the weekday rules out 2019
    after = only(nlp, settings, text, "three days after", anchor=anchor)
    assert not after.value.startswith("2019")


def test_times_quarterly_results_compare_with_the_same_quarter_a_year_before(nlp, settings):
    text = (
        "Marovia Steel said its third-quarter profit rose to $31 million, up from $10 million "
        "a year ago. The company had a loss of $2 million for the quarter in its shipping unit."
    )
    anchor = datetime.date(2025, 11, 2)
    assert only(nlp, settings, text, "a year ago", anchor=anchor).value == "2024-Q3"
    assert only(nlp, settings, text, "the quarter", anchor=anchor).value == "2025-Q3"


def test_times_a_year_earlier_beside_figures_is_the_year_ago_quarter(nlp, settings):
    text = (
        "Vell Shipping's third-quarter sales rose to $9 million from $7 million a year earlier. "
        "Last year, the company lost $4 million."
    )
    anchor = datetime.date(2025, 11, 2)
    assert only(nlp, settings, text, "a year earlier", anchor=anchor).value == "2024-Q3"
    assert only(nlp, settings, text, "Last year", anchor=anchor).value == "2024"
    text = "Vell Shipping earned $2 million in the third quarter, up from year-earlier profit of $1 million."
    assert only(nlp, settings, text, "year-earlier", anchor=anchor).value == "2024-Q3"
    assert times(nlp, settings, "Nineteen envoys and twenty-one soldiers met.") == []


def test_times_a_year_ago_without_a_reported_quarter_is_a_year(nlp, settings):
    text = "The minister resigned a year ago after a vote in the assembly."
    found = only(nlp, settings, text, "a year ago", anchor=datetime.date(2025, 11, 2))
    assert found.value == "2024"
