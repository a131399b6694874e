"""Language identification: the detector's first choice, unless a language the reader works
in is a close second to it."""

from __future__ import annotations

import pytest

import fuente.nlp.language as language
from fuente.nlp.language import detect_language


class _Ranked:
    def __init__(self, ranked: list[tuple[str, float]]) -> None:
        self.ranked = ranked

    def rank(self, _text: str) -> list[tuple[str, float]]:
        return self.ranked


@pytest.mark.parametrize(
    ("ranked", "prefer", "expected"),
    [
        ([("pcm", 0.64), ("en", 0.35)], ("en",), "en"),  # a close relative in doubt
        ([("pcm", 0.64), ("en", 0.35)], (), "pcm"),  # nothing preferred: the first choice
        ([("es", 0.78), ("gl", 0.10), ("en", 0.05)], ("en",), "es"),  # sure: stays Spanish
        ([("en", 0.99), ("pcm", 0.01)], ("en",), "en"),
    ],
)
def test_language_prefers_a_close_working_language(monkeypatch, ranked, prefer, expected):
    monkeypatch.setattr(language, "_identifier", lambda: _Ranked(ranked))
    text = "The envoys of Marovia met in Vell on Monday."
    assert detect_language(text, prefer=prefer) == expected


def test_language_of_real_texts():
    spanish = "La policía de Vell detuvo el lunes a tres manifestantes frente al ministerio."
    assert detect_language(spanish, prefer=("en",)) == "es"
    english = "The police in Vell detained three protesters outside the ministry on Monday."
    assert detect_language(english, prefer=("en",)) == "en"
    assert detect_language("Vell, Monday", prefer=("en",)) is None  # too short to tell
