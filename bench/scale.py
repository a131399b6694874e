"""Scale: does the cost of a new article stay flat as the corpus grows?

A seeded synthetic corpus (``bench/scale_world.py``, ``bench/scale_articles.py``: wire
stories about fictional people, outlets and places, written as the records fuente's pipeline
would make, without spaCy) is stored through ``Store.add`` and passed through the four corpus
passes, as ``fuente ingest`` does after its articles are stored: actors across articles,
syndication, claims and contradictions. The database grows to each of ``--sizes`` in turn
(in chunks of ``--chunk`` articles, each chunk stored and then passed); at each size, the
next ``--batch`` articles of the stream are added and timed: storing them, then each pass.
Printed per size: milliseconds per added article for the store and each pass, the process's
peak resident memory, and the database's size (with its write-ahead log). The figure is the
ratio of the largest size's total to the smallest's: flat is near 1.

What the passes found is printed too, to show they did real work: names linked to actors and
actors founded, copies found, claims across documents, contradictions.

The stream publishes about a hundred articles a day, so a larger corpus covers more days (100k
articles: about three years), as an archive does: the keys that block on days meet the same
density at every size, while the people in the news recur more (the cast grows slower than
the corpus, and its first members are in a share of all stories). A corpus a hundred times
denser in time would be another test.

Run: .venv/bin/python bench/scale.py [--sizes 1000,10000,100000] [--batch 200] [--seed 7]
    [--chunk 2000] [--db PATH]
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from scale_articles import stream
from scale_world import World

from fuente.corpus.actors import link_pending
from fuente.corpus.claims import match_claims
from fuente.corpus.contradictions import find_contradictions
from fuente.corpus.syndication import match_pending
from fuente.records import ArticleRecords
from fuente.settings import Settings, load_settings
from fuente.store.connect import open_store
from fuente.store.database import Store

STEPS = ("store", "actors", "syndication", "claims", "contradictions")
COUNTS = {
    "names linked": "SELECT count(*) FROM actor_links WHERE actor IS NOT NULL",
    "actors": "SELECT count(*) FROM actors",
    "copies": "SELECT count(*) FROM copies",
    "claims over 2+ documents": "SELECT count(*) FROM (SELECT claim FROM claim_members "
    "GROUP BY claim HAVING count(DISTINCT doc) > 1)",
    "contradictions": "SELECT count(*) FROM contradictions",
}


def passes(store: Store, settings: Settings) -> dict[str, Callable[[], object]]:
    """The corpus passes in the order ``fuente.ingest`` runs them."""
    return {
        "actors": lambda: link_pending(store, settings=settings),
        "syndication": lambda: match_pending(store),
        "claims": lambda: match_claims(store, settings=settings),
        "contradictions": lambda: find_contradictions(store, settings=settings),
    }


def add(store: Store, settings: Settings, articles: list[ArticleRecords]) -> dict[str, float]:
    """Store ``articles`` and run every pass over them; seconds each step took."""
    seconds = {}
    start = time.perf_counter()
    for records in articles:
        store.add(records)
    seconds["store"] = time.perf_counter() - start
    for name, work in passes(store, settings).items():
        start = time.perf_counter()
        work()
        seconds[name] = time.perf_counter() - start
    return seconds


def grow(
    store: Store, settings: Settings, articles: Iterator[ArticleRecords], count: int, chunk: int
) -> None:
    """Add ``count`` articles of the stream, ``chunk`` at a time, each chunk passed."""
    while count > 0:
        taken = list(islice(articles, min(chunk, count)))
        add(store, settings, taken)
        count -= len(taken)


def megabytes(path: Path) -> float:
    sizes = [os.path.getsize(p) for p in (path, Path(f"{path}-wal")) if p.exists()]
    return sum(sizes) / 2**20


def peak_rss() -> float:
    """The process's peak resident memory so far, in MiB (Linux gives kibibytes)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def found(store: Store) -> str:
    counts = {name: store.db.execute(sql).fetchone()[0] for name, sql in COUNTS.items()}
    return ", ".join(f"{name} {count}" for name, count in counts.items())


def run(args: argparse.Namespace, path: Path) -> list[dict[str, float]]:
    """Grow the database to each size, time a batch there; print and return the rows."""
    settings = load_settings()
    articles = stream(World(args.seed))
    rows = []
    print(f"{'size':>8} " + " ".join(f"{s:>14}" for s in (*STEPS, "total")) + "  peak MiB   db MiB")
    with open_store(path) as store:
        stored = store.db.execute("SELECT count(*) FROM documents").fetchone()[0]
        for _ in islice(articles, stored):  # a database grown before: go on from there
            pass
        for size in (size for size in args.sizes if size > stored):
            started = time.perf_counter()
            grow(store, settings, articles, size - stored, args.chunk)
            built = time.perf_counter() - started
            batch = list(islice(articles, args.batch))
            seconds = add(store, settings, batch)
            stored = size + len(batch)
            row = {name: 1000 * value / len(batch) for name, value in seconds.items()}
            row.update(size=size, total=sum(row.values()), rss=peak_rss(), db=megabytes(path))
            rows.append(row)
            cells = " ".join(f"{row[name]:>14.2f}" for name in (*STEPS, "total"))
            print(f"{size:>8} {cells} {row['rss']:>9.0f} {row['db']:>8.0f}", flush=True)
            print(f"         (base grown in {built:.0f} s; {found(store)})", flush=True)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--batch", type=int, default=200)
    parser.add_argument("--chunk", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--db", help="database to grow, or to go on growing from where an "
                        "earlier run left it (default: a temporary one)")  # fmt: skip
    args = parser.parse_args()
    args.sizes = sorted(int(size) for size in args.sizes.split(","))
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print("milliseconds per added article, by step; peak resident memory; database size")
    if args.db:
        rows = run(args, Path(args.db))
    else:
        with tempfile.TemporaryDirectory() as tmp:
            rows = run(args, Path(tmp) / "scale.db")
    first, last = rows[0], rows[-1]
    print(f"per added article at {last['size']} against {first['size']}: "
          f"{last['total'] / first['total']:.2f} times")  # fmt: skip


if __name__ == "__main__":
    main()
