"""Rendering stored records for the terminal with rich: a document with its marks, the stats."""

from __future__ import annotations

from typing import Any

from rich.console import Group
from rich.table import Table
from rich.text import Text

from fuente.errors import StoreError, message
from fuente.store import Store

__all__ = ["render_document", "render_stats"]

TYPE_STYLES = {
    "PERSON": "bold cyan",
    "ORG": "bold magenta",
    "GPE": "bold green",
    "NORP": "green",
    "LOC": "green",
}


def render_document(store: Store, doc: str) -> Group:
    """The document's metadata, then its text: excluded ranges dimmed, struck through and
    labelled with their reason, entity mentions coloured by type and tagged with it."""
    document = store.document(doc)
    if document is None:
        raise StoreError(message("E022", doc=doc))
    head = Table.grid(padding=(0, 2))
    for label, value in (
        ("id", document.id),
        ("path", document.path),
        ("title", document.title),
        ("deck", document.deck),
        ("tags", " ".join(document.tags) or None),
        ("outlet", document.outlet),
        ("language", document.language),
        ("published", _published(document.published, document.published_inferred)),
    ):
        head.add_row(Text(label, style="bold"), Text(value or "—"))

    text = document.text
    marks: list[tuple[int, int, str, str]] = []  # start, end, style, label
    for excluded in store.excluded(doc):
        marks.append((excluded.start, excluded.end, "dim strike", f"excluded: {excluded.reason}"))
    mentions = []
    for entity, entity_mentions in store.entities(doc):
        for mention in entity_mentions:
            mentions.append((mention.start, mention.end, entity.type))
    body = Text()
    position = 0
    pending = sorted(marks + [(s, e, TYPE_STYLES.get(t, "bold"), t) for s, e, t in mentions])
    for start, end, style, label in pending:
        if start < position:
            continue
        body.append(text[position:start])
        if label.startswith("excluded"):
            body.append(f"⟦{label}⟧ ", style="yellow")
            body.append(text[start:end], style=style)
        else:
            body.append(text[start:end], style=style)
            body.append(f"/{label}", style="dim")
        position = end
    body.append(text[position:])
    return Group(head, Text(""), body)


def _published(value: str | None, inferred: bool) -> str | None:
    if value is None:
        return None
    return f"{value} (inferred)" if inferred else value


def render_stats(figures: dict[str, Any]) -> Table:
    table = Table(title="fuente database", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column()
    for key, value in figures.items():
        if isinstance(value, dict):
            shown = ", ".join(f"{k}: {v}" for k, v in value.items()) or "—"
        else:
            shown = f"{value:,}" if isinstance(value, int) else str(value)
        table.add_row(key.replace("_", " "), shown)
    return table
