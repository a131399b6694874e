"""Times attached to what they qualify: the time of a statement, and the times inside it.

``attach_times(doc, attributions, times)`` links the two layers of one article. An
attribution gets the time expression that dates the act of saying ("Varga said on Monday
that …": Monday): one in its cue's sentence, outside what was said, that the parse hangs on
the cue as a time phrase ("said Monday", "said on Monday", "said in a statement on Monday").
A time expression inside an attribution's content ("… that the talks began in March") is
linked to the innermost attribution holding it, so the date belongs to that speaker's claim
and not to the article's own voice. Pure: records in, records out.
"""

from __future__ import annotations

import dataclasses
from bisect import bisect_right

from spacy.tokens import Doc, Token

from fuente.lexicon import words
from fuente.records import Attribution, TimeExpr

__all__ = ["DATED", "attach_times", "holding_attribution"]

DATED = ("DATE", "TIME")
STATEMENT = "statement"
CONTENT = "content"


def _token_at(doc: Doc, starts: list[int], char: int) -> Token | None:
    index = bisect_right(starts, char) - 1
    return doc[index] if 0 <= index < len(doc) else None


def _head_of(doc: Doc, starts: list[int], time: TimeExpr) -> Token | None:
    """The token of a time expression whose head lies outside it."""
    first = bisect_right(starts, time.start) - 1
    last = bisect_right(starts, max(time.start, time.end - 1)) - 1
    if first < 0:
        return None
    span = range(first, last + 1)
    for index in span:
        token = doc[index]
        if token.head.i not in span or token.head is token:
            return token
    return doc[first]


# Prepositions that put a time phrase on the act of saying ("said on Monday", "in a statement
# on Monday"); "since 2020" or "until March" span a state, not a moment of speech.
AT_PREPOSITIONS = words("at-prepositions")
OCCASION_PREPOSITIONS = words("occasion-prepositions")
DIRECT_LINKS = {"npadvmod", "advmod", "tmod"}


def _hangs_on(head: Token, cue: Token) -> bool:
    """Whether the parse makes the time phrase headed by ``head`` a modifier of ``cue``:
    "said Monday", "said on Monday", "said in a statement on Monday"."""
    if head.dep_ in DIRECT_LINKS:
        return head.head.i == cue.i
    if head.dep_ != "pobj" or head.head.lower_ not in AT_PREPOSITIONS:
        return False
    preposition = head.head
    if preposition.head.i == cue.i:
        return True
    occasion = preposition.head  # "a statement", "a news conference"
    return (
        occasion.dep_ == "pobj"
        and occasion.pos_ == "NOUN"
        and occasion.head.lower_ in OCCASION_PREPOSITIONS
        and occasion.head.head.i == cue.i
    )


def _statement_time(
    attribution: Attribution, candidates: list[TimeExpr], doc: Doc, starts: list[int]
) -> TimeExpr | None:
    if attribution.cue_start is None or attribution.cue_end is None:
        return None
    cue = _token_at(doc, starts, attribution.cue_start)
    if cue is None:
        return None
    sentence = cue.sent
    content = (attribution.content_start, attribution.content_end)
    outside = [
        t
        for t in candidates
        if sentence.start_char <= t.start < sentence.end_char
        and not (content[0] <= t.start < content[1])
    ]

    def distance(time: TimeExpr) -> int:
        return min(abs(time.start - attribution.cue_end), abs(time.end - attribution.cue_start))

    attached = []
    for time in outside:
        head = _head_of(doc, starts, time)
        if head is not None and _hangs_on(head, cue):
            attached.append(time)
    return min(attached, key=distance, default=None)


def holding_attribution(
    attributions: list[Attribution] | tuple[Attribution, ...], start: int, end: int
) -> Attribution | None:
    """The innermost attribution (a claim, not a non-response) whose content holds
    ``start:end``: whose claim words found there belong to."""
    holding = [
        a
        for a in attributions
        if a.kind != "non-response" and a.content_start <= start and end <= a.content_end
    ]
    return min(holding, key=lambda a: a.content_end - a.content_start, default=None)


def attach_times(
    doc: Doc, attributions: tuple[Attribution, ...], times: tuple[TimeExpr, ...]
) -> tuple[tuple[Attribution, ...], tuple[TimeExpr, ...]]:
    """The attributions with the time of each statement, and the time expressions with the
    attribution each dates (role ``statement``) or sits inside (role ``content``)."""
    if not attributions or not times or not len(doc):
        return attributions, times
    starts = [token.idx for token in doc]
    candidates = [t for t in times if t.type in DATED and not t.value.startswith("XXXX")]
    links: dict[tuple[int, int], tuple[str, str]] = {}
    dated = []
    for attribution in attributions:
        said = None
        if attribution.kind != "non-response":
            said = _statement_time(attribution, candidates, doc, starts)
        if said is None:
            dated.append(attribution)
            continue
        links[(said.start, said.end)] = (attribution.id, STATEMENT)
        dated.append(dataclasses.replace(attribution, time_start=said.start, time_end=said.end))
    linked = []
    for time in times:
        link = links.get((time.start, time.end))
        if link is None:
            holder = holding_attribution(attributions, time.start, time.end)
            link = (holder.id, CONTENT) if holder is not None else None
        if link is None:
            linked.append(time)
        else:
            linked.append(dataclasses.replace(time, attribution=link[0], role=link[1]))
    return tuple(dated), tuple(linked)
