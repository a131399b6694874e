"""The actor-identity gold set is well formed and its offsets slice the sources; the scorer
(``bench/actor_gold.py``) gives the right B-cubed and description figures on tiny cases."""

from __future__ import annotations

import importlib.util
import itertools
import re
import sys
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import pytest

from fuente.readers.inputs import read_inputs
from fuente.records import RawArticle

ROOT = Path(__file__).resolve().parents[1]
POLNEAR = ROOT.parent / "shared" / "data" / "polnear"
EXAMPLES = ROOT / "examples"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
ARTICLES = ("the", "The", "el", "El", "la", "La")  # the demo has one article in Spanish


def bench_module(name: str) -> ModuleType:
    """A module of bench/ (a folder of scripts, not a package), imported once."""
    if name not in sys.modules:
        spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[name] = module
        spec.loader.exec_module(module)
    return sys.modules[name]


gold = bench_module("actor_gold")


def demo_texts(settings) -> dict[str, str]:
    """The demo articles' texts as fuente stores them, by gold article key."""
    texts = {}
    for raw in read_inputs([str(EXAMPLES)], settings=settings):
        assert isinstance(raw, RawArticle), raw
        name = Path(raw.path).name.rsplit(":", 1)[0]
        texts[f"{name}#{raw.id}" if name.endswith(".jsonl") else name] = raw.text
    return texts


def polnear_text(split: str, name: str) -> str:
    with open(POLNEAR / split / "text" / name, encoding="utf-8") as handle:
        return handle.read()


# --- the gold files ----------------------------------------------------------------------------


@pytest.mark.parametrize("split", gold.SPLITS)
def test_actor_gold_records_are_well_formed(split):
    articles = gold.load_split(split)
    assert len({article.key for article in articles}) == len(articles)
    for article in articles:
        assert article.mentions, article.key
        for mention in article.mentions:
            assert mention.kind in gold.KINDS, (article.key, mention)
            assert SLUG.match(mention.identity), (article.key, mention)
            assert 0 <= mention.start < mention.end, (article.key, mention)
        spans = [(mention.start, mention.end) for mention in article.mentions]
        assert spans == sorted(spans), article.key
        for (_, end), (start, _) in itertools.pairwise(spans):
            assert end <= start, f"{article.key}: mentions overlap at {start}"
        for description in article.descriptions:
            assert description.identity is None or SLUG.match(description.identity)
            assert description.text.split()[0] in ARTICLES, (article.key, description)
            assert 0 <= description.start < description.end, (article.key, description)


def test_actor_gold_sizes_and_kinds():
    train, dev = gold.load_split("train"), gold.load_split("dev")
    assert len(train) >= 30 and len(dev) >= 20
    assert not {a.file for a in train} & {a.file for a in dev}
    kinds = defaultdict(set)
    for split in gold.SPLITS:
        for article in gold.load_split(split):
            for mention in article.mentions:
                kinds[mention.identity].add(mention.kind)
    assert {identity for identity, found in kinds.items() if len(found) > 1} == set()


@pytest.mark.parametrize("split", ("train", "dev"))
def test_actor_gold_offsets_slice_polnear(split):
    if not POLNEAR.is_dir():
        pytest.skip("../shared/data/polnear is absent: the PolNeAR texts are needed")
    for article in gold.load_split(split):
        text = polnear_text(split, article.file)
        for item in (*article.mentions, *article.descriptions):
            assert text[item.start : item.end] == item.text, (article.file, item)


def test_actor_gold_offsets_slice_demo(settings):
    texts = demo_texts(settings)
    articles = gold.load_split("demo")
    # 16-19 (the wire story, its reprints and the relay) are annotated for corroboration
    # (tests/data/corroboration_gold.jsonl), not yet for actors; nor are the Spanish 20-22.
    unannotated = {"16-budget-freeze.txt", "17-budget-freeze-harbor-post.txt",
                   "18-budget-freeze-marovia-today.html", "19-teachers-strike.txt",
                   "20-congelacion-salarial-es.txt", "21-huelga-maestros-es.txt",
                   "22-ayuda-vestmark-es.txt"}  # fmt: skip
    assert {article.key for article in articles} == set(texts) - unannotated
    for article in articles:
        text = texts[article.key]
        for item in (*article.mentions, *article.descriptions):
            assert text[item.start : item.end] == item.text, (article.key, item)


# --- B-cubed -----------------------------------------------------------------------------------

GOLD = {("a", 0, 1): "x", ("a", 2, 3): "x", ("a", 4, 5): "y"}
A, B, C = GOLD


@pytest.mark.parametrize(
    ("system", "precision", "recall"),
    [
        ({A: "1", B: "1", C: "2"}, 1.0, 1.0),
        ({}, 1.0, 2 / 3),
        ({A: None, B: None, C: None}, 1.0, 2 / 3),
        ({A: "1", B: "1", C: "1"}, 5 / 9, 1.0),
        ({A: "1", B: "2", C: "2"}, 2 / 3, 2 / 3),
        ({A: "1", B: "1", C: "2", ("a", 9, 10): "2"}, 1.0, 1.0),  # spans outside gold: ignored
    ],
)
def test_actor_gold_b_cubed(system, precision, recall):
    score = gold.b_cubed(GOLD, system)
    assert score.precision == pytest.approx(precision)
    assert score.recall == pytest.approx(recall)
    assert score.f1 == pytest.approx(2 * precision * recall / (precision + recall))


def test_actor_gold_b_cubed_of_nothing():
    assert gold.b_cubed({}, {}).f1 == 0.0


def article(mentions, descriptions=()):
    return gold.Article(
        file="doc.txt",
        article=None,
        mentions=tuple(gold.Mention(*m) for m in mentions),
        descriptions=tuple(gold.Description(*d) for d in descriptions),
    )


ONE = article(
    [
        (0, 12, "Donald Trump", "person", "donald-trump"),
        (20, 25, "Trump", "person", "donald-trump"),
        (30, 37, "Clinton", "person", "hillary-clinton"),
        (40, 43, "GOP", "organisation", "republican-party"),
    ],
    [
        (50, 62, "the business", "donald-trump"),
        (70, 78, "the aide", None),
        (80, 95, "the GOP nominee", "donald-trump"),
    ],
)


def test_actor_gold_mentions_match_by_overlap():
    # "President Trump" and "Clinton's" overlap the gold spans; the organisation is not scored.
    system = {("doc.txt", 0, 12): "t", ("doc.txt", 10, 25): "t", ("doc.txt", 30, 39): "c"}
    assert gold.person_b_cubed([ONE], system).f1 == 1.0
    assert gold.person_b_cubed([ONE], {("doc.txt", 0, 12): "t"}).recall == pytest.approx(2 / 3)


def test_actor_gold_descriptions():
    mentions = {("doc.txt", 0, 12): "t", ("doc.txt", 20, 25): "t", ("doc.txt", 40, 43): "r"}
    right = {**mentions, ("doc.txt", 50, 62): "t", ("doc.txt", 80, 95): "t"}
    assert gold.description_score([ONE], mentions, right).accuracy == 1.0
    # A name inside a description does not resolve it; an unnamed one given an actor is wrong.
    wrong = {
        **mentions,
        ("doc.txt", 50, 62): "c",
        ("doc.txt", 70, 78): "t",
        ("doc.txt", 84, 87): "r",
    }
    score = gold.description_score([ONE], mentions, wrong)
    assert (score.named_right, score.named, score.unnamed_right, score.unnamed) == (0, 2, 0, 1)


@pytest.mark.parametrize(
    ("text", "head"),
    [("the senator", "senator"), ("the attorney general of Florida", "general")],
)
def test_actor_gold_head_span(text, head):
    start, end = gold.head_span(gold.Description(100, 100 + len(text), text, None))
    assert text[start - 100 : end - 100] == head


# --- reading a database (bench/actors.py) ------------------------------------------------------

SCHEMA = """
CREATE TABLE documents (id TEXT, path TEXT, text TEXT);
CREATE TABLE entities (id TEXT, doc TEXT, name TEXT, type TEXT);
CREATE TABLE mentions (doc TEXT, entity TEXT, start_char INT, end_char INT, text TEXT, label TEXT);
CREATE TABLE speakers (id TEXT, doc TEXT, kind TEXT, name TEXT, description TEXT, count TEXT,
                       entity TEXT);
CREATE TABLE attributions (doc TEXT, speaker TEXT, source_start INT, source_end INT);
INSERT INTO documents VALUES ('d1', '/x/one.txt', ''), ('r7', 'examples/many.jsonl:2', '');
INSERT INTO entities VALUES ('d1#e1', 'd1', 'Donald Trump', 'PERSON'),
                            ('r7#e1', 'r7', 'Trump', 'PERSON');
INSERT INTO mentions VALUES ('d1', 'd1#e1', 0, 12, 'Donald Trump', 'PERSON'),
                            ('r7', 'r7#e1', 5, 10, 'Trump', 'PERSON');
INSERT INTO speakers VALUES ('s1', 'd1', 'unnamed', 'senator', 'the senator', '1', NULL),
                            ('s2', 'd1', 'person', 'Donald Trump', 'the businessman', '1', 'd1#e1'),
                            ('s3', 'd1', 'unnamed', 'aides', 'the aides', 'many', NULL);
INSERT INTO attributions VALUES ('d1', 's1', 20, 31), ('d1', 's2', 40, 55), ('d1', NULL, 1, 2);
"""
ACTORS = """
CREATE TABLE actors (id INT, name TEXT, kind TEXT, country TEXT, sector TEXT, kb TEXT,
                     version TEXT);
CREATE TABLE actor_links (ref TEXT PRIMARY KEY, doc TEXT, actor INT, name TEXT, kind TEXT,
                          aliases TEXT, reason TEXT, version TEXT);
INSERT INTO actors VALUES (1, 'Donald Trump', 'person', 'US', NULL, NULL, 'v');
INSERT INTO actor_links VALUES ('d1#e1', 'd1', 1, 'Donald Trump', 'person', '{}', 'name', 'v'),
                               ('r7#e1', 'r7', 1, 'Trump', 'person', '{}', 'name', 'v');
"""


@pytest.mark.parametrize("linked", [False, True])
def test_actor_gold_read_system(linked):
    import sqlite3

    actors = bench_module_with_siblings("actors")
    db = sqlite3.connect(":memory:")
    db.executescript(SCHEMA + (ACTORS if linked else ""))
    system = actors.read_system(db)
    one, many = ("one.txt", 0, 12), ("many.jsonl#r7", 5, 10)
    if linked:
        assert system.mode == "actors"
        assert system.mentions[one] == system.mentions[many] == "actor:1"
    else:
        assert system.mode == "entities"
        assert system.mentions == {one: "d1#e1", many: "r7#e1"}
    assert system.descriptions[("one.txt", 20, 31)] is None
    assert system.descriptions[("one.txt", 40, 55)] == system.mentions[one]
    assert actors.records_among(system, system.mentions.values()) == (1 if linked else 2)
    assert actors.the_x_speakers(db) == (1, 2)


def bench_module_with_siblings(name: str) -> ModuleType:
    """A bench/ script that imports its siblings (as ``python bench/x.py`` lets it)."""
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        return bench_module(name)
    finally:
        sys.path.remove(str(ROOT / "bench"))
