"""Readers: turn the paths a person gives into ``RawArticle`` records, one per article.

``read_inputs`` is a generator: it streams, so a corpus may be larger than memory. Each path
may be a file, a directory or a glob pattern, expanded by ``fuente.readers.paths`` (in name
order, each file once; hidden entries and files of other types are skipped, which also skips
``NAME.meta.json`` sidecars). A bad input becomes a ``Rejection`` with a catalogue message and
the batch goes on; nothing is raised for bad input and nothing is printed.

Formats, chosen by suffix:

``.txt``
    The decoded file, kept whole. A leading YAML front-matter block (a ``---`` line, YAML, a
    ``---`` or ``...`` line) gives metadata and is marked ``(0, end, "front-matter")`` in
    ``excluded``; the text itself is never cut, so offsets index the file as decoded.
``.html``, ``.htm``
    trafilatura's main text; comments it finds are appended after a blank line and marked
    ``"comment-section"``. ``raw`` keeps the HTML as read. A page nested too deep for the usual
    parse is parsed again deeper (``fuente.readers.html_text``), or else its text is taken
    whole, with a W003 warning.
``.jsonl``
    One article per line with a ``text`` or an ``html`` field (``text`` wins when both are
    given; the HTML is then kept as ``raw``). Blank lines are skipped; a bad line is rejected
    as ``FILE:LINE`` and the other lines are read. ``read_lines`` reads a run of a file's lines
    alone (a worker's part of a large file, ``fuente.readers.slices``), as ``read_inputs``
    would have read them.

Metadata is normalised by ``normalise_meta`` to the keys ``title, deck, tags, outlet, url,
published, language, author`` (only those present). For a text or HTML file, a sidecar
``NAME.meta.json`` next to it is read too: its keys override the front matter's (or the page's).
Where none of them gives ``published`` and the file's name carries one date written YYYY-MM-DD
("politico_2016-09-12_speech.txt"), that date is the article's, with a warning (W004) saying
where it came from.
"""

from __future__ import annotations

import codecs
import hashlib
import json
import os
import re
import stat
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, BinaryIO

import trafilatura
import yaml
from lxml.html import HtmlElement

from fuente.errors import message
from fuente.readers.decode import (
    SNIFF_BYTES,
    binary_detail,
    byte_limit,
    read_decoded,
    too_large,
    too_long,
    undecodable_bytes,
)
from fuente.readers.html_text import deep_tree, plain_text, too_deep
from fuente.readers.manifest import Manifest, dated_by_file_name, with_manifest
from fuente.readers.meta import normalise_meta
from fuente.readers.paths import files
from fuente.records import RawArticle, Rejection
from fuente.settings import Settings

__all__ = [
    "EXTRACTOR", "expand_paths", "input_files", "normalise_meta", "read_inputs", "read_lines",
]  # fmt: skip

EXTRACTOR = "readers@1"

_FORMATS = {".txt": "text", ".html": "html", ".htm": "html", ".jsonl": "jsonl"}
_SUFFIXES = frozenset(_FORMATS)
_FRONT_MATTER = re.compile(
    r"\A---[ \t]*\r?\n(?P<yaml>.*?)^(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL | re.MULTILINE
)
Excluded = tuple[tuple[int, int, str], ...]
_TIMESTAMP = "tag:yaml.org,2002:timestamp"


class _FrontMatterLoader(yaml.SafeLoader):
    """YAML's safe loader, but a date stays the text it was given as: one that is no real date
    ("2025-13-45") is kept as written instead of failing the block."""


_FrontMatterLoader.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != _TIMESTAMP]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True, slots=True)
class _Body:
    """An article's text, what of it is not article text, the metadata found with it, and
    what a person should know about how it was read."""

    text: str
    excluded: Excluded = ()
    meta: Mapping[str, Any] | None = None
    warnings: tuple[str, ...] = ()


def read_inputs(
    paths: Iterable[str], *, settings: Settings, manifest: Manifest | None = None
) -> Iterator[RawArticle | Rejection]:
    """Yield one ``RawArticle`` per article under ``paths``, or one ``Rejection`` per bad input;
    a ``manifest``'s fields for an article override its own."""
    for found in files(paths, suffixes=_SUFFIXES):
        if isinstance(found, Rejection):
            yield found
            continue
        for article in _read_file(found, settings=settings):
            yield _finished(article, manifest)


def read_lines(
    path: str,
    *,
    start: int,
    end: int,
    first_line: int,
    settings: Settings,
    manifest: Manifest | None = None,
) -> Iterator[RawArticle | Rejection]:
    """What ``read_inputs`` yields for the lines of the JSON Lines file ``path`` from byte
    ``start``, the start of line ``first_line``, to byte ``end``, the end of a line: the same
    articles, ids and rejections (``FILE:LINE``). What only the whole file can say (that it is
    binary, or holds no article) is not said: read such a file whole."""
    limit = byte_limit(max_chars=settings.max_chars)
    try:
        with open(path, "rb") as stream:
            stream.seek(start)
            for line in _lines(stream, limit=limit, first=first_line, size=end - start):
                article = _jsonl_article(path, line, settings=settings)
                if article is not None:
                    yield _finished(article, manifest)
    except OSError as error:
        yield Rejection(path, message("E003", reason=error.strerror or error))


def _finished(article: RawArticle | Rejection, manifest: Manifest | None) -> RawArticle | Rejection:
    """An article as read, with a manifest's fields and a date from its file's name."""
    if isinstance(article, RawArticle):
        return dated_by_file_name(with_manifest(article, manifest))
    return article


def input_files(paths: Iterable[str]) -> list[str | Rejection]:
    """The files ``read_inputs`` would read under ``paths``, and a rejection for each bad path,
    in the order ``read_inputs`` meets them; listing them opens no file."""
    return list(files(paths, suffixes=_SUFFIXES))


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """The files ``read_inputs`` would read under ``paths`` (bad paths left out)."""
    for found in files(paths, suffixes=_SUFFIXES):
        if not isinstance(found, Rejection):
            yield found


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
    # a page is held to its own limit: scripts and markup may dwarf the article it holds
    limit, setting = (
        (settings.max_page_chars, "max_page_chars")
        if kind == "html"
        else (settings.max_chars, "max_chars")
    )
    decoded = read_decoded(path, max_chars=limit, setting=setting)
    if isinstance(decoded, Rejection):
        return decoded
    body = _from_html(decoded.text) if kind == "html" else _from_text(decoded.text)
    if isinstance(body, str):
        return Rejection(path, body)
    if len(body.text) > settings.max_chars:
        return Rejection(path, too_long(len(body.text), limit=settings.max_chars))
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
        warnings=decoded.warnings + body.warnings,
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
        block = yaml.load(match["yaml"], Loader=_FrontMatterLoader)
    except yaml.YAMLError as error:
        return message("E010", reason=_yaml_reason(error))
    except ValueError as error:  # a tagged value that is none: "!!int x"
        return message("E010", reason=str(error).splitlines()[0] if str(error) else error)
    except RecursionError:
        return message("E010", reason="it is nested too deeply")
    if block is None:
        block = {}
    if not isinstance(block, dict):
        return message("E010", reason="it is not a mapping of keys to values")
    if not text[match.end() :].strip():
        return message("E001")
    return _Body(text, ((0, match.end(), "front-matter"),), normalise_meta(block))


def _from_html(html: str) -> _Body | str:
    """trafilatura's main text of a page, its comments after it, and its metadata."""
    page = _extract(html)
    if isinstance(page, str):
        return page
    if _main_text(page):
        return _page_body(page)
    return _from_deep_html(html) if too_deep(html) else message("E007")


def _from_deep_html(html: str) -> _Body | str:
    """A page nested deeper than the usual parse goes: trafilatura's reading of a deeper parse,
    or else all its text, with a warning that it was not told from the rest of the page."""
    tree = deep_tree(html)
    page = _extract(tree) if tree is not None else None
    if page is not None and not isinstance(page, str) and _main_text(page):
        return _page_body(page)
    plain = plain_text(html)
    if not plain.text.strip():
        return message("E007")
    return _Body(plain.text, (), normalise_meta({"title": plain.title}), (message("W003"),))


def _extract(html: str | HtmlElement) -> Any:
    """trafilatura's reading of a page, or the reason it failed."""
    try:
        return trafilatura.bare_extraction(html, include_comments=True, with_metadata=True)
    except Exception as error:  # one page that breaks the extractor must not end the batch
        return message("E014", reason=str(error).splitlines()[0] if str(error) else error)


def _main_text(page: object) -> str:
    main = getattr(page, "text", None) or ""
    return main if main.strip() else ""


def _page_body(page: object) -> _Body:
    """The body of trafilatura's reading of a page that has a main text."""
    main = _main_text(page)
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


def _lines(
    stream: BinaryIO, *, limit: int, first: int = 1, size: int | None = None
) -> Iterator[_Line]:
    """The lines of ``stream`` (numbered from ``first``; ``size`` bytes of them, or all), never
    holding more than ``limit + 1`` bytes of one in memory."""
    number, left = first - 1, size
    while (left is None or left > 0) and (line := stream.readline(limit + 1)):
        number += 1
        data: bytes | None = line
        length = len(line)
        if length > limit and not line.endswith(b"\n"):
            data = None  # over the limit: skipped to its end
            while not line.endswith(b"\n") and (line := stream.readline(1 << 16)):
                length += len(line)
        if left is not None:
            left -= length
        yield _Line(number, data, length)


def _read_jsonl(path: str, *, settings: Settings) -> Iterator[RawArticle | Rejection]:
    limit = byte_limit(max_chars=settings.max_chars)
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            yield Rejection(path, message("E003", reason="it is not a regular file"))
            return
        with open(path, "rb") as stream:
            detail = binary_detail(stream.read(SNIFF_BYTES))
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
    if line.data is None:
        return Rejection(where, too_large(line.size, max_chars=settings.max_chars))
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
        return Rejection(where, too_long(len(body.text), limit=settings.max_chars))
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
        warnings=((message("W001", count=undecodable),) if undecodable else ()) + body.warnings,
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
