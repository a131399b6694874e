"""Fixtures for the web tests: a database of two hand-built articles, a test client."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from webrecords import reply_records, talks_records

from fuente.store.connect import open_store


@pytest.fixture
def web_db(tmp_path: Path) -> Path:
    path = tmp_path / "web.db"
    with open_store(path) as store:
        store.write(talks_records())
        store.write(reply_records())
    return path


@pytest.fixture
def client(web_db: Path) -> Iterator:
    from fastapi.testclient import TestClient

    from fuente.web import create_app

    with TestClient(create_app(web_db)) as opened:
        yield opened
