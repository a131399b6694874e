"""The unit of work: one raw article in, all its records out.

``prepare`` (layout, exclusions, language) and ``analyse`` (records from the annotated spaCy
Doc) are pure; ``process`` streams many articles through one ``nlp.pipe`` between them. Input
and output are plain data, so the same steps can run serially, with ``n_process`` workers, or
as tasks on a distributed engine with all writes funnelled to one writer.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc

from fuente._version import __version__
from fuente.attribution.layer import attribution_layer
from fuente.clean.layout import find_layout
from fuente.errors import message
from fuente.events.find import find_events
from fuente.nlp.annotate import model_version, sentence_spans
from fuente.nlp.entities import EXTRACTOR as ENTITIES_EXTRACTOR
from fuente.nlp.language import detect_language
from fuente.records import (
    ArticleRecords,
    Document,
    Entity,
    ExcludedRange,
    Field,
    Layout,
    Mention,
    RawArticle,
    Rejection,
    Sentence,
)
from fuente.settings import Settings
from fuente.text import mask, split_tags
from fuente.times.layer import given_date, time_layer
from fuente.times.published import Published
from fuente.times.statements import attach_times

__all__ = ["EXTRACTOR", "Prepared", "analyse", "content_hash", "prepare", "process"]

EXTRACTOR = f"fuente@{__version__}"
READER_EXCLUSION = "readers@1"
METADATA = "metadata"
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Prepared:
    """An article made ready for spaCy: its layout, exclusions, language and masked text."""

    raw: RawArticle
    layout: Layout
    excluded: tuple[ExcludedRange, ...]
    language: str | None
    masked: str


def content_hash(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


def _merge_excluded(
    given: tuple[ExcludedRange, ...], found: tuple[ExcludedRange, ...]
) -> tuple[ExcludedRange, ...]:
    """The reader's ranges, plus the layout's that do not overlap them, in text order."""
    kept = list(given)
    for candidate in found:
        if not any(candidate.start < r.end and r.start < candidate.end for r in given):
            kept.append(candidate)
    return tuple(sorted(kept, key=lambda r: (r.start, r.end)))


def prepare(raw: RawArticle, *, settings: Settings) -> Prepared | Rejection:
    """Recognise the article's layout and exclusions, detect its language, mask it for spaCy."""
    body_start = max((end for start, end, _ in raw.excluded if start == 0), default=0)
    layout = find_layout(raw.text, doc_id=raw.id, settings=settings, start=body_start)
    given = tuple(
        ExcludedRange(raw.id, start, end, reason, READER_EXCLUSION)
        for start, end, reason in raw.excluded
    )
    excluded = _merge_excluded(given, layout.excluded)
    masked = mask(raw.text, ((r.start, r.end) for r in excluded))
    if not masked.strip():
        return Rejection(raw.path, message("E012"))
    language = raw.meta.get("language") or detect_language(masked, prefer=settings.languages)
    if language not in settings.languages:
        masked = ""  # stored and searchable, but the model is for another language
    return Prepared(raw=raw, layout=layout, excluded=excluded, language=language, masked=masked)


def _fields(prepared: Prepared) -> tuple[Field, ...]:
    """Metadata fields: those the layout found in the text, then those given outside it."""
    raw = prepared.raw
    found = [f for f in (prepared.layout.tags, prepared.layout.title, prepared.layout.deck,
                         prepared.layout.outlet) if f is not None]  # fmt: skip
    given = [
        Field(
            raw.id,
            name,
            ", ".join(value) if isinstance(value, list) else str(value),
            None,
            None,
            METADATA,
        )
        for name, value in raw.meta.items()
        if value not in (None, "", [])
    ]
    return tuple(found + given)


def _document(prepared: Prepared, published: Published) -> Document:
    raw, layout, meta = prepared.raw, prepared.layout, prepared.raw.meta

    def pick(name: str, field: Field | None) -> str | None:
        value = meta.get(name)
        if value not in (None, ""):
            return str(value)
        return field.value if field is not None else None

    tags = meta.get("tags") or (split_tags(layout.tags.value) if layout.tags else [])
    if isinstance(tags, str):
        tags = split_tags(tags)
    return Document(
        id=raw.id,
        path=raw.path,
        format=raw.format,
        text=raw.text,
        content_hash=content_hash(raw.text),
        version=EXTRACTOR,
        url=meta.get("url"),
        title=pick("title", layout.title),
        deck=pick("deck", layout.deck),
        tags=tuple(str(tag) for tag in tags),
        outlet=pick("outlet", layout.outlet),
        language=prepared.language,
        published=published.value,
        published_inferred=published.inferred,
        published_earliest=published.earliest,
        published_latest=published.latest,
        raw=raw.raw,
        warnings=raw.warnings + _date_warnings(meta.get("published")),
    )


def _date_warnings(given: object) -> tuple[str, ...]:
    """A W002 warning when the ``published`` given is no date fuente can read: it stays among
    the metadata fields as given, and the document's date comes from its text instead."""
    if given in (None, "") or given_date(str(given)) is not None:
        return ()
    return (message("W002", value=str(given)),)


def analyse(prepared: Prepared, doc: Doc, *, annotator: str, settings: Settings) -> ArticleRecords:
    """All records of one article, from its prepared form and its annotated spaCy Doc."""
    doc_id = prepared.raw.id
    sentences = tuple(Sentence(doc_id, start, end, annotator) for start, end in sentence_spans(doc))
    entities, mentions = [], []
    text = prepared.raw.text
    version = f"{ENTITIES_EXTRACTOR}+{annotator}"
    for number, (name, entity_type, spans) in enumerate(doc._.fuente_entities, start=1):
        entity_id = f"{doc_id}#e{number}"
        entities.append(Entity(entity_id, doc_id, name, entity_type, version))
        mentions.extend(
            Mention(doc_id, entity_id, start, end, text[start:end], label, version)
            for start, end, label in spans
        )
    fields = _fields(prepared)
    speakers, attributions, lead = attribution_layer(doc, doc_id, entities, fields, settings)
    given = prepared.raw.meta.get("published")
    published, times = time_layer(
        doc, doc_id, published=str(given) if given else None, settings=settings
    )
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
    return ArticleRecords(
        document=_document(prepared, published),
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
    )


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
