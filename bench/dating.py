"""Document dates inferred with the gold date hidden, on TimeBank and AQUAINT.

Each article of ``--data``/TimeBank and ``--data``/AQUAINT (texts from the shared scorer's
``dump``, so they are the texts the time benchmark reads) goes through fuente's whole unit of
work (``fuente.pipeline.process``) with no date given, as a pasted article would. Its document
date is then inferred from what it says (``fuente.times.published``): a range
``published_earliest`` .. ``published_latest`` and a ``published`` value inside it. Against the
gold document creation time, per corpus:

* dated: the share of articles given any range (the rest stay unknown);
* open: the share given only a floor ("written after"), with no bound from above;
* contains: the share of all articles whose range holds the gold day (an open range holds
  every day from its floor on);
* exact: the share whose value is the gold day;
* wrong: the share given a range that misses the gold day (a guess dressed as a fact);
* median width: the median number of days from earliest to latest, over the closed ranges;
* median floor gap: the median number of days from the floor to the gold day, over the open
  ranges that hold it (how far behind the news its latest dated event is).

``--show N`` prints up to N articles whose range misses the gold day, to see why.

A third corpus, ``PolNeAR dev``, is the 84 plain-text articles of PolNeAR's dev split with
their publication dates from its ``metadata.tsv`` hidden (and no file name to read a date
from): political news of 2015-16, where a date is a weekday as often as a day of a month.

Run: .venv/bin/python bench/dating.py [--data ../shared/data/timebank]
     [--polnear ../shared/data/polnear] [--limit N] [--show N]
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from pathlib import Path

from times import CORPORA, anchor_of, dump  # bench/times.py: the same texts, read the same way

from fuente.nlp.annotate import load_pipeline
from fuente.pipeline import process
from fuente.records import ArticleRecords, RawArticle
from fuente.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent


def polnear_dev(folder: Path, limit: int | None) -> list[dict]:
    """PolNeAR's dev articles as the dump's records: an id that carries no date, the text as
    it is, and the publication date of ``metadata.tsv`` as the gold."""
    with (folder / "metadata.tsv").open(encoding="utf-8") as table:
        dates = {
            row["filename"]: row["publication_date"]
            for row in csv.DictReader(table, delimiter="\t")
            if row["compartment"] == "dev"
        }
    docs = []
    for number, path in enumerate(sorted((folder / "dev" / "text").glob("*.txt"))):
        if path.stem in dates:
            text = path.read_text(encoding="utf-8")
            docs.append({"doc": f"polnear-dev-{number:03d}", "text": text, "dct": dates[path.stem]})
    return docs[:limit] if limit else docs


def inferred_dates(docs: list[dict], nlp, settings) -> list[tuple[str | None, ...]]:
    """(value, earliest, latest) of each article's inferred date, in order."""
    articles = [
        RawArticle(record["doc"], f"{record['doc']}.txt", record["text"], "text") for record in docs
    ]
    found = []
    for result in process(articles, nlp=nlp, settings=settings):
        if not isinstance(result, ArticleRecords):
            found.append((None, None, None))
            continue
        document = result.document
        found.append((document.published, document.published_earliest, document.published_latest))
    return found


def figures(docs: list[dict], found: list[tuple[str | None, ...]]) -> tuple[dict, list[str]]:
    dated = opened = contains = exact = wrong = 0
    widths, gaps, misses = [], [], []
    for record, (value, earliest, latest) in zip(docs, found, strict=True):
        gold = anchor_of(record["dct"])
        first, last = anchor_of(earliest), anchor_of(latest)
        if first is None:
            continue
        dated += 1
        if last is None:
            opened += 1
        else:
            widths.append((last - first).days)
        if gold is not None and first <= gold and (last is None or gold <= last):
            contains += 1
            if last is None:
                gaps.append((gold - first).days)
        else:
            wrong += 1
            misses.append(f"  {record['doc']}: gold {gold}, inferred {earliest} .. {latest}")
        exact += gold is not None and anchor_of(value) == gold
    total = len(docs)
    return {
        "articles": total,
        "dated": dated / total,
        "open": opened / total,
        "contains": contains / total,
        "exact": exact / total,
        "wrong": wrong / total,
        "unknown": (total - dated) / total,
        "median width (days)": statistics.median(widths) if widths else float("nan"),
        "median floor gap (days)": statistics.median(gaps) if gaps else float("nan"),
    }, misses


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared/data/timebank")
    parser.add_argument("--polnear", type=Path, default=ROOT.parent / "shared/data/polnear")
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--show", type=int, default=0, help="print N misses a corpus")
    options = parser.parse_args()
    print("command: python " + " ".join(["bench/dating.py", *sys.argv[1:]]))
    began = time.perf_counter()
    settings = load_settings()
    nlp = load_pipeline(settings)
    corpora = [(corpus, dump(options.data / corpus, options.limit)) for corpus in CORPORA]
    if (options.polnear / "metadata.tsv").is_file():
        corpora.append(("PolNeAR dev", polnear_dev(options.polnear, options.limit)))
    for corpus, docs in corpora:
        result, misses = figures(docs, inferred_dates(docs, nlp, settings))
        print(f"\n{corpus}: {result['articles']} articles, gold date hidden")
        for key, number in result.items():
            if key == "articles":
                continue
            shown = f"{number:.0f}" if key.startswith("median") else f"{number:.3f}"
            print(f"{key:<22}{shown:>8}")
        for line in misses[: options.show]:
            print(line)
    print(f"\nwhole run: {time.perf_counter() - began:.0f} s")


if __name__ == "__main__":
    main()
