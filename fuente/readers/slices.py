"""Slices of input: the files of a run cut into units of work of about the same size, so that
every worker has its share whatever the inputs look like (thousands of small files, or one
JSON Lines dump of thousands of articles).

A unit is a run of pieces, in the order ``read_inputs`` would read them: a whole file, the
rejection of a bad path, or ``Lines``, a run of whole lines of a JSON Lines file found by
scanning it for newlines (byte offsets, and the number of the run's first line). Small files
are grouped until a unit holds about ``size`` bytes; a JSON Lines file larger than that is cut
at the first line end past each ``size`` bytes. ``read_unit`` reads a unit's articles, and the
articles of all the units, in order, are what ``read_inputs`` yields for the files: the same
ids, rejections and line numbers (``fuente.readers.inputs.read_lines`` reads a run of lines as
the whole file's reading would). A file whose reading says something of it as a whole (one
that is not a regular file, is binary, or has no line with anything on it) is not cut.
Cutting opens only the JSON Lines files larger than ``size``; a file written again between the
cutting and the reading is read as it then is.
"""

from __future__ import annotations

import codecs
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from fuente.readers.decode import SNIFF_BYTES, binary_detail
from fuente.readers.inputs import read_inputs, read_lines
from fuente.readers.manifest import Manifest
from fuente.records import RawArticle, Rejection
from fuente.settings import Settings

__all__ = ["Lines", "Piece", "Unit", "cut_inputs", "read_unit"]

_BLOCK = 1 << 20  # bytes read at a time while looking for line ends


@dataclass(frozen=True, slots=True)
class Lines:
    """Whole lines of a JSON Lines file: bytes ``start`` to ``end``, from line ``first_line``."""

    path: str
    start: int
    end: int
    first_line: int


Piece = str | Rejection | Lines
Unit = tuple[Piece, ...]


def cut_inputs(files: Sequence[str | Rejection], *, size: int) -> list[Unit]:
    """``files`` (and the rejections of bad paths) cut, in order, into units of about ``size``
    bytes: small files grouped, a large JSON Lines file cut into runs of lines."""
    units: list[Unit] = []
    pieces: list[Piece] = []
    held = 0
    for item in files:
        for piece, length in _pieces(item, size=size):
            pieces.append(piece)
            held += length
            if held >= size:
                units.append(tuple(pieces))
                pieces, held = [], 0
    if pieces:
        units.append(tuple(pieces))
    return units


def read_unit(
    unit: Unit, *, settings: Settings, manifest: Manifest | None = None
) -> Iterator[RawArticle | Rejection]:
    """What ``read_inputs`` yields for the unit's pieces, in order."""
    for piece in unit:
        if isinstance(piece, Rejection):
            yield piece
        elif isinstance(piece, Lines):
            yield from read_lines(
                piece.path, start=piece.start, end=piece.end, first_line=piece.first_line,
                settings=settings, manifest=manifest,
            )  # fmt: skip
        else:
            yield from read_inputs([piece], settings=settings, manifest=manifest)


def _pieces(item: str | Rejection, *, size: int) -> list[tuple[Piece, int]]:
    """The pieces of one input, each with its size in bytes."""
    if isinstance(item, Rejection):
        return [(item, 0)]
    try:
        length = os.stat(item).st_size
    except OSError:
        return [(item, 0)]  # reading it says why not
    if length <= size or os.path.splitext(item)[1].lower() != ".jsonl":
        return [(item, length)]
    runs = _line_runs(item, size=size)
    if runs is None:
        return [(item, length)]
    return [(run, run.end - run.start) for run in runs]


def _line_runs(path: str, *, size: int) -> list[Lines] | None:
    """The lines of the JSON Lines file ``path`` in runs of about ``size`` bytes; None where it
    is to be read whole (not a regular file, binary, blank, unreadable, or one run anyway)."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return None
        with open(path, "rb") as stream:
            if binary_detail(stream.read(SNIFF_BYTES)) is not None:
                return None
            stream.seek(0)
            runs = _runs(stream, path, size=size)
    except OSError:
        return None
    return runs if runs is not None and len(runs) > 1 else None


def _runs(stream: BinaryIO, path: str, *, size: int) -> list[Lines] | None:
    """Runs of whole lines, each ending at the first line end ``size`` bytes or more past its
    start (the last at the end of the file); None when no line has anything on it."""
    runs: list[Lines] = []
    start, first_line = 0, 1  # of the run being found
    offset, ended = 0, 0  # where the block starts in the file; lines ended before it
    blank = True
    while block := stream.read(_BLOCK):
        if blank:
            seen = block.removeprefix(codecs.BOM_UTF8) if offset == 0 else block
            blank = not seen or seen.isspace()
        at = -1
        while (at := block.find(b"\n", max(start + size - 1 - offset, at + 1))) >= 0:
            end = offset + at + 1
            runs.append(Lines(path, start, end, first_line))
            start, first_line = end, ended + block.count(b"\n", 0, at + 1) + 1
        offset += len(block)
        ended += block.count(b"\n")
    if start < offset:
        runs.append(Lines(path, start, offset, first_line))
    return None if blank else runs
