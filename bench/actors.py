"""Actor identity on PolNeAR dev: fuente's corpus-wide person clusters against the gold set.

The dev texts (``--polnear``/dev/text/*.txt, all 84 unless ``--annotated-only``) are ingested
with fuente into a temporary database; the system's answer is then read back with sqlite3:

* a mention's cluster is the actor its entity is linked to (``actor_links.actor``, the link
  whose ``ref`` is the entity, or the speaker for a speaker with no entity); an entity left
  unlinked (an ambiguous bare surname) is its own cluster; where the database has no
  ``actors``/``actor_links`` tables, each ``entities`` row is its own cluster
  (the per-document fallback) and the output says so;
* a description's resolution is the cluster of the mention or attributed speaker whose span
  overlaps it most (``attributions.source_start/end`` -> ``speakers.entity``); a speaker
  without an entity leaves it unnamed.

Printed: B-cubed precision, recall and F1 over the gold person mentions of the annotated dev
articles (``tests/data/actors_gold/dev.jsonl``, scored by ``bench/actor_gold.py``); description
accuracy; for the 10 gold people with the most mentions, the number of distinct actor records
(distinct actor ids, or distinct entity names in the fallback) among their matched mentions in
the annotated articles and among the mentions of their full names in all ingested articles; and
the share of singular "the X" speakers left unnamed (speakers whose description starts with
"the ", whose count is 1 and whose kind is not document, outlet or author; unnamed = kind
``unnamed``), the resolved ones counted in as the descriptions ("the senator") inside a
speaker's source words, once per article each.

Run: .venv/bin/python bench/actors.py [--annotated-only] [--polnear ../shared/data/polnear]
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from actor_gold import (
    Article,
    Span,
    clusters_of,
    description_score,
    load_split,
    person_b_cubed,
    top_people,
)

from fuente.ingest import ingest
from fuente.settings import Settings, load_settings
from fuente.store.connect import open_store

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
TARGET_F1 = 0.95
NOT_SPEAKING_FOR_ANYONE = ("document", "outlet", "author")


@dataclass(frozen=True, slots=True)
class System:
    """What a database says about identity: clusters of mention spans and of resolved spans."""

    mode: str  # "actors" or "entities" (the per-document fallback)
    mentions: dict[Span, str | None]
    descriptions: dict[Span, str | None]
    names: dict[str, str]  # cluster -> the name of its record
    texts: dict[Span, str]  # mention span -> its text


# --- reading a database -----------------------------------------------------------------------


def tables(db: sqlite3.Connection) -> set[str]:
    return {name for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def article_keys(db: sqlite3.Connection) -> dict[str, str]:
    """Document id -> the gold set's article key (the file name; ``file#record`` for JSON Lines,
    whose documents are stored with the path ``file.jsonl:N``)."""
    keys = {}
    for doc, path in db.execute("SELECT id, path FROM documents"):
        name = os.path.basename(path)
        if ".jsonl:" in name:
            keys[doc] = f"{name.rsplit(':', 1)[0]}#{doc}"
        else:
            keys[doc] = name
    return keys


def read_system(db: sqlite3.Connection) -> System:
    keys = article_keys(db)
    linked = {"actors", "actor_links"} <= tables(db)
    names: dict[str, str] = {}
    cluster_of: dict[str, str] = {}
    for entity, name in db.execute("SELECT id, name FROM entities"):
        cluster_of[entity] = entity
        names[entity] = name
    if linked:
        rows = db.execute(
            "SELECT l.ref, l.actor, a.name FROM actor_links l JOIN actors a ON a.id = l.actor"
        )
        for entity, actor, name in rows:
            cluster_of[entity] = f"actor:{actor}"
            names[f"actor:{actor}"] = name or str(actor)
    mentions: dict[Span, str | None] = {}
    texts: dict[Span, str] = {}
    for doc, entity, start, end, text in db.execute(
        "SELECT doc, entity, start_char, end_char, text FROM mentions"
    ):
        span = (keys[doc], start, end)
        mentions[span] = cluster_of.get(entity, entity)
        texts[span] = text
    descriptions: dict[Span, str | None] = dict(mentions)
    for doc, start, end, entity, speaker in db.execute(
        "SELECT a.doc, a.source_start, a.source_end, s.entity, s.id FROM attributions a"
        " JOIN speakers s ON s.id = a.speaker WHERE a.source_start IS NOT NULL"
    ):
        span = (keys[doc], start, end)
        if span not in descriptions:
            ref = entity or speaker
            descriptions[span] = cluster_of.get(ref, entity) if ref else None
    return System("actors" if linked else "entities", mentions, descriptions, names, texts)


def the_x_speakers(db: sqlite3.Connection) -> tuple[int, int]:
    """(left unnamed, all) among the singular "the X" speakers."""
    placeholders = ", ".join("?" for _ in NOT_SPEAKING_FOR_ANYONE)
    row = db.execute(
        "SELECT SUM(kind = 'unnamed'), COUNT(*) FROM speakers"
        " WHERE lower(description) LIKE 'the %' AND count = '1'"
        f" AND kind NOT IN ({placeholders})",
        NOT_SPEAKING_FOR_ANYONE,
    ).fetchone()
    # resolved ones speak as the person or body now: count each description once per article
    resolved = db.execute(
        "SELECT count(DISTINCT a.doc || '|' || lower(m.text)) FROM attributions a"
        " JOIN mentions m ON m.doc = a.doc AND m.label = 'DESCRIPTION'"
        " AND m.start_char >= a.source_start AND m.end_char <= a.source_end"
        " WHERE lower(m.text) LIKE 'the %'"
    ).fetchone()[0]
    return int(row[0] or 0), int(row[1]) + int(resolved or 0)


# --- figures ----------------------------------------------------------------------------------


def records_among(system: System, clusters: Iterable[str | None]) -> int:
    """Distinct actor records among clusters: actor ids, or entity names in the fallback."""
    found = {cluster for cluster in clusters if cluster is not None}
    if system.mode == "actors":
        return len(found)
    return len({system.names.get(cluster, cluster) for cluster in found})


def full_names(articles: Iterable[Article]) -> dict[str, set[str]]:
    """Each gold person's names of two words or more, as written in the gold set."""
    names: dict[str, set[str]] = defaultdict(set)
    for article in articles:
        for mention in article.mentions:
            if mention.kind == "person" and len(mention.text.split()) >= 2:
                names[mention.identity].add(mention.text)
    return names


def top_people_lines(articles: list[Article], system: System) -> list[str]:
    matched = clusters_of(articles, system.mentions)
    by_identity: dict[str, list[str | None]] = defaultdict(list)
    for article in articles:
        for mention in article.mentions:
            if mention.kind == "person":
                span = (article.key, mention.start, mention.end)
                by_identity[mention.identity].append(matched[span])
    names = full_names(articles)
    by_text: dict[str, list[str | None]] = defaultdict(list)
    for span, text in system.texts.items():
        by_text[text].append(system.mentions[span])
    lines = [
        f"{'person':<22}{'gold mentions':>14}{'records (annotated)':>21}{'(all, full name)':>18}"
    ]
    ones = 0
    for identity, count in top_people(articles):
        annotated = records_among(system, by_identity[identity])
        everywhere = records_among(
            system, (cluster for text in names[identity] for cluster in by_text.get(text, ()))
        )
        ones += annotated == 1
        lines.append(f"{identity:<22}{count:>14}{annotated:>21}{everywhere:>18}")
    verdict = "met" if ones == len(lines) - 1 else "not met"
    lines.append(
        f"top-10 people that are one actor record in the annotated articles: {ones}/"
        f"{len(lines) - 1} (target: each of them one actor; {verdict})"
    )
    return lines


# --- running ----------------------------------------------------------------------------------


def ingest_texts(paths: list[Path], db_path: Path, settings: Settings) -> list[str]:
    problems = []
    with open_store(db_path) as store:
        for outcome in ingest([str(path) for path in paths], store=store, settings=settings):
            if outcome.status not in ("stored", "updated", "unchanged"):
                problems.append(f"{outcome.path}: {outcome.status} {outcome.detail}")
    return problems


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=DEFAULT_POLNEAR)
    parser.add_argument(
        "--annotated-only", action="store_true", help="ingest only the annotated dev articles"
    )
    args = parser.parse_args()

    gold = load_split("dev")
    folder = args.polnear / "dev" / "text"
    if not folder.is_dir():
        sys.exit(f"bench/actors.py: no dev/text under {args.polnear} (see --polnear)")
    annotated = {article.file for article in gold}
    paths = sorted(folder.glob("*.txt"))
    if args.annotated_only:
        paths = [path for path in paths if path.name in annotated]
    missing = annotated - {path.name for path in paths}
    if missing:
        sys.exit(f"bench/actors.py: annotated articles missing from {folder}: {sorted(missing)}")

    began = time.perf_counter()
    settings = load_settings()
    with tempfile.TemporaryDirectory() as tmp:
        db_path = Path(tmp) / "actors.db"
        problems = ingest_texts(paths, db_path, settings)
        db = sqlite3.connect(db_path)
        system = read_system(db)
        unnamed, singular = the_x_speakers(db)
        db.close()

    score = person_b_cubed(gold, system.mentions)
    described = description_score(gold, system.mentions, system.descriptions)
    people = [m.identity for a in gold for m in a.mentions if m.kind == "person"]
    print(f"command: {' '.join([Path(sys.executable).name, *sys.argv])}")
    print(f"model: {settings.model}")
    print(
        f"PolNeAR dev: {len(paths)} articles ingested, {len(gold)} annotated "
        f"({len(people)} gold person mentions of {len(set(people))} people, "
        f"{described.named + described.unnamed} descriptions); whole run "
        f"{time.perf_counter() - began:.0f} s"
    )
    if system.mode == "entities":
        print(
            "clusters: no actors/actor_links tables in the database: fallback, each "
            "per-document entity is its own cluster"
        )
    else:
        print("clusters: corpus-wide actors (actor_links.actor)")
    print(
        f"B-cubed (person mentions): P {score.precision:.3f}  R {score.recall:.3f}  "
        f"F1 {score.f1:.3f}"
    )
    print(
        f"descriptions: accuracy {described.accuracy:.3f} (named: {described.named_right}/"
        f"{described.named} resolved to the right actor; unnamed: {described.unnamed_right}/"
        f"{described.unnamed} left unnamed)"
    )
    for line in top_people_lines(gold, system):
        print(line)
    share = unnamed / singular if singular else 0.0
    print(
        f'singular "the X" speakers left unnamed ({len(paths)} articles): {unnamed}/{singular} '
        f"= {share:.3f}"
    )
    verdict = "met" if score.f1 >= TARGET_F1 else "not met"
    print(f"target B-cubed F1 >= {TARGET_F1}: {score.f1:.3f} ({verdict})")
    for problem in problems:
        print(f"note: {problem}")


if __name__ == "__main__":
    main()
