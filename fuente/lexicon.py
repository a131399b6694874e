"""Lexicons are data: YAML files packaged in ``fuente/data`` that an analyst can extend.

A language is a folder: ``fuente/data/<code>/`` (``en``: the only one today) holds that
language's words, and ``fuente/data/`` itself the lexicons every language shares (proper names:
known actors and outlets). ``load_lexicon("cues", settings=s)`` reads, in this order and
skipping files that are not there, ``fuente/data/cues.yaml``, ``fuente/data/en/cues.yaml``
and, when the ``lexicon_dir`` setting names a folder, its ``cues.yaml`` and ``en/cues.yaml``; so a
user's flat file extends every language and a file under a code extends that language.
A lexicon file is a mapping from section names to lists; later lists are appended to earlier
ones, so a user adds entries without copying ours. Adding a language is adding a folder, and
a pipeline for it in the ``models`` setting: ``fuente.pipeline`` runs on an article each layer
whose lexicons its language's folder holds (``has_lexicon``), and leaves the others off.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from fuente.errors import ConfigError, message
from fuente.settings import Settings

__all__ = [
    "DEFAULT_LANGUAGE", "has_lexicon", "lexicon_language", "load_lexicon", "read_lexicon", "words",
]  # fmt: skip

# the language whose words a stage reads unless it is told another
DEFAULT_LANGUAGE = "en"

# libyaml's parser where PyYAML was built with it: the known-actors file reads ten times faster
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read(path: Path | Any) -> dict[str, list[Any]]:
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER) or {}
    except (OSError, yaml.YAMLError) as error:
        raise ConfigError(message("E034", path=path, reason=error)) from None
    if not isinstance(data, dict) or not all(isinstance(v, list) for v in data.values()):
        raise ConfigError(message("E034", path=path, reason="expected a mapping of lists"))
    return data


def _packaged() -> Any:
    """The root of the packaged lexicons (a function, so a test can point it elsewhere)."""
    return resources.files("fuente") / "data"


def has_lexicon(name: str, *, language: str) -> bool:
    """Whether fuente ships the lexicon ``name`` for ``language`` (``fuente/data/<code>/``):
    the switch that turns on, for a language, a layer that reads that lexicon."""
    return (_packaged() / language / f"{name}.yaml").is_file()


@cache
def lexicon_language(language: str, *, name: str) -> str:
    """``language`` when fuente ships its lexicon ``name``, else ``DEFAULT_LANGUAGE``: the
    language a rule reads a Doc's words in (a Doc made in a test by hand has none)."""
    return language if language and has_lexicon(name, language=language) else DEFAULT_LANGUAGE


@cache
def read_lexicon(
    name: str, *, lexicon_dir: str | None, language: str = DEFAULT_LANGUAGE
) -> dict[str, tuple[Any, ...]]:
    """The lexicon ``name`` in ``language``: packaged entries, then the user's; read once.

    Cached on the three strings, so a stage that compiles a lexicon can cache on
    ``lexicon_dir`` and ``language`` without building a ``Settings``.
    """
    root = _packaged()
    packaged = [root / f"{name}.yaml", root / language / f"{name}.yaml"]
    files = [path for path in packaged if path.is_file()]
    if not files:
        # neither shared nor in this language: report the language's file, as the one to add
        files = [packaged[1]]
    if lexicon_dir is not None:
        extra = Path(lexicon_dir)
        files += [
            p for p in (extra / f"{name}.yaml", extra / language / f"{name}.yaml") if p.is_file()
        ]
    merged: dict[str, list[Any]] = {}
    for path in files:
        for key, values in _read(path).items():
            merged.setdefault(key, []).extend(values)
    return {key: tuple(values) for key, values in merged.items()}


def load_lexicon(
    name: str, *, settings: Settings, language: str = DEFAULT_LANGUAGE
) -> dict[str, tuple[Any, ...]]:
    """The lexicon ``name`` in ``language`` under ``settings`` (its ``lexicon_dir``)."""
    return read_lexicon(name, lexicon_dir=settings.lexicon_dir, language=language)


def words(section: str, *, language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """A closed list of ``language``'s words: ``section`` of ``fuente/data/<code>/words.yaml``.

    Grammar words (articles, pronouns, prepositions, titles), read from the packaged language
    folder only; a section that is not there is an error, not an empty set.
    """
    lexicon = read_lexicon("words", lexicon_dir=None, language=language)
    if section not in lexicon:
        reason = f"no section {section!r}"
        raise ConfigError(message("E034", path=f"{language}/words.yaml", reason=reason))
    return frozenset(str(word) for word in lexicon[section])
