"""Ingest: read inputs, process them, and store each article in its own transaction.

``ingest`` is the public entry point behind ``fuente ingest``. It yields one ``Outcome`` per
input as soon as that input is settled, so a caller can show progress; it never prints. An
article already stored with the same content is not processed again, which is also what makes
an interrupted run resumable: run the same command again and it completes the batch.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from fuente.corpus.actors import link_pending
from fuente.corpus.claims import match_claims
from fuente.corpus.contradictions import find_contradictions
from fuente.corpus.syndication import match_pending
from fuente.errors import message
from fuente.nlp.annotate import load_pipeline
from fuente.pipeline import content_hash, process
from fuente.readers.inputs import read_inputs
from fuente.records import ArticleRecords, RawArticle, Rejection
from fuente.settings import Settings
from fuente.store.database import DUPLICATE, UNCHANGED, IntegrityError, Store

__all__ = ["Outcome", "ingest"]

REJECTED = "rejected"


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
    articles: Iterable[RawArticle | Rejection], store: Store
) -> Iterator[RawArticle | Rejection | Outcome]:
    """Settle what needs no analysis (already stored, exact copies) before the article reaches
    the expensive part of the pipeline. What is left is decided when it is stored
    (``Store.add``), inside its transaction, as another process may store the same meanwhile."""
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


def ingest(paths: Iterable[str], *, store: Store, settings: Settings) -> Iterator[Outcome]:
    """Read, process and store every article under ``paths``; yield each input's outcome.

    A fault of the database (locked past ``lock_timeout``, read-only, disk full, damaged)
    raises StoreError and ends the run; every document stored before it is kept whole.
    Once every input is settled, the documents stored are linked to the corpus-wide actors
    (``fuente.corpus.actors.link_pending``) and matched against the syndication index
    (``fuente.corpus.syndication.match_pending``), then their statements and events joined to
    the claims across articles (``fuente.corpus.claims.match_claims``) and checked for
    contradictions (``fuente.corpus.contradictions.find_contradictions``), each in its own
    transaction; a document a run stopped before that is linked and matched by the next run.
    """
    nlp = load_pipeline(settings)
    screened = _screen(read_inputs(paths, settings=settings), store)
    for result in process(screened, nlp=nlp, settings=settings):
        yield result if isinstance(result, Outcome) else _store(result, store)
    link_pending(store, settings=settings)
    match_pending(store)
    match_claims(store, settings=settings)
    find_contradictions(store, settings=settings)


def _store(result: ArticleRecords | Rejection, store: Store) -> Outcome:
    if isinstance(result, Rejection):
        store.reject(result)
        return Outcome(result.path, REJECTED, None, result.reason)
    document = result.document
    try:
        added = store.add(result)
    except IntegrityError as error:  # records of this article only; the batch goes on
        rejection = Rejection(document.path, message("E040", error=f"IntegrityError: {error}"))
        store.reject(rejection)
        return Outcome(rejection.path, REJECTED, None, rejection.reason)
    detail = f"same text as {added.doc}" if added.status == DUPLICATE else ""
    if added.status == UNCHANGED:
        detail = "already stored"
    return Outcome(
        document.path, added.status, added.doc, detail, len(document.text), document.warnings
    )
