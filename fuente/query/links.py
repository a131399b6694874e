"""The web addresses records are shown at: an article (at one of its records), a dossier,
a claim across articles.

``speaker_dict`` is a speaker's row with the address of its dossier.

They are plain text built from ids, so the read model can give them to every reader; the
web UI serves them. See ``fuente.web.app`` for the rule on articles' addresses.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from fuente.query.attributions import speaker_row
from fuente.query.keys import dossier_path
from fuente.records import Speaker

__all__ = ["CLAIM_PREFIX", "anchor_of", "article_path", "claim_path", "speaker_dict"]

CLAIM_PREFIX = "claim:"  # every claim id starts so (``fuente.corpus.claims``)


def anchor_of(record_id: str) -> str:
    """The element id for a record: ``DOC#a3`` -> ``a3``."""
    return record_id.rsplit("#", 1)[-1]


def _encoded(record_id: str) -> str:
    """An id percent-encoded (``/`` too), a final ``.json`` with its dot encoded
    (``a%2Ejson``), so that the address is not taken for the JSON twin of ``a``."""
    path = quote(record_id, safe="")
    if path.endswith(".json"):
        path = path[: -len(".json")] + "%2Ejson"
    return path


def article_path(doc: str, anchor: str | None = None) -> str:
    """The web address of an article, percent-encoded (``/`` too), at an element id if
    given. An id ending in ``.json`` has that dot encoded (``a%2Ejson``), so that its address
    is not taken for the JSON twin of an article ``a``."""
    return f"/article/{_encoded(doc)}" + (f"#{anchor}" if anchor else "")


def claim_path(claim: str) -> str:
    """The web address of a claim: its id without ``claim:``, percent-encoded as an
    article's is (``claim:desk/12#a3`` -> ``/claim/desk%2F12%23a3``)."""
    return f"/claim/{_encoded(claim.removeprefix(CLAIM_PREFIX))}"


def speaker_dict(speaker: Speaker | None, actor: str | None = None) -> dict[str, Any] | None:
    """``speaker_row``, with the address of its dossier (``url``) added."""
    row = speaker_row(speaker, actor)
    return None if row is None else {**row, "url": dossier_path(row["key"])}
