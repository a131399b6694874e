"""One read model: only the store runs SQL, and a record has one shape everywhere.

``fuente export``, the CLI and the web UI's JSON twins read the store through the same
``fuente.query`` functions; the web only adds the addresses it shows a record at.
"""

from __future__ import annotations

import ast
import io
import json
import re
from pathlib import Path

import pytest
from webrecords import add_events

from fuente.query.export import export
from fuente.store.connect import open_reader

PACKAGE = Path(__file__).resolve().parents[2] / "fuente"
SQL = re.compile(r"\b(SELECT|INSERT INTO|DELETE FROM|UPDATE \w+ SET|PRAGMA|CREATE TABLE)\b")
LINKS = ("page", "url")  # what the web adds to a record: where it is shown


def docstring(node: ast.AST) -> ast.AST | None:
    body = getattr(node, "body", None)
    if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
        return body[0].value
    return None


def outside_store() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if p.relative_to(PACKAGE).parts[0] != "store")


@pytest.mark.parametrize("path", outside_store(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_read_model_only_the_store_touches_sql(path: Path) -> None:
    where = path.relative_to(PACKAGE)
    tree = ast.parse(path.read_text(encoding="utf-8"))
    documented = {id(docstring(node)) for node in ast.walk(tree)}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            assert "sqlite3" not in {a.name for a in node.names}, f"{where}:{node.lineno}"
        elif isinstance(node, ast.ImportFrom):
            assert node.module != "sqlite3", f"{where}:{node.lineno}"
        elif isinstance(node, ast.Attribute):
            assert node.attr not in ("execute", "executemany", "executescript"), (
                f"{where}:{node.lineno} runs SQL: put it in fuente/store"
            )
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) in documented:  # a docstring may name what SQLite does
                continue
            found = SQL.search(node.value)
            assert found is None, f"{where}:{node.lineno} holds SQL ({found and found[0]!r})"


def test_read_model_web_imports_no_store_but_through_query() -> None:
    for path in sorted((PACKAGE / "web").rglob("*.py")):
        text = path.read_text(encoding="utf-8")
        assert "fuente.store" not in text, path.name


def exported(db: Path, kind: str) -> dict[str, dict]:
    out = io.BytesIO()
    with open_reader(db) as store:
        export(kind, store=store, format="jsonl", out=out)
    rows = [json.loads(line) for line in out.getvalue().decode("utf-8").splitlines()]
    return {row.get("id") or (row["doc"], row["start"]): row for row in rows}


def unlinked(row: dict, links: tuple[str, ...] = LINKS) -> dict:
    """A web row without the addresses the web adds, at any depth."""
    return {
        key: unlinked(value, links) if isinstance(value, dict) else value
        for key, value in row.items()
        if key not in links
    }


def test_read_model_article_records_are_the_export_rows(client, web_db: Path) -> None:
    add_events(web_db)
    view = client.get("/article/talks.json").json()
    document = view["document"]
    assert document["page"] == "/article/talks" and "source_url" not in document
    assert document["url"] == "https://example.org/talks"  # its source, as exported
    assert unlinked(document, ("page",)) == exported(web_db, "documents")["talks"]
    attributions = exported(web_db, "attributions")
    assert view["attributions"]
    for row in view["attributions"]:
        assert unlinked(row) == attributions[row["id"]]
        assert row["speaker"] is None or row["speaker"]["url"].startswith("/speaker/")
    events = exported(web_db, "events")
    assert view["events"] and all(event == events[event["id"]] for event in view["events"])
    assert all(event["source"] is None or "start" in event["source"] for event in events.values())
    times = exported(web_db, "times")
    assert view["times"] and all(t == times[(t["doc"], t["start"])] for t in view["times"])
    entities = exported(web_db, "entities")
    for entity in view["entities"]:
        assert unlinked(entity) | {"mentions": []} == entities[entity["id"]] | {"mentions": []}


def test_read_model_dossier_and_timeline_records_are_the_export_rows(client, web_db) -> None:
    add_events(web_db)
    attributions, events = exported(web_db, "attributions"), exported(web_db, "events")
    dossier = client.get("/speaker/named/ana-lopez.json").json()
    kinds = set()
    for item in dossier["items"]:
        kinds.add(item["type"])
        assert "url" not in item["document"] and item["document"]["page"].startswith("/article/")
        if item["type"] == "event":
            assert item["event"] == events[item["event"]["id"]]
        else:
            assert unlinked(item["attribution"]) == attributions[item["attribution"]["id"]]
    assert {"said", "event"} <= kinds
    timeline = client.get("/timeline.json").json()
    assert {item["type"] for item in timeline["items"]} == {"statement", "event"}
    for item in timeline["items"]:
        if item["type"] == "event":
            assert item["event"] == events[item["id"]]
        elif item["speaker"] is not None:
            said_by = attributions[item["id"]]["speaker"]
            assert unlinked(item["speaker"]) == said_by
