"""Ingest on every core (fuente.workers): the records are the same, row for row, as in one
process, whatever the number of workers."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from fuente.ingest import ingest
from fuente.store.connect import open_store
from fuente.workers import MIN_FILES_PER_WORKER, worker_count

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

pytestmark = pytest.mark.slow


def dump(path: Path) -> list[str]:
    """The database as SQL, the moments of ingest and rejection blanked (a clock's, not ours)."""
    db = sqlite3.connect(path)
    try:
        with db:
            db.execute("UPDATE documents SET ingested_at = ''")
            db.execute("UPDATE rejections SET at = ''")
        return list(db.iterdump())
    finally:
        db.close()


def run(db_path: Path, paths: list[str], settings, workers: int) -> list[tuple[str, str]]:
    with open_store(db_path) as store:
        outcomes = list(ingest(paths, store=store, settings=settings, workers=workers))
    return [(o.path, o.status) for o in outcomes]


@pytest.mark.parametrize(
    ("asked", "files", "expected"),
    [(2, 100, 2), (2, 5, 1), (8, 3 * MIN_FILES_PER_WORKER, 3), (1, 100, 1)],
)
def test_workers_count_is_what_the_files_keep_busy(asked, files, expected) -> None:
    assert worker_count(asked, files) == expected


def test_workers_count_zero_is_one_per_core(monkeypatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 6)
    assert worker_count(0, 1000) == 6


def test_workers_store_the_same_rows_as_one_process(tmp_path, settings) -> None:
    paths = [str(EXAMPLES), str(tmp_path / "missing.txt")]  # a bad path among good ones
    one = run(tmp_path / "one.db", paths, settings, workers=1)
    two = run(tmp_path / "two.db", paths, settings, workers=2)
    assert one == two
    assert ("stored" in {s for _, s in one}) and one[-1][1] == "rejected"
    assert dump(tmp_path / "one.db") == dump(tmp_path / "two.db")
    again = run(tmp_path / "two.db", paths[:1], settings, workers=2)  # a rerun analyses nothing
    assert {status for _, status in again} <= {"unchanged", "duplicate"}
