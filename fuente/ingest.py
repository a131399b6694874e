"""Ingest: read inputs, process them, and store each article in its own transaction.

``ingest`` is the public entry point behind ``fuente ingest``. It yields one ``Outcome`` per
input as soon as that input is settled, so a caller can show progress; it never prints. An
article already stored with the same content is not processed again, which is also what makes
an interrupted run resumable: run the same command again and it completes the batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from fuente.annotate import load_pipeline
from fuente.pipeline import content_hash, process
from fuente.readers import read_inputs
from fuente.records import ArticleRecords, RawArticle, Rejection
from fuente.settings import Settings
from fuente.store import Store

__all__ = ["Outcome", "ingest"]

STORED, UPDATED, UNCHANGED, DUPLICATE, REJECTED = (
    "stored", "updated", "unchanged", "duplicate", "rejected",
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one input: its status, the document id, and a detail for people."""

    path: str
    status: str
    doc: str | None = None
    detail: str = ""
    size: int = 0
    warnings: tuple[str, ...] = ()


def _screen(
    articles: Iterable[RawArticle | Rejection], store: Store, in_flight: dict[str, str]
) -> Iterator[RawArticle | Rejection | Outcome]:
    """Settle what needs no analysis (already stored, exact copies) and give clashing ids a
    suffix, before the article reaches the expensive part of the pipeline."""
    for article in articles:
        if isinstance(article, Rejection):
            yield article
            continue
        digest = content_hash(article.text)
        stored = store.stored_hash(article.id)
        if stored is not None and stored[0] == digest:
            yield Outcome(article.path, UNCHANGED, article.id, "already stored", len(article.text))
            continue
        copy_of = store.find_by_hash(digest)
        if copy_of is not None:
            yield Outcome(
                article.path, DUPLICATE, copy_of, f"same text as {copy_of}", len(article.text)
            )
            continue
        clash = (stored is not None and stored[1] != article.path) or (
            in_flight.get(article.id, article.path) != article.path
        )
        if clash:
            article = replace(article, id=f"{article.id}-{digest[:8]}")
        in_flight[article.id] = article.path
        yield article


def ingest(paths: Iterable[str], *, store: Store, settings: Settings) -> Iterator[Outcome]:
    """Read, process and store every article under ``paths``; yield each input's outcome."""
    nlp = load_pipeline(settings)
    in_flight: dict[str, str] = {}
    screened = _screen(read_inputs(paths, settings=settings), store, in_flight)
    for result in process(screened, nlp=nlp, settings=settings):
        if isinstance(result, Outcome):
            yield result
            continue
        yield _store(result, store)
        if isinstance(result, ArticleRecords):
            in_flight.pop(result.document.id, None)


def _store(result: ArticleRecords | Rejection, store: Store) -> Outcome:
    if isinstance(result, Rejection):
        store.reject(result)
        return Outcome(result.path, REJECTED, None, result.reason)
    document = result.document
    copy_of = store.find_by_hash(document.content_hash)
    if copy_of is not None:  # an identical text earlier in this same batch
        return Outcome(document.path, DUPLICATE, copy_of, f"same text as {copy_of}",
                       len(document.text))  # fmt: skip
    existed = store.stored_hash(document.id) is not None
    store.write(result)
    return Outcome(document.path, UPDATED if existed else STORED, document.id, "",
                   len(document.text), document.warnings)  # fmt: skip
