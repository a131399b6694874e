"""Articles in two languages: each labelled with its language on every page and JSON twin,
the language facet narrowing the search, and accents folded wherever a query is read (the
query API, the web search, ``fuente search``)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from webrecords import V, reply_records, sentences, span, talks_records

from fuente.cli import main
from fuente.query.search import search
from fuente.records import ArticleRecords, Attribution, Document, Entity, Mention, Speaker
from fuente.store.connect import open_store
from fuente.web.responses import language_name

CRISIS = (
    "La economía de Marovia lleva un mes en crisis, según el banco central.\n\n"
    "«No habrá devaluación», dijo la ministra Ana López en Port Selden.\n\n"
    "La maestra Lucía Rodríguez marchó con el sindicato hasta el ministerio.\n"
)


def crisis_records() -> ArticleRecords:
    """A Spanish article, with a statement by the speaker of the English ``talks``."""
    doc, text = "crisis", CRISIS
    document = Document(
        doc, "crisis.txt", "txt", text, "hash-crisis", V, title="La economía en crisis",
        outlet="Diario del Estrecho", language="es", published="2025-03-20",
    )  # fmt: skip
    lopez = Entity(f"{doc}#e1", doc, "Ana López", "PERSON", V)
    speaker = Speaker(f"{doc}#s1", doc, "person", "Ana López", V, entity=lopez.id)
    said = Attribution(
        f"{doc}#a1", doc, "direct", *span(text, "No habrá devaluación"), V,
        *span(text, "dijo"), *span(text, "la ministra Ana López"), speaker=speaker.id,
    )  # fmt: skip
    return ArticleRecords(
        document=document,
        sentences=sentences(doc, text),
        entities=(lopez,),
        mentions=(Mention(doc, lopez.id, *span(text, "Ana López"), "Ana López", "PERSON", V),),
        speakers=(speaker,),
        attributions=(said,),
    )


@pytest.fixture
def two_languages(tmp_path: Path) -> Path:
    path = tmp_path / "languages.db"
    with open_store(path) as store:
        store.write(talks_records())
        store.write(reply_records())
        store.write(crisis_records())
    return path


@pytest.fixture
def client(two_languages: Path) -> Iterator:
    from fastapi.testclient import TestClient

    from fuente.web import create_app

    with TestClient(create_app(two_languages)) as opened:
        yield opened


def test_web_languages_names_stay_english() -> None:
    assert [language_name(code) for code in ("en", "es", "pt", None)] == [
        "English", "Spanish", "pt", "language unknown"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("query", "doc"),
    [
        ("rodriguez", "crisis"),
        ("RODRIGUEZ", "crisis"),
        ("Rodríguez", "crisis"),
        ("economia", "crisis"),
        ('"lucia rodriguez"', "crisis"),
        ("devaluacion", "crisis"),
        ("lopez", "talks"),
    ],
)
def test_search_languages_accents_are_folded(two_languages: Path, query: str, doc: str) -> None:
    with open_store(two_languages) as store:
        found = search(store, query)
    assert found["total"] >= 1
    assert doc in {hit["doc"] for hit in found["hits"]}


def test_search_languages_facet_counts_and_narrows(two_languages: Path) -> None:
    with open_store(two_languages) as store:
        every = search(store, "López")
        spanish = search(store, "López", filters={"language": "es"})
    counts = {item["value"]: item["count"] for item in every["facets"]["language"]}
    assert set(counts) == {"en", "es"} and sum(counts.values()) == every["total"]
    assert spanish["total"] == counts["es"] < every["total"]
    assert {hit["language"] for hit in spanish["hits"]} == {"es"}
    assert "crisis" in {hit["doc"] for hit in spanish["hits"]}
    chosen = [item for item in spanish["facets"]["language"] if item["chosen"]]
    assert [item["value"] for item in chosen] == ["es"]


def test_web_languages_search_page_labels_and_filters(client) -> None:
    page = client.get("/search?q=lopez")
    assert page.status_code == 200
    assert 'data-language="es">Spanish</span>' in page.text
    assert 'data-language="en">English</span>' in page.text
    assert 'href="/search?q=lopez&amp;language=es">Spanish</a>' in page.text
    assert '<p class="passage" lang="es">' in page.text
    narrowed = client.get("/search?q=lopez&language=es")
    assert "× Spanish" in narrowed.text
    assert 'data-language="en"' not in narrowed.text
    twin = client.get("/search.json?q=lopez&language=es").json()
    assert twin["filters"] == {"language": "es"}
    assert {hit["language"] for hit in twin["hits"]} == {"es"}


def test_web_languages_article_page_and_twin(client) -> None:
    page = client.get("/article/crisis")
    assert '<div class="text" id="text" lang="es">' in page.text
    assert 'data-language="es">Spanish</span>' in page.text
    assert client.get("/article/crisis.json").json()["document"]["language"] == "es"
    english = client.get("/article/talks")
    assert 'lang="en"' in english.text and ">English</span>" in english.text


def test_web_languages_dossier_labels_each_article(client) -> None:
    twin = client.get("/speaker/named/ana-lopez.json").json()
    languages = {item["document"]["id"]: item["document"]["language"] for item in twin["items"]}
    assert languages["crisis"] == "es" and languages["talks"] == "en"
    page = client.get("/speaker/named/ana-lopez")
    assert ">Spanish</span>" in page.text and ">English</span>" in page.text
    assert '<p class="sentence" lang="es">' in page.text


def test_cli_search_folds_accents_and_narrows_by_language(two_languages: Path) -> None:
    runner = CliRunner()
    found = runner.invoke(main, ["search", "--db", str(two_languages), "rodriguez"])
    assert found.exit_code == 0, found.output
    assert "crisis (es) text" in found.output and "[Rodríguez]" in found.output
    spanish = runner.invoke(
        main, ["search", "--db", str(two_languages), "lopez", "--language", "es", "--json"]
    )
    hits = [json.loads(line) for line in spanish.stdout.splitlines()]
    assert hits and {hit["language"] for hit in hits} == {"es"}
    none = runner.invoke(main, ["search", "--db", str(two_languages), "nadie"])
    assert none.exit_code == 0 and "0 results" in none.output
