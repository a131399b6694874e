"""The embedded database: SQLite in WAL mode, created and migrated by fuente itself.

All writes go through ``Store.write``, one transaction per document: a document is stored whole
with every record derived from it, or not at all, so a run killed at any moment leaves no
half-stored article, and running it again completes the batch. Reads return the plain records
of ``fuente.records``.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Collection, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from fuente.errors import StoreError, message
from fuente.migrations import MIGRATIONS, migrate, schema_version
from fuente.records import (
    ArticleRecords,
    Attribution,
    Document,
    Entity,
    Event,
    ExcludedRange,
    Field,
    LeadStatement,
    Mention,
    Rejection,
    Sentence,
    Speaker,
    TimeExpr,
)
from fuente.store_attributions import (
    read_attributions,
    read_lead,
    read_speakers,
    write_attribution_layer,
)
from fuente.store_events import read_events, write_events

__all__ = ["Store", "open_store"]

DOCUMENT_COLUMNS = (
    "id", "path", "format", "url", "title", "deck", "tags", "outlet", "language", "published",
    "published_inferred", "published_earliest", "published_latest", "text", "raw",
    "content_hash", "warnings", "version",
)  # fmt: skip
TIME_COLUMNS = (
    "doc",
    "start_char",
    "end_char",
    "text",
    "type",
    "value",
    "anchor",
    "mod",
    "version",
    "attribution",
    "role",
)


# An actor as counted: its country and sector ("USA government"), else its words; "-" for none.
_ACTOR_LABEL = (
    "coalesce(nullif(trim(coalesce({side}_country, '') || ' ' || coalesce({side}_sector, '')), ''),"
    " {side}_text, '-')"
)
EVENT_CATEGORIES = "SELECT category, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1"
EVENT_PAIRS = (
    f"SELECT {_ACTOR_LABEL.format(side='source')} || ' -> ' || "
    f"{_ACTOR_LABEL.format(side='target')}, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _document_row(document: Document) -> tuple[Any, ...]:
    values = {name: getattr(document, name) for name in DOCUMENT_COLUMNS if hasattr(document, name)}
    values["tags"] = json.dumps(list(document.tags), ensure_ascii=False)
    values["warnings"] = json.dumps(list(document.warnings), ensure_ascii=False)
    values["published_inferred"] = int(document.published_inferred)
    return tuple(values[name] for name in DOCUMENT_COLUMNS)


def _document_from_row(row: sqlite3.Row) -> Document:
    values = {name: row[name] for name in DOCUMENT_COLUMNS}
    values["tags"] = tuple(json.loads(values["tags"]))
    values["warnings"] = tuple(json.loads(values["warnings"]))
    values["published_inferred"] = bool(values["published_inferred"])
    return Document(**values)


class Store:
    """A connection to one fuente database. Use ``open_store`` to get one."""

    def __init__(self, db: sqlite3.Connection, path: str) -> None:
        self.db = db
        self.path = path

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def write(self, records: ArticleRecords) -> None:
        """Store one article and all its records in one transaction, replacing an older copy."""
        doc = records.document.id
        db = self.db
        db.execute("BEGIN IMMEDIATE")
        try:
            db.execute("DELETE FROM documents WHERE id = ?", (doc,))
            placeholders = ", ".join("?" * (len(DOCUMENT_COLUMNS) + 1))
            db.execute(
                f"INSERT INTO documents ({', '.join(DOCUMENT_COLUMNS)}, ingested_at) "
                f"VALUES ({placeholders})",
                (*_document_row(records.document), _now()),
            )
            db.executemany(
                "INSERT INTO fields VALUES (?, ?, ?, ?, ?, ?)",
                [(f.doc, f.name, f.value, f.start, f.end, f.version) for f in records.fields],
            )
            db.executemany(
                "INSERT INTO excluded VALUES (?, ?, ?, ?, ?)",
                [(r.doc, r.start, r.end, r.reason, r.version) for r in records.excluded],
            )
            db.executemany(
                "INSERT INTO sentences VALUES (?, ?, ?, ?)",
                [(s.doc, s.start, s.end, s.version) for s in records.sentences],
            )
            db.executemany(
                "INSERT INTO entities VALUES (?, ?, ?, ?, ?)",
                [(e.id, e.doc, e.name, e.type, e.version) for e in records.entities],
            )
            db.executemany(
                "INSERT INTO mentions VALUES (?, ?, ?, ?, ?, ?, ?)",
                [
                    (m.doc, m.entity, m.start, m.end, m.text, m.label, m.version)
                    for m in records.mentions
                ],
            )
            write_attribution_layer(db, records)
            db.executemany(
                f"INSERT INTO times ({', '.join(TIME_COLUMNS)}) "
                f"VALUES ({', '.join('?' * len(TIME_COLUMNS))})",
                [
                    (
                        t.doc,
                        t.start,
                        t.end,
                        t.text,
                        t.type,
                        t.value,
                        t.anchor,
                        t.mod,
                        t.version,
                        t.attribution,
                        t.role,
                    )
                    for t in records.times
                ],
            )
            write_events(db, records)
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise

    def reject(self, rejection: Rejection) -> None:
        """Record an input that could not be stored, so `fuente stats` can report it."""
        with self.db:
            self.db.execute(
                "INSERT INTO rejections VALUES (?, ?, ?)",
                (rejection.path, rejection.reason, _now()),
            )

    # -- reading ---------------------------------------------------------------------------

    def stored_hash(self, doc: str) -> tuple[str, str] | None:
        """``(content_hash, path)`` of the stored document ``doc``, or None."""
        row = self.db.execute(
            "SELECT content_hash, path FROM documents WHERE id = ?", (doc,)
        ).fetchone()
        return (row[0], row[1]) if row else None

    def find_by_hash(self, content_hash: str) -> str | None:
        """Id of a stored document with exactly this content, or None."""
        row = self.db.execute(
            "SELECT id FROM documents WHERE content_hash = ? LIMIT 1", (content_hash,)
        ).fetchone()
        return row[0] if row else None

    def document(self, doc: str) -> Document | None:
        row = self.db.execute(
            f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM documents WHERE id = ?", (doc,)
        ).fetchone()
        return _document_from_row(row) if row else None

    def documents(self) -> Iterator[Document]:
        """Every stored document, in id order, read lazily."""
        cursor = self.db.execute(f"SELECT {', '.join(DOCUMENT_COLUMNS)} FROM documents ORDER BY id")
        for row in cursor:
            yield _document_from_row(row)

    def excluded(self, doc: str) -> list[ExcludedRange]:
        rows = self.db.execute(
            "SELECT doc, start_char, end_char, reason, version FROM excluded "
            "WHERE doc = ? ORDER BY start_char, end_char",
            (doc,),
        )
        return [ExcludedRange(*row) for row in rows]

    def fields(self, doc: str) -> list[Field]:
        rows = self.db.execute(
            "SELECT doc, name, value, start_char, end_char, version FROM fields "
            "WHERE doc = ? ORDER BY rowid",
            (doc,),
        )
        return [Field(*row) for row in rows]

    def sentences(self, doc: str) -> list[Sentence]:
        rows = self.db.execute(
            "SELECT doc, start_char, end_char, version FROM sentences "
            "WHERE doc = ? ORDER BY start_char, end_char",
            (doc,),
        )
        return [Sentence(*row) for row in rows]

    def entities(self, doc: str | None = None) -> Iterator[tuple[Entity, list[Mention]]]:
        """Entities (of one document, or all) with their mentions, in document order."""
        where, params = ("WHERE e.doc = ?", (doc,)) if doc is not None else ("", ())
        cursor = self.db.execute(
            "SELECT e.id, e.doc, e.name, e.type, e.version, "
            "m.doc, m.entity, m.start_char, m.end_char, m.text, m.label, m.version "
            f"FROM entities e JOIN mentions m ON m.entity = e.id {where} "
            "ORDER BY e.doc, e.rowid, m.start_char, m.end_char",
            params,
        )
        current: Entity | None = None
        mentions: list[Mention] = []
        for row in cursor:
            entity = Entity(*row[:5])
            if current is not None and entity.id != current.id:
                yield current, mentions
                mentions = []
            current = entity
            mentions.append(Mention(*row[5:]))
        if current is not None:
            yield current, mentions

    def speakers(self, doc: str) -> list[Speaker]:
        """The speakers of one document, in the order they were stored."""
        return list(read_speakers(self.db, doc))

    def all_speakers(self) -> Iterator[Speaker]:
        """Every speaker of every document, by document id, read lazily."""
        return read_speakers(self.db, None)

    def attributions(
        self, doc: str | None = None, *, speakers: Collection[str] | None = None
    ) -> Iterator[Attribution]:
        """Attributions (of one document, or all) in document order, read lazily: by document
        id, then where their content starts. ``speakers`` keeps only those of these speaker ids."""
        return read_attributions(self.db, doc, speakers=speakers)

    def times(self, doc: str | None = None) -> Iterator[TimeExpr]:
        """Time expressions (of one document, or all), in document then text order."""
        where, params = ("WHERE doc = ?", (doc,)) if doc is not None else ("", ())
        cursor = self.db.execute(
            f"SELECT {', '.join(TIME_COLUMNS)} FROM times {where} "
            "ORDER BY doc, start_char, end_char",
            params,
        )
        for row in cursor:
            yield TimeExpr(
                doc=row["doc"], start=row["start_char"], end=row["end_char"], text=row["text"],
                type=row["type"], value=row["value"], anchor=row["anchor"],
                version=row["version"], mod=row["mod"], attribution=row["attribution"],
                role=row["role"],
            )  # fmt: skip

    def events(self, doc: str | None = None) -> Iterator[Event]:
        """Events (of one document, or all), in document then text order, read lazily."""
        return read_events(self.db, doc)

    def lead(self, doc: str) -> list[LeadStatement]:
        """The title, deck and lead statements of one document and what they rest on."""
        return read_lead(self.db, doc)

    def stats(self) -> dict[str, Any]:
        """Counts a person wants first: documents, records of each kind, rejections."""
        one = self.db.execute
        counts = {
            table: one(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in (
                "documents", "sentences", "entities", "mentions", "excluded", "speakers",
                "attributions", "events",
            )
        }  # fmt: skip
        return {
            "database": self.path,
            "schema_version": schema_version(self.db),
            **counts,
            "characters": one("SELECT coalesce(sum(length(text)), 0) FROM documents").fetchone()[0],
            "rejections": one("SELECT count(*) FROM rejections").fetchone()[0],
            "by_outlet": dict(
                one(
                    "SELECT coalesce(outlet, '(unknown)'), count(*) FROM documents "
                    "GROUP BY 1 ORDER BY 2 DESC, 1"
                ).fetchall()
            ),
            "by_language": dict(
                one(
                    "SELECT coalesce(language, '(unknown)'), count(*) FROM documents "
                    "GROUP BY 1 ORDER BY 2 DESC, 1"
                ).fetchall()
            ),
            "by_format": dict(
                one("SELECT format, count(*) FROM documents GROUP BY 1 ORDER BY 1").fetchall()
            ),
            "entities_by_type": dict(
                one("SELECT type, count(*) FROM entities GROUP BY 1 ORDER BY 2 DESC").fetchall()
            ),
            "excluded_by_reason": dict(
                one("SELECT reason, count(*) FROM excluded GROUP BY 1 ORDER BY 2 DESC").fetchall()
            ),
            "attributions_by_kind": dict(
                one("SELECT kind, count(*) FROM attributions GROUP BY 1 ORDER BY 2 DESC").fetchall()
            ),
            "events_by_category": dict(
                one(
                    "SELECT category, count(*) FROM events GROUP BY 1 ORDER BY 2 DESC, 1"
                ).fetchall()
            ),
            "events_by_actor_pair": dict(one(EVENT_PAIRS).fetchall()),
        }


def open_store(path: str | Path) -> Store:
    """Open (creating and migrating as needed) the database at ``path``; ":memory:" works too."""
    path = str(path)
    try:
        db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        db.row_factory = sqlite3.Row
        db.execute("PRAGMA busy_timeout = 10000")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA synchronous = NORMAL")
        db.execute("PRAGMA foreign_keys = ON")
        found = schema_version(db)
        if found > len(MIGRATIONS):
            raise StoreError(message("E021", path=path, found=found, known=len(MIGRATIONS)))
        migrate(db)
    except sqlite3.Error as error:
        raise StoreError(message("E020", path=path, reason=error)) from None
    return Store(db, path)
