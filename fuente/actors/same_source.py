"""Whether a later mention of a source ("the official") is a source met earlier ("one
Venezuelan official"), from what ``fuente.actors.speakers.describe_source`` says of each."""

from __future__ import annotations

import re

from fuente.actors.speakers import DEFINITE, SourceInfo
from fuente.lexicon import words
from fuente.text import fold

__all__ = ["same_source"]

# How a later mention opens: "the official" may be one met before (DEFINITE); "another
# official" is not; "an official" is only when described in the very same words.
DIFFERENT = words("different-openers")
INDEFINITE = words("indefinite-openers")


def _words(text: str) -> list[str]:
    return re.findall(r"[\w'-]+", fold(text))


def _same_noun(one: str, other: str) -> bool:
    """Whether two words are one noun, singular or plural ("official", "officials")."""
    return any(a in {b, b + "s", b + "es"} for a, b in ((one, other), (other, one)))


def _numbers_agree(later: str | None, earlier: str | None) -> bool:
    """Singular against plural never agree; nor do two different numerals."""
    if later is None or earlier is None:
        return True
    if (later == "1") != (earlier == "1"):
        return False
    return later == earlier or not (later.isdigit() and earlier.isdigit())


def _same_description(later: SourceInfo, earlier: SourceInfo) -> bool:
    """A later description of the same unnamed source or document: "the official"."""
    if not _same_noun(later.head, earlier.head) or not _numbers_agree(later.count, earlier.count):
        return False
    pairs = ((later.country, earlier.country), (later.sector, earlier.sector))
    if any(one is not None and other is not None and one != other for one, other in pairs):
        return False
    words = _words(later.description or later.name)
    earlier_words = _words(earlier.description or earlier.name)
    if DIFFERENT & set(words):
        return False
    if words and (words[0] in INDEFINITE or words[0].isdigit()):
        return words == earlier_words
    own = {w for w in words if not _same_noun(w, later.head)} - DEFINITE
    return own <= set(earlier_words)


def same_source(later: SourceInfo, earlier: SourceInfo) -> bool:
    """Whether ``later`` mentions the same source as ``earlier``.

    Named sources match by name (a surname matches the full name), outlets by canonical
    name, the author always; unnamed sources and documents by head noun, number and
    affiliation, a definite later mention ("the commander") matching a fuller earlier one
    ("a former Venezuelan military commander"). Pronouns never do: resolving them is the
    extractor's job.
    """
    if later.kind != earlier.kind or later.kind == "pronoun":
        return False
    if later.kind == "author":
        return True
    if later.kind in {"unnamed", "document"}:
        return _same_description(later, earlier)
    short, full = _words(later.name), _words(earlier.name)
    if later.kind == "person" and 0 < len(short) < len(full):
        return full[-len(short) :] == short
    return short == full
