"""Small facts about text that every stage reads the same way: folding, masking, tag splitting.

Each is computed here and nowhere else, so a name folded by the speaker resolver is the name
the web search folds, the text spaCy reads is blanked as the search index is, and the topic
words of a tags line are split as the layout decided they were a tags line:

* ``fold`` is the case-, accent- and spacing-insensitive form of a text ("São  Tomé" ->
  "sao tome"), with the typographic apostrophe as a straight one;
* ``mask`` blanks ranges of a text without moving any offset (same length; newlines kept
  unless asked otherwise);
* ``split_tags`` reads a line or a metadata value of topic words into tags.

Plain string work, no imports from the rest of fuente: any stage may use it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

__all__ = ["TAG_SEPARATORS", "fold", "mask", "split_tags"]

TAG_SEPARATORS = ",|;/·•"  # what parts the tags of a list-like line
_SEPARATOR = re.compile(f"[{re.escape(TAG_SEPARATORS)}]")


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower case, without accents, ’ as ', runs of whitespace as one space, no space at
    either end: "Díaz" -> "diaz", "São  Tomé" -> "sao tome"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def mask(text: str, ranges: Iterable[tuple[int, int]], *, keep: str = "\n") -> str:
    """``text`` with every character inside ``ranges`` turned into a space, except those in
    ``keep`` (newlines, unless told otherwise): same length, so offsets into the result are
    offsets into ``text``. Ranges may overlap and come in any order."""
    pieces: list[str] = []
    position = 0
    for start, end in sorted(ranges):
        start = max(start, position)
        if start >= end:
            continue
        pieces.append(text[position:start])
        pieces.append("".join(char if char in keep else " " for char in text[start:end]))
        position = end
    pieces.append(text[position:])
    return "".join(pieces)


def split_tags(text: str, *, words: bool = True, separators: str = TAG_SEPARATORS) -> list[str]:
    """The tags of a list of topic words: parted by ``separators`` when it has one
    ("central bank, Marovia" -> ["central bank", "Marovia"]), else, with ``words``, one tag a
    word ("politics Marovia" -> ["politics", "Marovia"]); without ``words`` such a text is
    one tag (a metadata value "central bank"). Metadata values are parted by commas alone
    (``separators=","``), so a tag such as "US/Canada" stays whole."""
    pattern = (
        _SEPARATOR if separators == TAG_SEPARATORS else re.compile(f"[{re.escape(separators)}]")
    )
    parts = text.split() if words and not pattern.search(text) else pattern.split(text)
    return [part.strip() for part in parts if part.strip()]
