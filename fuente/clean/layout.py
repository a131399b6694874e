"""The layout stage for plain text: tags line, title, deck, outlet and excluded ranges.

``find_layout`` cuts an article into paragraphs (``paragraphs``: a line, or a block of
hard-wrapped lines) and recognises the paragraphs that are not the article's own text
(``boilerplate``: excluded, whole paragraphs or blocks, with one of the ``REASONS``; a comment
section runs from its header to the end of the text, and ``byline`` covers standalone byline
and credit lines), a leading tags line (or a labelled ``Tags: a, b`` line), the title (the
first paragraph left, when it reads as a headline), the deck (the next one, when it reads as a
standfirst) and the outlet where the text names it (``outlet``). Rules are general; phrases
live in ``fuente/data/<lang>/boilerplate.yaml`` and ``outlets.yaml``, those of every language
the reader works in read at once (compiled by ``rules``), which a user's ``lexicon_dir``
extends (a new boilerplate section is a new reason). The text is never changed: every offset
is a Python string index into it.
"""

from __future__ import annotations

import re

from fuente.clean.boilerplate import (
    EXTRACTOR,
    MAX_BOILERPLATE_WORDS,
    REASONS,
    LabelledPage,
    excluded_ranges,
    label_boilerplate,
    label_duplicates,
    merge_excluded,
)
from fuente.clean.outlet import find_outlet
from fuente.clean.paragraphs import Paragraph, headline_like, last_char, paragraphs
from fuente.clean.rules import LayoutRules, layout_rules
from fuente.lexicon import DEFAULT_LANGUAGE
from fuente.records import ExcludedRange, Field, Layout, RawArticle
from fuente.settings import Settings
from fuente.text import TAG_SEPARATORS, split_tags

__all__ = ["EXTRACTOR", "REASONS", "article_layout", "find_layout"]

MAX_TAGS_WORDS = 10
MAX_TITLE_WORDS = 25
MAX_DECK_WORDS = 60

# a sentence's end inside a paragraph, in English or Spanish ("... la marcha. ¿Quién ...")
_SENTENCE_END = re.compile(
    r"(?:(?<=[a-záéíóúüñ]{2})|(?<=[0-9%)\]]))[.!?][\"')\]»]*\s+[\"'(\[«¿¡]?[A-ZÁÉÍÓÚÑ]"
)
_TITLE_SENTENCE_END = re.compile(r"(?<=[a-záéíóúüñ]{2})\.[\"')\]»]*\s+[\"'(\[«¿¡]?[A-ZÁÉÍÓÚÑ]")
_TAG = re.compile(r"#?[^\W_](?:[\w&'+.-]*\w)?")


def _is_tags_line(unit: Paragraph, rules: LayoutRules) -> bool:
    """A line of topic words: a few tokens, no sentence punctuation, no function words, and
    list-like (separators, hashtags or a lowercase topic word among them, as a headline has
    none of those)."""
    tokens = [word for tag in split_tags(unit.norm) for word in tag.split()]
    listed = any(char in unit.norm for char in TAG_SEPARATORS + "#")
    return (
        not unit.wrapped
        and 1 <= len(tokens) <= MAX_TAGS_WORDS
        and all(_TAG.fullmatch(token) for token in tokens)
        and not any(token.lstrip("#").casefold() in rules.function_words for token in tokens)
        and (listed or any(t[0].islower() for t in tokens))
    )


def _leads_to_title(page: LabelledPage, index: int) -> bool:
    """Whether the paragraph after ``index`` reads as a headline, with more text after it."""
    after = page.free_after(index)
    return (
        after is not None
        and headline_like(page.units[after], limit=MAX_TITLE_WORDS)
        and page.free_after(after) is not None
    )


def _tags(page: LabelledPage, rules: LayoutRules, doc_id: str) -> Field | None:
    """The tags, from a leading line of topic words followed by a headline, or from a
    labelled line ("Tags: a, b"); every such line is excluded."""
    found: Field | None = None
    first = page.free_after(-1)
    for index in range(page.section):
        unit = page.units[index]
        if page.labels[index] is not None or unit.words > MAX_BOILERPLATE_WORDS:
            continue
        label = rules.tags_label.match(unit.flat)
        topics = index == first and _is_tags_line(unit, rules) and _leads_to_title(page, index)
        if label is None and not topics:
            continue
        page.label(index, index, "tags-line")
        start = unit.start + (label.end() if label else 0)
        end = unit.start + len(unit.flat.rstrip(" ."))
        if found is None and start < end:
            found = Field(doc_id, "tags", page.text[start:end], start, end, EXTRACTOR)
    return found


def _title(page: LabelledPage, rules: LayoutRules) -> int | None:
    """The index of the title: the first paragraph not excluded, when it reads as a headline."""
    index = page.free_after(-1)
    if index is None or page.free_after(index) is None:
        return None
    unit = page.units[index]
    words = sum(1 for word in unit.norm.split() if any(char.isalpha() for char in word))
    headline = words >= 2 and headline_like(unit, limit=MAX_TITLE_WORDS)
    if not headline or _TITLE_SENTENCE_END.search(unit.norm) or rules.datelines.match(unit.norm):
        return None
    return index


def _deck(page: LabelledPage, rules: LayoutRules, title: int) -> int | None:
    """The index of the deck: the paragraph after the title, when it reads as a standfirst
    (one sentence or an unpunctuated line, no dateline, with more text after it)."""
    index = page.free_after(title)
    if index is None or page.free_after(index) is None:
        return None
    unit = page.units[index]
    long = unit.words > MAX_DECK_WORDS or _SENTENCE_END.search(unit.norm)
    if long or last_char(unit.norm) in ":;," or rules.datelines.match(unit.norm):
        return None
    return index


def _field(page: LabelledPage, name: str, index: int | None, doc_id: str) -> Field | None:
    if index is None:
        return None
    unit = page.units[index]
    return Field(doc_id, name, page.text[unit.start : unit.end], unit.start, unit.end, EXTRACTOR)


def find_layout(
    text: str,
    *,
    doc_id: str,
    settings: Settings,
    start: int = 0,
    language: str = DEFAULT_LANGUAGE,
) -> Layout:
    """Recognise the tags line, title, deck, outlet and excluded ranges of a plain text.

    ``start`` is where the article begins (text before it, such as a front-matter block, is
    ignored). Pure: the only input read is the lexicons of ``language``, once per settings.
    """
    rules = layout_rules(settings, language=language)
    units = paragraphs(text, min(max(start, 0), len(text)))
    page = label_boilerplate(text, units, rules)
    tags = _tags(page, rules, doc_id)
    title = _title(page, rules)
    deck = _deck(page, rules, title) if title is not None else None
    label_duplicates(page)
    return Layout(
        tags=tags,
        title=_field(page, "title", title, doc_id),
        deck=_field(page, "deck", deck, doc_id),
        outlet=find_outlet(page, rules, doc_id),
        excluded=excluded_ranges(page, doc_id),
    )


def article_layout(
    raw: RawArticle, *, settings: Settings, language: str = DEFAULT_LANGUAGE
) -> tuple[Layout, tuple[ExcludedRange, ...]]:
    """The layout of a reader's article and every range of it that is not article text.

    The layout is read from where the article begins, after any range the reader excluded
    at the very start (a front-matter block); the ranges are the reader's and then the
    layout's that do not overlap them, in text order.
    """
    start = max((end for first, end, _ in raw.excluded if first == 0), default=0)
    layout = find_layout(raw.text, doc_id=raw.id, settings=settings, start=start, language=language)
    return layout, merge_excluded(raw, layout.excluded)
