"""The command line, driven as a person would, on articles written here."""

import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from rich.console import Console

from fuente.cli import main
from fuente.cli.display import render_document, render_stats, said_line, shorten
from fuente.corpus.actors import link_pending
from fuente.corpus.claims import match_claims
from fuente.query.export import EXPORTS
from fuente.records import (
    ArticleRecords,
    Attribution,
    Contradiction,
    Document,
    Entity,
    Finding,
    LeadStatement,
    Mention,
    Speaker,
    with_document_id,
)
from fuente.settings import load_settings
from fuente.store.connect import open_store
from fuente.store.contradictions import add_contradictions

ARTICLE = """politics Marovia talks

Envoys Met Marovia's Interior Minister

Secret talks went on for months, two diplomats said.

PORT SELDEN — Interior Minister Tomas Varga met foreign envoys three times this spring, two diplomats briefed on the talks said on Monday.

"There were no talks," Varga told reporters.
"""


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "talks.txt").write_text(ARTICLE, encoding="utf-8")
    return folder


SOURCED = (
    "Envoys Met in Secret\n"
    "Interior Minister Tomas Varga met envoys, a source briefed on US concerns said. "
    '"There were no talks," Varga told the Courier. '
    + "Varga added that "
    + "the talks " * 30
    + "\n"
)


def at(part: str, after: int = 0) -> tuple[int, int]:
    start = SOURCED.index(part, after)
    return start, start + len(part)


def write_sourced(db: str) -> None:
    """Store ``secret``: an unnamed source, Varga quoted through the Courier, a long claim."""
    document = Document("secret", "secret.txt", "text", SOURCED, "s" * 40, "test@1")
    varga = at("Varga", at("said")[1])
    speakers = (
        Speaker(
            "secret#s1", "secret", "person", "Tomas Varga", "q@1", description="Interior Minister"
        ),
        Speaker(
            "secret#s2",
            "secret",
            "unnamed",
            "a source briefed on US concerns",
            "q@1",
            description="a source briefed on US concerns",
            country="USA",
            count="1",
        ),
    )
    attributions = (
        Attribution(
            "secret#a1",
            "secret",
            "indirect",
            *at("Interior Minister Tomas Varga met envoys"),
            "q@1",
            *at("said"),
            *at("a source briefed on US concerns"),
            speaker="secret#s2",
        ),
        Attribution(
            "secret#a2",
            "secret",
            "direct",
            *at('"There were no talks,"'),
            "q@1",
            *at("told"),
            *varga,
            speaker="secret#s1",
            through="Courier",
        ),
        Attribution(
            "secret#a3",
            "secret",
            "indirect",
            *at(("the talks " * 30).strip()),
            "q@1",
            speaker="secret#s1",
        ),
    )
    lead = (
        LeadStatement(
            "secret", "title", *at("Envoys Met in Secret"), "unnamed-only", "lead@1", ("secret#a1",)
        ),
    )
    findings = (
        Finding(
            "secret", "title-on-date", "why", *at("Interior Minister Tomas Varga"),
            "Interior Minister Tomas Varga", "tomas-varga", "2019", "checks@1",
        ),
    )  # fmt: skip
    with open_store(db) as store:
        store.write(
            ArticleRecords(
                document, speakers=speakers, attributions=attributions, lead=lead,
                findings=findings,
            )
        )  # fmt: skip


def invoke(*args: str, env: dict | None = None):
    return CliRunner().invoke(main, list(args), env=env)


def test_cli_ingest_then_look(tmp_path: Path, corpus: Path) -> None:
    db = str(tmp_path / "f.db")
    result = invoke("ingest", "--db", db, str(corpus))
    assert result.exit_code == 0, result.output
    assert re.search(r"stored\s+talks", result.output)
    assert "1 stored" in result.output

    shown = invoke("show", "talks", "--db", db)
    assert shown.exit_code == 0
    assert "Envoys Met Marovia's Interior Minister" in shown.output
    assert "excluded: tags-line" in shown.output
    assert "/PERSON" in shown.output

    stats = invoke("stats", "--db", db, "--json")
    figures = json.loads(stats.output)
    assert figures["documents"] == 1 and figures["entities"] >= 2

    exported = invoke("export", "documents", "--db", db)
    (row,) = [json.loads(line) for line in exported.output.splitlines()]
    assert row["title"] == "Envoys Met Marovia's Interior Minister"
    assert row["tags"] == ["politics", "Marovia", "talks"]


def test_cli_database_from_environment(tmp_path: Path, corpus: Path) -> None:
    db = str(tmp_path / "env.db")
    assert invoke("ingest", "--quiet", str(corpus), env={"FUENTE_DB": db}).exit_code == 0
    assert Path(db).exists()


def test_cli_quiet_prints_only_errors_and_exit_status_tells(tmp_path: Path, corpus: Path) -> None:
    db = str(tmp_path / "f.db")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    result = CliRunner().invoke(main, ["ingest", "--quiet", "--db", db, str(corpus)])
    assert result.exit_code == 1
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1
    assert lines[0].startswith("error: ") and "empty.txt" in lines[0]


def test_cli_export_to_file_in_each_format(tmp_path: Path, corpus: Path) -> None:
    db = str(tmp_path / "f.db")
    (corpus / "reprint.txt").write_text("Reprinted from the wire\n\n" + ARTICLE, encoding="utf-8")
    invoke("ingest", "--quiet", "--db", db, str(corpus))  # the reprint: a syndication row
    write_sourced(db)  # so that every kind has rows, whatever ingest found
    with open_store(db) as store:  # a second article reporting its statements: a claim
        document = replace(store.document("secret"), content_hash="c" * 40)
        records = ArticleRecords(document, speakers=tuple(store.speakers("secret")),
                                 attributions=tuple(store.attributions("secret")))  # fmt: skip
        store.write(with_document_id(records, "secret-2"))
        link_pending(store, settings=load_settings())
        match_claims(store, settings=load_settings())
        text = store.document("secret").text
        found = Contradiction("denial", "denied", "secret", "secret#a1", 0, 5, text[:5],
                              "secret-2", "secret-2#a1", 0, 5, text[:5], "t")  # fmt: skip
        store.atomic(lambda db: add_contradictions(db, [found]))
    for fmt in ("jsonl", "csv", "parquet"):
        for kind in EXPORTS:
            out = tmp_path / f"{kind}.{fmt}"
            result = invoke("export", kind, "--db", db, "--format", fmt, "-o", str(out))
            assert result.exit_code == 0, result.output
            assert out.stat().st_size > 0


def test_cli_unknown_document_is_a_clear_error(tmp_path: Path) -> None:
    open_store(tmp_path / "f.db").close()
    result = invoke("show", "nope", "--db", str(tmp_path / "f.db"))
    assert result.exit_code == 2
    assert "E022" in result.output and "fuente stats" in result.output


def test_cli_settings_lists_every_setting() -> None:
    from fuente.settings import SETTINGS

    result = invoke("settings")
    for name, _, _ in SETTINGS:
        assert f"{name} = " in result.output


def test_cli_who_said_prints_one_line_per_attribution(tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    write_sourced(db)
    result = invoke("who-said", "briefed source", "--db", db)
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines() == [
        "secret  a source briefed on US concerns (unnamed)  indirect  "
        "Interior Minister Tomas Varga met envoys"
    ]
    (quoted, long) = invoke("who-said", "Varga", "--db", db).stdout.splitlines()
    assert quoted == (
        "secret  Tomas Varga (person, Interior Minister) through Courier  direct  "
        '"There were no talks,"'
    )
    claim = long.split("  ")[-1]
    assert len(claim) == 200 and claim.endswith("…") and claim.startswith("the talks the talks")


def test_cli_who_said_jsonl_and_limit(tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    write_sourced(db)
    result = invoke(
        "who-said", "interior minister", "--db", db, "--format", "jsonl", "--limit", "1"
    )
    (row,) = [json.loads(line) for line in result.stdout.splitlines()]
    assert row["id"] == "secret#a2" and row["speaker"]["name"] == "Tomas Varga"
    assert row["content"]["text"] == '"There were no talks,"'


def test_cli_who_said_nothing_found_says_so_on_stderr(tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    write_sourced(db)
    result = invoke("who-said", "prime minister", "--db", db)
    assert result.exit_code == 0
    assert result.stdout == ""
    assert "no speaker matching 'prime minister'" in result.stderr


def test_cli_show_marks_attributions_and_prints_the_profile(tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    write_sourced(db)
    shown = invoke("show", "secret", "--db", db)
    assert shown.exit_code == 0, shown.output
    assert "a source briefed on US concerns [unnamed: a source briefed on US concerns] said" in (
        " ".join(shown.output.split())
    )
    assert "Varga [person: Tomas Varga, through Courier] told" in " ".join(shown.output.split())
    profile = shown.output.split("sourcing", 1)[1]
    for expected in (
        "attributions",
        "3 (person 2, unnamed 1)",
        "Courier (1)",
        "a source briefed on US concerns (USA, count 1)",
        "unnamed-only: Envoys Met in Secret",
    ):
        assert expected in profile, expected


@pytest.mark.parametrize(
    ("part", "style"),
    [("There were no talks", "underline"), ("told", "bold"), ("a source briefed", "blue")],
)
def test_cli_show_styles_content_cue_and_source(tmp_path: Path, part: str, style: str) -> None:
    from rich.console import Console

    db = str(tmp_path / "f.db")
    write_sourced(db)
    with open_store(db) as store:
        body = render_document(store, "secret").renderables[2]
    found = body.get_style_at_offset(Console(), body.plain.index(part))
    checks = {
        "underline": found.underline,
        "bold": found.bold,
        "blue": found.color is not None and found.color.name == "blue",
    }
    assert checks[style], found


@pytest.mark.parametrize(
    ("text", "shortened"),
    [("said\nthis", "said this"), ("a" * 200, "a" * 200), ("a" * 201, "a" * 199 + "…")],
)
def test_cli_display_shorten(text: str, shortened: str) -> None:
    assert shorten(text, width=200) == shortened


# Output hygiene: what an article holds never acts on the terminal ----------------------------

HOSTILE = (
    "\x1b]0;owned\x07Tomas Varga\x1b[2J said\r\n"
    '\u202e"There were no talks," \x1b[31mVarga\x1b[0m told reporters.\r\n'
)
TERMINAL_CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e")


def write_hostile(db: str) -> None:
    """Store ``hostile``: its text and metadata laced with escapes, controls and an override."""
    document = Document(
        "hostile", "hostile.txt", "text", HOSTILE, "x" * 40, "test@1",
        title="Talks\x1b]0;owned\x07 resume", outlet="Courier\x1b[2J", published="2025-03-14",
        warnings=("published 'yesterday\x1b[2J' is not a date",),
    )  # fmt: skip
    varga = HOSTILE.index("Varga", HOSTILE.index("told") - 20)
    speaker = Speaker("hostile#s1", "hostile", "person", "Tomas\x1b]0;x\x07 Varga", "q@1")
    quote = HOSTILE.index('"There')
    attribution = Attribution(
        "hostile#a1", "hostile", "direct", quote, HOSTILE.index(" \x1b[31m"), "q@1",
        HOSTILE.index("told"), HOSTILE.index("told") + 4, varga, varga + 5, speaker="hostile#s1",
    )  # fmt: skip
    entity = Entity("hostile#e1", "hostile", "Tomas Varga", "PERSON", "e@1")
    name = HOSTILE.index("Tomas Varga")
    mention = Mention("hostile", "hostile#e1", name, name + 11, "Tomas Varga", "PERSON", "e@1")
    records = ArticleRecords(
        document, entities=(entity,), mentions=(mention,), speakers=(speaker,),
        attributions=(attribution,),
    )  # fmt: skip
    with open_store(db) as store:
        store.write(records)


def test_cli_display_show_prints_no_escapes_and_keeps_marks_on_their_words(tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    write_hostile(db)
    with open_store(db) as store:
        shown = render_document(store, "hostile")
    body = shown.renderables[2]
    console = Console()
    for word, after, check in [
        ("Tomas Varga", "", lambda style: style.bold and style.color.name == "cyan"),
        ('"There were no talks,"', "", lambda style: style.underline),
        ("told", "", lambda style: style.bold),
        ("Varga", "talks", lambda style: style.color is not None and style.color.name == "blue"),
    ]:
        at = body.plain.index(word, body.plain.index(after))
        styles = [body.get_style_at_offset(console, i) for i in range(at - 1, at + len(word) + 1)]
        marked = [bool(check(style)) for style in styles]
        assert marked[1:-1] == [True] * len(word), word
        assert not marked[0] or at == 0, word
        assert not marked[-1] or word == "Varga", word  # the speaker's label follows its name
    assert "<U+202E>" in body.plain
    written = Console(file=io.StringIO(), width=200, color_system=None)
    written.print(shown)
    output = written.file.getvalue()
    assert not any(control in output for control in TERMINAL_CONTROLS), repr(output)
    assert "Talks resume" in output and "Courier" in output and "yesterday" in output


def test_cli_display_said_line_and_stats_print_no_escapes() -> None:
    row = {
        "doc": "d\x1b]0;x\x07oc",
        "speaker": {"name": "Varga\x1b[2J", "kind": "person", "description": None},
        "through": "\u202eCourier",
        "kind": "direct",
        "content": {"text": "no\x9b31m talks\x07"},
    }
    assert said_line(row) == "doc  Varga (person) through <U+202E>Courier  direct  no talks"
    written = Console(file=io.StringIO(), width=200, color_system=None)
    written.print(render_stats({"by_outlet": {"Courier\x1b]0;x\x07": 2}, "database": "a\x1bcb"}))
    output = written.file.getvalue()
    assert not any(control in output for control in TERMINAL_CONTROLS), repr(output)
    assert "Courier: 2" in output and "ab" in output


def test_cli_timeline_and_who_said_print_no_escapes(tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    write_hostile(db)
    for command in (["timeline"], ["who-said", "varga"]):
        result = invoke(*command, "--db", db)
        assert result.exit_code == 0, result.output
        assert "no talks" in result.stdout, result.stdout
        assert not any(control in result.stdout for control in TERMINAL_CONTROLS), result.stdout


def test_cli_export_that_cannot_write_says_why_and_keeps_the_earlier_file(tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    write_sourced(db)
    result = invoke("export", "documents", "--db", db, "-o", str(tmp_path / "no" / "out.csv"))
    assert result.exit_code == 2
    assert "[E015] cannot write" in result.output and "out.csv" in result.output
    earlier = tmp_path / "out.csv"
    earlier.write_text("earlier export\n", encoding="utf-8")
    result = invoke("export", "documents", "--db", db, "--format", "csv", "-o", str(earlier))
    assert result.exit_code == 0 and earlier.read_text(encoding="utf-8").startswith("id,path")


@pytest.mark.parametrize("given", ["yesterday", "2025-13-45", '"2025-13-45"'])
def test_cli_ingest_warns_of_a_published_date_it_cannot_read(tmp_path: Path, given: str) -> None:
    db = str(tmp_path / "f.db")
    story = tmp_path / "talks.txt"
    story.write_text(f"---\npublished: {given}\n---\n{ARTICLE}", encoding="utf-8")
    dated = tmp_path / "dated.txt"
    dated.write_text("---\npublished: 2025-03-14\n---\n" + SOURCED, encoding="utf-8")
    result = invoke("ingest", "--db", db, str(story), str(dated))
    assert result.exit_code == 0, result.output
    value = given.strip('"')
    assert result.stderr.splitlines()[0] == (
        f"warning: {story}: [W002] published {value!r} is not a date fuente can read "
        "(write it as YYYY-MM-DD); it is kept as given, and the document is dated from its text "
        "where it can be"
    )
    assert "dated.txt" not in result.stderr
    with open_store(db) as store:
        document = store.document("talks")
        fields = {field.name: field.value for field in store.fields("talks")}
    assert document.published != value and fields["published"] == value
    shown = " ".join(invoke("show", "talks", "--db", db).output.split())
    assert f"warning [W002] published {value!r}" in shown


def test_cli_ingest_reads_metadata_from_a_manifest(tmp_path: Path) -> None:
    db = str(tmp_path / "f.db")
    story = tmp_path / "talks.txt"
    story.write_text(ARTICLE, encoding="utf-8")
    manifest = tmp_path / "meta.csv"
    manifest.write_text("path,outlet,published\ntalks.txt,Selden Courier,2025-03-14\n", "utf-8")
    result = invoke("ingest", "--db", db, "--meta", str(manifest), str(story))
    assert result.exit_code == 0, result.output
    with open_store(db) as store:
        document = store.document("talks")
    assert document.published == "2025-03-14" and document.outlet == "Selden Courier"
    bad = invoke("ingest", "--db", db, "--meta", str(tmp_path / "none.csv"), str(story))
    assert bad.exit_code == 2 and "[E035] cannot use the manifest" in bad.output
