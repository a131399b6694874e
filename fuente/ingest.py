"""Ingest: read inputs, process them, and store each article in its own transaction.

``ingest`` is the public entry point behind ``fuente ingest``. It yields one ``Outcome`` per
input as soon as that input is settled, so a caller can show progress; it never prints. An
article already stored with the same content is not processed again, which is also what makes
an interrupted run resumable: run the same command again and it completes the batch.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from fuente.corpus.actors import link_pending
from fuente.corpus.claims import match_claims
from fuente.corpus.contradictions import find_contradictions
from fuente.corpus.syndication import match_pending
from fuente.errors import message
from fuente.nlp.annotate import load_pipeline
from fuente.pipeline import process
from fuente.readers.inputs import input_files, read_inputs
from fuente.readers.manifest import Manifest
from fuente.records import ArticleRecords, Rejection
from fuente.screen import Outcome, screen
from fuente.settings import Settings
from fuente.store.database import DUPLICATE, UNCHANGED, IntegrityError, Store
from fuente.workers import analysed, worker_count

__all__ = ["Outcome", "ingest"]

REJECTED = "rejected"


def ingest(
    paths: Iterable[str],
    *,
    store: Store,
    settings: Settings,
    workers: int = 1,
    manifest: Manifest | None = None,
    on_stage: Callable[[str], None] | None = None,
) -> Iterator[Outcome]:
    """Read, process and store every article under ``paths``; yield each input's outcome.

    ``workers`` above 1 (0: one per core) reads, parses and analyses the input files in that
    many processes (``fuente.workers``; a handful of files stays in this one), while this
    process writes every article, in the order given: the records are the same either way.
    A ``manifest`` (``fuente.readers.manifest``) gives articles metadata from outside them.
    A fault of the database (locked past ``lock_timeout``, read-only, disk full, damaged)
    raises StoreError and ends the run; every document stored before it is kept whole.
    Once every input is settled, the documents stored are linked to the corpus-wide actors
    (``fuente.corpus.actors.link_pending``) and matched against the syndication index
    (``fuente.corpus.syndication.match_pending``), then their statements and events joined to
    the claims across articles (``fuente.corpus.claims.match_claims``) and checked for
    contradictions (``fuente.corpus.contradictions.find_contradictions``), each in its own
    transaction; a document a run stopped before that is linked and matched by the next run.
    ``on_stage`` hears what the run is doing where no article is done for a while (loading
    the model, starting workers, each corpus pass), for a progress display.
    """
    stage = on_stage or (lambda doing: None)
    analysed_ = _analysed(
        paths, store=store, settings=settings, workers=workers, manifest=manifest, stage=stage
    )
    for result in analysed_:
        yield result if isinstance(result, Outcome) else _store(result, store)
    stage("linking actors…")
    link_pending(store, settings=settings)
    stage("matching copies…")
    match_pending(store)
    stage("joining claims…")
    match_claims(store, settings=settings)
    stage("checking contradictions…")
    find_contradictions(store, settings=settings)


def _analysed(
    paths: Iterable[str], *, store: Store, settings: Settings, workers: int,
    manifest: Manifest | None, stage: Callable[[str], None],
) -> Iterator[ArticleRecords | Rejection | Outcome]:  # fmt: skip
    paths = list(paths)
    if workers != 1 and store.path != ":memory:":
        found = input_files(paths)
        count = worker_count(workers, len(found))
        if count > 1:
            stage(f"starting {count} workers, each loading {settings.model}…")
            yield from analysed(
                found, db_path=store.path, settings=settings, workers=count, manifest=manifest
            )
            return
    stage(f"loading {settings.model}…")
    nlp = load_pipeline(settings)
    stage("ingest")
    articles = read_inputs(paths, settings=settings, manifest=manifest)
    yield from process(screen(articles, store), nlp=nlp, settings=settings)


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
