"""``fuente search``: the web UI's full-text search on the command line (``fuente.query.search``),
accents and case ignored, narrowed by the same facets."""

from __future__ import annotations

import json
from typing import Any

import click

from fuente.cli.commands import db_option
from fuente.cli.terminal import printable
from fuente.query.paging import Window
from fuente.query.reading import open_read
from fuente.query.search import FACETS, PER_PAGE, search

__all__ = ["search_command"]


@click.command(name="search")
@click.argument("query")
@db_option
@click.option("--outlet", help="Only articles of this outlet.")
@click.option("--language", help="Only articles in this language (ISO 639-1: en, es).")
@click.option("--date", help="Only articles of this year or month (2025, 2025-03).")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=PER_PAGE,
    show_default=True,
    help="Show at most N results.",
)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object a result.")
def search_command(
    query: str,
    db_path: str,
    outlet: str | None,
    language: str | None,
    date: str | None,
    limit: int,
    as_json: bool,
) -> None:
    """Passages of article text and attributions matching every word and "quoted phrase" of
    QUERY, ignoring case and accents ("rodriguez" finds "Rodríguez"), best first."""
    filters = {"outlet": outlet, "language": language, "date": date}
    with open_read(db_path, check_damage=True) as store:
        found = search(store, query, filters=filters, window=Window(per_page=limit))
    for hit in found["hits"]:
        click.echo(json.dumps(hit, ensure_ascii=False) if as_json else _line(hit))
    if not as_json:
        counts = ", ".join(
            f"{facet} " + " ".join(f"{v['value']}:{v['count']}" for v in found["facets"][facet])
            for facet in FACETS
            if facet != "speaker" and found["facets"][facet]
        )
        total = found["total"]
        summary = f"{total} result{'' if total == 1 else 's'}"
        click.echo(f"{summary}; {counts}" if counts else summary, err=True)


def _line(hit: dict[str, Any]) -> str:
    """One result: its article, language and kind, its speaker, and the passage with the
    matched words in [brackets]."""
    words = "".join(f"[{p['text']}]" if p["hit"] else p["text"] for p in hit["passage"])
    who = f" {hit['speaker']['name']}:" if hit.get("speaker") else ""
    head = f"{hit['doc']} ({hit['language'] or '?'}) {hit['type']}{who}"
    return printable(f"{head} {' '.join(words.split())}")
