"""Ingest on the ray engine (fuente.ray_engine): the records are the same, row for row, as a
local run's; a run stopped mid-way and started again skips the shards it stored.

The tests that run Ray start a local Ray of fuente's own, so they skip where Ray is not
installed (`pip install 'fuente[ray]'`)."""

from __future__ import annotations

import socket
import subprocess
import sys
from dataclasses import replace
from itertools import islice
from pathlib import Path

import pytest
from click.testing import CliRunner
from test_workers import dump
from wire import write_wire

from fuente.cli import main
from fuente.ingest import ingest
from fuente.store.connect import open_store

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

try:
    import ray
except ImportError:
    ray = None

needs_ray = pytest.mark.skipif(
    ray is None, reason="Ray is not installed: pip install 'fuente[ray]'"
)


def records(path: Path) -> list[str]:
    """The database as SQL, without the shard ledger, which only a sharded run keeps."""
    return [line for line in dump(path) if not line.startswith('INSERT INTO "shards"')]


def shard_ids(path: Path) -> set[str]:
    with open_store(path) as store:
        return {row[0] for row in store.db.execute("SELECT id FROM shards")}


def run(db_path: Path, paths: list[str], settings, *, workers: int, stop_after: int | None = None):
    """``(path, status)`` of each outcome of an ingest; with ``stop_after``, the run is
    abandoned after that many outcomes, as a run killed mid-way."""
    with open_store(db_path) as store:
        outcomes = ingest(paths, store=store, settings=settings, workers=workers)
        taken = list(islice(outcomes, stop_after))
        outcomes.close()
    return [(o.path, o.status) for o in taken]


@needs_ray
@pytest.mark.slow
def test_ray_engine_stores_the_same_rows_as_a_local_run(tmp_path, settings) -> None:
    paths = [*write_wire(tmp_path / "wire", 200), str(tmp_path / "missing.txt")]
    on_ray = replace(settings, engine="ray", shard_size=25)
    local = run(tmp_path / "local.db", paths, settings, workers=1)
    sharded = run(tmp_path / "ray.db", paths, on_ray, workers=2)
    assert local == sharded
    assert len(local) == 201 and local[-1][1] == "rejected"
    assert records(tmp_path / "local.db") == records(tmp_path / "ray.db")
    assert len(shard_ids(tmp_path / "ray.db")) == 8  # the ninth holds the bad path: not noted
    assert not ray.is_initialized()  # the Ray fuente started is shut down


@needs_ray
@pytest.mark.slow
def test_ray_engine_restarted_run_skips_stored_shards(tmp_path, settings) -> None:
    paths = write_wire(tmp_path / "wire", 60)
    on_ray = replace(settings, engine="ray", shard_size=10)
    run(tmp_path / "local.db", paths, settings, workers=1)
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    try:  # one Ray for both runs: fuente uses a Ray its caller started, and leaves it running
        stopped = run(tmp_path / "ray.db", paths, on_ray, workers=2, stop_after=25)
        assert ray.is_initialized() and len(shard_ids(tmp_path / "ray.db")) == 2
        again = run(tmp_path / "ray.db", paths, on_ray, workers=2)
    finally:
        ray.shutdown()
    assert len(stopped) == 25
    statuses = [status for _, status in again]
    assert statuses[:2] == ["skipped", "skipped"]
    assert statuses[2:7] == ["unchanged"] * 5  # the shard stopped in: stored before, read again
    assert statuses[7:] == ["stored"] * 35
    assert records(tmp_path / "local.db") == records(tmp_path / "ray.db")
    assert len(shard_ids(tmp_path / "ray.db")) == 6
    last = run(tmp_path / "ray.db", paths, on_ray, workers=2)  # all stored: Ray is not started
    assert [status for _, status in last] == ["skipped"] * 6


@needs_ray
def test_ray_engine_unreachable_address_says_what_to_do(tmp_path) -> None:
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    arguments = ["ingest", "--db", str(tmp_path / "x.db"), "--engine", "ray"]
    arguments += ["--ray-address", f"127.0.0.1:{port}", str(EXAMPLES / "01-marek-slide.txt")]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 2
    assert "[E101] cannot reach the Ray cluster at 127.0.0.1:" in result.output
    assert "ray start --head" in result.output


def test_ray_engine_without_ray_says_how_to_install_it(tmp_path, monkeypatch) -> None:
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` fails, as where it is absent
    arguments = ["ingest", "--db", str(tmp_path / "x.db"), "--engine", "ray", str(EXAMPLES)]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 2
    assert "[E100]" in result.output and "pip install 'fuente[ray]'" in result.output


def test_ray_engine_address_needs_the_ray_engine(tmp_path) -> None:
    arguments = ["ingest", "--db", str(tmp_path / "x.db"), "--ray-address", "auto", str(EXAMPLES)]
    result = CliRunner().invoke(main, arguments)
    assert result.exit_code == 2 and "--engine ray" in result.output


def test_ray_engine_actors_get_an_absolute_lexicon_dir(settings, tmp_path, monkeypatch) -> None:
    """An actor does not start in the driver's folder: a relative lexicon_dir would be lost."""
    from fuente.ray_engine import _anywhere

    monkeypatch.chdir(tmp_path)
    shipped = _anywhere(replace(settings, lexicon_dir="lexicons"))
    assert shipped.lexicon_dir == str(tmp_path / "lexicons")
    assert _anywhere(settings) == settings


def test_ray_engine_is_not_imported_by_the_command_line() -> None:
    code = "import sys, fuente.cli, fuente.ingest; print('ray' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert found.stdout.strip() == "False", found.stderr
