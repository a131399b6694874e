"""Spanish PLOVER events: fuente's event layer on Spanish news sentences written for it.

``tests/data/es/events_gold.jsonl`` holds Spanish sentences in the style of Venezuelan and
regional news, written for fuente before any Spanish event rule was, each coded by hand in
PLOVER with its one event (or none): ``{"id", "text", "event", "mode", "source": [actors],
"target": [actors], "negated", "modality"}``, an actor ``{"text", "country", "sector"}``
(ISO 3166 alpha-3, "IGO" for an international body; fuente's sector names; either null where
the sentence does not say).

Each sentence goes through the whole pipeline as a Spanish article (``prepare``, the Spanish
pipeline, ``analyse``) and is coded as ``bench/events.py`` codes a PLOVER record: by the event
of its main clause (``main_clause``). Figures:

* category precision, recall and F1: a sentence's predicted category against the gold's (a
  prediction on a sentence with no event is a false positive);
* side accuracy, on the sentences whose category is right: of the gold sides (source, target)
  that name a country, those where fuente's actors of that side name one of the gold's
  countries; a consultation's sides are pooled, as PLOVER codes a meeting's partners as its
  actors whichever comes first; with sector, the same where one actor also has the sector;
* negation and modality accuracy on the sentences whose category is right.

``--gold tests/data/es/events_heldout.jsonl`` scores the sentences written after the lexicon
and never tuned on.

Run: .venv/bin/python bench/events_es.py [--gold PATH] [--errors]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from events import main_clause

from fuente.nlp.annotate import load_pipeline, model_version
from fuente.pipeline import Prepared, analyse, prepare
from fuente.records import Actor, RawArticle
from fuente.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "tests" / "data" / "es" / "events_gold.jsonl"
POOLED = {"CONSULT"}  # categories whose sides are scored as a pair, in either order


@dataclass
class Score:
    """Counts over the gold file, and the figures made of them."""

    true: int = 0
    false: int = 0
    missed: int = 0
    sides: int = 0
    sides_right: int = 0
    sectors_right: int = 0
    qualified: int = 0
    qualified_right: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true / (self.true + self.false) if self.true + self.false else 0.0

    @property
    def recall(self) -> float:
        return self.true / (self.true + self.missed) if self.true + self.missed else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def side_accuracy(self) -> float:
        return self.sides_right / self.sides if self.sides else 0.0

    @property
    def sector_accuracy(self) -> float:
        return self.sectors_right / self.sides if self.sides else 0.0

    @property
    def qualifier_accuracy(self) -> float:
        return self.qualified_right / self.qualified if self.qualified else 0.0


def predictions(rows: list[dict]) -> dict[str, dict]:
    """Each sentence's main-clause event: category, negation, modality, sources, targets."""
    settings = load_settings()
    nlp = load_pipeline(settings, language="es")
    annotator = model_version(nlp)
    found: dict[str, dict] = {}
    for row in rows:
        raw = RawArticle(row["id"], row["id"], row["text"], "text", meta={"language": "es"})
        ready = prepare(raw, settings=settings)
        assert isinstance(ready, Prepared), row["id"]
        doc = nlp(ready.masked)
        events = main_clause(
            doc, analyse(ready, doc, annotator=annotator, settings=settings).events
        )
        if events:
            found[row["id"]] = {
                "event": events[0].category,
                "negated": events[0].negated,
                "modality": events[0].modality,
                "source": [e.source for e in events if e.source is not None],
                "target": [e.target for e in events if e.target is not None],
            }
    return found


def _side(gold: list[dict], predicted: list[Actor]) -> tuple[bool, bool] | None:
    """``(country right, country and sector right)`` of a gold side naming a country."""
    countries = {actor["country"] for actor in gold if actor["country"]}
    if not countries:
        return None
    right = [a for a in predicted if a.country in countries]
    sectors = {(actor["country"], actor["sector"]) for actor in gold if actor["country"]}
    return bool(right), any((a.country, a.sector) in sectors for a in right)


def score(rows: list[dict], found: dict[str, dict]) -> Score:
    result = Score()
    for row in rows:
        gold, guess = row["event"], found.get(row["id"])
        category = guess["event"] if guess else None
        if category is not None and category == gold:
            result.true += 1
        elif category != gold:
            result.false += category is not None
            result.missed += gold is not None
            result.errors.append(f"{row['id']}: gold {gold}, fuente {category}  {row['text']}")
            continue
        if gold is None or guess is None:
            continue
        sides = [(row["source"], guess["source"]), (row["target"], guess["target"])]
        if gold in POOLED:
            pooled = guess["source"] + guess["target"]
            sides = [(row["source"], pooled), (row["target"], pooled)]
        for side, predicted in sides:
            judged = _side(side, predicted)
            if judged is not None:
                result.sides += 1
                result.sides_right += judged[0]
                result.sectors_right += judged[1]
                if not judged[0]:
                    named = [(a.text, a.country) for a in predicted]
                    result.errors.append(f"{row['id']}: side {side} read as {named}")
        result.qualified += 1
        right = (guess["negated"], guess["modality"]) == (row["negated"], row["modality"])
        result.qualified_right += right
        if not right:
            said = f"{guess['negated']}/{guess['modality']}"
            result.errors.append(f"{row['id']}: negated/modality {said}")
    return result


def run(path: Path = GOLD) -> Score:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return score(rows, predictions(rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--errors", action="store_true", help="print what fuente got wrong")
    args = parser.parse_args()
    result = run(args.gold)
    given = "" if args.gold.resolve() == GOLD else f" --gold {args.gold}"
    print(f"$ .venv/bin/python bench/events_es.py{given}")
    print(f"sentences {sum(1 for _ in args.gold.open(encoding='utf-8'))}")
    print(f"{'':28}{'P':>8}{'R':>8}{'F1':>8}")
    p, r, f = result.precision * 100, result.recall * 100, result.f1 * 100
    print(f"{'event category':28}{p:8.1f}{r:8.1f}{f:8.1f}")
    print(f"side accuracy (country)     {result.side_accuracy * 100:5.1f}  of {result.sides} sides")
    print(f"side accuracy (and sector)  {result.sector_accuracy * 100:5.1f}")
    print(f"negation and modality       {result.qualifier_accuracy * 100:5.1f}")
    if args.errors:
        print("\n".join(result.errors))


if __name__ == "__main__":
    main()
