"""Attribution quality on PolNeAR: fuente against textacy's direct-quotation extractor.

Each text of the split (``--polnear``/<split>/text/*.txt, read as UTF-8 with newlines kept,
as the scorer reads it) goes through ``fuente.pipeline.process`` as a plain-text
``RawArticle`` with the pipeline of ``fuente.nlp.annotate.load_pipeline``; its attributions, less
non-responses, are written as predictions in the scorer's JSON Lines format. The peer is
``textacy.extract.triples.direct_quotations`` over the same texts with the same spaCy model
(speaker -> source, cue -> cue, the quotation with its marks -> content; the triples that share
one cue, a quotation split around it, become one prediction with two content pieces). textacy
refuses a text with an odd number of quotation marks; such a text is given to it paragraph by
paragraph (from the same parse), so that one stray mark does not cost it the whole article. Both are
scored by the shared scorer (``shared/eval/polnear.py score --json``) in a subprocess and
printed side by side. ``--limit N`` takes N documents spread evenly over the sorted split and
scores against those alone (the scorer then reads a folder of links to them).

``--errors FILE`` writes, per document, fuente's misses, its unmatched predictions and its
matches with the wrong source, with their text: for tuning, to a file outside the repository.
textacy is a bench-only dependency (``pip install -e '.[bench]'``); without it the peer is
skipped with the reason.

Run: .venv/bin/python bench/attribution.py [--split dev] [--limit N] [--errors /tmp/err.txt]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import spacy

from fuente.nlp.annotate import load_pipeline
from fuente.pipeline import process
from fuente.records import ArticleRecords, RawArticle
from fuente.settings import load_settings

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
DEFAULT_SCORER = ROOT.parent / "shared" / "eval" / "polnear.py"
METRICS = (
    ("content_strict", "content strict"),
    ("content_relaxed", "content relaxed"),
    ("who_said_what", "who-said-what"),
    ("cue", "cue"),
)
TARGETS = {"content_relaxed": 65.0, "who_said_what": 50.0}
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Text:
    name: str
    path: Path
    text: str


@dataclass(frozen=True, slots=True)
class GoldAttribution:
    content: Spans
    source: Spans | None
    cue: Spans | None


# --- reading PolNeAR ------------------------------------------------------------------------

ANN_NAME = re.compile(r"^(?P<doc>.*)_(?P<annotator>[0-9a-f]{4})\.ann$")
SPAN_LINE = re.compile(r"^(T\d+)\t(\S+) (\d+ \d+(?:;\d+ \d+)*)\t")
EVENT_LINE = re.compile(r"^(E\d+)\t(\S+)((?: \S+)*)\s*$")


def read_text(path: Path) -> str:
    with open(path, encoding="utf-8", newline="") as handle:
        return handle.read()


def split_texts(polnear: Path, split: str, limit: int | None) -> list[Text]:
    paths = sorted((polnear / split / "text").glob("*.txt"))
    if not paths:
        sys.exit(f"bench/attribution.py: no {split}/text/*.txt under {polnear} (see --polnear)")
    if limit is not None and limit < len(paths):
        paths = [paths[i * len(paths) // limit] for i in range(limit)]
    return [Text(path.stem, path, read_text(path)) for path in paths]


def annotation_files(polnear: Path, split: str) -> dict[str, list[Path]]:
    """The .ann files of each document, sorted by annotator id (the first one is the gold)."""
    found: dict[str, list[Path]] = defaultdict(list)
    for path in sorted((polnear / split / "attributions").glob("*.ann")):
        match = ANN_NAME.match(path.name)
        if match:
            found[match["doc"]].append(path)
    return found


def parse_ann(raw: str) -> list[GoldAttribution]:
    """Attribution events of one brat file: content (Content and Content2 merged), source, cue."""
    spans: dict[str, Spans] = {}
    events: list[list[str]] = []
    for line in raw.split("\n"):
        if match := SPAN_LINE.match(line):
            pieces = (piece.split() for piece in match[3].split(";"))
            spans[match[1]] = tuple(sorted((int(s), int(e)) for s, e in pieces))
        elif (match := EVENT_LINE.match(line)) and match[2].startswith("Attribution"):
            events.append(match[3].split())
    found = []
    for arguments in events:
        roles: dict[str, set[tuple[int, int]]] = defaultdict(set)
        for argument in arguments:
            role, _, target = argument.partition(":")
            roles[role.rstrip("0123456789")].update(spans.get(target, ()))
        if not roles["Content"]:
            continue
        source, cue = roles.get("Source"), roles.get("Cue")
        found.append(
            GoldAttribution(
                tuple(sorted(roles["Content"])),
                tuple(sorted(source)) if source else None,
                tuple(sorted(cue)) if cue else None,
            )
        )
    return sorted(found, key=lambda gold: gold.content[0])


def load_gold(polnear: Path, split: str, names: Iterable[str]) -> dict[str, list[GoldAttribution]]:
    files = annotation_files(polnear, split)
    gold = {}
    for name in names:
        paths = files.get(name, [])
        gold[name] = parse_ann(read_text(paths[0])) if paths else []
    return gold


def scoring_dir(polnear: Path, split: str, texts: list[Text], workdir: Path) -> Path:
    """A folder of links to just these documents and their annotations, for a partial run."""
    target = workdir / "polnear"
    (target / split / "text").mkdir(parents=True)
    (target / split / "attributions").mkdir()
    files = annotation_files(polnear, split)
    for text in texts:
        (target / split / "text" / text.path.name).symlink_to(text.path)
        for path in files.get(text.name, []):
            (target / split / "attributions" / path.name).symlink_to(path)
    return target


# --- predictions ----------------------------------------------------------------------------


def span(start: int | None, end: int | None) -> list[int] | None:
    return None if start is None or end is None or start >= end else [start, end]


def fuente_predictions(texts: list[Text], settings) -> Iterator[dict]:
    nlp = load_pipeline(settings)
    articles = (
        RawArticle(id=text.name, path=str(text.path), text=text.text, format="text")
        for text in texts
    )
    for outcome in process(articles, nlp=nlp, settings=settings):
        if not isinstance(outcome, ArticleRecords):
            print(f"warning: fuente rejected {outcome.path}: {outcome.reason}", file=sys.stderr)
            continue
        for attribution in outcome.attributions:
            if attribution.kind == "non-response":
                continue
            yield {
                "doc": outcome.document.id,
                "content": [attribution.content_start, attribution.content_end],
                "source": span(attribution.source_start, attribution.source_end),
                "cue": span(attribution.cue_start, attribution.cue_end),
            }


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    position = 0
    for line in text.split("\n"):
        if line.strip():
            yield position, position + len(line)
        position += len(line) + 1


def textacy_predictions(texts: list[Text], model: str, notes: list[str]) -> Iterator[dict]:
    """textacy's triples as predictions; by paragraph where it gives up on the whole text."""
    from textacy.extract.triples import direct_quotations

    nlp = spacy.load(model)
    retried = skipped = 0
    for text, doc in zip(texts, nlp.pipe(t.text for t in texts), strict=True):
        try:
            parts = [(0, list(direct_quotations(doc)))]
        except ValueError:  # an odd number of quotation marks: textacy gives up on the text
            retried += 1
            parts = []
            for start, end in paragraphs(text.text):
                paragraph = doc.char_span(start, end, alignment_mode="expand")
                if paragraph is None:
                    continue
                try:
                    parts.append(
                        (paragraph.start_char, list(direct_quotations(paragraph.as_doc())))
                    )
                except ValueError:
                    skipped += 1
        for offset, triples in parts:
            by_cue: dict[tuple[int, int], list] = defaultdict(list)
            for triple in triples:
                cue = (triple.cue[0].idx, triple.cue[-1].idx + len(triple.cue[-1]))
                by_cue[cue].append(triple)
            for (cue_start, cue_end), group in by_cue.items():
                speaker = group[0].speaker
                yield {
                    "doc": text.name,
                    "content": [
                        [offset + t.content.start_char, offset + t.content.end_char] for t in group
                    ],
                    "source": [
                        offset + speaker[0].idx,
                        offset + speaker[-1].idx + len(speaker[-1]),
                    ],
                    "cue": [offset + cue_start, offset + cue_end],
                }
    if retried:
        notes.append(
            f"textacy gave up on {retried} of {len(texts)} whole texts (an odd number of "
            f"quotation marks); run on their paragraphs instead, it gave up on {skipped} paragraphs"
        )


def write_jsonl(path: Path, records: Iterable[dict]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for record in records:
            out.write(json.dumps(record) + "\n")
            count += 1
    return count


def score(scorer: Path, polnear: Path, predictions: Path, split: str) -> dict:
    command = [sys.executable, str(scorer), "score", str(polnear), str(predictions)]
    result = subprocess.run(
        [*command, "--split", split, "--json"], capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        sys.exit(f"bench/attribution.py: the scorer failed:\n{result.stderr}")
    return json.loads(result.stdout)


# --- errors file ----------------------------------------------------------------------------

WORD = re.compile(r"\w+")


def token_ids(text: str, spans: Spans | None) -> set[int]:
    """Indices of the word tokens (\\w+ runs) that share a character with the spans."""
    if not spans:
        return set()
    return {
        number
        for number, match in enumerate(WORD.finditer(text))
        if any(match.start() < end and start < match.end() for start, end in spans)
    }


def as_spans(value) -> Spans | None:
    if value is None:
        return None
    if isinstance(value[0], int):
        return ((value[0], value[1]),)
    return tuple((start, end) for start, end in value)


def show(text: str, spans: Spans | None) -> str:
    if not spans:
        return "-"
    return " … ".join(text[start:end] for start, end in spans).replace("\n", " ⏎ ")


def describe(text: str, content: Spans, source: Spans | None, cue: Spans | None) -> str:
    return (
        f"    content: {show(text, content)}\n"
        f"    source:  {show(text, source)}\n"
        f"    cue:     {show(text, cue)}\n"
    )


def write_errors(
    path: Path, texts: list[Text], gold: dict[str, list[GoldAttribution]], predictions: list[dict]
) -> None:
    """Misses, unmatched predictions and wrong sources, matched one-to-one by content overlap."""
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for prediction in predictions:
        by_doc[prediction["doc"]].append(prediction)
    with path.open("w", encoding="utf-8") as out:
        for item in texts:
            text, golds, preds = item.text, gold[item.name], by_doc[item.name]
            gold_tokens = [token_ids(text, g.content) for g in golds]
            pred_tokens = [token_ids(text, as_spans(p["content"])) for p in preds]
            pairs = []
            for gi, g_ids in enumerate(gold_tokens):
                for pi, p_ids in enumerate(pred_tokens):
                    if g_ids and p_ids:
                        ratio = len(g_ids & p_ids) / max(len(g_ids), len(p_ids))
                        if ratio >= 0.5:
                            pairs.append((-ratio, gi, pi))
            matched: dict[int, int] = {}
            used: set[int] = set()
            for _, gi, pi in sorted(pairs):
                if gi not in matched and pi not in used:
                    matched[gi] = pi
                    used.add(pi)
            wrong_source = []
            for gi, pi in matched.items():
                g_source = token_ids(text, golds[gi].source)
                p_source = token_ids(text, as_spans(preds[pi]["source"]))
                agrees = not p_source if golds[gi].source is None else bool(g_source & p_source)
                if not agrees:
                    wrong_source.append((gi, pi))
            missed = [g for gi, g in enumerate(golds) if gi not in matched]
            spurious = [p for pi, p in enumerate(preds) if pi not in used]
            out.write(
                f"=== {item.name}: gold {len(golds)}, predicted {len(preds)}, "
                f"matched {len(matched)}, wrong source {len(wrong_source)}\n"
            )
            for g in missed:
                out.write("  MISSED\n" + describe(text, g.content, g.source, g.cue))
            for p in spurious:
                spans = (as_spans(p[role]) for role in ("content", "source", "cue"))
                out.write("  UNMATCHED\n" + describe(text, *spans))
            for gi, pi in wrong_source:
                out.write(
                    f"  WRONG SOURCE (gold: {show(text, golds[gi].source)})\n"
                    + describe(
                        text, *(as_spans(preds[pi][r]) for r in ("content", "source", "cue"))
                    )
                )


# --- report ---------------------------------------------------------------------------------


def table(results: dict[str, dict]) -> list[str]:
    systems = list(results)
    header = f"{'metric':<22}" + "".join(f"{name:>24}" for name in systems)
    lines = [header, f"{'':<22}" + "".join(f"{'P':>8}{'R':>8}{'F1':>8}" for _ in systems)]
    for block, prefix in (("metrics", ""), ("direct_quotes", "DQ ")):
        for key, label in METRICS:
            row = f"{prefix + label:<22}"
            for name in systems:
                figures = results[name][block][key]
                row += f"{figures['p']:>8.1f}{figures['r']:>8.1f}{figures['f1']:>8.1f}"
            lines.append(row)
    return lines


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("dev", "train"), default="dev")
    parser.add_argument("--limit", type=int, default=None, help="score N documents only")
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    parser.add_argument("--scorer", type=Path, default=DEFAULT_SCORER)
    parser.add_argument("--errors", type=Path, default=None, help="write fuente's errors here")
    parser.add_argument("--no-peer", action="store_true", help="skip textacy")
    args = parser.parse_args()
    if args.limit is not None and args.limit < 1:
        parser.error("--limit must be at least 1")

    began = time.perf_counter()
    settings = load_settings()
    texts = split_texts(args.polnear, args.split, args.limit)
    notes: list[str] = []
    results: dict[str, dict] = {}
    timings: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        polnear = args.polnear
        if args.limit is not None:
            polnear = scoring_dir(args.polnear, args.split, texts, workdir)

        start = time.perf_counter()
        predictions = list(fuente_predictions(texts, settings))
        timings["fuente"] = time.perf_counter() - start
        write_jsonl(workdir / "fuente.jsonl", predictions)
        results["fuente"] = score(args.scorer, polnear, workdir / "fuente.jsonl", args.split)
        if args.errors is not None:
            gold = load_gold(args.polnear, args.split, (text.name for text in texts))
            write_errors(args.errors, texts, gold, predictions)

        textacy = None
        if args.no_peer:
            notes.append("peer skipped (--no-peer)")
        else:
            try:
                import textacy
            except ImportError:
                notes.append("textacy is not installed (pip install -e '.[bench]'): peer skipped")
        if textacy is not None:
            peer = f"textacy {textacy.__version__}"
            start = time.perf_counter()
            written = write_jsonl(
                workdir / "textacy.jsonl", textacy_predictions(texts, settings.model, notes)
            )
            timings[peer] = time.perf_counter() - start
            if written:
                results[peer] = score(args.scorer, polnear, workdir / "textacy.jsonl", args.split)
            else:
                notes.append("textacy found no direct quotations: peer not scored")

    first = results["fuente"]
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"model: {settings.model}")
    print(
        f"PolNeAR {args.split}: {first['n_docs']} documents, {first['n_gold']} gold attributions "
        f"({first['n_gold_dq']} direct quotes)"
    )
    print(
        "predictions: "
        + ", ".join(f"{name} {result['n_pred']}" for name, result in results.items())
    )
    ratio = ""
    if len(timings) == 2:
        fuente_time, peer_time = timings.values()
        ratio = f"; fuente took {fuente_time / peer_time:.2f} x the peer's time on the same texts"
    print(f"whole run: {time.perf_counter() - began:.0f} s{ratio}")
    for line in table(results):
        print(line)
    print("DQ rows: gold restricted to direct quotations; the scorer's P there is an upper bound.")
    for key, target in TARGETS.items():
        reached = first["metrics"][key]["f1"]
        verdict = "met" if reached >= target else "not met"
        print(f"target fuente {dict(METRICS)[key]} F1 >= {target:.0f}: {reached:.1f} ({verdict})")
    for note in notes:
        print(f"note: {note}")
    if args.errors is not None:
        print(f"errors: {args.errors}")


if __name__ == "__main__":
    main()
