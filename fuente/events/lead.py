"""The article's main events: what its headline and its lead sentence say happened.

An analyst listing what a pile of articles is about wants one event an article: the one its
headline reports, and the one its lead sentence opens with. ``mark_lead`` marks them
(``Event.lead``): in the title, and in the first sentence of the lead paragraph
(``fuente.nlp.top``; a sentence of four words or more, not a dateline's fragment), the event
of the main clause, the one whose words stand highest in the sentence's tree (the first in the
text on a tie); every record of that event (one per pair of its sides) is marked. A part with
no event marks none: no event of a later sentence stands in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Doc

from fuente.nlp.top import top_parts
from fuente.records import Event, Field

__all__ = ["depth", "main_clause", "mark_lead"]

LEAD_PARTS = ("title", "lead")
SENTENCE_WORDS = 4  # the fewest words of the lead's first sentence (not a dateline's "PORT")
DEEPEST = 99  # the depth of words the tree cannot place


def depth(doc: Doc, event: Event) -> int:
    """How many steps the event's words stand below the root of their sentence."""
    span = doc.char_span(event.start, event.end, alignment_mode="expand")
    if span is None:
        return DEEPEST
    token, steps = span.root, 0
    while token.head.i != token.i and steps < DEEPEST:
        token, steps = token.head, steps + 1
    return steps


def main_clause(doc: Doc, events: Sequence[Event]) -> list[Event]:
    """The records of the main-clause event among ``events`` (those of one sentence): the
    event whose words stand highest in the tree, the first in the text on a tie."""
    if not events:
        return []
    chosen = min(events, key=lambda e: (depth(doc, e), e.start))
    return [e for e in events if (e.start, e.end) == (chosen.start, chosen.end)]


def mark_lead(doc: Doc, events: Sequence[Event], fields: Sequence[Field]) -> tuple[Event, ...]:
    """``events`` with the main event of the title and of the lead sentence marked ``lead``."""
    if not events or not doc.has_annotation("DEP"):
        return tuple(events)
    marked: set[str] = set()
    for part, start, end in top_parts(doc, fields):
        if part not in LEAD_PARTS:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        sentences = [] if span is None else list(span.sents)
        if part == "lead":
            whole = [s for s in sentences if sum(t.is_alpha for t in s) >= SENTENCE_WORDS]
            sentences = whole[:1]
        for sentence in sentences:
            inside = [
                e for e in events if sentence.start_char <= e.start and e.end <= sentence.end_char
            ]
            if inside:
                marked.update(e.id for e in main_clause(doc, inside))
                break
    return tuple(replace(e, lead=True) if e.id in marked else e for e in events)
