"""Rendering stored records for the terminal with rich: a document with its marks, the stats.

Whatever came from an article or its metadata goes through ``fuente.cli.terminal`` first, so
its escape sequences and control characters never reach the terminal.
"""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from fuente.cli.terminal import printable, printable_text
from fuente.errors import StoreError, message
from fuente.query.sourcing import (
    NON_RESPONSE,
    UNNAMED_ONLY,
    counted,
    inside_excluded,
    sourcing_profile,
)
from fuente.records import Attribution, Document, Speaker
from fuente.store.database import Store

__all__ = ["render_document", "render_profile", "render_stats", "said_line", "shorten"]

TYPE_STYLES = {
    "PERSON": "bold cyan",
    "ORG": "bold magenta",
    "GPE": "bold green",
    "NORP": "green",
    "LOC": "green",
}
CONTENT_STYLE = "underline"
CUE_STYLE = "bold"
SOURCE_STYLE = "blue"
# Where labels go when several fall at one position: ends of marks before starts.
MENTION_END, SPEAKER_END, START = 0, 1, 2


def render_document(store: Store, doc: str) -> Group:
    """The document's metadata, then its text, then its sourcing profile.

    In the text, excluded ranges are dimmed, struck through and labelled with their reason;
    entity mentions are coloured by type and tagged with it; an attribution's content is
    underlined, its cue bold and its source blue, followed by its speaker
    (``[unnamed: a source briefed on the talks]``).
    """
    document = store.document(doc)
    if document is None:
        raise StoreError(message("E022", doc=doc))
    excluded = store.excluded(doc)
    speakers = store.speakers(doc)
    attributions = counted(store.attributions(doc), excluded)
    marks = Marks()
    for skipped in excluded:
        marks.style(skipped.start, skipped.end, "dim strike")
        marks.label(skipped.start, START, Text(f"⟦excluded: {skipped.reason}⟧ ", style="yellow"))
    for entity, mentions in store.entities(doc):
        for mention in mentions:
            if not inside_excluded(mention.start, mention.end, excluded):
                marks.style(mention.start, mention.end, TYPE_STYLES.get(entity.type, "bold"))
                marks.label(mention.end, MENTION_END, Text(f"/{entity.type}", style="dim"))
    _mark_attributions(marks, attributions, {s.id: s for s in speakers})
    profile = sourcing_profile(document, attributions, speakers, store.lead(doc), excluded=excluded)
    text = marks.apply(document.text)
    return Group(_head(document), Text(""), text, Text(""), render_profile(profile))


def _head(document: Document) -> Table:
    head = Table.grid(padding=(0, 2))
    for label, value in (
        ("id", document.id),
        ("path", document.path),
        ("title", document.title),
        ("deck", document.deck),
        ("tags", " ".join(document.tags) or None),
        ("outlet", document.outlet),
        ("language", document.language),
        ("published", _published(document)),
    ):
        head.add_row(Text(label, style="bold"), Text(printable(value or "—")))
    for warning in document.warnings:
        head.add_row(Text("warning", style="bold yellow"), Text(printable(warning)))
    return head


def _mark_attributions(
    marks: Marks, attributions: list[Attribution], speakers: dict[str, Speaker]
) -> None:
    for attribution in attributions:
        marks.style(attribution.content_start, attribution.content_end, CONTENT_STYLE)
        if attribution.cue_start is not None and attribution.cue_end is not None:
            marks.style(attribution.cue_start, attribution.cue_end, CUE_STYLE)
        if attribution.source_start is not None and attribution.source_end is not None:
            marks.style(attribution.source_start, attribution.source_end, SOURCE_STYLE)
        after = attribution.source_end
        if after is None:
            after = attribution.content_end
        label = _speaker_label(attribution, speakers.get(attribution.speaker or ""))
        marks.label(after, SPEAKER_END, Text(f" {label}", style=SOURCE_STYLE))


def _speaker_label(attribution: Attribution, speaker: Speaker | None) -> str:
    """``[unnamed: two diplomats]``, ``[person: Tomas Varga, through Marovia Today]``."""
    who = f"{speaker.kind}: {speaker.name}" if speaker is not None else "unknown speaker"
    if attribution.through:
        who += f", through {attribution.through}"
    if attribution.kind == NON_RESPONSE:
        who += ", non-response"
    return printable(f"[{who}]")


class Marks:
    """Styles laid over a text, and labels inserted into it, applied in one pass."""

    def __init__(self) -> None:
        self.styles: list[tuple[int, int, str]] = []
        self.labels: list[tuple[int, int, Text]] = []

    def style(self, start: int, end: int, style: str) -> None:
        self.styles.append((start, end, style))

    def label(self, position: int, order: int, label: Text) -> None:
        """Insert ``label`` at ``position``; at one position, lower ``order`` comes first."""
        self.labels.append((position, order, label))

    def apply(self, text: str) -> Text:
        """``text`` made printable, with the styles and labels where their offsets were."""
        shown = printable_text(text)
        body = Text(shown.text)
        for start, end, style in self.styles:
            body.stylize(style, shown.at(start), shown.at(end))
        labels = sorted(self.labels, key=lambda label: (label[0], label[1]))
        pieces = body.divide(shown.at(position) for position, _, _ in labels)
        marked = Text()
        marked.append_text(pieces[0])
        for (_, _, label), piece in zip(labels, pieces[1:], strict=True):
            marked.append_text(label)
            marked.append_text(piece)
        return marked


def render_profile(profile: dict[str, Any]) -> Table:
    """A document's sourcing profile (``fuente.query.sourcing``) as a two-column table."""
    table = Table(title="sourcing", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    by_kind = ", ".join(f"{kind} {n}" for kind, n in profile["by_kind"].items() if n)
    non_responses = profile["non_responses"]
    who = ", ".join(non_responses["who"])
    outlets = ", ".join(f"{o['name']} ({o['count']})" for o in profile["outlets"])
    rows = [
        ("attributions", f"{profile['attributions']} ({by_kind or 'none'})", ""),
        ("named", str(profile["named"]), ""),
        ("unnamed", str(profile["unnamed"]), ""),
        ("author", str(profile["author"]), ""),
        ("non-responses", f"{non_responses['count']}" + (f" ({who})" if who else ""), ""),
        ("outlets", outlets or "—", ""),
        *(("unnamed source", _unnamed_source(s), "") for s in profile["unnamed_speakers"]),
    ]
    for statement in profile["lead"]:
        style = "bold red" if statement["support"] == UNNAMED_ONLY else ""
        text = " ".join(statement["text"].split())
        rows.append((statement["part"], f"{statement['support']}: {text}", style))
    for label, value, style in rows:  # Text, not markup: names and words come from articles
        table.add_row(label, Text(printable(value), style=style))
    return table


def _unnamed_source(speaker: dict[str, Any]) -> str:
    """``two diplomats briefed on the talks (MRV, government, count 2)``."""
    details = [value for value in (speaker["country"], speaker["sector"]) if value]
    if speaker["count"]:
        details.append(f"count {speaker['count']}")
    return f"{speaker['description']} ({', '.join(details)})" if details else speaker["description"]


def said_line(row: dict[str, Any], *, width: int = 200) -> str:
    """One ``fuente who-said`` row as a line: document, speaker, kind and what was said."""
    speaker = row["speaker"]
    if speaker is None:
        who = "(unknown speaker)"
    elif speaker["description"] and speaker["description"] != speaker["name"]:
        who = f"{speaker['name']} ({speaker['kind']}, {speaker['description']})"
    else:
        who = f"{speaker['name']} ({speaker['kind']})"
    if row["through"]:
        who += f" through {row['through']}"
    line = f"{row['doc']}  {who}  {row['kind']}  {shorten(row['content']['text'], width=width)}"
    return printable(line)


def shorten(text: str, *, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis where longer."""
    line = " ".join(text.split())
    return line if len(line) <= width else line[: width - 1].rstrip() + "…"


def _published(document: Document) -> str | None:
    if not document.published_inferred:
        return document.published
    earliest, latest = document.published_earliest, document.published_latest
    if document.published is not None:
        shown = document.published
        if earliest and latest and earliest != latest:
            shown += f", between {earliest} and {latest}"
    elif earliest and latest:
        shown = f"between {earliest} and {latest}"
    elif earliest:
        shown = f"after {earliest}"
    else:
        return None
    return f"{shown} (inferred)"


def render_stats(figures: dict[str, Any]) -> Table:
    table = Table(title="fuente database", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    for key, value in figures.items():
        if isinstance(value, dict):
            shown = ", ".join(f"{k}: {v}" for k, v in value.items()) or "—"
        else:
            shown = f"{value:,}" if isinstance(value, int) else str(value)
        table.add_row(key.replace("_", " "), Text(printable(shown)))
    return table
