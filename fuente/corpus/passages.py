"""Passages: the paragraphs of an article's own writing, as the syndication index sees them.

A passage is a line of the article's included text (boilerplate and other excluded ranges
blanked, so they are never compared) with at least ``MIN_WORDS`` words once direct
quotations are blanked too: two independent reports quoting the same statement share the
speaker's words, not the writer's, and must not look like copies. Its shingles are runs of
``SHINGLE`` folded words; its MinHash signature (datasketch) is cut into LSH bands, the keys
under which the index stores it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING

from fuente.text import fold, mask

if TYPE_CHECKING:
    from datasketch import MinHash, MinHashLSH

__all__ = ["Passage", "bands", "containment", "passages", "shingles"]

MIN_WORDS = 12
SHINGLE = 3
PERMUTATIONS = 64
THRESHOLD = 0.5  # the Jaccard similarity at which the LSH bands are tuned to find a pair
WORD = re.compile(r"\w+")
LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class Passage:
    start: int
    end: int
    shingles: frozenset[str]
    words: int


def shingles(text: str) -> frozenset[str]:
    """The runs of ``SHINGLE`` folded words of ``text``."""
    words = WORD.findall(fold(text))
    return frozenset(" ".join(words[i : i + SHINGLE]) for i in range(len(words) - SHINGLE + 1))


def passages(text: str, hidden: Iterable[tuple[int, int]]) -> list[Passage]:
    """The passages of ``text`` with the ``hidden`` ranges (excluded text, quotations)
    blanked; each keeps the offsets of its line in ``text``."""
    blanked = mask(text, hidden)
    found = []
    for line in LINE.finditer(blanked):
        words = len(WORD.findall(line.group()))
        if words >= MIN_WORDS:
            found.append(Passage(line.start(), line.end(), shingles(line.group()), words))
    return found


@cache
def _lsh() -> MinHashLSH:
    # datasketch (and the scipy it imports, a third of fuente's import time) is imported when
    # the first passage is banded: a worker process, which never bands one, starts without it
    from datasketch import MinHashLSH

    return MinHashLSH(threshold=THRESHOLD, num_perm=PERMUTATIONS)


@cache
def _template() -> MinHash:
    """A signature whose permutations every other one reuses: drawing them is most of the cost
    of a new MinHash, and the same seed draws the same ones."""
    from datasketch import MinHash

    return MinHash(num_perm=PERMUTATIONS, seed=1)


def bands(passage: Passage) -> list[tuple[int, bytes]]:
    """(band number, key) of the passage's MinHash signature under the LSH banding."""
    lsh = _lsh()
    from datasketch import MinHash  # imported by _lsh

    template = _template()
    signature = MinHash(
        num_perm=PERMUTATIONS, seed=1, permutations=template.permutations, scheme=template.scheme
    )
    signature.update_batch([shingle.encode("utf-8") for shingle in sorted(passage.shingles)])
    values = signature.hashvalues
    return [
        (number, values[start:end].tobytes()) for number, (start, end) in enumerate(lsh.hashranges)
    ]


def containment(part: frozenset[str], whole: frozenset[str]) -> float:
    """The share of ``part``'s shingles found in ``whole``."""
    return len(part & whole) / len(part) if part else 0.0
