"""The words the contradiction rules read, compiled once per ``lexicon_dir``, and the way
they read a sentence's words.

The lexicon is ``contradictions.yaml`` (denial verbs, words of change, approximators, tallies,
words after a number that are not the thing counted); the number words are those of
``times.yaml``, the negation words those of ``events.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from fuente.lexicon import read_lexicon
from fuente.text import fold

__all__ = ["RuleWords", "holds", "rule_words", "word_tokens"]

TOKEN = re.compile(r"[$€£¥]?\d[\d,]*(?:\.\d+)?%?|\w+(?:['’.-]\w+)*|[$€£¥%]")


@dataclass(frozen=True, slots=True)
class RuleWords:
    """The contradictions lexicon, compiled, with the number and negation words."""

    denial_verbs: frozenset[str]
    change: frozenset[str]
    approximators: frozenset[str]
    tallies: frozenset[str]
    not_counted: frozenset[str]
    numbers: dict[str, int]
    negation: frozenset[str]


@cache
def rule_words(lexicon_dir: str | None) -> RuleWords:
    lexicon = read_lexicon("contradictions", lexicon_dir=lexicon_dir)

    def folded(section: str) -> frozenset[str]:
        return frozenset(fold(str(word)) for word in lexicon.get(section, ()))

    numbers = {}
    for word, value in read_lexicon("times", lexicon_dir=lexicon_dir).get("numbers", ()):
        word = fold(str(word))
        if " " not in word and word not in {"a", "an"} and isinstance(value, int) and value > 0:
            numbers[word] = value
    negation = read_lexicon("events", lexicon_dir=lexicon_dir).get("negation", ())
    verbs = frozenset(form for lemma in folded("denial-verbs") for form in _inflections(lemma))
    return RuleWords(
        verbs, folded("change-words"), folded("approximators"), folded("tallies"),
        folded("not-counted"), numbers, frozenset(fold(str(w)) for w in negation),
    )  # fmt: skip


def _inflections(lemma: str) -> set[str]:
    """The forms of an English verb written ``lemma``: deny, denies, denied, denying."""
    forms = {lemma, lemma + "s", lemma + "ed", lemma + "ing"}
    if lemma.endswith("y") and lemma[-2:-1] not in set("aeiou"):
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    if lemma.endswith("e"):
        forms |= {lemma + "d", lemma[:-1] + "ing"}
    if len(lemma) > 2 and lemma[-1] not in set("aeiouwy") and lemma[-2] in set("aeiou"):
        forms |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}  # rebutted
    return forms


def word_tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


def holds(text: str, listed: frozenset[str]) -> bool:
    """Whether ``text`` holds a word or phrase of ``listed``."""
    folded = [fold(token) for token, _s, _e in word_tokens(text)]
    phrases = {" ".join(folded[i : i + size]) for size in (1, 2, 3) for i in range(len(folded))}
    return bool(phrases & listed)
