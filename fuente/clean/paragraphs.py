"""An article cut into paragraphs: the units the layout stage reads and excludes.

A paragraph is a line, or a block of hard-wrapped lines read as one. Each keeps its span in
the text (the text is never changed) and two forms to match against: ``flat``, the same
length as the span with straight quotes and spaces for line breaks, and ``norm``, with runs of
whitespace made one space.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

__all__ = ["WRAP_WIDTH", "Paragraph", "headline_like", "last_char", "paragraphs"]

WRAP_WIDTH = 100  # lines of hard-wrapped prose are at most this long

_FLAT = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "\n": " ", "\r": " ", "\t": " ", "\xa0": " "}
)
_CLOSERS = "\"')]»*"


@dataclass(frozen=True, slots=True)
class Paragraph:
    """One paragraph: its span in the text and two matching forms of its words."""

    start: int
    end: int
    flat: str  # text[start:end] with straight quotes and spaces for line breaks (same length)
    norm: str  # ``flat`` with runs of whitespace made one space
    words: int
    wrapped: bool  # several hard-wrapped lines read as one paragraph


def _is_wrapped(text: str, lines: Sequence[tuple[int, int]]) -> bool:
    """Whether a block of lines is one hard-wrapped paragraph rather than a line per paragraph.

    Wrapped prose has lines of nearly even width, and most of its breaks fall mid-sentence.
    """
    if len(lines) < 2:
        return False
    lengths = [end - start for start, end in lines]
    widest = max(lengths)
    if widest > WRAP_WIDTH or min(lengths[:-1]) < max(40, 0.6 * widest):
        return False
    running_on = sum(
        1 for (_, end), (start, _) in pairwise(lines)
        if text[start].islower() or text[end - 1] in ",;-"
    )  # fmt: skip
    return 2 * running_on >= len(lines) - 1


def _paragraph(text: str, start: int, end: int, *, wrapped: bool) -> Paragraph:
    flat = text[start:end].translate(_FLAT)
    norm = " ".join(flat.split())
    return Paragraph(start, end, flat, norm, norm.count(" ") + 1, wrapped)


def paragraphs(text: str, start: int) -> list[Paragraph]:
    """The paragraphs of ``text`` from ``start``: lines grouped in blocks at blank lines, a
    block one paragraph when it is hard-wrapped prose, else one paragraph per line."""
    found: list[Paragraph] = []
    block: list[tuple[int, int]] = []  # spans of the block's lines, stripped
    position = start
    for line in [*text[start:].split("\n"), ""]:
        content = line.strip()
        if content:
            left = position + len(line) - len(line.lstrip())
            block.append((left, left + len(content)))
        elif block:
            # a title (and deck) line may sit right on top of a wrapped paragraph
            lead = next((n for n in range(3) if _is_wrapped(text, block[n:])), len(block))
            found.extend(
                _paragraph(text, first, last, wrapped=False) for first, last in block[:lead]
            )
            if lead < len(block):
                found.append(_paragraph(text, block[lead][0], block[-1][1], wrapped=True))
            block = []
        position += len(line) + 1
    return found


def last_char(norm: str) -> str:
    """The last character of a paragraph that is not a closing quote or bracket."""
    stripped = norm.rstrip(_CLOSERS)
    return stripped[-1] if stripped else ""


def headline_like(paragraph: Paragraph, *, limit: int) -> bool:
    """A single short line that does not end like a sentence or a lead-in."""
    return (
        not paragraph.wrapped
        and paragraph.words <= limit
        and any(char.isalpha() for char in paragraph.norm)
        and last_char(paragraph.norm) not in ".:;,…"
    )
