"""When two reports cannot both hold: pure rules, no SQL.

Four rules, each naming itself in what it finds; every condition must hold, and where one
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
* ``denial``: a statement by a corpus-wide actor cued by a denial verb (``denial-verbs``,
  "he has consistently denied ...", not "has not denied"), and an allegation about that
  actor (a PLOVER ACCUSE event of the ``allege`` mode, happened and not negated, whose target
  is the actor, or which has no target and whose sentence names that one person and no
  other), made by someone else in another sentence of the same article or in another
  article at most ``claim_days`` apart; the denial's content words (the actor's own name
  left out) are ``DENIAL_SHARED`` or more of the allegation sentence's and half the
  denial's.

The lexicon is ``contradictions.yaml``; the number words are those of ``times.yaml``, the
negation words those of ``events.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from functools import cache

from fuente.corpus.claim_rules import STEM, content_words
from fuente.lexicon import read_lexicon
from fuente.lexicon import words as grammar_words
from fuente.records import Contradiction
from fuente.text import fold

__all__ = [
    "Allegation",
    "Count",
    "Denial",
    "Report",
    "RuleWords",
    "counts",
    "dates",
    "denial",
    "denial_stems",
    "is_denial",
    "negation",
    "numbers",
    "rule_words",
    "side_keys",
]

EXTRACTOR = "contradictions@1"
SHARED = 3  # content words two sentences share, besides counts and dates, to be one event
DENIAL_SHARED = 2  # content words a denial shares with the allegation it denies
BEFORE = 3  # words before a denial's cue read for a negation ("has not denied")
DAY = re.compile(r"^\d{4}-\d{2}-\d{2}(?:T|$)")
TOKEN = re.compile(r"[$€£¥]?\d[\d,]*(?:\.\d+)?%?|\w+(?:['’.-]\w+)*|[$€£¥%]")
DIGITS = re.compile(r"^\d{1,3}(?:,\d{3})*$|^\d+$")
FIRM_ANCHORS = ("absolute", "document")
Days = tuple[date, date]


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


@dataclass(frozen=True, slots=True)
class Denial:
    """A statement that may deny something: its speaker's corpus-wide actor (``actor``,
    named ``actor_name``), its cue's first word (``cue``) and the words before it
    (``before``), its content, and the span shown for it (``said`` at ``start``:``end``,
    cue and content together); ``sentence_start``:``sentence_end`` is its sentence."""

    ref: str
    doc: str
    actor: str
    actor_name: str
    cue: str
    before: str
    content: str
    said: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    published: Days | None = None


@dataclass(frozen=True, slots=True)
class Allegation:
    """An ACCUSE event of the ``allege`` mode with its sentence (``sentence`` at
    ``start``:``end``), its sides' corpus-wide actors, whether its text names a target
    (``targeted``), the person actors its sentence names outside its source's words
    (``people``) and the speaker of the statement it stands in (``speaker``)."""

    ref: str
    doc: str
    source: str | None
    target: str | None
    sentence: str
    start: int
    end: int
    targeted: bool = False
    people: frozenset[str] = frozenset()
    speaker: str | None = None
    published: Days | None = None

    @property
    def about(self) -> str | None:
        """The actor it alleges something of: its target, else (its text naming no target
        at all) the one person its sentence names outside its source; None when that cannot
        be told."""
        if self.target:
            return None if "/" in self.target else self.target
        if self.targeted or len(self.people) != 1:
            return None
        return next(iter(self.people))


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


def _tokens(text: str) -> list[tuple[str, int, int]]:
    return [(m.group(), m.start(), m.end()) for m in TOKEN.finditer(text)]


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
    tokens = _tokens(text)
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


def _holds(text: str, listed: frozenset[str]) -> bool:
    """Whether ``text`` holds a word or phrase of ``listed``."""
    folded = [fold(token) for token, _s, _e in _tokens(text)]
    phrases = {" ".join(folded[i : i + size]) for size in (1, 2, 3) for i in range(len(folded))}
    return bool(phrases & listed)


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
    if _holds(one.sentence, listed) or _holds(other.sentence, listed):
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
    if _holds(one.sentence, words.change) or _holds(other.sentence, words.change):
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


def is_denial(statement: Denial, *, words: RuleWords) -> bool:
    """Whether the statement's cue is a denial verb not negated ("has not denied")."""
    if fold(statement.cue) not in words.denial_verbs:
        return False
    before = [fold(token) for token, _s, _e in _tokens(statement.before)][-BEFORE:]
    return not any(word in words.negation or word.endswith("n't") for word in before)


def denial_stems(statement: Denial) -> frozenset[str]:
    """The content words of a denial, its speaker's name left out."""
    return content_words(statement.content) - content_words(statement.actor_name)


def denial(
    statement: Denial, allegation: Allegation, *, words: RuleWords, days: int
) -> Contradiction | None:
    """The ``denial`` rule (module docstring): ``statement`` denies ``allegation``."""
    actor = statement.actor
    if allegation.about != actor or actor in (allegation.source, allegation.speaker):
        return None
    if not is_denial(statement, words=words):
        return None
    if allegation.doc == statement.doc and (
        allegation.start < statement.sentence_end and statement.sentence_start < allegation.end
    ):
        return None  # the allegation the denial itself reports ("denied allegations of ...")
    if allegation.doc != statement.doc and not _near(allegation.published,
                                                     statement.published, days):  # fmt: skip
        return None
    denied = denial_stems(statement)
    shared = denied & content_words(allegation.sentence)
    if len(shared) < DENIAL_SHARED or 2 * len(shared) < len(denied):
        return None
    message = (
        f"{statement.actor_name} denies “{statement.content}” ({statement.doc}), alleged in "
        f"{allegation.doc}: “{allegation.sentence.strip()}”"
    )
    return Contradiction(
        "denial", message, allegation.doc, allegation.ref, allegation.start, allegation.end,
        allegation.sentence, statement.doc, statement.ref, statement.start, statement.end,
        statement.said, EXTRACTOR, actor=actor,
    )  # fmt: skip


def _near(one: Days | None, other: Days | None, days: int) -> bool:
    """Whether two articles' dates are both known and at most ``days`` apart."""
    if one is None or other is None:
        return False
    if one[1] < other[0]:
        return (other[0] - one[1]).days <= days
    if other[1] < one[0]:
        return (one[0] - other[1]).days <= days
    return True


def side_keys(
    kind: str, actor: str, stems: Iterable[str], published: Days | None, *, days: int,
    widen: bool = False,
) -> set[str]:  # fmt: skip
    """The keys a denial (``kind`` ``d``) or an allegation (``g``) about ``actor`` is stored
    under: its actor with each content word and each block of ``days`` + 1 days its article's
    date touches; ``widen`` reaches ``days`` further either side, the keys to look the other
    kind up by. An article without a date, or dated only to more than ``days`` days, has
    none."""
    if published is None or (published[1] - published[0]).days > days:
        return set()
    width = days + 1
    first, last = published[0].toordinal(), published[1].toordinal()
    if widen:
        first, last = first - days, last + days
    blocks = range(first // width, last // width + 1)
    return {f"{kind}:{actor}|{stem}|{block}" for stem in stems for block in blocks}
