"""The layout stage on Spanish pages written for these tests: plain text and HTML."""

from __future__ import annotations

from pathlib import Path

import pytest

from fuente.clean.layout import article_layout, find_layout
from fuente.clean.rules import layout_languages
from fuente.readers.inputs import read_inputs
from fuente.records import Layout, RawArticle
from fuente.settings import Settings
from fuente.text import mask

SETTINGS = Settings()
TITLE = "El marek cae a su nivel más bajo en veinte años"
BODY = (
    "PORT SELDEN (EFE) — El banco central de Marovia vendió el lunes parte de sus reservas "
    "para frenar la caída de la moneda, según dos operadores del mercado.\n\n"
    "«No vamos a permitir una devaluación descontrolada», dijo la gobernadora Petra Salo ante "
    "los periodistas en la sede del banco.\n"
)
MORE = (
    "La oposición acusó al Gobierno de ocultar el tamaño de las pérdidas y pidió una "
    "comparecencia urgente del ministro de Finanzas en la Asamblea Nacional.\n\n"
    "El ministerio no respondió a las preguntas de este diario el martes.\n"
)


def layout_of(text: str, **options) -> Layout:
    return find_layout(text, doc_id="doc", settings=SETTINGS, **options)


def reasons_at(layout: Layout, text: str, phrase: str) -> set[str]:
    start = text.index(phrase)
    end = start + len(phrase)
    return {r.reason for r in layout.excluded if r.start <= start and end <= r.end}


def test_layout_es_reads_every_language_of_the_settings() -> None:
    assert layout_languages(SETTINGS) == ("en", "es")
    assert layout_languages(SETTINGS, language="es") == ("en", "es")
    assert layout_languages(Settings(languages=("en",))) == ("en",)


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Síguenos en Facebook, X e Instagram", "share-navigation"),
        ("Compartir en WhatsApp", "share-navigation"),
        ("Suscríbete a nuestro boletín y recibe las noticias cada mañana.", "share-navigation"),
        ("Este sitio usa cookies para mejorar tu experiencia.", "cookie-notice"),
        ("Al continuar navegando, usted acepta nuestra política de cookies.", "cookie-notice"),
        ("© 2025 Diario del Estrecho. Todos los derechos reservados.", "copyright"),
        ("Todos los derechos reservados.", "copyright"),
        ("Por Ana Ruiz", "byline"),
        ("Por Ana Ruiz | Diario del Estrecho", "byline"),
        ("Por Ana Ruiz, corresponsal en Halvik", "byline"),
        ("(Con información de Reuters y EFE)", "byline"),
        ("Este artículo fue publicado originalmente en Coastal Wire.", "byline"),
        ("Te puede interesar: El marek se recupera en abril", "link-list"),
        ("Lee también: La Asamblea cita al ministro", "link-list"),
    ],
)
def test_layout_es_boilerplate_line_is_excluded(line: str, reason: str) -> None:
    text = f"{TITLE}\n\n{BODY}\n{line}\n\n{MORE}"
    layout = layout_of(text)
    assert reasons_at(layout, text, line) == {reason}
    assert len(layout.excluded) == 1


@pytest.mark.parametrize(
    "line",
    [
        "Por la tarde, la policía cerró los accesos a la plaza del Puerto.",
        "Por eso, dijo, el banco no subirá los tipos en abril.",
        "Comentarios como ese se oyeron toda la semana en el mercado de la capital.",
        "Suscribir el acuerdo costaría al Gobierno su mayoría en la Asamblea.",
        "Lee también la prensa extranjera, dijo el ministro, y verá que nadie nos ataca.",
    ],
)
def test_layout_es_prose_that_starts_like_boilerplate_is_kept(line: str) -> None:
    text = f"{TITLE}\n\n{BODY}\n{line}\n"
    assert layout_of(text).excluded == ()


def test_layout_es_support_appeal_runs_to_its_closing_line() -> None:
    appeal = (
        "Apoya el periodismo independiente\n\n"
        "Diario del Estrecho se financia gracias a sus lectores. Sin anunciantes ni dueños "
        "políticos, tu aporte nos permite seguir informando.\n\n"
        "Hazte socio"
    )
    text = f"{TITLE}\n\n{BODY}\n{MORE}\n{appeal}\n"
    layout = layout_of(text)
    (found,) = [r for r in layout.excluded if r.reason == "support-appeal"]
    assert text[found.start : found.end] == appeal
    assert layout.outlet is not None and layout.outlet.value == "Diario del Estrecho"


def test_layout_es_link_list_and_comment_section() -> None:
    links = "Te puede interesar\n\nLa Asamblea cita al ministro de Finanzas\n\nHalvik promete ayuda"
    comments = (
        "3 comentarios\n\nMarta: nadie cree en estas cifras del banco.\n\n"
        "Deja un comentario\n\nTu dirección de correo electrónico no será publicada."
    )
    text = f"{TITLE}\n\n{BODY}\n{links}\n\n{MORE}\n{comments}\n"
    layout = layout_of(text)
    first = layout.excluded[0]
    assert (first.reason, text[first.start : first.end]) == ("link-list", links)
    section = [r for r in layout.excluded if r.start >= text.index("3 comentarios")]
    assert {r.reason for r in section} == {"comment-section", "comment"}
    assert section[-1].end == len(text.rstrip("\n"))


def test_layout_es_title_deck_and_dateline() -> None:
    deck = "La gobernadora descarta una devaluación y la oposición pide explicaciones"
    text = f"{TITLE}\n{deck}\n\n{BODY}\n{MORE}"
    layout = layout_of(text)
    assert layout.title is not None and layout.title.value == TITLE
    assert layout.deck is not None and layout.deck.value == deck
    assert layout.excluded == ()


@pytest.mark.parametrize(
    "lead",
    [
        "CARACAS (EFE) — El Gobierno anunció el lunes nuevas medidas.",
        "Caracas, 3 de marzo (EFE).- El Gobierno anunció el lunes nuevas medidas.",
        "PORT SELDEN, 8 de marzo de 2025 (AP) — El Gobierno anunció el lunes nuevas medidas.",
    ],
)
def test_layout_es_a_dateline_lead_is_never_a_deck(lead: str) -> None:
    text = f"{TITLE}\n{lead}\n\n{MORE}"
    layout = layout_of(text)
    assert layout.title is not None and layout.title.value == TITLE
    assert layout.deck is None


def test_layout_es_a_deck_of_two_sentences_is_body() -> None:
    two = "La gobernadora habló ante la prensa. ¿Habrá devaluación? Ella dijo que no."
    text = f"{TITLE}\n{two}\n\n{BODY}"
    assert layout_of(text).deck is None


def test_layout_es_english_chrome_on_a_spanish_page() -> None:
    text = f"{TITLE}\n\nSkip to content\n\n{BODY}\nShare this article\n\n{MORE}"
    layout = layout_of(text, language="es")
    assert reasons_at(layout, text, "Skip to content") == {"share-navigation"}
    assert reasons_at(layout, text, "Share this article") == {"share-navigation"}


PAGE = """<!DOCTYPE html>
<html lang="es"><head>
<meta charset="utf-8"><title>El marek cae otra vez</title>
<meta property="og:site_name" content="Diario del Estrecho">
</head><body>
<nav><a href="/">Portada</a> <a href="/economia">Economía</a></nav>
<article>
<h1>El marek cae otra vez</h1>
<p>El banco central de Marovia vendió el lunes parte de sus reservas para frenar la caída de la
moneda, según dos operadores del mercado que pidieron no ser identificados.</p>
<p>«No vamos a permitir una devaluación descontrolada», dijo la gobernadora Petra Salo a los
periodistas reunidos en la sede del banco, en el centro de Port Selden.</p>
<p>Síguenos en Telegram</p>
<p>La oposición acusó al Gobierno de ocultar el tamaño de las pérdidas y pidió que el ministro
de Finanzas comparezca ante la Asamblea Nacional esta misma semana.</p>
<p>Apoya el periodismo independiente</p>
<p>Diario del Estrecho se financia gracias a sus lectores: tu aporte nos permite seguir
informando sin anunciantes.</p>
<p>Hazte socio</p>
</article>
<footer><p>Este sitio usa cookies.</p></footer>
</body></html>
"""


def test_layout_es_html_page_through_the_reader(tmp_path: Path) -> None:
    path = tmp_path / "marek.html"
    path.write_text(PAGE, encoding="utf-8")
    (raw,) = read_inputs([str(path)], settings=SETTINGS)
    assert isinstance(raw, RawArticle)
    layout, excluded = article_layout(raw, settings=SETTINGS, language="es")
    kept = mask(raw.text, ((r.start, r.end) for r in excluded))
    assert "vendió el lunes parte de sus reservas" in kept
    assert "comparezca ante la Asamblea" in kept
    for chrome in ("Síguenos en Telegram", "Apoya el periodismo", "Hazte socio", "cookies"):
        assert chrome not in kept
    reasons = {r.reason for r in excluded}
    assert {"share-navigation", "support-appeal"} <= reasons
    assert layout.outlet is not None and layout.outlet.value == "Diario del Estrecho"
