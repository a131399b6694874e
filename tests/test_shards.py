"""Shards of input files (fuente.shards) and their ledger in the database (fuente.store.shards):
an id follows from the inputs alone, and changes with any of them."""

from __future__ import annotations

import os

import pytest

from fuente.readers.manifest import Manifest
from fuente.records import Rejection
from fuente.shards import make_shards, shard_id
from fuente.store.shards import record_shard, stored_shards


@pytest.fixture
def files(tmp_path) -> list[str]:
    paths = []
    for number in range(5):
        path = tmp_path / f"a{number}.txt"
        path.write_text(f"Article {number}.\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_shards_cut_the_files_in_order(files) -> None:
    shards = make_shards(files, size=2)
    assert [shard.files for shard in shards] == [tuple(files[:2]), tuple(files[2:4]), (files[4],)]
    assert [shard.index for shard in shards] == [0, 1, 2]
    assert len({shard.id for shard in shards}) == 3


def test_shards_same_inputs_same_id(files) -> None:
    assert shard_id(files) == shard_id(list(files))
    assert shard_id(files) != shard_id(list(reversed(files)))


def test_shards_a_file_written_again_changes_its_shard_only(files) -> None:
    before = [shard.id for shard in make_shards(files, size=2)]
    found = os.stat(files[3])
    os.utime(files[3], ns=(found.st_atime_ns, found.st_mtime_ns + 1_000_000_000))
    after = [shard.id for shard in make_shards(files, size=2)]
    assert (before[0], before[2]) == (after[0], after[2])
    assert before[1] != after[1]


def test_shards_a_new_sidecar_changes_its_shard(files) -> None:
    before = shard_id(files[:1])
    with open(os.path.splitext(files[0])[0] + ".meta.json", "w", encoding="utf-8") as sidecar:
        sidecar.write('{"outlet": "Wire"}')
    assert shard_id(files[:1]) != before


def test_shards_a_manifest_is_part_of_every_id(files) -> None:
    plain = shard_id(files)
    given = shard_id(files, manifest=Manifest({"a0.txt": {"outlet": "Wire"}}))
    other = shard_id(files, manifest=Manifest({"a0.txt": {"outlet": "Post"}}))
    assert len({plain, given, other}) == 3


def test_shards_a_bad_path_has_an_id_too() -> None:
    bad = Rejection("missing.txt", "no such file")
    assert shard_id([bad]) == shard_id([Rejection("missing.txt", "no such file")])
    assert shard_id([bad]) != shard_id(["missing.txt"])


def test_shards_ledger_holds_what_was_recorded(store) -> None:
    record_shard(store, "abc", files=3)
    record_shard(store, "abc", files=3)  # recorded again: still one row
    assert stored_shards(store, ["abc", "def"]) == {"abc"}
    assert stored_shards(store, (f"x{n}" for n in range(1200))) == set()
    assert store.db.execute("SELECT count(*) FROM shards").fetchone()[0] == 1
