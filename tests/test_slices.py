"""Slices of input (fuente.readers.slices): the units, read in order, give what reading the
whole files gives, however small the units."""

from __future__ import annotations

import codecs
import json
from dataclasses import replace
from pathlib import Path

import pytest

from fuente.readers.inputs import normalise_meta, read_inputs
from fuente.readers.manifest import read_manifest
from fuente.readers.slices import Lines, cut_inputs, read_unit
from fuente.records import Rejection


def corpus_dump(path: Path) -> Path:
    """A JSON Lines file with a byte-order mark, bad, blank, over-long and repeated lines, and
    no line end after its last line."""
    lines = []
    for number in range(60):
        if number % 11 == 3:
            lines.append("{not json")
        elif number % 13 == 5:
            lines.append("   ")
        elif number % 17 == 7:
            lines.append(json.dumps({"text": "long " * 200}))
        elif number % 7 == 2:
            lines.append(json.dumps({"text": "The same words each time."}))
        else:
            lines.append(json.dumps({"id": f"a{number}", "text": f"Article {number} " * 4}))
    path.write_bytes(codecs.BOM_UTF8 + "\n".join(lines).encode("utf-8"))
    return path


@pytest.mark.parametrize(
    ("size", "cut"), [(1, True), (64, True), (500, True), (4_000, True), (10**7, False)]
)
def test_slices_read_as_the_whole_files(tmp_path, settings, size, cut) -> None:
    small = replace(settings, max_chars=600)
    (tmp_path / "note.txt").write_text("A note.\n", encoding="utf-8")
    files = [str(corpus_dump(tmp_path / "dump.jsonl")), str(tmp_path / "note.txt")]
    files.append(Rejection(str(tmp_path / "missing"), "no such file"))
    whole = [*read_inputs(files[:2], settings=small), files[2]]
    units = cut_inputs(files, size=size)
    assert [item for unit in units for item in read_unit(unit, settings=small)] == whole
    runs = [piece for unit in units for piece in unit if isinstance(piece, Lines)]
    assert (len(runs) > 1) == cut  # the dump (6 kB) is cut unless it fits in one unit
    assert [run.start for run in runs[1:]] == [run.end for run in runs[:-1]]


@pytest.mark.parametrize(
    "content", [b"\n  \n\n", codecs.BOM_UTF8 + b" \n\n", b"\x00\x01\x02\n" * 500]
)
def test_slices_keep_whole_what_only_the_whole_file_can_reject(tmp_path, content) -> None:
    path = tmp_path / "odd.jsonl"
    path.write_bytes(content)
    assert cut_inputs([str(path)], size=1) == [(str(path),)]


def test_slices_group_small_files(tmp_path) -> None:
    names = []
    for number in range(10):
        (tmp_path / f"{number}.txt").write_text("x" * 99 + "\n", encoding="utf-8")
        names.append(str(tmp_path / f"{number}.txt"))
    units = cut_inputs(names, size=300)
    assert [len(unit) for unit in units] == [3, 3, 3, 1]
    assert [piece for unit in units for piece in unit] == names


def test_slices_read_with_a_manifest_as_the_whole_file(tmp_path, settings) -> None:
    dump = str(corpus_dump(tmp_path / "dump.jsonl"))
    rows = tmp_path / "manifest.jsonl"
    rows.write_text('{"id": "a40", "outlet": "Given Outlet"}\n', encoding="utf-8")
    manifest = read_manifest(rows, normalise=normalise_meta)
    whole = list(read_inputs([dump], settings=settings, manifest=manifest))
    units = cut_inputs([dump], size=500)
    sliced = [item for unit in units for item in read_unit(unit, settings=settings,
                                                            manifest=manifest)]  # fmt: skip
    assert len(units) > 1 and sliced == whole
    assert any(getattr(item, "meta", {}).get("outlet") == "Given Outlet" for item in sliced)
