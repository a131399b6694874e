"""The language of attribution, learned from PolNeAR train: cue lemmas, sources, shapes.

Reads the gold attributions of one split (train by default; the first annotator's file for a
document annotated several times, as the scorer does) and the split's texts, lemmatised with
the spaCy model of fuente's settings (tagger and lemmatiser only). Prints:

* cue lemmas: a cue's key is the lemmas of its tokens less punctuation, auxiliaries, adverbs
  and negation (kept when nothing else is left), so "has also said" counts as "say" and
  "according to" as "accord to". For each key: how many gold cues have it, how often it
  occurs in the text at all (a one-word key: tokens with that lemma and part of speech; a
  longer key: runs of those lemmas, with the same words skipped), and the precision, the
  share of those occurrences that are gold cues;
* the first and last words of source spans ("he", "officials", "sources", ...);
* the shapes: the order of source, cue and content, and the "according to" and colon forms;
* the verb lemmas with at least ``--min-count`` gold cues and ``--min-precision`` that
  ``fuente/data/en/cues.yaml`` does not list yet, as YAML lines to add.

Run: .venv/bin/python bench/mine_cues.py [--split train] [--top 60] [--markdown]
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import spacy
import yaml
from attribution import DEFAULT_POLNEAR, ROOT, GoldAttribution, load_gold, split_texts
from spacy.tokens import Doc, Token

from fuente.settings import load_settings

CUES_YAML = ROOT / "fuente" / "data" / "en" / "cues.yaml"
DROPPED_POS = {"AUX", "ADV", "PUNCT", "SPACE"}
NEGATION = {"not", "n't", "never"}
# Lemmas the small English model gets wrong for cue verbs ("hopes" -> "hop"), put right here.
LEMMA_SLIPS = {"hop": "hope", "retweete": "retweet"}


@dataclass
class CueStats:
    gold: int = 0
    forms: Counter = field(default_factory=Counter)


def coarse_pos(token: Token) -> str:
    return "VERB" if token.pos_ in {"VERB", "AUX"} else token.pos_


def lemma_of(token: Token) -> str:
    lowered = token.lemma_.lower()
    return LEMMA_SLIPS.get(lowered, lowered)


def droppable(token: Token) -> bool:
    return token.pos_ in DROPPED_POS or token.lower_ in NEGATION or token.is_space


def cue_key(tokens: list[Token]) -> tuple[tuple[str, ...], str] | None:
    """The lemmas that name a cue, and its part of speech (``MULTI`` for several words)."""
    words = [token for token in tokens if not token.is_space]
    core = (
        [token for token in words if not droppable(token)]
        or [token for token in words if token.pos_ not in {"PUNCT", "SPACE"}]
        or words
    )
    if not core:
        return None
    lemmas = tuple(lemma_of(token) for token in core)
    return lemmas, coarse_pos(core[0]) if len(core) == 1 else "MULTI"


def tokens_in(doc: Doc, spans: tuple[tuple[int, int], ...]) -> list[Token]:
    return [
        token
        for token in doc
        if any(token.idx < end and start < token.idx + len(token) for start, end in spans)
    ]


def shape(text: str, gold: GoldAttribution) -> str:
    """Where source and cue stand around the content: an order, or a named form."""
    if gold.cue:
        cue_text = " ".join(text[s:e] for s, e in gold.cue).strip().lower()
        if cue_text.startswith("according to"):
            return "according to X"
        before_content = text[: gold.content[0][0]].rstrip(" \"“‘'")
        if cue_text.endswith(":") or (
            before_content.endswith(":") and gold.cue[-1][1] <= gold.content[0][0]
        ):
            return "colon"
    roles = [("content", gold.content[0][0])]
    if gold.source:
        roles.append(("source", gold.source[0][0]))
    if gold.cue:
        roles.append(("cue", gold.cue[0][0]))
    order = " ".join(name for name, _ in sorted(roles, key=lambda role: role[1]))
    if gold.cue and gold.content[-1][1] > gold.cue[0][0] > gold.content[0][0]:
        order += " (content split around cue)"
    return order


def source_words(text: str, gold: GoldAttribution) -> tuple[str, str] | None:
    words = " ".join(text[s:e] for s, e in gold.source or ()).split()
    if not words:
        return None
    trim = "\"“”‘’'(),.:;"
    return words[0].strip(trim).lower(), words[-1].strip(trim).lower()


def occurrences(docs: list[Doc], keys: set[tuple[tuple[str, ...], str]]) -> Counter:
    """How often each key occurs in the texts: lemma and POS for one word, runs for several."""
    single = {(lemmas[0], pos) for lemmas, pos in keys if pos != "MULTI"}
    multi = {lemmas for lemmas, pos in keys if pos == "MULTI"}
    longest = max((len(lemmas) for lemmas in multi), default=0)
    counts: Counter = Counter()
    for doc in docs:
        for token in doc:
            key = (lemma_of(token), coarse_pos(token))
            if key in single:
                counts[((key[0],), key[1])] += 1
        stream = [lemma_of(token) for token in doc if not droppable(token)]
        for start in range(len(stream)):
            for size in range(2, longest + 1):
                run = tuple(stream[start : start + size])
                if run in multi:
                    counts[(run, "MULTI")] += 1
    return counts


def listed_cues() -> dict[str, set[str]]:
    data = yaml.safe_load(CUES_YAML.read_text(encoding="utf-8")) or {}
    return {name: {str(item).lower() for item in items or ()} for name, items in data.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=("train", "dev"), default="train")
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    parser.add_argument("--top", type=int, default=60, help="rows of the cue table")
    parser.add_argument("--min-count", type=int, default=5)
    parser.add_argument("--min-precision", type=float, default=0.3)
    parser.add_argument("--markdown", action="store_true", help="print the cue table as Markdown")
    args = parser.parse_args()

    settings = load_settings()
    started = time.perf_counter()
    texts = split_texts(args.polnear, args.split, None)
    gold = load_gold(args.polnear, args.split, (text.name for text in texts))
    nlp = spacy.load(settings.model, disable=["parser", "ner"])
    docs = list(nlp.pipe((text.text for text in texts), batch_size=settings.batch_size))

    cues: dict[tuple[tuple[str, ...], str], CueStats] = {}
    first_words, last_words, shapes = Counter(), Counter(), Counter()
    n_gold = n_cued = 0
    for text, doc in zip(texts, docs, strict=True):
        for attribution in gold[text.name]:
            n_gold += 1
            shapes[shape(text.text, attribution)] += 1
            if words := source_words(text.text, attribution):
                first_words[words[0]] += 1
                last_words[words[1]] += 1
            if not attribution.cue:
                continue
            key = cue_key(tokens_in(doc, attribution.cue))
            if key is None:
                continue
            n_cued += 1
            stats = cues.setdefault(key, CueStats())
            stats.gold += 1
            form = " ".join(text.text[s:e] for s, e in attribution.cue).strip().lower()
            stats.forms[" ".join(form.split())] += 1
    counts = occurrences(docs, set(cues))

    def precision(key) -> float:
        return cues[key].gold / max(counts[key], cues[key].gold)

    ranked = sorted(cues, key=lambda key: (-cues[key].gold, key))
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"model: {settings.model} (tagger and lemmatiser)")
    print(
        f"PolNeAR {args.split}: {len(texts)} documents, {n_gold} gold attributions, "
        f"{n_cued} with a cue, {len(cues)} distinct cue keys "
        f"({time.perf_counter() - started:.0f} s)"
    )
    print()
    rows = [
        (" ".join(key[0]), key[1], cues[key].gold, counts[key], precision(key),
         cues[key].forms.most_common(1)[0][0])
        for key in ranked[: args.top]
    ]  # fmt: skip
    if args.markdown:
        print("| # | cue lemma | POS | gold cues | in text | precision | commonest form |")
        print("| ---: | --- | --- | ---: | ---: | ---: | --- |")
        for number, (lemma, pos, n, total, share, form) in enumerate(rows, 1):
            print(f"| {number} | {lemma} | {pos} | {n} | {total} | {share:.2f} | {form} |")
    else:
        print(f"{'cue lemma':<24}{'POS':<7}{'gold':>6}{'in text':>9}{'prec':>7}  commonest form")
        for lemma, pos, n, total, share, form in rows:
            print(f"{lemma:<24}{pos:<7}{n:>6}{total:>9}{share:>7.2f}  {form}")

    print()
    print(
        "source spans, first words: "
        + ", ".join(f"{w} {n}" for w, n in first_words.most_common(30))
    )
    print(
        "source spans, last words:  " + ", ".join(f"{w} {n}" for w, n in last_words.most_common(30))
    )
    print()
    print("shapes:")
    for name, n in shapes.most_common(12):
        print(f"  {name:<44}{n:>6}  {100 * n / n_gold:5.1f}%")

    listed = listed_cues()
    known = set().union(*listed.values()) if listed else set()
    learned = [
        key[0][0]
        for key in ranked
        if key[1] == "VERB"
        and cues[key].gold >= args.min_count
        and precision(key) >= args.min_precision
    ]
    missing = [lemma for lemma in learned if lemma not in listed.get("verbs", set())]
    elsewhere = [lemma for lemma in missing if lemma in known]
    print()
    print(
        f"verb lemmas with >= {args.min_count} gold cues and precision >= "
        f"{args.min_precision}: {len(learned)}; not in cues.yaml's verbs: {len(missing)}"
    )
    if elsewhere:
        print("  listed under another cues.yaml key (left there): " + ", ".join(elsewhere))
    for lemma in missing:
        if lemma not in known:
            key = ((lemma,), "VERB")
            print(f"  - {lemma}  # {cues[key].gold} gold, precision {precision(key):.2f}")


if __name__ == "__main__":
    main()
