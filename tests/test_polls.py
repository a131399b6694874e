"""Poll results relayed from an outlet's poll (fuente.attribution.polls)."""

from __future__ import annotations

import pytest

from fuente.attribution.polls import poll_outlets, polled_through


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        ("In a poll conducted by the New York Times and ABC News, most voters said no.",
         "The New York Times"),
        ("A New York Times/CBS News poll found that 40 percent of voters said no.",
         "The New York Times"),
        ("The Washington Post-ABC News poll showed that voters said no.", "The Washington Post"),
        ("A Quinnipiac poll showed that voters said no.", None),
    ],
)  # fmt: skip
def test_polls_the_outlet_that_ran_a_poll(nlp, settings, text, outlet) -> None:
    found = poll_outlets(nlp(text), settings=settings)
    assert [name for _offset, name in found] == ([outlet] if outlet else [])


def test_polls_a_poll_relays_the_rest_of_its_paragraph_only() -> None:
    text = "In a Times poll, 28 percent said yes.\nAsked why, 40 percent said no.\n"
    polls = [(5, "The New York Times")]
    assert polled_through(text, polls, text.index("28")) == "The New York Times"
    assert polled_through(text, polls, text.index("40")) is None  # the next paragraph
