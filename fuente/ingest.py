"""Ingest: read inputs, process them, and store each article in its own transaction.

``ingest`` is the public entry point behind ``fuente ingest``. It yields one ``Outcome`` per
input as soon as that input is settled, so a caller can show progress; it never prints. An
article already stored with the same content is not processed again, which is also what makes
an interrupted run resumable: run the same command again and it completes the batch.

The analysis runs on one of two engines, chosen by the ``engine`` setting: ``local`` (this
process, or ``fuente.workers``' processes) or ``ray`` (``fuente.ray_engine``: Ray actors,
a shard of files each). The ray engine notes each shard it stored whole in the database
(``fuente.store.shards``), so a run over the same files skips those shards without reading
them; a shard with a rejected input is not noted, and its inputs are tried again.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from fuente.corpus.actors import link_pending
from fuente.corpus.claims import match_claims
from fuente.corpus.contradictions import find_contradictions
from fuente.corpus.syndication import match_pending
from fuente.errors import message
from fuente.nlp.annotate import Pipelines
from fuente.pipeline import process
from fuente.readers.inputs import input_files, read_inputs
from fuente.readers.manifest import Manifest
from fuente.records import ArticleRecords, Rejection
from fuente.screen import Outcome, screen
from fuente.settings import Settings
from fuente.shards import Shard, make_shards
from fuente.store.database import DUPLICATE, UNCHANGED, IntegrityError, Store
from fuente.store.shards import record_shard, stored_shards
from fuente.workers import analysed, plan

__all__ = ["Outcome", "ingest"]

REJECTED = "rejected"
SKIPPED = "skipped"  # a shard an earlier run stored whole: one outcome for all its inputs


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

    ``workers`` above 1 (0: one per core) reads, parses and analyses slices of the input in
    that many processes (``fuente.workers``; a small input stays in this one), while this
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
    With the ``ray`` engine, ``workers`` is the number of Ray actors (0: one per CPU), and a
    shard stored by an earlier run is one ``skipped`` outcome. ``on_stage`` hears what the run
    is doing where no article is done for a while (loading the model, starting workers, each
    corpus pass), for a progress display.
    """
    stage = on_stage or (lambda doing: None)
    if settings.engine == "ray":
        stage(f"starting Ray, each actor loading {settings.model}…")
        yield from _ingest_shards(paths, store=store, settings=settings, actors=workers,
                                  manifest=manifest)  # fmt: skip
    else:
        analysed_ = _analysed(
            paths, store=store, settings=settings, workers=workers, manifest=manifest,
            stage=stage,
        )  # fmt: skip
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
        count, units = plan(input_files(paths), asked=workers)
        if count > 1:
            stage(f"starting {count} workers, each loading {settings.model}…")
            yield from analysed(
                units, db_path=store.path, settings=settings, workers=count, manifest=manifest
            )
            return
    pipelines = Pipelines(settings, on_stage=stage)  # each language's loaded when first needed
    articles = read_inputs(paths, settings=settings, manifest=manifest)
    yield from process(screen(articles, store), nlp=pipelines, settings=settings)


def _ingest_shards(
    paths: Iterable[str], *, store: Store, settings: Settings, actors: int,
    manifest: Manifest | None,
) -> Iterator[Outcome]:  # fmt: skip
    """The run on the ray engine: shards stored before are skipped, the others analysed in
    Ray actors and written here, shard after shard, each noted once all its inputs are."""
    from fuente.ray_engine import analysed_shards, read_shard  # imports Ray only when it runs

    shards = make_shards(input_files(paths), size=settings.shard_size, manifest=manifest)
    stored = stored_shards(store, (shard.id for shard in shards))
    yield from (_skipped(shard) for shard in shards if shard.id in stored)
    pending = [shard for shard in shards if shard.id not in stored]
    if not pending:
        return

    def read(shard: Shard) -> list:
        return read_shard(shard, store=store, settings=settings, manifest=manifest)

    for shard, results in analysed_shards(pending, read=read, settings=settings, actors=actors):
        rejected = False
        for result in results:
            outcome = result if isinstance(result, Outcome) else _store(result, store)
            rejected = rejected or outcome.status == REJECTED
            yield outcome
        if not rejected:
            record_shard(store, shard.id, files=len(shard.files))


def _skipped(shard: Shard) -> Outcome:
    first = shard.files[0]
    path = first.path if isinstance(first, Rejection) else first
    others = f" and {len(shard.files) - 1} more inputs" if len(shard.files) > 1 else ""
    detail = f"shard {shard.id[:12]}: this{others}, stored whole by an earlier run"
    return Outcome(path, SKIPPED, None, detail)


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
