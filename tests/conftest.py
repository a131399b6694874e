"""Shared fixtures: settings, the spaCy pipeline (loaded once), an in-memory store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from fuente.settings import Settings, load_settings
from fuente.store.database import Store, open_store


@pytest.fixture(scope="session")
def settings() -> Settings:
    return load_settings()


@pytest.fixture(scope="session")
def marovia(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """Settings whose countries lexicon knows the fictional Marovia (MRV) and Halvik (HLV)."""
    folder = tmp_path_factory.mktemp("lexicons")
    countries = "MRV: [Marovia, Marovian, Port Selden]\nHLV: [Halvik, Halvikian]\n"
    (folder / "countries.yaml").write_text(countries, encoding="utf-8")
    return load_settings(lexicon_dir=str(folder))


@pytest.fixture(scope="session")
def nlp(settings: Settings):
    from fuente.nlp.annotate import load_pipeline

    return load_pipeline(settings)


@pytest.fixture
def store() -> Iterator[Store]:
    with open_store(":memory:") as opened:
        yield opened
