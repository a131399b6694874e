"""The scale bench's synthetic corpus (``bench/scale.py``) is valid and gives every corpus
pass real work: its offsets slice the text, the store takes it, and actors link, copies are
found, claims form and contradictions are found."""

from __future__ import annotations

import importlib.util
import sys
from itertools import islice
from pathlib import Path

from fuente.store.connect import open_store

ROOT = Path(__file__).resolve().parents[1]


def _scale():
    if "scale" not in sys.modules:
        spec = importlib.util.spec_from_file_location("scale", ROOT / "bench" / "scale.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["scale"] = module
        spec.loader.exec_module(module)
    return sys.modules["scale"]


def test_bench_scale_corpus_is_valid_and_passes_work_on_it(settings) -> None:
    scale = _scale()
    articles = list(islice(scale.stream(scale.World(3)), 200))
    for records in articles[:40]:
        text = records.document.text
        assert all(text[m.start : m.end] == m.text for m in records.mentions)
        assert all(text[t.start : t.end] == t.text for t in records.times)
        for event in records.events:
            for actor in (event.source, event.target):
                assert actor is not None and text[actor.start : actor.end] == actor.text
    with open_store(":memory:") as store:
        scale.add(store, settings, articles)
        counts = {name: store.db.execute(sql).fetchone()[0] for name, sql in scale.COUNTS.items()}
        assert store.db.execute("SELECT count(*) FROM documents").fetchone()[0] == 200
    assert counts["names linked"] > 3 * counts["actors"] > 0  # recurring people join
    assert all(counts[name] > 10 for name in ("copies", "claims over 2+ documents",
                                               "contradictions"))  # fmt: skip
