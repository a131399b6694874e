"""Time expressions on TimeBank and AQUAINT: fuente's ``find_times`` against dateparser.

For each corpus (``--data``/TimeBank and ``--data``/AQUAINT) the texts come from the shared
scorer's ``dump`` (run in a subprocess, so offsets agree with it); each is parsed with the
pipeline of ``fuente.nlp.annotate.load_pipeline`` through ``nlp.pipe`` and given to ``find_times``
with the gold document creation time as the anchor. The peer is dateparser's
``search.search_dates`` with the same date as ``RELATIVE_BASE``: each hit's string is looked
up in the text (after the previous hit) for its span, and its value is the ISO date of the hit
at day granularity, type DATE. Both are written as the scorer's JSON Lines and scored by
``timex.py score --json`` in a subprocess.

With ``--lang es`` it reads the Spanish TimeBank instead (``--es-data``: the timex layer as
one token a line, BIO tags, a document creation time opening each document; see its README).
The text of a document is rebuilt from its tokens (single spaces, none before closing
punctuation or after opening marks, a line a sentence), with each gold timex's offsets kept
on the way; fuente reads it with the Spanish pipeline and dateparser with ``languages=['es']``,
and both are scored by the shared scorer's own functions, on the odd-numbered documents, the
even-numbered ones and all.

Run: .venv/bin/python bench/times.py [--data ../shared/data/timebank] [--limit N]
     .venv/bin/python bench/times.py --lang es [--es-data ../shared/data/timebank-es/train.tsv]
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
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


def fuente_predictions(docs: list[dict], *, language: str = "en") -> list[dict]:
    settings = load_settings()
    nlp = load_pipeline(settings, language=language)
    rows = []
    for record, doc in zip(docs, nlp.pipe(d["text"] for d in docs), strict=True):
        anchor = anchor_of(record["dct"])
        for found in find_times(doc, anchor=anchor, settings=settings, language=language):
            rows.append(
                {"doc": record["doc"], "start": found.start, "end": found.end,
                 "value": found.value, "type": found.type}
            )  # fmt: skip
    return rows


def dateparser_predictions(docs: list[dict], *, languages: list[str] | None = None) -> list[dict]:
    from dateparser.search import search_dates

    rows = []
    for record in docs:
        anchor = anchor_of(record["dct"]) or datetime.date(2000, 1, 1)
        base = datetime.datetime(anchor.year, anchor.month, anchor.day)
        given = {"RELATIVE_BASE": base}
        hits = search_dates(record["text"], languages=languages, settings=given) or []
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


# Tokens written straight after the one before ("2024 ,") or before the one after ("¿ Qué")
_CLOSING = frozenset(',.;:)]}?!%»"')
_OPENING = frozenset("([{¿¡«")


def read_spanish(path: Path) -> tuple[list[dict], list[dict]]:
    """The documents and gold timexes of the Spanish TimeBank's BIO file: each document
    ``es001``... with its number, creation time and text rebuilt from the tokens, each timex
    with its offsets in that text, type and value."""
    docs: list[dict] = []
    golds: list[dict] = []
    parts: list[str] = []
    glued = True  # no space before the next token (a document's or a sentence's start)

    def finish() -> None:
        if docs:
            docs[-1]["text"] = "".join(parts).strip()

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("*!-DCTVALUE="):
            finish()
            parts, glued = [], True
            number = len(docs) + 1
            dct = line.split('"')[1]
            docs.append({"doc": f"es{number:03d}", "number": number, "dct": dct, "lang": "es"})
            continue
        if not line.strip():
            if parts and parts[-1] != "\n":
                parts.append("\n")
            glued = True
            continue
        token, tag, value = line.split("\t")
        if not (glued or token in _CLOSING):
            parts.append(" ")
        start = sum(map(len, parts))
        parts.append(token)
        glued = token in _OPENING
        if tag.startswith("B-"):
            golds.append({"doc": docs[-1]["doc"], "start": start, "end": start + len(token),
                          "type": tag[2:], "value": value, "text": token})  # fmt: skip
        elif tag.startswith("I-") and golds and golds[-1]["doc"] == docs[-1]["doc"]:
            golds[-1]["end"] = start + len(token)
    finish()
    for gold in golds:  # the text with the spaces between its tokens
        text = next(d["text"] for d in docs if d["doc"] == gold["doc"])
        gold["text"] = text[gold["start"] : gold["end"]]
    return docs, golds


def _scorer():
    spec = importlib.util.spec_from_file_location("timex_scorer", SCORER)
    module = importlib.util.module_from_spec(spec)  # type: ignore[arg-type]
    spec.loader.exec_module(module)  # type: ignore[union-attr]
    return module


def spanish(path: Path, limit: int | None) -> None:
    """fuente and dateparser on the Spanish TimeBank: the odd-numbered documents, the
    even-numbered ones and all."""
    docs, golds = read_spanish(path)
    if limit:
        docs = docs[:limit]
    clock = time.perf_counter()
    ours = fuente_predictions(docs, language="es")
    ours_s = time.perf_counter() - clock
    clock = time.perf_counter()
    peer = dateparser_predictions(docs, languages=["es"])
    peer_s = time.perf_counter() - clock
    scorer = _scorer()
    print(f"fuente {ours_s:.0f} s, dateparser {peer_s:.0f} s")
    halves = {"odd": lambda n: n % 2 == 1, "even": lambda n: n % 2 == 0, "all": lambda n: True}
    for half, keep in halves.items():
        chosen = [d for d in docs if keep(d["number"])]
        names = {d["doc"] for d in chosen}
        gold = [g for g in golds if g["doc"] in names]
        mine = figures(scorer.score(chosen, gold, [r for r in ours if r["doc"] in names])[0])
        theirs = figures(scorer.score(chosen, gold, [r for r in peer if r["doc"] in names])[0])
        print(f"\nSpanish TimeBank, {half} documents: {len(chosen)}, {len(gold)} timexes")
        print(f"{'metric':<14}{'fuente':>10}{'dateparser':>12}")
        for key in mine:
            print(f"{key:<14}{mine[key]:>10.3f}{theirs[key]:>12.3f}")
        met = "met" if mine["relaxed F1"] >= 0.85 else "not met"
        print(f"target relaxed span F1 >= 0.85: {mine['relaxed F1']:.3f} ({met})")
        met = "met" if mine["value F1"] >= 0.75 else "not met"
        print(f"target value F1 >= 0.75: {mine['value F1']:.3f} ({met})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/timebank")
    parser.add_argument("--lang", choices=("en", "es"), default="en")
    parser.add_argument(
        "--es-data", type=Path, default=ROOT.parent / "shared/data/timebank-es/train.tsv"
    )
    parser.add_argument("--limit", type=int, default=None)
    options = parser.parse_args()
    print("command: python " + " ".join(["bench/times.py", *sys.argv[1:]]))
    began = time.perf_counter()
    if options.lang == "es":
        spanish(options.es_data, options.limit)
        print(f"\nwhole run: {time.perf_counter() - began:.0f} s")
        return
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
