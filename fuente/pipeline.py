"""The unit of work: one raw article in, all its records out.

``prepare`` (layout, exclusions, language) and ``analyse`` (records from the annotated spaCy
Doc) are pure; ``process`` streams many articles through one ``nlp.pipe`` between them. Input
and output are plain data, so the same steps can run serially, with ``n_process`` workers, or
as tasks on a distributed engine with all writes funnelled to one writer.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from fuente._version import __version__
from fuente.actors.checks import knowledge_findings
from fuente.actors.descriptions import EXTRACTOR as DESCRIPTIONS_EXTRACTOR
from fuente.actors.descriptions import descriptions, resolve_descriptions
from fuente.attribution.layer import attribution_layer
from fuente.attribution.quotemarks import quoted_ranges
from fuente.clean.layout import article_layout
from fuente.clean.metadata import article_document, content_hash, metadata_fields
from fuente.days import date_span
from fuente.errors import message
from fuente.events.find import find_events
from fuente.nlp.annotate import model_version, sentence_spans
from fuente.nlp.entities import EXTRACTOR as ENTITIES_EXTRACTOR
from fuente.nlp.entities import narrated_names
from fuente.nlp.language import detect_language
from fuente.records import (
    DESCRIBED,
    ArticleRecords,
    Entity,
    ExcludedRange,
    Layout,
    Mention,
    RawArticle,
    Rejection,
    Sentence,
)
from fuente.settings import Settings
from fuente.text import mask
from fuente.times.layer import date_warnings, time_layer
from fuente.times.published import Published
from fuente.times.statements import attach_times

__all__ = ["EXTRACTOR", "Prepared", "analyse", "content_hash", "prepare", "process"]

EXTRACTOR = f"fuente@{__version__}"
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article made ready for spaCy: its layout, exclusions, language and masked text."""

    raw: RawArticle
    layout: Layout
    excluded: tuple[ExcludedRange, ...]
    language: str | None
    masked: str


def prepare(raw: RawArticle, *, settings: Settings) -> Prepared | Rejection:
    """Recognise the article's layout and exclusions, detect its language, mask it for spaCy."""
    layout, excluded = article_layout(raw, settings=settings)
    masked = mask(raw.text, ((r.start, r.end) for r in excluded))
    if not masked.strip():
        return Rejection(raw.path, message("E012"))
    language = raw.meta.get("language") or detect_language(masked, prefer=settings.languages)
    if language not in settings.languages:
        masked = ""  # stored and searchable, but the model is for another language
    return Prepared(raw=raw, layout=layout, excluded=excluded, language=language, masked=masked)


def analyse(prepared: Prepared, doc: Doc, *, annotator: str, settings: Settings) -> ArticleRecords:
    """All records of one article, from its prepared form and its annotated spaCy Doc."""
    doc_id = prepared.raw.id
    sentences = tuple(Sentence(doc_id, start, end, annotator) for start, end in sentence_spans(doc))
    text = prepared.raw.text
    entities, mentions = _entities(prepared, doc, annotator)
    fields = metadata_fields(prepared.raw, prepared.layout)
    given = prepared.raw.meta.get("published")
    published, times = time_layer(
        doc, doc_id, published=str(given) if given else None, settings=settings
    )
    # "the senator", "the president": worked out once, against the article's date
    resolve_descriptions(doc, settings=settings, on=published.value)
    mentions.extend(
        Mention(doc_id, entities[d.entity].id, d.start, d.end, text[d.start : d.end], DESCRIBED,
                f"{DESCRIPTIONS_EXTRACTOR}+{annotator}")
        for d in descriptions(doc, settings=settings)
    )  # fmt: skip
    speakers, attributions, lead = attribution_layer(doc, doc_id, entities, fields, settings)
    attributions, times = attach_times(doc, attributions, times)
    events = find_events(
        doc,
        doc_id=doc_id,
        entities=entities,
        mentions=mentions,
        attributions=attributions,
        times=times,
        settings=settings,
    )
    findings = knowledge_findings(
        doc,
        doc_id,
        entities=entities,
        mentions=mentions,
        times=times,
        attributions=attributions,
        written=_written(published),
        settings=settings,
    )
    return ArticleRecords(
        document=article_document(
            prepared.raw,
            prepared.layout,
            language=prepared.language,
            published=published,
            version=EXTRACTOR,
            warnings=date_warnings(given),
        ),
        fields=fields,
        excluded=prepared.excluded,
        sentences=sentences,
        entities=tuple(entities),
        mentions=tuple(mentions),
        speakers=speakers,
        attributions=attributions,
        lead=lead,
        times=times,
        events=events,
        findings=findings,
    )


def _entities(prepared: Prepared, doc: Doc, annotator: str) -> tuple[list[Entity], list[Mention]]:
    """The article's entities, each named as its narration names it (not its headline or a
    quotation), and their mentions."""
    doc_id, text = prepared.raw.id, prepared.raw.text
    version = f"{ENTITIES_EXTRACTOR}+{annotator}"
    headline = [f for f in (prepared.layout.title, prepared.layout.deck) if f is not None]
    aside = [
        *quoted_ranges(doc),
        *((f.start, f.end) for f in headline if f.start is not None and f.end is not None),
    ]
    doc._.fuente_entities = narrated_names(doc._.fuente_entities, text, aside=aside)
    entities, mentions = [], []
    for number, (name, entity_type, spans) in enumerate(doc._.fuente_entities, start=1):
        entity_id = f"{doc_id}#e{number}"
        entities.append(Entity(entity_id, doc_id, name, entity_type, version))
        mentions.extend(
            Mention(doc_id, entity_id, start, end, text[start:end], label, version)
            for start, end, label in spans
        )
    return entities, mentions


def _written(published: Published) -> tuple[date, date] | None:
    """The days an article was written on: its date's, or those of its inferred range (None
    when the range is open)."""
    bounds = (published.earliest, published.latest) if published.inferred else (published.value,)
    spans = [date_span(value) for value in bounds if value]
    if len(spans) != len(bounds) or not all(spans):
        return None
    return spans[0][0], spans[-1][1]


def process(
    articles: Iterable[RawArticle | T], *, nlp: Language, settings: Settings
) -> Iterator[ArticleRecords | Rejection | T]:
    """Stream articles through preparation, one ``nlp.pipe`` and analysis, keeping their order.

    Anything that is not a ``RawArticle`` (a reader's rejection, a caller's note) passes
    through in place, as an empty text that costs spaCy nothing, so a caller sees every
    input's outcome in the order it gave them, without buffering.
    """
    annotator = model_version(nlp)

    def texts() -> Iterator[tuple[str, Prepared | Rejection | T]]:
        for article in articles:
            if not isinstance(article, RawArticle):
                yield "", article
                continue
            prepared = prepare(article, settings=settings)
            if isinstance(prepared, Prepared) and len(prepared.masked) > nlp.max_length:
                size, limit = len(prepared.masked), nlp.max_length
                prepared = Rejection(article.path, message("E083", size=size, limit=limit))
            yield ("", prepared) if isinstance(prepared, Rejection) else (prepared.masked, prepared)

    for doc, item in nlp.pipe(
        texts(), as_tuples=True, batch_size=settings.batch_size, n_process=settings.n_process
    ):
        if isinstance(item, Prepared):
            yield _analyse_or_reject(item, doc, annotator, settings)
        else:
            yield item


def _analyse_or_reject(
    prepared: Prepared, doc: Doc, annotator: str, settings: Settings
) -> ArticleRecords | Rejection:
    """Fail soft per article: a fault in one article's analysis becomes its rejection, with
    the reason, and the batch goes on."""
    try:
        return analyse(prepared, doc, annotator=annotator, settings=settings)
    except Exception as error:  # the fault barrier between articles
        where = f"{type(error).__name__}: {error}".splitlines()[0][:200]
        return Rejection(prepared.raw.path, message("E040", error=where))
