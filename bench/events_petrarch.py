"""PETRARCH unit-test sentences: fuente's events on a corpus that is never tuned on.

THE RULE: nothing in ``fuente/`` is changed to move this figure, and its errors are not read
sentence by sentence. It was read once, when the bench was finished (docs/benchmarks.md,
"PETRARCH unit-test sentences, a corpus never tuned on"); a later reading is a new round,
recorded beside the first, never a reason to tune.

The records (``../shared/data/petrarch/PETR.UnitTest.records.xml``, read where they lie and
never copied into the project; the bench says so and stops where they are absent) are 284
stylised sentences about fictional countries (Arnor, Gondor, Mordor), each with the events
PETRARCH must code from it. Each sentence goes through the whole pipeline as in
``bench/events.py`` (``prepare``, ``nlp.pipe``, ``analyse``) with its record's date as its
publication date.

The gold's convention: one sentence, and mostly one coded event, of the main clause ("X is
about to restore ties with Y ... after crowds trashed its embassy" is the restoring); several
codings in a record are most often one event over compound actors ("Mordor, Rohan, Fornost and
Bree welcomed ...", a coding per pair) or a paired event (visit and host), and only 5 of the
scored records carry two categories. So the headline is the MAIN-clause event (``main_clause``
of bench/events.py: the event whose words stand highest in the dependency tree); the figure
for every event fuente finds in the sentence is given beside it.

Codes: PETRARCH's validation verbs say their codes are "mostly WEIS, not CAMEO", and they are
(MEET 031, CONDEMN 122, ARREST 212, ATTACK 223). They are mapped to PLOVER with
``bench/weis2plover.txt`` (written from the WEIS and PLOVER codebooks); the figures through
``CAMEO2PLOVER-2021.txt``, which reads the same numbers as other acts (031 as AGREE, 122 as
REJECT), are printed too, for comparison only. A coding whose code the table maps to nothing
(WEIS comments 02x, PETRARCH's own test codes 345, 903, 1717, ...) is left out; a record left
with none is skipped, and counted. Records PETRARCH must discard (``error=``) are skipped;
those it must code nothing from (``noevents``) are scored, so an event fuente finds there is a
false positive.

Scores, micro-averaged over the scored records: category (a record's set of PLOVER
categories against the gold's) and country-level triples (source country, category, target
country; a country is an actor code's first three letters). The actors are fictional, so the
bench gives fuente a ``lexicon_dir`` of its own, in a temporary folder: a ``countries.yaml``
written from ``PETR.Validate.actors.txt`` (each name and synonym under its code's country),
leaving out the names fuente's countries lexicon knows already (Israel, Egypt), whose fuente
codes are written as the gold's where they differ without ambiguity (JPN as JAP; Egypt
stays EGY, as the gold writes Egypt UAR and Mubarak EGY). fuente's own data is untouched.

Run: .venv/bin/python bench/events_petrarch.py [PATH/PETR.UnitTest.records.xml]
     (or .venv/bin/python bench/events.py --petrarch [PATH])
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events import main_clause
from petrarch_gold import (
    GoldError,
    PetrarchRecord,
    gold_events,
    read_actors,
    read_codes,
    read_records,
)

from fuente.lexicon import read_lexicon
from fuente.nlp.annotate import load_pipeline, model_version
from fuente.pipeline import Prepared, analyse, prepare
from fuente.records import Actor, Event, RawArticle
from fuente.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "data" / "petrarch" / "PETR.UnitTest.records.xml"
TABLES = {
    "WEIS": ROOT / "bench" / "weis2plover.txt",
    "CAMEO (comparison only)": ROOT.parent / "shared" / "data" / "plover" / "CAMEO2PLOVER-2021.txt",
}

Triple = tuple[str, str, str]


def countries_lexicon(actors: dict[str, str]) -> tuple[dict[str, list[str]], dict[str, str]]:
    """The sections of a countries.yaml for the actors fuente does not know, and the codes of
    those it knows (fuente's code -> the gold's) where the two differ, without ambiguity."""
    known = {}
    for code, names in read_lexicon("countries", lexicon_dir=None).items():
        for name in names:
            known.setdefault(str(name).casefold(), code)
    sections: dict[str, list[str]] = {}
    theirs: dict[str, set[str]] = {}
    for name, code in actors.items():
        ours = known.get(name.casefold())
        if ours is None:
            sections.setdefault(code, []).append(name)
        else:
            theirs.setdefault(ours, set()).add(code)
    # A code is translated only where the gold writes it one way and never uses it itself
    # (Palestine is PAL and Hamas PSE: PSE stays).
    used = set(actors.values())
    translate = {
        ours: next(iter(codes))
        for ours, codes in theirs.items()
        if len(codes) == 1 and ours not in codes and ours not in used
    }
    return sections, translate


def write_lexicon_dir(folder: Path, actors: dict[str, str]) -> dict[str, str]:
    """Write the bench's countries.yaml into ``folder``; return the code translation."""
    sections, translate = countries_lexicon(actors)
    text = "# The PETRARCH validation actors (bench/events_petrarch.py), for this run only.\n"
    text += yaml.safe_dump(sections, allow_unicode=True, sort_keys=True)
    (folder / "countries.yaml").write_text(text, encoding="utf-8")
    return translate


def analysed(records: list[PetrarchRecord], lexicon_dir: Path) -> dict[str, tuple]:
    """Each record's id -> (every event fuente finds, the main clause's events)."""
    settings = load_settings(lexicon_dir=str(lexicon_dir))
    nlp = load_pipeline(settings)
    annotator = model_version(nlp)
    prepared: list[Prepared] = []
    for record in records:
        meta = {"published": record.date} if record.date else {}
        raw = RawArticle(record.id, record.id, record.text, "text", meta=meta)
        ready = prepare(raw, settings=settings)
        if not isinstance(ready, Prepared):
            raise GoldError(f"{DATA.name}: record {record.id}: fuente could not prepare it")
        prepared.append(ready)
    found = {}
    for ready, doc in zip(prepared, nlp.pipe(p.masked for p in prepared), strict=True):
        events = analyse(ready, doc, annotator=annotator, settings=settings).events
        found[ready.raw.id] = (tuple(events), tuple(main_clause(doc, events)))
    return found


def country(actor: Actor | None, translate: dict[str, str]) -> str:
    if actor is None or actor.country is None:
        return ""
    return translate.get(actor.country, actor.country)


def triples(events: tuple[Event, ...], translate: dict[str, str]) -> set[Triple]:
    return {
        (country(e.source, translate), e.category, country(e.target, translate)) for e in events
    }


def prf(gold: list[set], predicted: list[set]) -> dict[str, float]:
    """Micro precision, recall and F1 over paired sets, one pair a record."""
    right = sum(len(g & p) for g, p in zip(gold, predicted, strict=True))
    guessed, wanted = sum(map(len, predicted)), sum(map(len, gold))
    precision = right / guessed if guessed else 0.0
    recall = right / wanted if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"P": precision, "R": recall, "F1": f1, "gold": wanted, "pred": guessed}


def score(
    records: list[PetrarchRecord], codes: dict[str, str], found: dict, translate: dict[str, str]
) -> dict:
    """The counts and the four figures for one code table."""
    counts = {"read": len(records), "discarded": 0, "skipped": 0, "no events": 0, "scored": 0}
    counts["codings unmapped"] = 0
    gold: list[set[Triple]] = []
    every: list[set[Triple]] = []
    main: list[set[Triple]] = []
    for record in records:
        if record.discarded:
            counts["discarded"] += 1
            continue
        events, unmapped = gold_events(record, codes)
        counts["codings unmapped"] += unmapped
        if not events and not record.no_events:
            counts["skipped"] += 1
            continue
        counts["no events" if record.no_events else "scored"] += 1
        gold.append(events)
        every.append(triples(found[record.id][0], translate))
        main.append(triples(found[record.id][1], translate))
    categories = [{t[1] for t in s} for s in gold]
    return {
        "counts": counts,
        "category, main clause": prf(categories, [{t[1] for t in s} for s in main]),
        "category, all events": prf(categories, [{t[1] for t in s} for s in every]),
        "country triple, main clause": prf(gold, main),
        "country triple, all events": prf(gold, every),
    }


def report(name: str, result: dict) -> None:
    counts = result.pop("counts")
    print(f"\n{name} codes: " + "  ".join(f"{key} {value}" for key, value in counts.items()))
    print(f"{'':30}{'P':>7}{'R':>7}{'F1':>7}{'gold':>6}{'pred':>6}")
    for level, m in result.items():
        print(
            f"{level:30}{m['P'] * 100:7.1f}{m['R'] * 100:7.1f}{m['F1'] * 100:7.1f}"
            f"{m['gold']:6d}{m['pred']:6d}"
        )


def run(data: Path) -> int:
    """Read, analyse and score: 0, or 2 where a file is unreadable. Absent records are a
    skip, said so, as the acceptance tests skip without ../shared."""
    if not data.is_file():
        print(f"skipped: {data}: no PETRARCH unit-test records there (../shared absent?)")
        return 0
    try:
        records = read_records(data)
        actors = read_actors(data.with_name("PETR.Validate.actors.txt"))
        tables = {name: read_codes(path) for name, path in TABLES.items()}
    except GoldError as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    began = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="fuente-petrarch-") as folder:
        translate = write_lexicon_dir(Path(folder), actors)
        found = analysed(records, Path(folder))
    seconds = time.perf_counter() - began
    print(f"$ .venv/bin/python bench/events_petrarch.py  ({len(records)} records, {seconds:.1f}s)")
    print(f"actors: {len(actors)} names; fuente's codes written as the gold's: {translate}")
    for name, codes in tables.items():
        report(name, score(records, codes, found, translate))
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", type=Path, default=DATA)
    sys.exit(run(parser.parse_args().data))


if __name__ == "__main__":
    main()
