"""The timeline drawn as a picture: SVG and PNG from a store built here, and its layout rules."""

import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from click.testing import CliRunner

from fuente.cli import main
from fuente.errors import ConfigError, FuenteError
from fuente.picture.layout import MAX_LABELS, MAX_LANES
from fuente.picture.plot import draw_timeline
from fuente.query.timeline import timeline
from fuente.records import ArticleRecords, Attribution, Document, Sentence, Speaker, TimeExpr
from fuente.store.connect import open_store

TEXT = (
    "Varga said on Monday that the talks had failed. "
    "Lindqvist said in March 2024 that the vote was rigged. "
    "A diplomat said the envoys would return."
)


def _write(store) -> None:
    """Three statements: dated by its sentence (a day, a month) and by the document."""
    second = TEXT.index("Lindqvist")
    third = TEXT.index("A diplomat")
    monday, march = TEXT.index("Monday"), TEXT.index("March 2024")

    def said(number, content, cue, speaker, when=None):
        start = TEXT.index(content)
        cue_start = TEXT.index(cue)
        time = (TEXT.index(when), TEXT.index(when) + len(when)) if when else (None, None)
        return Attribution(
            f"d#a{number}", "d", "indirect", start, start + len(content), "t",
            cue_start=cue_start, cue_end=cue_start + len(cue), speaker=speaker,
            time_start=time[0], time_end=time[1],
        )  # fmt: skip

    store.write(
        ArticleRecords(
            Document("d", "d.txt", "text", TEXT, "h" * 40, "t@1", published="2025-03-12"),
            sentences=(
                Sentence("d", 0, second - 1, "t"),
                Sentence("d", second, third - 1, "t"),
                Sentence("d", third, len(TEXT), "t"),
            ),
            speakers=(
                Speaker("d#s1", "d", "person", "Tomas Varga", "t"),
                Speaker("d#s2", "d", "person", "Ines Lindqvist", "t"),
                Speaker("d#s3", "d", "unnamed", "diplomat", "t", description="A diplomat"),
            ),
            attributions=(
                said(1, "the talks had failed", "said on", "d#s1", "Monday"),
                said(2, "the vote was rigged", "said in March", "d#s2", "March 2024"),
                said(3, "the envoys would return", "said the envoys", "d#s3"),
            ),
            times=(
                TimeExpr("d", monday, monday + 6, "Monday", "DATE", "2025-03-10", "document", "t"),
                TimeExpr("d", march, march + 10, "March 2024", "DATE", "2024-03", "absolute", "t"),
            ),
        )
    )


@pytest.fixture
def rows(store) -> list[dict]:
    _write(store)
    found = timeline(store)
    assert [r["date"] for r in found] == ["2024-03", "2025-03-10", "2025-03-12"]
    return found


def test_timeline_plot_svg_parses_and_names_every_speaker(rows, tmp_path: Path) -> None:
    path = tmp_path / "t.svg"
    drawn = draw_timeline(rows, path, title="Timeline: talks")
    root = ElementTree.parse(path).getroot()
    assert root.tag.endswith("svg")
    words = " ".join("".join(element.itertext()) for element in root.iter())
    for speaker in ("Tomas Varga", "Ines Lindqvist", "diplomat", "Timeline: talks"):
        assert speaker in words
    assert (drawn.marks, drawn.lanes, drawn.labels, drawn.folded) == (3, 3, 3, 0)


def test_timeline_plot_png_begins_with_the_png_signature(rows, tmp_path: Path) -> None:
    path = tmp_path / "t.png"
    draw_timeline(rows, path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("name", ["t.pdf", "t.jpg", "timeline"])
def test_timeline_plot_other_suffixes_are_a_clear_error(rows, tmp_path: Path, name) -> None:
    with pytest.raises(ConfigError, match=r"\.svg or \.png"):
        draw_timeline(rows, tmp_path / name)
    assert not (tmp_path / name).exists()


def test_timeline_plot_nothing_dated_draws_nothing(tmp_path: Path) -> None:
    undated = [{"date": "PRESENT_REF", "speaker": {"name": "Varga"}, "content": "now"}]
    for given in ([], undated):
        with pytest.raises(FuenteError, match="nothing to draw"):
            draw_timeline(given, tmp_path / "t.svg")
    assert not (tmp_path / "t.svg").exists()


def test_timeline_plot_many_rows_fold_lanes_and_cap_labels(tmp_path: Path) -> None:
    rows = [
        {
            "date": f"2025-{1 + n % 12:02d}-{1 + n % 28:02d}",
            "lane": f"speaker {n % 40}",
            "text": f"statement number {n} about the budget",
            "category": "event" if n % 3 else "statement",
            "named": n % 2 == 0,
        }
        for n in range(400)
    ]
    drawn = draw_timeline(rows, tmp_path / "many.svg")
    assert drawn.marks == 400
    assert drawn.lanes == MAX_LANES
    assert drawn.folded == 40 - (MAX_LANES - 1)
    assert 0 < drawn.labels <= MAX_LABELS
    assert f"{drawn.folded} other speakers" in (tmp_path / "many.svg").read_text()


def test_timeline_plot_far_apart_dates_cut_the_axis(tmp_path: Path) -> None:
    rows = [
        {"date": day, "speaker": {"name": "Varga", "kind": "person"}, "content": "said"}
        for day in ("1998-01-08", "1998-01-09", "2025-03-10", "2025-03-11")
    ]
    drawn = draw_timeline(rows, tmp_path / "apart.svg")
    svg = (tmp_path / "apart.svg").read_text()
    assert drawn.marks == 4 and "1998" in svg and "2025" in svg


def test_timeline_plot_cli_out(tmp_path: Path) -> None:
    db = str(tmp_path / "t.db")
    with open_store(db) as store:
        _write(store)
    runner = CliRunner()
    result = runner.invoke(main, ["timeline", "--db", db, "--out", str(tmp_path / "t.svg")])
    assert result.exit_code == 0, result.output
    assert "drew 3 statements" in result.output
    assert "Tomas Varga" in (tmp_path / "t.svg").read_text()

    result = runner.invoke(main, ["timeline", "--db", db, "--out", str(tmp_path / "t.gif")])
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0 and ".svg or .png" in result.output
    assert not (tmp_path / "t.gif").exists()

    result = runner.invoke(
        main, ["timeline", "nobody", "--db", db, "--out", str(tmp_path / "n.png")]
    )
    assert result.exit_code == 2 and "nothing to draw" in result.output
    assert not (tmp_path / "n.png").exists()
