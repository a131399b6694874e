"""Readers: turn the paths a person gives into ``RawArticle`` records, one per article.

``read_inputs`` is a generator: it streams, so a corpus may be larger than memory. Each path
may be a file, a directory (walked recursively in name order; hidden entries and files of
other types are skipped, which also skips ``NAME.meta.json`` sidecars) or a glob pattern (``*``,
``?``, ``[...]``, and ``**`` across folders, not into hidden ones; its matches are treated like
a directory's files). Symbolic links to folders are followed, but no folder is walked twice, so
a link to a folder above it is no cycle; and no file is read twice in one run, whatever names
and paths reach it. A bad input becomes a ``Rejection`` with a catalogue message and the batch
goes on; nothing is raised for bad input and nothing is printed.

Formats, chosen by suffix:

``.txt``
    The decoded file, kept whole. A leading YAML front-matter block (a ``---`` line, YAML, a
    ``---`` or ``...`` line) gives metadata and is marked ``(0, end, "front-matter")`` in
    ``excluded``; the text itself is never cut, so offsets index the file as decoded.
``.html``, ``.htm``
    trafilatura's main text; comments it finds are appended after a blank line and marked
    ``"comment-section"``. ``raw`` keeps the HTML as read.
``.jsonl``
    One article per line with a ``text`` or an ``html`` field (``text`` wins when both are
    given; the HTML is then kept as ``raw``). Blank lines are skipped; a bad line is rejected
    as ``FILE:LINE`` and the other lines are read.

Metadata is normalised by ``normalise_meta`` to the keys ``title, deck, tags, outlet, url,
published, language, author`` (only those present). For a text or HTML file, a sidecar
``NAME.meta.json`` next to it is read too: its keys override the front matter's (or the page's).
"""

from __future__ import annotations

import codecs
import datetime as dt
import fnmatch
import glob
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, BinaryIO

import trafilatura
import yaml

from fuente.decode import binary_detail, byte_limit, read_decoded, undecodable_bytes
from fuente.errors import message
from fuente.records import RawArticle, Rejection
from fuente.settings import Settings

__all__ = ["EXTRACTOR", "expand_paths", "normalise_meta", "read_inputs"]

EXTRACTOR = "readers@1"

_FORMATS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
_GLOB_CHARS = frozenset("*?[")
_SEPARATORS = re.compile("[" + re.escape(os.sep + (os.altsep or "")) + "]")
_SNIFF_BYTES = 8192
_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE
)
# Each normalised key, and the names it may be given under, in order of preference.
_META_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline"),
    "deck": ("deck", "description", "subtitle"),
    "tags": ("tags", "categories", "keywords"),
    "outlet": ("outlet", "sitename", "site_name"),
    "url": ("url",),
    "published": ("published", "date"),
    "language": ("language", "lang"),
    "author": ("author", "authors"),
}
Excluded = tuple[tuple[int, int, str], ...]


@dataclass(frozen=True, slots=True)
class _Body:
    """An article's text, what of it is not article text, and the metadata found with it."""

    text: str
    excluded: Excluded = ()
    meta: Mapping[str, Any] | None = None


def read_inputs(paths: Iterable[str], *, settings: Settings) -> Iterator[RawArticle | Rejection]:
    """Yield one ``RawArticle`` per article under ``paths``, or one ``Rejection`` per bad input."""
    for found in _files(paths):
        if isinstance(found, Rejection):
            yield found
        else:
            yield from _read_file(found, settings=settings)


# Finding files ---------------------------------------------------------------------------------

Identity = tuple[int, int]  # a file's or folder's device and inode


@dataclass(slots=True)
class _Reached:
    """What one run has reached so far: the folders walked and the files given out."""

    folders: set[Identity] = field(default_factory=set)
    files: set[Identity] = field(default_factory=set)

    def first_time(self, path: str) -> bool:
        """Whether the file at ``path`` is met for the first time (one that cannot be looked
        at is, so that reading it says why not)."""
        identity = _identity(path)
        if identity is None:
            return True
        if identity in self.files:
            return False
        self.files.add(identity)
        return True


def _identity(path: str) -> Identity | None:
    try:
        status = os.stat(path)
    except OSError:
        return None
    return status.st_dev, status.st_ino


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """The files ``read_inputs`` would read under ``paths`` (bad paths left out)."""
    for found in _files(paths):
        if not isinstance(found, Rejection):
            yield found


def _files(paths: Iterable[str]) -> Iterator[str | Rejection]:
    """Each file under ``paths`` once, in the order given, and the paths that name none."""
    reached = _Reached()
    for given in paths:
        for found in _expand(os.fspath(given), reached):
            if isinstance(found, Rejection) or reached.first_time(found):
                yield found


def _wanted(name: str) -> bool:
    """Whether a file met in a directory or through a pattern is one to read."""
    suffix = os.path.splitext(name)[1].lower()
    return not name.startswith(".") and suffix in _FORMATS


def _walk(directory: str, reached: _Reached) -> Iterator[str | Rejection]:
    """The wanted files under ``directory``, depth first in name order."""
    pending = [_listing(directory, reached)]
    while pending:
        entry = next(pending[-1], None)
        if entry is None:
            pending.pop()
        elif isinstance(entry, Rejection):
            yield entry
        elif entry[1]:
            pending.append(_listing(entry[0], reached))
        else:
            yield entry[0]


def _listing(directory: str, reached: _Reached) -> Iterator[tuple[str, bool] | Rejection]:
    """A folder's entries to visit, in name order, each with whether it is a folder; none
    when the run has walked the folder already, under this name or another."""
    identity = _identity(directory)
    if identity in reached.folders:
        return
    if identity is not None:
        reached.folders.add(identity)
    try:
        with os.scandir(directory) as listing:
            entries = sorted(listing, key=lambda entry: entry.name)
    except OSError as error:
        yield Rejection(directory, message("E003", reason=error.strerror or error))
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        path = os.path.join(directory, entry.name)
        if entry.is_dir():
            yield path, True
        elif _wanted(entry.name):
            yield path, False


def _expand(given: str, reached: _Reached) -> Iterator[str | Rejection]:
    """The files ``given`` names: itself, a directory's files, or a pattern's matches."""
    if os.path.isdir(given):
        yield from _walk(given, reached)
    elif os.path.lexists(given):
        yield given  # read even if unsupported or broken, so the person hears why not
    elif not _GLOB_CHARS.intersection(given):
        yield Rejection(given, message("E005"))
    else:
        yield from _matches(given, reached)


def _matches(pattern: str, reached: _Reached) -> Iterator[str | Rejection]:
    matches = sorted(_glob(pattern))
    if not matches:
        yield Rejection(pattern, message("E005"))
        return
    for match in matches:
        if os.path.isdir(match):
            yield from _walk(match, reached)  # `**` matches a folder and the files in it
        elif _wanted(os.path.basename(match)):
            yield match


def _glob(pattern: str) -> list[str]:
    """The paths ``pattern`` matches, as ``glob.glob(pattern, recursive=True)`` finds them, but
    with ``**`` going into no folder twice, so that links to a folder above do not loop."""
    parts = _SEPARATORS.split(pattern)
    if "**" not in parts:
        return glob.glob(pattern)  # no part of it recurses
    fixed = 0
    while not _GLOB_CHARS.intersection(parts[fixed]):
        fixed += 1
    base = os.sep.join(parts[:fixed]) or (os.sep if fixed else "")
    wanted = [part for part in parts[fixed:] if part]
    return [
        path
        for path, below in _tree(base)
        if (below or base) and _fits(wanted, below)  # glob never gives the current folder
    ]


def _tree(base: str) -> Iterator[tuple[str, tuple[str, ...]]]:
    """``base`` and everything under it, each with its path's parts below ``base``; hidden
    entries left out, links to folders followed into folders not met before."""
    if not os.path.isdir(base or os.curdir):
        return
    met: set[Identity] = set()
    pending: list[tuple[str, tuple[str, ...]]] = [(base, ())]
    while pending:
        folder, below = pending.pop()
        identity = _identity(folder or os.curdir)
        if identity is None or identity in met:
            continue
        met.add(identity)
        yield folder, below
        try:
            with os.scandir(folder or os.curdir) as listing:
                entries = sorted(listing, key=lambda entry: entry.name, reverse=True)
        except OSError:
            continue  # glob passes over a folder it cannot list
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path, parts = os.path.join(folder, entry.name), (*below, entry.name)
            if entry.is_dir():
                pending.append((path, parts))
            else:
                yield path, parts


def _fits(pattern: Sequence[str], parts: Sequence[str]) -> bool:
    """Whether a path's ``parts`` fit the ``pattern``'s, ``**`` standing for any number."""
    if not pattern:
        return not parts
    if pattern[0] == "**":
        return any(_fits(pattern[1:], parts[skip:]) for skip in range(len(parts) + 1))
    return bool(parts) and fnmatch.fnmatch(parts[0], pattern[0]) and _fits(pattern[1:], parts[1:])


# Reading files ---------------------------------------------------------------------------------


def _read_file(path: str, *, settings: Settings) -> Iterator[RawArticle | Rejection]:
    suffix = os.path.splitext(path)[1].lower()
    kind = _FORMATS.get(suffix)
    if kind == "jsonl":
        yield from _read_jsonl(path, settings=settings)
    elif kind is not None:
        yield _read_document(path, kind=kind, settings=settings)
    else:
        yield Rejection(path, message("E006", suffix=suffix))


def _stem(path: str) -> str:
    return os.path.splitext(os.path.basename(path))[0]


def _read_document(path: str, *, kind: str, settings: Settings) -> RawArticle | Rejection:
    """A text or HTML file: one article, with its sidecar's metadata over its own."""
    decoded = read_decoded(path, max_chars=settings.max_chars)
    if isinstance(decoded, Rejection):
        return decoded
    body = _from_html(decoded.text) if kind == "html" else _from_text(decoded.text)
    if isinstance(body, str):
        return Rejection(path, body)
    sidecar = _sidecar(path)
    if isinstance(sidecar, str):
        return Rejection(path, sidecar)
    return RawArticle(
        id=_stem(path),
        path=path,
        text=body.text,
        format=kind,
        raw=decoded.text if kind == "html" else None,
        meta={**(body.meta or {}), **sidecar},
        excluded=body.excluded,
        warnings=decoded.warnings,
    )


def _yaml_reason(error: yaml.YAMLError) -> str:
    """A one-line reason for a YAML error in a front-matter block (which starts on line 2)."""
    mark = getattr(error, "problem_mark", None)
    problem = getattr(error, "problem", None)
    if problem and mark is not None:
        return f"{problem} on line {mark.line + 2}"
    return str(error).splitlines()[0] if str(error) else type(error).__name__


def _from_text(text: str) -> _Body | str:
    """Plain text, whole, with its front matter's metadata and range; or the reason not."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return _Body(text)
    try:
        block = yaml.safe_load(match["yaml"])
    except yaml.YAMLError as error:
        return message("E010", reason=_yaml_reason(error))
    if block is None:
        block = {}
    if not isinstance(block, dict):
        return message("E010", reason="it is not a mapping of keys to values")
    if not text[match.end() :].strip():
        return message("E001")
    return _Body(text, ((0, match.end(), "front-matter"),), normalise_meta(block))


def _from_html(html: str) -> _Body | str:
    """trafilatura's main text of a page, its comments after it, and its metadata."""
    try:
        page = trafilatura.bare_extraction(html, include_comments=True, with_metadata=True)
    except Exception as error:  # one page that breaks the extractor must not end the batch
        return message("E014", reason=str(error).splitlines()[0] if str(error) else error)
    main = getattr(page, "text", None) or ""
    if not main.strip():
        return message("E007")
    found = {
        name: getattr(page, name, None)
        for name in ("title", "description", "sitename", "url", "date", "language", "author")
    }
    found["tags"] = [
        *(getattr(page, "categories", None) or []),
        *(getattr(page, "tags", None) or []),
    ]
    comments = getattr(page, "comments", None) or ""
    if not comments.strip():
        return _Body(main, (), normalise_meta(found))
    text = f"{main}\n\n{comments}"
    return _Body(text, ((len(main) + 2, len(text), "comment-section"),), normalise_meta(found))


def _sidecar(path: str) -> dict[str, Any] | str:
    """The normalised metadata of ``NAME.meta.json`` next to ``path`` ({} if there is none)."""
    sidecar = os.path.splitext(path)[0] + ".meta.json"
    if not os.path.lexists(sidecar):
        return {}
    try:
        with open(sidecar, "rb") as stream:
            given = json.loads(stream.read())
    except OSError as error:
        return message("E011", sidecar=sidecar, reason=error.strerror or error)
    except (ValueError, RecursionError) as error:  # JSONDecodeError and UnicodeDecodeError
        return message("E011", sidecar=sidecar, reason=str(error).splitlines()[0])
    if not isinstance(given, dict):
        return message("E011", sidecar=sidecar, reason=f"it holds a {type(given).__name__}")
    return normalise_meta(given)


# JSON Lines ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Line:
    number: int
    data: bytes | None  # None when the line is over the size limit and was skipped
    size: int


def _lines(stream: BinaryIO, *, limit: int) -> Iterator[_Line]:
    """The lines of ``stream``, never holding more than ``limit + 1`` bytes of one in memory."""
    number = 0
    while line := stream.readline(limit + 1):
        number += 1
        if len(line) <= limit or line.endswith(b"\n"):
            yield _Line(number, line, len(line))
            continue
        size = len(line)
        while not line.endswith(b"\n") and (line := stream.readline(1 << 16)):
            size += len(line)
        yield _Line(number, None, size)


def _read_jsonl(path: str, *, settings: Settings) -> Iterator[RawArticle | Rejection]:
    limit = byte_limit(max_chars=settings.max_chars)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            yield Rejection(path, message("E003", reason="it is not a regular file"))
            return
        with open(path, "rb") as stream:
            detail = binary_detail(stream.read(_SNIFF_BYTES))
            if detail is not None:
                yield Rejection(path, message("E002", detail=detail))
                return
            stream.seek(0)
            read_any = False
            for line in _lines(stream, limit=limit):
                article = _jsonl_article(path, line, settings=settings)
                if article is not None:
                    read_any = True
                    yield article
    except OSError as error:
        yield Rejection(path, message("E003", reason=error.strerror or error))
        return
    if not read_any:
        yield Rejection(path, message("E001"))


def _jsonl_article(path: str, line: _Line, *, settings: Settings) -> RawArticle | Rejection | None:
    """The article on one line, its rejection, or None for a blank line."""
    where = f"{path}:{line.number}"
    limit = byte_limit(max_chars=settings.max_chars)
    if line.data is None:
        return Rejection(
            where, message("E013", size=line.size, limit=limit, chars=settings.max_chars)
        )
    data = line.data.removeprefix(codecs.BOM_UTF8) if line.number == 1 else line.data
    if not data.strip():
        return None
    source = data.decode("utf-8", errors="replace")
    undecodable = undecodable_bytes(data)
    try:
        record = json.loads(source)
    except json.JSONDecodeError as error:
        reason = f"{error.msg} at column {error.colno}"
        return Rejection(where, message("E008", line=line.number, reason=reason))
    except RecursionError:
        return Rejection(where, message("E008", line=line.number, reason="nested too deeply"))
    body = _jsonl_body(record)
    if body is None:
        return Rejection(where, message("E009", line=line.number))
    if isinstance(body, str):
        return Rejection(where, body)
    if len(body.text) > settings.max_chars:
        return Rejection(where, message("E004", size=len(body.text), limit=settings.max_chars))
    given_id = record.get("id")
    html = record.get("html")
    return RawArticle(
        id=str(given_id) if given_id not in (None, "") else _content_id(body.text),
        path=where,
        text=body.text,
        format="jsonl",
        raw=html if isinstance(html, str) else None,
        meta={**(body.meta or {}), **normalise_meta(record)},
        excluded=body.excluded,
        warnings=(message("W001", count=undecodable),) if undecodable else (),
    )


def _jsonl_body(record: object) -> _Body | str | None:
    """A line's text (its ``text``, else its ``html`` extracted); None when it has neither."""
    if not isinstance(record, dict):
        return None
    text, html = record.get("text"), record.get("html")
    if isinstance(text, str) and text.strip():
        return _Body(text)
    if isinstance(html, str) and html.strip():
        return _from_html(html)
    return None


def _content_id(text: str) -> str:
    return "sha1-" + hashlib.sha1(text.encode("utf-8")).hexdigest()[:16]


# Metadata --------------------------------------------------------------------------------------


def _scalar(value: object) -> str | None:
    """A metadata value as one string; dates in ISO form; a list of names joined with '; '."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, dt.date):  # also datetime
        return value.isoformat()
    if isinstance(value, str | int | float):
        return str(value).strip() or None
    if isinstance(value, list | tuple):
        parts = [part for part in map(_scalar, value) if part]
        return "; ".join(parts) if parts and len(parts) == len(value) else None
    return None


def _tags(value: object) -> list[str]:
    """Tags from a list, or from a comma-separated string."""
    items = value if isinstance(value, list | tuple) else [value]
    scalars = (_scalar(item) for item in items if not isinstance(item, list | tuple | dict))
    return [tag.strip() for text in scalars if text for tag in text.split(",") if tag.strip()]


def normalise_meta(given: Mapping[Any, Any]) -> dict[str, Any]:
    """Metadata under fuente's keys, only those present; ``tags`` is a list of strings.

    Common other names are understood (``date`` for ``published``, ``description`` for
    ``deck``, ``sitename`` for ``outlet``, ``categories`` and ``keywords`` for ``tags``, ...);
    values that are not text, numbers, dates or lists of them are left out.
    """
    meta: dict[str, Any] = {}
    for name, keys in _META_KEYS.items():
        if name == "tags":
            tags = [tag for key in keys for tag in _tags(given.get(key))]
            if tags:
                meta[name] = list(dict.fromkeys(tags))
            continue
        value = next((found for key in keys if (found := _scalar(given.get(key)))), None)
        if value is not None:
            meta[name] = value
    return meta
