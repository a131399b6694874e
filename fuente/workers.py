"""Every core: the unit of work of an input file (read, screen, prepare, parse, analyse) run in
worker processes, each loading the spaCy pipeline once.

``analysed`` yields what ``fuente.pipeline.process`` yields for each article under the paths
(records, rejections, outcomes of what needed no analysis), in the order the files were given,
whichever worker finishes first: a pool's ordered ``imap`` over the files. The caller writes
them through its one writer, so a run with N workers stores the same rows, in the same order,
as a run in one process.

A worker screens its articles against the database through a read-only connection of its own
(``fuente.store.connect.open_reader``): an article stored already is not analysed again. An
exact copy of an article that another worker is analysing at the same moment is analysed too,
and settled when it is written (``Store.add`` finds the copy inside its transaction), as it
would be had another process stored it meanwhile.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from fuente.nlp.annotate import load_pipeline
from fuente.pipeline import process
from fuente.readers.inputs import read_inputs
from fuente.readers.manifest import Manifest
from fuente.records import ArticleRecords, Rejection
from fuente.screen import Outcome, screen
from fuente.settings import Settings
from fuente.store.connect import open_reader
from fuente.store.database import Store

__all__ = ["MIN_FILES_PER_WORKER", "analysed", "worker_count"]

# Fewer files than this per worker are read in one process: starting a worker costs a model load
MIN_FILES_PER_WORKER = 4

Result = ArticleRecords | Rejection | Outcome

_WORKER: dict[str, Any] = {}  # the worker's settings, pipeline and read-only store, made once


def worker_count(asked: int, files: int) -> int:
    """How many workers to run for ``files`` input files when ``asked`` for (0: one per core):
    never more than the files can keep busy, and 1 (this process) for a handful."""
    wanted = asked or os.cpu_count() or 1
    return max(1, min(wanted, files // MIN_FILES_PER_WORKER))


def _start(settings: Settings, db_path: str, manifest: Manifest | None) -> None:
    _WORKER["settings"] = settings
    _WORKER["manifest"] = manifest
    _WORKER["nlp"] = load_pipeline(settings)
    _WORKER["store"] = open_reader(db_path, check_damage=False)


def _work(path: str | Rejection) -> list[Result]:
    """The unit of work of one input file, in a worker (a bad path is its own outcome)."""
    if isinstance(path, Rejection):
        return [path]
    settings: Settings = _WORKER["settings"]
    store: Store = _WORKER["store"]
    articles = screen(read_inputs([path], settings=settings, manifest=_WORKER["manifest"]), store)
    return list(process(articles, nlp=_WORKER["nlp"], settings=settings))


def analysed(
    files: Sequence[str | Rejection],
    *,
    db_path: str,
    settings: Settings,
    workers: int,
    manifest: Manifest | None = None,
) -> Iterator[Result]:
    """What each article under ``files`` comes to, analysed in ``workers`` processes."""
    # spawned, not forked: a worker starts clean of the parent's threads and open connections
    context = multiprocessing.get_context("spawn")
    one_process = replace(settings, n_process=1)  # each worker parses in its own process
    start = (one_process, db_path, manifest)
    with context.Pool(workers, initializer=_start, initargs=start) as pool:
        for results in pool.imap(_work, files, chunksize=1):
            yield from results
