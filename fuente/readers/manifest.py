"""Manifests: metadata for many articles in one file (``fuente ingest --meta FILE``).

A manifest is a CSV, TSV or JSON Lines file; each row names an article by ``path`` (the file,
as given or by its name alone) or by ``id`` (the article's id: a file's name without its
suffix, a JSON Lines record's ``id``), and gives any metadata field under fuente's keys or
their common other names (``published``/``publication_date``/``date``, ``outlet``/``publisher``,
``title``, ``url``, ``author``, ...; see ``fuente.readers.inputs.normalise_meta``). PolNeAR's
``metadata.tsv`` (``filename``, ``publisher``, ``publication_date``, ``title``, ``author``) is
one. A row's fields override what the article's own file says, as a sidecar's do.

Where nothing gives an article's ``published`` and its file's name carries one date written
YYYY-MM-DD ("politico_2016-09-12_speech.txt"), that date is the article's, with a warning (W004)
saying where it came from.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from pathlib import Path
from typing import Any

from fuente.errors import ConfigError, message
from fuente.records import RawArticle

__all__ = [
    "MANIFEST_SUFFIXES", "Manifest", "dated_by_file_name", "file_name_date", "read_manifest",
    "with_manifest",
]  # fmt: skip

MANIFEST_SUFFIXES = (".csv", ".tsv", ".jsonl")
KEYS = ("path", "id", "filename")  # the columns that name an article; filename is an id


class Manifest:
    """The rows of a manifest, looked up by an article's path, file name or id."""

    def __init__(self, rows: Mapping[str, dict[str, Any]]) -> None:
        self.rows = dict(rows)

    def __len__(self) -> int:
        return len(self.rows)

    def fields(self, path: str, doc_id: str) -> dict[str, Any]:
        """The raw fields the manifest gives the article at ``path`` with id ``doc_id``."""
        for key in (os.path.abspath(path), os.path.basename(path), doc_id):
            if key in self.rows:
                return self.rows[key]
        return {}


def read_manifest(path: str | Path, *, normalise: Callable[[Mapping[Any, Any]], dict]) -> Manifest:
    """The manifest at ``path``; ``normalise`` turns a row into metadata under fuente's keys.
    A file that cannot be read, or a row that names no article, is a ConfigError saying where."""
    path = str(path)
    suffix = os.path.splitext(path)[1].lower()
    if suffix not in MANIFEST_SUFFIXES:
        reason = f"a manifest is one of {', '.join(MANIFEST_SUFFIXES)}, not {suffix or 'no suffix'}"
        raise ConfigError(message("E035", path=path, reason=reason))
    rows: dict[str, dict[str, Any]] = {}
    try:
        for number, row in _rows(path, suffix):
            named = [str(row[key]).strip() for key in KEYS if str(row.get(key) or "").strip()]
            if not named:
                reason = f"row {number} names no article (give a path or an id column)"
                raise ConfigError(message("E035", path=path, reason=reason))
            meta = normalise(row)
            key = named[0]
            if str(row.get("path") or "").strip():  # as given, from here, and by its name
                for form in (key, os.path.abspath(key), os.path.basename(key)):
                    rows[form] = meta
            else:
                rows[key] = meta
    except OSError as error:
        raise ConfigError(message("E035", path=path, reason=error.strerror or error)) from None
    except (UnicodeDecodeError, csv.Error, json.JSONDecodeError) as error:
        raise ConfigError(message("E035", path=path, reason=error)) from None
    return Manifest(rows)


def _rows(path: str, suffix: str) -> Iterator[tuple[int, dict[str, Any]]]:
    with open(path, encoding="utf-8", newline="") as stream:
        if suffix == ".jsonl":
            for number, line in enumerate(stream, 1):
                if line.strip():
                    record = json.loads(line)
                    if not isinstance(record, dict):
                        raise json.JSONDecodeError("a row is not an object", line, 0)
                    yield number, record
            return
        reader = csv.DictReader(stream, delimiter="\t" if suffix == ".tsv" else ",")
        for number, row in enumerate(reader, 2):  # line 1 names the columns
            yield number, {key: value for key, value in row.items() if key is not None}


_FILE_DATE = re.compile(r"(?<!\d)(?:1[89]|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?!\d)")


def file_name_date(path: str) -> str | None:
    """The one calendar date a file's name carries, written YYYY-MM-DD
    ("politico_2016-09-12_clinton-speech.txt" -> "2016-09-12"); None for none or two."""
    stem = os.path.splitext(os.path.basename(path))[0]
    found = {match.group(0) for match in _FILE_DATE.finditer(stem)}
    if len(found) != 1:
        return None
    value = found.pop()
    try:
        dt.date.fromisoformat(value)
    except ValueError:  # "2016-02-30"
        return None
    return value


def with_manifest(article: RawArticle, manifest: Manifest | None) -> RawArticle:
    """``article`` with the fields ``manifest`` gives it over its own."""
    fields = manifest.fields(article.path, article.id) if manifest is not None else {}
    return replace(article, meta={**article.meta, **fields}) if fields else article


def dated_by_file_name(article: RawArticle) -> RawArticle:
    """An article nothing dated, with its file name's date, where the name carries one."""
    if article.meta.get("published") or ".jsonl:" in article.path:
        return article
    dated = file_name_date(article.path)
    if dated is None:
        return article
    return replace(
        article,
        meta={**article.meta, "published": dated},
        warnings=(*article.warnings, message("W004", value=dated)),
    )
