"""Cost per article of the claims pass as the corpus grows.

The demo corpus's plain-text articles are repeated (as ``bench/throughput.py`` does) and
ingested into a fresh database; then every claim is forgotten and the whole database matched
again, oldest article first, and the time each article takes is printed per block of
articles. Every copy's statements and events are one claim with the earlier copies', the worst
case for a pass that compares a new record with the records it shares keys with: the figure
that matters is whether the later blocks cost what the first ones do. As a ratio, the mean is
also given against a bare spaCy parse of the same texts in the same process.

Run: .venv/bin/python bench/claims.py [--megabytes 1] [--block 60]
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent))
from throughput import corpus

from fuente.corpus.claims import match_claims
from fuente.ingest import ingest
from fuente.settings import load_settings
from fuente.store.claims import clear_claims
from fuente.store.connect import open_store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=1.0)
    parser.add_argument("--block", type=int, default=60)
    args = parser.parse_args()
    settings = load_settings()
    texts = corpus(args.megabytes)
    with tempfile.TemporaryDirectory() as tmp:
        jsonl = Path(tmp) / "bench.jsonl"
        jsonl.write_text(
            "".join(json.dumps({"id": f"bench-{n}", "text": t}) + "\n" for n, t in enumerate(texts))
        )
        with open_store(Path(tmp) / "bench.db") as store:
            for _ in ingest([str(jsonl)], store=store, settings=settings):
                pass
            store.atomic(clear_claims)
            stamps = [time.perf_counter()]
            report = match_claims(
                store, settings=settings, progress=lambda _doc: stamps.append(time.perf_counter())
            )
    gaps = [later - earlier for earlier, later in pairwise(stamps)]
    nlp = spacy.load(settings.model)
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size):
        pass
    parse = (time.perf_counter() - start) / len(texts)
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"articles: {report.documents}, records joined to a claim: {report.joined}")
    for first in range(0, len(gaps), args.block):
        block = gaps[first : first + args.block]
        print(f"articles {first + 1}-{first + len(block)}: {1000 * sum(block) / len(block):.1f} ms")
    mean = sum(gaps) / len(gaps)
    print(f"mean {1000 * mean:.1f} ms an article, {mean / parse:.3f} of a bare spaCy parse")


if __name__ == "__main__":
    main()
