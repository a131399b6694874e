"""The command line: a thin skin over the Python API. Only this module prints.

Each command parses its options and calls one public function. Option sets shared between
commands are decorators, so ``--db``, ``--config``, ``--format`` and ``-o`` mean the same
everywhere. The database is ``--db``, else the ``FUENTE_DB`` environment variable, else
``./fuente.db``. Only ``ingest`` creates a database; the commands that read refuse one that
does not exist, and open it read-only.

Every failure reaches the user as one line, ``error: [CODE] ...``, never a traceback
(``fuente --debug COMMAND`` shows it). The exit status is 2 when the command failed, 1 when
it ran but some inputs were rejected, 0 otherwise.
"""

from __future__ import annotations

import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from fuente._version import __version__
from fuente.errors import FuenteError, StoreError, message
from fuente.query.export import EXPORTS, FORMATS, export, export_to_path
from fuente.query.reading import DatabaseError, open_read
from fuente.settings import SETTINGS, Settings, load_settings
from fuente.store.connect import open_store
from fuente.store.database import Store
from fuente.store.health import check, store_error

__all__ = ["main"]

DEFAULT_DB = "fuente.db"


def _remember_db(ctx: click.Context, _param: click.Parameter, value: str) -> str:
    """Note the database a command works on, for an error message that has to name it."""
    root = ctx.find_root()
    root.obj = {**(root.obj or {}), "db": value}
    return value


def db_option(command: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--db",
        "db_path",
        envvar="FUENTE_DB",
        default=DEFAULT_DB,
        show_default=True,
        type=click.Path(dir_okay=False),
        callback=_remember_db,
        help="SQLite database file (or set FUENTE_DB).",
    )(command)


def settings_options(command: Callable[..., Any]) -> Callable[..., Any]:
    for option in reversed(
        (
            click.option(
                "--config",
                type=click.Path(exists=True, dir_okay=False),
                help="A YAML file of settings (see `fuente settings`).",
            ),
            click.option("--model", help="Installed spaCy pipeline to use."),
            click.option("--batch-size", type=int, help="Documents per spaCy batch."),
        )
    ):
        command = option(command)
    return command


def output_options(command: Callable[..., Any]) -> Callable[..., Any]:
    command = click.option(
        "-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of stdout."
    )(command)
    return click.option(
        "--format", "fmt", type=click.Choice(FORMATS), default="jsonl", show_default=True
    )(command)


def _settings(config: str | None, model: str | None, batch_size: int | None) -> Settings:
    return load_settings(config, model=model, batch_size=batch_size)


def _open(db_path: str) -> Store:
    """The database, read-only, for a command that only reads; it must exist."""
    return open_read(db_path, check_damage=True)


def _fail(error: FuenteError) -> None:
    click.echo(f"error: {error}", err=True)
    sys.exit(2)


class FuenteGroup(click.Group):
    """The command group: turns every failure of a command into one line and exit status 2."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.exceptions.Exit, click.ClickException, click.Abort):
            raise
        except BrokenPipeError:  # the reader went away (`fuente who-said x | head`): no error
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            sys.exit(0)
        except Exception as error:
            if ctx.params.get("debug"):
                raise
            _fail(_as_fuente_error(error, ctx))
        except KeyboardInterrupt:
            click.echo("interrupted: every document stored so far is kept", err=True)
            sys.exit(130)


def _as_fuente_error(error: Exception, ctx: click.Context) -> FuenteError:
    if isinstance(error, FuenteError):
        return error
    sub = ctx.invoked_subcommand
    db = (ctx.obj or {}).get("db") or "the database"
    if isinstance(error, DatabaseError):
        return store_error(error, db)
    if isinstance(error, OSError):
        where = error.filename or db
        return FuenteError(message("E084", path=where, reason=error.strerror or error))
    where = f"{type(error).__name__}: {error}".splitlines()[0][:200]
    return FuenteError(message("E081", error=f"{sub}: {where}" if sub else where))


@click.group(cls=FuenteGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="fuente")
@click.option("--debug", is_flag=True, help="Show the full traceback when a command fails.")
@click.pass_context
def main(ctx: click.Context, debug: bool) -> None:
    """fuente: who said what, when and on whose word, from political news."""
    ctx.obj = {**(ctx.obj or {}), "debug": debug}


@main.command()
@click.argument("paths", nargs=-1, required=True)
@db_option
@settings_options
@click.option(
    "--workers",
    type=click.IntRange(min=0),
    default=None,
    help="Processes to read, parse and analyse in (0: one per core; default: the setting); "
    "with --engine ray, Ray actors (0: one per CPU of the cluster).",
)
@click.option(
    "--engine",
    type=click.Choice(("local", "ray")),
    default=None,
    help="Analyse on this machine's processes (local) or in Ray actors (ray); default: the "
    "setting.",
)
@click.option(
    "--ray-address",
    default=None,
    metavar="ADDR",
    help="A running Ray cluster (HOST:PORT of its head) for --engine ray; without it, fuente "
    "starts a Ray of its own here.",
)
@click.option(
    "--meta",
    "meta_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="A CSV, TSV or JSON Lines manifest of metadata: a row per article (path or id).",
)
@click.option("-q", "--quiet", is_flag=True, help="Print nothing but errors.")
def ingest(
    paths: tuple[str, ...],
    db_path: str,
    config: str | None,
    model: str | None,
    batch_size: int | None,
    workers: int | None,
    engine: str | None,
    ray_address: str | None,
    meta_path: str | None,
    quiet: bool,
) -> None:
    """Ingest files, directories and globs of .txt, .html and .jsonl articles."""
    from fuente.cli.progress import Stages, report, summary
    from fuente.ingest import ingest as run_ingest

    settings = load_settings(
        config, model=model, batch_size=batch_size, engine=engine, ray_address=ray_address
    )
    if ray_address is not None and settings.engine != "ray":
        raise click.UsageError("--ray-address is for --engine ray: give both")
    manifest = None
    if meta_path is not None:
        from fuente.readers.inputs import normalise_meta
        from fuente.readers.manifest import read_manifest

        manifest = read_manifest(meta_path, normalise=normalise_meta)
    seen: Counter[str] = Counter()

    def counting(outcomes: Iterator[Any]) -> Iterator[Any]:
        for outcome in outcomes:
            seen[outcome.status] += 1
            yield outcome

    try:
        with open_store(db_path, lock_timeout=settings.lock_timeout) as store:
            count = settings.workers if workers is None else workers
            stages = Stages()
            outcomes = run_ingest(
                paths, store=store, settings=settings, workers=count, manifest=manifest,
                on_stage=stages,
            )  # fmt: skip
            counts = report(counting(outcomes), paths=paths, quiet=quiet, stages=stages)
    except FuenteError as error:  # the database or the engine failed: what is stored stays
        click.echo(f"error: {error}", err=True)
        if seen:
            click.echo(f"stopped after {sum(seen.values())} inputs: {summary(seen)}", err=True)
        sys.exit(2)
    sys.exit(1 if counts.get("rejected") else 0)


@main.command(name="export")
@click.argument("kind", type=click.Choice(sorted(EXPORTS)))
@db_option
@output_options
def export_command(kind: str, db_path: str, fmt: str, output: str | None) -> None:
    """Write stored records of one KIND as JSON Lines, CSV or Parquet."""
    with _open(db_path) as store:
        if output is None:
            export(kind, store=store, format=fmt, out=sys.stdout.buffer)
            sys.stdout.flush()
        else:
            count = export_to_path(kind, store=store, format=fmt, path=output)
            click.echo(f"wrote {count} {kind} to {output}", err=True)


@main.command()
@click.argument("doc")
@db_option
def show(doc: str, db_path: str) -> None:
    """Print one document with its exclusions, entities and attributions marked, then its
    sourcing profile."""
    from fuente.cli.display import render_document

    with _open(db_path) as store:
        Console(highlight=False).print(render_document(store, doc))


@main.command(name="who-said")
@click.argument("query")
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(("text", "jsonl")), default="text", show_default=True
)
@click.option("--limit", type=click.IntRange(min=1), help="Show at most N attributions.")
def who_said_command(query: str, db_path: str, fmt: str, limit: int | None) -> None:
    """What speakers matching QUERY said, across all documents.

    A speaker matches when every word of QUERY begins a word of its name or description,
    ignoring case and accents: "cabello", "chavista official", "officials".
    """
    from fuente.cli.display import said_line
    from fuente.query.attributions import who_said

    found = 0
    with _open(db_path) as store:
        for row in who_said(store, query, limit=limit):
            line = json.dumps(row, ensure_ascii=False) if fmt == "jsonl" else said_line(row)
            click.echo(line)
            found += 1
    if not found and fmt == "text":
        click.echo(f"no speaker matching {query!r} is quoted or cited", err=True)


@main.command(name="timeline")
@click.argument("query", required=False)
@db_option
@click.option(
    "--format", "fmt", type=click.Choice(("text", "jsonl")), default="text", show_default=True
)
@click.option("--limit", type=click.IntRange(min=1), help="Show at most N statements.")
@click.option(
    "--out",
    type=click.Path(dir_okay=False),
    help="Draw the timeline as a picture instead: FILE.svg or FILE.png.",
)
def timeline_command(
    query: str | None, db_path: str, fmt: str, limit: int | None, out: str | None
) -> None:
    """Dated statements and events in date order, optionally only those matching QUERY.

    A statement is dated by the time its sentence gives ("said on Monday"), an event by the
    time the text gives it; else either takes its document's date (marked when that date was
    inferred). QUERY words must all appear in the speaker's name or description or in what was
    said, or in an event's category, actors or words. With --out, draw them instead: one lane
    per speaker on a time axis.
    """
    from fuente.cli.terminal import printable
    from fuente.query.timeline import timeline

    if out is not None:
        from fuente.picture.plot import draw_timeline, picture_format

        picture_format(out)
    with _open(db_path) as store:
        rows = timeline(store, query, limit=limit)
    if out is not None:
        title = f"Timeline: “{query}”" if query else "Timeline: every dated statement"
        drawn = draw_timeline(rows, out, title=title)
        click.echo(
            f"drew {drawn.marks} statements in {drawn.lanes} lanes"
            f" ({drawn.labels} labelled) to {out}",
            err=True,
        )
        return
    for row in rows:
        if fmt == "jsonl":
            click.echo(json.dumps(row, ensure_ascii=False))
            continue
        mark = "~" if row["inferred"] else " " if row["dated_by"] != "document" else "*"
        who = row["speaker"]["name"] or "(unknown)"
        if "event" in row:  # an event: what happened, and who tells it when someone does
            told = f" (told by {row['speaker']['name']})" if row["speaker"]["name"] else ""
            click.echo(
                printable(f"{row['date']:<10}{mark} {row['doc']}  EVENT {row['content']}{told}")
            )
            continue
        said = " ".join(row["content"].split())
        said = said if len(said) <= 160 else said[:157] + "..."
        click.echo(printable(f"{row['date']:<10}{mark} {row['doc']}  {who}: {said}"))
    if fmt == "text":
        click.echo(
            "dates: as stated; * the document's date; ~ the document's inferred date", err=True
        )


@main.command()
@db_option
@click.option("--json", "as_json", is_flag=True, help="Print the figures as JSON.")
def stats(db_path: str, as_json: bool) -> None:
    """Summarise what the database holds."""
    from fuente.cli.display import render_stats

    with _open(db_path) as store:
        figures = store.stats()
    if as_json:
        click.echo(json.dumps(figures, indent=2, ensure_ascii=False))
    else:
        Console(highlight=False).print(render_stats(figures))


@main.command()
@db_option
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (localhost)."
)
@click.option(
    "--port", type=click.IntRange(0, 65535), default=8000, show_default=True, help="Port."
)
@click.option(
    "--config",
    type=click.Path(exists=True, dir_okay=False),
    help="A YAML file of settings (query_budget is the one the web UI reads).",
)
def serve(db_path: str, host: str, port: int, config: str | None) -> None:
    """Browse the database in a web browser: search, articles, speakers, timeline.

    Every page has a JSON twin (add .json to its address); /api lists them.
    """
    from fuente.web.server import is_loopback
    from fuente.web.server import serve as run_server

    settings = load_settings(config)
    shown = f"[{host}]" if ":" in host else host
    click.echo(f"fuente: serving {db_path} at http://{shown}:{port}/  (Ctrl-C to stop)", err=True)
    if not is_loopback(host):
        click.echo(
            f"warning: listening on {host}, not only on this machine: anyone who can reach "
            "this address can read the database",
            err=True,
        )
    run_server(db_path, host=host, port=port, settings=settings)


@main.command(name="check")
@db_option
@click.option(
    "--repair", is_flag=True, help="Rebuild every index and the search index, then check again."
)
def check_command(db_path: str, repair: bool) -> None:
    """Check the database for damage: SQLite's full integrity check and the search index's.

    With --repair, first rebuild the indexes and the search index from the stored articles;
    damage to the articles themselves cannot be repaired: restore a copy or ingest again.
    """
    if not Path(db_path).is_file():
        raise StoreError(message("E025", path=db_path))
    with open_store(db_path, damaged=True) as store:
        problems = check(store, repair=repair)
    if problems:
        raise StoreError(message("E080", path=db_path, problems="; ".join(problems[:5])))
    click.echo(f"{db_path}: ok" + (" (indexes rebuilt)" if repair else ""))


@main.command(name="settings")
@settings_options
def settings_command(config: str | None, model: str | None, batch_size: int | None) -> None:
    """List every setting with its value and what it does."""
    settings = _settings(config, model, batch_size)
    for name, _default, help_text in SETTINGS:
        value = getattr(settings, name)
        if isinstance(value, tuple):  # a list, or a mapping's pairs (models)
            value = ",".join("=".join(part) if isinstance(part, tuple) else part for part in value)
        click.echo(f"{name} = {value}\n    {help_text}")
