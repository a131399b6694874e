"""Showing an ingest as it goes: a progress bar on a terminal, plain lines elsewhere."""

from __future__ import annotations

import os
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import suppress

from rich.console import Console
from rich.markup import escape
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

__all__ = ["Stages", "input_size", "report"]

STATUSES = ("stored", "updated", "unchanged", "duplicate", "rejected")


def input_size(paths: Iterable[str]) -> tuple[int, int]:
    """How many articles to expect under ``paths`` (a JSON Lines file holds one a non-blank
    line, any other file one) and how many characters, from the files' sizes, for the time
    left: a walk of the paths and a count of lines, no parsing."""
    articles = characters = 0
    for path in expand_paths(paths):
        with suppress(OSError):
            characters += os.stat(path).st_size
            if path.lower().endswith(".jsonl"):
                with open(path, "rb") as lines:
                    articles += sum(1 for line in lines if line.strip())
            else:
                articles += 1
    return articles, characters


class Stages:
    """What the ingest is doing, for the bar's label: told by ``fuente.ingest`` before the
    first article is done (loading the model, starting workers)."""

    def __init__(self) -> None:
        self.doing = "starting…"
        self.listeners: list[Callable[[str], None]] = []

    def __call__(self, doing: str) -> None:
        self.doing = doing
        for listener in self.listeners:
            listener(doing)


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
    stages: Stages | None = None,
) -> Counter[str]:
    """Consume ``outcomes``, showing them, and return how many of each status there were.

    Rejections always go to stderr as one line naming the file and the reason, and so do the
    warnings of a stored document (``warning: PATH: TEXT``) unless ``quiet``. On a terminal a
    progress bar shows documents done of those expected, their rate, the time elapsed and the
    time left, labelled, and what ``stages`` says the ingest is doing until the first document
    is done (loading the model, starting workers); otherwise each outcome is
    one plain line; with ``quiet``, nothing but the rejections. What came from the inputs
    (paths, ids, reasons) is printed through ``printable``.
    """
    errors = errors or Console(stderr=True, highlight=False, soft_wrap=True)
    out = out or Console(highlight=False, soft_wrap=True)
    counts: Counter[str] = Counter()
    stages = stages or Stages()
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
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[done]}/{task.fields[expected]} docs"),
        TextColumn("{task.fields[rate]:.1f} docs/s"),
        TextColumn("elapsed"),
        TimeElapsedColumn(),
        TextColumn("left"),
        TimeRemainingColumn(),
    )
    expected, size = input_size(paths)
    with Progress(*columns, console=errors, transient=False) as progress:
        total = size or None
        task = progress.add_task(
            escape(stages.doing), total=total, done=0, expected=expected, rate=0.0
        )
        stages.listeners.append(lambda doing: progress.update(task, description=escape(doing)))
        started: float | None = None  # when the first article was done: the rate counts from it
        for outcome in outcomes:
            counts[outcome.status] += 1
            for note in _notes(outcome, quiet=False):
                progress.console.print(note, markup=False)
            done = sum(counts.values())
            now = time.monotonic()
            if started is None:
                started = now
                progress.update(task, description="ingest")
            rate = (done - 1) / (now - started) if now > started else 0.0
            progress.update(
                task, advance=outcome.size, done=done, expected=max(expected, done), rate=rate
            )
        progress.update(task, description="done", **({"completed": total} if total else {}))
    errors.print(summary(counts), markup=False)
    return counts
