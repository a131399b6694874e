"""Ingest end to end on small articles written here: outcomes, idempotence, ids, atomicity."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from fuente.ingest import ingest
from fuente.store.connect import open_store

ARTICLE = """Envoys Met Marovia's Interior Minister

Secret talks went on for months, two diplomats said.

PORT SELDEN — Interior Minister Tomas Varga met foreign envoys three times this spring, two diplomats briefed on the talks said on Monday.

Varga denied that any meeting took place. "There were no talks," Varga told reporters.

Mr. Varga's office did not respond to requests for comment.

Varga denied that any meeting took place. "There were no talks," Varga told reporters.

The Selden Ledger is 100% reader-supported.

Donate
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def statuses(outcomes) -> list[tuple[str, str | None]]:
    return [(o.status, o.doc) for o in outcomes]


def test_ingest_stores_text_unchanged_with_offsets_into_it(tmp_path, store, settings) -> None:
    write(tmp_path, "talks.txt", ARTICLE)
    assert statuses(ingest([str(tmp_path)], store=store, settings=settings)) == [
        ("stored", "talks")
    ]
    document = store.document("talks")
    assert document.text == ARTICLE
    assert document.language == "en"
    reasons = {r.reason for r in store.excluded("talks")}
    assert "duplicate" in reasons
    for _entity, mentions in store.entities("talks"):
        for mention in mentions:
            assert ARTICLE[mention.start : mention.end] == mention.text
    varga = [e for e, _ in store.entities("talks") if e.name == "Tomas Varga"]
    assert len(varga) == 1 and varga[0].type == "PERSON"
    for excluded in store.excluded("talks"):  # nothing excluded is annotated
        for sentence in store.sentences("talks"):
            assert sentence.end <= excluded.start or sentence.start >= excluded.end


def test_ingest_same_content_twice_is_stored_once(tmp_path, store, settings) -> None:
    write(tmp_path, "talks.txt", ARTICLE)
    list(ingest([str(tmp_path)], store=store, settings=settings))
    again = statuses(ingest([str(tmp_path)], store=store, settings=settings))
    assert again == [("unchanged", "talks")]
    copy = tmp_path / "copy"
    copy.mkdir()
    write(copy, "mirror.txt", ARTICLE)
    assert statuses(ingest([str(copy)], store=store, settings=settings)) == [("duplicate", "talks")]
    assert store.stats()["documents"] == 1


def test_ingest_same_stem_elsewhere_gets_its_own_id(tmp_path, store, settings) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    write(tmp_path / "a", "story.txt", ARTICLE)
    write(tmp_path / "b", "story.txt", ARTICLE.replace("three times", "twice"))
    outcomes = list(ingest([str(tmp_path)], store=store, settings=settings))
    assert [o.status for o in outcomes] == ["stored", "stored"]
    assert outcomes[0].doc == "story"
    assert outcomes[1].doc.startswith("story-")
    assert store.stats()["documents"] == 2


def test_ingest_changed_file_is_updated_in_place(tmp_path, store, settings) -> None:
    path = write(tmp_path, "talks.txt", ARTICLE)
    list(ingest([str(path)], store=store, settings=settings))
    write(tmp_path, "talks.txt", ARTICLE.replace("three times", "twice"))
    assert statuses(ingest([str(path)], store=store, settings=settings)) == [("updated", "talks")]
    assert "twice" in store.document("talks").text
    assert store.stats()["documents"] == 1


def test_ingest_bad_inputs_are_reported_and_the_batch_goes_on(tmp_path, store, settings) -> None:
    write(tmp_path, "a-good.txt", ARTICLE)
    write(tmp_path, "b-empty.txt", "")
    (tmp_path / "c-binary.txt").write_bytes(b"\x00\x01\x02PNG\x00" * 50)
    lines = [json.dumps({"id": "j1", "text": "The minister spoke in Port Selden on Monday."}),
             "{not json", json.dumps({"id": "j2", "text": "Talks resumed, diplomats said."})]  # fmt: skip
    write(tmp_path, "d-feed.jsonl", "\n".join(lines) + "\n")
    outcomes = list(ingest([str(tmp_path), str(tmp_path / "missing.txt")], store=store,
                           settings=settings))  # fmt: skip
    by_status = {}
    for outcome in outcomes:
        by_status.setdefault(outcome.status, []).append(outcome)
    assert sorted(o.doc for o in by_status["stored"]) == ["a-good", "j1", "j2"]
    rejected = {Path(o.path.split(":")[0]).name: o.detail for o in by_status["rejected"]}
    assert set(rejected) == {"b-empty.txt", "c-binary.txt", "d-feed.jsonl", "missing.txt"}
    assert all(detail and "\n" not in detail for detail in rejected.values())
    assert store.stats()["rejections"] == 4


def test_ingest_killed_midway_leaves_whole_documents_and_resumes(tmp_path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(300):
        write(corpus, f"story-{number:03}.txt", ARTICLE.replace("three", f"{number} or more"))
    db = tmp_path / "kill.db"
    command = [sys.executable, "-m", "fuente.cli", "ingest", "--quiet", "--db", str(db),
               "--batch-size", "4", str(corpus)]  # fmt: skip
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    stored = 0
    while time.monotonic() < deadline and process.poll() is None:
        time.sleep(0.2)
        if db.exists():
            try:
                with open_store(db) as store:
                    stored = store.stats()["documents"]
            except Exception:
                continue
            if stored >= 10:
                break
    if process.poll() is not None:
        pytest.fail(f"ingest ended before it could be killed: {process.stderr.read().decode()}")
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    with open_store(db) as store:
        figures = store.stats()
        assert 10 <= figures["documents"] < 300
        # Every stored document is whole: its sentences, exclusions and entities are there.
        for document in store.documents():
            assert store.sentences(document.id), document.id
            assert store.excluded(document.id), document.id
            assert any(True for _ in store.entities(document.id)), document.id
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert finished.returncode == 0, finished.stderr
    with open_store(db) as store:
        assert store.stats()["documents"] == 300


def test_ingest_tags_line_with_commas_keeps_multiword_tags(tmp_path, store, settings) -> None:
    write(tmp_path, "tagged.txt", "Tags: politics, central bank, Marovia\n" + ARTICLE)
    list(ingest([str(tmp_path)], store=store, settings=settings))
    assert store.document("tagged").tags == ("politics", "central bank", "Marovia")


def test_ingest_a_fault_in_one_article_rejects_it_and_the_batch_goes_on(
    tmp_path, store, settings, monkeypatch
) -> None:
    import fuente.pipeline

    real = fuente.pipeline.analyse

    def flaky(prepared, doc, **options):
        if prepared.raw.id == "b-broken":
            raise ValueError("an unexpected shape")
        return real(prepared, doc, **options)

    monkeypatch.setattr(fuente.pipeline, "analyse", flaky)
    write(tmp_path, "a-fine.txt", ARTICLE)
    write(tmp_path, "b-broken.txt", ARTICLE.replace("three", "four"))
    write(tmp_path, "c-fine.txt", ARTICLE.replace("three", "five"))
    outcomes = list(ingest([str(tmp_path)], store=store, settings=settings))
    assert [o.status for o in outcomes] == ["stored", "rejected", "stored"]
    assert "[E040]" in outcomes[1].detail and "an unexpected shape" in outcomes[1].detail
