"""Syndication: are reprints found, and are same-topic reports kept apart? How fast is a match?

Part 1, accuracy. Real articles (PolNeAR train, or the demo corpus where it is absent) are
taken as originals; for half of them, seeded copies are made with the edits republishing
makes: headline rewritten, paragraphs cut and reordered, a byline and a copyright line
added, a sentence inserted, a few words changed. The other half are same-topic non-copies
(the same election, the same weeks). Everything is ingested by fuente into a fresh
database, and the copy groups it records are scored pairwise against the known ones:
precision, recall and F1 of same-group pairs, and the number of non-copy pairs merged.

Part 2, speed. Synthetic articles (paragraphs of words drawn from the originals' vocabulary)
fill a stored index of ``--index`` articles; then new articles, some of them copies, are
matched one by one, and the time per match is printed beside the time of the same
article's ingest by bare spaCy (``nlp.pipe`` of its text): a ratio, not a bare time.

Run: .venv/bin/python bench/syndication.py [--originals 120] [--index 10000] [--seed 7]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from itertools import combinations
from pathlib import Path

import spacy

from fuente.corpus.syndication import match_pending
from fuente.ingest import ingest
from fuente.records import ArticleRecords, Document
from fuente.settings import load_settings
from fuente.store.connect import open_store
from fuente.store.syndication import copy_rows

ROOT = Path(__file__).resolve().parent.parent
TRAIN = ROOT.parent / "shared" / "data" / "polnear" / "train" / "text"
INSERTED = "The account could not be independently confirmed on the day it was published."
CHANGES = {"said": "stated", "told": "informed", "also": "as well", "but": "yet"}


def originals(count: int, rng: random.Random) -> list[str]:
    paths = sorted(TRAIN.glob("*.txt")) or sorted((ROOT / "examples").glob("*.txt"))
    if not paths:
        sys.exit("bench/syndication.py: no articles to start from (../shared or examples/)")
    chosen = rng.sample(paths, min(count, len(paths)))
    return [path.read_text(encoding="utf-8") for path in chosen]


def edited(text: str, rng: random.Random, outlet: str) -> str:
    """A republished copy of ``text``: new headline, cuts, reordering, byline, an inserted
    sentence, a few words changed."""
    lines = [line for line in text.split("\n") if line.strip()]
    title, body = lines[0], lines[1:]
    title = " ".join(reversed(title.split()[:8])) + " - report"
    keep = [p for p in body if rng.random() > 0.25] or body[:1]
    if len(keep) > 3:
        i = rng.randrange(1, len(keep) - 1)
        keep[i], keep[i + 1] = keep[i + 1], keep[i]
    if keep:
        i = rng.randrange(len(keep))
        keep[i] = f"{keep[i]} {INSERTED}"
    body_text = "\n\n".join(
        " ".join(CHANGES.get(w, w) if rng.random() < 0.3 else w for w in p.split(" ")) for p in keep
    )
    byline = f"By staff and wire reports, {outlet}"
    footer = f"Copyright 2016 {outlet}. All rights reserved."
    return f"{title}\n\n{byline}\n\n{body_text}\n\n{footer}\n"


def accuracy(args: argparse.Namespace, workdir: Path) -> dict[str, float]:
    """Score the copy groups fuente records on the perturbed set; print and return the figures."""
    rng = random.Random(args.seed)
    texts = originals(args.originals, rng)
    rows, gold = [], {}
    for number, text in enumerate(texts):
        day = 1 + number % 28
        rows.append({"id": f"o{number}", "text": text, "published": f"2016-09-{day:02d}"})
        gold[f"o{number}"] = f"g{number}"
        if number % 2 == 0:
            for copy in range(1 + number % 3 // 2):
                outlet = rng.choice(["The Daily Courier", "Harbor Post", "Valley Times"])
                copy_id = f"c{number}-{copy}"
                published = f"2016-09-{min(28, day + copy + 1):02d}"
                rows.append(
                    {"id": copy_id, "text": edited(text, rng, outlet), "published": published}
                )
                gold[copy_id] = f"g{number}"
    rng.shuffle(rows)
    jsonl = workdir / "syndication.jsonl"
    jsonl.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    with open_store(workdir / "accuracy.db") as store:
        for _ in ingest([str(jsonl)], store=store, settings=load_settings()):
            pass
        found = {row["doc"]: row["copy_of"] for row in copy_rows(store.db)}
    group = {doc: found.get(doc, doc) for doc in gold}
    pairs = list(combinations(sorted(gold), 2))
    true = {(a, b) for a, b in pairs if gold[a] == gold[b]}
    said = {(a, b) for a, b in pairs if group[a] == group[b]}
    hits = len(true & said)
    precision = hits / len(said) if said else 1.0
    recall = hits / len(true) if true else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    merged = len(said - true)
    print(f"articles: {len(gold)} ({len(texts)} originals, {len(gold) - len(texts)} copies)")
    print(f"syndication pairs: precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}")
    print(f"non-copy pairs merged: {merged}")
    missed = sorted(true - said)[:5]
    if missed:
        print("missed pairs (first 5): " + ", ".join(f"{a}~{b}" for a, b in missed))
    return {"precision": precision, "recall": recall, "f1": f1, "merged": merged}


def synthetic(vocabulary: list[str], rng: random.Random, paragraphs: int = 8) -> str:
    body = [" ".join(rng.choices(vocabulary, k=rng.randint(25, 60))) for _ in range(paragraphs)]
    return "Headline\n\n" + "\n\n".join(body) + "\n"


def speed(args: argparse.Namespace, workdir: Path) -> dict[str, float]:
    """Time matching new articles against a synthetic index; print and return the figures."""
    rng = random.Random(args.seed)
    vocabulary = sorted({w for text in originals(60, rng) for w in text.split() if w.isalpha()})
    nlp = spacy.load(load_settings().model)
    with open_store(workdir / "speed.db") as store:

        def add(doc: str, text: str) -> None:
            document = Document(doc, f"{doc}.txt", "text", text, doc, "bench")
            store.write(ArticleRecords(document))

        for number in range(args.index):
            add(f"s{number}", synthetic(vocabulary, rng))
        start = time.perf_counter()
        match_pending(store)
        indexing = time.perf_counter() - start
        new = [synthetic(vocabulary, rng) for _ in range(40)]
        new += [edited(store.document(f"s{n}").text, rng, "Courier") for n in range(10)]
        times, parses = [], []
        for number, text in enumerate(new):
            add(f"n{number}", text)
            start = time.perf_counter()
            match_pending(store)
            times.append(time.perf_counter() - start)
            start = time.perf_counter()
            list(nlp.pipe([text]))
            parses.append(time.perf_counter() - start)
        copies = sum(1 for row in copy_rows(store.db) if row["doc"].startswith("n"))
    times.sort()
    median, worst = times[len(times) // 2], times[-1]
    print(f"index: {args.index} synthetic articles, built in {indexing:.1f} s "
          f"({indexing / args.index * 1000:.1f} ms an article)")  # fmt: skip
    print(f"matching a new article: median {median * 1000:.1f} ms, worst {worst * 1000:.1f} ms "
          "(target < 50 ms)")  # fmt: skip
    ratio = sum(times) / sum(parses)
    print(f"matching / bare spaCy parse of the same article: {ratio:.2f}")
    print(f"copies among the new: {copies} of 10 made")
    return {"median_ms": median * 1000, "worst_ms": worst * 1000, "copies": copies}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--originals", type=int, default=120)
    parser.add_argument("--index", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--skip-speed", action="store_true")
    args = parser.parse_args()
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    with tempfile.TemporaryDirectory() as tmp:
        accuracy(args, Path(tmp))
        if not args.skip_speed:
            speed(args, Path(tmp))


if __name__ == "__main__":
    main()
