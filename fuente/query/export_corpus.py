"""The export kinds of the corpus-wide passes: actors, syndicated copies, claims, knowledge
findings and contradictions, each as ``(name, rows, schema, help)`` for ``fuente.query.export`` to
register beside the kinds of one article's layers."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pyarrow as pa

from fuente.query.actors import actor_rows
from fuente.query.claims import claims
from fuente.query.contradictions import contradictions
from fuente.query.rows import finding_row
from fuente.query.syndication import syndication_rows
from fuente.store.database import Store

__all__ = ["CORPUS_KINDS"]

Rows = Callable[[Store], Iterator[dict[str, Any]]]
CORPUS_KINDS: list[tuple[str, Rows, pa.Schema, str]] = []


def _kind(name: str, rows: Rows, schema: pa.Schema, help: str) -> None:
    CORPUS_KINDS.append((name, rows, schema, help))


def _span_struct(*extra: tuple[str, pa.DataType]) -> pa.DataType:
    return pa.struct([("start", pa.int64()), ("end", pa.int64()), *extra])


def _actor_export_rows(store: Store) -> Iterator[dict[str, Any]]:
    for row in actor_rows(store):
        aliases = [{"name": name, "count": count} for name, count in row["aliases"].items()]
        yield {**row, "aliases": aliases}


_ALIAS = pa.struct([("name", pa.string()), ("count", pa.int64())])
_ACTOR_FIELDS = ("id", "name", "kind", "kb", "country", "sector")
_kind(
    "actors",
    _actor_export_rows,
    pa.schema(
        [(name, pa.string()) for name in _ACTOR_FIELDS]
        + [("aliases", pa.list_(_ALIAS)), ("mentions", pa.int64()), ("version", pa.string())]
    ),
    "one row per corpus-wide actor: name, kind, knowledge-base id, the names it is written as",
)


_SYNDICATION_TEXT = ("doc", "kind", "group", "origin", "outlet", "published")
_SYNDICATION_SPANS = ("start", "end", "source_doc", "source_start", "source_end")
_kind(
    "syndication",
    syndication_rows,
    pa.schema(
        [(name, pa.string()) for name in _SYNDICATION_TEXT]
        + [("share", pa.float64()), ("reason", pa.string())]
        + [
            (name, pa.string() if name == "source_doc" else pa.int64())
            for name in _SYNDICATION_SPANS
        ]
    ),
    "one row per member of a copy group (origin or copy), and per passage reused from another",
)


_CLAIM_MEMBER = pa.struct(
    [
        ("ref", pa.string()),
        ("doc", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("text", pa.string()),
        ("published", pa.string()),
        ("outlet", pa.string()),
        ("matched", pa.string()),
        ("score", pa.float64()),
        ("reason", pa.string()),
    ]
)
_ORIGIN = pa.struct(
    [("origin", pa.string()), ("doc", pa.string()), ("ref", pa.string()), ("how", pa.string())]
)
_FOLDED = pa.struct(
    [("ref", pa.string()), ("doc", pa.string()), ("into", pa.string()), ("how", pa.string())]
)
_SIDE = pa.struct(
    [
        ("doc", pa.string()),
        ("ref", pa.string()),
        ("start", pa.int64()),
        ("end", pa.int64()),
        ("text", pa.string()),
    ]
)
_CONTRADICTION = pa.struct(
    [
        ("rule", pa.string()),
        ("message", pa.string()),
        ("claim", pa.string()),
        ("actor", pa.string()),
        ("one", _SIDE),
        ("other", _SIDE),
        ("version", pa.string()),
    ]
)
_kind(
    "claims",
    claims,
    pa.schema(
        [
            ("id", pa.string()),
            ("kind", pa.string()),
            ("actor", pa.string()),
            ("who", pa.string()),
            ("text", pa.string()),
            ("documents", pa.int64()),
            ("sources", pa.int64()),
            ("origins", pa.list_(_ORIGIN)),
            ("folded", pa.list_(_FOLDED)),
            ("unnamed_only", pa.bool_()),
            ("members", pa.list_(_CLAIM_MEMBER)),
            ("contradictions", pa.list_(_CONTRADICTION)),
        ]
    ),
    "one row per statement or event two articles or more report, with its independent sources",
)


def findings_rows(store: Store) -> Iterator[dict[str, Any]]:
    for finding in store.findings():
        yield finding_row(finding)


_kind(
    "findings",
    findings_rows,
    pa.schema(
        [
            ("doc", pa.string()),
            ("rule", pa.string()),
            ("message", pa.string()),
            ("actor", _span_struct(("text", pa.string()), ("kb", pa.string()))),
            ("date", _span_struct(("value", pa.string()), ("text", pa.string()))),
            ("version", pa.string()),
        ]
    ),
    "one row per knowledge check that fired: the rule, the actor's span and the date's",
)


def contradiction_rows(store: Store) -> Iterator[dict[str, Any]]:
    yield from contradictions(store)


_kind(
    "contradictions",
    contradiction_rows,
    pa.schema(list(_CONTRADICTION)),
    "one row per contradiction between reports: the rule, what disagrees, both sides' spans",
)
