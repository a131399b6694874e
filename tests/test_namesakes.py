"""Two people of one surname in an article: a bare surname joins the one its gender fits."""

import pytest

from fuente.nlp.annotate import load_pipeline


@pytest.fixture(scope="module")
def nlp(settings):
    return load_pipeline(settings)


def clusters(nlp, text: str) -> dict[str, list[str]]:
    doc = nlp(text)
    return {name: [text[s:e] for s, e, _ in spans] for name, _, spans in doc._.fuente_entities}


def test_a_pronoun_that_takes_the_surname_up_tells_which_namesake_it_is(nlp) -> None:
    found = clusters(
        nlp,
        "Mary Harper spoke in Corvel on Monday. Her husband, Thomas Harper, stayed in Vell.\n"
        "Harper said she would return to the province next week.\n",
    )
    assert found["Mary Harper"] == ["Mary Harper", "Harper"]
    assert "Harper" not in found and found["Thomas Harper"] == ["Thomas Harper"]


def test_an_honorific_tells_which_namesake_it_is(nlp) -> None:
    found = clusters(
        nlp,
        "Mary Harper and Thomas Harper arrived in Corvel.\nMr. Harper said on Tuesday that the "
        "harbour was closed.\n",
    )
    assert found["Thomas Harper"] == ["Thomas Harper", "Harper"]
    assert found["Mary Harper"] == ["Mary Harper"]


def test_without_a_gender_or_with_a_quotation_between_the_surname_stays_apart(nlp) -> None:
    bare = clusters(
        nlp,
        "Mary Harper and Thomas Harper arrived in Corvel.\nHarper said on Tuesday that the "
        "harbour was closed.\n",
    )
    assert bare["Harper"] == ["Harper"]
    quoted = clusters(
        nlp,
        "Mary Harper and Thomas Harper arrived in Corvel.\n"
        'Harper said: "He has never seen the harbour."\n',
    )
    assert quoted["Harper"] == ["Harper"]


def test_two_namesakes_of_one_gender_leave_the_surname_unresolved(nlp) -> None:
    found = clusters(
        nlp,
        "Mary Harper and Elena Harper arrived in Corvel.\nHarper said she would stay a week.\n",
    )
    assert found["Harper"] == ["Harper"]


def test_the_narration_after_a_quotation_takes_the_surname_up(nlp) -> None:
    found = clusters(
        nlp,
        "Mary Harper and Thomas Harper arrived in Corvel.\n"
        'Harper said on Tuesday: "She will never see the harbour again."\n'
        "He then left the city by train.\n",
    )
    assert found["Thomas Harper"] == ["Thomas Harper", "Harper"]  # "She" is the quotation's
