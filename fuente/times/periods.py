"""Periods named by convention rather than by date: a company's quarters, holidays, centuries
and years written in words.

"The quarter" is the one a company's results report (the last named, else the last one ended);
"a year ago" beside figures is the same quarter a year before; "the latest period" and "the
year-ago period" follow the same rule. Holidays come from the ``holidays`` section of the times
lexicon. Each resolver takes the ``State`` and a match and returns ``(type, value, anchor, mod)``
or None, as those of ``fuente.times.resolve``.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable

from fuente.times.normalise import FUTURE_WEIGHT, holiday_date, number_value, week_of
from fuente.times.state import Result, State, base_year, future_at, lower, modifier, tense_at, ymd

__all__ = ["PERIOD_RESOLVERS", "compares_figures", "reported_quarter", "year_ago_quarter"]


def compares_figures(state: State, start: int) -> bool:
    """Whether a company's results for a quarter are being compared with a year before: the
    text has named the quarter it reports, and the sentence holds figures."""
    if state.quarter is None:
        return False
    span = state.doc.char_span(start, start + 1, alignment_mode="expand")
    return span is not None and bool(state.grammar.figures.search(span[0].sent.text))


def year_ago_quarter(state: State) -> str:
    """ "A year ago" in a quarterly report: the same quarter a year before."""
    year, number = state.quarter  # type: ignore[misc]
    return f"{year - 1}-Q{number}"


def reported_quarter(state: State, start: int) -> str:
    """ "The quarter": the one the text last named, else the last one ended before the
    document's date when the sentence speaks of it in the past."""
    if state.quarter is None:
        anchor = state.anchor
        if anchor is None:
            return "XXXX-QX"
        current = (anchor.month - 1) // 3 + 1
        year, number = anchor.year, current
        if tense_at(state, start) == "past":
            year, number = (year - 1, 4) if current == 1 else (year, current - 1)
        state.quarter = (year, number)
    return f"{state.quarter[0]}-Q{state.quarter[1]}"


def _quarter(state: State, match: re.Match[str]) -> Result:
    number = state.grammar.ordinals[lower(match.group("ord"))]
    half = state.grammar.values["year-parts"][lower(match.group("part"))] == "H"
    if number > (2 if half else 4):
        return None
    part = f"H{number}" if half else f"Q{number}"
    mod = modifier(state, match)
    if match.group("y"):
        if not half:
            state.quarter = (int(match.group("y")), number)
        return "DATE", f"{match.group('y')}-{part}", "absolute", mod
    year, anchor = base_year(state, match.start())
    if anchor == "document" and state.anchor is not None and not future_at(state, match.start()):
        current = (state.anchor.month - 1) // (6 if half else 3) + 1
        year = state.anchor.year - 1 if number > current else state.anchor.year
    if year is not None and not half:
        state.quarter = (year, number)
    return "DATE", f"{ymd(year)}-{part}", anchor, mod


def _period(state: State, match: re.Match[str]) -> Result:
    """Periods of a company's results: "the latest quarter" is the one being reported, "the
    year-ago period" (or "year-earlier profit") the same quarter a year before."""
    which = lower(match.group("which"))
    if which in state.grammar.words["reported-periods"]:
        if state.anchor is None and state.quarter is None:
            return "DATE", "XXXX-QX", "none", None
        return "DATE", reported_quarter(state, match.start()), "document", None
    if state.quarter is not None:
        return "DATE", year_ago_quarter(state), "document", None
    if state.anchor is None:
        return "DATE", "XXXX", "none", None
    return "DATE", f"{state.anchor.year - 1:04d}", "document", None


def _spelled(state: State, match: re.Match[str]) -> Result:
    """A year in words, as spoken: "nineteen ninety-six", "the year two thousand"."""
    rest = number_value(match.group("rest") or "0", state.grammar.numbers)
    if not re.fullmatch(r"\d+", rest) or re.search(r"\d", match.group("rest") or ""):
        return None
    number, century = int(rest), lower(match.groupdict().get("cent"))
    if century:
        if not 10 <= number <= 99:
            return None
        first = state.grammar.values["spelled-centuries"][century]  # "nineteen": 19
        return "DATE", f"{first}{number:02d}", "absolute", None
    return ("DATE", f"{2000 + number}", "absolute", None) if number < 100 else None


def _century(state: State, match: re.Match[str]) -> Result:
    """ "The 20th century": the years 1900-1999, written as their first two digits, 19; "el
    siglo XX" in Roman numerals."""
    groups = match.groupdict()
    number = int(groups["nth"]) if groups.get("nth") else _roman(groups.get("roman") or "")
    return ("DATE", f"{number - 1:02d}", "absolute", None) if number else None


def _roman(numeral: str) -> int:
    """A Roman numeral's value ("XXI": 21); 0 for one that is none."""
    digits = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    values = [digits.get(letter, 0) for letter in numeral.upper()]
    if not values or 0 in values:
        return 0
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def _holiday(state: State, match: re.Match[str]) -> Result:
    """A holiday ("Thanksgiving Day", "last Christmas") on the year the sentence means: the
    one before the document's date when told in the past, after it when still to come. "Easter
    week" is the ISO week the holiday falls in."""
    rule = state.grammar.holidays[lower(match.group("hol"))]
    if state.anchor is None and match.group("week"):
        return "DATE", "XXXX-WXX", "none", None
    if state.anchor is None:
        fixed = re.fullmatch(r"(\d\d)-(\d\d)", rule)
        return "DATE", f"XXXX-{fixed[1]}-{fixed[2]}" if fixed else "XXXX", "none", None
    anchor = state.anchor
    days = [holiday_date(rule, anchor.year + step) for step in (-1, 0, 1)]
    if match.group("week"):  # the week counts from its Monday: it has begun by the holiday
        days = [d - datetime.timedelta(days=d.weekday()) if d else d for d in days]
    rel = state.grammar.values["holiday-relatives"].get(lower(match.group("rel")))
    tense = rel if rel in {"past", "ahead"} else None
    tense = tense or tense_at(state, match.start("hol"), match.end())
    if rel == "this":
        chosen = days[1]
    elif tense == "past":
        chosen = max((d for d in days if d and d <= anchor), default=None)
    elif tense == "ahead":
        chosen = min((d for d in days if d and d >= anchor), default=None)
    else:
        chosen = min(
            (d for d in days if d),
            key=lambda d: (d - anchor).days * FUTURE_WEIGHT if d > anchor else (anchor - d).days,
            default=None,
        )
    if chosen is None:
        return None
    value = week_of(chosen) if match.group("week") else chosen.isoformat()
    return "DATE", value, "document", None


PERIOD_RESOLVERS: dict[str, Callable[[State, re.Match[str]], Result]] = {
    "quarter": _quarter,
    "period": _period,
    "spelled": _spelled,
    "holiday": _holiday,
    "century": _century,
}
