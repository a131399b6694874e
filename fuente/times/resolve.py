"""Resolution of the time expressions ``fuente.times.expressions`` finds: one function a pattern.

Each resolver takes the ``State`` (word tables, the Doc, the document date, the narrative
time) and a regex match, and returns ``(type, value, anchor, mod)`` or None to drop the match.
``accept`` holds the checks that need no narrative (a bare "May" that names a person is no
month). Pure functions; see ``fuente.times.expressions`` for the rules they follow.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from fuente.lexicon import words
from fuente.nlp.entity_view import entity_label
from fuente.times.normalise import Grammar, choose_year, number_value, shift, week_of
from fuente.times.periods import (
    PERIOD_RESOLVERS,
    compares_figures,
    reported_quarter,
    year_ago_quarter,
)
from fuente.times.state import (
    Result,
    State,
    base_year,
    lower,
    modifier,
    narrative_day,
    narrative_first,
    tense_at,
    ymd,
)

__all__ = ["RESOLVERS", "State", "accept"]


# Entities a bare month or weekday inside is part of a name ("the March of the Mothers")
_NAMES = {"PERSON", "ORG", "GPE", "FAC", "NORP", "WORK_OF_ART", "PRODUCT", "EVENT", "LAW"}
_YEAR_CUES = words("year-cues")


def _valid(year: int, month: int, day: int) -> bool:
    try:
        datetime.date(year, month, day)
    except ValueError:
        return False
    return True


def _entity(state: State, start: int, end: int) -> str:
    span = state.doc.char_span(start, end, alignment_mode="expand")
    return entity_label(span[0]) if span is not None and len(span) else ""


def _previous_word(text: str, start: int) -> str:
    found = re.search(r"(\w+)\W{0,3}$", text[max(0, start - 24) : start])
    return found.group(1).lower() if found else ""


def accept(name: str, match: re.Match[str], state: State) -> bool:
    """Checks that need no narrative: a bare year, month or weekday must read as a time."""
    groups = match.groupdict()
    start, end = match.span()
    grammar = state.grammar
    if name == "year" and not groups.get("mod") and not groups.get("pre"):
        entity = _entity(state, start, end)
        if entity in {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"}:
            return False
        cues = grammar.words.get("year-cues", _YEAR_CUES)  # a language's own, else English's
        return entity == "DATE" or _previous_word(state.text, start) in cues
    if name in {"month", "weekday"} and not groups.get("y"):
        if _entity(state, start, end) in _NAMES:
            return False
        word = (groups.get("mon") or "").lower()
        if word not in grammar.words["ambiguous-months"]:
            return True
        previous = _previous_word(state.text, start)
        return previous in _YEAR_CUES or previous in grammar.words["month-cues"]
    if name == "relative" and lower(groups["rel"]) in grammar.words["definite-article"]:
        what = lower(groups["what"])
        lone = grammar.units.get(what) == "Q" or what in grammar.words["weekend-words"]
        return bool(groups.get("mod")) or lone  # "the quarter", "the weekend"
    conjunction = (
        name == "ref" and lower(groups.get("ref")) in grammar.words["conjunction-references"]
    )
    if conjunction and _joins_clauses(grammar, state.text, start, end):  # "as soon as he arrives"
        return False
    turn = name == "ref" and lower(groups.get("ref")) in grammar.words["turn-references"]
    if turn and _opens_sentence(state, start):
        return state.text[end : end + 1] != ","  # "Now, he says ...": a turn of the story
    if name == "set" and not groups.get("word"):
        lead = lower(match.group("x")).split()
        return bool(groups.get("freq")) or lead[0] in grammar.words["set-openers"]
    if name == "season" and not groups.get("y"):
        season = lower(groups["season"])
        return bool(groups.get("the")) and season not in grammar.words["ambiguous-seasons"]
    if name == "duration" and lower(groups.get("num")) in grammar.words["one-articles"]:
        # "a second" is mostly an ordinal; in "a decades-long feud", "a day-long meeting" the
        # article is the noun's, and "decades-long" alone is the time
        after = match.string[match.end("unit") :].lower()
        hyphened = tuple("-" + word for word in grammar.phrases["long-words"])
        seconds = grammar.units.get(lower(groups.get("unit"))) == "S"
        return not seconds and not after.startswith(("s", *hyphened))
    return True


def _spaced(phrases: tuple[str, ...]) -> str:
    """``phrases`` as one alternation, any whitespace between their words."""
    return "(?:" + "|".join(r"\s+".join(map(re.escape, p.split())) for p in phrases) + ")"


def _joins_clauses(grammar: Grammar, text: str, start: int, end: int) -> bool:
    """Whether the reference at ``start:end`` joins clauses ("as soon as he arrives", "soon
    after he left") rather than naming a time ("as soon as possible")."""
    after = text[end : end + 12]
    if re.match(r"\s+" + _spaced(grammar.phrases["conjunction-after"]) + r"\b", after):
        return True
    still = re.match(r"\s+" + _spaced(grammar.phrases["conjunction-still-time"]), after)
    return not still and any(
        text[max(0, start - len(word) - 1) : start].lower().endswith(word + " ")
        for word in grammar.phrases["conjunction-before"]
    )


def _opens_sentence(state: State, start: int) -> bool:
    span = state.doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and len(span) > 0 and span[0].is_sent_start is True


def _weekday_fits(year: int, month: int, day: int, weekday: int) -> bool:
    try:
        return datetime.date(year, month, day).isoweekday() == weekday
    except ValueError:
        return False


def _year_less(
    state: State,
    start: int,
    month: int,
    day: int | None,
    weekday: int | None,
    tense: str | None = None,
):
    """(year or None, anchor) for a month or month-day written without a year; ``tense``,
    when the date's own words tell it ("el pasado 3 de enero"), else the verb's."""
    if narrative_first(state, start):
        year = state.narrative.year  # type: ignore[union-attr]
        if weekday is None or day is None or _weekday_fits(year, month, day, weekday):
            return year, "narrative"
        # the weekday says the narrative's year is wrong: "Saturday, March 8" of another year
    if state.anchor is not None:
        tense = tense or tense_at(state, start)
        year = choose_year(month, day, anchor=state.anchor, weekday=weekday, tense=tense)
        return year, "document" if year is not None else "none"
    return None, "none"


def _day(state: State, written: str | None) -> int | None:
    """The day of a month, in digits or as an ordinal word ("primero de mayo")."""
    if not written:
        return None
    return int(written) if written.isdigit() else state.grammar.ordinals.get(lower(written))


def _date(state: State, match: re.Match[str]) -> Result:
    groups = match.groupdict()
    month = groups.get("m")
    month_number = int(month) if month else state.grammar.months[groups["mon"].lower()]
    day = _day(state, groups.get("d"))
    if groups.get("y"):
        year = int(groups["y"])
        if day is not None and not _valid(year, month_number, day):
            return None
        return "DATE", ymd(year, month_number, day), "absolute", modifier(state, match)
    if day is not None and not _valid(2000, month_number, day):
        return None
    if groups.get("yrel"):  # "June last year"
        step = state.grammar.steps[lower(groups["yrel"])]
        year = None if state.anchor is None else state.anchor.year + step
        anchor = "none" if year is None else "document"
        return "DATE", ymd(year, month_number, day), anchor, modifier(state, match)
    weekday = state.grammar.weekdays.get(lower(groups.get("wd"))) if groups.get("wd") else None
    # "el pasado 3 de enero", "el 2 de julio próximo": the date's own word says which side
    when = groups.get("when") or groups.get("when_after")
    tense = state.grammar.values.get("date-tenses", {}).get(lower(when))
    year, anchor = _year_less(state, match.start(), month_number, day, weekday, tense)
    if day is None:
        return "DATE", ymd(year, month_number), anchor, modifier(state, match)
    return "DATE", ymd(year, month_number, day), anchor, modifier(state, match)


def _season(state: State, match: re.Match[str]) -> Result:
    season = state.grammar.seasons[lower(match.group("season"))]
    if match.group("y"):
        return "DATE", f"{match.group('y')}-{season}", "absolute", modifier(state, match)
    year, anchor = base_year(state, match.start())
    return "DATE", f"{ymd(year)}-{season}", anchor, modifier(state, match)


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


def _relative(state: State, match: re.Match[str]) -> Result:
    lexicon = state.grammar
    rel, what = lower(match.group("rel")), lower(match.group("what"))
    mod = modifier(state, match)
    unit = lexicon.units.get(what)
    if rel in lexicon.words["relative-spans"]:
        if unit is not None:
            return "DURATION", _duration("1", unit), "absolute", mod
        step = -1  # "the last Saturday": the Saturday before
    else:
        step = lexicon.steps.get(rel)
    if step is None:
        return None
    bare = rel in lexicon.words["definite-article"]
    if unit == "Q" and bare and state.anchor is not None:
        return "DATE", reported_quarter(state, match.start()), "document", mod
    if rel in lexicon.words["anaphoric-relatives"]:
        base, anchor = state.narrative, "narrative"
    else:
        base, anchor = state.anchor, "document"
    if base is None:
        anchor = "none"
    if unit == "D" and anchor == "narrative":  # "that same day": as finely as the narrative
        return "DATE", narrative_day(state, step), anchor, mod
    if unit is not None:
        value = _unit_value(lexicon, base, unit, step)
        return None if value is None else ("DATE", value, anchor, mod)
    if what in lexicon.words["weekend-words"]:
        value = "XXXX-WXX-WE" if base is None else week_of(shift(base, days=7 * step)) + "-WE"
        return "DATE", value, anchor, mod
    if what in lexicon.seasons:
        year = None if base is None else base.year + step
        return "DATE", f"{ymd(year)}-{lexicon.seasons[what]}", anchor, mod
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
            return "DATE", ymd(None, number), anchor, mod
        year = base.year
        if step < 0 and number >= base.month:
            year -= 1
        elif step > 0 and number <= base.month:
            year += 1
        return "DATE", ymd(year, number), anchor, mod
    return None


def _deictic(state: State, match: re.Match[str]) -> Result:
    step, *night = state.grammar.values["deictic-days"][lower(match.group("deic"))].split()
    anchor = "document" if state.anchor is not None else "none"
    date = "XXXX-XX-XX" if state.anchor is None else shift(state.anchor, days=int(step)).isoformat()
    part = state.grammar.parts_of_day.get(lower(match.group("part")))
    if night:  # "tonight": the part of the day is the word's own
        part = night[0]
    return ("TIME", f"{date}T{part}", anchor, None) if part else ("DATE", date, anchor, None)


def _weekday_date(state: State, number: int, start: int) -> tuple[str, str]:
    """(value, anchor) of a bare weekday: the document's own day, else the one before it, or
    the one after when the verb speaks of it as still to come."""
    if state.anchor is None:
        return f"XXXX-WXX-{number}", "none"
    offset = number - state.anchor.isoweekday()
    tense = tense_at(state, start)
    if tense == "ahead":
        offset = offset + 7 if offset < 0 else offset  # the day itself stays: "until Friday"
    elif tense == "open":  # "planned to leave on Thursday": the nearer one
        offset = offset - 7 if offset > 3 else offset + 7 if offset < -3 else offset
    elif offset > 0:
        offset -= 7
    return shift(state.anchor, days=offset).isoformat(), "document"


def _weekday(state: State, match: re.Match[str]) -> Result:
    number = state.grammar.weekdays[match.group("wd").lower()]
    part = state.grammar.parts_of_day.get(lower(match.group("part")))
    value, anchor = _weekday_date(state, number, match.start())
    if part and anchor == "document":
        return "TIME", f"{value}T{part}", anchor, None
    return "DATE", value, anchor, None


def _year(state: State, match: re.Match[str]) -> Result:
    return "DATE", match.group("y"), "absolute", modifier(state, match)


def _decade(state: State, match: re.Match[str]) -> Result:
    groups = match.groupdict()
    named = state.grammar.values.get("decade-names", {}).get(lower(groups.get("decname")))
    decade = groups.get("dec") or f"19{named or groups.get('dec2')}"  # "los noventa": 199
    return "DATE", decade, "absolute", modifier(state, match)


def _clock(state: State, match: re.Match[str]) -> Result:
    values = state.grammar.values
    groups = match.groupdict()
    named = lower(groups.get("named"))
    if named:
        time = "T" + values["named-times"][named]  # "noon": T12:00, "midnight": T24:00
    elif groups.get("h2"):  # "4 in the morning", "9 at night"
        hour = int(groups["h2"])
        if values["day-halves"][lower(match.group("half"))] == "pm" and hour < 12:
            hour += 12
        time = f"T{hour:02d}:00"
    else:
        hour, minute = int(groups["h"]), int(groups.get("mi") or 0)
        meridiem = values.get("meridiems", {}).get(lower(groups.get("ampm")))
        if meridiem is not None:  # else a 24-hour clock ("las 17.35")
            hour = hour % 12 + (12 if meridiem == "pm" else 0)
        if hour > 24:
            return None
        time = f"T{hour:02d}:{minute:02d}"
    if groups.get("zulu"):  # "16.00 GMT": in UTC
        time += "Z"
    if groups.get("wd"):  # "10 p.m. Wednesday"
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
    if unit == "DE":  # "two decades": P20Y, as TimeML writes it; "decades": PXY
        number, unit = ("X" if number == "X" else f"{float(number) * 10:g}"), "Y"
    if number.endswith(".5") and unit in _HALVES:  # "5 1/2 hours": PT5H30M
        whole = number[:-2] or "0"
        return _HALVES[unit].format(whole)
    if unit in {"H", "MIN", "S"}:
        return f"PT{number}{unit[0]}"
    return f"P{number}{unit}"


def _amount(state: State, match: re.Match[str]) -> tuple[str, str]:
    """(number, unit code) of "three years", "a few days", "recent weeks" (number X)."""
    lexicon = state.grammar
    unit = lexicon.units[lower(match.group("unit"))]
    words = lower(match.groupdict().get("num"))
    if words:
        number = number_value(words, lexicon.numbers)
    else:  # "for weeks", "decades-long": some number; "day-long": one
        number = "X" if match.string[match.end("unit") : match.end("unit") + 1] == "s" else "1"
    if match.groupdict().get("half") and number != "X":
        number = f"{float(number) + 0.5:g}"
    return number, unit


def _ago(state: State, match: re.Match[str]) -> Result:
    number, unit = _amount(state, match)
    values = state.grammar.values
    word = lower(match.group("dir"))
    direction = values["directions"].get(word) or values["directions-apart"][word]
    sign = -1 if direction.startswith("before") else 1  # "before now", "after then"
    mod = modifier(state, match)
    if direction.endswith("now"):  # from the document's date, else from the narrative's
        base, anchor = state.anchor, "document"
    else:
        base, anchor = state.narrative, "narrative"
    if (number, unit, sign) == ("1", "Y", -1) and compares_figures(state, match.start()):
        return "DATE", year_ago_quarter(state), "document", mod  # "up from $10 million a year ago"
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
    if anchor == "narrative":
        return "DATE", narrative_day(state, days), anchor, mod
    return "DATE", shift(base, days=days).isoformat(), anchor, mod


def _length(state: State, match: re.Match[str]) -> Result:
    vague = state.grammar.values["vague-spans"].get(lower(match.groupdict().get("num")))
    if vague == "past":
        return "DATE", "PAST_REF", "absolute", None  # "in recent years", as TimeML values it
    number, unit = _amount(state, match)
    return "DURATION", _duration(number, unit), "absolute", modifier(state, match)


def _compound(state: State, match: re.Match[str]) -> Result:
    """Two amounts joined as one span: "dos años y tres meses" (P2Y3M), "two hours and 30
    minutes" (PT2H30M); None where either is vague or has no TIMEX3 letter of its own."""
    lexicon = state.grammar
    parts = []
    for number_group, unit_group in (("num", "unit"), ("num2", "unit2")):
        number = number_value(lower(match.group(number_group)), lexicon.numbers)
        unit = lexicon.units[lower(match.group(unit_group))]
        if number == "X" or unit not in {"Y", "M", "W", "D", "H", "MIN", "S"}:
            return None
        parts.append((number, unit))
    days = "".join(f"{number}{unit}" for number, unit in parts if unit in {"Y", "M", "W", "D"})
    clock = "".join(f"{number}{unit[0]}" for number, unit in parts if unit in {"H", "MIN", "S"})
    value = "P" + days + (f"T{clock}" if clock else "")
    return "DURATION", value, "absolute", modifier(state, match)


def _set(state: State, match: re.Match[str]) -> Result:
    lexicon = state.grammar
    if match.groupdict().get("word"):
        return "SET", lexicon.sets[lower(match.group("word"))], "absolute", None
    what = lower(match.group("unit"))
    if what in lexicon.weekdays:
        return "SET", f"XXXX-WXX-{lexicon.weekdays[what]}", "absolute", None
    number, unit = _amount(state, match)
    return "SET", _duration("1" if number == "X" else number, unit), "absolute", None


def _reference(state: State, match: re.Match[str]) -> Result:
    return "DATE", state.grammar.references[lower(match.group("ref"))], "absolute", None


RESOLVERS: dict[str, Callable[[State, re.Match[str]], Result]] = {
    "iso": _date, "slash": _date, "mdy": _date, "month": _date, "season": _season,
    "relative": _relative, "deictic": _deictic, "weekday": _weekday, "year": _year,
    "decade": _decade, "clock": _clock, "ago": _ago,
    "duration": _length, "compound": _compound, "set": _set, "ref": _reference,
    **PERIOD_RESOLVERS,
}  # fmt: skip
