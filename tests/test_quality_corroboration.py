"""Quality gate for independent corroboration: fuente on the demo corpus and the annotated
PolNeAR train articles, against pinned floors.

``bench/corroboration.py`` ingests the demo corpus and the train articles that
``tests/data/corroboration_gold.jsonl`` names (outlet and date from PolNeAR's metadata) and
scores each gold claim's count of independent sources; here the same scoring meets its floor.
The syndication figures (pairwise F1 on perturbed copies) are read by the bench, not gated here:
that run takes minutes.
"""

from __future__ import annotations

import pytest
from test_quality_actors import POLNEAR, bench_module

# Floors only go up: raise them when corroboration improves; never lower one to let a change
# in. Set a little under what was measured: 57 gold claims, 18 demo and 39 train,
# independent-source count exact for 50 (0.877; target 0.90, missed: see docs/benchmarks.md);
# on the demo corpus alone 15 of 18 (0.833). Before descriptions were resolved by dated
# roles: 49 (0.860); before paraphrases were compared without their names: 48 (0.842); before poll relays, outlet names and outlet speakers: 43 (0.754), demo 13.
SOURCES_ACCURACY_FLOOR = 0.86
DEMO_SOURCES_ACCURACY_FLOOR = 0.80

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def bench():
    return bench_module("corroboration")


def test_quality_corroboration_demo(bench, tmp_path):
    gold = [claim for claim in bench.load_gold() if claim["split"] == "demo"]
    scored = bench.score(gold, bench.system_claims(gold, tmp_path))
    assert scored.accuracy >= DEMO_SOURCES_ACCURACY_FLOOR, scored.errors


def test_quality_corroboration_sources(bench, tmp_path):
    if not POLNEAR.is_dir():
        pytest.skip("../shared/data/polnear is absent: the gate needs the annotated train texts")
    gold = bench.load_gold()
    scored = bench.score(gold, bench.system_claims(gold, tmp_path))
    assert scored.claims >= 40
    assert scored.accuracy >= SOURCES_ACCURACY_FLOOR, scored.errors
