"""The ray engine: the analysis of each shard of input files (``fuente.shards``) run in Ray
actors, on a Ray of fuente's own on this machine or on a running cluster.

This process (the driver) reads and screens each shard's articles, as ``fuente.workers``'
processes do a slice's (``read_inputs`` then ``screen`` against the database), and hands them
to an actor as plain data; the actor, which loaded the spaCy pipeline once when it started,
runs ``fuente.pipeline.process`` over them and returns what it yields. Only plain data travels,
so the machines of a cluster need fuente and its model installed but neither the input files
nor the database, which stays with the one writer. ``analysed_shards`` yields each shard's
results in the order of the shards, whichever actor finishes first, and keeps at most two
shards an actor read ahead.

Ray is imported when this engine starts, never before, so a run on the local engine (and
the command line's start) does not pay for it. A Ray fuente started is shut down when the run
ends, however it ends; a cluster it connected to, or a Ray its caller had started, is left
running.
"""

from __future__ import annotations

import logging
import os
import socket
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from typing import Any

from fuente.errors import ConfigError, FuenteError, message
from fuente.nlp.annotate import Pipelines
from fuente.pipeline import process
from fuente.readers.inputs import read_inputs
from fuente.readers.manifest import Manifest
from fuente.records import ArticleRecords, RawArticle, Rejection
from fuente.screen import Outcome, screen
from fuente.settings import Settings
from fuente.shards import Shard
from fuente.store.database import Store

__all__ = ["RAY_VERSION", "ShardAnalyser", "analysed_shards", "read_shard"]

RAY_VERSION = "2.60.0"  # the Ray fuente is tested with, pinned in pyproject.toml's ray extra
READ_AHEAD = 2  # shards handed to each actor at most: one it works on, one waiting

Result = ArticleRecords | Rejection | Outcome
Screened = RawArticle | Rejection | Outcome


class ShardAnalyser:
    """What a Ray actor holds: the settings and the spaCy pipelines, each loaded once."""

    def __init__(self, settings: Settings) -> None:
        self.settings = replace(settings, n_process=1)  # the actor is the process
        self.nlp = Pipelines(self.settings)  # each language's loaded when first needed

    def analyse(self, screened: Sequence[Screened]) -> list[Result]:
        """What ``process`` makes of a shard's screened articles, in their order."""
        return list(process(screened, nlp=self.nlp, settings=self.settings))


def read_shard(
    shard: Shard, *, store: Store, settings: Settings, manifest: Manifest | None
) -> list[Screened]:
    """The shard's articles as read and screened against ``store``, in the order of its files;
    a bad path is its own rejection."""
    screened: list[Screened] = []
    for item in shard.files:
        if isinstance(item, Rejection):
            screened.append(item)
            continue
        articles = read_inputs([item], settings=settings, manifest=manifest)
        screened.extend(screen(articles, store))
    return screened


def analysed_shards(
    shards: Sequence[Shard],
    *,
    read: Callable[[Shard], list[Screened]],
    settings: Settings,
    actors: int,
) -> Iterator[tuple[Shard, list[Result]]]:
    """Each of ``shards`` with its results, in order, analysed by up to ``actors`` Ray actors
    (0: one per CPU of the cluster) on the Ray at ``settings.ray_address`` (none: one started
    here, with that many CPUs). ``read`` gives a shard's screened articles, in this process."""
    ray = _import_ray()
    started = _connect(ray, settings.ray_address, cpus=actors or os.cpu_count() or 1)
    try:
        count = actors or int(ray.cluster_resources().get("CPU", 1))
        remote = ray.remote(num_cpus=1)(ShardAnalyser)
        shipped = _anywhere(settings)
        pool = [remote.remote(shipped) for _ in range(max(1, min(count, len(shards))))]
        yield from _in_order(ray, pool, shards, read)
    finally:
        if started:
            ray.shutdown()


def _anywhere(settings: Settings) -> Settings:
    """The settings as an actor needs them: an actor's process does not start in this one's
    folder, so a relative ``lexicon_dir`` is made absolute here."""
    if settings.lexicon_dir is None:
        return settings
    return replace(settings, lexicon_dir=os.path.abspath(settings.lexicon_dir))


def _import_ray() -> Any:
    try:
        import ray
    except ImportError:
        raise ConfigError(message("E100", version=RAY_VERSION)) from None
    return ray


def _connect(ray: Any, address: str | None, *, cpus: int) -> bool:
    """Join the Ray at ``address``, or start one here; True when this call started one."""
    if ray.is_initialized():  # the caller's own Ray: use it, and leave it running
        return False
    # Ray's own logger (set up by Ray when imported) says only errors; actors' output stays
    # in Ray's log files
    quiet = {"logging_level": logging.ERROR, "log_to_driver": False}
    if address is None:
        try:
            # "local": a Ray of its own, never one `ray start` left running on this machine
            ray.init(address="local", num_cpus=cpus, include_dashboard=False, **quiet)
        except (RuntimeError, OSError, ValueError) as error:
            raise FuenteError(message("E103", reason=_first_line(error))) from None
        return True
    _reachable(address)
    try:
        ray.init(address=address, **quiet)
    except (ConnectionError, RuntimeError, OSError, ValueError) as error:
        raise ConfigError(message("E101", address=address, reason=_first_line(error))) from None
    return False


def _reachable(address: str) -> None:
    """Fail at once on a HOST:PORT nothing answers at (Ray itself retries for minutes)."""
    where = address.removeprefix("ray://")
    host, _, port = where.rpartition(":")
    if address == "auto" or not host or not port.isdigit():
        return  # left for Ray to find, or to refuse
    try:
        socket.create_connection((host, int(port)), timeout=5).close()
    except OSError as error:
        reason = error.strerror or str(error) or type(error).__name__
        raise ConfigError(message("E101", address=address, reason=reason)) from None


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()
    return f"{type(error).__name__}: {text[0] if text else ''}"[:300]


def _in_order(
    ray: Any, pool: list[Any], shards: Sequence[Shard], read: Callable[[Shard], list[Screened]]
) -> Iterator[tuple[Shard, list[Result]]]:
    """Hand each shard to the next free actor, keep each a shard ahead, and yield the shards'
    results in the shards' order."""
    waiting = deque(enumerate(shards))
    free = deque(actor for _ in range(READ_AHEAD) for actor in pool)
    running: dict[Any, tuple[int, Shard, Any]] = {}  # a result's ref -> its place, shard, actor
    finished: dict[int, tuple[Shard, list[Result]]] = {}  # by place, until its turn
    capacity, turn = len(free), 0  # shards held at once, running or waiting their turn
    while waiting or running or finished:
        while waiting and free and len(running) + len(finished) < capacity:
            (place, shard), actor = waiting.popleft(), free.popleft()
            running[actor.analyse.remote(read(shard))] = (place, shard, actor)
        while turn in finished:
            yield finished.pop(turn)
            turn += 1
        if not running:
            continue
        done, _ = ray.wait(list(running), num_returns=1)
        for ref in done:
            place, shard, actor = running.pop(ref)
            finished[place] = (shard, _results(ray, ref, shard))
            free.append(actor)


def _results(ray: Any, ref: Any, shard: Shard) -> list[Result]:
    try:
        return ray.get(ref)
    except ray.exceptions.RayError as error:
        raise FuenteError(message("E102", index=shard.index, error=_first_line(error))) from None
