"""Full-text search: the FTS5 index the search migration keeps, and the search function."""

from __future__ import annotations

from pathlib import Path

import pytest
from webrecords import reply_records, talks_records

from fuente.query.reading import open_read
from fuente.query.search import fts_query, search
from fuente.store.connect import open_store
from fuente.store.migrations import MIGRATIONS
from fuente.store.search_index import fill_search_index
from fuente.text import mask


def _matches(store, table: str, query: str) -> int:
    return store.db.execute(
        f"SELECT count(*) FROM {table} WHERE {table} MATCH ?", (fts_query(query),)
    ).fetchone()[0]


def test_search_index_follows_writes_and_deletes(store) -> None:
    store.write(talks_records())
    assert _matches(store, "documents_search", "envoy") == 1
    assert _matches(store, "attributions_search", "surrender") == 1
    store.write(talks_records())  # stored again: replaced, not doubled
    assert _matches(store, "documents_search", "envoy") == 1
    assert _matches(store, "attributions_search", "surrender") == 1
    store.db.execute("DELETE FROM documents WHERE id = 'talks'")
    assert _matches(store, "documents_search", "envoy") == 0
    assert _matches(store, "attributions_search", "surrender") == 0


def test_search_excluded_text_is_never_matched(store) -> None:
    store.write(talks_records())
    assert _matches(store, "documents_search", "newsletter") == 0
    assert _matches(store, "attributions_search", "newsletter") == 0
    assert search(store, "newsletter")["total"] == 0
    # blanking keeps offsets: the indexed text is as long as the original
    indexed = store.db.execute("SELECT text FROM documents_search").fetchone()[0]
    assert len(indexed) == len(talks_records().document.text)


def test_search_index_blanks_excluded_text_as_fuente_text_mask(store) -> None:
    """The trigger (on write) and the fill (migration, repair) blank alike, and as
    ``fuente.text.mask`` does: offsets the same as the masked text spaCy reads."""
    records = talks_records()
    store.write(records)
    text = records.document.text
    ranges = [(r.start, r.end) for r in records.excluded]
    assert ranges
    written = store.db.execute("SELECT text FROM documents_search").fetchone()[0]
    fill_search_index(store.db, rebuild=True)
    filled = store.db.execute("SELECT text FROM documents_search").fetchone()[0]
    assert written == filled == mask(text, ranges, keep="")
    assert len(filled) == len(mask(text, ranges))


def test_search_migration_fills_an_existing_database(tmp_path: Path) -> None:
    """A database written before the index existed gets it filled by the migration."""
    path = tmp_path / "old.db"
    with open_store(path) as store:
        store.write(talks_records())
        db = store.db
        for name in ("documents_search", "attributions_search"):
            db.execute(f"DROP TABLE {name}")
        for (trigger,) in db.execute(
            "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name LIKE '%search%'"
        ).fetchall():
            db.execute(f"DROP TRIGGER {trigger}")
        migration = next(step for step in MIGRATIONS if step.__name__ == "search_index")
        migration(db)
        assert _matches(store, "documents_search", "envoy") == 1
        assert _matches(store, "attributions_search", "surrender") == 1
        assert _matches(store, "documents_search", "newsletter") == 0
        assert _matches(store, "attributions_search", "newsletter") == 0
        store.write(reply_records())  # and the triggers it made keep it up
        assert _matches(store, "documents_search", "misread") == 1


def test_search_finds_text_and_attributions_with_passages(web_db: Path) -> None:
    with open_read(web_db) as store:
        results = search(store, "talks")
    kinds = {hit["type"] for hit in results["hits"]}
    assert kinds == {"text", "attribution"}
    for hit in results["hits"]:
        pieces = hit["passage"] + hit.get("speaker_passage", [])  # matched what was said, or who
        marked = [piece["text"].casefold() for piece in pieces if piece["hit"]]
        assert marked and all(word == "talks" for word in marked), hit
    said = [hit for hit in results["hits"] if hit["type"] == "attribution"]
    assert any(hit["speaker"]["key"] == "named/ana-lopez" for hit in said)


def test_search_ignores_accents_and_case(web_db: Path) -> None:
    with open_read(web_db) as store:
        assert search(store, "LOPEZ")["total"] == search(store, "lópez")["total"] > 0


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        ({"outlet": "Harbor Post"}, {"reply"}),
        ({"language": "en"}, {"talks"}),
        ({"date": "2025-04"}, {"reply"}),
        ({"date": "2025"}, {"talks", "reply"}),
        ({"speaker": "named"}, {"talks"}),
        ({"speaker": "unnamed"}, {"talks", "reply"}),  # "a source briefed on the talks"
    ],
)
def test_search_facets_narrow_results(web_db: Path, filters: dict, expected: set) -> None:
    with open_read(web_db) as store:
        results = search(store, "talks", filters=filters)
    assert {hit["doc"] for hit in results["hits"]} == expected
    if "speaker" in filters:
        assert {hit["type"] for hit in results["hits"]} == {"attribution"}


def test_search_facets_count_what_other_choices_leave(web_db: Path) -> None:
    with open_read(web_db) as store:
        results = search(store, "talks", filters={"outlet": "Harbor Post"})
    outlets = {item["value"]: item for item in results["facets"]["outlet"]}
    assert set(outlets) == {"Coastal Wire", "Harbor Post"}  # its own choice does not narrow it
    assert outlets["Harbor Post"]["chosen"]
    assert [item["value"] for item in results["facets"]["language"]] == ["es"]
    speakers = {item["value"]: item["count"] for item in results["facets"]["speaker"]}
    assert speakers == {"unnamed": 1}


@pytest.mark.parametrize(
    "query", ['"', "AND", "NEAR(", "*", "-talks", "col:talks", "')", '"unclosed phrase', "OR OR"]
)
def test_search_any_input_is_a_query_not_an_error(web_db: Path, query: str) -> None:
    with open_read(web_db) as store:
        results = search(store, query)
    assert results["total"] >= 0


def test_search_phrases_must_match_whole(web_db: Path) -> None:
    with open_read(web_db) as store:
        assert search(store, '"envoy left early"')["total"] >= 1
        assert search(store, '"early left envoy"')["total"] == 0


def test_search_without_query_lists_documents_latest_first(web_db: Path) -> None:
    with open_read(web_db) as store:
        results = search(store, "")
    assert [hit["doc"] for hit in results["hits"]] == ["reply", "talks"]
    assert {hit["type"] for hit in results["hits"]} == {"document"}
