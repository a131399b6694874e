"""The command line, driven as a person would, on articles written here."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from fuente.cli import main
from fuente.export import EXPORTS

ARTICLE = """politics Marovia talks

Envoys Met Marovia's Interior Minister

Secret talks went on for months, two diplomats said.

PORT SELDEN — Interior Minister Tomas Varga met foreign envoys three times this spring, two diplomats briefed on the talks said on Monday.

"There were no talks," Varga told reporters.
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "talks.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


def invoke(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env)


def test_cli_ingest_then_look(tmp_path: Path, corpus: Path) -> None:
    db = str(tmp_path / "f.db")
    result = invoke("ingest", "--db", db, str(corpus))
    assert result.exit_code == 0, result.output
    assert re.search(r"stored\s+talks", result.output)
    assert "1 stored" in result.output

    shown = invoke("show", "talks", "--db", db)
    assert shown.exit_code == 0
    assert "Envoys Met Marovia's Interior Minister" in shown.output
    assert "excluded: tags-line" in shown.output
    assert "/PERSON" in shown.output

    stats = invoke("stats", "--db", db, "--json")
    figures = json.loads(stats.output)
    assert figures["documents"] == 1 and figures["entities"] >= 2

    exported = invoke("export", "documents", "--db", db)
    (row,) = [json.loads(line) for line in exported.output.splitlines()]
    assert row["title"] == "Envoys Met Marovia's Interior Minister"
    assert row["tags"] == ["politics", "Marovia", "talks"]


def test_cli_database_from_environment(tmp_path: Path, corpus: Path) -> None:
    db = str(tmp_path / "env.db")
    assert invoke("ingest", "--quiet", str(corpus), env={"FUENTE_DB": db}).exit_code == 0
    assert Path(db).exists()


def test_cli_quiet_prints_only_errors_and_exit_status_tells(tmp_path: Path, corpus: Path) -> None:
    db = str(tmp_path / "f.db")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", "--quiet", "--db", db, str(corpus)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1
    assert lines[0].startswith("error: ") and "empty.txt" in lines[0]


def test_cli_export_to_file_in_each_format(tmp_path: Path, corpus: Path) -> None:
    db = str(tmp_path / "f.db")
    invoke("ingest", "--quiet", "--db", db, str(corpus))
    for fmt in ("jsonl", "csv", "parquet"):
        for kind in EXPORTS:
            out = tmp_path / f"{kind}.{fmt}"
            result = invoke("export", kind, "--db", db, "--format", fmt, "-o", str(out))
            assert result.exit_code == 0, result.output
            assert out.stat().st_size > 0


def test_cli_unknown_document_is_a_clear_error(tmp_path: Path) -> None:
    result = invoke("show", "nope", "--db", str(tmp_path / "f.db"))
    assert result.exit_code == 2
    assert "E022" in result.output and "fuente stats" in result.output


def test_cli_settings_lists_every_setting() -> None:
    from fuente.settings import SETTINGS

    result = invoke("settings")
    for name, _, _ in SETTINGS:
        assert f"{name} = " in result.output
