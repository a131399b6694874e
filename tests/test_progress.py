import io
import re

from rich.console import Console

from fuente.cli.progress import report
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
