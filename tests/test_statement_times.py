"""Times attached to attributions: when a statement was made, and the times inside it."""

import pytest

from fuente.pipeline import process
from fuente.records import RawArticle


@pytest.fixture
def analyse(nlp, settings):
    def run(text: str, published: str = "2025-03-12"):
        raw = RawArticle(
            id="t", path="t.txt", text=text, format="text", meta={"published": published}
        )
        (records,) = list(process([raw], nlp=nlp, settings=settings))
        return records

    return run


def _said(records, words):
    text = records.document.text
    (attribution,) = [
        a for a in records.attributions if words in text[a.content_start : a.content_end]
    ]
    return attribution


@pytest.mark.parametrize(
    ("text", "when", "value"),
    [
        (
            "Interior Minister Tomas Varga said on Monday that the talks with the rebels had failed.\n",
            "Monday",
            "2025-03-10",
        ),
        (
            "On March 3, opposition leader Ines Lindqvist warned that the vote would be rigged.\n",
            "March 3",
            "2025-03-03",
        ),
    ],
)
def test_statement_times_date_the_act_of_saying(analyse, text, when, value) -> None:
    records = analyse(text)
    attribution = _said(records, "the")
    assert text[attribution.time_start : attribution.time_end] == when
    (time,) = [t for t in records.times if t.start == attribution.time_start]
    assert time.value == value
    assert time.attribution == attribution.id and time.role == "statement"


def test_statement_times_inside_content_belong_to_the_claim_not_the_statement(analyse) -> None:
    text = "Ines Lindqvist said that the vote in March 2024 was rigged.\n"
    records = analyse(text)
    attribution = _said(records, "the vote")
    assert attribution.time_start is None  # March 2024 is what she spoke of, not when
    (time,) = [t for t in records.times if t.text == "March 2024"]
    assert time.attribution == attribution.id and time.role == "content"


def test_statement_times_leave_unattributed_times_alone(analyse) -> None:
    records = analyse("The port of Halvik reopened on Tuesday after a week of strikes.\n")
    assert records.times and all(t.attribution is None and t.role is None for t in records.times)
