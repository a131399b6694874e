"""The ray engine against the local engine, on the same texts, with the same number of
processes: how long each takes to ingest them, as a ratio.

The texts are the demo corpus's plain-text articles, repeated as in ``bench/throughput.py``
(each copy marked with its number, so that none is a duplicate), written one article a file.
The local engine runs ``--workers N`` processes (a file each); the ray engine starts a Ray of
its own with N CPUs and runs N actors (a shard of ``shard_size`` files each). Each ingests into
a fresh database, and the two databases are checked to hold the same records. The ray time is
given twice: with the start and stop of its Ray (what a user waits for) and without (Ray
started before the clock, as on a running cluster).

Run: .venv/bin/python bench/engines.py [--megabytes 0.5] [--workers 2]
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from throughput import corpus

from fuente.ingest import ingest
from fuente.settings import load_settings
from fuente.store.connect import open_store


def write_articles(texts: list[str], folder: Path) -> Path:
    folder.mkdir()
    for number, text in enumerate(texts):
        (folder / f"article-{number:06d}.txt").write_text(text, encoding="utf-8")
    return folder


def timed_ingest(folder: Path, db_path: Path, settings, *, workers: int) -> float:
    start = time.perf_counter()
    with open_store(db_path) as store:
        for _ in ingest([str(folder)], store=store, settings=settings, workers=workers):
            pass
    return time.perf_counter() - start


def records(db_path: Path) -> list[str]:
    db = sqlite3.connect(db_path)
    try:
        with db:
            db.execute("UPDATE documents SET ingested_at = ''")
            db.execute("DELETE FROM shards")
        return list(db.iterdump())
    finally:
        db.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=0.5)
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()
    import ray

    texts = corpus(options.megabytes)
    settings = load_settings()
    on_ray = replace(settings, engine="ray")
    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        folder = write_articles(texts, work / "articles")
        n = options.workers
        local = timed_ingest(folder, work / "local.db", settings, workers=n)
        with_start = timed_ingest(folder, work / "ray.db", on_ray, workers=n)
        ray.init(num_cpus=n, include_dashboard=False, logging_level="ERROR", log_to_driver=False)
        try:
            started = timed_ingest(folder, work / "ray2.db", on_ray, workers=n)
        finally:
            ray.shutdown()
        same = records(work / "local.db") == records(work / "ray.db") == records(work / "ray2.db")
    words = sum(len(text.split()) for text in texts)
    shards = f"shard_size {settings.shard_size}"
    print(f"{len(texts)} articles, {words:,} words, {n} processes, {shards}")
    print(f"local --workers {n}: {local:.1f} s ({words / local:,.0f} words/s)")
    print(f"ray, its start and stop included: {with_start:.1f} s, {with_start / local:.2f}x local")
    print(f"ray, on a Ray started before: {started:.1f} s, {started / local:.2f}x local")
    print(f"same records: {same}")
    if not same:
        sys.exit(1)


if __name__ == "__main__":
    main()
