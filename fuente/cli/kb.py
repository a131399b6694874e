"""``fuente kb``: the knowledge base of known actors; ``fuente kb check FILE`` checks a file
of it before fuente reads it."""

from __future__ import annotations

import sys

import click

from fuente.actors.kb_check import check_knowledge_base
from fuente.cli.commands import settings_options
from fuente.settings import load_settings

__all__ = ["kb_group"]


@click.group(name="kb")
def kb_group() -> None:
    """The knowledge base of known people and organisations (actors_known.yaml)."""


@kb_group.command(name="check")
@click.argument("file", type=click.Path(dir_okay=False))
@settings_options
def check_kb(file: str, config: str | None, model: str | None, batch_size: int | None) -> None:
    """Check a knowledge-base FILE: bad dates, unknown sectors and countries, duplicate names
    and ids, two people in one office of a country on the same days. One line per problem;
    exit status 1 when there is any."""
    settings = load_settings(config, model=model, batch_size=batch_size)
    problems = check_knowledge_base(file, settings=settings)
    for problem in problems:
        click.echo(problem.line())
    if problems:
        click.echo(f"{len(problems)} problems in {file}", err=True)
        sys.exit(1)
    click.echo(f"{file}: ok", err=True)
