"""The events lexicon compiled for lookup: which words carry which PLOVER category and mode.

``fuente/data/<code>/events.yaml`` (plus the user's ``lexicon_dir``) maps lemmas and phrases to
categories; its lower-case sections hold the qualifier words (negation, modality, light
verbs, prepositions). ``event_lexicon(settings)`` reads it once per ``lexicon_dir`` into an
``EventLexicon``: patterns keyed by their first word, longest first, and word sets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from fuente.errors import ConfigError, message
from fuente.lexicon import DEFAULT_LANGUAGE, read_lexicon
from fuente.settings import Settings

__all__ = ["CATEGORIES", "PARTS", "EventLexicon", "Pattern", "event_lexicon"]

# PLOVER's current event categories (PLOVER_MANUAL.tex), in the codebook's order.
CATEGORIES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)  # fmt: skip
PARTS = {"noun": frozenset({"NOUN", "PROPN"}), "verb": frozenset({"VERB"})}
ANY_PART = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
RESTRICTION = re.compile(r"\s*\((noun|verb)\)\s*$")
WORD_SETS = (
    "negation", "negating", "planned", "threatened", "hypothetical", "denied", "future",
    "light-verbs", "not-events", "questions", "target-prepositions", "location-prepositions",
    "undergoing", "actor-nouns", "occurrence", "not-at-prepositions", "obligation",
    "generic-heads", "measures", "conditions", "conditioned", "reciprocal",
    "partner-prepositions", "purpose-prepositions", "withdrawals", "stative-passives",
    "participation", "purposed", "place-recipients", "commissive", "attempts", "executive",
    "partitives", "state-verbs", "foreigners", "place-nouns", "name-labels", "object-markers",
    "agent-prepositions", "of-prepositions", "object-senses", "complement-senses",
    "kind-modifiers", "act-words", "generic-determiners", "verbal-attacks", "governing",
    "object-governing",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Pattern:
    """Words that carry an event: ``words[0]`` is a lemma, the rest follow it in order."""

    words: tuple[str, ...]
    parts: frozenset[str]
    category: str
    mode: str | None


@dataclass(frozen=True, slots=True)
class EventLexicon:
    patterns: dict[str, tuple[Pattern, ...]]  # first word -> patterns, longest first
    words: dict[str, frozenset[str]]  # qualifier sections
    planned_as: dict[str, str]  # category -> category of the same event in the future
    negated_as: dict[str, str]  # category -> category of the same event said not to happen
    refused_as: dict[str, str]  # category -> category of the same event refused
    hypothetical_as: dict[str, str]  # category -> category of the same event as a possibility
    object_as: dict[tuple[str, str], tuple[str, str | None]]  # (verb, object) -> coding
    object_verbs: frozenset[str]  # the verbs of ``object_as``
    idioms: dict[str, tuple[tuple[str, ...], ...]]  # first word -> phrases of no event

    def has(self, section: str, word: str) -> bool:
        return word in self.words.get(section, frozenset())


def _pattern(section: str, entry: str) -> Pattern:
    category, _, mode = section.partition("/")
    if category not in CATEGORIES:
        raise ConfigError(
            message("E034", path="events.yaml", reason=f"unknown PLOVER category {category!r}")
        )
    restriction = RESTRICTION.search(entry)
    parts = PARTS[restriction[1]] if restriction else ANY_PART
    # the tokenizer splits hyphenated words: "sit-in" is met as "sit", "-", "in"
    words = tuple(RESTRICTION.sub("", entry).lower().replace("-", " - ").split())
    return Pattern(words, parts, category, mode or None)


@cache
def _compile(lexicon_dir: str | None, language: str) -> EventLexicon:
    lexicon = read_lexicon("events", lexicon_dir=lexicon_dir, language=language)
    found: dict[str, list[Pattern]] = {}
    for section, entries in lexicon.items():
        if section.lower() == section:
            continue
        for entry in entries:
            pattern = _pattern(section, str(entry))
            if pattern.words:
                found.setdefault(pattern.words[0], []).append(pattern)
    patterns = {
        word: tuple(sorted(group, key=lambda p: (-len(p.words), p.parts == ANY_PART)))
        for word, group in found.items()
    }
    words = {
        section: frozenset(str(word).lower() for word in lexicon.get(section, ()))
        for section in WORD_SETS
    }
    object_as = {}
    for entry in lexicon.get("object-as", ()):
        verb, thing, coding = [*str(entry).split(), "", "", ""][:3]
        category, _, mode = coding.partition("/")
        if category in CATEGORIES:
            object_as[verb.lower(), thing.lower()] = (category, mode or None)
    return EventLexicon(
        patterns,
        words,
        _recoding(lexicon, "planned-as"),
        _recoding(lexicon, "negated-as"),
        _recoding(lexicon, "refused-as"),
        _recoding(lexicon, "hypothetical-as"),
        object_as,
        frozenset(verb for verb, _ in object_as),
        _phrases(lexicon, "idioms"),
    )


def _phrases(lexicon: dict[str, tuple[object, ...]], section: str) -> dict[str, tuple]:
    """A section's phrases as word tuples keyed by their first word, longest first."""
    found: dict[str, list[tuple[str, ...]]] = {}
    for entry in lexicon.get(section, ()):
        words = tuple(str(entry).lower().replace("-", " - ").split())
        if words:
            found.setdefault(words[0], []).append(words)
    return {word: tuple(sorted(group, key=len, reverse=True)) for word, group in found.items()}


def _recoding(lexicon: dict[str, tuple[object, ...]], section: str) -> dict[str, str]:
    """``CATEGORY AS`` entries of a section as a mapping."""
    found = {}
    for entry in lexicon.get(section, ()):
        before, _, after = str(entry).partition(" ")
        if before in CATEGORIES and after.strip() in CATEGORIES:
            found[before] = after.strip()
    return found


def event_lexicon(settings: Settings, *, language: str = DEFAULT_LANGUAGE) -> EventLexicon:
    """The compiled events lexicon of ``language``: packaged entries followed by the user's."""
    return _compile(settings.lexicon_dir, language)
