"""Time expressions: find them in an annotated Doc and give each a TIMEX3 type and value.

``find_times(doc, anchor=..., settings=...)`` scans the text (``doc_text``) with patterns built
from the words of ``fuente/data/en/times.yaml`` (months, weekdays, seasons, number words, units,
modifiers, references to the present, past and future, recurrences, and the small words the
patterns are written with: "ago", "the following", "o'clock"), keeps the longest match
where two overlap, and then, in the order of the text, resolves each one:

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
from fuente.lexicon import DEFAULT_LANGUAGE
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
# The patterns, in order of preference where two matches are as long. "~" is a space; {NAME}
# is a fragment of ``Grammar.fragments`` (months, units, numbers, ...), {name} the words of the
# times lexicon's section ``name`` (case ignored) and {=name} the same words as written.
_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])"),
    ("iso", r"(?<![\d.])(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\d.])"),
    ("slash", r"(?<![\d/])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4})(?![\d/])"),
    (
        "mdy",
        r"(?:(?P<mod>{MOD})~)?(?:(?P<wd>{WEEKDAY})\.?,?~)?(?P<mon>{MONTH})\.?~"
        r"(?P<d>[0-3]?\d)(?:{=ordinal-suffixes})?(?!\d|:\d)(?:,?~(?P<y>(?:1[6-9]|20)\d\d)(?!\d))?",
    ),
    (
        "mdy",
        r"(?:(?P<wd>{WEEKDAY})\.?,?~)?(?:{=definite-article}~)?(?P<d>[0-3]?\d)"
        r"(?:{=ordinal-suffixes})?~(?:{=date-of}~)?"
        r"(?P<mon>{MONTH})\.?(?:,?~(?P<y>(?:1[6-9]|20)\d\d)(?!\d))?",
    ),
    (  # the second day of "April 24 and 25": the month and year are the first's
        "mdy",
        r"(?P<mon>{MONTH})\.?~[0-3]?\d(?:{=ordinal-suffixes})?~{range-joiners}~"
        r"(?P<x>(?P<d>[0-3]?\d)(?:{=ordinal-suffixes})?)(?!\d|:\d|~{UNIT})"
        r"(?:,?~(?P<y>(?:1[6-9]|20)\d\d)(?!\d))?",
    ),
    (
        "month",
        r"(?:(?P<mod>{MOD})[~-])?(?P<mon>{MONTH})\.?,?~(?:{=date-of}~)?(?P<y>(?:1[6-9]|20)\d\d)(?!\d)",
    ),
    ("month", r"(?:(?P<mod>{MOD})[~-])?(?P<mon>{MONTHFULL})(?![\w-])"),
    (
        "month",
        r"(?:(?P<mod>{MOD})[~-])?(?P<mon>{MONTHFULL})(?:~(?P<d>[0-3]?\d)(?:{=ordinal-suffixes})?)?,?~"
        r"(?:{=date-of}~)?(?P<yrel>{year-relatives})~{year-words}(?![\w-])",
    ),
    (
        "season",
        r"(?:(?P<mod>{MOD})~)?(?:(?P<the>{definite-article})~)?(?P<season>{SEASON})"
        r"(?:~(?:{=date-of}~)?(?P<y>(?:1[6-9]|20)\d\d)(?!\d))?(?![\w-])",
    ),
    (
        "relative",
        r"(?:(?P<mod>{MOD})~)?(?:{sequence-words}~)?(?P<rel>{relatives})~(?:{fiscal-words}~)?"
        r"(?P<what>{UNIT}|{weekend-words}|{SEASON}|{WEEKDAYFULL}|{MONTHFULL}|{PART})(?![\w-])",
    ),
    (
        "period",
        r"(?:{definite-article}~)?(?P<which>{reported-periods}|{year-before-periods})~"
        r"(?:{fiscal-words}~)?{period-units}(?![\w-])",
    ),
    ("period", r"(?P<which>{year-before-adjectives})(?![\w-])"),  # "year-earlier profit"
    (
        "spelled",
        r"(?:{year-phrase}~)?(?P<cent>{spelled-centuries})~(?P<rest>{NUMBER})(?![\w-])",
    ),
    ("spelled", r"{spelled-millennium}(?:~(?:{number-joiners}~)?(?P<rest>{NUMBER}))?(?![\w-])"),
    ("century", r"(?P<nth>[12]?\d)(?:{=ordinal-suffixes})[~-]{century-words}(?![\w-])"),
    (
        "holiday",
        r"(?:(?P<rel>{holiday-relatives})~)?(?P<hol>{HOLIDAY})(?:~(?P<week>{week-words}))?(?![\w-])",
    ),
    ("deictic", r"(?P<deic>{deictic-days})(?:~(?P<part>{PART}))?(?!\w)"),
    ("weekday", r"(?P<wd>{WEEKDAYFULL})(?:~(?P<part>{PART}))?(?![\w-])"),
    (
        "year",
        r"(?<![\d$.,])(?:(?P<mod>{MOD})[~-]|(?P<pre>{year-prefixes})-)?(?:{fiscal-words}~)?"
        r"(?P<y>(?:1[6-9]|20)\d\d)"
        r"(?!\d|[.,%]\d|s\b|-\d|')",
    ),
    ("decade", r"(?:(?P<mod>{MOD})~)?(?:{definite-article}~)?(?P<dec>(?:1[6-9]|20)\d)0'?s(?!\w)"),
    ("decade", r"(?:(?P<mod>{MOD})~)?{definite-article}~['\u2019](?P<dec2>\d)0s(?!\w)"),
    (
        "quarter",
        r"(?:(?P<mod>{MOD})~)?(?:{definite-article}~)?(?:{fiscal-words}~)?(?P<ord>{ORDINAL})[~-]"
        r"(?P<part>{year-parts})(?:~(?:{=date-of}~)?(?P<y>(?:1[6-9]|20)\d\d)(?!\d))?(?!\w)",
    ),
    (
        "clock",
        r"(?<![\d:.])(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?~?(?P<ampm>{meridiems})"
        r"(?!\w)(?:~(?P<tz>[A-Z][DS]?T)(?!\w))?|(?P<named>{named-times})"
        r"|(?P<h2>1[0-2]|[1-9])~(?:{clock-words}~)?(?P<half>{day-halves}))"
        r"(?:~(?P<wd>{WEEKDAYFULL})(?![\w-]))?",
    ),
    (
        "ago",
        r"(?:(?P<mod>{MOD})~)?(?P<num>{NUMBER})[~-](?P<unit>{UNIT})s?~"
        r"(?P<dir>{directions}|{directions-apart}(?!~[\w\"'`]))(?!\w)",
    ),
    (
        "duration",
        r"(?:(?P<mod>{MOD})~)?(?:(?:{definite-article}~)?{span-openers}~)?"
        r"(?P<num>{NUMBER})(?P<half>~{half-words})?(?:~{more-words})?"
        r"[~-](?P<unit>{UNIT})s?"
        r"(?:[~-]{long-words})?(?![\w]|-{age-words})",  # an age ("a 6-year-old boy") is no time
    ),
    ("duration", r"(?:(?P<mod>{MOD})~)?(?P<num>{vague-spans})~(?P<unit>{UNIT})s(?!\w)"),
    ("duration", r"{duration-prepositions}~(?P<x>(?P<unit>{UNIT})s)(?!\w)"),
    ("duration", r"(?<![\w-])(?P<unit>{UNIT})(?P<plural>s)?-{long-words}(?![\w-])"),  # "day-long"
    (
        "set",
        r"(?P<x>(?:(?P<freq>{frequencies}|\w+~{times-words})~)?(?:{set-openers}|{set-articles})~"
        r"(?:(?P<num>{NUMBER})~)?(?P<unit>{UNIT}|{WEEKDAYFULL})s?)(?!\w)",
    ),
    ("set", r"(?P<word>{SET})(?!\w)"),
    ("ref", r"(?P<ref>{REF})(?!\w)"),
]
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


@cache
def _compile(
    lexicon_dir: str | None, language: str = DEFAULT_LANGUAGE
) -> tuple[Grammar, list[tuple[str, re.Pattern[str]]]]:
    lexicon = grammar_for(lexicon_dir, language=language)
    patterns = []
    for name, template in _PATTERNS:
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
    for _ in range(3):
        if token.dep_ == "ROOT":
            return token.pos_ in {"VERB", "AUX"}
        if token.dep_ not in {"pobj", "prep", "npadvmod", "nummod", "compound"}:
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
