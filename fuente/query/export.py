"""Export stored records as JSON Lines, CSV or Parquet.

Each export kind is a row generator over the store plus a Parquet schema, registered in
``EXPORTS``; later layers register their kinds the same way (``register``). Field names are
part of fuente's interface: they are documented in the README and kept stable.

In CSV, a text cell a spreadsheet would take for a formula (one beginning with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) is written with a leading ``'``. ``export_to_path``
writes a file whole or not at all: to a temporary file beside it, renamed over it at the end.
"""

from __future__ import annotations

import csv
import io
import json
import os
import secrets
import stat
from collections.abc import Callable, Iterator
from contextlib import suppress
from dataclasses import dataclass
from itertools import islice
from typing import IO, Any

import pyarrow as pa
import pyarrow.parquet as pq

from fuente.errors import ConfigError, FuenteError, message
from fuente.query.attributions import attribution_rows
from fuente.query.export_corpus import CORPUS_KINDS
from fuente.query.rows import document_row, entity_row, event_row, time_row
from fuente.query.sourcing import sourcing_profile
from fuente.records import SPEAKER_KINDS
from fuente.store.actors import document_links
from fuente.store.database import Store

__all__ = ["EXPORTS", "FORMATS", "ExportKind", "export", "export_to_path", "register"]

FORMATS = ("jsonl", "csv", "parquet")
PARQUET_BATCH = 1000
# What a spreadsheet reads as the start of a formula, and what OWASP's CSV guidance escapes.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")

Rows = Callable[[Store], Iterator[dict[str, Any]]]


@dataclass(frozen=True, slots=True)
class ExportKind:
    name: str
    rows: Rows
    schema: pa.Schema
    help: str


EXPORTS: dict[str, ExportKind] = {}


def register(name: str, rows: Rows, schema: pa.Schema, help: str) -> None:
    """Make ``fuente export NAME`` write what ``rows(store)`` yields."""
    EXPORTS[name] = ExportKind(name, rows, schema, help)


def _span_struct(*extra: tuple[str, pa.DataType]) -> pa.DataType:
    return pa.struct([("start", pa.int64()), ("end", pa.int64()), *extra])


def document_rows(store: Store) -> Iterator[dict[str, Any]]:
    for document in store.documents():
        yield document_row(document, store.excluded(document.id))


def entity_rows(store: Store) -> Iterator[dict[str, Any]]:
    for entity, mentions in store.entities():
        yield entity_row(entity, mentions)


register(
    "documents",
    document_rows,
    pa.schema(
        [
            ("id", pa.string()),
            ("path", pa.string()),
            ("format", pa.string()),
            ("url", pa.string()),
            ("title", pa.string()),
            ("deck", pa.string()),
            ("tags", pa.list_(pa.string())),
            ("outlet", pa.string()),
            ("language", pa.string()),
            (
                "published",
                pa.struct(
                    [
                        ("value", pa.string()),
                        ("inferred", pa.bool_()),
                        ("earliest", pa.string()),
                        ("latest", pa.string()),
                    ]
                ),
            ),
            ("excluded", pa.list_(_span_struct(("reason", pa.string())))),
        ]
    ),
    "one row per article: metadata and excluded ranges",
)
register(
    "entities",
    entity_rows,
    pa.schema(
        [
            ("id", pa.string()),
            ("doc", pa.string()),
            ("name", pa.string()),
            ("type", pa.string()),
            ("key", pa.string()),
            ("mentions", pa.list_(_span_struct(("text", pa.string())))),
        ]
    ),
    "one row per entity of a document, with its mentions",
)


def sourcing_rows(store: Store) -> Iterator[dict[str, Any]]:
    for document in store.documents():
        doc = document.id
        yield sourcing_profile(
            document,
            store.attributions(doc),
            store.speakers(doc),
            store.lead(doc),
            excluded=store.excluded(doc),
        )


_TEXT_SPAN = _span_struct(("text", pa.string()))
_LEAD_STATEMENT = pa.struct(
    [
        ("part", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("text", pa.string()),
        ("support", pa.string()),
        ("attributions", pa.list_(pa.string())),
    ]
)

register(
    "attributions",
    lambda store: attribution_rows(store, store.attributions()),
    pa.schema(
        [
            ("id", pa.string()),
            ("doc", pa.string()),
            ("content", _TEXT_SPAN),
            ("cue", _TEXT_SPAN),
            ("source", _TEXT_SPAN),
            (
                "speaker",
                pa.struct(
                    [
                        ("id", pa.string()),
                        ("name", pa.string()),
                        ("kind", pa.string()),
                        ("description", pa.string()),
                        (
                            "affiliation",
                            pa.struct([("country", pa.string()), ("sector", pa.string())]),
                        ),
                        ("key", pa.string()),
                        ("actor", pa.string()),
                    ]
                ),
            ),
            ("kind", pa.string()),
            ("through", pa.string()),
            ("via", pa.string()),
            ("time", _span_struct(("text", pa.string()), ("value", pa.string()))),
        ]
    ),
    "one row per attribution: content, cue, source, speaker",
)
register(
    "sourcing",
    sourcing_rows,
    pa.schema(
        [
            ("doc", pa.string()),
            ("attributions", pa.int64()),
            ("by_kind", pa.struct([(kind, pa.int64()) for kind in SPEAKER_KINDS])),
            ("named", pa.int64()),
            ("unnamed", pa.int64()),
            ("author", pa.int64()),
            ("non_responses", pa.struct([("count", pa.int64()), ("who", pa.list_(pa.string()))])),
            ("outlets", pa.list_(pa.struct([("name", pa.string()), ("count", pa.int64())]))),
            (
                "unnamed_speakers",
                pa.list_(
                    pa.struct(
                        [
                            ("description", pa.string()),
                            ("country", pa.string()),
                            ("sector", pa.string()),
                            ("count", pa.string()),
                        ]
                    )
                ),
            ),
            ("lead", pa.list_(_LEAD_STATEMENT)),
            ("unnamed_only", pa.list_(_LEAD_STATEMENT)),
        ]
    ),
    "one row per article: how it is sourced",
)


def time_rows(store: Store) -> Iterator[dict[str, Any]]:
    for time in store.times():
        yield time_row(time)


register(
    "times",
    time_rows,
    pa.schema(
        [
            ("doc", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("text", pa.string()),
            ("type", pa.string()),
            ("value", pa.string()),
            ("mod", pa.string()),
            ("anchor", pa.string()),
            ("attribution", pa.string()),
            ("role", pa.string()),
        ]
    ),
    "one row per time expression, with its TIMEX3 type and value",
)


def event_rows(store: Store) -> Iterator[dict[str, Any]]:
    texts: dict[str, str] = {}
    actors: dict[str, str] = {}
    for event in store.events():
        if event.doc not in texts:
            document = store.document(event.doc)
            texts = {event.doc: document.text if document else ""}
            actors = document_links(store.db, event.doc)
        yield event_row(event, texts[event.doc], actors)


_ACTOR = pa.struct(
    [
        ("text", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("entity", pa.string()),
        ("country", pa.string()),
        ("sector", pa.string()),
        ("found", pa.string()),
        ("actor", pa.string()),
    ]
)
register(
    "events",
    event_rows,
    pa.schema(
        [
            ("id", pa.string()),
            ("doc", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("text", pa.string()),
            ("category", pa.string()),
            ("mode", pa.string()),
            ("source", _ACTOR),
            ("target", _ACTOR),
            (
                "date",
                pa.struct([("value", pa.string()), ("start", pa.int64()), ("end", pa.int64())]),
            ),
            ("location", pa.string()),
            ("negated", pa.bool_()),
            ("modality", pa.string()),
            ("attribution", pa.string()),
            ("lead", pa.bool_()),
        ]
    ),
    "one row per event: PLOVER category and mode, actors and how each was found, date, place,"
    " qualifiers, and whether it is a main event of its article (lead)",
)


for _kind in CORPUS_KINDS:
    register(*_kind)


def _write_jsonl(rows: Iterator[dict[str, Any]], out: IO[bytes]) -> int:
    count = 0
    for row in rows:
        out.write(json.dumps(row, ensure_ascii=False).encode("utf-8") + b"\n")
        count += 1
    return count


def csv_cell(value: object) -> object:
    """A value as a CSV cell: lists and objects as JSON text, text a spreadsheet would run as a
    formula with a leading ``'``; numbers, booleans and None as they are."""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _write_csv(rows: Iterator[dict[str, Any]], out: IO[bytes], schema: pa.Schema) -> int:
    """CSV with one column per field; nested fields (lists, objects) as JSON text."""
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    writer = csv.DictWriter(text, fieldnames=schema.names)
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow({key: csv_cell(value) for key, value in row.items()})
        count += 1
    text.detach()
    return count


def _write_parquet(rows: Iterator[dict[str, Any]], out: IO[bytes], schema: pa.Schema) -> int:
    count = 0
    with pq.ParquetWriter(out, schema) as writer:
        while batch := list(islice(rows, PARQUET_BATCH)):
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
        if count == 0:
            writer.write_table(schema.empty_table())
    return count


def export(kind: str, *, store: Store, format: str, out: IO[bytes]) -> int:
    """Write every record of ``kind`` to the binary stream ``out``; return how many."""
    if kind not in EXPORTS:
        raise ConfigError(message("E023", kind=kind, kinds=", ".join(sorted(EXPORTS))))
    if format not in FORMATS:
        raise ConfigError(message("E024", format=format, formats=", ".join(FORMATS)))
    chosen = EXPORTS[kind]
    rows = chosen.rows(store)
    if format == "jsonl":
        return _write_jsonl(rows, out)
    if format == "csv":
        return _write_csv(rows, out, chosen.schema)
    return _write_parquet(rows, out, chosen.schema)


def _temporary(target: str) -> tuple[int, str]:
    """A new file beside ``target``, made with the permissions a new ``target`` would get."""
    folder, name = os.path.split(target)
    while True:
        path = os.path.join(folder, f".{name}.{secrets.token_hex(4)}.tmp")
        try:
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            return os.open(path, flags, 0o666), path
        except FileExistsError:
            continue


def export_to_path(kind: str, *, store: Store, format: str, path: str) -> int:
    """Write every record of ``kind`` to the file ``path``; return how many.

    The records go to a temporary file in the same folder, renamed over ``path`` once all are
    written, so a failed export leaves no partial file and any earlier file at ``path`` as it
    was. A ``path`` that exists and is not a regular file (``/dev/stdout``, a pipe) is written
    to directly.
    """
    target = os.path.realpath(path)
    try:
        if os.path.exists(target) and not stat.S_ISREG(os.stat(target).st_mode):
            with open(target, "wb") as out:
                return export(kind, store=store, format=format, out=out)
        descriptor, temporary = _temporary(target)
    except OSError as error:
        raise FuenteError(message("E015", path=path, reason=error.strerror or error)) from None
    try:
        with os.fdopen(descriptor, "wb") as out:
            count = export(kind, store=store, format=format, out=out)
            out.flush()
            os.fsync(out.fileno())
        if os.path.exists(target):  # keep the permissions the file had
            os.chmod(temporary, stat.S_IMODE(os.stat(target).st_mode))
        os.replace(temporary, target)
    except OSError as error:
        _discard(temporary)
        raise FuenteError(message("E015", path=path, reason=error.strerror or error)) from None
    except BaseException:  # whatever else stopped it, Ctrl-C too: no partial file is left
        _discard(temporary)
        raise
    return count


def _discard(path: str) -> None:
    with suppress(OSError):
        os.unlink(path)
