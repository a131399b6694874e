"""Quality gate for actor identity: fuente on the annotated train and demo articles, against
pinned floors.

The 30 annotated PolNeAR train articles (``../shared/data/polnear/train/text``) and the demo
corpus (``examples/``) are ingested into one database; the system's clusters and resolved
descriptions are read back as ``bench/actors.py`` reads them and scored by
``bench/actor_gold.py`` against ``tests/data/actors_gold/{train,demo}.jsonl``: B-cubed F1 over
the gold person mentions, and description accuracy (resolved to the right actor, or left
unnamed where the gold is null). ``bench/actors.py`` reports the same figures on dev.
"""

from __future__ import annotations

import importlib.util
import sqlite3
import sys
from pathlib import Path
from types import ModuleType

import pytest

from fuente.ingest import ingest
from fuente.settings import load_settings
from fuente.store.connect import open_store

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
EXAMPLES = ROOT / "examples"

# Floors only go up: raise them when actor identity improves; never lower one to let a change
# in. Set a little under what the per-document fallback (no actors tables: each entity its own
# cluster) reached when the gate was written: B-cubed F1 0.452 (P 0.996, R 0.292), description
# accuracy 0.020 (none of the 144 named descriptions resolved; the 3 unnamed ones left unnamed).
# The whole gate, ingest included, took about 8 s on two cores. With corpus-wide actors
# (migration 8): B-cubed F1 0.909 (P 0.996, R 0.836); descriptions unchanged. With definite
# descriptions resolved (fuente.actors.descriptions): description accuracy 0.116 (14 of 144
# named ones right, the 3 unnamed ones left unnamed); B-cubed unchanged. With headline words cut
# from names and bare surnames linked by a fuller form or an office held: B-cubed F1 0.929
# (P 0.996, R 0.870); descriptions unchanged. Before the roles below, B-cubed F1 0.934 (P 0.989,
# R 0.885) and description accuracy 0.204 (27 of 144). With the roles the knowledge base gives a
# person on the article's date (a seat, "Texas senator"; a candidacy or nomination), qualifiers
# ("the GOP nominee") and rank words ("Deputy Interior Minister" is no "minister"): description
# accuracy 0.333 (46 of 144 named ones right, the 3 unnamed ones left unnamed); B-cubed F1 0.938
# (P 0.989, R 0.891). With trades as roles ("New York businessman"; "retired" is "former"), the
# sitting head of state the article has named further back ("the president"), and a
# description said by "be" to be a person ("The administrator is Denise Turner Roth"):
# description accuracy 0.388 (54 of 144; the 3 unnamed ones left unnamed); B-cubed unchanged.
# A bare surname two namesakes share joined by gender (nlp/namesakes) leaves it at least 0.938.
B_CUBED_F1_FLOOR = 0.93
DESCRIPTION_ACCURACY_FLOOR = 0.37

pytestmark = pytest.mark.slow


def bench_module(name: str) -> ModuleType:
    """A module of bench/ (a folder of scripts, not a package), imported once."""
    if name not in sys.modules:
        sys.path.insert(0, str(ROOT / "bench"))  # bench/actors.py imports its sibling
        try:
            spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
            assert spec is not None and spec.loader is not None
            module = importlib.util.module_from_spec(spec)
            sys.modules[name] = module
            spec.loader.exec_module(module)
        finally:
            sys.path.remove(str(ROOT / "bench"))
    return sys.modules[name]


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    if not POLNEAR.is_dir():
        pytest.skip("../shared/data/polnear is absent: the gate needs the annotated train texts")
    gold = bench_module("actor_gold")
    actors = bench_module("actors")
    articles = gold.load_split("train") + gold.load_split("demo")
    paths = sorted({str(POLNEAR / "train" / "text" / a.file) for a in gold.load_split("train")})
    paths += sorted({str(EXAMPLES / a.file) for a in gold.load_split("demo")})
    settings = load_settings(lexicon_dir=str(EXAMPLES / "lexicons"))
    path = tmp_path_factory.mktemp("actors") / "actors.db"
    with open_store(path) as store:
        outcomes = list(ingest(paths, store=store, settings=settings))
    assert all(o.status == "stored" for o in outcomes), [o.detail for o in outcomes]
    db = sqlite3.connect(path)
    try:
        system = actors.read_system(db)
    finally:
        db.close()
    return (
        gold.person_b_cubed(articles, system.mentions),
        gold.description_score(articles, system.mentions, system.descriptions),
    )


def test_quality_actors_b_cubed(scored):
    b_cubed, _ = scored
    assert b_cubed.f1 >= B_CUBED_F1_FLOOR, b_cubed


def test_quality_actors_descriptions(scored):
    _, descriptions = scored
    assert descriptions.accuracy >= DESCRIPTION_ACCURACY_FLOOR, descriptions
