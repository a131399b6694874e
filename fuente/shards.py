"""Shards: the input files of a run cut into runs of ``shard_size``, each with an id made from
its inputs, the unit of work of a distributed engine and of skipping what a run stored.

A shard's id is a SHA-256 over, for each of its inputs in order, the file's absolute path, its
size and its modification time in nanoseconds, and the same of its ``NAME.meta.json`` sidecar
where there is one; a bad path is hashed by its path and reason; a manifest given to the run
(``fuente.readers.manifest``) is hashed into every id by its rows. Size and time are read with
one ``stat`` a file, so skipping a stored shard opens none of its files; a file written again
(a new size or time) gives its shard a new id, and the shard is read again, its unchanged
articles then settled by screening. The same files in the same order always make the same
shards: files added or removed shift the shards after them, which are read again.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass

from fuente.readers.manifest import Manifest
from fuente.records import Rejection

__all__ = ["Shard", "make_shards", "shard_id"]


@dataclass(frozen=True, slots=True)
class Shard:
    """A run of input files (or rejections of bad paths), its place in the run, and its id."""

    id: str
    index: int
    files: tuple[str | Rejection, ...]


def _stamp(path: str) -> str:
    """``path``'s size and modification time, or ``missing``: what says the file changed."""
    try:
        found = os.stat(path)
    except OSError:
        return "missing"
    return f"{found.st_size}:{found.st_mtime_ns}"


def _identity(item: str | Rejection) -> str:
    if isinstance(item, Rejection):
        return f"bad\0{item.path}\0{item.reason}"
    sidecar = os.path.splitext(item)[0] + ".meta.json"
    return f"file\0{os.path.abspath(item)}\0{_stamp(item)}\0{_stamp(sidecar)}"


def _manifest_digest(manifest: Manifest | None) -> str:
    if manifest is None:
        return ""
    rows = json.dumps(manifest.rows, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha256(rows.encode("utf-8")).hexdigest()


def shard_id(files: Sequence[str | Rejection], *, manifest: Manifest | None = None) -> str:
    """The id of a shard of ``files``: the same inputs, unchanged, give the same id."""
    digest = hashlib.sha256(_manifest_digest(manifest).encode("utf-8"))
    for item in files:
        digest.update(b"\n" + _identity(item).encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def make_shards(
    files: Sequence[str | Rejection], *, size: int, manifest: Manifest | None = None
) -> list[Shard]:
    """``files`` cut, in order, into shards of ``size`` inputs (the last may be shorter)."""
    shards = []
    for index, start in enumerate(range(0, len(files), size)):
        part = tuple(files[start : start + size])
        shards.append(Shard(shard_id(part, manifest=manifest), index, part))
    return shards
