"""The embedded database: SQLite in WAL mode, created and migrated by fuente itself.

All writes go through ``Store.add`` (or ``Store.write``), one transaction per document: a
document is stored whole with every record derived from it, or not at all, so a run killed at
any moment leaves no half-stored article, and running it again completes the batch. Reads
return the plain records of ``fuente.records``.

Any number of processes may write to one database at once. Creating and migrating it is
serialised (each migration re-reads the schema version inside its write lock); a writer waits
for the lock up to ``lock_timeout`` seconds and then fails with a message saying so; and
``Store.add`` decides, inside the document's own transaction, whether an article is new, an
update of the same input, an unchanged copy or a duplicate, so two runs never silently
replace each other's documents.

A ``Store`` is had from ``fuente.store.connect``: ``open_store`` for writing, ``open_reader``
read-only; ``fuente.store.health`` checks for damage.
"""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable, Collection, Iterator
from contextlib import suppress
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, TypeVar

from fuente.records import (
    ArticleRecords,
    Attribution,
    Document,
    Entity,
    Event,
    ExcludedRange,
    Field,
    Finding,
    LeadStatement,
    Mention,
    Rejection,
    Sentence,
    Speaker,
    TimeExpr,
    with_document_id,
)
from fuente.store.attributions import (
    read_attributions,
    read_lead,
    read_speakers,
    write_attribution_layer,
)
from fuente.store.events import read_events, write_events
from fuente.store.findings import read_findings, write_findings
from fuente.store.health import LOCK_TIMEOUT, is_locked, store_error
from fuente.store.stats import database_stats

__all__ = ["Added", "IntegrityError", "Store"]

IntegrityError = sqlite3.IntegrityError  # a record of one article breaks a constraint

STORED, UPDATED, UNCHANGED, DUPLICATE = "stored", "updated", "unchanged", "duplicate"
T = TypeVar("T")

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


@dataclass(frozen=True, slots=True)
class Added:
    """What ``Store.add`` did with an article: its status and the id it is stored under
    (for a duplicate, the id of the document it copies)."""

    status: str
    doc: str


class Store:
    """A connection to one fuente database. Use ``open_store`` or ``open_reader`` to get one."""

    def __init__(
        self, db: sqlite3.Connection, path: str, *, lock_timeout: float = LOCK_TIMEOUT
    ) -> None:
        self.db = db
        self.path = path
        self.lock_timeout = lock_timeout

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------

    def atomic(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run ``work(connection)`` in one write transaction (for a corpus pass's writes)."""
        return self._transaction(lambda: work(self.db))

    def write(self, records: ArticleRecords) -> None:
        """Store one article and all its records in one transaction, replacing whatever is
        stored under its id."""
        self._transaction(lambda: self._replace(records))

    def add(self, records: ArticleRecords) -> Added:
        """Store one article unless it is already stored, in one transaction; say what was done.

        Inside the transaction: a text stored already is ``unchanged`` (the same input) or a
        ``duplicate`` (another input); an id stored from the same input path is ``updated``;
        an id stored from another input is given a suffix of the text's hash and ``stored``,
        as two inputs never replace each other.
        """
        return self._transaction(lambda: self._add(records))

    def _add(self, records: ArticleRecords) -> Added:
        document = records.document
        copy = self.db.execute(
            "SELECT id, path FROM documents WHERE content_hash = ? LIMIT 1",
            (document.content_hash,),
        ).fetchone()
        if copy is not None:
            same = copy[0] == document.id and copy[1] == document.path
            return Added(UNCHANGED if same else DUPLICATE, copy[0])
        for doc in (document.id, f"{document.id}-{document.content_hash[:8]}"):
            row = self.db.execute("SELECT path FROM documents WHERE id = ?", (doc,)).fetchone()
            if row is not None and row[0] != document.path:
                continue
            if doc != document.id:
                records = with_document_id(records, doc)
            self._replace(records)
            return Added(UPDATED if row is not None else STORED, doc)
        doc = f"{document.id}-{document.content_hash}"  # a clash of 8 hex digits too
        self._replace(with_document_id(records, doc))
        return Added(STORED, doc)

    def _transaction(self, work: Callable[[], T]) -> T:
        """Run ``work`` in one write transaction, waiting up to ``lock_timeout`` for the lock
        and trying again while another writer holds it; SQLite errors become StoreErrors."""
        db = self.db
        deadline = time.monotonic() + self.lock_timeout
        while True:
            try:
                db.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as error:
                if is_locked(error) and time.monotonic() < deadline:
                    time.sleep(0.05)
                    continue
                raise store_error(error, self.path, lock_timeout=self.lock_timeout) from None
            break
        try:
            result = work()
            db.execute("COMMIT")
        except BaseException as error:
            if db.in_transaction:  # SQLite may have rolled back already (a full disk)
                with suppress(sqlite3.Error):
                    db.execute("ROLLBACK")
            if isinstance(error, sqlite3.Error) and not isinstance(error, sqlite3.IntegrityError):
                raise store_error(error, self.path, lock_timeout=self.lock_timeout) from None
            raise
        return result

    def _replace(self, records: ArticleRecords) -> None:
        doc = records.document.id
        db = self.db
        db.execute("DELETE FROM rejections WHERE path = ?", (records.document.path,))
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
        write_findings(db, records)

    def reject(self, rejection: Rejection) -> None:
        """Record an input that could not be stored, so `fuente stats` can report it: once per
        input, with the last reason given."""

        def record() -> None:
            self.db.execute("DELETE FROM rejections WHERE path = ?", (rejection.path,))
            self.db.execute(
                "INSERT INTO rejections VALUES (?, ?, ?)",
                (rejection.path, rejection.reason, _now()),
            )

        self._transaction(record)

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

    def events(
        self, doc: str | None = None, *, ids: Collection[str] | None = None
    ) -> Iterator[Event]:
        """Events (of one document, or all; ``ids``: only these), in document then text
        order, read lazily."""
        return read_events(self.db, doc, ids=ids)

    def findings(self, doc: str | None = None) -> Iterator[Finding]:
        """The knowledge checks that fired (in one document, or all), in text order."""
        return read_findings(self.db, doc)

    def lead(self, doc: str) -> list[LeadStatement]:
        """The title, deck and lead statements of one document and what they rest on."""
        return read_lead(self.db, doc)

    def stats(self) -> dict[str, Any]:
        """Counts a person wants first: documents, records of each kind, rejections."""
        return database_stats(self.db, self.path)
