"""An article's text cut into pieces for display, each piece knowing what covers it.

Marks (an excluded range, an attribution's content, cue or source, an entity mention, a time
expression, an event) may nest and overlap, so the text is cut at every mark's edges into
pieces; each piece carries the classes, hover titles and link of the marks covering it. The
pieces are plain data: the template escapes them as it writes them out.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from fuente.query.links import anchor_of

__all__ = ["TextMark", "article_marks", "pieces"]

# Order in which hover titles are listed, outermost first.
ORDER = {"excluded": 0, "source": 1, "cue": 2, "content": 3, "event": 4, "entity": 5, "time": 6}


@dataclass(frozen=True, slots=True)
class TextMark:
    """One marked span: ``kind`` is a key of ``ORDER``; ``css`` its class names; ``title``
    what hovering shows; ``group`` ties the pieces of one attribution or event together;
    ``anchor`` an element id placed where it starts; ``href`` a link; ``label`` words shown
    before it (an excluded range's reason)."""

    start: int
    end: int
    kind: str
    css: str
    title: str | None = None
    group: str | None = None
    anchor: str | None = None
    href: str | None = None
    label: str | None = None


def _speaker_title(speaker: dict[str, Any] | None) -> str:
    if speaker is None:
        return "speaker unknown"
    described = f": {speaker['description']}" if speaker.get("description") else ""
    if speaker["kind"] == "unnamed":
        return f"unnamed source{described}"
    return f"{speaker['name']} ({speaker['kind']})"


def _attribution_marks(row: dict[str, Any]) -> list[TextMark]:
    """An attribution's content, cue and source, one group."""
    group = anchor_of(row["id"])
    speaker = row["speaker"]
    said = f"said by {_speaker_title(speaker)} · {row['kind']}"
    content = row["content"]
    marks = [
        TextMark(
            content["start"], content["end"], "content", f"content {row['kind']}", said,
            group=group, anchor=group,
        )
    ]  # fmt: skip
    if row["cue"]:
        marks.append(
            TextMark(row["cue"]["start"], row["cue"]["end"], "cue", "cue", "cue", group=group)
        )
    if row["source"]:
        marks.append(
            TextMark(
                row["source"]["start"], row["source"]["end"], "source", "source",
                _speaker_title(speaker), group=group, href=speaker["url"] if speaker else None,
            )
        )  # fmt: skip
    return marks


def _event_mark(event: dict[str, Any]) -> TextMark | None:
    if event["start"] is None or event["end"] is None:
        return None
    anchor = anchor_of(event["id"])
    return TextMark(
        event["start"], event["end"], "event", "event", f"event: {event['category']}",
        group=anchor, anchor=anchor,
    )  # fmt: skip


def article_marks(view: dict[str, Any]) -> list[TextMark]:
    """The marks of an article view (``fuente.query.article.article_view``)."""
    marks = [
        TextMark(r["start"], r["end"], "excluded", "excluded", f"excluded: {r['reason']}",
                 label=r["reason"])
        for r in view["excluded"]
    ]  # fmt: skip
    for row in view["attributions"]:
        marks += _attribution_marks(row)
    for entity in view["entities"]:
        title = f"{entity['type']}: {entity['name']}"
        for mention in entity["mentions"]:
            marks.append(
                TextMark(
                    mention["start"], mention["end"], "entity", f"entity {entity['type']}",
                    title, href=entity["url"],
                )
            )  # fmt: skip
    for time in view["times"]:
        title = f"{time['type']} {time['value']}"
        marks.append(TextMark(time["start"], time["end"], "time", "time", title))
    events = (_event_mark(event) for event in view["events"] or ())
    return marks + [mark for mark in events if mark is not None]


def pieces(text: str, marks: list[TextMark]) -> list[dict[str, Any]]:
    """The text cut at every mark's edges: ``{text, css, title, group, href, anchors,
    labels}`` per piece, in order, covering the whole text."""
    size = len(text)
    kept = [m for m in marks if 0 <= m.start < m.end <= size]
    edges = sorted({0, size, *(m.start for m in kept), *(m.end for m in kept)})
    starting: dict[int, list[TextMark]] = {}
    for mark in kept:
        starting.setdefault(mark.start, []).append(mark)
    open_marks: list[TextMark] = []
    result = []
    for start, end in pairwise(edges):
        open_marks = [m for m in open_marks if m.end > start] + starting.get(start, [])
        covering = sorted(open_marks, key=lambda m: (ORDER[m.kind], m.start, -m.end))
        grouped = [m for m in covering if m.group is not None]
        innermost = min(grouped, key=lambda m: m.end - m.start, default=None)
        linked = [m.href for m in covering if m.href]
        titles = list(dict.fromkeys(m.title for m in covering if m.title))
        result.append(
            {
                "text": text[start:end],
                "css": " ".join(dict.fromkeys(c for m in covering for c in m.css.split())),
                "title": " · ".join(titles),
                "group": innermost.group if innermost else None,
                "href": linked[0] if linked else None,
                "anchors": [m.anchor for m in starting.get(start, []) if m.anchor],
                "labels": [m.label for m in starting.get(start, []) if m.label],
            }
        )
    return result
