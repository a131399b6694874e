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
(default 2) the same JSON Lines file is also ingested by N workers in each round, after the
one-process run (the workers cut it into runs of lines, ``fuente.readers.slices``), and the
speed-up over one process is printed, with the workers' resident sizes sampled as they work.
The load average before and after is printed: on a shared machine the figures are noisy.

Run: .venv/bin/python bench/throughput.py [--corpus polnear,seeds] [--megabytes 2] [--rounds 2]
    [--workers 2]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

import spacy

from fuente.ingest import ingest
from fuente.settings import load_settings
from fuente.store.connect import open_store

SAMPLE_EVERY = 50  # outcomes between two samples of resident memory
ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
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


def resident_mb(pid: str = "self") -> float:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:  # the process has ended
        return float("nan")
    for line in status.splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def workers_mb() -> list[float]:
    """The resident sizes of this process's workers, while a pool runs (not its resource
    tracker, a child too)."""
    pids = []
    for children in Path("/proc/self/task").glob("*/children"):
        pids.extend(children.read_text().split())
    return sorted(resident_mb(pid) for pid in pids if _is_worker(pid))


def _is_worker(pid: str) -> bool:
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return False
    return b"spawn_main" in command and b"resource_tracker" not in command


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
            if count % SAMPLE_EVERY == 0:
                samples.append((count, workers_mb() if workers > 1 else [resident_mb()]))
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

    spacy_times, fuente_times, samples, many, many_samples = [], [], [], [], []
    for round_number in range(args.rounds):
        spacy_times.append(time_spacy(bare, texts, settings.batch_size))
        elapsed, samples = time_fuente(jsonl, settings, workdir, round_number)
        fuente_times.append(elapsed)
        if args.workers > 1:
            elapsed, many_samples = time_fuente(
                jsonl, settings, workdir, round_number, workers=args.workers
            )
            many.append(elapsed)
    spacy_rate = words / min(spacy_times)
    fuente_rate = words / min(fuente_times)
    ratio = fuente_rate / spacy_rate
    print(f"corpus {name}: {len(texts)} documents, {sum(map(len, texts)):,} characters, "
          f"{words:,} words")  # fmt: skip
    print(f"  bare spaCy nlp.pipe: {spacy_rate:,.0f} words/s")
    print(f"  fuente ingest:       {fuente_rate:,.0f} words/s")
    print(f"  ratio fuente / spaCy: {ratio:.2f}  (target >= 0.85)")
    print(f"  resident memory while ingesting: {shown_memory(samples)}")
    if many:
        # sampled, not the children's ru_maxrss: a spawned worker's counts the size of this
        # process, which it was forked from before it ran Python afresh
        worker_mb = max((max(sizes) for _, sizes in many_samples if sizes), default=float("nan"))
        many_rate = words / min(many)
        print(
            f"  {args.workers} workers: {many_rate:,.0f} words/s: speed-up "
            f"{many_rate / fuente_rate:.2f} over one process  (target >= 1.7 with 2); "
            f"largest worker {worker_mb:.0f} MB resident (sampled)"
        )
        print(f"  workers' resident memory while ingesting: {shown_memory(many_samples)}")
    return ratio


def shown_memory(samples: list[tuple[int, list[float]]]) -> str:
    step = max(1, len(samples) // 5)
    return (
        ", ".join(
            f"{count} docs: {' + '.join(f'{mb:.0f}' for mb in sizes)} MB"
            for count, sizes in samples[::step]
        )
        or f"(no sample: under {SAMPLE_EVERY} documents)"
    )


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
        help="also time this many workers against one process, on the same file (1: skip)",
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
    print(f"load average before: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        ratios = {name: measure(name, args, settings, bare, Path(tmp)) for name in names}
    print(f"load average after: {os.getloadavg()[0]:.2f}")
    lowest = min(ratios, key=ratios.__getitem__)
    print(f"figure (the lowest ratio): {ratios[lowest]:.2f} on {lowest}  (target >= 0.85)")


if __name__ == "__main__":
    main()
