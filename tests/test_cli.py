"""The command line, driven as a person would, on articles written here."""

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from fuente.cli import main
from fuente.cli.display import render_document, shorten
from fuente.export import EXPORTS
from fuente.records import ArticleRecords, Attribution, Document, LeadStatement, Speaker
from fuente.store import open_store

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


SOURCED = (
    "Envoys Met in Secret\n"
    "Interior Minister Tomas Varga met envoys, a source briefed on US concerns said. "
    '"There were no talks," Varga told the Courier. '
    + "Varga added that "
    + "the talks " * 30
    + "\n"
)


def at(part: str, after: int = 0) -> tuple[int, int]:
    start = SOURCED.index(part, after)
    return start, start + len(part)


def write_sourced(db: str) -> None:
    """Store ``secret``: an unnamed source, Varga quoted through the Courier, a long claim."""
    document = Document("secret", "secret.txt", "text", SOURCED, "s" * 40, "test@1")
    varga = at("Varga", at("said")[1])
    speakers = (
        Speaker(
            "secret#s1", "secret", "person", "Tomas Varga", "q@1", description="Interior Minister"
        ),
        Speaker(
            "secret#s2",
            "secret",
            "unnamed",
            "a source briefed on US concerns",
            "q@1",
            description="a source briefed on US concerns",
            country="USA",
            count="1",
        ),
    )
    attributions = (
        Attribution(
            "secret#a1",
            "secret",
            "indirect",
            *at("Interior Minister Tomas Varga met envoys"),
            "q@1",
            *at("said"),
            *at("a source briefed on US concerns"),
            speaker="secret#s2",
        ),
        Attribution(
            "secret#a2",
            "secret",
            "direct",
            *at('"There were no talks,"'),
            "q@1",
            *at("told"),
            *varga,
            speaker="secret#s1",
            through="Courier",
        ),
        Attribution(
            "secret#a3",
            "secret",
            "indirect",
            *at(("the talks " * 30).strip()),
            "q@1",
            speaker="secret#s1",
        ),
    )
    lead = (
        LeadStatement(
            "secret", "title", *at("Envoys Met in Secret"), "unnamed-only", "lead@1", ("secret#a1",)
        ),
    )
    with open_store(db) as store:
        store.write(
            ArticleRecords(document, speakers=speakers, attributions=attributions, lead=lead)
        )


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
    write_sourced(db)  # so that every kind has rows, whatever ingest found
    for fmt in ("jsonl", "csv", "parquet"):
        for kind in EXPORTS:
            out = tmp_path / f"{kind}.{fmt}"
            result = invoke("export", kind, "--db", db, "--format", fmt, "-o", str(out))
            assert result.exit_code == 0, result.output
            assert out.stat().st_size > 0


def test_cli_unknown_document_is_a_clear_error(tmp_path: Path) -> None:
    open_store(tmp_path / "f.db").close()
    result = invoke("show", "nope", "--db", str(tmp_path / "f.db"))
    assert result.exit_code == 2
    assert "E022" in result.output and "fuente stats" in result.output


def test_cli_settings_lists_every_setting() -> None:
    from fuente.settings import SETTINGS

    result = invoke("settings")
    for name, _, _ in SETTINGS:
        assert f"{name} = " in result.output


def test_cli_who_said_prints_one_line_per_attribution(tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    write_sourced(db)
    result = invoke("who-said", "briefed source", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "secret  a source briefed on US concerns (unnamed)  indirect  "
        "Interior Minister Tomas Varga met envoys"
    ]
    (quoted, long) = invoke("who-said", "Varga", "--db", db).stdout.splitlines()
    assert quoted == (
        "secret  Tomas Varga (person, Interior Minister) through Courier  direct  "
        '"There were no talks,"'
    )
    claim = long.split("  ")[-1]
    assert len(claim) == 200 and claim.endswith("…") and claim.startswith("the talks the talks")


def test_cli_who_said_jsonl_and_limit(tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    write_sourced(db)
    result = invoke(
        "who-said", "interior minister", "--db", db, "--format", "jsonl", "--limit", "1"
    )
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["id"] == "secret#a2" and row["speaker"]["name"] == "Tomas Varga"
    assert row["content"]["text"] == '"There were no talks,"'


def test_cli_who_said_nothing_found_says_so_on_stderr(tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    write_sourced(db)
    result = invoke("who-said", "prime minister", "--db", db)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no speaker matching 'prime minister'" in result.stderr


def test_cli_show_marks_attributions_and_prints_the_profile(tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    write_sourced(db)
    shown = invoke("show", "secret", "--db", db)
    assert shown.exit_code == 0, shown.output
    assert "a source briefed on US concerns [unnamed: a source briefed on US concerns] said" in (
        " ".join(shown.output.split())
    )
    assert "Varga [person: Tomas Varga, through Courier] told" in " ".join(shown.output.split())
    profile = shown.output.split("sourcing", 1)[1]
    for expected in (
        "attributions",
        "3 (person 2, unnamed 1)",
        "Courier (1)",
        "a source briefed on US concerns (USA, count 1)",
        "unnamed-only: Envoys Met in Secret",
    ):
        assert expected in profile, expected


@pytest.mark.parametrize(
    ("part", "style"),
    [("There were no talks", "underline"), ("told", "bold"), ("a source briefed", "blue")],
)
def test_cli_show_styles_content_cue_and_source(tmp_path: Path, part: str, style: str) -> None:
    from rich.console import Console

    db = str(tmp_path / "f.db")
    write_sourced(db)
    with open_store(db) as store:
        body = render_document(store, "secret").renderables[2]
    found = body.get_style_at_offset(Console(), body.plain.index(part))
    checks = {
        "underline": found.underline,
        "bold": found.bold,
        "blue": found.color is not None and found.color.name == "blue",
    }
    assert checks[style], found


@pytest.mark.parametrize(
    ("text", "shortened"),
    [("said\nthis", "said this"), ("a" * 200, "a" * 200), ("a" * 201, "a" * 199 + "…")],
)
def test_cli_display_shorten(text: str, shortened: str) -> None:
    assert shorten(text, width=200) == shortened
