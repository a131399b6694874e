"""Metadata under fuente's keys: the fields an article's file, front matter, page, sidecar, JSON
Lines record or manifest row gives, under whatever names they use, normalised by
``normalise_meta``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from fuente.text import split_tags

__all__ = ["normalise_meta"]

# Each normalised key, and the names it may be given under, in order of preference.
_META_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "deck": ("deck", "description", "subtitle"),
    "tags": ("tags", "categories", "keywords"),
    "outlet": ("outlet", "sitename", "site_name", "publisher"),
    "url": ("url",),
    "published": ("published", "date", "publication_date"),
    "language": ("language", "lang"),
    "author": ("author", "authors"),
}


def _scalar(value: object) -> str | None:
    """A metadata value as one string; dates in ISO form; a list of names joined with '; '."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, dt.date):  # also datetime
        return value.isoformat()
    if isinstance(value, str | int | float):
        return str(value).strip() or None
    if isinstance(value, list | tuple):
        parts = [part for part in map(_scalar, value) if part]
        return "; ".join(parts) if parts and len(parts) == len(value) else None
    return None


def _tags(value: object) -> list[str]:
    """Tags from a list, or from a comma-separated string."""
    items = value if isinstance(value, list | tuple) else [value]
    scalars = (_scalar(item) for item in items if not isinstance(item, list | tuple | dict))
    return [
        tag for text in scalars if text for tag in split_tags(text, words=False, separators=",")
    ]


def normalise_meta(given: Mapping[Any, Any]) -> dict[str, Any]:
    """Metadata under fuente's keys, only those present; ``tags`` is a list of strings.

    Common other names are understood (``date`` for ``published``, ``description`` for
    ``deck``, ``sitename`` for ``outlet``, ``categories`` and ``keywords`` for ``tags``, ...);
    values that are not text, numbers, dates or lists of them are left out.
    """
    meta: dict[str, Any] = {}
    for name, keys in _META_KEYS.items():
        if name == "tags":
            tags = [tag for key in keys for tag in _tags(given.get(key))]
            if tags:
                meta[name] = list(dict.fromkeys(tags))
            continue
        value = next((found for key in keys if (found := _scalar(given.get(key)))), None)
        if value is not None:
            meta[name] = value
    return meta
