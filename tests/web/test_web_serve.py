"""`fuente serve`: where it listens, what it says, and a real server answering."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from fuente.cli import main
from fuente.web import is_loopback

budgets: list = []


@pytest.fixture
def started(monkeypatch) -> list:
    calls: list = []
    budgets.clear()

    def record(db, *, host, port, settings):
        calls.append((db, host, port))
        budgets.append(settings.query_budget)

    monkeypatch.setattr("fuente.web.server.serve", record)
    return calls


def test_cli_serve_listens_on_localhost_by_default(web_db: Path, started: list) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(web_db)])
    assert result.exit_code == 0, result.output
    assert started == [(str(web_db), "127.0.0.1", 8000)]
    assert "http://127.0.0.1:8000/" in result.output
    assert "warning" not in result.output


@pytest.mark.parametrize("host", ["0.0.0.0", "192.168.1.20", "::", "example.org"])
def test_cli_serve_says_so_when_not_only_local(web_db: Path, started: list, host: str) -> None:
    result = CliRunner().invoke(main, ["serve", "--db", str(web_db), "--host", host, "--port", "9"])
    assert result.exit_code == 0, result.output
    assert started == [(str(web_db), host, 9)]
    assert "warning: listening on" in result.output


def test_cli_serve_without_a_database_fails_clearly(tmp_path: Path) -> None:
    missing = tmp_path / "none.db"
    result = CliRunner().invoke(main, ["serve", "--db", str(missing)])
    assert result.exit_code == 2
    assert "[E025] no database at" in result.output
    assert not missing.exists()


@pytest.mark.parametrize(
    ("host", "local"),
    [("127.0.0.1", True), ("127.8.0.1", True), ("localhost", True), ("::1", True),
     ("[::1]", True), ("0.0.0.0", False), ("::", False), ("10.0.0.2", False),
     ("myhost", False)],
)  # fmt: skip
def test_web_is_loopback(host: str, local: bool) -> None:
    assert is_loopback(host) is local


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def test_cli_serve_answers_requests(web_db: Path) -> None:
    """The real command, in its own process, serves pages until stopped."""
    port = _free_port()
    fuente = Path(sys.executable).with_name("fuente")
    server = subprocess.Popen(
        [str(fuente), "serve", "--db", str(web_db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    try:
        body = None
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and body is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/article/talks.json") as reply:
                    body = reply.read().decode("utf-8")
            except OSError:
                time.sleep(0.2)
        assert body is not None and '"id":"talks"' in body
    finally:
        server.terminate()
        output = server.communicate(timeout=10)[0].decode("utf-8")
    assert f"http://127.0.0.1:{port}/" in output


SLOW_SERVER = """
import sys
import fuente.web.routes
from fuente.settings import Settings
from fuente.web.server import serve

def endless(store, *args, **kwargs):
    store.db.execute(
        "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c) SELECT count(*) FROM c"
    ).fetchall()

fuente.web.routes.search = endless
serve(sys.argv[1], port=int(sys.argv[2]), settings=Settings(query_budget=120))
"""


def test_web_server_stops_soon_after_sigterm_with_a_request_in_flight(web_db: Path) -> None:
    """A request reading for ever (its budget is 2 minutes) does not keep the server up."""
    import signal
    import threading

    import fuente

    port = _free_port()
    root = Path(fuente.__file__).resolve().parents[1]
    server = subprocess.Popen(
        [sys.executable, "-c", SLOW_SERVER, str(web_db), str(port)],
        env={**os.environ, "PYTHONPATH": str(root)},
        stderr=subprocess.DEVNULL,
    )
    answered: list = []

    def ask() -> None:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/search.json?q=x", timeout=60):
                answered.append("answered")
        except OSError as error:
            answered.append(error)

    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=1):
                    break
            except OSError:
                time.sleep(0.1)
        asking = threading.Thread(target=ask, daemon=True)
        asking.start()
        time.sleep(1)  # the request is in flight, its query running
        assert asking.is_alive()
        stopping = time.monotonic()
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=15)
        assert time.monotonic() - stopping < 8
        asking.join(timeout=10)
        assert answered
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()


def test_cli_serve_reads_the_query_budget_from_its_config(web_db, started, tmp_path) -> None:
    config = tmp_path / "fuente.yaml"
    config.write_text("query_budget: 5\n", encoding="utf-8")
    result = CliRunner().invoke(main, ["serve", "--db", str(web_db), "--config", str(config)])
    assert result.exit_code == 0, result.output
    assert budgets == [5.0]
