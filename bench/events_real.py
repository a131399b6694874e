"""Events on real news: fuente's event layer against events judged by hand on PolNeAR train.

The gold (``tests/data/events_real_gold.jsonl``, described in ``events_real_gold.md``) holds,
for 30 PolNeAR train articles, every event fuente output when the set was made, judged by
reading the sentence with the PLOVER codebook, and the events it missed. Each line names a
document and the characters of a trigger; ``category`` is the PLOVER category the words carry
there (null where they carry no event), ``sources``/``targets`` the character spans of the
sides the text gives (empty where it gives none) and ``modality`` the event's modality.

fuente's events are grouped by trigger (it writes one record per pair of sides) and matched to
the gold lines of the same document whose trigger overlaps theirs. Scores:

* precision on category: matched triggers whose category is the gold one;
* precision with sides: those whose every source and target overlaps a gold side of its role,
  and that have a side wherever the gold has one (an invented side is wrong);
* modality: of the category-right ones, those whose modality is the gold one;
* recall: the gold events (lines with a category) that a trigger of that category matches.

Triggers no gold line covers are listed as unjudged, so the set can be extended after a change.
``half`` keeps the odd-numbered articles (1, 3, ...: those whose errors may be read while
changing fuente) or the even-numbered ones (never read), by their order in the gold file.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from fuente.nlp.annotate import load_pipeline, model_version
from fuente.pipeline import Prepared, analyse, prepare
from fuente.records import Actor, Event, RawArticle
from fuente.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
GOLD = ROOT / "tests" / "data" / "events_real_gold.jsonl"
SEED = 18


@dataclass(frozen=True, slots=True)
class Trigger:
    """fuente's events of one trigger: its category, modality and every source and target."""

    doc: str
    start: int
    end: int
    category: str
    modality: str
    negated: bool
    sources: tuple[Actor, ...]
    targets: tuple[Actor, ...]


def choose(polnear: Path = POLNEAR, *, count: int = 30, seed: int = SEED) -> list[str]:
    """``count`` train articles drawn at random with ``seed``, taking outlets in turn."""
    by_outlet: dict[str, list[str]] = defaultdict(list)
    lines = (polnear / "metadata.tsv").read_text(encoding="utf-8").splitlines()
    for line in lines[1:]:
        cells = line.split("\t")
        if cells[0] == "train":
            by_outlet[cells[4]].append(cells[1])
    chance = random.Random(seed)
    pools = [chance.sample(sorted(names), len(names)) for _, names in sorted(by_outlet.items())]
    chosen: list[str] = []
    while len(chosen) < count:
        for pool in pools:
            if pool and len(chosen) < count:
                chosen.append(pool.pop())
    return chosen


def published(polnear: Path) -> dict[str, str]:
    lines = (polnear / "metadata.tsv").read_text(encoding="utf-8").splitlines()
    return {cells[1]: cells[5] for cells in (line.split("\t") for line in lines[1:])}


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def run(docs: list[str], polnear: Path = POLNEAR) -> tuple[dict[str, str], list[Trigger]]:
    """The articles' texts and fuente's events on them, grouped by trigger."""
    settings = load_settings()
    nlp = load_pipeline(settings)
    annotator = model_version(nlp)
    dates = published(polnear)
    texts = {doc: read_text(polnear / "train" / "text" / f"{doc}.txt") for doc in docs}
    prepared = []
    for doc in docs:
        raw = RawArticle(doc, doc, texts[doc], "text", meta={"published": dates.get(doc)})
        ready = prepare(raw, settings=settings)
        if isinstance(ready, Prepared):
            prepared.append(ready)
    events: list[Event] = []
    for ready, parsed in zip(prepared, nlp.pipe(p.masked for p in prepared), strict=True):
        events.extend(analyse(ready, parsed, annotator=annotator, settings=settings).events)
    return texts, grouped(events)


def grouped(events: list[Event]) -> list[Trigger]:
    groups: dict[tuple[str, int, int], list[Event]] = defaultdict(list)
    for event in events:
        groups[(event.doc, event.start, event.end)].append(event)
    triggers = []
    for (doc, start, end), same in groups.items():
        first = same[0]
        sources = tuple(dict.fromkeys(e.source for e in same if e.source is not None))
        targets = tuple(dict.fromkeys(e.target for e in same if e.target is not None))
        triggers.append(
            Trigger(
                doc, start, end, first.category, first.modality, first.negated, sources, targets
            )
        )
    return triggers


def load_gold(path: Path = GOLD) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def side_right(found: tuple[Actor, ...], gold: list[list[int]]) -> bool:
    if not gold:
        return not found
    spans = [tuple(span) for span in gold]
    return bool(found) and all(
        any(overlaps((a.start, a.end), span) for span in spans) for a in found
    )


def judged_line(trigger: Trigger, gold: list[dict]) -> dict | None:
    """The gold line of the trigger's document whose trigger overlaps it (the nearest start)."""
    span = (trigger.start, trigger.end)
    here = [g for g in gold if g["doc"] == trigger.doc and overlaps((g["start"], g["end"]), span)]
    return min(here, key=lambda g: abs(g["start"] - trigger.start), default=None)


def scores(triggers: list[Trigger], gold: list[dict]) -> dict:
    """Precision on category and with sides, modality, recall, and the unjudged triggers."""
    judged = right = sided = moded = 0
    unjudged: list[Trigger] = []
    wrong: list[tuple[Trigger, dict]] = []
    for trigger in triggers:
        line = judged_line(trigger, gold)
        if line is None:
            unjudged.append(trigger)
            continue
        judged += 1
        if trigger.category != line["category"]:
            wrong.append((trigger, line))
            continue
        right += 1
        moded += trigger.modality == line["modality"]
        sided += side_right(trigger.sources, line["sources"]) and side_right(
            trigger.targets, line["targets"]
        )
    events = [g for g in gold if g["category"]]
    found = sum(
        any(
            t.doc == g["doc"]
            and t.category == g["category"]
            and overlaps((t.start, t.end), (g["start"], g["end"]))
            for t in triggers
        )
        for g in events
    )
    return {
        "triggers": len(triggers),
        "judged": judged,
        "right": right,
        "sided": sided,
        "moded": moded,
        "events": len(events),
        "found": found,
        "unjudged": unjudged,
        "wrong": wrong,
    }


def describe(trigger: Trigger, text: str) -> str:
    sides = " / ".join(
        ", ".join(f"{a.text}@{a.start}" for a in actors) or "-"
        for actors in (trigger.sources, trigger.targets)
    )
    word = text[trigger.start : trigger.end]
    negated = " negated" if trigger.negated else ""
    return (
        f"{trigger.doc} {trigger.start}-{trigger.end} {word!r} {trigger.category} "
        f"{trigger.modality}{negated} [{sides}]"
    )


def in_half(number: int, half: str) -> bool:
    """Whether the article drawn ``number``-th (from 1, in the gold file's order) is in
    ``half``: "odd" (the articles errors may be read on), "even" (never read) or "all"."""
    return half == "all" or (number % 2 == 1) == (half == "odd")


def report(
    gold_path: Path = GOLD, *, polnear: Path = POLNEAR, show: int = 0, half: str = "all"
) -> None:
    """Print the figures of fuente on the judged articles of ``half``, and the triggers still
    unjudged."""
    gold = load_gold(gold_path)
    drawn = list(dict.fromkeys(g["doc"] for g in gold))
    docs = [doc for number, doc in enumerate(drawn, start=1) if in_half(number, half)]
    gold = [g for g in gold if g["doc"] in docs]
    texts, triggers = run(docs, polnear)
    result = scores(triggers, gold)
    judged, events = result["judged"] or 1, result["events"] or 1
    options = (f" --half {half}" if half != "all" else "") + (f" --errors {show}" if show else "")
    print("$ .venv/bin/python bench/events.py --real" + options)
    print(
        f"articles {len(docs)}  gold lines {len(gold)}  gold events {result['events']}  "
        f"fuente triggers {result['triggers']} (judged {result['judged']})"
    )
    print(f"precision, category          {result['right'] / judged:6.3f}")
    print(f"precision, category + sides  {result['sided'] / judged:6.3f}")
    print(f"modality right (of category) {result['moded'] / max(result['right'], 1):6.3f}")
    print(f"recall                       {result['found'] / events:6.3f}")
    print(f"unjudged triggers: {len(result['unjudged'])}")
    for trigger in result["unjudged"]:
        print("  " + describe(trigger, texts[trigger.doc]))
    for trigger, line in result["wrong"][:show]:
        print(f"  wrong: {describe(trigger, texts[trigger.doc])} gold {line['category']}")
