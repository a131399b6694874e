"""Laying out a timeline picture: marks from dated rows, lanes, pieces of the time axis, labels.

Pure geometry, no drawing (``fuente.picture.plot`` draws). Rows are read generically, so
anything dated can be laid out:

* ``date``: a TIMEX3 value (``2025-03-10``, ``2024-08``, ``2023-FA``, ``2024-W39``, ``2021``);
  a day is a point, anything coarser the span of days it covers;
* ``lane`` (else the speaker's name): the row it is drawn in;
* ``text`` (else ``content``): a few words shown beside it;
* ``category`` (else the speaker's kind): its colour; ``named`` (else whether that kind has a
  proper name) sets how its lane is labelled;
* ``dated_by`` and ``inferred``: whether the date is its own (``statement``), its document's
  (``document``), or its document's inferred date (``inferred``).

Long stretches with nothing dated are cut out of the time axis (at most ``MAX_PIECES``
pieces), the quietest lanes past ``MAX_LANES`` share one last lane, and labels go only where
they do not run into each other, ``MAX_LABELS`` at most.
"""

from __future__ import annotations

import textwrap
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from fuente.days import date_span

__all__ = ["Glyph", "Piece", "TimelineLayout", "TimelineMark", "lay_out", "marks_from_rows"]

# Speakers drawn in the named lanes (in bold): a document is cited, not a named speaker there.
NAMED_LANE_KINDS = frozenset({"person", "organisation", "outlet"})
MAX_LANES = 16  # the busiest lanes; the rest share one
MAX_LABELS = 60
MAX_PIECES = 4  # of the time axis, once quiet stretches are cut out
LABEL_CHARS = 30  # a line, two lines at most
# Inches and points: the figure's frame, and an average label character's width.
DPI = 150
WIDTH_IN = 15.0
LANE_IN = 0.62
LEFT_IN = 2.7
RIGHT_IN = 0.35
GAP_IN = 0.22
TOP_IN = 0.95
BOTTOM_IN = 1.15
LABEL_PT = 7.0
CHAR_PX = 0.58 * LABEL_PT * DPI / 72


@dataclass(frozen=True, slots=True)
class TimelineMark:
    """One dated thing on the picture: the days it covers (``end`` inclusive), how precise its
    date is, the lane and few words it is drawn with, its colour ``category``, and how it was
    dated (``statement``: its own date; ``document``: its document's; ``inferred``: its
    document's inferred date)."""

    start: date
    end: date
    precision: str
    value: str
    lane: str
    text: str
    category: str
    named: bool
    dated_by: str


def marks_from_rows(rows: Iterable[Mapping[str, Any]]) -> tuple[list[TimelineMark], int]:
    """Marks for the rows that can be placed on a calendar, and how many could not."""
    marks, unplaced = [], 0
    for row in rows:
        span = date_span(str(row.get("date") or ""))
        if span is None:
            unplaced += 1
            continue
        speaker = row.get("speaker") or {}
        category = row.get("category") or speaker.get("kind") or "unknown"
        named = row.get("named")
        dated_by = "inferred" if row.get("inferred") else row.get("dated_by") or "statement"
        dated_by = "statement" if dated_by == "event" else dated_by  # the text gives its date
        marks.append(
            TimelineMark(
                *span,
                value=str(row["date"]),
                lane=row.get("lane") or speaker.get("name") or "(no speaker)",
                text=" ".join(str(row.get("text") or row.get("content") or "").split()),
                category=category,
                named=category in NAMED_LANE_KINDS if named is None else bool(named),
                dated_by=dated_by,
            )
        )
    return marks, unplaced


@dataclass(frozen=True, slots=True)
class Piece:
    """A piece of the time axis: the days it shows, where it sits (inches from the figure's
    left) and how wide it is."""

    first: date
    last: date
    left_in: float
    width_in: float


@dataclass(frozen=True, slots=True)
class Glyph:
    """Marks of one lane with the same days and the same dating, drawn as one: in lane
    ``row`` (0 at the top), piece ``piece``, centred on ``middle``; with its ``label``, if it
    has room, ``above`` or ``below`` the lane, beginning ``shift_pt`` points off its centre."""

    marks: tuple[TimelineMark, ...]
    row: int
    piece: int
    middle: date
    label: str | None = None
    side: str = "above"
    shift_pt: float = 0.0

    @property
    def first(self) -> TimelineMark:
        return self.marks[0]


@dataclass(frozen=True, slots=True)
class TimelineLayout:
    """Where everything goes: lanes top to bottom as (label, named, count), how many lanes
    were folded into the last one, the pieces of the time axis, the glyphs, and the figure's
    height in inches."""

    lanes: tuple[tuple[str, bool, int], ...]
    folded: int
    pieces: tuple[Piece, ...]
    glyphs: tuple[Glyph, ...]
    height_in: float

    @property
    def labels(self) -> int:
        return sum(glyph.label is not None for glyph in self.glyphs)


def lay_out(marks: list[TimelineMark]) -> TimelineLayout:
    """Lanes, pieces of the time axis, glyphs and labels for ``marks`` (at least one)."""
    lanes, lane_of, folded = _lanes(marks)
    grouped: dict[tuple[int, date, date, str], list[TimelineMark]] = {}
    for mark in sorted(marks, key=lambda m: (m.start, m.end)):
        grouped.setdefault((lane_of[mark.lane], mark.start, mark.end, mark.dated_by), []).append(
            mark
        )
    spans = _pieces(marks)
    # The pieces share the width by how busy they are, each with a little room at its ends.
    room = WIDTH_IN - LEFT_IN - RIGHT_IN - GAP_IN * (len(spans) - 1)
    weights = [0.5 + 3 * (count / len(marks)) ** 0.5 for _, _, count in spans]
    pieces, left = [], LEFT_IN
    for (start, end, _), weight in zip(spans, weights, strict=True):
        pad = max(timedelta(days=2), (end - start) * 0.06)
        width = room * weight / sum(weights)
        pieces.append(Piece(start - pad, end + timedelta(days=1) + pad, left, width))
        left += width + GAP_IN

    glyphs, x_px, bounds, labels = [], [], [], []
    for (row, *_), group in grouped.items():
        first = group[0]
        middle = first.start + (first.end - first.start) / 2
        index = next(i for i, p in enumerate(pieces) if p.first <= first.start <= p.last)
        piece = pieces[index]
        share = (middle - piece.first) / (piece.last - piece.first)
        glyphs.append(Glyph(tuple(group), row, index, middle))
        x_px.append((piece.left_in + piece.width_in * share) * DPI)
        bounds.append((piece.left_in * DPI, (piece.left_in + piece.width_in) * DPI))
        fits = max(8, min(LABEL_CHARS, int(piece.width_in * DPI / CHAR_PX) - 1))
        labels.append(_label(glyphs[-1], folded=bool(folded) and row == len(lanes) - 1, width=fits))
    placed = _place_labels(glyphs, labels, x_px, bounds)
    glyphs = [
        Glyph(g.marks, g.row, g.piece, g.middle, labels[i], *placed[i]) if i in placed else g
        for i, g in enumerate(glyphs)
    ]
    counts = Counter(lane_of[m.lane] for m in marks)
    return TimelineLayout(
        lanes=tuple((lane, named, counts[row]) for row, (lane, named) in enumerate(lanes)),
        folded=folded,
        pieces=tuple(pieces),
        glyphs=tuple(glyphs),
        height_in=TOP_IN + LANE_IN * len(lanes) + BOTTOM_IN,
    )


def _lanes(marks: list[TimelineMark]) -> tuple[list[tuple[str, bool]], dict[str, int], int]:
    """Lanes top to bottom as (label, named): named speakers, then unnamed ones, each in the
    order they first speak; the quietest past ``MAX_LANES`` share a last lane."""
    count = Counter(m.lane for m in marks)
    first = {}
    named = {}
    for mark in sorted(marks, key=lambda m: m.start):
        first.setdefault(mark.lane, mark.start)
        named.setdefault(mark.lane, mark.named)
    kept = list(count)
    folded = 0
    if len(kept) > MAX_LANES:
        kept = sorted(kept, key=lambda lane: (-count[lane], not named[lane], first[lane]))
        kept, rest = kept[: MAX_LANES - 1], kept[MAX_LANES - 1 :]
        folded = len(rest)
    kept.sort(key=lambda lane: (not named[lane], first[lane]))
    order = [(lane, named[lane]) for lane in kept]
    index = {lane: i for i, lane in enumerate(kept)}
    if folded:
        order.append((f"{folded} other speakers", False))
        for lane in count:
            index.setdefault(lane, len(kept))
    return order, index, folded


def _pieces(marks: list[TimelineMark]) -> list[tuple[date, date, int]]:
    """The time axis cut into at most ``MAX_PIECES`` pieces around the dated marks, leaving
    out stretches with nothing in them: (first day, last day, marks in it)."""
    spans = sorted((m.start, m.end) for m in marks)
    whole = max(end for _, end in spans) - spans[0][0]
    quiet = max(timedelta(days=21), whole / 40)
    pieces: list[list[Any]] = []
    for start, end in spans:
        if pieces and start - pieces[-1][1] <= quiet:
            pieces[-1][1] = max(pieces[-1][1], end)
            pieces[-1][2] += 1
        else:
            pieces.append([start, end, 1])
    while len(pieces) > MAX_PIECES:
        # join the neighbours that cost least: a short gap between few marks
        costs = [
            (pieces[i + 1][0] - pieces[i][1]).days * (pieces[i][2] + pieces[i + 1][2])
            for i in range(len(pieces) - 1)
        ]
        i = costs.index(min(costs))
        left, right = pieces[i], pieces.pop(i + 1)
        pieces[i] = [left[0], max(left[1], right[1]), left[2] + right[2]]
    return [(start, end, count) for start, end, count in pieces]


def _label(glyph: Glyph, *, folded: bool, width: int) -> str:
    mark = glyph.first
    text = mark.text.strip(" \"'“”‘’«»,.")
    if folded:
        text = f"{mark.lane}: {text}"
    if len(glyph.marks) > 1:
        text = f"{text} (+{len(glyph.marks) - 1} more)"
    if mark.dated_by == "inferred":
        text = "~ " + text
    return "\n".join(textwrap.wrap(text, width, max_lines=2, placeholder=" …")) or "…"


def _place_labels(
    glyphs: list[Glyph], labels: list[str], x_px: list[float], bounds: list[tuple[float, float]]
) -> dict[int, tuple[str, float]]:
    """Which glyphs get a label and where: ``above`` or ``below`` the lane, and how far left
    of the glyph it begins (in points), so that it stays in its piece of the axis and no two
    labels in a lane run into each other. Statements with their own date go first, then the
    rest in date order, ``MAX_LABELS`` at most."""
    taken: dict[tuple[int, str], float] = defaultdict(lambda: float("-inf"))
    placed: dict[int, tuple[str, float]] = {}
    order = sorted(
        range(len(glyphs)),
        key=lambda i: (glyphs[i].first.dated_by != "statement", glyphs[i].first.start),
    )
    for i in order:
        if len(placed) >= MAX_LABELS:
            break
        width = max(len(line) for line in labels[i].split("\n")) * CHAR_PX
        left_edge, right_edge = bounds[i]
        begin = max(left_edge, min(x_px[i] - 4, right_edge - width))
        for side in ("above", "below"):
            if begin >= taken[glyphs[i].row, side] + 8:
                taken[glyphs[i].row, side] = begin + width
                placed[i] = (side, (begin - x_px[i]) * 72 / DPI)
                break
    return placed
