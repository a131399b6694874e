"""Screening: what an input comes to without analysis, and the outcome record every input ends
in. An article stored already with the same text and path is ``unchanged``; one whose exact text
another stored document has is a ``duplicate`` of it; both are settled before the expensive part
of the pipeline. What is left is decided again when it is stored (``Store.add``), inside its
transaction, as another process may store the same meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from fuente.pipeline import content_hash
from fuente.records import RawArticle, Rejection
from fuente.store.database import DUPLICATE, UNCHANGED, Store

__all__ = ["Outcome", "screen"]


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: its status, the document id, and a detail for people."""

    path: str
    status: str
    doc: str | None = None
    detail: str = ""
    size: int = 0
    warnings: tuple[str, ...] = ()


def screen(
    articles: Iterable[RawArticle | Rejection], store: Store
) -> Iterator[RawArticle | Rejection | Outcome]:
    """``articles`` with those already settled by the database turned into their outcomes."""
    for article in articles:
        if isinstance(article, Rejection):
            yield article
            continue
        digest = content_hash(article.text)
        stored = store.stored_hash(article.id)
        if stored is not None and stored == (digest, article.path):
            yield Outcome(article.path, UNCHANGED, article.id, "already stored", len(article.text))
            continue
        copy_of = store.find_by_hash(digest)
        if copy_of is not None:
            yield Outcome(
                article.path, DUPLICATE, copy_of, f"same text as {copy_of}", len(article.text)
            )
            continue
        yield article
