"""The unit of work: one raw article in, all its records out.

``prepare`` (layout, exclusions, language) and ``analyse`` (records from the annotated spaCy
Doc) are pure; ``process`` streams many articles through one ``nlp.pipe`` between them. Input
and output are plain data, so the same steps can run serially, with ``n_process`` workers, or
as tasks on a distributed engine with all writes funnelled to one writer.

Each article is analysed with its language's pipeline (``fuente.nlp.annotate.Pipelines``),
loaded when the first article in that language comes. A run of articles in one language goes
through one ``nlp.pipe``; a pile that changes language starts the next language's pipe where
it does (articles stored unannotated, and rejections, go along with either), so a one-language
pile streams as one pipe, and outcomes keep the order of the input. With ``n_process`` above
1, each such pipe starts its own processes: a pile that often changes language is best ingested
with ``workers`` instead. A language's layers are those whose lexicons its folder holds
(``LAYERS``): sentences and entities need only the model, the others their words.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TypeVar

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

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
from fuente.events.lead import mark_lead
from fuente.lexicon import has_lexicon
from fuente.nlp.annotate import Pipelines, model_version, sentence_spans
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
from fuente.times.layer import date_warnings, given_date, time_layer
from fuente.times.published import Published
from fuente.times.statements import attach_times

__all__ = [
    "EXTRACTOR",
    "LAYERS",
    "Prepared",
    "analyse",
    "content_hash",
    "language_layers",
    "prepare",
    "process",
]

EXTRACTOR = f"fuente@{__version__}"
T = TypeVar("T")
# The layers that read a language's words, each with the lexicon (fuente/data/<code>/NAME.yaml)
# it needs: a layer runs on an article whose language's folder holds it, and is left off (no
# records, rather than wrong ones) on the others. Sentences and entities need only the model.
LAYERS = (
    ("times", "times"),
    ("descriptions", "descriptions"),
    ("attribution", "cues"),
    ("events", "events"),
    ("findings", "checks"),
)


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


@cache
def language_layers(language: str | None) -> frozenset[str]:
    """The layers of ``LAYERS`` that run on an article in ``language`` (looked up once)."""
    if language is None:
        return frozenset()
    return frozenset(layer for layer, lexicon in LAYERS if has_lexicon(lexicon, language=language))


def analyse(prepared: Prepared, doc: Doc, *, annotator: str, settings: Settings) -> ArticleRecords:
    """All records of one article, from its prepared form and its annotated spaCy Doc: those
    of the layers its language has (``language_layers``)."""
    doc_id = prepared.raw.id
    layers = language_layers(prepared.language)
    sentences = tuple(Sentence(doc_id, start, end, annotator) for start, end in sentence_spans(doc))
    text = prepared.raw.text
    entities, mentions = _entities(prepared, doc, annotator)
    fields = metadata_fields(prepared.raw, prepared.layout)
    given = prepared.raw.meta.get("published")
    given = str(given) if given else None
    if "times" in layers or not len(doc):
        published, times = time_layer(doc, doc_id, published=given, settings=settings)
    else:  # dated by its metadata alone, until the language has its time words
        anchor = given_date(given)
        published, times = Published(anchor.isoformat() if anchor else None, False), ()
    if "descriptions" in layers:
        # "the senator", "the president": worked out once, against the article's date
        resolve_descriptions(doc, settings=settings, on=published.value)
        mentions.extend(
            Mention(doc_id, entities[d.entity].id, d.start, d.end, text[d.start : d.end],
                    DESCRIBED, f"{DESCRIPTIONS_EXTRACTOR}+{annotator}")
            for d in descriptions(doc, settings=settings)
        )  # fmt: skip
    speakers, attributions, lead = (), (), ()
    if "attribution" in layers:
        speakers, attributions, lead = attribution_layer(doc, doc_id, entities, fields, settings)
        attributions, times = attach_times(doc, attributions, times)
    events, findings = (), ()
    if "events" in layers:
        events = find_events(doc, doc_id=doc_id, entities=entities, mentions=mentions,
                             attributions=attributions, times=times, settings=settings)  # fmt: skip
        events = mark_lead(doc, events, fields)
    if "findings" in layers:
        findings = knowledge_findings(doc, doc_id, entities=entities, mentions=mentions,
                                      times=times, attributions=attributions,
                                      written=_written(published), settings=settings)  # fmt: skip
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
    articles: Iterable[RawArticle | T], *, nlp: Language | Pipelines, settings: Settings
) -> Iterator[ArticleRecords | Rejection | T]:
    """Stream articles through preparation, their language's ``nlp.pipe`` and analysis,
    keeping their order.

    ``nlp`` is the pipelines of every language (``Pipelines``), or one pipeline, used for its
    own language (the others are loaded as an article needs them). Anything that is not a
    ``RawArticle`` (a reader's rejection, a caller's note) passes through in place, as an
    empty text that costs spaCy nothing, so a caller sees every input's outcome in the order it
    gave them, without buffering.
    """
    pipelines = nlp if isinstance(nlp, Pipelines) else Pipelines(settings, given=(nlp,))
    stream = _Runs(_prepared(articles, pipelines, settings))
    while (language := stream.next_language()) is not None:
        if language == "":  # nothing ahead needs a pipeline yet
            yield _settled(stream.take()[2], Doc(_blank_vocab(), words=[]), "", settings)
            continue
        language_nlp = pipelines(language)
        annotator = model_version(language_nlp)
        for doc, item in language_nlp.pipe(
            stream.run(language),
            as_tuples=True,
            batch_size=settings.batch_size,
            n_process=settings.n_process,
        ):
            yield _settled(item, doc, annotator, settings)


def _prepared(
    articles: Iterable[RawArticle | T], pipelines: Pipelines, settings: Settings
) -> Iterator[tuple[str, str, Prepared | Rejection | T]]:
    """(language whose pipeline it needs, or "" for none; text for spaCy; item) of each input."""
    for article in articles:
        if not isinstance(article, RawArticle):
            yield "", "", article
            continue
        prepared = prepare(article, settings=settings)
        if isinstance(prepared, Rejection) or not prepared.masked:
            yield "", "", prepared
            continue
        limit = pipelines(prepared.language).max_length
        if len(prepared.masked) > limit:
            size = len(prepared.masked)
            yield "", "", Rejection(article.path, message("E083", size=size, limit=limit))
            continue
        yield prepared.language, prepared.masked, prepared


class _Runs:
    """The prepared inputs, one looked ahead, cut into runs of one language for ``nlp.pipe``."""

    def __init__(self, items: Iterator[tuple[str, str, object]]) -> None:
        self._items = items
        self._ahead: tuple[str, str, object] | None = None

    def next_language(self) -> str | None:
        """The language of the next input ("" when it needs no pipeline); None at the end."""
        if self._ahead is None:
            self._ahead = next(self._items, None)
        return None if self._ahead is None else self._ahead[0]

    def take(self) -> tuple[str, str, object]:
        """The next input (there must be one: ``next_language`` said so)."""
        self.next_language()
        item, self._ahead = self._ahead, None
        return item or ("", "", None)

    def run(self, language: str) -> Iterator[tuple[str, object]]:
        """(text, item) of the inputs ahead while they are in ``language`` or need no
        pipeline; the first in another language is left ahead."""
        while self.next_language() in (language, ""):
            _, text, item = self.take()
            yield text, item


@cache
def _blank_vocab() -> Vocab:
    """The vocabulary of the empty Doc an article stored unannotated is analysed with."""
    return Vocab()


def _settled(item: Prepared | Rejection | T, doc: Doc, annotator: str, settings: Settings):
    """What an input comes to: a prepared article's records, anything else as it is."""
    if isinstance(item, Prepared):
        return _analyse_or_reject(item, doc, annotator, settings)
    return item


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
