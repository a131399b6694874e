"""The lexicons a source's words are read against, compiled once per ``lexicon_dir`` and
language: outlets (``fuente/data/outlets_known.yaml``), countries, sectors and the speakers' words
(``fuente/data/<code>/{countries,sectors,speakers}.yaml``), plus the user's ``lexicon_dir``; and
the matching of their phrases in a run of tokens, for ``fuente.actors.speakers``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

from spacy.tokens import Token

from fuente.lexicon import DEFAULT_LANGUAGE, has_lexicon, read_lexicon
from fuente.settings import Settings
from fuente.text import fold

__all__ = [
    "SpeakerLexicons", "bare_mention", "compiled", "has", "matches", "outlet_called",
    "outlet_name", "outlet_of", "phrase_key", "token_key",
]  # fmt: skip

QUOTES = "\"'“”‘’«»"
POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


@dataclass(frozen=True, slots=True)
class SpeakerLexicons:
    outlets: dict[str, tuple[str, bool]]  # alias key -> (canonical name, needs a capital)
    countries: dict[str, str]  # phrase key -> ISO code, "" for a phrase naming none
    capitalised: frozenset[str]  # country keys that only match text starting with a capital
    sectors: dict[str, str]  # phrase key -> sector
    words: dict[str, frozenset[str]]  # speakers.yaml sections
    numbers: dict[str, str]


def phrase_key(text: str) -> str:
    """The key of a lexicon phrase, as ``token_key`` keys its tokens joined by spaces."""
    return " ".join(token_key(word) for word in re.sub(r"-", " - ", text).split())


@lru_cache(maxsize=65536)
def token_key(text: str) -> str:
    return fold(text).replace(".", "")


def bare_mention(text: str) -> str:
    """``text`` without quotation marks, a leading "the" and a trailing possessive."""
    text = text.strip().strip(QUOTES + " ,.;:").strip()
    text = POSSESSIVE.sub("", text).strip(QUOTES + " ")
    return re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)


def _entries(
    lexicon: dict[str, tuple[object, ...]], *, with_names: bool = False
) -> Iterable[tuple[str, str]]:
    """``(section, entry)`` pairs; with ``with_names`` the section name is an entry too."""
    for section, values in lexicon.items():
        for value in (section, *values) if with_names else values:
            yield section, str(value)


@cache
def compiled(lexicon_dir: str | None, *, language: str = DEFAULT_LANGUAGE) -> SpeakerLexicons:
    """The lexicons of ``language`` (countries, sectors and, where it has them, the speakers'
    words), with the outlets every language shares."""
    outlets: dict[str, tuple[str, bool]] = {}
    for name, alias in _entries(
        read_lexicon("outlets_known", lexicon_dir=lexicon_dir), with_names=True
    ):
        outlets.setdefault(fold(bare_mention(alias)), (name, alias != alias.lower()))
    countries: dict[str, str] = {}
    capitalised: set[str] = set()
    for code, alias in _entries(
        read_lexicon("countries", lexicon_dir=lexicon_dir, language=language)
    ):
        key = phrase_key(bare_mention(alias))
        if key not in countries:
            countries[key] = "" if code == "none" else code
            if alias != alias.lower():
                capitalised.add(key)
    sectors: dict[str, str] = {}
    for sector, word in _entries(
        read_lexicon("sectors", lexicon_dir=lexicon_dir, language=language)
    ):
        sectors.setdefault(phrase_key(word), sector)
    speakers = {}
    if has_lexicon("speakers", language=language):
        speakers = read_lexicon("speakers", lexicon_dir=lexicon_dir, language=language)
    words = {key: frozenset(fold(str(v)) for v in values) for key, values in speakers.items()}
    numbers = dict(str(entry).split() for entry in speakers.get("count-numbers", ()))
    return SpeakerLexicons(outlets, countries, frozenset(capitalised), sectors, words, numbers)


def has(lexicons: SpeakerLexicons, section: str, word: str) -> bool:
    """Whether ``word`` is in ``section`` (whose words are folded: "líder" is "lider")."""
    entries = lexicons.words.get(section, frozenset())
    return word in entries or (not word.isascii() and fold(word) in entries)


def outlet_name(text: str, *, settings: Settings, language: str = DEFAULT_LANGUAGE) -> str | None:
    """The canonical name of the outlet ``text`` names ("the Times" -> The New York Times)."""
    return outlet_of(text, compiled(settings.lexicon_dir, language=language))


def outlet_called(name: str, *, lexicon_dir: str | None = None) -> str | None:
    """The canonical name of the outlet a record calls ``name`` (an article's outlet field,
    a name already read as an outlet's): a known outlet's name or alias, case and hyphens
    ignored ("nyt" and "The Times" are The New York Times); None when none is known."""
    outlets = compiled(lexicon_dir).outlets
    bare = fold(bare_mention(name))
    found = outlets.get(bare) or outlets.get(bare.replace("-", " "))
    return found[0] if found else None


def outlet_of(text: str, lexicons: SpeakerLexicons) -> str | None:
    bare = bare_mention(text)
    found = lexicons.outlets.get(fold(bare))
    if found is not None and (bare[:1].isupper() or not found[1]):
        return found[0]
    words = bare.split()
    if (
        len(words) >= 2
        and all(word[:1].isupper() for word in words)
        and fold(words[-1]) in lexicons.words.get("outlet_name_words", frozenset())
    ):
        named = " ".join(text.strip().strip(QUOTES + " ,.;:").split())
        return named if named[:1].isupper() else " ".join(words)
    return None


def matches(
    tokens: list[Token], lookup: dict[str, str], *, longest: int = 5
) -> list[tuple[int, int, str]]:
    """Non-overlapping ``(start, end, key)`` matches of lexicon phrases in ``tokens``.

    A phrase matches the tokens' words, or their words with the last one lemmatised ("rights
    groups" finds "rights group"), or without a plural "s" ("Venezuelans"). A phrase of two
    words or more is tried only where its first word stands (``_openings``).
    """
    openings, widest = _openings(lookup)
    texts = [token_key(t.text) for t in tokens]
    found, i = [], 0
    while i < len(tokens):
        top = min(longest, widest, len(tokens) - i)
        if texts[i] not in openings and texts[i] and " " not in texts[i]:
            top = min(top, 1)
        for size in range(top, 0, -1):
            words = tokens[i : i + size]
            keys = [" ".join(texts[i : i + size])]
            keys.append(" ".join([*keys[0].split()[:-1], token_key(words[-1].lemma_)]))
            keys += [key[:-1] for key in keys if key.endswith("s")]
            key = next((key for key in keys if key in lookup), None)
            if key is not None:
                found.append((words[0].i, words[-1].i + 1, key))
                i += size - 1
                break
        i += 1
    return found


_OPENINGS: dict[int, tuple[dict[str, str], int, frozenset[str], int]] = {}


def _openings(lookup: dict[str, str]) -> tuple[frozenset[str], int]:
    """The first words of ``lookup``'s phrases and its longest phrase's length in words, worked
    out once per lexicon (and again should it grow)."""
    kept = _OPENINGS.get(id(lookup))
    if kept is None or kept[0] is not lookup or kept[1] != len(lookup):
        firsts = frozenset(key.split(" ", 1)[0] for key in lookup)
        widest = max((key.count(" ") + 1 for key in lookup), default=0)
        kept = _OPENINGS[id(lookup)] = (lookup, len(lookup), firsts, widest)
    return kept[2], kept[3]
