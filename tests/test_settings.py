from dataclasses import fields

import pytest

from fuente.errors import ConfigError
from fuente.settings import SETTINGS, Settings, load_settings


def test_settings_table_matches_the_dataclass() -> None:
    assert [name for name, _, _ in SETTINGS] == [f.name for f in fields(Settings)]
    for name, default, _ in SETTINGS:
        assert getattr(Settings(), name) == default


def test_settings_file_then_overrides(tmp_path) -> None:
    path = tmp_path / "fuente.yaml"
    path.write_text("batch_size: 8\nmodel: other_model\nlanguages: en, es\n", encoding="utf-8")
    settings = load_settings(path, batch_size=4, model=None)
    assert settings.batch_size == 4  # an override beats the file
    assert settings.model == "other_model"  # an unset override keeps the file's value
    assert settings.languages == ("en", "es")


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("nonsense_setting: 1\n", "E032"),
        ("batch_size: many\n", "E030"),
        ("- a\n- b\n", "E031"),
        ("engine: spark\n", "E030"),
        ("shard_size: 0\n", "E030"),
    ],
)
def test_settings_bad_file_names_the_problem(tmp_path, content: str, code: str) -> None:
    path = tmp_path / "fuente.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match=code):
        load_settings(path)
