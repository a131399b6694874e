"""Throughput of fuente's whole ingest against bare spaCy, in one process, on the same texts.

Each corpus is a set of articles repeated (each copy marked with its number so that fuente does
not skip it as a duplicate) until there are at least ``--megabytes`` of text: ``polnear``, the
PolNeAR dev articles as plain text (little boilerplate: the hard case); ``seeds``, the three
reference articles; ``demo``, the demo corpus's plain-text articles (much boilerplate, which
spaCy never sees). Without ``--corpus``, the first two are read where ``../shared`` is present
(else the demo corpus), and the lower ratio is the figure to record.

Bare spaCy is ``spacy.load(model).pipe(texts)``; fuente is ``fuente.ingest`` of the same texts,
as one JSON Lines file, into a fresh database: reading, layout, language, the pipeline with
fuente's components, records and one SQLite transaction per document. Both are timed
after a warm-up, alternately, and the best of ``--rounds`` is kept; words per second count the
words of the texts as given, for both. Memory: the process's resident size is sampled while
fuente ingests, to show it does not grow with the number of documents. With ``--workers N``
(default 2) the same texts, written as files of 25 documents (a file is a worker's unit of
work), are ingested by one worker and by N, and the speed-up and the largest worker's
resident size are printed.

Run: .venv/bin/python bench/throughput.py [--corpus polnear,seeds] [--megabytes 2] [--rounds 2]
    [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

import spacy

from fuente.ingest import ingest
from fuente.settings import load_settings
from fuente.store.connect import open_store

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SHARD = 25  # documents per file when workers are timed
CORPORA = {
    "polnear": SHARED / "data" / "polnear" / "dev" / "text",
    "seeds": SHARED / "corpus" / "seeds",
    "demo": ROOT / "examples",
}


def corpus(name: str, megabytes: float) -> list[str]:
    folder = CORPORA[name]
    originals = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    if not originals:
        sys.exit(f"bench/throughput.py: {folder} holds no .txt articles to measure with")
    texts: list[str] = []
    size, copy = 0, 0
    while size < megabytes * 1_000_000:
        copy += 1
        for text in originals:
            texts.append(f"{text}\n\nCopy {copy}.\n")
            size += len(texts[-1])
    return texts


def write_shards(texts: list[str], folder: Path) -> Path:
    """The texts as JSON Lines files of ``SHARD`` documents each: a file is a worker's unit."""
    folder.mkdir()
    for first in range(0, len(texts), SHARD):
        lines = [
            json.dumps({"id": f"bench-{number}", "text": texts[number]}) + "\n"
            for number in range(first, min(first + SHARD, len(texts)))
        ]
        (folder / f"shard-{first:06d}.jsonl").write_text("".join(lines), encoding="utf-8")
    return folder


def resident_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def time_spacy(nlp, texts: list[str], batch_size: int) -> float:
    start = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=batch_size):
        pass
    return time.perf_counter() - start


def time_fuente(
    jsonl: Path, settings, workdir: Path, round_number: int, *, workers: int = 1
) -> tuple[float, list]:
    samples = []
    with open_store(workdir / f"bench-{jsonl.stem}-{round_number}-{workers}.db") as store:
        start = time.perf_counter()
        outcomes = ingest([str(jsonl)], store=store, settings=settings, workers=workers)
        for count, outcome in enumerate(outcomes, 1):
            if outcome.status == "rejected":
                sys.exit(f"bench/throughput.py: rejected {outcome.path}: {outcome.detail}")
            if count % 200 == 0:
                samples.append((count, resident_mb()))
        elapsed = time.perf_counter() - start
    return elapsed, samples


def default_corpora() -> list[str]:
    return ["polnear", "seeds"] if SHARED.is_dir() else ["demo"]


def measure(name: str, args: argparse.Namespace, settings, bare, workdir: Path) -> float:
    """Print one corpus's figures; return its ratio of fuente to bare spaCy."""
    texts = corpus(name, args.megabytes)
    words = sum(len(text.split()) for text in texts)
    jsonl = workdir / f"{name}.jsonl"
    with jsonl.open("w", encoding="utf-8") as out:
        for number, text in enumerate(texts):
            out.write(json.dumps({"id": f"bench-{number}", "text": text}) + "\n")
    # Warm-up: load both pipelines and run a few documents through each.
    time_spacy(bare, texts[:20], settings.batch_size)
    warm = workdir / f"{name}-warm.jsonl"
    warm.write_text("".join(jsonl.read_text(encoding="utf-8").splitlines(True)[:20]))
    time_fuente(warm, settings, workdir, -1)

    spacy_times, fuente_times, samples = [], [], []
    for round_number in range(args.rounds):
        spacy_times.append(time_spacy(bare, texts, settings.batch_size))
        elapsed, samples = time_fuente(jsonl, settings, workdir, round_number)
        fuente_times.append(elapsed)
    spacy_rate = words / min(spacy_times)
    fuente_rate = words / min(fuente_times)
    ratio = fuente_rate / spacy_rate
    print(f"corpus {name}: {len(texts)} documents, {sum(map(len, texts)):,} characters, "
          f"{words:,} words")  # fmt: skip
    print(f"  bare spaCy nlp.pipe: {spacy_rate:,.0f} words/s")
    print(f"  fuente ingest:       {fuente_rate:,.0f} words/s")
    print(f"  ratio fuente / spaCy: {ratio:.2f}  (target >= 0.85)")
    if samples:
        step = max(1, len(samples) // 5)
        shown = ", ".join(f"{count} docs: {mb:.0f} MB" for count, mb in samples[::step])
        print(f"  resident memory while ingesting: {shown}")
    if args.workers > 1:
        shards = write_shards(texts, workdir / f"{name}-shards")
        one = [time_fuente(shards, settings, workdir, r)[0] for r in range(args.rounds)]
        many = [
            time_fuente(shards, settings, workdir, r, workers=args.workers)[0]
            for r in range(args.rounds)
        ]
        # the workers have ended: the largest resident size any of them reached
        worker_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        one_rate, many_rate = words / min(one), words / min(many)
        print(
            f"  on {SHARD}-document shards: 1 worker {one_rate:,.0f} words/s, {args.workers} "
            f"workers {many_rate:,.0f} words/s: speed-up {many_rate / one_rate:.2f}  "
            f"(target >= 1.7 with 2); largest worker {worker_mb:.0f} MB resident"
        )
    return ratio


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--corpus",
        default=",".join(default_corpora()),
        help=f"comma-separated, of {', '.join(CORPORA)}",
    )
    parser.add_argument("--megabytes", type=float, default=2.0)
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument(
        "--workers",
        type=int,
        default=2,
        help="also time this many workers against one, on the texts in shards (1: skip)",
    )
    args = parser.parse_args()
    names = [name.strip() for name in args.corpus.split(",") if name.strip()]
    unknown = [name for name in names if name not in CORPORA]
    if unknown or not names:
        sys.exit(f"bench/throughput.py: --corpus takes {', '.join(CORPORA)}, not {args.corpus!r}")

    settings = load_settings()
    bare = spacy.load(settings.model)
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"model: {settings.model}  batch_size: {settings.batch_size}")
    with tempfile.TemporaryDirectory() as tmp:
        ratios = {name: measure(name, args, settings, bare, Path(tmp)) for name in names}
    lowest = min(ratios, key=ratios.__getitem__)
    print(f"figure (the lowest ratio): {ratios[lowest]:.2f} on {lowest}  (target >= 0.85)")


if __name__ == "__main__":
    main()
