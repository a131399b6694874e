"""Pronoun antecedents (fuente.actors.antecedents), one set of rules for speakers and event
actors, read with the real model."""

from __future__ import annotations

import pytest

from fuente.actors.antecedents import pronoun_antecedent

pytestmark = pytest.mark.slow


def meant(nlp, settings, text: str, pronoun: str) -> str | None:
    doc = nlp(text)
    token = next(t for t in doc if t.lower_ == pronoun)
    found = pronoun_antecedent(token, settings=settings)
    return found.text if found is not None else None


# text, then the pronoun and what it stands for (None: nothing)
CASES = {
    "Tomas Varga leads the army. He met the envoy.": ("he", "Varga"),
    "Radical French farmers said they would blockade Paris.": ("they", "farmers"),
    "Militants said they attacked the convoy.": ("they", "Militants"),
    "Venezuela said it would hold talks.": ("it", "Venezuela"),
    "The minister, who resigned, spoke.": ("who", "minister"),
    # a name met only in passing is no subject: it does not capture the pronoun
    "The rebellion against Hugo Chavez failed. He spoke.": ("he", None),
    # he/she keep to a person of their gender
    "Lena Ostrova, the minister, arrived. She spoke.": ("she", "Ostrova"),
}


@pytest.mark.parametrize("text", CASES)
def test_antecedents_pronoun_stands_for(nlp, settings, text: str) -> None:
    pronoun, expected = CASES[text]
    assert meant(nlp, settings, text, pronoun) == expected
