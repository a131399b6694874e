"""The actor-identity gold set and its scores: B-cubed over person mentions, description accuracy.

``tests/data/actors_gold/{train,dev,demo}.jsonl`` hold, one line per article, stand-off
annotations (see the README beside them): ``file`` (the file's name; for a JSON Lines file also
``article``, the record's id), ``mentions`` (``start``, ``end``, ``text``, ``kind`` person or
organisation, ``identity`` a corpus-wide slug) and ``descriptions`` (``start``, ``end``, ``text``,
``identity`` a slug or null).

A system answer is a mapping ``{(key, start, end): cluster or None}`` from the spans of its
mentions to a cluster id, where ``key`` is the article's key (``Article.key``). Scoring is pure:

* a gold mention is matched to the system span that overlaps it most (ties: the earlier span);
  a gold mention with no overlapping span, or whose span has no cluster, is a singleton;
* B-cubed precision and recall are averaged over the gold person mentions, system clusters being
  cut down to the gold mentions they hold (Bagga and Baldwin, 1998);
* a description is resolved by the system span that overlaps its head word most (the last word
  before any "of": "the attorney general of Florida" -> "general"), so that a name inside it
  ("the GOP nominee") does not count as resolving it; it is right when the gold identity is
  null and the system gives it no cluster, or when the system's cluster is the identity's
  cluster: the cluster most of that identity's gold mentions in the same article fall in, else
  (an identity the article never names) the one most of its gold mentions in the set fall in.

Nothing here reads a database or a model; ``bench/actors.py`` and the tests do that.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

GOLD_DIR = Path(__file__).resolve().parent.parent / "tests" / "data" / "actors_gold"
SPLITS = ("train", "dev", "demo")
KINDS = ("person", "organisation")

Span = tuple[str, int, int]
Assignment = Mapping[Span, str | None]


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    text: str
    kind: str
    identity: str


@dataclass(frozen=True, slots=True)
class Description:
    start: int
    end: int
    text: str
    identity: str | None


@dataclass(frozen=True, slots=True)
class Article:
    file: str
    article: str | None
    mentions: tuple[Mention, ...]
    descriptions: tuple[Description, ...]

    @property
    def key(self) -> str:
        """The article's name in spans: the file, or ``file#record`` for a JSON Lines record."""
        return self.file if self.article is None else f"{self.file}#{self.article}"


@dataclass(frozen=True, slots=True)
class Score:
    precision: float
    recall: float

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 0.0 if total == 0 else 2 * self.precision * self.recall / total


@dataclass(frozen=True, slots=True)
class DescriptionScore:
    named_right: int
    named: int
    unnamed_right: int
    unnamed: int

    @property
    def accuracy(self) -> float:
        total = self.named + self.unnamed
        return 0.0 if total == 0 else (self.named_right + self.unnamed_right) / total


# --- reading ----------------------------------------------------------------------------------


def parse_article(record: dict) -> Article:
    return Article(
        file=record["file"],
        article=record.get("article"),
        mentions=tuple(Mention(**mention) for mention in record["mentions"]),
        descriptions=tuple(Description(**item) for item in record["descriptions"]),
    )


def load_split(split: str, *, folder: Path = GOLD_DIR) -> list[Article]:
    with open(folder / f"{split}.jsonl", encoding="utf-8") as lines:
        return [parse_article(json.loads(line)) for line in lines if line.strip()]


# --- matching ---------------------------------------------------------------------------------


def _index(system: Assignment) -> dict[str, list[tuple[int, int, str | None]]]:
    by_key: dict[str, list[tuple[int, int, str | None]]] = defaultdict(list)
    for (key, start, end), cluster in system.items():
        by_key[key].append((start, end, cluster))
    for spans in by_key.values():
        spans.sort(key=lambda span: (span[0], span[1]))
    return by_key


def _best(spans: list[tuple[int, int, str | None]], start: int, end: int) -> str | None:
    best, best_overlap = None, 0
    for span_start, span_end, cluster in spans:
        overlap = min(end, span_end) - max(start, span_start)
        if overlap > best_overlap:
            best, best_overlap = cluster, overlap
    return best


def clusters_of(
    articles: Iterable[Article], system: Assignment, *, kind: str | None = "person"
) -> dict[Span, str | None]:
    """The system cluster of each gold mention (of ``kind``; all mentions when None)."""
    index = _index(system)
    found: dict[Span, str | None] = {}
    for article in articles:
        spans = index.get(article.key, [])
        for mention in article.mentions:
            if kind is None or mention.kind == kind:
                span = (article.key, mention.start, mention.end)
                found[span] = _best(spans, mention.start, mention.end)
    return found


# --- B-cubed ----------------------------------------------------------------------------------


def b_cubed(gold: Mapping[Span, str], system: Mapping[Span, str | None]) -> Score:
    """B-cubed precision and recall of ``system`` clusters against ``gold`` identities, over the
    items of ``gold``. An item missing from ``system`` or mapped to None is a singleton."""
    if not gold:
        return Score(0.0, 0.0)
    gold_sizes = Counter(gold.values())
    system_of = {item: system.get(item) for item in gold}
    system_sizes = Counter(cluster for cluster in system_of.values() if cluster is not None)
    shared = Counter(
        (gold[item], cluster) for item, cluster in system_of.items() if cluster is not None
    )
    precision = recall = 0.0
    for item, identity in gold.items():
        cluster = system_of[item]
        if cluster is None:
            common, system_size = 1, 1
        else:
            common, system_size = shared[identity, cluster], system_sizes[cluster]
        precision += common / system_size
        recall += common / gold_sizes[identity]
    return Score(precision / len(gold), recall / len(gold))


def person_b_cubed(articles: Iterable[Article], system: Assignment) -> Score:
    articles = list(articles)
    gold = {
        (article.key, mention.start, mention.end): mention.identity
        for article in articles
        for mention in article.mentions
        if mention.kind == "person"
    }
    return b_cubed(gold, clusters_of(articles, system))


# --- descriptions -----------------------------------------------------------------------------


def _majority(clusters: Iterable[str | None]) -> str | None:
    counts = Counter(cluster for cluster in clusters if cluster is not None)
    return min(counts, key=lambda cluster: (-counts[cluster], cluster)) if counts else None


def head_span(description: Description) -> tuple[int, int]:
    """The character span of a description's head word: its last word before any " of "."""
    text = description.text
    before = text.split(" of ", 1)[0].rstrip()
    words = before.split()
    last = words[-1] if words else before
    start = before.rfind(last)
    return description.start + start, description.start + start + len(last)


def description_score(
    articles: Iterable[Article], system: Assignment, descriptions: Assignment
) -> DescriptionScore:
    """How many gold descriptions the system resolved to the right actor or left unnamed.

    ``system`` clusters the mentions (as for B-cubed); ``descriptions`` maps the spans the system
    resolved (a speaker's source, a mention) to a cluster, or None where it left one unnamed."""
    articles = list(articles)
    mention_clusters = clusters_of(articles, system, kind=None)
    local: dict[tuple[str, str], list[str | None]] = defaultdict(list)
    corpus: dict[str, list[str | None]] = defaultdict(list)
    for article in articles:
        for mention in article.mentions:
            cluster = mention_clusters[article.key, mention.start, mention.end]
            local[article.key, mention.identity].append(cluster)
            corpus[mention.identity].append(cluster)
    index = _index(descriptions)
    named_right = named = unnamed_right = unnamed = 0
    for article in articles:
        spans = index.get(article.key, [])
        for description in article.descriptions:
            given = _best(spans, *head_span(description))
            if description.identity is None:
                unnamed += 1
                unnamed_right += given is None
                continue
            named += 1
            expected = _majority(local.get((article.key, description.identity), ()))
            if expected is None:
                expected = _majority(corpus.get(description.identity, ()))
            named_right += given is not None and given == expected
    return DescriptionScore(named_right, named, unnamed_right, unnamed)


def top_people(articles: Iterable[Article], *, count: int = 10) -> list[tuple[str, int]]:
    """The ``count`` gold people with the most mentions, with their number of mentions."""
    counts = Counter(
        mention.identity
        for article in articles
        for mention in article.mentions
        if mention.kind == "person"
    )
    return sorted(counts.items(), key=lambda pair: (-pair[1], pair[0]))[:count]
