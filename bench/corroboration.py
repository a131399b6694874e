"""On whose word: are syndicated copies grouped, and are independent sources counted right?

Part 1, syndication (``bench/syndication.py``'s perturbed set, reused): PolNeAR train articles
and seeded republished copies of them (headline rewritten, paragraphs cut and reordered, a
byline and a copyright line added, a sentence inserted, words changed) beside same-topic,
same-weeks non-copies; pairwise precision, recall and F1 of the copy groups fuente records,
and the number of non-copy pairs merged.

Part 2, independent sources, against ``tests/data/corroboration_gold.jsonl`` (claims annotated
by hand over the demo corpus and PolNeAR train; its README is
``tests/data/corroboration_gold.md``). The demo corpus and the train articles the gold names
(outlet and date from PolNeAR's ``metadata.tsv``) are ingested into one database; each gold
claim is matched to the claim of fuente's holding most of its members (same document,
overlapping span), and its count of independent sources is right when it equals the gold's.
A gold claim fuente forms no claim for is wrong, unless the gold has one member (a report
fuente should not have joined to another), where standing alone is right.

Part 3, speed (``bench/syndication.py``'s synthetic index): matching one new article against a
stored index of ``--index`` articles, median and worst.

Run: .venv/bin/python bench/corroboration.py [--originals 120] [--index 10000] [--seed 7]
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
import syndication

from fuente.ingest import ingest
from fuente.query.claims import claims
from fuente.settings import load_settings
from fuente.store.connect import open_store

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "corroboration_gold.jsonl"
EXAMPLES = ROOT / "examples"
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"


def load_gold(path: Path = GOLD) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def train_rows(files: set[str]) -> Iterator[dict[str, str]]:
    """The PolNeAR train articles named, as JSON Lines rows with the publisher as the outlet
    and the publication date from ``metadata.tsv`` (the text is the file's, offsets and all);
    none named, ``../shared`` is not read at all."""
    if not files:
        return
    with (POLNEAR / "metadata.tsv").open(encoding="utf-8") as table:
        meta = {row["filename"]: row for row in csv.DictReader(table, delimiter="\t")}
    for name in sorted(files):
        text = (POLNEAR / "train" / "text" / f"{name}.txt").read_text(encoding="utf-8")
        row = meta[name]
        yield {"id": name, "text": text, "outlet": row["publisher"],
               "published": row["publication_date"]}  # fmt: skip


def system_claims(gold: list[dict[str, Any]], workdir: Path) -> list[dict[str, Any]]:
    """Ingest the demo corpus and the gold's train articles; fuente's claims as the CLI's
    ``--json`` gives them."""
    train = {m["doc"] for claim in gold if claim["split"] == "train"
             for m in [*claim["members"], *claim.get("not_members", ())]}  # fmt: skip
    jsonl = workdir / "train.jsonl"
    jsonl.write_text("".join(json.dumps(row) + "\n" for row in train_rows(train)), "utf-8")
    settings = load_settings(lexicon_dir=str(EXAMPLES / "lexicons"))
    paths = [str(EXAMPLES), *([str(jsonl)] if train else [])]
    with open_store(workdir / "corroboration.db") as store:
        outcomes = list(ingest(paths, store=store, settings=settings))
        if any(o.status == "rejected" for o in outcomes):
            sys.exit(f"bench/corroboration.py: rejected: {[o.detail for o in outcomes]}")
        return list(claims(store))


@dataclass
class Scored:
    claims: int = 0
    right: int = 0
    found: int = 0  # gold claims fuente forms a claim for
    members: int = 0  # gold members in the matched claim
    gold_members: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.right / self.claims if self.claims else 0.0


def _overlaps(member: dict[str, Any], other: dict[str, Any]) -> bool:
    return (
        member["doc"] == other["doc"]
        and member["start"] < other["end"]
        and other["start"] < member["end"]
    )


def score(gold: list[dict[str, Any]], found: list[dict[str, Any]]) -> Scored:
    """Independent-source counts of fuente's claims against the gold's, claim by claim."""
    scored = Scored()
    for claim in gold:
        members = claim["members"]
        best, held = None, 0
        for candidate in found:
            count = sum(any(_overlaps(m, o) for o in candidate["members"]) for m in members)
            if count > held:
                best, held = candidate, count
        if best is not None and held < 2 and len(members) > 1:
            best = None  # one shared member is a different claim that touches this one
        said = best["sources"] if best else (1 if len(members) == 1 else None)
        scored.claims += 1
        scored.gold_members += len(members)
        scored.found += best is not None
        scored.members += held if best else 0
        if said == claim["sources"]:
            scored.right += 1
        else:
            what = f"{said} sources" if said is not None else "no claim"
            origins = [o["origin"] for o in best["origins"]] if best else []
            scored.errors.append(
                f"{claim['id']}: gold {claim['sources']} {claim['origins']}, fuente {what} "
                f"{origins} ({held}/{len(members)} members): {claim['note']}"
            )
    return scored


def sources(args: argparse.Namespace, workdir: Path) -> Scored:
    gold = load_gold()
    if not POLNEAR.is_dir():
        gold = [claim for claim in gold if claim["split"] == "demo"]
        print("../shared/data/polnear is absent: the demo corpus's gold claims only")
    scored = score(gold, system_claims(gold, workdir))
    demo = sum(claim["split"] == "demo" for claim in gold)
    print(f"gold claims: {scored.claims} ({demo} demo, {scored.claims - demo} PolNeAR train); "
          f"fuente forms a claim for {scored.found}, holding {scored.members} of "
          f"{scored.gold_members} gold members")  # fmt: skip
    print(f"independent-source count exact: {scored.right}/{scored.claims} = "
          f"{scored.accuracy:.3f} (target >= 0.90)")  # fmt: skip
    for error in scored.errors:
        print(f"  {error}")
    return scored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--originals", type=int, default=120)
    parser.add_argument("--index", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-speed", action="store_true")
    parser.add_argument("--skip-syndication", action="store_true")
    args = parser.parse_args()
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    with tempfile.TemporaryDirectory() as tmp:
        if not args.skip_syndication:
            found = syndication.accuracy(args, Path(tmp))
            print(f"syndication F1 {found['f1']:.3f} (target >= 0.95), "
                  f"same-topic non-copies merged: {found['merged']} (target 0)")  # fmt: skip
        sources(args, Path(tmp))
        if not args.skip_speed:
            syndication.speed(args, Path(tmp))


if __name__ == "__main__":
    main()
