"""Text from articles made safe to print on a terminal.

An article or its metadata may hold what a terminal obeys rather than shows: escape sequences
that set the window title (OSC), clear the screen or colour the text (CSI), other C0 and C1
control characters, and the bidirectional overrides and isolates that reorder what a reader
sees. ``printable`` removes the sequences whole and the other controls one by one, and shows
each bidirectional control as its code point (``<U+202E>``), so nothing an article holds can
act on the terminal or hide from the reader.

``printable_text`` does the same for a text that offsets index (the document ``show`` marks),
and says where each offset of the original lands in what is printed.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

__all__ = ["Printable", "printable", "printable_text"]

# ESC or its C1 form, then what the terminal reads as one sequence. A string sequence (OSC,
# DCS, SOS, PM, APC) runs to BEL or ST; one never terminated is not matched here, and only its
# opening control is removed, so the text after it stays visible.
_SEQUENCE = r"""
    (?:\x1b\[|\x9b) [\x30-\x3f]*+ [\x20-\x2f]*+ [\x40-\x7e]      # CSI: colours, cursor, clearing
  | (?:\x1b[\]PX^_]|[\x90\x98\x9d\x9e\x9f]) [^\x07\x1b\x80-\x9f]*+ (?:\x07|\x1b\\|\x9c)
  | \x1b [\x20-\x2f]*+ [\x30-\x7e]                               # any other escape sequence
"""
# Embeddings, overrides (U+202A-U+202E) and isolates (U+2066-U+2069). The marks U+200E and
# U+200F are left as they are: they are common in right-to-left text and reorder nothing but
# the punctuation beside them.
_BIDI = "\u202a-\u202e\u2066-\u2069"
_UNSAFE = re.compile(
    rf"(?P<sequence>{_SEQUENCE})|(?P<bidi>[{_BIDI}])|(?P<control>[\x00-\x1f\x7f-\x9f])",
    re.VERBOSE,
)


def _replacement(found: re.Match[str], *, lines: bool) -> str:
    if found["sequence"]:
        return ""
    if found["bidi"]:
        return f"<U+{ord(found[0]):04X}>"
    if found[0] in "\n\t":
        return found[0] if lines else " "
    return " " if found[0] == "\r" and not lines else ""


def printable(text: str, *, lines: bool = False) -> str:
    """``text`` with escape sequences and control characters removed and bidirectional
    controls shown as ``<U+XXXX>``.

    With ``lines``, line feeds and tabs are kept (a carriage return is dropped); without, they
    and carriage returns become spaces, so the text stays on one line.
    """
    return _UNSAFE.sub(lambda found: _replacement(found, lines=lines), text)


@dataclass(frozen=True, slots=True)
class Printable:
    """A text made printable, and how to find an offset of the original in it."""

    text: str
    starts: tuple[int, ...]  # where each change begins in the original, in order
    changes: tuple[tuple[int, int, int], ...]  # its end there, its start here, the shift after

    def at(self, offset: int) -> int:
        """Where ``offset`` of the original text lands in ``text``; an offset inside a removed
        or replaced part lands where that part's replacement begins."""
        index = bisect_right(self.starts, offset) - 1
        if index < 0:
            return offset
        end, start, shift = self.changes[index]
        return start if offset < end else offset + shift


def printable_text(text: str) -> Printable:
    """``printable(text, lines=True)``, with the offset map that keeps marks on their words."""
    pieces: list[str] = []
    starts: list[int] = []
    changes: list[tuple[int, int, int]] = []
    shift = done = 0
    for found in _UNSAFE.finditer(text):
        replacement = _replacement(found, lines=True)
        if replacement == found[0]:
            continue
        pieces.append(text[done : found.start()])
        start = found.start() + shift
        shift += len(replacement) - (found.end() - found.start())
        starts.append(found.start())
        changes.append((found.end(), start, shift))
        pieces.append(replacement)
        done = found.end()
    pieces.append(text[done:])
    return Printable("".join(pieces), tuple(starts), tuple(changes))
