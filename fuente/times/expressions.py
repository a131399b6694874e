"""Time expressions: find them in an annotated Doc and give each a TIMEX3 type and value.

``find_times(doc, anchor=..., settings=..., language=...)`` scans the text (``doc_text``) with
the patterns of ``fuente/data/<language>/times.yaml`` (its ``patterns`` section: a language
orders the words of a date its own way), built from the same file's words (months, weekdays,
seasons, number words, units, modifiers, references to the present, past and future,
recurrences, and the small words the patterns are written with: "ago", "the following",
"o'clock"), keeps the longest match where two overlap, and then, in the order of the text,
resolves each one:

* ``absolute``: the text gives the value whole ("January 3, 2023", "April 2002", "in 2020");
* ``document``: a deictic expression resolved against ``anchor``, the document date ("last
  year", "late last month" -> the month before, mod END; "on Saturday"; "two days ago");
* ``narrative``: an anaphoric one resolved against the time the story has reached, the last
  date resolved before it ("then in September", "a few days later", "that summer"); a date
  without a year ("August 4") also takes the narrative's year when the story has moved to
  another year than the document's;
* ``none``: nothing to resolve against, so the value keeps its unknown parts ("XXXX-09",
  "XXXX-08-04"): fuente never guesses a year.

A clock time is its own expression, valued on the date it is written with: "5:39 p.m. on
Saturday, August 4" gives two, "5:39 p.m." (TIME, ``2018-08-04T17:39``) and "Saturday, August
4" (DATE, ``2018-08-04``), but a weekday written straight after the clock is one expression
("10 p.m. Wednesday"). A lone clock time takes the narrative's or the document's day.
Spans exclude a leading preposition ("in 2020" -> "2020") but keep modifiers ("late last
month"). Patterns join words by single spaces only, so no span reaches across excluded
(blanked) text.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, replace
from functools import cache

from spacy.tokens import Doc

from fuente.errors import ConfigError, message
from fuente.lexicon import DEFAULT_LANGUAGE, read_lexicon
from fuente.nlp.annotate import doc_text
from fuente.settings import Settings
from fuente.times.normalise import Grammar, grammar_for
from fuente.times.resolve import RESOLVERS, State, accept

__all__ = ["EXTRACTOR", "FoundTime", "find_times"]

EXTRACTOR = "times@1"


@dataclass(frozen=True, slots=True)
class FoundTime:
    """A time expression found in a text: offsets, TIMEX3 type/value/mod and its anchoring."""

    start: int
    end: int
    type: str
    value: str
    anchor: str
    mod: str | None = None


_SPACE = r"[ \u00a0\n]"
_SECTION = re.compile(r"\{(=?)([a-z][a-z-]*)\}")


def _phrases(words: tuple[str, ...] | list[str], *, cased: bool) -> str:
    """``words`` as one alternation, longest first, spaces as "~"; ``cased``: as written."""
    forms = [re.escape(w).replace(r"\ ", "~") for w in sorted(words, key=len, reverse=True)]
    if not forms:
        return "(?!)"
    return ("(?:" if cased else "(?i:") + "|".join(forms) + ")"


def _section_words(lexicon: Grammar, name: str) -> tuple[str, ...]:
    """The words a pattern's {name} stands for: the section's, or for {relatives} every word
    of the relative steps and spans."""
    if name == "relatives":
        return (
            *lexicon.phrases.get("relative-steps", ()),
            *lexicon.phrases.get("relative-spans", ()),
        )
    if name not in lexicon.phrases:
        raise ConfigError(message("E034", path="times.yaml", reason=f"no section {name!r}"))
    return lexicon.phrases[name]


def _templates(lexicon_dir: str | None, language: str) -> list[tuple[str, str]]:
    """The ``patterns`` of the language's times lexicon: (resolver name, template) pairs, in
    order of preference where two matches are as long. A template's whitespace is ignored (a
    long one may be written over lines); "~" is a space, {NAME} a fragment of
    ``Grammar.fragments`` (months, units, numbers, ...), {name} the words of the lexicon's
    section ``name`` (case ignored) and {=name} the same words as written."""
    lexicon = read_lexicon("times", lexicon_dir=lexicon_dir, language=language)
    templates = []
    for entry in lexicon.get("patterns", ()):
        name, template = (str(part) for part in entry)
        if name not in RESOLVERS:
            reason = f"pattern of no resolver {name!r} (one of {', '.join(sorted(RESOLVERS))})"
            raise ConfigError(message("E034", path=f"{language}/times.yaml", reason=reason))
        templates.append((name, re.sub(r"\s+", "", template)))
    if not templates:
        reason = "no patterns: the section patterns lists them"
        raise ConfigError(message("E034", path=f"{language}/times.yaml", reason=reason))
    return templates


@cache
def _compile(
    lexicon_dir: str | None, language: str = DEFAULT_LANGUAGE
) -> tuple[Grammar, list[tuple[str, re.Pattern[str]]]]:
    lexicon = grammar_for(lexicon_dir, language=language)
    patterns = []
    for name, template in _templates(lexicon_dir, language):
        source = _SECTION.sub(
            lambda m: _phrases(_section_words(lexicon, m[2]), cased=m[1] == "="),
            template.replace("[~-]", "(?:~|-)"),
        )
        source = source.replace("~", _SPACE)
        for key, fragment in lexicon.fragments.items():
            source = source.replace("{" + key + "}", fragment)
        # Never start inside a word ("now" in "know", "noon" in "afternoon"); the check also
        # lets the engine skip most positions quickly.
        patterns.append((name, re.compile(r"(?<!\w)(?:" + source + ")")))
    return lexicon, patterns


# The dependencies a date hangs on its sentence's main verb by, in English's labels; a language
# whose model labels otherwise lists its own (the times lexicon's narrative-links)
_NARRATIVE_LINKS = frozenset({"pobj", "prep", "npadvmod", "nummod", "compound"})


def _moves_narrative(state: State, start: int, value: str) -> bool:
    """Whether a date moves the time the story has reached. A bare year does only when it
    dates the sentence's main event ("In 2016 the army took Vell"), not when it is background
    ("an offence introduced in 2019")."""
    if re.match(r"\d{4}-\d", value):
        return True
    span = state.doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return False
    token = span[0]
    links = state.grammar.words.get("narrative-links", _NARRATIVE_LINKS)
    for _ in range(3):
        if token.dep_ == "ROOT":
            return token.pos_ in {"VERB", "AUX"}
        if token.dep_ not in links:
            return False
        token = token.head
    return False


def _narrative_date(value: str) -> tuple[datetime.date, str] | None:
    """The first day a resolved DATE value stands for, to move the narrative time to, and
    how finely the value knows it ("Y", "M" or "D")."""
    found = re.match(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?|-Q([1-4]))?(?:T|$)", value)
    if found is None:
        return None
    year, month, day, quarter = found.groups()
    month_number = int(month) if month else (int(quarter) - 1) * 3 + 1 if quarter else 1
    grain = "D" if day else "M" if month else "Y"
    return datetime.date(int(year), month_number, int(day) if day else 1), grain


def _candidates(
    state: State, lexicon_dir: str | None, language: str
) -> list[tuple[int, int, str, re.Match[str]]]:
    """Every pattern's matches; where two overlap, the longer (then the earlier pattern) wins."""
    _, patterns = _compile(lexicon_dir, language)
    found = []
    for order, (name, pattern) in enumerate(patterns):
        for match in pattern.finditer(state.text):
            start, end = match.span("x") if "x" in pattern.groupindex else match.span()
            if end > start and accept(name, match, state):
                found.append((start, end, order, name, match))
    found.sort(key=lambda item: (item[0] - item[1], item[2], item[0]))
    taken: list[tuple[int, int, str, re.Match[str]]] = []
    for start, end, _, name, match in found:
        if all(end <= other[0] or start >= other[1] for other in taken):
            taken.append((start, end, name, match))
    return sorted(taken, key=lambda item: item[0])


def _on_dates(lexicon: Grammar, text: str, found: list[FoundTime]) -> list[FoundTime]:
    """Clock times take the day of a date written beside them ("5 p.m. on Saturday")."""
    joiners = "|".join(map(re.escape, lexicon.phrases["clock-date-joiners"]))
    beside = re.compile(rf"\W{{0,3}}(?:{joiners}|,)?\W{{0,3}}")
    linked = list(found)
    for index, time in enumerate(found):
        if time.type != "TIME" or not re.search(r"T\d\d:\d\d$", time.value):
            continue
        neighbours = []
        if index + 1 < len(found):
            neighbours.append((text[time.end : found[index + 1].start], found[index + 1]))
        if index > 0:
            neighbours.append((text[found[index - 1].end : time.start], found[index - 1]))
        for gap, date in neighbours:
            day = re.match(r"(?:\d{4}|XXXX)-(?:\d\d|XX)-(?:\d\d|XX)$", date.value)
            gap = re.sub(r"\([^()]{0,24}\)", " ", gap)  # "10:35 a.m. (0735 GMT) Friday"
            if date.type == "DATE" and day and beside.fullmatch(gap):
                clock = time.value.split("T")[1]
                linked[index] = replace(time, value=f"{date.value}T{clock}", anchor=date.anchor)
                break
    return linked


Candidates = list[tuple[int, int, str, re.Match[str]]]


def time_candidates(
    doc: Doc, *, settings: Settings, language: str = DEFAULT_LANGUAGE
) -> Candidates:
    """The spans that may be time expressions, before any is resolved. Matching is the costly
    part and does not depend on the anchor: reading a document twice (once to date it, once
    against its date) matches once."""
    lexicon, _ = _compile(settings.lexicon_dir, language)
    state = State(grammar=lexicon, doc=doc, text=doc_text(doc), anchor=None)
    return _candidates(state, settings.lexicon_dir, language)


def find_times(
    doc: Doc,
    *,
    anchor: datetime.date | None,
    settings: Settings,
    candidates: Candidates | None = None,
    language: str = DEFAULT_LANGUAGE,
) -> list[FoundTime]:
    """The time expressions of ``doc`` in text order, each with its TIMEX3 type and value.

    ``anchor`` is the document date (None when unknown); see the module docstring for how
    each expression is resolved and what its ``anchor`` field says. ``candidates`` from
    ``time_candidates`` save matching again. ``language`` names the lexicons (the words of
    ``fuente/data/<language>/times.yaml``).
    """
    lexicon, _ = _compile(settings.lexicon_dir, language)
    text = doc_text(doc)
    state = State(grammar=lexicon, doc=doc, text=text, anchor=anchor)
    found: list[FoundTime] = []
    if candidates is None:
        candidates = _candidates(state, settings.lexicon_dir, language)
    for start, end, name, match in candidates:
        result = RESOLVERS[name](state, match)
        if result is None:
            continue
        kind, value, anchored, mod = result
        found.append(FoundTime(start, end, kind, value, anchored, mod))
        moves = kind == "DATE" and anchored != "none" and _moves_narrative(state, start, value)
        if moves and (moved := _narrative_date(value)) is not None:
            state.narrative, state.grain = moved
    return _on_dates(lexicon, text, found)
