"""An article's metadata merged: what its layout found in the text and what was given outside it.

``metadata_fields`` lists both as ``Field`` records (the layout's first), and
``article_document`` makes the ``Document`` record, where a value given outside the text (front
matter, a sidecar, a JSON Lines field) wins over the one the layout found. The document date
comes from the times stage; this module takes it as plain values and imports no stage above.
"""

from __future__ import annotations

import hashlib
from typing import Protocol

from fuente.records import Document, Field, Layout, RawArticle
from fuente.text import split_tags

__all__ = ["METADATA", "DocumentDate", "article_document", "content_hash", "metadata_fields"]

METADATA = "metadata"  # the version of a field given outside the text


class DocumentDate(Protocol):
    """A document date as the times stage gives it (``fuente.times.published.Published``)."""

    @property
    def value(self) -> str | None: ...
    @property
    def inferred(self) -> bool: ...
    @property
    def earliest(self) -> str | None: ...
    @property
    def latest(self) -> str | None: ...


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def metadata_fields(raw: RawArticle, layout: Layout) -> tuple[Field, ...]:
    """Metadata fields: those the layout found in the text, then those given outside it."""
    found = [f for f in (layout.tags, layout.title, layout.deck, layout.outlet) if f is not None]
    given = [
        Field(
            raw.id,
            name,
            ", ".join(value) if isinstance(value, list) else str(value),
            None,
            None,
            METADATA,
        )
        for name, value in raw.meta.items()
        if value not in (None, "", [])
    ]
    return tuple(found + given)


def article_document(
    raw: RawArticle,
    layout: Layout,
    *,
    language: str | None,
    published: DocumentDate,
    version: str,
    warnings: tuple[str, ...] = (),
) -> Document:
    """The ``Document`` record of ``raw``: the given metadata, else the layout's, with its date
    and the reader's ``warnings`` followed by ``warnings``."""
    meta = raw.meta

    def pick(name: str, field: Field | None) -> str | None:
        value = meta.get(name)
        if value not in (None, ""):
            return str(value)
        return field.value if field is not None else None

    tags = meta.get("tags") or (split_tags(layout.tags.value) if layout.tags else [])
    if isinstance(tags, str):
        tags = split_tags(tags)
    return Document(
        id=raw.id,
        path=raw.path,
        format=raw.format,
        text=raw.text,
        content_hash=content_hash(raw.text),
        version=version,
        url=meta.get("url"),
        title=pick("title", layout.title),
        deck=pick("deck", layout.deck),
        tags=tuple(str(tag) for tag in tags),
        outlet=pick("outlet", layout.outlet),
        language=language,
        published=published.value,
        published_inferred=published.inferred,
        published_earliest=published.earliest,
        published_latest=published.latest,
        raw=raw.raw,
        warnings=raw.warnings + warnings,
    )
