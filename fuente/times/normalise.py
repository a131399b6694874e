"""The words and calendar arithmetic behind ``fuente.times.expressions``.

``grammar(settings)`` builds, once per lexicon and language, the word tables of
``fuente/data/<code>/times.yaml`` (with the user's additions) and the regular expressions made
from them; every section is there by name too (``words``, ``values``, ``phrases``), for the
patterns and resolvers that read the smaller ones. The rest are small
pure helpers on dates: month shifts, ISO weeks, seasons, quarters, and the choice of a year for
a date the text gives without one.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from fuente.lexicon import DEFAULT_LANGUAGE, read_lexicon
from fuente.settings import Settings

__all__ = [
    "FUTURE_WEIGHT",
    "VALUE_PATTERN",
    "Grammar",
    "choose_year",
    "grammar",
    "grammar_for",
    "holiday_date",
    "number_value",
    "shift",
    "week_of",
]

# A TIMEX3 value as fuente writes it (also what the tests check every value against).
VALUE_PATTERN = re.compile(
    r"(?:PRESENT_REF|PAST_REF|FUTURE_REF"
    r"|P(?:(?:\d+(?:\.\d+)?|X)(?:Y|M|W|D|DE|CE|Q))+(?:T(?:\d+H))?"
    r"|PT(?:(?:\d+(?:\.\d+)?|X)(?:H|M|S))+"
    r"|(?:\d{4}|XXXX|\d{3}|\d{2})"
    r"(?:-(?:\d{2}|XX)(?:-(?:\d{2}|XX))?|-W(?:\d{2}|XX)(?:-(?:[1-7]|WE))?"
    r"|-(?:SP|SU|FA|WI|Q[1-4X]|H[12]))?"
    r"(?:T(?:\d{2}(?::\d{2})?Z?|MO|AF|EV|NI))?)"
)


# A date still to come counts this many times its distance when the sentence tells no tense:
# news tells of the past more than of what is to come.
FUTURE_WEIGHT = 2


@dataclass(frozen=True, slots=True)
class Grammar:
    """Word tables (lower-cased word -> value) and the regex fragments built from them."""

    months: dict[str, int]
    weekdays: dict[str, int]
    seasons: dict[str, str]
    parts_of_day: dict[str, str]
    numbers: dict[str, str]
    ordinals: dict[str, int]
    units: dict[str, str]
    modifiers: dict[str, str]
    references: dict[str, str]
    sets: dict[str, str]
    fragments: dict[str, str]
    ahead_words: frozenset[str] = frozenset()
    ahead_auxiliaries: frozenset[str] = frozenset()
    holidays: dict[str, str] = field(default_factory=dict)
    # every section by name: its words, its [word, value] pairs, its words in the lexicon's order
    words: dict[str, frozenset[str]] = field(default_factory=dict)
    values: dict[str, dict[str, str]] = field(default_factory=dict)
    phrases: dict[str, tuple[str, ...]] = field(default_factory=dict)
    steps: dict[str, int] = field(default_factory=dict)  # relative words: "last" -1
    narrative_before: re.Pattern[str] = re.compile(r"(?!)")  # "then in ..." just before
    figures: re.Pattern[str] = re.compile(r"(?!)")  # a sentence of a company's figures


def _table(lexicon: dict[str, tuple[Any, ...]], name: str) -> dict[str, Any]:
    return {str(word).lower(): value for word, value in lexicon.get(name, ())}


def _words(words: list[str], *, capital: bool = False) -> str:
    """An alternation of ``words``, longest first; ``capital`` ones must start upper-case."""
    forms: list[str] = []
    for word in sorted(set(words), key=len, reverse=True):
        escaped = re.escape(word).replace(r"\ ", r"\s")
        if capital:
            forms.append(re.escape(word.title()))
            forms.append(re.escape(word.upper()))
        else:
            forms.append(f"(?i:{escaped})")
    return "(?:" + "|".join(forms) + ")" if forms else "(?!)"


def _sections(lexicon: dict[str, tuple[Any, ...]]) -> tuple[dict, dict, dict]:
    """Every section by name: ``(words, values, phrases)``; a section of [word, value] pairs
    gives its words and its values, a list of words its words."""
    words, values, phrases = {}, {}, {}
    for name, entries in lexicon.items():
        pairs = [entry for entry in entries if isinstance(entry, list | tuple)]
        listed = [str(e[0]) if isinstance(e, list | tuple) else str(e) for e in entries]
        phrases[name] = tuple(dict.fromkeys(word.lower() for word in listed))
        words[name] = frozenset(phrases[name])
        if pairs:
            values[name] = {str(word).lower(): str(value) for word, value, *_ in pairs}
    return words, values, phrases


def _bounded(words: frozenset[str]) -> str:
    """``words`` as one alternation of whole words (as written: lower case)."""
    return r"\b(?:" + "|".join(sorted(re.escape(w) for w in words)) + r")\b"


@cache
def grammar_for(lexicon_dir: str | None, *, language: str = DEFAULT_LANGUAGE) -> Grammar:
    """The word tables and fragments for the lexicons of ``language`` under ``lexicon_dir``,
    built once."""
    lexicon = read_lexicon("times", lexicon_dir=lexicon_dir, language=language)
    words, values, phrases = _sections(lexicon)
    months = {word: int(value) for word, value in _table(lexicon, "months").items()}
    weekdays = {word: int(value) for word, value in _table(lexicon, "weekdays").items()}
    abbreviations = words.get("abbreviations", frozenset())
    full_months = [w for w in months if w not in abbreviations]
    full_weekdays = [w for w in weekdays if w not in abbreviations]
    numbers = {word: str(value) for word, value in _table(lexicon, "numbers").items()}
    units = {word: str(value) for word, value in _table(lexicon, "units").items()}
    tables = {
        "seasons": _table(lexicon, "seasons"),
        "parts_of_day": _table(lexicon, "parts_of_day"),
        "ordinals": {word: int(value) for word, value in _table(lexicon, "ordinals").items()},
        "modifiers": _table(lexicon, "modifiers"),
        "references": _table(lexicon, "references"),
        "sets": _table(lexicon, "sets"),
        "holidays": {word: str(rule) for word, rule in _table(lexicon, "holidays").items()},
    }
    # months and weekdays start upper-case in English ("May", not "may"), in some languages not
    capitalised = set(phrases.get("capitalised-names", ("months", "weekdays")))
    month_case, weekday_case = "months" in capitalised, "weekdays" in capitalised
    one_articles = phrases.get("one-articles", ())
    number_words = [w for w in numbers if w not in one_articles]
    one_number = _words(number_words)
    fragments = {
        "MONTH": _words(list(months), capital=month_case),
        "MONTHFULL": _words(full_months, capital=month_case),
        "WEEKDAY": _words(list(weekdays), capital=weekday_case),
        "WEEKDAYFULL": _words(full_weekdays, capital=weekday_case),
        "SEASON": _words(list(tables["seasons"])),
        "PART": _words(list(tables["parts_of_day"])),
        "NUMBER": rf"(?:\d+(?:\.\d+|\s1/2)?|{one_number}(?:[\s-]{one_number})?|"
        + _words(list(one_articles))
        + ")",
        "ORDINAL": _words(list(tables["ordinals"])),
        "UNIT": _words(list(units)),
        "MOD": _words(list(tables["modifiers"])),
        "REF": _words(list(tables["references"])),
        "SET": _words(list(tables["sets"])),
        "HOLIDAY": "(?=[A-Z])" + _words(list(tables["holidays"])),
    }
    return Grammar(
        months=months,
        weekdays=weekdays,
        numbers=numbers,
        units=units,
        fragments=fragments,
        ahead_words=frozenset(str(w).lower() for w in lexicon.get("ahead_words", ())),
        ahead_auxiliaries=frozenset(str(w).lower() for w in lexicon.get("ahead_auxiliaries", ())),
        words=words,
        values=values,
        phrases=phrases,
        steps={word: int(step) for word, step in values.get("relative-steps", {}).items()},
        narrative_before=re.compile(
            _bounded(words.get("narrative-words", frozenset())) + r"\W+(?:\w+\W+)?$"
        ),
        figures=re.compile(r"[$€£%]|\d|" + _bounded(words.get("figure-words", frozenset()))),
        **tables,
    )


def grammar(settings: Settings, *, language: str = DEFAULT_LANGUAGE) -> Grammar:
    """The time-expression word tables and fragments for ``settings``, built once."""
    return grammar_for(settings.lexicon_dir, language=language)


def number_value(text: str, numbers: dict[str, str]) -> str:
    """``"twenty four"`` -> ``"24"``, ``"two hundred"`` -> ``"200"``, ``"several"`` -> ``"X"``."""
    text = " ".join(text.lower().replace("-", " ").split())
    if re.fullmatch(r"\d+(?:\.\d+)?", text):
        return text
    if re.fullmatch(r"\d+ 1/2", text):  # "5 1/2 hours"
        return f"{text.split()[0]}.5"
    if text in numbers:
        return numbers[text]
    total = 0.0
    for word in text.split():
        value = numbers.get(word)
        if value is None or value == "X":
            return "X"
        if float(value) == 100 and total:
            total *= 100
        else:
            total += float(value)
    return f"{total:g}"


def holiday_date(rule: str, year: int) -> datetime.date | None:
    """The day a holiday ``rule`` of the times lexicon falls on in ``year``: "12-25",
    "11 4 4" (the fourth Thursday of November), "11 1 1 +1", "easter -2"; None if unreadable."""
    parts = rule.split()
    days = int(parts.pop()) if len(parts) in {2, 4} and parts[-1][0] in "+-" else 0
    if parts == ["easter"]:
        day = _easter(year)
    elif len(parts) == 1 and re.fullmatch(r"\d\d-\d\d", parts[0]):
        month, number = (int(x) for x in parts[0].split("-"))
        day = datetime.date(year, month, number)
    elif len(parts) == 3 and all(re.fullmatch(r"-?\d+", x) for x in parts):
        month, nth, weekday = (int(x) for x in parts)
        if nth > 0:
            first = datetime.date(year, month, 1)
            day = first + datetime.timedelta(
                days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1)
            )
        else:
            last = shift(datetime.date(year, month, 1), months=1) - datetime.timedelta(days=1)
            day = last - datetime.timedelta(days=(last.isoweekday() - weekday) % 7)
    else:
        return None
    return day + datetime.timedelta(days=days)


def _easter(year: int) -> datetime.date:
    """Western Easter Sunday (the Gregorian computus, after Gauss's method)."""
    golden = year % 19
    century, rest = divmod(year, 100)
    leap_century, century_rest = divmod(century, 4)
    moon_fix = (8 * century + 13) // 25
    epact = (19 * golden + century - leap_century - moon_fix + 15) % 30
    weekday = (32 + 2 * century_rest + 2 * (rest // 4) - epact - rest % 4) % 7
    correction = (golden + 11 * epact + 22 * weekday) // 451
    month, day = divmod(epact + weekday - 7 * correction + 114, 31)
    return datetime.date(year, month, day + 1)


def shift(day: datetime.date, *, months: int = 0, days: int = 0) -> datetime.date:
    """``day`` moved by whole months (clamped to the month's end) and then by days."""
    if months:
        index = day.year * 12 + day.month - 1 + months
        year, month = divmod(index, 12)
        month += 1
        following = datetime.date(year + month // 12, month % 12 + 1, 1)
        last = (following - datetime.timedelta(days=1)).day
        day = datetime.date(year, month, min(day.day, last))
    return day + datetime.timedelta(days=days)


def week_of(day: datetime.date) -> str:
    """The ISO week of ``day`` as TIMEX3 writes it: ``2018-W05``."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def choose_year(
    month: int,
    day: int | None,
    *,
    anchor: datetime.date,
    weekday: int | None = None,
    tense: str | None = "past",
) -> int | None:
    """The year that puts ``month``/``day`` nearest ``anchor``, as a news report means it.

    A weekday given with the date must agree, and then the date may not lie more than a few
    days after the anchor. Without a weekday, a date in the past tense (``tense`` ``past``)
    lies on or before the anchor (give or take a few days), one still to come (``ahead``) on
    or after it, and one whose tense the sentence does not tell (None) is the nearest, a date
    still to come counting twice its distance (news tells of the past more than of the future).
    """
    slack = datetime.timedelta(days=3)
    candidates: list[tuple[datetime.timedelta, int]] = []
    for year in (anchor.year - 1, anchor.year, anchor.year + 1):
        try:
            date = datetime.date(year, month, day or 1)
        except ValueError:
            continue
        if day is None and year == anchor.year:
            date = anchor if month == anchor.month else date
        if weekday is not None:
            if date.isoweekday() != weekday or date > anchor + slack:
                continue
        elif tense == "ahead":
            if date < anchor - slack:
                continue
        elif tense in {None, "open"}:
            pass
        elif (day is not None and date > anchor + slack) or (
            day is None and (year, month) > (anchor.year, anchor.month)
        ):
            continue
        distance = abs(date - anchor)
        if tense is None and date > anchor + slack:
            distance *= FUTURE_WEIGHT
        candidates.append((distance, year))
    return min(candidates)[1] if candidates else None
