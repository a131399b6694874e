import csv
import io
import json
import os
import stat
import threading
from collections.abc import Iterator

import pyarrow.parquet as pq
import pytest

from fuente.errors import ConfigError, FuenteError
from fuente.query.export import EXPORTS, ExportKind, csv_cell, document_rows, export, export_to_path
from fuente.records import (
    ArticleRecords,
    Attribution,
    Document,
    Entity,
    ExcludedRange,
    LeadStatement,
    Mention,
    Speaker,
    TimeExpr,
)

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
        "id": "a", "path": "a.txt", "format": "text", "url": None, "title": "Talks", "deck": None,
        "tags": ["politics"], "outlet": "Marovia Today", "language": "en",
        "published": {"value": "2025-03-14", "inferred": False, "earliest": None, "latest": None},
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


SOURCED = (
    "Talks Failed, Officials Say\n"
    "The talks failed, two Unionist officials said. "
    '"We met twice," Varga told the Courier.\n'
    "Reader comment: the minister said nothing.\n"
)


def at(part: str) -> tuple[int, int]:
    start = SOURCED.index(part)
    return start, start + len(part)


@pytest.fixture
def sourced(filled):
    """Beside ``a`` (no attributions), ``b``: a named and an unnamed source, a relayed
    attribution without a speaker, and one inside a reader's comment."""
    document = Document("b", "b.txt", "text", SOURCED, "b" * 40, "test@1")
    speakers = (
        Speaker("b#s1", "b", "person", "Tomas Varga", "q@1", description="Interior Minister",
                country="MRV", sector="government", entity="b#e1"),
        Speaker("b#s2", "b", "unnamed", "two Unionist officials", "q@1",
                description="two Unionist officials", country="MRV", count="2"),
    )  # fmt: skip
    attributions = (
        Attribution("b#a1", "b", "indirect", *at("The talks failed"), "q@1", *at("said"),
                    *at("two Unionist officials"), speaker="b#s2"),
        Attribution("b#a2", "b", "direct", *at('"We met twice,"'), "q@1", *at("told"),
                    *at("Varga"), speaker="b#s1", through="Courier"),
        Attribution("b#a3", "b", "indirect", *at("nothing"), "q@1", speaker="b#s1"),
        Attribution("b#a4", "b", "indirect", *at("Talks Failed"), "q@1", via="b#a1"),
    )  # fmt: skip
    filled.write(
        ArticleRecords(
            document,
            excluded=(ExcludedRange("b", *at("Reader comment: the minister said nothing.\n"),
                                    "comment", "layout@1"),),
            entities=(Entity("b#e1", "b", "Tomas Varga", "PERSON", "entities@1"),),
            speakers=speakers,
            attributions=attributions,
            lead=(LeadStatement("b", "title", *at("Talks Failed, Officials Say"), "unnamed-only",
                                "lead@1", ("b#a1",)),),
        )
    )  # fmt: skip
    return filled


def rows(store, kind: str) -> list[dict]:
    return [json.loads(line) for line in run(store, kind, "jsonl").splitlines()]


def test_export_attributions_jsonl_has_the_documented_fields(sourced) -> None:
    assert rows(sourced, "attributions") == [
        {"id": "b#a4", "doc": "b", "content": {"start": 0, "end": 12, "text": "Talks Failed"},
         "cue": None, "source": None, "speaker": None, "kind": "indirect", "through": None,
         "via": "b#a1", "time": None},
        {"id": "b#a1", "doc": "b", "content": {"start": 28, "end": 44, "text": "The talks failed"},
         "cue": {"start": 69, "end": 73, "text": "said"},
         "source": {"start": 46, "end": 68, "text": "two Unionist officials"},
         "speaker": {"id": "b#s2", "name": "two Unionist officials", "kind": "unnamed",
                     "description": "two Unionist officials",
                     "affiliation": {"country": "MRV", "sector": None},
                     "key": "unnamed/two-unionist-officials", "actor": None},
         "kind": "indirect", "through": None, "via": None, "time": None},
        {"id": "b#a2", "doc": "b", "content": {"start": 75, "end": 90, "text": '"We met twice,"'},
         "cue": {"start": 97, "end": 101, "text": "told"},
         "source": {"start": 91, "end": 96, "text": "Varga"},
         "speaker": {"id": "b#s1", "name": "Tomas Varga", "kind": "person",
                     "description": "Interior Minister",
                     "affiliation": {"country": "MRV", "sector": "government"},
                     "key": "named/tomas-varga", "actor": None},
         "kind": "direct", "through": "Courier", "via": None, "time": None},
    ]  # fmt: skip


def test_export_sourcing_one_row_per_document(sourced) -> None:
    empty, profiled = rows(sourced, "sourcing")
    assert empty["doc"] == "a" and empty["attributions"] == 0 and empty["lead"] == []
    title = {"part": "title", "start": 0, "end": 27, "text": "Talks Failed, Officials Say",
             "support": "unnamed-only", "attributions": ["b#a1"]}  # fmt: skip
    assert profiled == {
        "doc": "b", "attributions": 3,
        "by_kind": {"person": 1, "organisation": 0, "outlet": 0, "document": 0, "author": 0,
                    "unnamed": 1},
        "named": 1, "unnamed": 1, "author": 0, "non_responses": {"count": 0, "who": []},
        "outlets": [{"name": "Courier", "count": 1}],
        "unnamed_speakers": [{"description": "two Unionist officials", "country": "MRV",
                              "sector": None, "count": "2"}],
        "lead": [title], "unnamed_only": [title],
    }  # fmt: skip


def test_export_never_exports_an_attribution_inside_an_excluded_range(sourced) -> None:
    exported = run(sourced, "attributions", "jsonl").decode()
    assert "b#a3" not in exported and "nothing" not in exported
    assert "b#a3" in {a.id for a in sourced.attributions("b")}  # stored, but not exported


@pytest.mark.parametrize("kind", ["attributions", "sourcing"])
def test_export_attribution_layer_in_every_format_agrees(sourced, kind: str) -> None:
    expected = rows(sourced, kind)
    from_csv = list(csv.DictReader(io.StringIO(run(sourced, kind, "csv").decode())))
    assert len(from_csv) == len(expected)
    for row, csv_row in zip(expected, from_csv, strict=True):
        assert list(csv_row) == list(row)
        for name, value in row.items():
            if isinstance(value, dict | list):
                assert json.loads(csv_row[name]) == value, name
            else:
                assert csv_row[name] == ("" if value is None else str(value)), name
    table = pq.read_table(io.BytesIO(run(sourced, kind, "parquet")))
    assert table.schema == EXPORTS[kind].schema
    assert table.to_pylist() == expected


# CSV that a spreadsheet opens safely -----------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("https://x.example","click")', '\'=HYPERLINK("https://x.example","click")'),
        ("+1 555 0100", "'+1 555 0100"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("Talks resume", "Talks resume"),
        ("a=b", "a=b"),
        (0, 0),
        (-3, -3),
        (2.5, 2.5),
        (True, True),
        (None, None),
        (["=x"], '["=x"]'),
        ({"text": "-y"}, '{"text": "-y"}'),
    ],
)
def test_export_csv_cell_neutralises_what_a_spreadsheet_would_run(value, cell) -> None:
    assert csv_cell(value) == cell


def test_export_csv_writes_formulas_as_text_and_numbers_as_numbers(store) -> None:
    text = "=cmd said -1."
    document = Document(
        "=d", "@a.txt", "text", text, "h" * 40, "test@1", title="=HYPERLINK(\"https://x\")",
        deck="+deck", outlet="-outlet", url="\turl",
    )  # fmt: skip
    store.write(
        ArticleRecords(
            document,
            excluded=(ExcludedRange("=d", 0, 4, "=reason", "layout@1"),),
            times=(TimeExpr("=d", 5, 9, "-1", "DATE", "-1", "none", "t@1"),),
        )
    )
    (row,) = csv.DictReader(io.StringIO(run(store, "documents", "csv").decode()))
    assert row["id"] == "'=d" and row["path"] == "'@a.txt"
    assert row["title"] == '\'=HYPERLINK("https://x")'
    assert (row["deck"], row["outlet"], row["url"]) == ("'+deck", "'-outlet", "'\turl")
    assert json.loads(row["excluded"]) == [{"start": 0, "end": 4, "reason": "=reason"}]
    (time,) = csv.DictReader(io.StringIO(run(store, "times", "csv").decode()))
    assert (time["start"], time["end"], time["text"], time["value"]) == ("5", "9", "'-1", "'-1")


# Writing a file whole or not at all ------------------------------------------------------------


def test_export_to_path_replaces_the_file_whole_keeping_its_mode_and_links(
    filled, tmp_path, monkeypatch
) -> None:
    real, link = tmp_path / "real.jsonl", tmp_path / "link.jsonl"
    real.write_bytes(b"earlier export\n")
    real.chmod(0o640)
    link.symlink_to(real)
    seen: list[bytes] = []

    def peeking_rows(store) -> Iterator[dict]:
        yield from document_rows(store)
        seen.append(real.read_bytes())  # what a reader finds while the export runs

    peeking = ExportKind("peeking", peeking_rows, EXPORTS["documents"].schema, "peeks")
    monkeypatch.setitem(EXPORTS, "peeking", peeking)
    assert export_to_path("peeking", store=filled, format="jsonl", path=str(link)) == 1
    assert seen == [b"earlier export\n"]
    assert json.loads(real.read_text())["id"] == "a"
    assert link.is_symlink() and stat.S_IMODE(real.stat().st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["link.jsonl", "real.jsonl"]

    new = tmp_path / "new.csv"
    export_to_path("documents", store=filled, format="csv", path=str(new))
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(new.stat().st_mode) == 0o666 & ~umask

    pipe = tmp_path / "pipe"  # not a file to replace: written into, as /dev/stdout would be
    os.mkfifo(pipe)
    read: list[bytes] = []
    reader = threading.Thread(target=lambda: read.append(pipe.read_bytes()), daemon=True)
    reader.start()
    export_to_path("documents", store=filled, format="jsonl", path=str(pipe))
    reader.join(timeout=10)
    assert stat.S_ISFIFO(os.stat(pipe).st_mode)
    assert read and json.loads(read[0])["id"] == "a"


def broken_rows(store) -> Iterator[dict]:
    yield from document_rows(store)
    raise RuntimeError("the disk went away")


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet", "xml"])
def test_export_to_path_failure_leaves_the_earlier_file(
    filled, tmp_path, monkeypatch, fmt: str
) -> None:
    broken = ExportKind("broken", broken_rows, EXPORTS["documents"].schema, "fails midway")
    monkeypatch.setitem(EXPORTS, "broken", broken)
    out = tmp_path / "out"
    out.write_bytes(b"earlier export\n")
    with pytest.raises((RuntimeError, ConfigError)):
        export_to_path("broken", store=filled, format=fmt, path=str(out))
    assert out.read_bytes() == b"earlier export\n"
    assert os.listdir(tmp_path) == ["out"]


def test_export_to_path_unwritable_folder_is_a_clear_error(filled, tmp_path) -> None:
    missing = tmp_path / "no-such-folder" / "out.csv"
    with pytest.raises(FuenteError, match=r"\[E015\] cannot write .*out\.csv"):
        export_to_path("documents", store=filled, format="csv", path=str(missing))
