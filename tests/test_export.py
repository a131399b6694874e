import csv
import io
import json

import pyarrow.parquet as pq
import pytest

from fuente.errors import ConfigError
from fuente.export import EXPORTS, export
from fuente.records import ArticleRecords, Document, Entity, ExcludedRange, Mention

TEXT = "Tomas Varga spoke.\nDonate"


@pytest.fixture
def filled(store):
    document = Document(
        "a", "a.txt", "text", TEXT, "h" * 40, "test@1", title="Talks", tags=("politics",),
        outlet="Marovia Today", language="en", published="2025-03-14",
    )  # fmt: skip
    entity = Entity("a#e1", "a", "Tomas Varga", "PERSON", "entities@1")
    store.write(
        ArticleRecords(
            document,
            excluded=(ExcludedRange("a", 19, 25, "support-appeal", "layout@1"),),
            entities=(entity,),
            mentions=(Mention("a", "a#e1", 0, 11, "Tomas Varga", "PERSON", "entities@1"),),
        )
    )
    return store


def run(store, kind: str, fmt: str) -> bytes:
    out = io.BytesIO()
    export(kind, store=store, format=fmt, out=out)
    return out.getvalue()


def test_export_documents_jsonl_has_the_documented_fields(filled) -> None:
    (row,) = [json.loads(line) for line in run(filled, "documents", "jsonl").splitlines()]
    assert row == {
        "id": "a", "path": "a.txt", "url": None, "title": "Talks", "deck": None,
        "tags": ["politics"], "outlet": "Marovia Today", "language": "en",
        "published": {"value": "2025-03-14", "inferred": False},
        "excluded": [{"start": 19, "end": 25, "reason": "support-appeal"}],
    }  # fmt: skip
    assert TEXT[19:25] == "Donate"


def test_export_entities_in_every_format_agree(filled) -> None:
    (jsonl,) = [json.loads(line) for line in run(filled, "entities", "jsonl").splitlines()]
    assert jsonl["mentions"] == [{"start": 0, "end": 11, "text": "Tomas Varga"}]
    (from_csv,) = list(csv.DictReader(io.StringIO(run(filled, "entities", "csv").decode())))
    assert json.loads(from_csv["mentions"]) == jsonl["mentions"]
    assert from_csv["type"] == "PERSON"
    table = pq.read_table(io.BytesIO(run(filled, "entities", "parquet")))
    assert table.to_pylist() == [jsonl]


@pytest.mark.parametrize("kind", sorted(EXPORTS))
def test_export_empty_database_gives_valid_empty_files(store, kind: str) -> None:
    assert run(store, kind, "jsonl") == b""
    assert pq.read_table(io.BytesIO(run(store, kind, "parquet"))).num_rows == 0


def test_export_unknown_kind_or_format_is_a_clear_error(store) -> None:
    with pytest.raises(ConfigError, match="E023"):
        run(store, "quotes", "jsonl")
    with pytest.raises(ConfigError, match="E024"):
        run(store, "documents", "xml")
