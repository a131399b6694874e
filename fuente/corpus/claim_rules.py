"""When two reports in two articles are one claim: pure rules, no SQL.

A **statement** (an attribution) is compared with another on three things, all of which must
agree:

* **who**: the same corpus-wide actor, the same outlet by its canonical name (an outlet the
  corpus knows no actor for: "according to Reuters"), or two unnamed sources whose
  descriptions share a noun for a person ("a senior official", "two officials") and whose
  country and sector do not differ (a side that gives none agrees with any);
* **what**: two quotations (``direct`` or ``mixed``) hold the same words: the runs of
  ``RUN`` words they share are ``claim_quote_overlap`` of the shorter one's and cover at least
  ``claim_min_words`` words; a paraphrase (or a paraphrase and a quotation) shares
  ``claim_paraphrase_overlap`` of the shorter one's content words (names left out), at least
  ``claim_min_words`` of them, and the corpus-wide actors each content names, where both name
  some, meet;
* **when**: two statements each dated by their sentence cover days no more than a day apart;
  otherwise the articles' dates are no more than ``claim_days`` apart. A report without a date
  agrees with any (dates cannot tell).

A paraphrase is matched only when both reports are dated (words alone are too weak a sign).

An **event** is compared on its PLOVER category, modality and negation (all equal), its
actors (where both sides name one, the same; at least one side the same corpus-wide actor, as
a country and sector alone are shared by too many events), its place (equal where both name
one) and its date: the event's own dates, else its articles', no more than ``event_days``
apart; a date wider than that (a month, a year) dates nothing, and an event left without a
date is never matched (too many events share a category and an actor).

Records are looked up by **keys** (``statement_keys``, ``event_keys``), so a new article meets
the few stored records that share one, never the corpus.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache, lru_cache

from fuente.lexicon import words
from fuente.settings import Settings
from fuente.text import fold

__all__ = [
    "Occurrence",
    "Statement",
    "event_keys",
    "same_event",
    "same_statement",
    "statement_keys",
    "word_runs",
]

RUN = 4  # words in a run compared between quotations
STEM = 6  # a content word is compared on its first letters ("taxes", "taxed")
QUOTED = ("direct", "mixed")
WIDEST = 62  # days: a statement dated more loosely is not blocked on that date
WORD = re.compile(r"\w+")
Days = tuple[date, date]


@dataclass(frozen=True, slots=True)
class Statement:
    """An attribution as the claim rules see it. ``who`` is the corpus-wide actor id of its
    speaker, ``"outlet:<name>"`` for an outlet with no actor, ``"unnamed"`` for an unnamed
    source, None when neither is known; ``nouns`` are the
    person nouns of an unnamed source's description; ``said`` the days its sentence dates it
    to, ``published`` its article's date; ``actors`` the corpus-wide actors its content
    names."""

    ref: str
    doc: str
    kind: str
    content: str
    who: str | None
    nouns: frozenset[str] = frozenset()
    country: str | None = None
    sector: str | None = None
    said: Days | None = None
    published: Days | None = None
    actors: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Occurrence:
    """An event as the claim rules see it: its sides as corpus-wide actor ids (or
    ``country/sector`` where the text names no one the corpus knows), its own dates and its
    article's."""

    ref: str
    doc: str
    category: str
    modality: str
    negated: bool
    source: str | None
    target: str | None
    location: str | None = None
    dated: Days | None = None


@cache
def _function_words() -> frozenset[str]:
    return words("function-words")


def _words(text: str) -> list[str]:
    return WORD.findall(fold(text))


@lru_cache(maxsize=8192)  # a record is compared with several: its words are read once
def content_words(text: str) -> frozenset[str]:
    """The stems of the words of ``text`` that tell statements apart."""
    common = _function_words()
    return frozenset(w[:STEM] for w in _words(text) if len(w) > 2 and w not in common)


@lru_cache(maxsize=8192)
def said_words(text: str) -> frozenset[str]:
    """``content_words`` of ``text`` less its names (words capitalised inside a sentence): two
    paraphrases say the same thing by what they say, not by whom they mention, which the
    actors they name are checked for apart."""
    names = {
        fold(found.group())[:STEM]
        for found in WORD.finditer(text)
        if found.group()[:1].isupper() and not _opens(text, found.start())
    }
    return content_words(text) - names


def _opens(text: str, position: int) -> bool:
    """Whether the word at ``position`` opens a sentence or a quotation."""
    before = text[:position].rstrip()
    return not before or before[-1] in ".!?:\"“‘'(\n"


@lru_cache(maxsize=8192)
def word_runs(text: str) -> frozenset[str]:
    """The runs of ``RUN`` folded words of ``text`` that hold two content words or more."""
    found = _words(text)
    common = _function_words()
    runs = (found[i : i + RUN] for i in range(len(found) - RUN + 1))
    return frozenset(
        " ".join(run) for run in runs if sum(w not in common and len(w) > 2 for w in run) >= 2
    )


def statement_keys(statement: Statement, *, settings: Settings, widen: bool = False) -> set[str]:
    """The keys of what the rules could match it on: its quoted runs (``q:``) when it has
    enough of them, and its speaker with each content word and each block of
    ``claim_days`` + 1 days its dates touch (``w:``) when it could be a paraphrase; ``widen``
    reaches ``claim_days`` further either side, the keys to look a new statement up by. A
    statement the rules can never match (no speaker known, an unnamed source with no person
    noun) has none."""
    if statement.who is None or (statement.who == "unnamed" and not statement.nouns):
        return set()
    keys = set()
    runs = word_runs(statement.content)
    if len(runs) + RUN - 1 >= settings.claim_min_words:
        keys |= {f"q:{run}" for run in runs}
    found = content_words(statement.content)
    if len(found) >= settings.claim_min_words:
        blocks = _blocks((statement.said, statement.published), settings.claim_days, widen)
        keys |= {f"w:{statement.who}|{word}|{block}" for word in found for block in blocks}
    return keys


def _blocks(spans: tuple[Days | None, ...], days: int, widen: bool) -> set[int]:
    """The blocks of ``days`` + 1 days each span touches (widened by ``days`` either side);
    a span wider than ``WIDEST`` days (a season, a year) is left out, as too loose to block
    on."""
    width = days + 1
    found: set[int] = set()
    for span in spans:
        if span is None or (span[1] - span[0]).days > WIDEST:
            continue
        first, last = span[0].toordinal(), span[1].toordinal()
        if widen:
            first, last = first - days, last + days
        found.update(range(first // width, last // width + 1))
    return found


def _apart(one: Days, other: Days) -> int:
    """Days between two spans of days (0 when they meet)."""
    if one[1] < other[0]:
        return (other[0] - one[1]).days
    if other[1] < one[0]:
        return (one[0] - other[1]).days
    return 0


def _dates_agree(
    said: tuple[Days | None, Days | None], published: tuple[Days | None, Days | None], days: int
) -> str | None:
    """Why the dates allow one claim ("" when no date can tell), or None when they do not."""
    if said[0] and said[1]:
        return "" if _apart(said[0], said[1]) <= 1 else None
    if published[0] and published[1]:
        return "" if _apart(published[0], published[1]) <= days else None
    mine, theirs = said[0] or published[0], said[1] or published[1]
    if mine and theirs:  # one dated by its sentence only, the other by its article only
        return "" if _apart(mine, theirs) <= days else None
    return ""


def _same_who(one: Statement, other: Statement) -> str | None:
    if one.who is None or one.who != other.who:
        return None
    if one.who != "unnamed":
        return f"same speaker {one.who}"
    shared = one.nouns & other.nouns
    for mine, theirs in ((one.country, other.country), (one.sector, other.sector)):
        if mine and theirs and mine != theirs:
            return None
    return f"unnamed sources alike ({', '.join(sorted(shared))})" if shared else None


def _overlap(one: frozenset[str], other: frozenset[str]) -> tuple[float, int]:
    shared = len(one & other)
    smaller = min(len(one), len(other))
    return (shared / smaller if smaller else 0.0), shared


def _same_content(one: Statement, other: Statement, settings: Settings) -> tuple[float, str]:
    """How closely the contents agree, and on what; (0, "") when they do not."""
    share, shared = _overlap(word_runs(one.content), word_runs(other.content))
    if (
        shared
        and share >= settings.claim_quote_overlap
        and shared + RUN - 1 >= (settings.claim_min_words)
    ):
        return share, f"quotation overlap {share:.2f}"
    if one.kind in QUOTED and other.kind in QUOTED:
        return 0.0, ""
    if not (one.said or one.published) or not (other.said or other.published):
        return 0.0, ""  # words alone are too weak a sign without dates to check
    share, shared = _overlap(said_words(one.content), said_words(other.content))
    if share < settings.claim_paraphrase_overlap or shared < settings.claim_min_words:
        return 0.0, ""
    if one.actors and other.actors and not one.actors & other.actors:
        return 0.0, ""
    return share, f"content words overlap {share:.2f}"


def same_statement(
    one: Statement, other: Statement, *, settings: Settings
) -> tuple[float, str] | None:
    """(score, reason) when ``one`` and ``other`` report one statement, else None."""
    if one.doc == other.doc:
        return None
    who = _same_who(one, other)
    if who is None:
        return None
    score, what = _same_content(one, other, settings)
    if not score:
        return None
    when = _dates_agree((one.said, other.said), (one.published, other.published),
                        settings.claim_days)  # fmt: skip
    if when is None:
        return None
    return score, f"{who}, {what}"


def event_keys(event: Occurrence, *, days: int, widen: bool = False) -> set[str]:
    """Its category with each side that is a corpus-wide actor and each block of ``days`` + 1
    days its date touches (``e:``); ``widen`` reaches ``days`` further either side, the keys
    to look a new event up by. An event with no date of its own narrow enough has none (it
    matches nothing: the article's date says when it was told, not when it happened, and
    "Trump accused Clinton" is told every day of a campaign), and two events at most ``days``
    apart share a block."""
    span = _narrow(event.dated, days + 1)
    if span is None:
        return set()
    sides = [side for side in (event.source, event.target) if side and not _coded(side)]
    return {f"e:{event.category}|{side}|{block}" for side in sides
            for block in _blocks((span,), days, widen)}  # fmt: skip


def _coded(side: str) -> bool:
    """A side known only by its country and sector (``USA/government``), not as an actor."""
    return "/" in side


def _narrow(days: Days | None, width: int) -> Days | None:
    """``days`` when they span ``width`` days at most: a month or a year dates no event."""
    return days if days and (days[1] - days[0]).days < width else None


def same_event(one: Occurrence, other: Occurrence, *, settings: Settings) -> str | None:
    """Why ``one`` and ``other`` are one event told by two articles, else None."""
    if one.doc == other.doc or (one.category, one.modality, one.negated) != (
        other.category, other.modality, other.negated,
    ):  # fmt: skip
        return None
    sides = ((one.source, other.source), (one.target, other.target))
    if any(mine and theirs and mine != theirs for mine, theirs in sides):
        return None
    same = [mine for mine, theirs in sides if mine and mine == theirs and not _coded(mine)]
    if not same:
        return None
    if one.location and other.location and fold(one.location) != fold(other.location):
        return None
    width = settings.event_days + 1
    mine, theirs = _narrow(one.dated, width), _narrow(other.dated, width)
    if mine is None or theirs is None or _apart(mine, theirs) > settings.event_days:
        return None
    place = f" in {one.location or other.location}" if one.location or other.location else ""
    return (
        f"same {one.category} by or to {', '.join(same)}{place}, {_apart(mine, theirs)} days apart"
    )
