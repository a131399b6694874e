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
"""

from __future__ import annotations

from functools import cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from fuente.errors import ConfigError, message
from fuente.nlp.entities import ENTITIES_COMPONENT
from fuente.settings import Settings

__all__ = ["PARAGRAPHS_COMPONENT", "doc_text", "load_pipeline", "sentence_spans"]

PARAGRAPHS_COMPONENT = "fuente_paragraphs"


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


@cache
def _load(model: str, labels: tuple[str, ...], lexicon_dir: str | None) -> Language:
    try:
        nlp = spacy.load(model)
    except OSError:
        raise ConfigError(message("E033", model=model)) from None
    if "parser" in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPHS_COMPONENT, before="parser")
    config = {"labels": list(labels), "lexicon_dir": lexicon_dir}
    nlp.add_pipe(ENTITIES_COMPONENT, last=True, config=config)
    return nlp


def load_pipeline(settings: Settings) -> Language:
    """The spaCy pipeline named by the ``model`` setting with fuente's components, loaded once.

    Its ``max_length`` follows the ``max_chars`` setting, so an article the readers accept is
    one spaCy accepts (a longer one is rejected alone; see ``fuente.pipeline.process``).
    """
    nlp = _load(settings.model, tuple(settings.entity_labels), settings.lexicon_dir)
    nlp.max_length = settings.max_chars
    return nlp


def model_version(nlp: Language) -> str:
    """A short name for the model, recorded in the version of what it annotates."""
    return f"{nlp.meta.get('name', 'model')}-{nlp.meta.get('version', '?')}"
