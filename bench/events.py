"""PLOVER events: fuente's event layer on the PLOVER gold-standard records.

The records (``--data``: PLOVER_GSR_CAMEO.txt, 322 news-style sentences, one coded event each)
come from the shared scorer's ``dump`` (run in a subprocess). Each sentence goes through the
whole pipeline (``prepare``, ``nlp.pipe``, ``analyse``: entities, attributions, times and
events), with the records' own date as its publication date. A sentence is coded as PLOVER's
coders code it, with one event: fuente's event whose words stand highest in the sentence's
dependency tree (nearest the root; the first in the text on a tie), so "X threatened to ban
Y" is the threat, not the ban. Its actors are written as the gold writes them: the country
code followed by PLOVER's sector code (government GOV, military MIL, police COP, rebels REB,
opposition OPP, media JRN, judiciary JUD, business BUS, civil society CVL; an international
organisation is IGO), and with the gold's country codes where they differ from the ISO 3166
codes fuente keeps (``CAMEO_CODES``: the records write Japan JAP); an event fuente records
once per pair of actors gives the lists of its sources and targets. The predictions are
scored by ``plover.py score --json``.

The records have no split of their own. fuente's events lexicon was written from the PLOVER
codebook and the odd-numbered records of each category (``--split learn``); the figures to
report are those on the even-numbered ones (``--split test``, the default), which were not
read while writing it. ``--split all`` scores every record.

``--real`` scores instead the events judged by hand on PolNeAR train articles
(``tests/data/events_real_gold.jsonl``; ``bench/events_real.py`` says how), and
``--petrarch`` PETRARCH's unit-test sentences, a corpus never tuned on
(``bench/events_petrarch.py`` says how, and what may not be done with it).

Run: .venv/bin/python bench/events.py [--data ../shared/data/plover/PLOVER_GSR_CAMEO.txt]
     [--split test|learn|all] [--errors N]
     .venv/bin/python bench/events.py --real [--half all|odd|even] [--errors N]
     .venv/bin/python bench/events.py --petrarch [PATH/PETR.UnitTest.records.xml]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from spacy.tokens import Doc

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events_real import report

from fuente.events.lead import main_clause
from fuente.nlp.annotate import load_pipeline, model_version
from fuente.pipeline import Prepared, analyse, prepare
from fuente.records import Actor, Event, RawArticle
from fuente.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
SCORER = ROOT.parent / "shared" / "eval" / "plover.py"
DATA = ROOT.parent / "shared" / "data" / "plover" / "PLOVER_GSR_CAMEO.txt"
SECTORS = {
    "government": "GOV",
    "military": "MIL",
    "police": "COP",
    "rebels": "REB",
    "opposition": "OPP",
    "media": "JRN",
    "judiciary": "JUD",
    "business": "BUS",
    "civil society": "CVL",
    "international organisation": "",
}
# Country codes of the gold records that differ from ISO 3166 alpha-3 (CAMEO's older codes, as
# the learn records write them): fuente keeps ISO codes, the bench writes the gold's.
CAMEO_CODES = {"JPN": "JAP", "ITA": "ITL"}
PETRARCH = ROOT.parent / "shared" / "data" / "petrarch" / "PETR.UnitTest.records.xml"
NUMBER = re.compile(r"(\d+)(?:#\d+)?$")


def dump(data: Path) -> list[dict]:
    command = [sys.executable, str(SCORER), "dump", str(data)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def in_split(record_id: str, split: str) -> bool:
    if split == "all":
        return True
    match = NUMBER.search(record_id)
    odd = bool(match) and int(match[1]) % 2 == 1
    return odd if split == "learn" else not odd


def actor_code(actor: Actor | None) -> str | None:
    if actor is None or actor.country is None:
        return None
    if actor.country == "IGO":
        return "IGO"
    return CAMEO_CODES.get(actor.country, actor.country) + SECTORS.get(actor.sector or "", "")


def principal(doc: Doc, events: tuple[Event, ...]) -> dict | None:
    """The sentence's event as one prediction: category and the lists of its actors."""
    same = main_clause(doc, events)
    if not same:
        return None
    chosen = same[0]
    sources = list(dict.fromkeys(actor_code(e.source) for e in same))
    targets = list(dict.fromkeys(actor_code(e.target) for e in same))
    return {"event": chosen.category, "source": sources, "target": targets}


def predict(records: list[dict]) -> list[dict]:
    settings = load_settings()
    nlp = load_pipeline(settings)
    annotator = model_version(nlp)
    prepared: list[Prepared] = []
    for record in records:
        raw = RawArticle(
            record["id"], record["id"], record["text"], "text", meta={"published": record["date"]}
        )
        ready = prepare(raw, settings=settings)
        assert isinstance(ready, Prepared), record["id"]
        prepared.append(ready)
    rows = []
    for ready, doc in zip(prepared, nlp.pipe(p.masked for p in prepared), strict=True):
        found = analyse(ready, doc, annotator=annotator, settings=settings)
        row = principal(doc, found.events)
        if row is not None:
            rows.append({"id": ready.raw.id, **row})
    return rows


def score(data: Path, rows: list[dict], errors: int) -> dict:
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as out:
        for row in rows:
            out.write(json.dumps(row) + "\n")
    command = [sys.executable, str(SCORER), "score", str(data), out.name, "--json"]
    if errors:
        command += ["--errors", str(errors)]
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    if errors:
        print(result.stderr)
    Path(out.name).unlink()
    return json.loads(result.stdout)


def restrict(data: Path, ids: set[str]) -> Path:
    """A copy of the gold file holding only the records of ``ids`` (and the DOCUMENT one)."""
    records = json.loads(data.read_text(encoding="utf-8"))
    seen: dict[str, int] = {}
    kept = []
    for record in records:
        rid = str(record.get("id", ""))
        seen[rid] = seen.get(rid, 0) + 1
        key = rid if seen[rid] == 1 else f"{rid}#{seen[rid]}"
        if str(record.get("event", "")).upper() == "DOCUMENT" or key in ids:
            kept.append(record)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as out:
        json.dump(kept, out)
    return Path(out.name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DATA)
    parser.add_argument("--split", choices=("test", "learn", "all"), default="test")
    parser.add_argument("--errors", type=int, default=0, help="print N records coded wrong")
    parser.add_argument("--real", action="store_true", help="score the judged PolNeAR events")
    parser.add_argument(
        "--half",
        choices=("all", "odd", "even"),
        default="all",
        help="with --real: the odd-numbered judged articles (read), the even ones (never read)",
    )
    parser.add_argument(
        "--petrarch", nargs="?", type=Path, const=PETRARCH, help="score PETRARCH's unit tests"
    )
    args = parser.parse_args()
    if args.petrarch is not None:
        from events_petrarch import run  # it imports this module

        sys.exit(run(args.petrarch))
    if args.real:
        report(show=args.errors, half=args.half)
        return
    records = [r for r in dump(args.data) if in_split(r["id"], args.split)]
    began = time.perf_counter()
    rows = predict(records)
    seconds = time.perf_counter() - began
    gold = args.data if args.split == "all" else restrict(args.data, {r["id"] for r in records})
    # restrict() keeps a duplicated id's later copy only when that copy is in the split; the
    # scorer renames it "#2" again, so ids agree.
    result = score(gold, rows, args.errors)
    if gold != args.data:
        gold.unlink()
    print(f"$ .venv/bin/python bench/events.py --split {args.split}")
    print(
        f"records {result['records']} ({args.split})  gold triples {result['gold_triples']}  "
        f"predicted {result['pred_triples']}  time {seconds:.1f}s"
    )
    names = {
        "event-only": "event category",
        "dyad-only": "actor pair (with sector)",
        "exact": "exact triple",
        "country": "country-level triple",
    }
    print(f"{'':28}{'P':>8}{'R':>8}{'F1':>8}")
    for level, name in names.items():
        m = result[level]
        print(f"{name:28}{m['P'] * 100:8.1f}{m['R'] * 100:8.1f}{m['F1'] * 100:8.1f}")
    print("by category (event-only F1):")
    for category, m in result["by_category"].items():
        print(f"  {category:12} gold {m['gold']:3d} pred {m['pred']:3d} F1 {m['F1'] * 100:5.1f}")


if __name__ == "__main__":
    main()
