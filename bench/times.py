"""Time expressions on TimeBank and AQUAINT: fuente's ``find_times`` against dateparser.

For each corpus (``--data``/TimeBank and ``--data``/AQUAINT) the texts come from the shared
scorer's ``dump`` (run in a subprocess, so offsets agree with it); each is parsed with the
pipeline of ``fuente.nlp.annotate.load_pipeline`` through ``nlp.pipe`` and given to ``find_times``
with the gold document creation time as the anchor. The peer is dateparser's
``search.search_dates`` with the same date as ``RELATIVE_BASE``: each hit's string is looked
up in the text (after the previous hit) for its span, and its value is the ISO date of the hit
at day granularity, type DATE. Both are written as the scorer's JSON Lines and scored by
``timex.py score --json`` in a subprocess.

Run: .venv/bin/python bench/times.py [--data ../shared/data/timebank] [--limit N]
"""

from __future__ import annotations

import argparse
import datetime
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from fuente.nlp.annotate import load_pipeline
from fuente.settings import load_settings
from fuente.times.expressions import find_times

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "timex.py"
CORPORA = ("TimeBank", "AQUAINT")


def dump(folder: Path, limit: int | None) -> list[dict]:
    command = [sys.executable, str(SCORER), "dump", str(folder)]
    if limit:
        command += ["--limit", str(limit)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def anchor_of(dct: str | None) -> datetime.date | None:
    try:
        return datetime.date.fromisoformat((dct or "")[:10])
    except ValueError:
        return None


def fuente_predictions(docs: list[dict]) -> list[dict]:
    settings = load_settings()
    nlp = load_pipeline(settings)
    rows = []
    for record, doc in zip(docs, nlp.pipe(d["text"] for d in docs), strict=True):
        for found in find_times(doc, anchor=anchor_of(record["dct"]), settings=settings):
            rows.append(
                {"doc": record["doc"], "start": found.start, "end": found.end,
                 "value": found.value, "type": found.type}
            )  # fmt: skip
    return rows


def dateparser_predictions(docs: list[dict]) -> list[dict]:
    from dateparser.search import search_dates

    rows = []
    for record in docs:
        anchor = anchor_of(record["dct"]) or datetime.date(2000, 1, 1)
        base = datetime.datetime(anchor.year, anchor.month, anchor.day)
        hits = search_dates(record["text"], settings={"RELATIVE_BASE": base}) or []
        position = 0
        for string, moment in hits:
            start = record["text"].find(string, position)
            if start < 0:
                continue
            position = start + len(string)
            rows.append(
                {"doc": record["doc"], "start": start, "end": position,
                 "value": moment.date().isoformat(), "type": "DATE"}
            )  # fmt: skip
    return rows


def score(folder: Path, rows: list[dict], work: Path, name: str) -> dict:
    path = work / f"{name}.jsonl"
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    command = [sys.executable, str(SCORER), "score", str(folder), str(path), "--json"]
    return json.loads(subprocess.run(command, capture_output=True, text=True, check=True).stdout)


def figures(result: dict) -> dict[str, float]:
    return {
        "strict P": result["strict"]["P"],
        "strict R": result["strict"]["R"],
        "strict F1": result["strict"]["F1"],
        "relaxed P": result["relaxed"]["P"],
        "relaxed R": result["relaxed"]["R"],
        "relaxed F1": result["relaxed"]["F1"],
        "value acc": result["value_accuracy"],
        "value F1": result["value"]["F1"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/timebank")
    parser.add_argument("--limit", type=int, default=None)
    options = parser.parse_args()
    print("command: python " + " ".join(["bench/times.py", *sys.argv[1:]]))
    began = time.perf_counter()
    with tempfile.TemporaryDirectory() as work:
        for corpus in CORPORA:
            folder = options.data / corpus
            docs = dump(folder, options.limit)
            clock = time.perf_counter()
            ours = figures(score(folder, fuente_predictions(docs), Path(work), "fuente"))
            ours_s = time.perf_counter() - clock
            clock = time.perf_counter()
            peer = figures(score(folder, dateparser_predictions(docs), Path(work), "peer"))
            peer_s = time.perf_counter() - clock
            print(
                f"\n{corpus}: {len(docs)} documents"
                f" (fuente {ours_s:.0f} s, dateparser {peer_s:.0f} s)"
            )
            print(f"{'metric':<14}{'fuente':>10}{'dateparser':>12}")
            for key in ours:
                print(f"{key:<14}{ours[key]:>10.3f}{peer[key]:>12.3f}")
            met = "met" if ours["relaxed F1"] >= 0.88 else "not met"
            print(f"target relaxed span F1 >= 0.88: {ours['relaxed F1']:.3f} ({met})")
            met = "met" if ours["value F1"] >= 0.78 else "not met"
            print(f"target value F1 >= 0.78: {ours['value F1']:.3f} ({met})")
    print(f"\nwhole run: {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
