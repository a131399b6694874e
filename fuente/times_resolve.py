"""Resolution of the time expressions that ``fuente.times`` finds: one function per pattern.

Each resolver takes the ``State`` (word tables, the Doc, the document date, the narrative
time) and a regex match, and returns ``(type, value, anchor, mod)`` or None to drop the match.
``accept`` holds the checks that need no narrative (a bare "May" that names a person is no
month). Pure functions; see ``fuente.times`` for the rules they follow.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from fuente.tense import tense_of
from fuente.times_normalise import (
    Grammar,
    choose_year,
    holiday_date,
    number_value,
    shift,
    week_of,
)

__all__ = ["RESOLVERS", "State", "accept"]


@dataclass(slots=True)
class State:
    """What resolution needs: the grammar, the document's date, and the narrative time."""

    grammar: Grammar
    doc: Doc
    text: str
    anchor: datetime.date | None
    narrative: datetime.date | None = None
    quarter: tuple[int, int] | None = None  # the last quarter named: the one being reported


_Result = tuple[str, str, str, str | None] | None  # (type, value, anchor, mod)

_YEAR_CUES = {
    "in", "since", "by", "until", "till", "from", "through", "to", "of", "before", "after",
    "during", "between", "and", "early", "mid", "late", "fiscal", "end", "for", "around",
}  # fmt: skip


def _lower(text: str | None) -> str:
    return " ".join(text.lower().split()) if text else ""


def _mod(state: State, match: re.Match[str]) -> str | None:
    return state.grammar.modifiers.get(_lower(match.groupdict().get("mod")))


def _ymd(year: int | None, month: int | None = None, day: int | None = None) -> str:
    value = "XXXX" if year is None else f"{year:04d}"
    if month is not None or day is not None:
        value += "-XX" if month is None else f"-{month:02d}"
    if day is not None:
        value += f"-{day:02d}"
    return value


def _valid(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _tense(state: State, start: int) -> str | None:
    """The tense of the verb the time expression at ``start`` hangs on (``fuente.tense``)."""
    grammar = state.grammar
    return tense_of(
        state.doc,
        start,
        start + 1,
        ahead=grammar.ahead_words,
        auxiliaries=grammar.ahead_auxiliaries,
    )


def _future(state: State, start: int) -> bool:
    """Whether the time expression at ``start`` is spoken of as still to come."""
    return _tense(state, start) == "ahead"


def _entity(state: State, start: int, end: int) -> str:
    span = state.doc.char_span(start, end, alignment_mode="expand")
    return span[0].ent_type_ if span is not None and len(span) else ""


def _previous_word(text: str, start: int) -> str:
    found = re.search(r"(\w+)\W{0,3}$", text[max(0, start - 24) : start])
    return found.group(1).lower() if found else ""


def _narrative_first(state: State, start: int) -> bool:
    """Whether a year-less date takes the narrative's year rather than the document's."""
    if state.narrative is None:
        return False
    before = state.text[max(0, start - 24) : start].lower()
    anaphoric = re.search(r"\b(?:then|later|that|following|same)\W+(?:\w+\W+)?$", before)
    return state.anchor is None or bool(anaphoric)


def accept(name: str, match: re.Match[str], state: State) -> bool:
    """Checks that need no narrative: a bare year, month or weekday must read as a time."""
    groups = match.groupdict()
    start, end = match.span()
    if name == "year" and not groups.get("mod"):
        entity = _entity(state, start, end)
        if entity in {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}:
            return False
        return entity == "DATE" or _previous_word(state.text, start) in _YEAR_CUES
    if name in {"month", "weekday"} and not groups.get("y"):
        if _entity(state, start, end) in {"PERSON", "ORG", "GPE", "FAC", "NORP", "WORK_OF_ART"}:
            return False
        word = (groups.get("mon") or "").lower()
        return word != "may" or _previous_word(state.text, start) in _YEAR_CUES | {"last", "next"}
    if name == "relative" and _lower(groups["rel"]) == "the":
        return bool(groups.get("mod")) or _lower(groups["what"]) in {"quarter", "weekend"}
    if name == "ref" and _lower(groups.get("ref")) == "soon":  # "as soon as he arrives"
        before, after = state.text[max(0, start - 3) : start].lower(), state.text[end : end + 12]
        if re.match(r"\s+after\b", after) or (
            before.endswith("as ") and not re.match(r"\s+as\s+possible", after)
        ):
            return False
    if name == "ref" and _lower(groups.get("ref")) == "now" and _opens_sentence(state, start):
        return state.text[end : end + 1] != ","  # "Now, he says ...": a turn of the story
    if name == "set" and not groups.get("word"):
        lead = _lower(match.group("x")).split()
        return bool(groups.get("freq")) or lead[0] in {"every", "each", "per"}
    if name == "season" and not groups.get("y"):
        return bool(groups.get("the")) and _lower(groups["season"]) not in {"fall", "spring"}
    if name == "duration" and _lower(groups.get("unit")) == "second":
        return _lower(groups.get("num")) not in {"a", "an"}
    return True


def _word(state: State, start: int) -> Token | None:
    span = state.doc.char_span(start, start + 1, alignment_mode="expand")
    return span[0] if span is not None and len(span) else None


def _opens_sentence(state: State, start: int) -> bool:
    word = _word(state, start)
    return word is not None and word.is_sent_start is True


def _weekday_fits(year: int, month: int, day: int, weekday: int) -> bool:
    try:
        return datetime.date(year, month, day).isoweekday() == weekday
    except ValueError:
        return False


def _year_less(state: State, start: int, month: int, day: int | None, weekday: int | None):
    """(year or None, anchor) for a month or month-day written without a year."""
    if _narrative_first(state, start):
        year = state.narrative.year  # type: ignore[union-attr]
        if weekday is None or day is None or _weekday_fits(year, month, day, weekday):
            return year, "narrative"
        # the weekday says the narrative's year is wrong: "Saturday, March 8" of another year
    if state.anchor is not None:
        year = choose_year(
            month, day, anchor=state.anchor, weekday=weekday, tense=_tense(state, start)
        )
        return year, "document" if year is not None else "none"
    return None, "none"


def _date(state: State, match: re.Match[str]) -> _Result:
    groups = match.groupdict()
    month = groups.get("m")
    month_number = int(month) if month else state.grammar.months[groups["mon"].lower()]
    day = int(groups["d"]) if groups.get("d") else None
    if groups.get("y"):
        year = int(groups["y"])
        if day is not None and not _valid(year, month_number, day):
            return None
        return "DATE", _ymd(year, month_number, day), "absolute", _mod(state, match)
    if day is not None and not _valid(2000, month_number, day):
        return None
    if groups.get("yrel"):  # "June last year"
        year = None if state.anchor is None else state.anchor.year + _STEPS[_lower(groups["yrel"])]
        anchor = "none" if year is None else "document"
        return "DATE", _ymd(year, month_number, day), anchor, _mod(state, match)
    weekday = state.grammar.weekdays.get(_lower(groups.get("wd"))) if groups.get("wd") else None
    year, anchor = _year_less(state, match.start(), month_number, day, weekday)
    if day is None:
        return "DATE", _ymd(year, month_number), anchor, _mod(state, match)
    return "DATE", _ymd(year, month_number, day), anchor, _mod(state, match)


def _season(state: State, match: re.Match[str]) -> _Result:
    season = state.grammar.seasons[_lower(match.group("season"))]
    if match.group("y"):
        return "DATE", f"{match.group('y')}-{season}", "absolute", _mod(state, match)
    year, anchor = _base_year(state, match.start())
    return "DATE", f"{_ymd(year)}-{season}", anchor, _mod(state, match)


def _base_year(state: State, start: int) -> tuple[int | None, str]:
    if _narrative_first(state, start):
        return state.narrative.year, "narrative"  # type: ignore[union-attr]
    if state.anchor is not None:
        return state.anchor.year, "document"
    return None, "none"


_STEPS = {
    "this": 0, "the": 0, "last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1,
    "the coming": 1, "that": 0, "that same": 0, "the same": 0, "the following": 1, "the next": 1,
    "the previous": -1,
}  # fmt: skip
_ANAPHORIC = {"that", "that same", "the same", "the following", "the next", "the previous"}


def _unit_value(lexicon: Grammar, base: datetime.date | None, unit: str, step: int) -> str | None:
    """The calendar unit ``step`` units from ``base``'s: a day, week, month, quarter, year."""
    if unit == "D":
        return "XXXX-XX-XX" if base is None else shift(base, days=step).isoformat()
    if unit in {"W", "2W"}:
        return "XXXX-WXX" if base is None else week_of(shift(base, days=7 * step))
    if unit == "M":
        return "XXXX-XX" if base is None else shift(base, months=step).isoformat()[:7]
    if unit == "Q":
        if base is None:
            return "XXXX-QX"
        moved = shift(base, months=3 * step)
        return f"{moved.year}-Q{(moved.month - 1) // 3 + 1}"
    if unit == "Y":
        return "XXXX" if base is None else f"{base.year + step:04d}"
    if unit == "DE":
        return None if base is None else f"{base.year // 10 + step:03d}"
    return None


FIGURES = re.compile(r"[$€£%]|\d|\b(?:a share|compared|from|up|down|earnings|profit|loss|sales)\b")


def _compares_figures(state: State, start: int) -> bool:
    """Whether a company's results for a quarter are being compared with a year before: the
    text has named the quarter it reports, and the sentence holds figures."""
    if state.quarter is None:
        return False
    span = state.doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and bool(FIGURES.search(span[0].sent.text))


def _year_ago_quarter(state: State) -> str:
    """ "A year ago" in a quarterly report: the same quarter a year before."""
    year, number = state.quarter  # type: ignore[misc]
    return f"{year - 1}-Q{number}"


def _reported_quarter(state: State, start: int) -> str:
    """ "The quarter": the one the text last named, else the last one ended before the
    document's date when the sentence speaks of it in the past."""
    if state.quarter is None:
        anchor = state.anchor
        if anchor is None:
            return "XXXX-QX"
        current = (anchor.month - 1) // 3 + 1
        year, number = anchor.year, current
        if _tense(state, start) == "past":
            year, number = (year - 1, 4) if current == 1 else (year, current - 1)
        state.quarter = (year, number)
    return f"{state.quarter[0]}-Q{state.quarter[1]}"


def _relative(state: State, match: re.Match[str]) -> _Result:
    lexicon = state.grammar
    rel, what = _lower(match.group("rel")), _lower(match.group("what"))
    mod = _mod(state, match)
    unit = lexicon.units.get(what)
    if rel in {"the past", "the last"}:
        if unit is not None:
            return "DURATION", _duration("1", unit), "absolute", mod
        rel = "last"  # "the last Saturday": the Saturday before
    step = _STEPS.get(rel)
    if step is None:
        return None
    if unit == "Q" and rel == "the" and state.anchor is not None:
        return "DATE", _reported_quarter(state, match.start()), "document", mod
    if rel in _ANAPHORIC:
        base, anchor = state.narrative, "narrative"
    else:
        base, anchor = state.anchor, "document"
    if base is None:
        anchor = "none"
    if unit is not None:
        value = _unit_value(lexicon, base, unit, step)
        return None if value is None else ("DATE", value, anchor, mod)
    if what == "weekend":
        value = "XXXX-WXX-WE" if base is None else week_of(shift(base, days=7 * step)) + "-WE"
        return "DATE", value, anchor, mod
    if what in lexicon.seasons:
        year = None if base is None else base.year + step
        return "DATE", f"{_ymd(year)}-{lexicon.seasons[what]}", anchor, mod
    if what in lexicon.parts_of_day:
        date = "XXXX-XX-XX" if base is None else shift(base, days=step).isoformat()
        return "TIME", f"{date}T{lexicon.parts_of_day[what]}", anchor, mod
    if what in lexicon.weekdays:
        number = lexicon.weekdays[what]
        if base is None:
            return "DATE", f"XXXX-WXX-{number}", anchor, mod
        offset = number - base.isoweekday()
        if step < 0:
            offset = offset - 7 if offset >= 0 else offset
        elif step > 0:
            offset = offset + 7 if offset <= 0 else offset
        return "DATE", shift(base, days=offset).isoformat(), anchor, mod
    if what in lexicon.months:
        number = lexicon.months[what]
        if base is None:
            return "DATE", _ymd(None, number), anchor, mod
        year = base.year
        if step < 0 and number >= base.month:
            year -= 1
        elif step > 0 and number <= base.month:
            year += 1
        return "DATE", _ymd(year, number), anchor, mod
    return None


def _deictic(state: State, match: re.Match[str]) -> _Result:
    word = match.group("deic").lower()
    step = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}[word]
    anchor = "document" if state.anchor is not None else "none"
    date = "XXXX-XX-XX" if state.anchor is None else shift(state.anchor, days=step).isoformat()
    part = state.grammar.parts_of_day.get(_lower(match.group("part")))
    if word == "tonight":
        part = "NI"
    return ("TIME", f"{date}T{part}", anchor, None) if part else ("DATE", date, anchor, None)


def _weekday_date(state: State, number: int, start: int) -> tuple[str, str]:
    """(value, anchor) of a bare weekday: the document's own day, else the one before it, or
    the one after when the verb speaks of it as still to come."""
    if state.anchor is None:
        return f"XXXX-WXX-{number}", "none"
    offset = number - state.anchor.isoweekday()
    tense = _tense(state, start)
    if tense == "ahead":
        offset = offset + 7 if offset < 0 else offset  # the day itself stays: "until Friday"
    elif tense == "open":  # "planned to leave on Thursday": the nearer one
        offset = offset - 7 if offset > 3 else offset + 7 if offset < -3 else offset
    elif offset > 0:
        offset -= 7
    return shift(state.anchor, days=offset).isoformat(), "document"


def _weekday(state: State, match: re.Match[str]) -> _Result:
    number = state.grammar.weekdays[match.group("wd").lower()]
    part = state.grammar.parts_of_day.get(_lower(match.group("part")))
    value, anchor = _weekday_date(state, number, match.start())
    if part and anchor == "document":
        return "TIME", f"{value}T{part}", anchor, None
    return "DATE", value, anchor, None


def _year(state: State, match: re.Match[str]) -> _Result:
    return "DATE", match.group("y"), "absolute", _mod(state, match)


def _decade(state: State, match: re.Match[str]) -> _Result:
    groups = match.groupdict()
    decade = groups.get("dec") or f"19{groups.get('dec2')}"
    return "DATE", decade, "absolute", _mod(state, match)


def _quarter(state: State, match: re.Match[str]) -> _Result:
    number = state.grammar.ordinals[_lower(match.group("ord"))]
    half = _lower(match.group("part")) == "half"
    if number > (2 if half else 4):
        return None
    part = f"H{number}" if half else f"Q{number}"
    mod = _mod(state, match)
    if match.group("y"):
        if not half:
            state.quarter = (int(match.group("y")), number)
        return "DATE", f"{match.group('y')}-{part}", "absolute", mod
    year, anchor = _base_year(state, match.start())
    if anchor == "document" and state.anchor is not None and not _future(state, match.start()):
        current = (state.anchor.month - 1) // (6 if half else 3) + 1
        year = state.anchor.year - 1 if number > current else state.anchor.year
    if year is not None and not half:
        state.quarter = (year, number)
    return "DATE", f"{_ymd(year)}-{part}", anchor, mod


def _clock(state: State, match: re.Match[str]) -> _Result:
    named = _lower(match.group("named"))
    if named:
        hour, minute = (0, 0) if named == "midnight" else (12, 0)
    elif match.group("h2"):  # "4 in the morning", "9 at night"
        hour, minute = int(match.group("h2")), 0
        if not _lower(match.group("half")).endswith("morning") and hour < 12:
            hour += 12
    else:
        hour, minute = int(match.group("h")), int(match.group("mi") or 0)
        pm = match.group("ampm").lower().startswith("p")
        hour = hour % 12 + (12 if pm else 0)
    time = f"T{hour:02d}:{minute:02d}" if named != "midnight" else "T24:00"
    if match.group("wd"):  # "10 p.m. Wednesday"
        number = state.grammar.weekdays[match.group("wd").lower()]
        date, anchor = _weekday_date(state, number, match.start("wd"))
        return "TIME", date + time, anchor, None
    base, anchor = state.narrative, "narrative"
    if base is None or state.anchor is not None:
        base, anchor = state.anchor, "document"
    date = "XXXX-XX-XX" if base is None else base.isoformat()
    return "TIME", date + time, anchor if base else "none", None


_HALVES = {"Y": "P{}Y6M", "M": "P{}M15D", "D": "P{}DT12H", "H": "PT{}H30M", "MIN": "PT{}M30S"}


def _duration(number: str, unit: str) -> str:
    multiplier = re.match(r"\d+", unit)
    if multiplier:
        unit = unit[multiplier.end() :]
    if unit == "Q":
        multiplier, unit = None, "M"
        number = number if number == "X" else f"{float(number) * 3:g}"
    if multiplier and number != "X":
        number = f"{float(number) * int(multiplier.group()):g}"
    if unit == "DE" and number != "X":  # "two decades": P20Y, as TimeML writes it
        number, unit = f"{float(number) * 10:g}", "Y"
    if number.endswith(".5") and unit in _HALVES:  # "5 1/2 hours": PT5H30M
        whole = number[:-2] or "0"
        return _HALVES[unit].format(whole)
    if unit in {"H", "MIN", "S"}:
        return f"PT{number}{unit[0]}"
    return f"P{number}{unit}"


def _amount(state: State, match: re.Match[str]) -> tuple[str, str]:
    """(number, unit code) of "three years", "a few days", "recent weeks" (number X)."""
    lexicon = state.grammar
    unit = lexicon.units[_lower(match.group("unit"))]
    words = _lower(match.groupdict().get("num"))
    number = number_value(words, lexicon.numbers) if words else "X"
    if match.groupdict().get("half") and number != "X":
        number = f"{float(number) + 0.5:g}"
    return number, unit


def _ago(state: State, match: re.Match[str]) -> _Result:
    number, unit = _amount(state, match)
    direction = _lower(match.group("dir"))
    sign = -1 if direction in {"ago", "earlier", "before"} else 1
    mod = _mod(state, match)
    if direction in {"ago", "from now"}:
        base, anchor = state.anchor, "document"
    else:
        base, anchor = state.narrative, "narrative"
    if (number, unit, sign) == ("1", "Y", -1) and _compares_figures(state, match.start()):
        return "DATE", _year_ago_quarter(state), "document", mod  # "up from $10 million a year ago"
    if base is None:
        return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "none", mod
    if number == "X" or "." in number:
        if anchor == "document":
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", anchor, mod
        return "DATE", base.isoformat(), anchor, "BEFORE" if sign < 0 else "AFTER"
    steps = sign * int(number)
    if unit in {"Y", "DE", "CE"}:
        years = steps * {"Y": 1, "DE": 10, "CE": 100}[unit]
        return "DATE", f"{base.year + years:04d}", anchor, mod
    if unit in {"M", "Q"}:
        months = steps * (3 if unit == "Q" else 1)
        return "DATE", shift(base, months=months).isoformat()[:7], anchor, mod
    days = steps * {"W": 7, "2W": 14}.get(unit, 1) if unit in {"D", "W", "2W"} else 0
    return "DATE", shift(base, days=days).isoformat(), anchor, mod


def _length(state: State, match: re.Match[str]) -> _Result:
    if _lower(match.groupdict().get("num")) in {"recent", "the past few", "the last few"}:
        return "DATE", "PAST_REF", "absolute", None  # "in recent years", as TimeML values it
    number, unit = _amount(state, match)
    return "DURATION", _duration(number, unit), "absolute", _mod(state, match)


def _set(state: State, match: re.Match[str]) -> _Result:
    lexicon = state.grammar
    if match.groupdict().get("word"):
        return "SET", lexicon.sets[_lower(match.group("word"))], "absolute", None
    what = _lower(match.group("unit"))
    if what in lexicon.weekdays:
        return "SET", f"XXXX-WXX-{lexicon.weekdays[what]}", "absolute", None
    number, unit = _amount(state, match)
    return "SET", _duration("1" if number == "X" else number, unit), "absolute", None


def _period(state: State, match: re.Match[str]) -> _Result:
    """Periods of a company's results: "the latest quarter" is the one being reported, "the
    year-ago period" (or "year-earlier profit") the same quarter a year before."""
    which = _lower(match.group("which"))
    if which in {"latest", "most recent"}:
        if state.anchor is None and state.quarter is None:
            return "DATE", "XXXX-QX", "none", None
        return "DATE", _reported_quarter(state, match.start()), "document", None
    if state.quarter is not None:
        return "DATE", _year_ago_quarter(state), "document", None
    if state.anchor is None:
        return "DATE", "XXXX", "none", None
    return "DATE", f"{state.anchor.year - 1:04d}", "document", None


def _spelled(state: State, match: re.Match[str]) -> _Result:
    """A year in words, as spoken: "nineteen ninety-six", "the year two thousand"."""
    rest = number_value(match.group("rest") or "0", state.grammar.numbers)
    if not re.fullmatch(r"\d+", rest) or re.search(r"\d", match.group("rest") or ""):
        return None
    number, century = int(rest), _lower(match.groupdict().get("cent"))
    if century:
        if not 10 <= number <= 99:
            return None
        return "DATE", f"{18 if century == 'eighteen' else 19}{number:02d}", "absolute", None
    return ("DATE", f"{2000 + number}", "absolute", None) if number < 100 else None


def _century(state: State, match: re.Match[str]) -> _Result:
    """ "The 20th century": the years 1900-1999, written as their first two digits, 19."""
    number = int(match.group("nth"))
    return ("DATE", f"{number - 1:02d}", "absolute", None) if number else None


def _holiday(state: State, match: re.Match[str]) -> _Result:
    """A holiday ("Thanksgiving Day", "last Christmas") on the year the sentence means: the
    one before the document's date when told in the past, after it when still to come."""
    rule = state.grammar.holidays[_lower(match.group("hol"))]
    if state.anchor is None:
        fixed = re.fullmatch(r"(\d\d)-(\d\d)", rule)
        return "DATE", f"XXXX-{fixed[1]}-{fixed[2]}" if fixed else "XXXX", "none", None
    anchor = state.anchor
    days = [holiday_date(rule, anchor.year + step) for step in (-1, 0, 1)]
    rel = _lower(match.group("rel"))
    grammar = state.grammar
    tense = {"last": "past", "next": "ahead"}.get(rel) or tense_of(
        state.doc,
        match.start("hol"),
        match.end(),
        ahead=grammar.ahead_words,
        auxiliaries=grammar.ahead_auxiliaries,
    )
    if rel == "this":
        chosen = days[1]
    elif tense == "past":
        chosen = max((d for d in days if d and d <= anchor), default=None)
    elif tense == "ahead":
        chosen = min((d for d in days if d and d >= anchor), default=None)
    else:
        chosen = min(
            (d for d in days if d),
            key=lambda d: (d - anchor).days * 2 if d > anchor else (anchor - d).days,
            default=None,
        )
    return None if chosen is None else ("DATE", chosen.isoformat(), "document", None)


def _reference(state: State, match: re.Match[str]) -> _Result:
    return "DATE", state.grammar.references[_lower(match.group("ref"))], "absolute", None


RESOLVERS: dict[str, Callable[[State, re.Match[str]], _Result]] = {
    "iso": _date, "slash": _date, "mdy": _date, "month": _date, "season": _season,
    "relative": _relative, "deictic": _deictic, "weekday": _weekday, "year": _year,
    "decade": _decade, "quarter": _quarter, "clock": _clock, "ago": _ago,
    "duration": _length, "set": _set, "ref": _reference, "period": _period,
    "spelled": _spelled, "holiday": _holiday, "century": _century,
}  # fmt: skip
