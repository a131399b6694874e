"""Time expressions: find them in an annotated Doc and give each a TIMEX3 type and value.

``find_times(doc, anchor=..., settings=...)`` scans the text (``doc_text``) with patterns built
from the words of ``fuente/data/en/times.yaml`` (months, weekdays, seasons, number words, units,
modifiers, references to the present, past and future, recurrences), keeps the longest match
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
_PATTERNS: list[tuple[str, str]] = [
    ("iso", r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d-])"),
    ("iso", r"(?<![\d.])(?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?![\d.])"),
    ("slash", r"(?<![\d/])(?P<m>1[0-2]|0?[1-9])/(?P<d>3[01]|[12]\d|0?[1-9])/(?P<y>\d{4})(?![\d/])"),
    (
        "mdy",
        r"(?:(?P<mod>{MOD})~)?(?:(?P<wd>{WEEKDAY})\.?,?~)?(?P<mon>{MONTH})\.?~"
        r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?(?!\d|:\d)(?:,?~(?P<y>(?:1[6-9]|20)\d\d)(?!\d))?",
    ),
    (
        "mdy",
        r"(?:(?P<wd>{WEEKDAY})\.?,?~)?(?:the~)?(?P<d>[0-3]?\d)(?:st|nd|rd|th)?~(?:of~)?"
        r"(?P<mon>{MONTH})\.?(?:,?~(?P<y>(?:1[6-9]|20)\d\d)(?!\d))?",
    ),
    (  # the second day of "April 24 and 25": the month and year are the first's
        "mdy",
        r"(?P<mon>{MONTH})\.?~[0-3]?\d(?:st|nd|rd|th)?~(?i:and|or|to|through)~"
        r"(?P<x>(?P<d>[0-3]?\d)(?:st|nd|rd|th)?)(?!\d|:\d|~{UNIT})(?:,?~(?P<y>(?:1[6-9]|20)\d\d)(?!\d))?",
    ),
    (
        "month",
        r"(?:(?P<mod>{MOD})[~-])?(?P<mon>{MONTH})\.?,?~(?:of~)?(?P<y>(?:1[6-9]|20)\d\d)(?!\d)",
    ),
    ("month", r"(?:(?P<mod>{MOD})[~-])?(?P<mon>{MONTHFULL})(?![\w-])"),
    (
        "month",
        r"(?:(?P<mod>{MOD})[~-])?(?P<mon>{MONTHFULL})(?:~(?P<d>[0-3]?\d)(?:st|nd|rd|th)?)?,?~"
        r"(?:of~)?(?P<yrel>(?i:last|this|next))~(?i:year)(?![\w-])",
    ),
    (
        "season",
        r"(?:(?P<mod>{MOD})~)?(?:(?P<the>(?i:the))~)?(?P<season>{SEASON})"
        r"(?:~(?:of~)?(?P<y>(?:1[6-9]|20)\d\d)(?!\d))?(?![\w-])",
    ),
    (
        "relative",
        r"(?:(?P<mod>{MOD})~)?(?:(?i:earlier|later)~)?(?P<rel>(?i:this|last|next|that~same|that|"
        r"the~same|the~coming|the~past|the~previous|the~following|the~next|the~last|"
        r"coming|past|previous|(?:the~)?current|the))~(?:(?i:fiscal)~)?(?P<what>{UNIT}|(?i:weekend)|{SEASON}|{WEEKDAYFULL}|"
        r"{MONTHFULL}|{PART})(?![\w-])",
    ),
    (
        "period",
        r"(?:(?i:the)~)?(?P<which>(?i:latest|most~recent|comparable|(?:comparable~)?year[~-]"
        r"(?:ago|earlier)))~(?:(?i:fiscal)~)?(?i:quarter|period)(?![\w-])",
    ),
    ("period", r"(?P<which>(?i:year-ago|year-earlier))(?![\w-])"),  # "year-earlier profit"
    (
        "spelled",
        r"(?:(?i:the~year)~)?(?P<cent>(?i:eighteen|nineteen))~(?P<rest>{NUMBER})(?![\w-])",
    ),
    ("spelled", r"(?i:the~year~two~thousand)(?:~(?:(?i:and)~)?(?P<rest>{NUMBER}))?(?![\w-])"),
    ("century", r"(?P<nth>[12]?\d)(?:st|nd|rd|th)[~-](?i:century)(?![\w-])"),
    (
        "holiday",
        r"(?:(?P<rel>(?i:last|next|this))~)?(?P<hol>{HOLIDAY})(?:~(?P<week>(?i:week)))?(?![\w-])",
    ),
    ("deictic", r"(?P<deic>(?i:today|tonight|yesterday|tomorrow))(?:~(?P<part>{PART}))?(?!\w)"),
    ("weekday", r"(?P<wd>{WEEKDAYFULL})(?:~(?P<part>{PART}))?(?![\w-])"),
    (
        "year",
        r"(?<![\d$.,])(?:(?P<mod>{MOD})[~-]|(?P<pre>(?i:pre|post))-)?(?:(?i:fiscal)~)?"
        r"(?P<y>(?:1[6-9]|20)\d\d)"
        r"(?!\d|[.,%]\d|s\b|-\d|')",
    ),
    ("decade", r"(?:(?P<mod>{MOD})~)?(?:(?i:the)~)?(?P<dec>(?:1[6-9]|20)\d)0'?s(?!\w)"),
    ("decade", r"(?:(?P<mod>{MOD})~)?(?i:the)~['\u2019](?P<dec2>\d)0s(?!\w)"),
    (
        "quarter",
        r"(?:(?P<mod>{MOD})~)?(?:(?i:the)~)?(?:(?i:fiscal)~)?(?P<ord>{ORDINAL})[~-]"
        r"(?P<part>(?i:quarter|half))(?:~(?:of~)?(?P<y>(?:1[6-9]|20)\d\d)(?!\d))?(?!\w)",
    ),
    (
        "clock",
        r"(?<![\d:.])(?:(?P<h>1[0-2]|0?[1-9])(?::(?P<mi>[0-5]\d))?~?(?P<ampm>(?i:a\.m\.?|p\.m\.?"
        r"|am|pm))(?!\w)(?:~(?P<tz>[A-Z][DS]?T)(?!\w))?|(?P<named>(?i:noon|midnight|midday))"
        r"|(?P<h2>1[0-2]|[1-9])~(?i:o'clock~)?(?P<half>(?i:in~the~(?:morning|afternoon|evening)"
        r"|at~night)))"
        r"(?:~(?P<wd>{WEEKDAYFULL})(?![\w-]))?",
    ),
    (
        "ago",
        r"(?:(?P<mod>{MOD})~)?(?P<num>{NUMBER})[~-](?P<unit>{UNIT})s?~"
        r"(?P<dir>(?i:ago|earlier|later|from~now|(?:before|after)(?!~[\w\"'`])))(?!\w)",
    ),
    (
        "duration",
        r"(?:(?P<mod>{MOD})~)?(?:(?i:the~)?(?i:past|last|next|first|previous|coming|final)~)?"
        r"(?P<num>{NUMBER})(?P<half>~(?i:and~a~half))?(?:~(?i:more|further|additional))?"
        r"[~-](?P<unit>{UNIT})s?"
        r"(?:[~-](?i:long))?(?![\w]|-(?i:old))",  # an age ("a 6-year-old boy") is no time
    ),
    (
        "duration",
        r"(?:(?P<mod>{MOD})~)?(?P<num>(?i:recent|the~past~few|the~last~few|the~coming|"
        r"the~next~few))~(?P<unit>{UNIT})s(?!\w)",
    ),
    ("duration", r"(?i:for)~(?P<x>(?P<unit>{UNIT})s)(?!\w)"),
    ("duration", r"(?<![\w-])(?P<unit>{UNIT})(?P<plural>s)?-(?i:long)(?![\w-])"),  # "day-long"
    (
        "set",
        r"(?P<x>(?:(?P<freq>(?i:once|twice|\w+~times))~)?(?i:every|each|per|a)~"
        r"(?:(?P<num>{NUMBER})~)?(?P<unit>{UNIT}|{WEEKDAYFULL})s?)(?!\w)",
    ),
    ("set", r"(?P<word>{SET})(?!\w)"),
    ("ref", r"(?P<ref>{REF})(?!\w)"),
]


@cache
def _compile(lexicon_dir: str | None) -> tuple[Grammar, list[tuple[str, re.Pattern[str]]]]:
    lexicon = grammar_for(lexicon_dir)
    patterns = []
    for name, template in _PATTERNS:
        source = template.replace("[~-]", "(?:~|-)").replace("~", _SPACE)
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


def _candidates(state: State, lexicon_dir: str | None) -> list[tuple[int, int, str, re.Match[str]]]:
    """Every pattern's matches; where two overlap, the longer (then the earlier pattern) wins."""
    _, patterns = _compile(lexicon_dir)
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


def _on_dates(text: str, found: list[FoundTime]) -> list[FoundTime]:
    """Clock times take the day of a date written beside them ("5 p.m. on Saturday")."""
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
            if date.type == "DATE" and day and re.fullmatch(r"\W{0,3}(?:on|at|,)?\W{0,3}", gap):
                clock = time.value.split("T")[1]
                linked[index] = replace(time, value=f"{date.value}T{clock}", anchor=date.anchor)
                break
    return linked


Candidates = list[tuple[int, int, str, re.Match[str]]]


def time_candidates(doc: Doc, *, settings: Settings) -> Candidates:
    """The spans that may be time expressions, before any is resolved. Matching is the costly
    part and does not depend on the anchor: reading a document twice (once to date it, once
    against its date) matches once."""
    lexicon, _ = _compile(settings.lexicon_dir)
    state = State(grammar=lexicon, doc=doc, text=doc_text(doc), anchor=None)
    return _candidates(state, settings.lexicon_dir)


def find_times(
    doc: Doc,
    *,
    anchor: datetime.date | None,
    settings: Settings,
    candidates: Candidates | None = None,
) -> list[FoundTime]:
    """The time expressions of ``doc`` in text order, each with its TIMEX3 type and value.

    ``anchor`` is the document date (None when unknown); see the module docstring for how
    each expression is resolved and what its ``anchor`` field says. ``candidates`` from
    ``time_candidates`` save matching again.
    """
    lexicon, _ = _compile(settings.lexicon_dir)
    text = doc_text(doc)
    state = State(grammar=lexicon, doc=doc, text=text, anchor=anchor)
    found: list[FoundTime] = []
    if candidates is None:
        candidates = _candidates(state, settings.lexicon_dir)
    for start, end, name, match in candidates:
        result = RESOLVERS[name](state, match)
        if result is None:
            continue
        kind, value, anchored, mod = result
        found.append(FoundTime(start, end, kind, value, anchored, mod))
        moves = kind == "DATE" and anchored != "none" and _moves_narrative(state, start, value)
        if moves and (moved := _narrative_date(value)) is not None:
            state.narrative, state.grain = moved
    return _on_dates(text, found)
