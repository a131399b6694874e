"""Knowledge checks: a known actor placed in a role on a date the knowledge base contradicts."""

from pathlib import Path

import pytest

from fuente.pipeline import process
from fuente.records import ArticleRecords, Document, Finding, RawArticle
from fuente.settings import load_settings

KB = """\
people:
  - {name: Ilse Marek, country: MRV, sector: government, office: president,
     roles: [{office: president, from: 2001-03-01, to: 2005-03-01}]}
"""


@pytest.fixture(scope="module")
def marek(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("kb")
    (Path(folder) / "actors_known.yaml").write_text(KB, encoding="utf-8")
    return load_settings(lexicon_dir=str(folder))


def findings(nlp, settings, text: str, published: str | None = "2019-05-03") -> tuple:
    meta = {"published": published} if published else {}
    raw = RawArticle(id="t", path="t.txt", text=text, format="text", meta=meta)
    (result,) = list(process([raw], nlp=nlp, settings=settings))
    assert isinstance(result, ArticleRecords)
    return result.findings


@pytest.mark.parametrize(
    ("text", "rule", "actor", "date"),
    [
        ("President Marek says the reform is working.", "title-on-date", "President Marek", None),
        (
            "President Marek said on Tuesday that the talks had failed.",
            "title-on-date", "President Marek", "Tuesday",
        ),
        (
            "Officials in the Marek administration met rebel leaders months before the "
            "March 3, 2012, vote in the capital.",
            "administration-on-date", "Marek administration", "March 3, 2012",
        ),
    ],
)  # fmt: skip
def test_checks_fire_on_a_role_the_dates_contradict(nlp, marek, text, rule, actor, date) -> None:
    (finding,) = findings(nlp, marek, text)
    assert finding.rule == rule
    assert text[finding.actor_start : finding.actor_end] == finding.actor_text == actor
    assert finding.kb == "ilse-marek"
    assert "2001-03-01 to 2005-03-01" in finding.message
    if date is None:
        assert finding.date_start is None and finding.date_value == "2019-05-03"
    else:
        assert text[finding.date_start : finding.date_end] == finding.date_text == date


@pytest.mark.parametrize(
    "text",
    [
        "Former president Marek said in 2019 that the reform had worked.",
        "Then-President Marek said in 2012 that the reform had worked.",
        "When Marek was president, the reform worked.",
        "President Marek signed the reform.",
        "In 2003, President Marek signed the reform.",
        "President Marek said in 2003 that the reform was working.",
        "A President Marek would sign the reform.",
        "If elected again, President Marek will sign the reform.",
        "Officials in the Marek administration met rebel leaders before the 2012 vote.",
        "Officials in the Marek administration met rebel leaders in 2004.",
        "Critics say the Marek administration ignored a report that was published in 2012.",
        "“President Marek is still our leader,” a protester said.",
    ],
)
def test_checks_never_fire_on_a_past_role_or_a_history(nlp, marek, text) -> None:
    assert findings(nlp, marek, text) == ()


def test_checks_need_a_date_for_the_article_itself(nlp, marek) -> None:
    assert findings(nlp, marek, "President Marek says the reform is working.", None) == ()


def _stored_finding() -> tuple[Document, Finding]:
    """An article and the finding a check made in it, as the store keeps them."""
    text = "Officials in the Marek administration met on March 3, 2012."
    document = Document("t", "t.txt", "text", text, "h", "v", published="2019-05-03")
    finding = Finding(
        "t", "administration-on-date", "why", 17, 37, "Marek administration", "ilse-marek",
        "2012-03-03", "checks@1", 46, 59, "March 3, 2012",
    )  # fmt: skip
    return document, finding


def test_checks_findings_round_trip_through_the_store(store) -> None:
    document, finding = _stored_finding()
    store.write(ArticleRecords(document=document, findings=(finding,)))
    assert list(store.findings("t")) == list(store.findings()) == [finding]
    store.write(ArticleRecords(document=document))
    assert list(store.findings()) == []


def test_checks_article_page_and_export_list_the_findings(store) -> None:
    import io
    import json

    from fuente.query.article import article_view
    from fuente.query.export import export

    document, finding = _stored_finding()
    store.write(ArticleRecords(document=document, findings=(finding,)))
    (row,) = article_view(store, "t")["findings"]
    assert row["rule"] == "administration-on-date"
    assert row["actor"] == {
        "text": "Marek administration",
        "start": 17,
        "end": 37,
        "kb": "ilse-marek",
    }
    out = io.BytesIO()
    assert export("findings", store=store, format="jsonl", out=out) == 1
    assert json.loads(out.getvalue()) == row
