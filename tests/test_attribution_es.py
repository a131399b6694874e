"""Spanish attribution on short texts written here: dialogue dashes, «comillas», "según",
dropped subjects, unnamed sources with their affiliation, outlets and non-responses."""

from __future__ import annotations

import pytest

from fuente.attribution.quotemarks import find_quotes
from fuente.nlp.annotate import Pipelines
from fuente.pipeline import process
from fuente.records import ArticleRecords, RawArticle


def test_attribution_es_dialogue_dashes_leave_the_narrators_aside_out() -> None:
    text = "—El agua llega los martes —explicó la vecina—. Los demás días, nada.\n"
    quotes = find_quotes(text, dialogue_dashes="—")
    assert [text[q.start : q.end] for q in quotes] == [
        "El agua llega los martes", "Los demás días, nada.",
    ]  # fmt: skip
    assert [q.joined for q in quotes] == [False, True]
    assert "explicó" not in "".join(text[q.outer_start : q.outer_end] for q in quotes)


def test_attribution_es_dashes_are_dialogue_only_where_the_language_says() -> None:
    assert find_quotes("—El agua llega los martes —explicó la vecina.\n") == []


def test_attribution_es_dialogue_without_an_aside_is_all_speech() -> None:
    text = "—No pienso renunciar.\n"
    assert [text[q.start : q.end] for q in find_quotes(text, dialogue_dashes="—")] == [
        "No pienso renunciar."
    ]


@pytest.fixture(scope="module")
def analysed(settings):
    pipelines = Pipelines(settings)

    def run(text: str) -> ArticleRecords:
        raw = RawArticle("es", "es.txt", text, "text", meta={"language": "es"})
        (records,) = process([raw], nlp=pipelines, settings=settings)
        assert isinstance(records, ArticleRecords), records
        return records

    return run


def _said(records: ArticleRecords, text: str) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, content, speaker kind, speaker name) of each attribution."""
    speakers = {s.id: s for s in records.speakers}
    found = []
    for item in records.attributions:
        speaker = speakers.get(item.speaker or "")
        found.append((item.kind, text[item.content_start : item.content_end],
                      speaker.kind if speaker else None, speaker.name if speaker else None))  # fmt: skip
    return found


@pytest.mark.slow
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "«Los hospitales no tienen insumos», denunció la diputada Carla Pérez. "
            "«Ni gasas ni anestesia», añadió.",
            [
                ("direct", "Los hospitales no tienen insumos", "person", "Carla Pérez"),
                ("direct", "Ni gasas ni anestesia", "person", "Carla Pérez"),
            ],
        ),
        (
            "—El paro sigue mañana —dijo el dirigente sindical Pablo Mena—. Nadie va a "
            "trabajar sin salario.",
            [
                (
                    "direct",
                    "El paro sigue mañana —dijo el dirigente sindical Pablo Mena—. Nadie va "
                    "a trabajar sin salario.",
                    "person",
                    "Pablo Mena",
                )
            ],
        ),
        (
            "Según la agencia EFE, el aeropuerto de Maiquetía reabrirá el jueves.",
            [("indirect", "el aeropuerto de Maiquetía reabrirá el jueves", "outlet", "EFE")],
        ),
        (
            "Creo que la ciudad merece una explicación sobre los apagones.",
            [
                (
                    "indirect",
                    "que la ciudad merece una explicación sobre los apagones",
                    "author",
                    "the author",
                )
            ],
        ),
        (
            "La Gobernación de Carabobo no respondió a las solicitudes de comentarios.",
            [
                (
                    "non-response",
                    "no respondió a las solicitudes de comentarios",
                    "organisation",
                    "Gobernación de Carabobo",
                )
            ],
        ),
    ],
)
def test_attribution_es_finds_who_said_what(analysed, text: str, expected: list) -> None:
    assert _said(analysed(text), text) == expected


@pytest.mark.slow
def test_attribution_es_an_unnamed_source_keeps_its_affiliation(analysed) -> None:
    records = analysed(
        "Un funcionario chavista que pidió no ser identificado aseguró que el gabinete "
        "cambiará en enero."
    )
    assert len(records.attributions) == 1  # "pidió no ser identificado" says how, not what
    (speaker,) = records.speakers
    assert (speaker.kind, speaker.sector, speaker.count) == ("unnamed", "government", "1")
    assert speaker.name == "funcionario chavista"


@pytest.mark.slow
@pytest.mark.parametrize(
    "text",
    [
        "Es decir, la deuda deberá pagarse antes de agosto.",
        "El documental «Hijos de la calle» se presentó el sábado en Mérida.",
    ],
)
def test_attribution_es_leaves_sayings_and_titles_alone(analysed, text: str) -> None:
    assert analysed(text).attributions == ()
