"""Ingest on every core (fuente.workers): the records are the same, row for row, as in one
process, whatever the number of workers."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from fuente.ingest import ingest
from fuente.readers.inputs import input_files
from fuente.store.connect import open_store
from fuente.workers import plan, worker_count

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


def run(db_path: Path, paths: list[str], settings, workers: int, heard=None) -> list[tuple]:
    with open_store(db_path) as store:
        outcomes = ingest(paths, store=store, settings=settings, workers=workers, on_stage=heard)
        return [(o.path, o.status, o.doc, o.detail) for o in outcomes]


@pytest.mark.parametrize(
    ("asked", "units", "expected"), [(2, 100, 2), (2, 1, 1), (8, 3, 3), (1, 9, 1)]
)
def test_workers_count_is_what_the_units_keep_busy(asked, units, expected) -> None:
    assert worker_count(asked, units) == expected


def test_workers_count_zero_is_one_per_core(monkeypatch) -> None:
    monkeypatch.setattr("os.cpu_count", lambda: 6)
    assert worker_count(0, 1000) == 6


def dump_file(path: Path) -> Path:
    """A corpus dump of 40 short articles in one JSON Lines file, a bad line and a copy among
    them."""
    lines = []
    for number in range(40):
        text = f"Minister Ana Ruiz said on Monday that budget {number} would pass. Aides agreed."
        lines.append(json.dumps({"id": f"art-{number}", "text": text}))
    lines.insert(9, "{this line is no JSON")
    lines.insert(25, json.dumps({"id": "copy", "text": json.loads(lines[3])["text"]}))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_workers_cut_one_large_file_and_store_the_same(tmp_path, settings, monkeypatch) -> None:
    monkeypatch.setattr("fuente.workers.MIN_UNIT_BYTES", 256)  # units of a few articles each
    paths = [str(dump_file(tmp_path / "dump.jsonl"))]
    count, units = plan(paths, asked=2)
    assert count == 2 and len(units) >= 4  # one file, cut for both workers
    heard: list[str] = []
    one = run(tmp_path / "one.db", paths, settings, workers=1)
    two = run(tmp_path / "two.db", paths, settings, workers=2, heard=heard.append)
    assert any(stage.startswith("starting 2 workers") for stage in heard)
    assert one == two
    statuses = [status for _, status, _, _ in one]
    assert statuses.count("rejected") == 1 and statuses.count("duplicate") == 1
    assert one[9][0].endswith("dump.jsonl:10") and "line 10" in one[9][3]
    assert dump(tmp_path / "one.db") == dump(tmp_path / "two.db")


def test_workers_store_the_same_rows_as_one_process(tmp_path, settings, monkeypatch) -> None:
    monkeypatch.setattr("fuente.workers.MIN_UNIT_BYTES", 4096)  # a few files a unit
    paths = [str(EXAMPLES), str(tmp_path / "missing.txt")]  # a bad path among good ones
    assert plan(input_files(paths), asked=2)[0] == 2
    one = run(tmp_path / "one.db", paths, settings, workers=1)
    two = run(tmp_path / "two.db", paths, settings, workers=2)
    assert one == two
    assert ("stored" in {o[1] for o in one}) and one[-1][1] == "rejected"
    assert dump(tmp_path / "one.db") == dump(tmp_path / "two.db")
    again = run(tmp_path / "two.db", paths[:1], settings, workers=2)  # a rerun analyses nothing
    assert {o[1] for o in again} <= {"unchanged", "duplicate"}
