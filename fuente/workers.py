"""Every core: the unit of work (read, screen, prepare, parse, analyse) of a slice of the input
run in worker processes, each loading the spaCy pipeline once.

The input is cut into units of about the same size (``fuente.readers.slices``: small files
grouped, a large JSON Lines file cut into runs of lines), a few for each worker, so that N
workers stay busy whether the run reads one corpus dump or thousands of files. ``analysed``
yields what ``fuente.pipeline.process`` yields for each article (records, rejections, outcomes
of what needed no analysis) in the order of the input, whichever worker finishes first, and
hands each worker at most ``AHEAD`` units more than have been written, so that this process
holds a bounded number of results whatever the size of the corpus. The caller writes them
through its one writer, so a run with N workers stores the same rows, in the same order, as a
run in one process.

A worker screens its articles against the database through a read-only connection of its own
(``fuente.store.connect.open_reader``): an article stored already is not analysed again. A
copy of an article in another unit, analysed at the same moment, is analysed too and settled
when it is written (``Store.add`` finds the copy inside its transaction), as it would be had
another process stored it meanwhile.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import replace
from typing import Any

from fuente.nlp.annotate import Pipelines
from fuente.pipeline import process
from fuente.readers.manifest import Manifest
from fuente.readers.slices import Unit, cut_inputs, read_unit
from fuente.records import ArticleRecords, Rejection
from fuente.screen import Outcome, screen
from fuente.settings import Settings
from fuente.store.connect import open_reader
from fuente.store.database import Store

__all__ = ["AHEAD", "MAX_UNIT_BYTES", "MIN_UNIT_BYTES", "analysed", "plan", "worker_count"]

# A unit holds at least this much input: a smaller one costs more in hand-offs than it
# spreads, and a run with less than two units of input is read in one process, as starting a
# worker costs a model load.
MIN_UNIT_BYTES = 32 * 1024
MAX_UNIT_BYTES = 4 * 1024 * 1024  # and at most this much, so that results come back steadily
UNITS_PER_WORKER = 16  # units cut for each worker, so that none waits long on the last
AHEAD = 2  # units a worker is handed beyond those whose results were written

Result = ArticleRecords | Rejection | Outcome

_WORKER: dict[str, Any] = {}  # the worker's settings, pipeline and read-only store, made once


def worker_count(asked: int, units: int) -> int:
    """How many workers to run for ``units`` units of work when ``asked`` for (0: one per
    core): never more than the units keep busy, and 1 (this process) for a single unit."""
    wanted = asked or os.cpu_count() or 1
    return max(1, min(wanted, units))


def plan(files: Sequence[str | Rejection], *, asked: int) -> tuple[int, list[Unit]]:
    """The number of workers for ``files`` when ``asked`` for (0: one per core) and the units
    of work they are cut into, about ``UNITS_PER_WORKER`` a worker."""
    wanted = asked or os.cpu_count() or 1
    if wanted == 1:
        return 1, []
    total = sum(_size(item) for item in files)
    size = min(MAX_UNIT_BYTES, max(MIN_UNIT_BYTES, total // (wanted * UNITS_PER_WORKER)))
    units = cut_inputs(files, size=size)
    return worker_count(wanted, len(units)), units


def _size(item: str | Rejection) -> int:
    if isinstance(item, Rejection):
        return 0
    try:
        return os.stat(item).st_size
    except OSError:
        return 0


def _start(settings: Settings, db_path: str, manifest: Manifest | None) -> None:
    _WORKER["settings"] = settings
    _WORKER["manifest"] = manifest
    _WORKER["nlp"] = Pipelines(settings)  # each language's loaded when a unit first needs it
    _WORKER["store"] = open_reader(db_path, check_damage=False)


def _work(unit: Unit) -> list[Result]:
    """The unit of work of a slice of the input, in a worker."""
    settings: Settings = _WORKER["settings"]
    store: Store = _WORKER["store"]
    articles = screen(read_unit(unit, settings=settings, manifest=_WORKER["manifest"]), store)
    return list(process(articles, nlp=_WORKER["nlp"], settings=settings))


def analysed(
    units: Sequence[Unit],
    *,
    db_path: str,
    settings: Settings,
    workers: int,
    manifest: Manifest | None = None,
) -> Iterator[Result]:
    """What each article of ``units`` comes to, analysed in ``workers`` processes, in order."""
    # spawned, not forked: a worker starts clean of the parent's threads and open connections
    context = multiprocessing.get_context("spawn")
    one_process = replace(settings, n_process=1)  # each worker parses in its own process
    start = (one_process, db_path, manifest)
    held = workers * (1 + AHEAD)  # units handed out and not yet written, at most
    with context.Pool(workers, initializer=_start, initargs=start) as pool:
        pending: deque[Any] = deque()
        for unit in units:
            if len(pending) >= held:
                yield from pending.popleft().get()
            pending.append(pool.apply_async(_work, (unit,)))
        while pending:
            yield from pending.popleft().get()
