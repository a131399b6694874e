"""Showing an ingest as it goes: a progress bar on a terminal, plain lines elsewhere."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Iterable, Iterator
from contextlib import suppress

from rich.console import Console
from rich.progress import (
    BarColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)

from fuente.cli.terminal import printable
from fuente.ingest import Outcome
from fuente.readers.inputs import expand_paths

__all__ = ["report"]

STATUSES = ("stored", "updated", "unchanged", "duplicate", "rejected")


def input_size(paths: Iterable[str]) -> int:
    """Characters of input to expect, estimated from file sizes, for the time-left figure."""
    total = 0
    for path in expand_paths(paths):
        with suppress(OSError):
            total += os.stat(path).st_size
    return total


def summary(counts: Counter[str]) -> str:
    """Each status's count; the shards a sharded run skipped, where it skipped any."""
    said = ", ".join(f"{counts.get(status, 0)} {status}" for status in STATUSES)
    skipped = counts.get("skipped", 0)
    if skipped:
        said += f"; {skipped} shard{'s' if skipped != 1 else ''} skipped, stored by an earlier run"
    return said


def _line(outcome: Outcome) -> str:
    detail = f" ({outcome.detail})" if outcome.detail else ""
    return printable(f"{outcome.status:<9} {outcome.doc or '-'}  {outcome.path}{detail}")


def _notes(outcome: Outcome, *, quiet: bool) -> list[str]:
    """The lines an outcome needs on stderr: its rejection, or each warning it carries."""
    if outcome.status == "rejected":
        return [printable(f"error: {outcome.path}: {outcome.detail}")]
    if quiet:
        return []
    return [printable(f"warning: {outcome.path}: {warning}") for warning in outcome.warnings]


def report(
    outcomes: Iterator[Outcome],
    *,
    paths: Iterable[str],
    quiet: bool,
    out: Console | None = None,
    errors: Console | None = None,
) -> Counter[str]:
    """Consume ``outcomes``, showing them, and return how many of each status there were.

    Rejections always go to stderr as one line naming the file and the reason, and so do the
    warnings of a stored document (``warning: PATH: TEXT``) unless ``quiet``. On a terminal a
    progress bar shows documents done, their rate and the time left; otherwise each outcome is
    one plain line; with ``quiet``, nothing but the rejections. What came from the inputs
    (paths, ids, reasons) is printed through ``printable``.
    """
    errors = errors or Console(stderr=True, highlight=False, soft_wrap=True)
    out = out or Console(highlight=False, soft_wrap=True)
    counts: Counter[str] = Counter()
    interactive = errors.is_terminal and not quiet
    if not interactive:
        for outcome in outcomes:
            counts[outcome.status] += 1
            for note in _notes(outcome, quiet=quiet):
                errors.print(note, markup=False)
            if outcome.status != "rejected" and not quiet:
                out.print(_line(outcome), markup=False)
        if not quiet:
            out.print(summary(counts), markup=False)
        return counts

    columns = (
        TextColumn("[bold]ingest"),
        BarColumn(),
        TextColumn("{task.fields[docs]} docs"),
        TextColumn("{task.fields[rate]:.1f} docs/s"),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=errors, transient=False) as progress:
        total = input_size(paths) or None
        task = progress.add_task("ingest", total=total, docs=0, rate=0.0)
        for outcome in outcomes:
            counts[outcome.status] += 1
            for note in _notes(outcome, quiet=False):
                progress.console.print(note, markup=False)
            elapsed = progress.tasks[0].elapsed or 1e-9
            done = sum(counts.values())
            progress.update(task, advance=outcome.size, docs=done, rate=done / elapsed)
        if total is not None:
            progress.update(task, completed=total)
    errors.print(summary(counts), markup=False)
    return counts
