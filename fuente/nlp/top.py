"""The top of an article: its title, deck and lead paragraph, where readers take the most from.

``top_parts`` is the one place that says where they are; the lead statements
(``fuente.attribution.lead``) and the main events (``fuente.events.lead``) read it.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Doc

from fuente.nlp.annotate import doc_text
from fuente.records import Field

__all__ = ["LEAD_WORDS", "top_parts"]

LEAD_WORDS = 8  # the fewest words of a line that is body text, not a dateline or a byline


def _lead_paragraph(doc: Doc, after: int) -> tuple[int, int] | None:
    """The first paragraph of body text starting at or after ``after``."""
    text = doc_text(doc)
    position = after
    for line in text[after:].split("\n"):
        if len(line.split()) >= LEAD_WORDS:
            start = position + len(line) - len(line.lstrip())
            return start, position + len(line.rstrip())
        position += len(line) + 1
    return None


def top_parts(doc: Doc, fields: Sequence[Field]) -> list[tuple[str, int, int]]:
    """``(part, start, end)`` of the title and deck the layout found and of the lead
    paragraph after them, in that order."""
    parts = [
        (f.name, f.start, f.end)
        for f in fields
        if f.name in {"title", "deck"} and f.start is not None and f.end is not None
    ]
    after = max((end for _, _, end in parts), default=0)
    lead = _lead_paragraph(doc, after)
    if lead is not None:
        parts.append(("lead", *lead))
    return parts
