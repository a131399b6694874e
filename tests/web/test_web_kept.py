"""What is kept between requests: per version of the database, a bounded while behind it."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest
from webrecords import numbered_records

from fuente.query.kept import Kept
from fuente.query.reading import Budget, Readers
from fuente.query.timeline_view import timeline_view
from fuente.store.connect import open_store


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_kept_computes_once_per_version() -> None:
    kept, calls = Kept(lag=0), []

    def count() -> int:
        calls.append(1)
        return len(calls)

    for version in (1, 1, 1):
        assert kept.get(version, "k", count, lambda _: 1) == 1
    assert kept.get(2, "k", count, lambda _: 1) == 2
    assert kept.get(2, "other", lambda: "x", len) == "x" and len(calls) == 2


def test_kept_lags_a_database_being_written_by_at_most_its_lag() -> None:
    clock = Clock()
    kept = Kept(lag=2.0, clock=clock)
    assert kept.get(1, "k", lambda: "first", len) == "first"
    clock.now += 1.5
    assert kept.get(2, "k", lambda: "second", len) == "first"  # still within the lag
    clock.now += 1.0
    assert kept.get(3, "k", lambda: "third", len) == "third"  # 2.5 s old: computed again
    assert kept.get(3, "k", lambda: "fourth", len) == "third"


def test_kept_forgets_the_least_used_past_its_limit() -> None:
    kept = Kept(limit=10, lag=0)
    kept.get(1, "a", lambda: "aaaa", len)
    kept.get(1, "b", lambda: "bbbb", len)
    kept.get(1, "a", lambda: "new", len)  # a used again
    kept.get(1, "c", lambda: "cccc", len)  # 12 > 10: b goes
    assert kept.get(1, "a", lambda: "again", len) == "aaaa"
    assert kept.get(1, "b", lambda: "computed", len) == "computed"
    assert kept.get(1, "huge", lambda: "x" * 11, len) == "x" * 11  # given, never kept
    assert kept.get(1, "huge", lambda: "y", len) == "y"


def test_kept_gives_the_older_result_while_another_request_computes_it() -> None:
    clock = Clock()
    kept = Kept(lag=1.0, clock=clock)
    kept.get(1, "k", lambda: "old", len)
    clock.now += 5
    started, release = threading.Event(), threading.Event()

    def slow() -> str:
        started.set()
        release.wait(5)
        return "new"

    worker = threading.Thread(target=lambda: kept.get(2, "k", slow, len))
    worker.start()
    assert started.wait(5)
    began = time.monotonic()
    assert kept.get(2, "k", lambda: "again", len) == "old"  # no waiting for the other
    assert time.monotonic() - began < 1
    release.set()
    worker.join(5)
    assert kept.get(2, "k", lambda: "again", len) == "new"


def test_kept_two_requests_computing_one_result_compute_it_once() -> None:
    kept, calls = Kept(lag=0), []

    def slow() -> str:
        calls.append(1)
        time.sleep(0.2)
        return "made"

    workers = [threading.Thread(target=lambda: kept.get(1, "k", slow, len)) for _ in range(4)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(5)
    assert calls == [1]


def test_kept_a_computation_may_ask_for_other_kept_results_without_waiting_on_itself() -> None:
    kept = Kept(limit=10)  # the inner result is too big to keep: each asking computes it

    def outer(number: int) -> int:
        return number + kept.get(1, ("inner",), lambda: 1000, lambda _: 11)

    def ask(numbers: range, results: list[int]) -> None:
        for n in numbers:
            results.append(kept.get(1, ("outer", n), lambda n=n: outer(n), lambda _: 1))

    results: list[int] = []
    workers = [threading.Thread(target=ask, args=(range(i, 600, 3), results)) for i in range(3)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(10)
    assert not any(worker.is_alive() for worker in workers), "a computation waits forever"
    assert sorted(results) == [1000 + number for number in range(600)]


def test_kept_a_write_is_seen_once_the_lag_has_passed(web_db: Path) -> None:
    clock = Clock()
    kept = Kept(lag=2.0, clock=clock)
    readers = Readers(str(web_db), kept=kept)

    def total() -> int:
        with readers.reading(Budget(5)) as reading:
            return timeline_view(reading.store, kept=reading.kept)["total"]

    before = total()
    with open_store(web_db) as store:
        store.write(numbered_records(1, doc="later"))
    assert total() == before  # just written: the kept timeline may lag it
    clock.now += 3
    assert total() > before
    readers.close()


def test_connections_version_changes_when_anyone_commits(web_db: Path) -> None:
    readers = Readers(str(web_db))
    first = readers.version()
    assert readers.version() == first
    with open_store(web_db) as store:
        store.write(numbered_records(2, doc="another"))
    assert readers.version() != first
    readers.close()


def test_connections_budget_stops_a_query_and_says_why(web_db: Path) -> None:
    readers = Readers(str(web_db))
    budget = Budget(0.1)
    started = time.monotonic()
    with (
        pytest.raises(sqlite3.OperationalError, match="interrupted"),
        readers.reading(budget) as reading,
    ):
        reading.store.db.execute(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
        ).fetchall()
    assert budget.stopped == "expired" and time.monotonic() - started < 2
    with readers.reading(Budget(5)) as reading:  # the connection is lent again, whole
        assert reading.store.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 2
    readers.close()
