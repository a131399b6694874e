import io
import re

import pytest
from rich.console import Console

from fuente.cli.progress import Stages, input_size, report
from fuente.ingest import Outcome

OUTCOMES = [
    Outcome("a.txt", "stored", "a", "", 400),
    Outcome("b.txt", "rejected", None, "[E001] empty file: there is no text to ingest"),
    Outcome("c.txt", "unchanged", "c", "already stored", 300),
]


def consoles(terminal: bool) -> tuple[Console, io.StringIO, Console, io.StringIO]:
    out, err = io.StringIO(), io.StringIO()
    return (
        Console(file=out, force_terminal=terminal, width=120),
        out,
        Console(file=err, force_terminal=terminal, width=120),
        err,
    )


def test_progress_on_a_terminal_shows_a_bar_rate_and_summary(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("x" * 700)
    out, out_text, errors, err_text = consoles(terminal=True)
    counts = report(iter(OUTCOMES), paths=[str(tmp_path)], quiet=False, out=out, errors=errors)
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", err_text.getvalue())
    assert "docs/s" in shown and "3 docs" in shown
    assert "error: b.txt: [E001]" in shown
    assert "1 stored, 0 updated, 1 unchanged, 0 duplicate, 1 rejected" in shown
    assert counts["rejected"] == 1
    assert out_text.getvalue() == ""


def test_progress_elsewhere_prints_plain_lines_or_only_errors() -> None:
    out, out_text, errors, err_text = consoles(terminal=False)
    report(iter(OUTCOMES), paths=[], quiet=False, out=out, errors=errors)
    lines = out_text.getvalue().splitlines()
    assert lines[0].startswith("stored") and "a.txt" in lines[0]
    assert lines[-1].startswith("1 stored")
    assert "\x1b[" not in out_text.getvalue()
    assert (
        err_text.getvalue().strip() == "error: b.txt: [E001] empty file: there is no text to ingest"
    )

    out, out_text, errors, err_text = consoles(terminal=False)
    report(iter(OUTCOMES), paths=[], quiet=True, out=out, errors=errors)
    assert out_text.getvalue() == ""
    assert err_text.getvalue().count("\n") == 1


WARNED = [
    Outcome("a.txt", "stored", "a", "", 400, ("[W002] published 'yesterday' is not a date",)),
    Outcome("b\x1b]0;owned\x07.txt", "rejected", None, "[E001] empty \x1b[2Jfile"),
    Outcome("c\x1b[31m.txt", "stored", "c\u202e", "", 300),
]


@pytest.mark.parametrize("terminal", [True, False])
def test_progress_shows_warnings_and_prints_no_escapes(terminal: bool) -> None:
    out, out_text, errors, err_text = consoles(terminal=terminal)
    report(iter(WARNED), paths=[], quiet=False, out=out, errors=errors)
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", err_text.getvalue())  # rich's own styles
    assert "warning: a.txt: [W002] published 'yesterday' is not a date" in shown
    assert "error: b.txt: [E001] empty file" in shown
    printed = shown + re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", out_text.getvalue())
    assert not any(control in printed for control in ("\x1b", "\x07", "\u202e")), repr(printed)
    if not terminal:
        assert "stored    c<U+202E>  c.txt" in out_text.getvalue()


def test_progress_quiet_leaves_warnings_out() -> None:
    out, _, errors, err_text = consoles(terminal=False)
    report(iter(WARNED), paths=[], quiet=True, out=out, errors=errors)
    assert err_text.getvalue().splitlines() == ["error: b.txt: [E001] empty file"]


def test_input_size_counts_articles_and_characters_without_parsing(tmp_path) -> None:
    (tmp_path / "one.txt").write_text("x" * 10)
    (tmp_path / "many.jsonl").write_text('{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}\n')
    (tmp_path / "notes.md").write_text("not an input")
    articles, characters = input_size([str(tmp_path)])
    assert articles == 4  # the text file, and the three non-blank lines
    assert characters == 10 + len('{"text": "a"}\n\n{"text": "b"}\n{"text": "c"}\n')


def test_the_bar_labels_its_figures_and_shows_what_the_ingest_is_doing(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("x" * 400)
    (tmp_path / "b.txt").write_text("x" * 300)
    stages = Stages()
    heard: list[str] = []
    stages.listeners.append(heard.append)

    def outcomes():
        stages("loading some_model…")
        yield Outcome("a.txt", "stored", "a", "", 400)
        yield Outcome("b.txt", "stored", "b", "", 300)
        stages("linking actors…")

    out, _, errors, err_text = consoles(terminal=True)
    report(outcomes(), paths=[str(tmp_path)], quiet=False, out=out, errors=errors, stages=stages)
    shown = re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", err_text.getvalue())
    assert heard[:1] == ["loading some_model…"] and "linking actors…" in heard
    assert "2/2 docs" in shown and "docs/s" in shown
    assert "elapsed" in shown and "left" in shown
    assert shown.rstrip().splitlines()[-2].lstrip().startswith("done")  # above the summary


def test_ingest_says_what_it_is_doing_before_any_article_is_done(tmp_path, settings) -> None:
    from fuente.ingest import ingest
    from fuente.store.connect import open_store

    (tmp_path / "a.txt").write_text("The minister said on Monday that talks would resume.\n")
    heard: list[str] = []
    with open_store(tmp_path / "f.db") as store:
        list(
            ingest([str(tmp_path / "a.txt")], store=store, settings=settings, on_stage=heard.append)
        )
    assert heard[0] == f"loading {settings.model}…" and heard[1] == "ingest"
    assert heard[2:] == [
        "linking actors…", "matching copies…", "joining claims…", "checking contradictions…"
    ]  # fmt: skip
