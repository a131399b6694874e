"""A timeline as a picture: one lane per speaker, each statement placed at its date.

``draw_timeline(rows, path)`` lays dated rows out (``fuente.picture.layout``, which says what
a row may hold) and draws them with matplotlib into an SVG or a PNG: no window, no font or data
downloaded. A day is a dot, anything coarser a bar over the days it covers with a dot at its
middle. Colour tells the kind of speaker (or a row's ``category``); a dot is filled when the
date is the statement's own, hollow when it is its article's, dashed when that article's date
was inferred. Long quiet stretches are cut out of the time axis (marked ``//``), and the
subtitle says what was left unlabelled or folded into the last lane.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path
from typing import Any

from fuente.errors import ConfigError, FuenteError, message
from fuente.picture.layout import (
    BOTTOM_IN,
    DPI,
    LABEL_PT,
    LANE_IN,
    WIDTH_IN,
    TimelineLayout,
    TimelineMark,
    lay_out,
    marks_from_rows,
)

__all__ = ["SUFFIXES", "Drawn", "draw_timeline", "picture_format"]

SUFFIXES = (".svg", ".png")
COLOURS = {
    "person": "#1f6fb4",
    "organisation": "#2a9d62",
    "outlet": "#8c4fb8",
    "unnamed": "#e07b1f",
    "document": "#9c6b3c",
    "author": "#7f7f7f",
    "event": "#c23b5a",
}
SPARE_COLOURS = ("#1aa3a3", "#b5a31a", "#5a5ac2", "#555555")
CATEGORY_NAMES = {
    "person": "person",
    "organisation": "organisation",
    "outlet": "news outlet",
    "unnamed": "unnamed source",
    "document": "document",
    "author": "the article's author",
    "unknown": "speaker of unknown kind",
    "event": "event (PLOVER category)",
}
DATINGS = (
    ("statement", "the date the sentence gives"),
    ("document", "its article's date"),
    ("inferred", "its article's inferred date (~)"),
)
GREY = "#555555"


@dataclass(frozen=True, slots=True)
class Drawn:
    """What a picture holds: marks drawn, labels shown, lanes, speakers folded into the last
    lane, and rows whose date names no place on the calendar (left out)."""

    path: str
    marks: int
    labels: int
    lanes: int
    folded: int
    unplaced: int


def picture_format(path: str | Path) -> str:
    """``svg`` or ``png``, from the file's suffix; a ConfigError for any other."""
    suffix = Path(path).suffix.lower()
    if suffix not in SUFFIXES:
        raise ConfigError(message("E060", suffix=suffix or Path(path).name))
    return suffix[1:]


def draw_timeline(
    rows: Iterable[Mapping[str, Any]], path: str | Path, *, title: str | None = None
) -> Drawn:
    """Draw dated rows as a timeline picture at ``path``, an ``.svg`` or a ``.png`` file.
    Raises ConfigError for another suffix and FuenteError when no row has a date on the
    calendar; writes nothing then."""
    picture = picture_format(path)
    marks, unplaced = marks_from_rows(rows)
    if not marks:
        raise FuenteError(message("E061"))
    layout = lay_out(marks)
    drawn = Drawn(str(path), len(marks), layout.labels, len(layout.lanes), layout.folded, unplaced)

    from matplotlib import rc_context
    from matplotlib.figure import Figure

    settings = {"svg.fonttype": "none", "svg.hashsalt": "fuente", "font.family": "DejaVu Sans"}
    with rc_context(settings):
        figure = Figure(figsize=(WIDTH_IN, layout.height_in), dpi=DPI)
        axes = _axes(figure, layout)
        colours = _colours(marks)
        _glyphs(axes, layout, colours)
        _legend(figure, axes[0], marks, colours)
        top = layout.height_in
        figure.text(0.012, 1 - 0.22 / top, title or "fuente timeline", fontsize=14,
                    fontweight="bold", va="top", color="#1a1a1a")  # fmt: skip
        figure.text(0.012, 1 - 0.55 / top, _subtitle(marks, drawn), fontsize=8.5, va="top",
                    color=GREY)  # fmt: skip
        with warnings.catch_warnings():  # the library never prints, matplotlib included
            warnings.simplefilter("ignore")
            figure.savefig(path, format=picture, dpi=DPI, metadata=_metadata(picture))
    return drawn


def _axes(figure: Any, layout: TimelineLayout) -> list[Any]:
    """One axes a piece of the time axis, lanes banded, lane names on the first."""
    from matplotlib import dates as mdates

    count = len(layout.lanes)
    axes = []
    for i, piece in enumerate(layout.pieces):
        box = (
            piece.left_in / WIDTH_IN,
            BOTTOM_IN / layout.height_in,
            piece.width_in / WIDTH_IN,
            LANE_IN * count / layout.height_in,
        )
        ax = figure.add_axes(box)
        ax.set_xlim(mdates.date2num(piece.first), mdates.date2num(piece.last))
        ax.set_ylim(-0.5, count - 0.5)
        locator = mdates.AutoDateLocator(minticks=2, maxticks=max(5, int(piece.width_in * 1.4)))
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(mdates.ConciseDateFormatter(locator))
        ax.tick_params(axis="x", labelsize=8, color="#888888", labelcolor="#444444", top=True,
                       labeltop=True)  # fmt: skip
        ax.grid(axis="x", color="#dddddd", linewidth=0.6)
        ax.set_axisbelow(True)
        for side in ("left", "right", "top"):
            ax.spines[side].set_visible(False)
        ax.spines["bottom"].set_color("#888888")
        for row in range(count):
            y = count - 1 - row
            if row % 2 == 0:
                ax.axhspan(y - 0.5, y + 0.5, color="#f3f4f6", zorder=0, linewidth=0)
            ax.axhline(y, color="#c8c8c8", linewidth=0.6, zorder=1)
        ax.set_yticks([] if i else [count - 1 - row for row in range(count)])
        axes.append(ax)
    cut = {"marker": [(-1, -1.6), (1, 1.6)], "markersize": 9, "mew": 1, "linestyle": "none"}
    for left, right in pairwise(axes):  # "//" where a quiet stretch was cut out
        for ax, x in ((left, 1), (right, 0)):
            ax.plot([x, x], [0, 1], transform=ax.transAxes, color="#888888", clip_on=False, **cut)

    first = axes[0]
    first.set_yticklabels([_lane_label(lane, n) for lane, _, n in layout.lanes], fontsize=8.5)
    first.tick_params(axis="y", length=0, pad=8)
    for tick, (_, named, _) in zip(first.get_yticklabels(), layout.lanes, strict=True):
        tick.set_color("#1a1a1a" if named else "#6b6b6b")
        tick.set_fontstyle("normal" if named else "italic")
        tick.set_fontweight("bold" if named else "normal")
    return axes


def _glyphs(axes: list[Any], layout: TimelineLayout, colours: dict[str, str]) -> None:
    from matplotlib import dates as mdates
    from matplotlib.patches import Rectangle

    for glyph in layout.glyphs:
        mark, ax = glyph.first, axes[glyph.piece]
        colour = colours[mark.category]
        y, x = len(layout.lanes) - 1 - glyph.row, mdates.date2num(glyph.middle)
        if mark.start != mark.end:
            start = mdates.date2num(mark.start)
            ax.add_patch(
                Rectangle(
                    (start, y - 0.1), mdates.date2num(mark.end) + 1 - start, 0.2,
                    facecolor=colour, alpha=0.3, edgecolor=colour, linewidth=0.8, zorder=2,
                )
            )  # fmt: skip
        size = 34 + 14 * (len(glyph.marks) - 1) ** 0.5  # a dot for several grows a little
        ax.scatter([x], [y], s=size, zorder=3, **_dot_style(mark.dated_by, colour))
        if glyph.label is not None:
            above = glyph.side == "above"
            ax.annotate(
                glyph.label, (x, y), xytext=(glyph.shift_pt, 5 if above else -5),
                textcoords="offset points", ha="left", va="bottom" if above else "top",
                fontsize=LABEL_PT, color="#333333", linespacing=1.05,
                fontstyle="italic" if mark.dated_by == "inferred" else "normal",
                annotation_clip=False, zorder=4,
            )  # fmt: skip


def _legend(figure: Any, first: Any, marks: list[TimelineMark], colours: dict[str, str]) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    def dot(colour: str, label: str) -> Any:
        return Line2D([], [], marker="o", linestyle="none", markersize=7, color=colour,
                      label=label)  # fmt: skip

    handles = [dot(c, CATEGORY_NAMES.get(name, name)) for name, c in colours.items()]
    for dated_by, words in DATINGS:
        if not any(m.dated_by == dated_by for m in marks):
            continue
        if dated_by == "statement":  # a legend draws a filled scatter dot too small
            handles.append(dot(GREY, words))
        else:
            handles.append(first.scatter([], [], s=34, label=words, **_dot_style(dated_by, GREY)))
    if any(m.start != m.end for m in marks):
        handles.append(Patch(facecolor=GREY, alpha=0.3, edgecolor=GREY,
                             label="a week, month, season or year"))  # fmt: skip
    figure.legend(
        handles=handles, loc="lower center", bbox_to_anchor=(0.5, 0.02), frameon=False,
        ncol=min(len(handles), 6), fontsize=8.5, handletextpad=0.4, columnspacing=1.6,
    )  # fmt: skip


def _colours(marks: list[TimelineMark]) -> dict[str, str]:
    known = list(COLOURS)
    found = sorted(
        dict.fromkeys(m.category for m in marks),
        key=lambda c: (known.index(c) if c in known else len(known), c),
    )
    spare = iter(SPARE_COLOURS * (1 + len(found) // len(SPARE_COLOURS)))
    return {category: COLOURS.get(category) or next(spare) for category in found}


def _subtitle(marks: list[TimelineMark], drawn: Drawn) -> str:
    first = min(m.start for m in marks).isoformat()
    last = max(m.end for m in marks).isoformat()
    lanes = len({m.lane for m in marks})
    parts = [
        f"{len(marks)} dated statement{'s' * (len(marks) != 1)} by {lanes} "
        f"speaker{'s' * (lanes != 1)}, {first} to {last}"
    ]
    if drawn.labels < len(marks):
        parts.append(f"labels on {drawn.labels} (others left unlabelled to avoid overlap)")
    if drawn.folded:
        parts.append(f"the {drawn.folded} quietest speakers share the last lane")
    if drawn.unplaced:
        parts.append(f"{drawn.unplaced} with a date that names no day, month or year left out")
    return "  ·  ".join(parts)


def _lane_label(lane: str, count: int) -> str:
    short = lane if len(lane) <= 28 else lane[:27] + "…"
    return f"{short} ({count})"


def _dot_style(dated_by: str, colour: str) -> dict[str, Any]:
    if dated_by == "statement":
        return {"color": colour, "edgecolors": "white", "linewidths": 0.5}
    return {
        "facecolors": "white",
        "edgecolors": colour,
        "linewidths": 1.5,
        "linestyles": (0, (1.5, 1.2)) if dated_by == "inferred" else "solid",
    }


def _metadata(picture: str) -> dict[str, Any]:
    # no creation date, so the same rows draw the same file
    return {"Date": None} if picture == "svg" else {"Software": "fuente"}
