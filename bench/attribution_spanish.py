"""Spanish attribution: fuente on Spanish news passages written for it, against their gold.

``tests/data/es/attribution_gold.jsonl`` holds short passages in the style of Venezuelan
political reporting (fictional people; real places, bodies and outlets), one a line, in the
shape of the English gold (``tests/data/attribution_gold.jsonl``): ``{"text", "attributions":
[{"content", "source", "cue", "speaker_kind", "speaker"}]}``. Each span is an exact substring
of the text (``content`` may be a list of pieces: a quotation split around its cue, dialogue
around the narrator's aside) or null; ``speaker`` is who the words belong to, named as the text
names them (for a dropped subject, "«…», agregó", the one it stands for); a non-response ("no
respondió a las solicitudes de comentarios") is marked ``"non_response": true``. Passages with
no attributions ("es decir", a film title in guillemets) are there to be left alone.

Predictions are matched one-to-one to gold by content word-token overlap (at least half of the
longer span's tokens, best overlap first), as the English gate and PolNeAR's scorer do:

* content-relaxed F1 over claims (non-responses left out on both sides);
* who-said-what F1: matched, and the predicted source span shares a word with the gold source
  (when the gold has no source span, the prediction must have none either);
* speaker F1: matched, and the speaker fuente resolved is the gold one: the author where the
  gold is the author's, else its name shares a word of three letters or more with the gold
  ``speaker`` (accents and case ignored) — what a dropped subject is scored by;
* speaker-kind accuracy over the matched claims, and non-response recall.

Run: .venv/bin/python bench/attribution_spanish.py [--misses]
"""

from __future__ import annotations

import argparse
import json
import re
from dataclasses import dataclass
from pathlib import Path

GOLD = Path(__file__).resolve().parent.parent / "tests" / "data" / "es" / "attribution_gold.jsonl"
WORD = re.compile(r"\w+")
Spans = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class Gold:
    content: Spans
    source: Spans | None
    cue: Spans | None
    speaker_kind: str | None
    speaker: str | None
    non_response: bool


def _nearest(text: str, needle: str, anchor: int) -> Spans:
    starts = [match.start() for match in re.finditer(re.escape(needle), text)]
    if not starts:
        raise ValueError(f"{needle!r} is not in {text!r}")
    start = min(starts, key=lambda position: abs(position - anchor))
    return ((start, start + len(needle)),)


def _locate(text: str, entry: dict) -> Gold:
    pieces = entry["content"] if isinstance(entry["content"], list) else [entry["content"]]
    content, position = [], 0
    for piece in pieces:
        start = text.find(piece, position)
        if start < 0:
            raise ValueError(f"{piece!r} is not in {text!r}")
        content.append((start, start + len(piece)))
        position = start + len(piece)
    anchor = content[0][0]
    return Gold(
        content=tuple(content),
        source=_nearest(text, entry["source"], anchor) if entry.get("source") else None,
        cue=_nearest(text, entry["cue"], anchor) if entry.get("cue") else None,
        speaker_kind=entry.get("speaker_kind"),
        speaker=entry.get("speaker"),
        non_response=bool(entry.get("non_response")),
    )


def passages(path: Path = GOLD) -> list[tuple[str, list[Gold]]]:
    """The gold passages, each with its attributions located in its text."""
    lines = path.read_text(encoding="utf-8").splitlines()
    loaded = [json.loads(line) for line in lines if line.strip()]
    return [(item["text"], [_locate(item["text"], a) for a in item["attributions"]])
            for item in loaded]  # fmt: skip


def _tokens(text: str, spans: Spans | None) -> set[int]:
    if not spans:
        return set()
    return {
        number
        for number, match in enumerate(WORD.finditer(text))
        if any(match.start() < end and start < match.end() for start, end in spans)
    }


def _spans(attribution, role: str) -> Spans | None:
    start, end = getattr(attribution, f"{role}_start"), getattr(attribution, f"{role}_end")
    return None if start is None or end is None else ((start, end),)


def _shown(text: str, spans: Spans | None) -> str | None:
    return text[spans[0][0] : spans[-1][1]] if spans else None


def _name_words(name: str | None) -> set[str]:
    from fuente.text import fold

    return {w for w in WORD.findall(fold(name or "")) if len(w) >= 3}


def _f1(matched: int, predicted: int, gold: int) -> float:
    precision = matched / predicted if predicted else 0.0
    recall = matched / gold if gold else 0.0
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score(corpus: list[tuple[str, list[Gold]]], outcomes: list) -> dict[str, float | list[str]]:
    """The figures of the module docstring, and the gold contents missed or misattributed."""
    counts = dict.fromkeys(("gold", "predicted", "matched", "sourced", "spoken", "kinds",
                            "kinds_right", "non_responses", "non_responses_found"), 0)  # fmt: skip
    misses: list[str] = []
    for (text, golds), outcome in zip(corpus, outcomes, strict=True):
        speakers = {speaker.id: speaker for speaker in outcome.speakers}
        claims = [g for g in golds if not g.non_response]
        predictions = [a for a in outcome.attributions if a.kind != "non-response"]
        counts["gold"] += len(claims)
        counts["predicted"] += len(predictions)
        gold_tokens = [_tokens(text, g.content) for g in claims]
        pred_tokens = [_tokens(text, _spans(p, "content")) for p in predictions]
        pairs = sorted(
            (-len(g & p) / max(len(g), len(p)), gi, pi)
            for gi, g in enumerate(gold_tokens)
            for pi, p in enumerate(pred_tokens)
            if g and p and len(g & p) / max(len(g), len(p)) >= 0.5
        )
        matched: dict[int, int] = {}
        for _, gi, pi in pairs:
            if gi not in matched and pi not in matched.values():
                matched[gi] = pi
        counts["matched"] += len(matched)
        for gi, gold in enumerate(claims):
            shown = text[gold.content[0][0] : gold.content[-1][1]]
            if gi not in matched:
                misses.append(f"missed: {shown}")
                continue
            prediction = predictions[matched[gi]]
            source = _tokens(text, _spans(prediction, "source"))
            if gold.source is None:
                sourced = prediction.source_start is None
            else:
                sourced = bool(_tokens(text, gold.source) & source)
            counts["sourced"] += sourced
            if not sourced:
                misses.append(f"source {_shown(text, _spans(prediction, 'source'))!r} for: {shown}")
            speaker = speakers.get(prediction.speaker or "")
            if gold.speaker_kind == "author":
                right = speaker is not None and speaker.kind == "author"
            else:
                name = speaker.name if speaker is not None else None
                right = bool(_name_words(gold.speaker) & _name_words(name))
            counts["spoken"] += right
            if not right:
                misses.append(f"speaker {name if speaker else None!r} for: {shown}")
            if gold.speaker_kind is not None:
                counts["kinds"] += 1
                counts["kinds_right"] += bool(speaker) and speaker.kind == gold.speaker_kind
        for gold in (g for g in golds if g.non_response):
            counts["non_responses"] += 1
            wanted = _tokens(text, gold.content) | _tokens(text, gold.source)
            counts["non_responses_found"] += any(
                wanted & _tokens(text, _spans(a, "content"))
                for a in outcome.attributions
                if a.kind == "non-response"
            )
    n_gold, n_predicted = counts["gold"], counts["predicted"]
    return {
        "content_relaxed_f1": _f1(counts["matched"], n_predicted, n_gold),
        "who_said_what_f1": _f1(counts["sourced"], n_predicted, n_gold),
        "speaker_f1": _f1(counts["spoken"], n_predicted, n_gold),
        "speaker_kind_accuracy": counts["kinds_right"] / counts["kinds"] if counts["kinds"] else 0,
        "non_response_recall": (
            counts["non_responses_found"] / counts["non_responses"]
            if counts["non_responses"] else 0.0
        ),
        "gold": n_gold,
        "predicted": n_predicted,
        "misses": misses,
    }  # fmt: skip


def run(nlp=None, settings=None) -> dict[str, float | list[str]]:
    """fuente on the gold passages, scored; ``nlp`` is a pipeline or fuente's ``Pipelines``."""
    from fuente.pipeline import process
    from fuente.records import RawArticle
    from fuente.settings import load_settings

    settings = settings or load_settings()
    corpus = passages()
    articles = [
        RawArticle(id=f"es-gold-{number}", path=f"es-gold-{number}.txt", text=text,
                   format="text", meta={"language": "es"})
        for number, (text, _) in enumerate(corpus)
    ]  # fmt: skip
    if nlp is None:
        from fuente.nlp.annotate import Pipelines

        nlp = Pipelines(settings)
    return score(corpus, list(process(articles, nlp=nlp, settings=settings)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print what was missed")
    args = parser.parse_args()
    figures = run()
    print(f"{len(passages())} passages, {figures['gold']} gold claims, "
          f"{figures['predicted']} predicted")  # fmt: skip
    for name in ("content_relaxed_f1", "who_said_what_f1", "speaker_f1",
                 "speaker_kind_accuracy", "non_response_recall"):  # fmt: skip
        print(f"{name:24} {figures[name]:.3f}")
    if args.misses:
        for miss in figures["misses"]:
            print(" ", miss)
    print("command: .venv/bin/python bench/attribution_spanish.py" + (" --misses" * args.misses))


if __name__ == "__main__":
    main()
