"""Shared fixtures for the acceptance tests: the seed articles of ../shared/corpus/seeds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus" / "seeds"


@pytest.fixture(scope="session")
def seed_text() -> Callable[[str], str]:
    """A reader of one seed article's text by its number ("000"), or a skip when the shared
    seeds are not there."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is absent: acceptance tests need the shared seeds")

    def read(number: str) -> str:
        (path,) = SEEDS.glob(f"{number}_*.txt")
        return path.read_text(encoding="utf-8")

    return read


@pytest.fixture(scope="session")
def seeds(tmp_path_factory, settings):
    """The three seeds ingested once into a database: ``(store, {"000": doc id, ...})``."""
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds is absent: acceptance tests need the shared seeds")
    from fuente.ingest import ingest
    from fuente.store.connect import open_store

    store = open_store(tmp_path_factory.mktemp("seeds") / "seeds.db")
    outcomes = list(ingest([str(SEEDS)], store=store, settings=settings))
    assert [o.status for o in outcomes] == ["stored"] * 3, [o.detail for o in outcomes]
    yield store, {o.doc[:3]: o.doc for o in outcomes}
    store.close()
