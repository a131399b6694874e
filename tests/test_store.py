import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuente.errors import StoreError
from fuente.migrations import MIGRATIONS
from fuente.records import (
    ArticleRecords,
    Document,
    Entity,
    ExcludedRange,
    Field,
    Mention,
    Sentence,
)
from fuente.store import open_store


@st.composite
def article_records(draw) -> ArticleRecords:
    """Random but consistent records: every range lies inside the text it points into."""
    text = draw(st.text(min_size=1, max_size=200))
    doc = draw(st.from_regex(r"[a-z0-9_-]{1,12}", fullmatch=True))

    def span():
        start = draw(st.integers(0, len(text)))
        return start, draw(st.integers(start, len(text)))

    document = Document(
        id=doc,
        path=f"{doc}.txt",
        format="text",
        text=text,
        content_hash=draw(st.from_regex(r"[0-9a-f]{40}", fullmatch=True)),
        version="test@1",
        title=draw(st.none() | st.text(max_size=20)),
        tags=tuple(draw(st.lists(st.text(min_size=1, max_size=8), max_size=3))),
        outlet=draw(st.none() | st.text(max_size=20)),
        published=draw(st.none() | st.just("2025-03-14")),
        published_inferred=draw(st.booleans()),
        warnings=tuple(draw(st.lists(st.text(max_size=10), max_size=2))),
    )
    fields, excluded, sentences, entities, mentions = [], [], [], [], []
    for name in draw(st.lists(st.sampled_from(["title", "deck", "outlet"]), max_size=3)):
        start, end = span()
        fields.append(Field(doc, name, text[start:end], start, end, "layout@1"))
    for _ in range(draw(st.integers(0, 3))):
        excluded.append(ExcludedRange(doc, *span(), "duplicate", "layout@1"))
    for _ in range(draw(st.integers(0, 3))):
        sentences.append(Sentence(doc, *span(), "annotate@1"))
    for number in range(draw(st.integers(0, 3))):
        entity = Entity(f"{doc}#e{number}", doc, f"name {number}", "PERSON", "entities@1")
        entities.append(entity)
        for _ in range(draw(st.integers(1, 3))):
            start, end = span()
            mentions.append(
                Mention(doc, entity.id, start, end, text[start:end], "ORG", "entities@1")
            )
    return ArticleRecords(
        document, tuple(fields), tuple(excluded), tuple(sentences), tuple(entities), tuple(mentions)
    )


@settings(max_examples=60, suppress_health_check=[HealthCheck.too_slow])
@given(article_records())
def test_store_round_trip_keeps_every_record(records: ArticleRecords) -> None:
    with open_store(":memory:") as store:
        store.write(records)
        doc = records.document.id
        assert store.document(doc) == records.document
        assert store.fields(doc) == list(records.fields)
        key = lambda r: (r.start, r.end)  # noqa: E731
        assert store.excluded(doc) == sorted(records.excluded, key=key)
        assert store.sentences(doc) == sorted(records.sentences, key=key)
        stored = dict(store.entities(doc))
        assert list(stored) == list(records.entities)
        for entity, mentions in stored.items():
            expected = [m for m in records.mentions if m.entity == entity.id]
            assert mentions == sorted(expected, key=key)
        text = store.document(doc).text
        for mention in (m for ms in stored.values() for m in ms):
            assert text[mention.start : mention.end] == mention.text
        for field in store.fields(doc):
            assert text[field.start : field.end] == field.value


def _records(doc: str, text: str, mentions: int = 1) -> ArticleRecords:
    document = Document(doc, f"{doc}.txt", "text", text, "h" * 40, "test@1")
    entity = Entity(f"{doc}#e1", doc, "Varga", "PERSON", "entities@1")
    return ArticleRecords(
        document,
        sentences=(Sentence(doc, 0, len(text), "annotate@1"),),
        entities=(entity,),
        mentions=tuple(
            Mention(doc, entity.id, 0, 5, text[:5], "PERSON", "entities@1") for _ in range(mentions)
        ),
    )


def test_store_write_replaces_an_older_copy_whole(store) -> None:
    store.write(_records("a", "Varga spoke at length.", mentions=3))
    store.write(_records("a", "Varga left.", mentions=1))
    assert store.document("a").text == "Varga left."
    assert store.stats()["mentions"] == 1
    assert store.stats()["sentences"] == 1


def test_store_failed_write_leaves_nothing_half_stored(store) -> None:
    good = _records("a", "Varga spoke.")
    broken = ArticleRecords(
        good.document,
        sentences=good.sentences,
        entities=good.entities,
        mentions=(Mention("a", "a#missing", 0, 5, "Varga", "PERSON", "entities@1"),),
    )
    with pytest.raises(sqlite3.IntegrityError):
        store.write(broken)
    assert store.document("a") is None
    assert store.stats()["sentences"] == 0


def test_store_migrates_once_and_refuses_a_newer_schema(tmp_path) -> None:
    path = tmp_path / "f.db"
    with open_store(path) as store:
        assert store.stats()["schema_version"] == len(MIGRATIONS)
        assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with open_store(path) as store:  # reopening does not migrate again
        assert store.stats()["schema_version"] == len(MIGRATIONS)
        store.db.execute(f"PRAGMA user_version = {len(MIGRATIONS) + 1}")
    with pytest.raises(StoreError, match="E021"):
        open_store(path)


def test_store_unopenable_path_is_a_clear_error(tmp_path) -> None:
    with pytest.raises(StoreError, match="E020"):
        open_store(tmp_path / "no-such-dir" / "f.db")
