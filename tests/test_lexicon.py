"""The lexicon loader: a language is a folder, read under its key, cached per (language, folder)."""

from pathlib import Path

import pytest

from fuente import lexicon
from fuente.errors import ConfigError
from fuente.lexicon import load_lexicon, read_lexicon, words
from fuente.settings import Settings


@pytest.fixture
def packaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A packaged data root of our own: a shared lexicon, and English and Spanish folders."""
    root = tmp_path / "data"
    (root / "en").mkdir(parents=True)
    (root / "es").mkdir()
    (root / "names.yaml").write_text("people: [Ortega]\n", encoding="utf-8")
    (root / "en" / "cues.yaml").write_text("verbs: [say]\n", encoding="utf-8")
    (root / "es" / "cues.yaml").write_text("verbs: [decir]\n", encoding="utf-8")
    (root / "es" / "names.yaml").write_text("people: [Bolívar]\n", encoding="utf-8")
    monkeypatch.setattr(lexicon, "_packaged", lambda: root)
    read_lexicon.cache_clear()
    yield root
    read_lexicon.cache_clear()


def test_lexicon_reads_a_second_language_under_its_key(packaged: Path) -> None:
    assert read_lexicon("cues", lexicon_dir=None, language="es") == {"verbs": ("decir",)}
    assert read_lexicon("cues", lexicon_dir=None, language="en") == {"verbs": ("say",)}
    # a shared lexicon comes first, then the language's own entries
    assert read_lexicon("names", lexicon_dir=None, language="es") == {
        "people": ("Ortega", "Bolívar")
    }
    assert read_lexicon("names", lexicon_dir=None, language="en") == {"people": ("Ortega",)}


def test_lexicon_user_folder_extends_every_language_or_one(packaged: Path, tmp_path: Path) -> None:
    user = tmp_path / "mine"
    (user / "es").mkdir(parents=True)
    (user / "cues.yaml").write_text("verbs: [state]\n", encoding="utf-8")
    (user / "es" / "cues.yaml").write_text("verbs: [afirmar]\n", encoding="utf-8")
    settings = Settings(lexicon_dir=str(user))
    assert load_lexicon("cues", settings=settings, language="es") == {
        "verbs": ("decir", "state", "afirmar")
    }
    assert load_lexicon("cues", settings=settings) == {"verbs": ("say", "state")}


def test_lexicon_cache_is_per_language_and_folder(packaged: Path, tmp_path: Path) -> None:
    first = read_lexicon("cues", lexicon_dir=None, language="es")
    assert read_lexicon("cues", lexicon_dir=None, language="es") is first
    assert read_lexicon("cues", lexicon_dir=None, language="en") is not first
    assert read_lexicon("cues", lexicon_dir=str(tmp_path), language="es") is not first
    # the string key: a Settings with the same folder shares the entry
    assert load_lexicon("cues", settings=Settings(), language="es") is first


def test_lexicon_missing_everywhere_names_the_language_file(packaged: Path) -> None:
    with pytest.raises(ConfigError, match="fr"):
        read_lexicon("cues", lexicon_dir=None, language="fr")


def test_lexicon_words_are_english_grammar_words() -> None:
    assert words("articles") == {"a", "an", "the"}
    with pytest.raises(ConfigError, match="no section"):
        words("no-such-section")
