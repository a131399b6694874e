"""How events' sides were found, and the articles' main events, on PolNeAR dev (issue 18,
items 3 and 4).

Every PolNeAR dev article (plain text, its date from ``metadata.tsv``) goes through the whole
analysis; the events are grouped by trigger (fuente writes one record per pair of sides), and
the script prints: the share of events with neither side (target: under 5%, by coding fewer
such events, not by inventing sides), how each source and target was found (``Actor.found``:
argument, coreference, knowledge base, stand-in), and how many articles have a main event
(``Event.lead``) in their headline and lead.

Run: .venv/bin/python bench/event_sides.py [--split dev]
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter

from events_real import POLNEAR, published, read_text

from fuente.nlp.annotate import load_pipeline, model_version
from fuente.pipeline import Prepared, analyse, prepare
from fuente.records import Event, RawArticle
from fuente.settings import load_settings


def events_of(split: str) -> tuple[int, list[Event]]:
    folder = POLNEAR / split / "text"
    paths = sorted(folder.glob("*.txt"))
    if not paths:
        sys.exit(f"bench/event_sides.py: no articles in {folder}: is ../shared present?")
    settings = load_settings()
    nlp = load_pipeline(settings)
    annotator = model_version(nlp)
    dates = published(POLNEAR)
    prepared = []
    for path in paths:
        raw = RawArticle(path.stem, str(path), read_text(path), "text",
                         meta={"published": dates.get(path.stem)})  # fmt: skip
        ready = prepare(raw, settings=settings)
        if isinstance(ready, Prepared):
            prepared.append(ready)
    events: list[Event] = []
    for ready, doc in zip(prepared, nlp.pipe(p.masked for p in prepared), strict=True):
        events.extend(analyse(ready, doc, annotator=annotator, settings=settings).events)
    return len(prepared), events


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="dev", choices=("dev", "train"))
    args = parser.parse_args()
    articles, events = events_of(args.split)
    triggers: dict[tuple[str, int, int], list[Event]] = {}
    for event in events:
        triggers.setdefault((event.doc, event.start, event.end), []).append(event)
    bare = sum(1 for group in triggers.values() if not any(e.source or e.target for e in group))
    print(f"PolNeAR {args.split}: {articles} articles, {len(triggers)} events "
          f"({len(events)} records)")  # fmt: skip
    print(f"  events with neither side: {bare} = {bare / max(len(triggers), 1):.3f}"
          "  (target < 0.05)")  # fmt: skip
    for role in ("source", "target"):
        found = Counter((getattr(e, role).found if getattr(e, role) else "none") for e in events)
        shown = ", ".join(f"{how} {count}" for how, count in found.most_common())
        print(f"  {role}s of the records, found by: {shown}")
    with_lead = {e.doc for e in events if e.lead}
    lead_events = {(e.doc, e.start, e.end) for e in events if e.lead}
    print(f"  articles with a main event marked: {len(with_lead)} of {articles}; "
          f"main events {len(lead_events)}")  # fmt: skip
    print(f"command: .venv/bin/python bench/event_sides.py --split {args.split}")


if __name__ == "__main__":
    main()
