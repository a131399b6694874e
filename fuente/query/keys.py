"""Stable addresses for speakers and actors across documents.

Speakers are stored per document (``DOC#s3``); a dossier gathers the same one across
documents. Its key is a group and a slug: ``named/<name>`` for a named speaker (a person, an
organisation, an outlet, a document) and for a named entity of the same name, who may never
speak; ``unnamed/<description>`` for an unnamed source ("a source briefed on the talks" and
"the source briefed on the talks" are one); ``author/<document>`` for an article's own voice;
``actor/<id>`` for a corpus-wide actor (``fuente actors``), whose dossier gathers every name
linked to it, as a ``named/`` key's does when its names are linked to one actor. A slug is
lower case, without accents, words joined by hyphens.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import quote

from fuente.lexicon import words
from fuente.records import NAMED_KINDS, Speaker
from fuente.text import fold

__all__ = ["GROUPS", "dossier_path", "entity_key", "slug", "speaker_group", "speaker_key"]

GROUPS = ("named", "unnamed", "author", "actor")  # actor/<id>: a corpus-wide actor
LEADING_ARTICLES = words("articles")  # dropped before a slug's other words: "the-ministry"
NOT_WORD = re.compile(r"[\W_]+")


def slug(text: str) -> str:
    """ "The Interior Ministry" -> "interior-ministry"; "Álvarez" -> "alvarez"."""
    words = [word for word in NOT_WORD.split(fold(text)) if word]
    if len(words) > 1 and words[0] in LEADING_ARTICLES:
        words = words[1:]
    if not words:
        return "x" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:10]
    return "-".join(words)


def speaker_group(kind: str | None) -> str | None:
    """``named``, ``unnamed`` or ``author`` for a speaker kind; None for an unknown one."""
    if kind in NAMED_KINDS:
        return "named"
    if kind in ("unnamed", "author"):
        return kind
    return None


def speaker_key(speaker: Speaker) -> str:
    """The dossier key of a speaker: ``named/tomas-varga``, ``unnamed/one-of-the-diplomats``."""
    group = speaker_group(speaker.kind) or "named"
    if group == "author":
        return f"author/{slug(speaker.doc)}"
    if group == "unnamed":
        return f"unnamed/{slug(speaker.description or speaker.name)}"
    return f"named/{slug(speaker.name)}"


def entity_key(name: str) -> str:
    """The dossier key of a named entity: the key a named speaker of that name has."""
    return f"named/{slug(name)}"


def dossier_path(key: str) -> str:
    """The web address of a dossier, percent-encoded."""
    return "/speaker/" + quote(key, safe="/")
