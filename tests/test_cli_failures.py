"""What a person sees when a command fails: one line with a code, the right exit status."""

import os
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from click.testing import CliRunner

from fuente.cli import main
from fuente.pipeline import content_hash
from fuente.records import ArticleRecords, Document, RawArticle
from fuente.settings import load_settings
from fuente.store.connect import open_reader, open_store

STORY = "Varga said on Monday that the talks would resume. Diplomats said the plan was sound.\n"


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def filled(path: Path, count: int = 3) -> Path:
    with open_store(path) as store:
        for number in range(count):
            text = f"Story {number}: " + STORY
            document = Document(f"d{number}", f"d{number}.txt", "text", text,
                                content_hash(text), "test@1", title=f"Title {number}")  # fmt: skip
            store.write(ArticleRecords(document))
    return path


READERS = [["stats"], ["show", "d1"], ["export", "documents"], ["who-said", "varga"],
           ["timeline"], ["check"], ["serve", "--port", "0"]]  # fmt: skip


@pytest.mark.parametrize("command", READERS)
def test_cli_reading_commands_refuse_a_missing_database(tmp_path, command) -> None:
    db = tmp_path / "typo.db"
    result = invoke(*command, "--db", str(db))
    assert result.exit_code == 2
    assert "[E025]" in result.output and "Traceback" not in result.output
    assert not db.exists() and not list(tmp_path.iterdir())


def test_cli_unexpected_failure_is_one_line_and_debug_shows_it(tmp_path, monkeypatch) -> None:
    db = filled(tmp_path / "f.db")

    def broken(self):
        raise RuntimeError("something inside broke\nsecond line")

    monkeypatch.setattr("fuente.store.database.Store.stats", broken)
    result = invoke("stats", "--db", str(db))
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "[E081]" in lines[0] and "--debug" in lines[0]
    assert "something inside broke" in lines[0]
    debugged = invoke("--debug", "stats", "--db", str(db))
    assert isinstance(debugged.exception, RuntimeError)


def test_cli_reads_a_database_in_a_read_only_folder(tmp_path, read_only) -> None:
    folder = tmp_path / "archive"
    folder.mkdir()
    db = filled(folder / "f.db")
    (folder / "new.txt").write_text(STORY, encoding="utf-8")
    with read_only(folder):
        stats = invoke("stats", "--json", "--db", str(db))
        assert stats.exit_code == 0, stats.output
        assert '"documents": 3' in stats.output
        shown = invoke("show", "d1", "--db", str(db))
        assert shown.exit_code == 0 and "Story 1" in shown.output
        with open_reader(db) as store:
            assert store.document("d2").title == "Title 2"
        ingest = invoke("ingest", "--db", str(db), str(folder / "new.txt"))
        assert ingest.exit_code == 2
        lines = ingest.output.strip().splitlines()
        assert len(lines) == 1 and "read-only" in lines[0] and "Traceback" not in ingest.output
        assert sorted(p.name for p in folder.iterdir()) == ["f.db", "new.txt"]


def test_cli_ingest_into_a_read_only_file_says_so(tmp_path, read_only) -> None:
    db = filled(tmp_path / "f.db")
    source = tmp_path / "new.txt"
    source.write_text(STORY, encoding="utf-8")
    with read_only(db):
        result = subprocess.run(
            [sys.executable, "-m", "fuente.cli", "ingest", "--db", str(db), str(source)],
            capture_output=True, text=True, timeout=120,
        )  # fmt: skip
        assert result.returncode == 2, result.stderr
        assert "[E027]" in result.stderr and "read-only" in result.stderr
        assert "Traceback" not in result.stderr
        assert invoke("stats", "--db", str(db)).exit_code == 0


def damage(path: Path) -> None:
    """8 KB of garbage written over the pages near the end of the file, where the articles are
    (the schema's pages come first)."""
    size = path.stat().st_size
    with path.open("r+b") as stream:
        stream.seek(size - 3 * 4096)
        stream.write(bytes((n * 37 + 11) % 256 for n in range(8192)))


def test_cli_damaged_database_is_refused_not_misread(tmp_path) -> None:
    db = filled(tmp_path / "f.db", count=60)
    damage(db)
    before = db.read_bytes()
    for command in (["stats"], ["show", "d30"], ["export", "documents"], ["ingest", str(db)]):
        result = invoke(*command, "--db", str(db))
        assert result.exit_code == 2, command
        assert "[E029]" in result.output and "fuente check --repair" in result.output, command
        assert "does not exist" not in result.output and "Traceback" not in result.output
    assert db.read_bytes() == before  # nothing was written into it
    checked = invoke("check", "--db", str(db))
    assert checked.exit_code == 2 and "[E080]" in checked.output


def test_cli_check_repair_rebuilds_a_damaged_search_index(tmp_path) -> None:
    db = filled(tmp_path / "f.db")
    raw = sqlite3.connect(db, isolation_level=None)
    raw.execute("UPDATE documents_search_data SET block = zeroblob(length(block)) WHERE id > 1")
    raw.close()
    assert invoke("check", "--db", str(db)).exit_code == 2
    repaired = invoke("check", "--repair", "--db", str(db))
    assert repaired.exit_code == 0 and "ok" in repaired.output
    assert invoke("check", "--db", str(db)).exit_code == 0
    with open_reader(db) as store:
        hits = store.db.execute(
            "SELECT count(*) FROM documents_search WHERE documents_search MATCH 'diplomats'"
        ).fetchone()[0]
    assert hits == 3


@pytest.fixture(scope="module")
def blank_model(tmp_path_factory) -> str:
    """A spaCy pipeline with no trained parts (a sentencizer only): ingest runs in a second."""
    import spacy

    folder = tmp_path_factory.mktemp("blank") / "model"
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    nlp.to_disk(folder)
    return str(folder)


def fuente(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "fuente.cli", *args],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip


@pytest.mark.parametrize("round_number", range(3))
def test_cli_three_ingests_at_once_store_every_input_once(tmp_path, blank_model, round_number):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
        for number in range(12):
            text = f"Story {number} from {folder}: Varga said the talks would resume.\n"
            (tmp_path / folder / f"s{number}.txt").write_text(text, encoding="utf-8")
    db = str(tmp_path / "shared.db")
    a, b = str(tmp_path / "a"), str(tmp_path / "b")
    runs = [fuente("ingest", "--model", blank_model, "--db", db, *paths)
            for paths in ([a], [b], [a, b])]  # fmt: skip
    results = [(run.wait(timeout=120), run.stdout.read(), run.stderr.read()) for run in runs]
    for code, _, errors in results:
        assert code == 0, errors
    assert all("updated" not in line for _, out, _ in results for line in out.splitlines()[:-1])
    with open_reader(db) as store:
        documents = list(store.documents())
    assert len(documents) == 24
    assert {d.path for d in documents} == {
        str(tmp_path / folder / f"s{n}.txt") for folder in ("a", "b") for n in range(12)
    }
    for document in documents:
        assert document.text == Path(document.path).read_text(encoding="utf-8")


def test_cli_ingest_gives_up_on_a_held_lock_in_one_line(tmp_path, blank_model) -> None:
    db = filled(tmp_path / "f.db")
    source = tmp_path / "new.txt"
    source.write_text(STORY, encoding="utf-8")
    config = tmp_path / "fuente.yaml"
    config.write_text("lock_timeout: 1\n", encoding="utf-8")
    holder = sqlite3.connect(db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        began = time.monotonic()
        run = fuente("ingest", "--config", str(config), "--model", blank_model,
                     "--db", str(db), str(source))  # fmt: skip
        code = run.wait(timeout=60)
        errors = run.stderr.read()
        assert code == 2, errors
        assert time.monotonic() - began < 30
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "[E028]" in errors and "lock_timeout" in errors and "Traceback" not in errors
    with open_reader(db) as store:
        assert store.stats()["documents"] == 3


def test_pipeline_max_length_follows_max_chars() -> None:
    from fuente.nlp.annotate import load_pipeline

    assert load_pipeline(load_settings(max_chars=2_500_000)).max_length == 2_500_000
    assert load_pipeline(load_settings()).max_length == 1_000_000


def test_pipeline_rejects_an_article_over_max_length_alone(nlp, settings) -> None:
    from fuente.pipeline import process

    articles = [RawArticle("short", "short.txt", STORY, "text"),
                RawArticle("long", "long.txt", STORY * 40, "text"),
                RawArticle("after", "after.txt", STORY, "text")]  # fmt: skip
    kept = nlp.max_length
    nlp.max_length = len(STORY) * 10
    try:
        results = list(process(articles, nlp=nlp, settings=settings))
    finally:
        nlp.max_length = kept
    assert [type(r).__name__ for r in results] == ["ArticleRecords", "Rejection", "ArticleRecords"]
    assert "[E083]" in results[1].reason and "max_chars" in results[1].reason


@contextmanager
def small_disk(folder: Path, size: str) -> Iterator[Path]:
    """A file system of ``size`` at ``folder`` (a tmpfs; needs root, else the test skips)."""
    folder.mkdir()
    if os.geteuid() != 0 or shutil.which("mount") is None:
        pytest.skip("a small disk needs root to mount a tmpfs")
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)],
                             capture_output=True)  # fmt: skip
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.decode().strip()}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def test_cli_ingest_on_a_full_disk_stops_cleanly_and_keeps_what_was_stored(
    tmp_path, blank_model
) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(12):
        line = f"Varga said the talks number {number} would resume next week. "
        (corpus / f"b{number:02}.txt").write_text(line * 1500, encoding="utf-8")
    with small_disk(tmp_path / "disk", "1m") as disk:
        db = disk / "f.db"
        run = fuente("ingest", "--model", blank_model, "--db", str(db), str(corpus))
        code, errors = run.wait(timeout=120), run.stderr.read()
        assert code == 2, errors
        assert "[E026]" in errors and "full" in errors and "stopped after" in errors
        assert "Traceback" not in errors and "cannot rollback" not in errors
        with open_reader(db) as store:
            stored = list(store.documents())
        assert 1 <= len(stored) < 12
        assert all(d.text == (corpus / f"{d.id}.txt").read_text() for d in stored)
