"""Many writers on one database: creation, locks, and inputs that never replace each other."""

import multiprocessing
import sqlite3
import threading
import time

import pytest

from fuente.errors import StoreError
from fuente.pipeline import content_hash
from fuente.records import (
    ArticleRecords,
    Attribution,
    Document,
    Entity,
    LeadStatement,
    Mention,
    Speaker,
    with_document_id,
)
from fuente.store.connect import open_store
from fuente.store.migrations import MIGRATIONS


def article(doc: str, path: str, text: str) -> ArticleRecords:
    """A small article with an entity, a speaker, an attribution and a lead statement."""
    document = Document(doc, path, "text", text, content_hash(text), "test@1")
    entity = Entity(f"{doc}#e1", doc, "Varga", "PERSON", "test@1")
    return ArticleRecords(
        document,
        entities=(entity,),
        mentions=(Mention(doc, entity.id, 0, 5, text[:5], "PERSON", "test@1"),),
        speakers=(Speaker(f"{doc}#s1", doc, "person", "Varga", "test@1", entity=entity.id),),
        attributions=(
            Attribution(f"{doc}#a1", doc, "direct", 0, len(text), "test@1", speaker=f"{doc}#s1"),
        ),
        lead=(LeadStatement(doc, "lead", 0, 5, "named", "test@1", (f"{doc}#a1",)),),
    )


def _writer(db: str, folder: str, shared: bool, start: float) -> list[tuple[str, str]]:
    """One process: waits for the common start, then adds ten articles of its own folder
    (ids s0..s9, like every other writer's) and, if ``shared``, ten that others add too."""
    while time.time() < start:
        time.sleep(0.001)
    added = []
    with open_store(db, lock_timeout=30) as store:
        for number in range(10):
            text = f"Varga said on day {number} that {folder} was right."
            result = store.add(article(f"s{number}", f"{folder}/s{number}.txt", text))
            added.append((result.status, result.doc))
            if shared:
                text = f"Varga said the shared line {number}."
                result = store.add(article(f"c{number}", f"common/c{number}.txt", text))
                added.append((result.status, result.doc))
    return added


@pytest.mark.parametrize("round_number", range(4))
def test_store_three_writers_at_once_store_every_input_once(tmp_path, round_number) -> None:
    db = str(tmp_path / f"writers-{round_number}.db")  # a fresh file, created by all at once
    start = time.time() + 0.5
    jobs = [(db, folder, True, start) for folder in ("a", "b", "c")]
    with multiprocessing.get_context("fork").Pool(3) as pool:
        results = pool.starmap(_writer, jobs)
    statuses = [status for result in results for status, _ in result]
    assert "updated" not in statuses
    assert statuses.count("stored") == 40  # 3 folders x 10, and the 10 common ones once
    with open_store(db) as store:
        documents = list(store.documents())
        assert len(documents) == 40
        by_path = {d.path: d for d in documents}
        for folder in ("a", "b", "c"):
            for number in range(10):
                stored = by_path[f"{folder}/s{number}.txt"]
                assert stored.text == f"Varga said on day {number} that {folder} was right."
                assert store.speakers(stored.id)[0].id == f"{stored.id}#s1"
        assert len({d.id for d in documents}) == 40
        assert store.stats()["attributions"] == 40


def test_store_add_same_name_from_another_input_gets_its_own_id(tmp_path) -> None:
    with open_store(tmp_path / "names.db") as store:
        first = store.add(article("story", "a/story.txt", "Varga spoke first."))
        other = store.add(article("story", "b/story.txt", "Varga spoke second."))
        again = store.add(article("story", "a/story.txt", "Varga spoke first, then again."))
        copy = store.add(article("story", "c/story.txt", "Varga spoke second."))
        same = store.add(article("story", "a/story.txt", "Varga spoke first, then again."))
        assert (first.status, first.doc) == ("stored", "story")
        assert other.status == "stored" and other.doc.startswith("story-")
        assert (again.status, again.doc) == ("updated", "story")
        assert (copy.status, copy.doc) == ("duplicate", other.doc)
        assert (same.status, same.doc) == ("unchanged", "story")
        assert store.document(other.doc).path == "b/story.txt"
        assert [a.speaker for a in store.attributions(other.doc)] == [f"{other.doc}#s1"]


def test_records_with_document_id_renames_every_reference() -> None:
    renamed = with_document_id(article("x", "x.txt", "Varga spoke."), "x-1")
    assert renamed.document.id == "x-1" and renamed.document.path == "x.txt"
    assert renamed.entities[0].id == "x-1#e1"
    assert (renamed.mentions[0].doc, renamed.mentions[0].entity) == ("x-1", "x-1#e1")
    assert renamed.speakers[0].entity == "x-1#e1"
    assert renamed.attributions[0].speaker == "x-1#s1"
    assert renamed.lead[0].attributions == ("x-1#a1",)
    assert renamed.entities[0].name == "Varga"


def test_store_writer_waits_for_a_lock_then_writes(tmp_path) -> None:
    path = tmp_path / "wait.db"
    open_store(path).close()
    holder = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    threading.Timer(0.6, lambda: holder.execute("COMMIT")).start()
    with open_store(path, lock_timeout=10) as store:
        began = time.monotonic()
        assert store.add(article("w", "w.txt", "Varga waited.")).status == "stored"
        assert time.monotonic() - began >= 0.5
    holder.close()


def test_store_writer_gives_up_on_a_held_lock_with_a_clear_error(tmp_path) -> None:
    path = tmp_path / "held.db"
    with open_store(path) as store:
        store.add(article("kept", "kept.txt", "Varga stayed."))
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        with open_store(path, lock_timeout=1) as store:
            began = time.monotonic()
            with pytest.raises(StoreError) as raised:
                store.add(article("new", "new.txt", "Varga left."))
            assert time.monotonic() - began < 5
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    text = str(raised.value)
    assert "[E028]" in text and "locked" in text and "lock_timeout" in text and "\n" not in text
    with open_store(path) as store:
        assert [d.id for d in store.documents()] == ["kept"]


def test_store_full_disk_is_named_and_keeps_what_was_stored(tmp_path) -> None:
    path = tmp_path / "full.db"
    store = open_store(path)
    store.add(article("first", "first.txt", "Varga spoke first."))
    pages = store.db.execute("PRAGMA page_count").fetchone()[0]
    store.db.execute(f"PRAGMA max_page_count = {pages + 2}")  # as if the disk were full
    with pytest.raises(StoreError) as raised:
        store.add(article("big", "big.txt", "Varga spoke at length. " * 20_000))
    assert "[E026]" in str(raised.value) and "full" in str(raised.value)
    assert "rollback" not in str(raised.value)
    assert store.document("first") is not None and store.document("big") is None
    store.close()


def test_store_reject_keeps_one_row_per_input_and_a_stored_input_clears_it(tmp_path) -> None:
    from fuente.records import Rejection

    with open_store(tmp_path / "rejected.db") as store:
        for reason in ("first reason", "second reason", "last reason"):
            store.reject(Rejection("bad.txt", reason))
        store.reject(Rejection("other.txt", "why"))
        assert store.stats()["rejections"] == 2
        rows = store.db.execute("SELECT reason FROM rejections WHERE path = 'bad.txt'")
        assert [row[0] for row in rows] == ["last reason"]
        store.add(article("bad", "bad.txt", "Varga spoke, once fixed."))
        assert store.stats()["rejections"] == 1


def older_database(path, version: int) -> sqlite3.Connection:
    """A database as fuente left it after its first ``version`` migrations."""
    db = sqlite3.connect(path, isolation_level=None)
    for step in MIGRATIONS[:version]:
        step(db)
    db.execute(f"PRAGMA user_version = {version}")
    return db


def test_migrations_keep_the_last_rejection_of_each_input(tmp_path) -> None:
    path = tmp_path / "old.db"
    db = older_database(path, 6)
    for reason in ("old", "older", "newest"):
        db.execute("INSERT INTO rejections VALUES ('x.txt', ?, 'now')", (reason,))
    db.close()
    with open_store(path) as store:
        rows = store.db.execute("SELECT path, reason FROM rejections").fetchall()
        assert [tuple(row) for row in rows] == [("x.txt", "newest")]


def test_migrate_applies_each_step_once_when_another_got_there_first(tmp_path, monkeypatch):
    from fuente.store import migrations

    path = tmp_path / "race.db"
    open_store(path).close()
    real = migrations.schema_version
    calls = []

    def stale_then_real(db):  # the first look, before the lock, predates another's migration
        calls.append(1)
        return 0 if len(calls) == 1 else real(db)

    monkeypatch.setattr(migrations, "schema_version", stale_then_real)
    again = sqlite3.connect(path, isolation_level=None)
    assert migrations.migrate(again) == []  # the version is read again under the lock
    again.close()


def _opener(db: str, start: float) -> str:
    while time.time() < start:
        time.sleep(0.001)
    try:
        with open_store(db) as store:
            return str(store.stats()["schema_version"])
    except StoreError as error:
        return str(error)


def test_store_processes_creating_one_database_at_once_all_open_it(tmp_path) -> None:
    for attempt in range(3):
        db = str(tmp_path / f"fresh-{attempt}.db")
        start = time.time() + 0.4
        with multiprocessing.get_context("fork").Pool(4) as pool:
            found = pool.starmap(_opener, [(db, start)] * 8)
        assert found == [str(len(MIGRATIONS))] * 8


def test_store_reader_migrates_an_older_database_it_can_write(tmp_path) -> None:
    from fuente.store.connect import open_reader

    path = tmp_path / "older.db"
    older_database(path, 4).close()
    with open_reader(path) as store:
        assert store.stats()["events_by_category"] == {}
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(MIGRATIONS)
        with pytest.raises(sqlite3.OperationalError):
            store.db.execute("DELETE FROM documents")  # and it is still read-only
