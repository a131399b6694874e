"""``fuente claims``: the statements and events several articles report, each with how many
independent sources stand behind it and the contradictions found with its members; matching
the whole database again. ``fuente contradictions``: every contradiction found."""

from __future__ import annotations

import json

import click

from fuente.cli.commands import db_option, settings_options
from fuente.cli.terminal import printable
from fuente.corpus.claims import rebuild_claims
from fuente.corpus.contradictions import find_contradictions
from fuente.query.claims import claims
from fuente.query.contradictions import contradictions
from fuente.settings import load_settings
from fuente.store.connect import open_reader, open_store

__all__ = ["claims_command", "contradictions_command"]

RULES = ("negation", "numbers", "dates", "denial")


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
            found = find_contradictions(store, settings=settings)
        click.echo(
            f"matched {report.documents} documents: {report.joined} records joined a claim, "
            f"{found.found} contradictions found",
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
    lines += [f"  contradiction ({c['rule']}): {c['message']}" for c in row["contradictions"]]
    return "\n".join(printable(line) for line in lines)


@click.command(name="contradictions")
@db_option
@click.option("--doc", default=None, help="Only those with a side in document DOC.")
@click.option("--rule", type=click.Choice(RULES), default=None, help="Only those of one rule.")
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object a contradiction.")
def contradictions_command(db_path: str, doc: str | None, rule: str | None, as_json: bool) -> None:
    """Reports that cannot both hold, each with the rule that found it and both sides."""
    with open_reader(db_path) as store:
        for row in contradictions(store, doc=doc, rule=rule):
            click.echo(json.dumps(row, ensure_ascii=False) if as_json else _contradiction(row))


def _contradiction(row: dict) -> str:
    one, other = row["one"], row["other"]
    lines = [f"{row['rule']}: {' '.join(row['message'].split())}",
             f"  {one['doc']} {one['start']}-{one['end']}: {' '.join(one['text'].split())}",
             f"  {other['doc']} {other['start']}-{other['end']}: "
             f"{' '.join(other['text'].split())}"]  # fmt: skip
    return "\n".join(printable(line) for line in lines)
