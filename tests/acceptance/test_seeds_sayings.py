"""Acceptance: seed 000's Spanish saying is a saying, not a speaker's claim, whatever the
language of the article around it (../shared/ACCEPTANCE.md, 000, "Should")."""

from __future__ import annotations

import re

# The paragraph is found by its frame, not copied: "There's an old saying here: ..."
SAYING_PARAGRAPH = re.compile(r"^There.s an old saying here: .+$", re.MULTILINE)

SPANISH_BEFORE = (
    "Un funcionario chavista describe la calma del régimen\n\n"
    "Caracas vive semanas de calma, según un funcionario del Gobierno que habló con este "
    "medio a condición de no ser identificado.\n\n"
)
SPANISH_AFTER = (
    "\n\nEl funcionario dijo que el Gobierno no teme a la oposición y que los militares "
    "siguen leales.\n"
)


def _saying(text: str) -> tuple[int, int]:
    found = SAYING_PARAGRAPH.search(text)
    assert found, "seed 000 no longer holds its saying paragraph"
    return found.span()


def _claims_inside(store, doc: str, span: tuple[int, int]) -> list[str]:
    """The content of every attribution that overlaps ``span``."""
    text = store.document(doc).text
    start, end = span
    return [
        text[a.content_start : a.content_end]
        for a in store.attributions(doc)
        if a.content_start < end and start < a.content_end
    ]


def test_seed_000_the_saying_is_no_ones_claim(seeds) -> None:
    store, ids = seeds
    document = store.document(ids["000"])
    assert document.language == "en"
    assert _claims_inside(store, ids["000"], _saying(document.text)) == []


def test_seed_000_the_saying_in_a_spanish_article_is_no_ones_claim(
    seed_text, tmp_path, settings
) -> None:
    from fuente.ingest import ingest
    from fuente.store.connect import open_store

    paragraph = SAYING_PARAGRAPH.search(seed_text("000"))
    assert paragraph, "seed 000 no longer holds its saying paragraph"
    path = tmp_path / "dicho.txt"
    path.write_text(SPANISH_BEFORE + paragraph.group() + SPANISH_AFTER, encoding="utf-8")
    with open_store(tmp_path / "dicho.db") as store:
        (outcome,) = ingest([str(path)], store=store, settings=settings)
        assert outcome.status == "stored", outcome.detail
        document = store.document(outcome.doc)
        assert document.language == "es"
        assert _claims_inside(store, outcome.doc, _saying(document.text)) == []


def test_seed_000_the_saying_paragraph_is_kept_as_text(seeds) -> None:
    """A saying is the article's text: never excluded as boilerplate, so it stays searchable."""
    store, ids = seeds
    start, end = _saying(store.document(ids["000"]).text)
    assert not [r for r in store.excluded(ids["000"]) if r.start < end and start < r.end]
