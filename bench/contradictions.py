"""Contradiction precision: is every contradiction fuente flags a real one?

The demo corpus, the seed articles of ``../shared/corpus/seeds`` and a slice of PolNeAR train
(the articles of ``--months``, outlet and date from PolNeAR's ``metadata.tsv``, as
``bench/corroboration.py`` builds them) are ingested into one database, and every
contradiction the corpus pass finds is looked up in ``tests/data/contradictions_gold.jsonl``
(its README is ``tests/data/contradictions_gold.md``), where each finding of the runs named
there was judged right or wrong by reading both spans. A finding
matches a judged one of the same rule whose two sides lie in the same documents with
overlapping spans (either way round). Precision per rule and overall is over the judged
findings; a finding not in the set is printed as unjudged (judge it and add it), and a judged
finding no longer found is counted as gone (a right one gone is recall lost).

Without ``../shared`` the demo corpus alone is read.

Run: .venv/bin/python bench/contradictions.py [--months 2016-02,2016-03,2016-04] [--unjudged]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corroboration import EXAMPLES, POLNEAR, train_rows

from fuente.ingest import ingest
from fuente.query.contradictions import contradictions
from fuente.settings import load_settings
from fuente.store.connect import open_store

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "contradictions_gold.jsonl"
SEEDS = ROOT.parent / "shared" / "corpus" / "seeds"
MONTHS = "2016-02,2016-03,2016-04"


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def train_slice(months: list[str]) -> set[str]:
    """The PolNeAR train articles published in ``months`` (``YYYY-MM`` each)."""
    if not POLNEAR.is_dir() or not months:
        return set()
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as table:
        return {row["filename"] for row in csv.DictReader(table, delimiter="\t")
                if row["compartment"] == "train"
                and row["publication_date"][:7] in months}  # fmt: skip


def found_contradictions(months: list[str], workdir: Path) -> list[dict[str, Any]]:
    """Ingest the demo corpus, the seeds and the train slice; every contradiction found."""
    jsonl = workdir / "train.jsonl"
    rows = list(train_rows(train_slice(months)))
    jsonl.write_text("".join(json.dumps(row) + "\n" for row in rows), "utf-8")
    settings = load_settings(lexicon_dir=str(EXAMPLES / "lexicons"))
    paths = [str(EXAMPLES), *([str(SEEDS)] if SEEDS.is_dir() else []),
             *([str(jsonl)] if rows else [])]  # fmt: skip
    with open_store(workdir / "contradictions.db") as store:
        outcomes = list(ingest(paths, store=store, settings=settings))
        if any(o.status == "rejected" for o in outcomes):
            sys.exit(f"bench/contradictions.py: rejected: {[o.detail for o in outcomes]}")
        return list(contradictions(store))


def _overlaps(side: dict[str, Any], other: dict[str, Any]) -> bool:
    return (
        side["doc"] == other["doc"]
        and side["start"] < other["end"]
        and other["start"] < side["end"]
    )


def _same(finding: dict[str, Any], judged: dict[str, Any]) -> bool:
    if finding["rule"] != judged["rule"]:
        return False
    one, other = finding["one"], finding["other"]
    return (_overlaps(one, judged["one"]) and _overlaps(other, judged["other"])) or (
        _overlaps(one, judged["other"]) and _overlaps(other, judged["one"])
    )


def score(gold: list[dict[str, Any]], found: list[dict[str, Any]]) -> dict[str, Any]:
    """Right and judged findings per rule, the unjudged findings and the judged ones gone."""
    right: Counter[str] = Counter()
    judged: Counter[str] = Counter()
    unjudged, wrong, seen = [], [], set()
    for finding in found:
        match = next((i for i, g in enumerate(gold) if _same(finding, g)), None)
        if match is None:
            unjudged.append(finding)
            continue
        seen.add(match)
        judged[finding["rule"]] += 1
        if gold[match]["verdict"] == "right":
            right[finding["rule"]] += 1
        else:
            wrong.append(gold[match])
    gone = [g for i, g in enumerate(gold) if i not in seen]
    return {"right": right, "judged": judged, "unjudged": unjudged, "wrong": wrong,
            "gone": gone}  # fmt: skip


def _side(side: dict[str, Any]) -> str:
    return f"{side['doc']} {side['start']}:{side['end']} “{side['text'][:90]}”"


def report(scored: dict[str, Any]) -> float:
    right, judged = scored["right"], scored["judged"]
    for rule in sorted(judged):
        print(f"  {rule}: {right[rule]}/{judged[rule]} = {right[rule] / judged[rule]:.3f}")
    total, hits = sum(judged.values()), sum(right.values())
    precision = hits / total if total else 0.0
    print(f"contradiction precision: {hits}/{total} = {precision:.3f} (target >= 0.90)")
    for item in scored["wrong"]:
        print(f"  wrong: {item['id']} {item['rule']}: {item['reason']}")
    for item in scored["gone"]:
        print(f"  gone ({item['verdict']}): {item['id']} {item['rule']}: {item['reason']}")
    for finding in scored["unjudged"]:
        print(f"  unjudged {finding['rule']}: {_side(finding['one'])} / {_side(finding['other'])}")
    return precision


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--months", default=MONTHS, help="PolNeAR train months, YYYY-MM,...")
    parser.add_argument("--unjudged", action="store_true",
                        help="only write the unjudged findings, as JSON Lines")  # fmt: skip
    args = parser.parse_args()
    months = [month for month in args.months.split(",") if month]
    with tempfile.TemporaryDirectory() as tmp:
        found = found_contradictions(months, Path(tmp))
    scored = score(load_gold(), found)
    if args.unjudged:
        for finding in scored["unjudged"]:
            print(json.dumps(finding, ensure_ascii=False))
        return
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    docs = len(train_slice(months))
    seeds = "the seeds, " if SEEDS.is_dir() else ""
    print(f"articles: the demo corpus, {seeds}{docs} PolNeAR train ({args.months or 'none'})")
    print(f"findings: {len(found)}, judged {sum(scored['judged'].values())}")
    report(scored)


if __name__ == "__main__":
    main()
