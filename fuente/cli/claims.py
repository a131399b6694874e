"""``fuente claims``: the statements and events several articles report, each with how many
independent sources stand behind it; matching the whole database again."""

from __future__ import annotations

import json

import click

from fuente.cli.commands import db_option, settings_options
from fuente.cli.terminal import printable
from fuente.corpus.claims import rebuild_claims
from fuente.query.claims import claims
from fuente.settings import load_settings
from fuente.store.connect import open_reader, open_store

__all__ = ["claims_command"]


@click.command(name="claims")
@click.argument("query", required=False)
@db_option
@settings_options
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object a claim.")
@click.option(
    "--min-sources",
    type=click.IntRange(min=1),
    default=1,
    show_default=True,
    help="Only claims with at least N independent sources.",
)
@click.option("--rebuild", is_flag=True, help="Forget every claim and match all documents again.")
def claims_command(
    query: str | None,
    db_path: str,
    config: str | None,
    model: str | None,
    batch_size: int | None,
    as_json: bool,
    min_sources: int,
    rebuild: bool,
) -> None:
    """Statements and events that several articles report, the most reported first, with
    their independent sources; only those matching QUERY (every word in the speaker or the
    words)."""
    if rebuild:
        settings = load_settings(config, model=model, batch_size=batch_size)
        with open_store(db_path, lock_timeout=settings.lock_timeout) as store:
            report = rebuild_claims(store, settings=settings)
        click.echo(
            f"matched {report.documents} documents: {report.joined} records joined a claim",
            err=True,
        )
    with open_reader(db_path) as store:
        for row in claims(store, query, min_sources=min_sources):
            click.echo(json.dumps(row, ensure_ascii=False) if as_json else _text(row))


def _text(row: dict) -> str:
    said = " ".join(row["text"].split())
    said = said if len(said) <= 140 else said[:137] + "..."
    sources = f"{row['sources']} independent source{'s' if row['sources'] != 1 else ''}"
    unnamed = ", unnamed sources only" if row["unnamed_only"] else ""
    lines = [f"{row['id']}  {row['who'] or '(unknown)'}: {said}",
             f"  {row['documents']} articles, {sources}{unnamed}"]  # fmt: skip
    lines += [f"  origin {o['origin']} ({o['doc']}, {o['how']})" for o in row["origins"]]
    lines += [f"  folded {f['doc']} into {f['into']}: {f['how']}" for f in row["folded"]]
    return "\n".join(printable(line) for line in lines)
