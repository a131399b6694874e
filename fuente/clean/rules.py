"""The layout stage's lexicons compiled once: ``boilerplate.yaml`` and ``outlets.yaml``.

The layout runs before an article's language is known (it is detected on the text the layout
leaves), and a page may carry its chrome in another language than its article, so the rules
are those of every language the reader works in (the ``languages`` setting) whose folder holds
a ``boilerplate.yaml``, the default language's first: a Spanish page loses its "Lee también"
and an English one its "Read more" whatever the language they are read in.

Every section of ``boilerplate.yaml`` is an alternation of patterns matched against a whole
paragraph; a section without a role of its own (``_SPECIAL``) is an exclusion reason, so a user
who adds a section adds a reason. ``outlets.yaml`` holds patterns with ``{outlet}`` and
``{person}`` slots, filled with its name sections.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache

from fuente.errors import ConfigError, message
from fuente.lexicon import DEFAULT_LANGUAGE, has_lexicon, load_lexicon, words
from fuente.settings import Settings

__all__ = ["LayoutRules", "layout_languages", "layout_rules"]

# Sections of boilerplate.yaml with a role of their own; every other section is a reason.
_SPECIAL = frozenset(
    {"support-appeal", "support-appeal-close", "link-list", "link-line", "comment-section",
     "tags-label", "datelines", "function-words"}
)  # fmt: skip
_NAME_SECTIONS = frozenset({"outlet-name", "person-name", "not-outlet"})
_NEVER = re.compile(r"(?!)")


@dataclass(frozen=True, slots=True)
class LayoutRules:
    """The lexicons compiled once: one pattern per section."""

    sections: dict[str, re.Pattern[str]]  # boilerplate sections, whole-paragraph patterns
    reasons: tuple[str, ...]  # boilerplate sections that exclude one paragraph each
    tags_label: re.Pattern[str]
    datelines: re.Pattern[str]
    function_words: frozenset[str]
    outlets: tuple[re.Pattern[str], ...]  # in order of preference
    not_outlet: re.Pattern[str]
    connectors: frozenset[str]  # small words inside an outlet's name ("Diario de la Costa")


def _join(lexicon: Mapping[str, Sequence[object]], key: str, *, name: str) -> str:
    """The entries of one lexicon section as one alternation, each checked to be a pattern."""
    entries = lexicon.get(key, ())
    for entry in entries:
        if not isinstance(entry, str):
            reason = f"section {key!r}: {entry!r} is not a string (quote it)"
            raise ConfigError(message("E034", path=f"{name}.yaml", reason=reason))
        try:
            re.compile(entry.replace("{outlet}", "x").replace("{person}", "x"))
        except re.error as error:
            reason = f"section {key!r}: pattern {entry!r} is not valid ({error})"
            raise ConfigError(message("E034", path=f"{name}.yaml", reason=reason)) from None
    return "|".join(f"(?:{entry})" for entry in entries) if entries else _NEVER.pattern


def _outlet_patterns(outlets: Mapping[str, Sequence[object]]) -> tuple[re.Pattern[str], ...]:
    """One pattern per kind of outlet line, in the order of ``outlets.yaml``."""
    outlet = _join(outlets, "outlet-name", name="outlets")
    person = _join(outlets, "person-name", name="outlets")
    patterns = []
    for key in [key for key in outlets if key not in _NAME_SECTIONS]:
        filled = _join(outlets, key, name="outlets").replace("{person}", f"(?:{person})")
        # each {outlet} gets a group of its own; the first that took part in a match is read
        first, *rest = filled.split("{outlet}")
        named = first + "".join(f"(?P<outlet{n}>{outlet}){part}" for n, part in enumerate(rest))
        patterns.append(re.compile(named, re.IGNORECASE))
    return tuple(patterns)


def layout_languages(settings: Settings, *, language: str = DEFAULT_LANGUAGE) -> tuple[str, ...]:
    """The languages whose lexicons the layout reads: the default one, each of ``languages``
    whose folder holds a boilerplate lexicon, and ``language``, in that order, once each."""
    shipped = (code for code in settings.languages if has_lexicon("boilerplate", language=code))
    return tuple(dict.fromkeys((DEFAULT_LANGUAGE, *shipped, language)))


def _merged(
    name: str, settings: Settings, languages: tuple[str, ...]
) -> dict[str, tuple[object, ...]]:
    """The lexicon ``name`` of each language, section by section, in the order given (a
    section keeps the place it has in the first language that has it); an entry read twice
    (a user's flat file extends every language) is kept once."""
    merged: dict[str, tuple[object, ...]] = {}
    for language in languages:
        for key, entries in load_lexicon(name, settings=settings, language=language).items():
            kept = merged.get(key, ())
            merged[key] = kept + tuple(entry for entry in entries if entry not in kept)
    return merged


@lru_cache(maxsize=16)
def layout_rules(settings: Settings, *, language: str = DEFAULT_LANGUAGE) -> LayoutRules:
    """Compile the boilerplate and outlet lexicons of these settings' ``layout_languages``
    (once per settings and language)."""
    languages = layout_languages(settings, language=language)
    boilerplate = _merged("boilerplate", settings, languages)
    outlets = _merged("outlets", settings, languages)
    connectors = frozenset().union(
        *(words("name-connectors", language=code) for code in languages
          if has_lexicon("words", language=code))
    )  # fmt: skip
    _join(boilerplate, "function-words", name="boilerplate")  # checked, not matched
    sections = {
        key: re.compile(_join(boilerplate, key, name="boilerplate"), re.IGNORECASE)
        for key in boilerplate
        if key not in ("function-words", "datelines")
    }
    tags_label = _join(boilerplate, "tags-label", name="boilerplate")
    return LayoutRules(
        sections=sections,
        reasons=tuple(key for key in sections if key not in _SPECIAL),
        tags_label=re.compile(rf"(?:{tags_label})\s*:\s*", re.IGNORECASE),
        datelines=re.compile(_join(boilerplate, "datelines", name="boilerplate")),
        function_words=frozenset(str(w).casefold() for w in boilerplate.get("function-words", ())),
        outlets=_outlet_patterns(outlets),
        not_outlet=re.compile(_join(outlets, "not-outlet", name="outlets"), re.IGNORECASE),
        connectors=connectors,
    )
