"""``fuente actors``: the corpus-wide actors, one of them with why each name joined it, and
linking the whole database again."""

from __future__ import annotations

import json
import sys

import click
from rich.console import Console
from rich.table import Table

from fuente.cli.commands import db_option, settings_options
from fuente.cli.terminal import printable
from fuente.corpus.actors import link_pending, rebuild_actors
from fuente.errors import message
from fuente.query.actors import actor_detail, actor_rows
from fuente.settings import load_settings
from fuente.store.connect import open_reader, open_store

__all__ = ["actors_group"]


@click.group(name="actors", invoke_without_command=True)
@db_option
@settings_options
@click.option("--rebuild", is_flag=True, help="Forget every actor and link all documents again.")
@click.option(
    "--limit",
    type=click.IntRange(min=1),
    default=30,
    show_default=True,
    help="List at most N actors.",
)
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
@click.pass_context
def actors_group(
    ctx: click.Context,
    db_path: str,
    config: str | None,
    model: str | None,
    batch_size: int | None,
    rebuild: bool,
    limit: int,
    as_json: bool,
) -> None:
    """The actors across articles: list the most mentioned (link any documents not linked
    yet), or with --rebuild link the whole database again."""
    ctx.obj = {"db": db_path}
    if ctx.invoked_subcommand is not None:
        return
    settings = load_settings(config, model=model, batch_size=batch_size)
    with open_store(db_path, lock_timeout=settings.lock_timeout) as store:
        report = (rebuild_actors if rebuild else link_pending)(store, settings=settings)
        if report.documents:
            click.echo(
                f"linked {report.documents} documents: {report.joined} names joined an actor, "
                f"{report.founded} founded one, {report.unlinked} left unlinked",
                err=True,
            )
        rows = list(actor_rows(store))[:limit]
    if as_json:
        for row in rows:
            click.echo(json.dumps(row, ensure_ascii=False))
        return
    table = Table("id", "name", "kind", "mentions", "also written")
    for row in rows:
        others = [alias for alias in row["aliases"] if alias != row["name"]][:4]
        table.add_row(
            printable(row["id"]), printable(row["name"]), row["kind"], str(row["mentions"]),
            printable(", ".join(others)),
        )  # fmt: skip
    Console(highlight=False).print(table)


@actors_group.command(name="show")
@click.argument("actor")
@click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
@click.pass_context
def show_actor(ctx: click.Context, actor: str, as_json: bool) -> None:
    """One actor: its aliases, and each document's name for it with why it joined."""
    with open_reader(ctx.obj["db"]) as store:
        detail = actor_detail(store, actor)
    if detail is None:
        click.echo(f"error: {message('E090', actor=actor)}", err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(detail, ensure_ascii=False, indent=2))
        return
    console = Console(highlight=False)
    kb = f", knowledge base: {detail['kb']}" if detail["kb"] else ""
    console.print(f"[bold]{printable(detail['name'])}[/bold] ({detail['kind']}{kb})")
    aliases = ", ".join(f"{printable(a)} ×{n}" for a, n in detail["aliases"].items())
    console.print(f"written as: {aliases}")
    for link in detail["links"]:
        console.print(f"  {printable(link['doc'])}: {printable(link['name'])} — {link['reason']}")
