"""Shared fixtures: settings, the spaCy pipeline (loaded once), an in-memory store, and a way
to make a path read-only."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from pathlib import Path

import pytest

from fuente.settings import Settings, load_settings
from fuente.store.connect import open_store
from fuente.store.database import Store


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


@contextmanager
def _read_only(path: Path) -> Iterator[None]:
    """``path`` (a file or a folder) made read-only, for root too (which chmod does not stop:
    the immutable attribute does)."""
    if os.geteuid() != 0:
        mode = path.stat().st_mode
        path.chmod(mode & ~0o222)
        try:
            yield
        finally:
            path.chmod(mode)
        return
    if shutil.which("chattr") is None:
        pytest.skip("running as root without chattr: cannot make a path read-only")
    made = subprocess.run(["chattr", "+i", str(path)], capture_output=True)
    if made.returncode != 0:
        pytest.skip(f"chattr +i failed here: {made.stderr.decode().strip()}")
    try:
        yield
    finally:
        subprocess.run(["chattr", "-i", str(path)], check=True)


@pytest.fixture
def read_only() -> Callable[[Path], AbstractContextManager[None]]:
    """``with read_only(path):`` makes ``path`` read-only for the block."""
    return _read_only
