"""The tense a date is spoken in, from the verb it hangs on."""

import pytest

from fuente.nlp.tense import tense_of


@pytest.mark.parametrize(
    ("text", "words", "tense"),
    [
        ("The company redeemed its debentures due March 1, 2011.", "March 1, 2011", "ahead"),
        ("The council will vote on May 3, 2026.", "May 3, 2026", "ahead"),
        ("Profits rose sharply in 1988.", "1988", "past"),
        ("Exports have grown every year since 2019.", "2019", "past"),
        ("The government kept its 2030 target.", "2030", None),
        ("The envoys plan to return on Thursday.", "Thursday", "ahead"),
        ("The envoys met in Vell to mark the treaty on Thursday.", "Thursday", "open"),
        ("The envoys could leave Vell as early as Tuesday.", "Tuesday", "ahead"),
        ("A summit planned for Vell in April was cancelled.", "April", None),
        ("Until Thursday, the police had not named him.", "Thursday", None),
        ("The talks are suspended until Thursday.", "Thursday", "ahead"),
        ("The bank scrapped the bonuses, beginning in January 2027.", "January 2027", "ahead"),
        ("The envoys kept to the accord signed by the Feb. 23 deadline.", "Feb. 23", None),
    ],
)
def test_tense_of_a_date_from_its_sentence(nlp, settings, text, words, tense) -> None:
    from fuente.times.normalise import grammar

    start = text.index(words)
    table = grammar(settings)
    found = tense_of(
        nlp(text),
        start,
        start + len(words),
        ahead=table.ahead_words,
        auxiliaries=table.ahead_auxiliaries,
    )
    assert found == tense
