"""Paths a person gives, expanded to the files under them.

A path may be a file (taken as it is, even of a type fuente does not read, so that reading it
says why), a folder (walked recursively in name order, hidden entries left out) or a glob
pattern (``*``, ``?``, ``[...]``, and ``**`` across folders but not into hidden ones; a folder
it matches is walked). Links to folders are followed, but no folder is walked twice, so a link
back to a folder above is no cycle; and no file is given twice in one run, whatever names,
links or arguments reach it. Files are told apart by device and inode.
"""

from __future__ import annotations

import fnmatch
import glob
import os
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from fuente.errors import message
from fuente.records import Rejection

__all__ = ["files"]

_GLOB_CHARS = frozenset("*?[")
_SEPARATORS = re.compile("[" + re.escape(os.sep + (os.altsep or "")) + "]")

Identity = tuple[int, int]  # a file's or folder's device and inode


@dataclass(slots=True)
class _Reached:
    """What one run looks for, and has reached so far: the folders walked, the files given."""

    suffixes: frozenset[str]
    folders: set[Identity] = field(default_factory=set)
    files: set[Identity] = field(default_factory=set)

    def wanted(self, name: str) -> bool:
        """Whether a file met in a folder or through a pattern is one to read."""
        suffix = os.path.splitext(name)[1].lower()
        return not name.startswith(".") and suffix in self.suffixes

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


def files(paths: Iterable[str], *, suffixes: frozenset[str]) -> Iterator[str | Rejection]:
    """Each file under ``paths`` once, in the order given, and a rejection for each path that
    names none; in folders and through patterns, only files whose suffix is in ``suffixes``
    (lower case, with the dot)."""
    reached = _Reached(suffixes)
    for given in paths:
        for found in _expand(os.fspath(given), reached):
            if isinstance(found, Rejection) or reached.first_time(found):
                yield found


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
        elif reached.wanted(entry.name):
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
        elif reached.wanted(os.path.basename(match)):
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
