"""Lexicons are data: YAML files packaged in ``fuente/data`` that an analyst can extend.

``load_lexicon("boilerplate", settings=s)`` reads ``fuente/data/boilerplate.yaml`` and, when the
``lexicon_dir`` setting names a folder holding a file of the same name, that file too. A
lexicon file is a mapping from section names to lists; a user's lists are appended to the
packaged ones, so a user adds entries without copying ours.
"""

from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from fuente.errors import ConfigError, message
from fuente.settings import Settings

__all__ = ["load_lexicon"]

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


@cache
def _load(name: str, lexicon_dir: str | None) -> dict[str, tuple[Any, ...]]:
    merged: dict[str, list[Any]] = {
        key: list(values)
        for key, values in _read(resources.files("fuente") / "data" / f"{name}.yaml").items()
    }
    if lexicon_dir is not None:
        extra = Path(lexicon_dir) / f"{name}.yaml"
        if extra.is_file():
            for key, values in _read(extra).items():
                merged.setdefault(key, []).extend(values)
    return {key: tuple(values) for key, values in merged.items()}


def load_lexicon(name: str, *, settings: Settings) -> dict[str, tuple[Any, ...]]:
    """The lexicon ``name``: packaged entries followed by the user's, read once per process."""
    return _load(name, settings.lexicon_dir)
