"""Spanish time expressions (fuente/data/es/times.yaml): spans, TIMEX3 values and anchors, and
a Spanish article dated from its text."""

from __future__ import annotations

import datetime

import pytest

from fuente.nlp.annotate import load_pipeline
from fuente.times.expressions import FoundTime, find_times
from fuente.times.layer import time_layer
from fuente.times.normalise import VALUE_PATTERN

pytestmark = pytest.mark.slow

DOC_DATE = datetime.date(2024, 3, 13)  # a Wednesday


@pytest.fixture(scope="module")
def nlp_es(settings):
    return load_pipeline(settings, language="es")


def found(nlp_es, settings, text: str, anchor: datetime.date | None = DOC_DATE) -> list[FoundTime]:
    return find_times(nlp_es(text), anchor=anchor, settings=settings, language="es")


@pytest.mark.parametrize(
    ("text", "span", "kind", "value", "anchor", "mod"),
    [
        ("El pasado 3 de enero el consejo aprobó el plan.", "El pasado 3 de enero", "DATE", "2024-01-03", "document", None),
        ("La ley se firmó el 3 de enero de 2023 en Vell.", "el 3 de enero de 2023", "DATE", "2023-01-03", "absolute", None),
        ("La fábrica cerró a finales del mes pasado.", "finales del mes pasado", "DATE", "2024-02", "document", "END"),
        ("El sábado 2 de marzo llegó la delegación.", "El sábado 2 de marzo", "DATE", "2024-03-02", "document", None),
        ("Hace dos décadas fue elegido alcalde.", "Hace dos décadas", "DATE", "2004", "document", None),
        ("Dimitió en el otoño de 2017.", "el otoño de 2017", "DATE", "2017-FA", "absolute", None),
        ("Ayer se reunieron los ministros.", "Ayer", "DATE", "2024-03-12", "document", None),
        ("El lunes habló ante el Senado.", "El lunes", "DATE", "2024-03-11", "document", None),
        ("El lunes votarán la reforma.", "El lunes", "DATE", "2024-03-18", "document", None),
        ("La próxima semana viajará a Vell.", "La próxima semana", "DATE", "2024-W12", "document", None),
        ("Pasó dos años en prisión.", "dos años", "DURATION", "P2Y", "absolute", None),
        ("Este año crecerá la economía.", "Este año", "DATE", "2024", "document", None),
        ("En 2019 ganó las elecciones.", "2019", "DATE", "2019", "absolute", None),
        ("Los precios cayeron a mediados de marzo.", "mediados de marzo", "DATE", "2024-03", "document", "MID"),
        ("El puerto está cerrado desde hace tres meses.", "hace tres meses", "DATE", "2023-12", "document", None),
        ("La feria se celebra cada año en Vell.", "cada año", "SET", "P1Y", "absolute", None),
        ("Trabajó tres años en la mina.", "tres años", "DURATION", "P3Y", "absolute", None),
        ("Los sindicatos marchan el primero de mayo.", "el primero de mayo", "DATE", "2024-05-01", "document", None),
        ("El año pasado cerró la mina.", "El año pasado", "DATE", "2023", "document", None),
        ("El tren llegó a las 17.35 horas.", "las 17.35 horas", "TIME", "2024-03-13T17:35", "document", None),
        ("El avión aterrizó a las 16.00 GMT.", "las 16.00 GMT", "TIME", "2024-03-13T16:00Z", "document", None),
        ("Esta tarde hablará el ministro.", "Esta tarde", "TIME", "2024-03-13TAF", "document", None),
        ("Era la moda de los años noventa.", "los años noventa", "DATE", "199", "absolute", None),
        ("Fue la guerra más dura del siglo XX.", "siglo XX", "DATE", "19", "absolute", None),
        ("Ganó un 5% en el primer trimestre de 2023.", "el primer trimestre de 2023", "DATE", "2023-Q1", "absolute", None),
        ("Hace unos días habló con la prensa.", "Hace unos días", "DURATION", "PXD", "absolute", None),
        ("El actual alcalde visitó el puerto.", "actual", "DATE", "PRESENT_REF", "absolute", None),
        ("Ahora la empresa vende más.", "Ahora", "DATE", "PRESENT_REF", "absolute", None),
        ("Lo condenaron a dos años y tres meses de cárcel.", "dos años y tres meses", "DURATION", "P2Y3M", "absolute", None),
        ("La sesión duró dos horas y 30 minutos.", "dos horas y 30 minutos", "DURATION", "PT2H30M", "absolute", None),
        ("Dos meses después volvió a Vell.", "Dos meses después", "DURATION", "P2M", "absolute", None),
    ],
)  # fmt: skip
def test_times_es_span_type_value(nlp_es, settings, text, span, kind, value, anchor, mod) -> None:
    start = text.index(span)
    hits = [
        f for f in found(nlp_es, settings, text) if f.start < start + len(span) and f.end > start
    ]
    assert len(hits) == 1, hits
    hit = hits[0]
    assert (text[hit.start : hit.end], hit.type, hit.value, hit.anchor, hit.mod) == (
        span, kind, value, anchor, mod
    )  # fmt: skip
    assert VALUE_PATTERN.fullmatch(hit.value)


@pytest.mark.parametrize(
    "text",
    [
        "Por la mañana salió hacia Vell.",  # "mañana" after "la" is no tomorrow
        "El diario publicó la noticia.",  # "diario" as a noun: a newspaper
        "Vendió 5.000 coches en la provincia.",  # no year
        "Se pondrá al día de las noticias.",
    ],
)
def test_times_es_no_time_where_none_is(nlp_es, settings, text) -> None:
    values = [(text[f.start : f.end], f.value) for f in found(nlp_es, settings, text)]
    assert not [v for v in values if v[1] != "XXXX-XX-XX"], values


def test_times_es_without_anchor_keeps_unknown_parts(nlp_es, settings) -> None:
    text = "El 3 de enero cerró el puerto. Ayer habló el alcalde."
    values = [f.value for f in found(nlp_es, settings, text, anchor=None)]
    assert values == ["XXXX-01-03", "XXXX-XX-XX"]


def test_times_es_article_dated_by_its_first_lines(nlp_es, settings) -> None:
    text = (
        "Vell, 3 de enero de 2024\nEl alcalde anunció ayer que el puerto abrirá el próximo lunes.\n"
    )
    dated, records = time_layer(nlp_es(text), "d1", published=None, settings=settings)
    assert dated.inferred and dated.earliest == "2024-01-03"
    assert (records[0].text, records[0].value) == ("3 de enero de 2024", "2024-01-03")


def test_times_es_wire_dateline_gives_the_day(nlp_es, settings) -> None:
    text = (
        "VELL, 3 ene (Agencia) - El consejo aprobó en 2023 el plan del puerto.\n"
        "El alcalde habló ayer ante la prensa.\n"
    )
    dated, records = time_layer(nlp_es(text), "d2", published=None, settings=settings)
    assert dated.value == "2023-01-03"  # the dateline's day, in the year the article names
    assert ("ayer", "2023-01-02") in [(r.text, r.value) for r in records]
