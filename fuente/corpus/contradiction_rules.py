"""When two events cannot both hold: pure rules, no SQL.

Three rules here and one beside them (``denial``, ``fuente.corpus.denial_rules``), each naming
itself in what it finds; every condition must hold, and where one
cannot be checked nothing is found (a false contradiction is worse than a missed one):

* ``negation``: two events of two articles, one said to have happened and the other said not
  to have ("was apprehended" / "was not apprehended"): the same PLOVER category and mode,
  both ``happened`` in modality, the same word for it (its first ``STEM`` letters), sides
  that agree where both name one with at least one the same corpus-wide actor, the same
  place where both name one, and both dated by their own words to one and the same day (an
  event undated, or dated to a month, may well have happened at another time).
* ``numbers``: two members of one event claim, in two articles, whose sentences count the
  same thing differently ("two drones" / "three drones"): the number is written as digits or
  a number word right before the noun, which has the same singular in both; no count is read
  that is loose ("at least two"), money or a share ("$10 million", "5%"), a year, or a unit
  (``not-counted``), nor a noun a sentence counts twice differently; neither sentence holds a
  word of change ("later increasing it to", ``change-words``) or of a toll that grows as
  reports come in (``tallies``); the two events are not dated to two different days; and
  their sentences share ``SHARED`` content words besides the numbers. Within one article a
  count that changes is a quantity over time, never a contradiction.
* ``dates``: two members of one event claim, in two articles, dated by their own words to two
  different days ("on Saturday" / "on Sunday"): both values name a day, neither is modified
  ("about", "before"), both were resolved from the text alone or from an article date the
  article gives (not one inferred, nor a story's running time), neither sentence holds a
  word of change, and the sentences share ``SHARED`` content words besides the dates'.

The words they read are ``fuente.corpus.contradiction_words``'s.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from fuente.corpus.claim_rules import STEM, content_words
from fuente.corpus.contradiction_words import RuleWords, holds, word_tokens
from fuente.lexicon import words as grammar_words
from fuente.records import Contradiction
from fuente.text import fold

__all__ = ["EXTRACTOR", "Count", "Report", "counts", "dates", "firm_day", "negation", "numbers"]

EXTRACTOR = "contradictions@1"
SHARED = 3  # content words two sentences share, besides counts and dates, to be one event
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T|$)")
DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})*$|^\d+$")
FIRM_ANCHORS = ("absolute", "document")
Days = tuple[date, date]


@dataclass(frozen=True, slots=True)
class Report:
    """An event as the contradiction rules see it: its sides as corpus-wide actor ids (or
    ``country/sector``), the word that carries it (``trigger`` at ``start``:``end``), its
    sentence (``sentence``, from ``sentence_start``), and its own date where its words give
    one: ``day`` is the TIMEX3 value when it names one day resolved firmly, written at
    ``date_start``:``date_end`` (``date_text``). ``claim`` is the event claim it is in."""

    ref: str
    doc: str
    category: str
    mode: str | None
    modality: str
    negated: bool
    source: str | None
    target: str | None
    start: int
    end: int
    trigger: str
    sentence: str
    sentence_start: int
    location: str | None = None
    day: str | None = None
    date_start: int | None = None
    date_end: int | None = None
    date_text: str | None = None
    published: str | None = None
    claim: str | None = None


@dataclass(frozen=True, slots=True)
class Count:
    """A number and the noun it counts, as written at ``start``:``end``."""

    value: int
    noun: str
    start: int
    end: int
    text: str


def _sides(one: Report, other: Report) -> list[str] | None:
    """The corpus-wide actors both name on the same side, or None when a side differs or
    none is shared."""
    pairs = ((one.source, other.source), (one.target, other.target))
    if any(mine and theirs and mine != theirs for mine, theirs in pairs):
        return None
    same = [mine for mine, theirs in pairs if mine and mine == theirs and "/" not in mine]
    return same or None


def _ordered(one: Report, other: Report) -> tuple[Report, Report]:
    """The two, the one first published first (then by document and id)."""
    first, second = sorted((one, other), key=lambda r: (r.published or "", r.doc, r.ref))
    return first, second


def negation(one: Report, other: Report) -> Contradiction | None:
    """The ``negation`` rule (module docstring)."""
    if one.doc == other.doc or one.negated == other.negated:
        return None
    if (one.category, one.mode) != (other.category, other.mode):
        return None
    if one.modality != "happened" or other.modality != "happened":
        return None
    if fold(one.trigger)[:STEM] != fold(other.trigger)[:STEM]:
        return None
    same = _sides(one, other)
    if same is None or not one.day or not other.day or one.day[:10] != other.day[:10]:
        return None
    if one.location and other.location and fold(one.location) != fold(other.location):
        return None
    first, second = _ordered(one, other)
    done, undone = (second, first) if first.negated else (first, second)
    message = (
        f"{', '.join(same)}: {done.category} “{done.trigger}” on {done.day[:10]} in "
        f"{done.doc}, but not so in {undone.doc}"
    )
    return _pair("negation", message, first, second, (first.start, first.end, first.trigger),
                 (second.start, second.end, second.trigger), actor=same[0])  # fmt: skip


def _pair(
    rule: str, message: str, first: Report, second: Report,
    one: tuple[int, int, str], other: tuple[int, int, str], *, actor: str | None = None,
) -> Contradiction:  # fmt: skip
    return Contradiction(
        rule, message, first.doc, first.ref, one[0], one[1], one[2], second.doc, second.ref,
        other[0], other[1], other[2], EXTRACTOR, claim=first.claim or second.claim, actor=actor,
    )  # fmt: skip


def _singular(word: str) -> str:
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def _loose(tokens: list[tuple[str, int, int]], index: int, words: RuleWords) -> bool:
    """Whether the words just before token ``index`` make its number loose ("at least")."""
    before = [fold(token) for token, _s, _e in tokens[max(0, index - 3) : index]]
    return any(" ".join(before[i:]) in words.approximators for i in range(len(before)))


def _value(token: str, words: RuleWords) -> int | None:
    if DIGITS.match(token):
        value = int(token.replace(",", ""))
        return None if 1800 <= value <= 2100 and "," not in token else value  # a year
    return words.numbers.get(fold(token))


def counts(text: str, offset: int, words: RuleWords) -> dict[str, Count]:
    """The counts ``text`` (starting at ``offset`` in its document) writes, by the singular
    of the noun counted; a noun counted twice with two values is left out."""
    tokens = word_tokens(text)
    found: dict[str, list[Count]] = {}
    common = _common()
    for index, (token, start, end) in enumerate(tokens[:-1]):
        value = _value(token, words)
        noun, noun_start, noun_end = tokens[index + 1]
        if value is None or text[end:noun_start] != " " or _loose(tokens, index, words):
            continue
        folded = fold(noun)
        if not folded.isalpha() or len(folded) < 3 or folded in words.not_counted:
            continue
        if folded in common or folded in words.numbers:
            continue
        count = Count(value, _singular(folded), offset + start, offset + noun_end,
                      text[start:noun_end])  # fmt: skip
        found.setdefault(count.noun, []).append(count)
    return {noun: found[noun][0] for noun in found if len({c.value for c in found[noun]}) == 1}


@cache
def _common() -> frozenset[str]:
    return grammar_words("function-words")


def _shared(one: str, other: str, leave_out: Iterable[str]) -> int:
    """Content words the two sentences share, those of ``leave_out`` left out."""
    dropped: set[str] = set()
    for text in leave_out:
        dropped |= content_words(text)
    return len((content_words(one) & content_words(other)) - dropped)


def numbers(one: Report, other: Report, *, words: RuleWords) -> Contradiction | None:
    """The ``numbers`` rule (module docstring): ``one`` and ``other`` are one claim's."""
    if one.doc == other.doc:
        return None
    if one.day and other.day and one.day[:10] != other.day[:10]:
        return None
    listed = words.change | words.tallies
    if holds(one.sentence, listed) or holds(other.sentence, listed):
        return None
    mine = counts(one.sentence, one.sentence_start, words)
    theirs = counts(other.sentence, other.sentence_start, words)
    differ = sorted(noun for noun in mine.keys() & theirs.keys()
                    if mine[noun].value != theirs[noun].value)  # fmt: skip
    if not differ:
        return None
    numerals = [c.text.split()[0] for c in (*mine.values(), *theirs.values())]
    if _shared(one.sentence, other.sentence, numerals) < SHARED:
        return None
    first, second = _ordered(one, other)
    a, b = (mine, theirs) if first is one else (theirs, mine)
    noun = differ[0]
    message = (
        f"{first.category} counted as “{a[noun].text}” in {first.doc} but “{b[noun].text}” "
        f"in {second.doc}"
    )
    return _pair("numbers", message, first, second, (a[noun].start, a[noun].end, a[noun].text),
                 (b[noun].start, b[noun].end, b[noun].text), actor=_actor(one, other))  # fmt: skip


def _actor(one: Report, other: Report) -> str | None:
    same = _sides(one, other)
    return same[0] if same else None


def dates(one: Report, other: Report, *, words: RuleWords) -> Contradiction | None:
    """The ``dates`` rule (module docstring): ``one`` and ``other`` are one claim's."""
    if one.doc == other.doc or not one.day or not other.day:
        return None
    if one.day[:10] == other.day[:10] or one.date_start is None or other.date_start is None:
        return None
    if holds(one.sentence, words.change) or holds(other.sentence, words.change):
        return None
    spelled = [one.date_text or "", other.date_text or ""]
    if _shared(one.sentence, other.sentence, spelled) < SHARED:
        return None
    first, second = _ordered(one, other)
    message = (
        f"{first.category} dated “{first.date_text}” ({first.day[:10]}) in {first.doc} but "
        f"“{second.date_text}” ({second.day[:10]}) in {second.doc}"
    )
    return _pair(
        "dates", message, first, second,
        (first.date_start, first.date_end or first.date_start, first.date_text or ""),
        (second.date_start, second.date_end or second.date_start, second.date_text or ""),
        actor=_actor(one, other),
    )  # fmt: skip


def firm_day(value: str | None, *, anchor: str | None, mod: str | None,
             inferred: bool) -> str | None:  # fmt: skip
    """``value`` when it names one day resolved firmly: from the text alone, or from an
    article date the article gives, and not modified; else None."""
    if not value or not DAY.match(value) or mod or anchor not in FIRM_ANCHORS:
        return None
    return None if anchor == "document" and inferred else value
