import sqlite3

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fuente.errors import StoreError
from fuente.records import (
    SPEAKER_KINDS,
    ArticleRecords,
    Attribution,
    Document,
    Entity,
    ExcludedRange,
    Field,
    LeadStatement,
    Mention,
    Sentence,
    Speaker,
)
from fuente.store.connect import open_store
from fuente.store.migrations import MIGRATIONS


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
    speakers = attribution_layer_speakers(draw, doc, [e.id for e in entities])
    attributions = attribution_layer_attributions(draw, doc, span, [s.id for s in speakers])
    lead = []
    for part in draw(st.lists(st.sampled_from(["title", "deck", "lead"]), max_size=3)):
        ids = [a.id for a in attributions]
        rests_on = draw(st.lists(st.sampled_from(ids), unique=True)) if ids else []
        support = draw(st.sampled_from(["named", "unnamed-only", "author", "none"]))
        lead.append(LeadStatement(doc, part, *span(), support, "lead@1", tuple(rests_on)))
    return ArticleRecords(
        document, tuple(fields), tuple(excluded), tuple(sentences), tuple(entities),
        tuple(mentions), tuple(speakers), tuple(attributions), tuple(lead),
    )  # fmt: skip


def attribution_layer_speakers(draw, doc: str, entities: list[str]) -> list[Speaker]:
    optional = st.none() | st.text(max_size=12)
    return [
        Speaker(
            f"{doc}#s{3 - number}",  # stored order is not id order
            doc,
            draw(st.sampled_from(SPEAKER_KINDS)),
            draw(st.text(max_size=20)),
            "speakers@1",
            description=draw(optional),
            country=draw(st.none() | st.sampled_from(["MRV", "USA"])),
            sector=draw(optional),
            count=draw(st.none() | st.sampled_from(["1", "2", "several"])),
            entity=draw(st.none() | st.sampled_from(entities)) if entities else None,
        )
        for number in range(draw(st.integers(0, 3)))
    ]


def attribution_layer_attributions(draw, doc: str, span, speakers: list[str]) -> list[Attribution]:
    """Attributions with spans in the text; ``via`` may name one listed after it."""
    count = draw(st.integers(0, 4))
    ids = [f"{doc}#a{number}" for number in range(count)]
    attributions = []
    for identifier in ids:
        cue = span() if draw(st.booleans()) else (None, None)
        source = span() if draw(st.booleans()) else (None, None)
        attributions.append(
            Attribution(
                identifier,
                doc,
                draw(st.sampled_from(["direct", "indirect", "mixed", "non-response"])),
                *span(),
                "quotes@1",
                *cue,
                *source,
                speaker=draw(st.none() | st.sampled_from(speakers)) if speakers else None,
                through=draw(st.none() | st.text(min_size=1, max_size=12)),
                via=draw(st.none() | st.sampled_from(ids)),
            )
        )
    return attributions


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
        assert store.speakers(doc) == list(records.speakers)
        by_content = lambda a: (a.content_start, a.content_end)  # noqa: E731
        attributions = list(store.attributions(doc))
        assert attributions == sorted(records.attributions, key=by_content)
        assert store.lead(doc) == sorted(records.lead, key=key)
        for start, end in spans_of(attributions, store.lead(doc)):
            assert 0 <= start <= end <= len(text)


def spans_of(attributions: list[Attribution], lead: list[LeadStatement]):
    for a in attributions:
        yield a.content_start, a.content_end
        for start, end in ((a.cue_start, a.cue_end), (a.source_start, a.source_end)):
            if start is not None:
                yield start, end
    for statement in lead:
        yield statement.start, statement.end


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


def _attributed(doc: str, text: str, *, via: str | None = None) -> ArticleRecords:
    """A short article with one named and one unnamed source; ``a2`` relays ``a1``'s words."""
    plain = _records(doc, text)
    speakers = (
        Speaker(f"{doc}#s1", doc, "person", "Varga", "speakers@1", entity=f"{doc}#e1"),
        Speaker(f"{doc}#s2", doc, "unnamed", "an aide", "speakers@1", description="an aide"),
    )
    attributions = (  # listed in reverse document order: a2 is written before its via, a1
        Attribution(f"{doc}#a2", doc, "indirect", 6, 12, "quotes@1", speaker=f"{doc}#s2",
                    via=via or f"{doc}#a1"),
        Attribution(f"{doc}#a1", doc, "direct", 0, 5, "quotes@1", speaker=f"{doc}#s1"),
    )  # fmt: skip
    lead = (LeadStatement(doc, "lead", 0, 12, "named", "lead@1", (f"{doc}#a1", f"{doc}#a2")),)
    return ArticleRecords(
        plain.document, sentences=plain.sentences, entities=plain.entities,
        mentions=plain.mentions, speakers=speakers, attributions=attributions, lead=lead,
    )  # fmt: skip


def test_store_via_may_name_an_attribution_written_later(store) -> None:
    store.write(_attributed("a", "Varga spoke at length."))
    assert [a.id for a in store.attributions("a")] == ["a#a1", "a#a2"]
    assert {a.id: a.via for a in store.attributions("a")} == {"a#a1": None, "a#a2": "a#a1"}
    assert store.lead("a")[0].attributions == ("a#a1", "a#a2")


@pytest.mark.parametrize("broken", ["via", "speaker"])
def test_store_dangling_attribution_reference_fails_whole(store, broken: str) -> None:
    good = _attributed("a", "Varga spoke at length.")
    if broken == "via":
        records = _attributed("a", "Varga spoke at length.", via="a#nowhere")
    else:
        bad = Attribution("a#a9", "a", "direct", 0, 5, "quotes@1", speaker="a#nobody")
        records = ArticleRecords(
            good.document, speakers=good.speakers, attributions=(*good.attributions, bad)
        )
    with pytest.raises(sqlite3.IntegrityError):
        store.write(records)
    assert store.document("a") is None
    assert store.stats()["speakers"] == 0 and store.stats()["attributions"] == 0
    store.write(good)  # the store is usable afterwards
    assert store.stats()["attributions"] == 2


def test_store_rewrite_replaces_the_attribution_layer(store) -> None:
    store.write(_attributed("a", "Varga spoke at length."))
    store.write(_records("a", "Varga left."))
    assert store.speakers("a") == []
    assert list(store.attributions("a")) == []
    assert store.lead("a") == []


def test_store_rewriting_a_relayed_document_clears_via_elsewhere(store) -> None:
    store.write(_attributed("a", "Varga spoke at length."))
    store.write(_attributed("b", "Varga spoke at length.", via="a#a1"))
    store.write(_attributed("a", "Varga spoke at length!"))
    assert {a.id: a.via for a in store.attributions("b")}["b#a2"] is None


def test_store_attributions_across_documents_in_document_then_text_order(store) -> None:
    store.write(_attributed("b", "Varga spoke at length."))
    store.write(_attributed("a", "Varga spoke at length."))
    assert [a.id for a in store.attributions()] == ["a#a1", "a#a2", "b#a1", "b#a2"]
    assert [a.id for a in store.attributions(speakers=["b#s2", "a#s1"])] == ["a#a1", "b#a2"]
    assert list(store.attributions(speakers=[])) == []
    assert [s.id for s in store.all_speakers()] == ["a#s1", "a#s2", "b#s1", "b#s2"]


def test_store_migrates_a_version_1_database(tmp_path) -> None:
    path = tmp_path / "v1.db"
    db = sqlite3.connect(path, isolation_level=None)
    MIGRATIONS[0](db)
    db.execute("PRAGMA user_version = 1")
    db.execute(
        "INSERT INTO documents (id, path, format, text, content_hash, version, ingested_at) "
        "VALUES ('old', 'old.txt', 'text', 'Varga spoke.', ?, 'test@0', '2025-03-14')",
        ("h" * 40,),
    )
    db.close()
    with open_store(path) as store:
        assert store.stats()["schema_version"] == len(MIGRATIONS) >= 2
        assert store.document("old").text == "Varga spoke."
        assert store.speakers("old") == [] and store.lead("old") == []
        store.write(_attributed("new", "Varga spoke at length."))
        store.write(_attributed("old", "Varga spoke at length."))
    with open_store(path) as store:
        assert [a.id for a in store.attributions()] == ["new#a1", "new#a2", "old#a1", "old#a2"]
        indexes = {row[0] for row in store.db.execute("SELECT name FROM sqlite_master")}
        assert {"speakers_doc", "speakers_name", "attributions_speaker"} <= indexes
