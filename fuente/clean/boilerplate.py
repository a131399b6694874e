"""Paragraphs that are not the article's own text, each excluded with one of the ``REASONS``.

Whole paragraphs (or blocks of them) are labelled: a comment section runs from its header to
the end of the text, a reader-support appeal from its opening to its closing line, a link list
from its header over the headlines after it; navigation, notices, bylines and credit lines go
one paragraph at a time, and second copies of a paragraph go last. The labels become
``ExcludedRange``s, one per block, and ``merge_excluded`` puts them beside the ranges a reader
already knew.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from fuente.clean.paragraphs import Paragraph, headline_like, last_char
from fuente.clean.rules import LayoutRules
from fuente.records import ExcludedRange, RawArticle

__all__ = [
    "EXTRACTOR",
    "MAX_BOILERPLATE_WORDS",
    "READER_EXCLUSION",
    "REASONS",
    "LabelledPage",
    "excluded_ranges",
    "fullmatch",
    "label_boilerplate",
    "label_duplicates",
    "merge_excluded",
]

EXTRACTOR = "layout@1"
READER_EXCLUSION = "readers@1"  # the version of a range the reader excluded (its EXTRACTOR)
REASONS = (
    "tags-line", "support-appeal", "link-list", "comment-section", "comment", "share-navigation",
    "cookie-notice", "spam-notice", "byline", "copyright", "duplicate",
)  # fmt: skip

MAX_BOILERPLATE_WORDS = 80  # a longer paragraph is prose, whatever phrase it holds
MAX_BOILERPLATE_CHARS = 800  # ... and so is one of very long words (keeps matching linear)
MAX_HEADLINE_WORDS = 20  # an item of a link list
MAX_LABEL_WORDS = 6  # a form label inside a comment section ("Reply", "Ana says:")
MIN_DUPLICATE_WORDS = 6
SUPPORT_REACH = 6  # paragraphs from an appeal's opening to its closing line


@dataclass(slots=True)
class LabelledPage:
    """The working state of one call: paragraphs and, for each, its exclusion reason (or None)
    and whether it continues the excluded block of the paragraph before it."""

    text: str
    units: list[Paragraph]
    labels: list[str | None]
    joined: list[bool]
    section: int  # index of the first paragraph of the comment section (len(units) if none)

    def free_after(self, index: int) -> int | None:
        """The first paragraph after ``index`` (before the comment section) not excluded."""
        return next((i for i in range(index + 1, self.section) if self.labels[i] is None), None)

    def label(self, first: int, last: int, reason: str) -> None:
        """Exclude paragraphs ``first`` to ``last`` as one block."""
        for index in range(first, last + 1):
            self.labels[index] = reason
            self.joined[index] = index > first


def fullmatch(
    rules: LayoutRules, key: str, unit: Paragraph, *, limit: int = MAX_BOILERPLATE_WORDS
) -> bool:
    """Whether the boilerplate section ``key`` matches the whole paragraph (of ``limit`` words
    at most)."""
    pattern = rules.sections.get(key)
    short = unit.words <= limit and len(unit.norm) <= MAX_BOILERPLATE_CHARS
    return pattern is not None and short and bool(pattern.fullmatch(unit.norm))


def _simple_reason(rules: LayoutRules, unit: Paragraph) -> str | None:
    """The reason a paragraph is excluded on its own, by the phrases of one section."""
    reason = next((key for key in rules.reasons if fullmatch(rules, key, unit)), None)
    if reason is None and fullmatch(rules, "link-line", unit):
        reason = "link-list"
    if reason is None and fullmatch(rules, "support-appeal-close", unit, limit=MAX_LABEL_WORDS):
        reason = "support-appeal"
    return reason


def _comment_section(units: Sequence[Paragraph], rules: LayoutRules) -> int:
    """Where the comment section begins: the first comment header after the article's start."""
    return next(
        (i for i in range(2, len(units)) if fullmatch(rules, "comment-section", units[i])),
        len(units),
    )


def _label_comments(page: LabelledPage, rules: LayoutRules) -> None:
    """Everything from the comment header on: headers and short labels are ``comment-section``,
    other boilerplate keeps its reason, and the rest is readers' ``comment``s."""
    for index in range(page.section, len(page.units)):
        unit = page.units[index]
        reason = _simple_reason(rules, unit)
        if reason is None:
            label = unit.words <= MAX_LABEL_WORDS and last_char(unit.norm) not in ".!?…"
            header = label or fullmatch(rules, "comment-section", unit)
            reason = "comment-section" if header else "comment"
        page.labels[index] = reason


def _appeal_end(page: LabelledPage, rules: LayoutRules, opening: int) -> int:
    """The last paragraph of the support appeal that opens at ``opening``: its closing line
    ("Donate") when one follows closely, else the last of the appeal-like paragraphs after it."""

    def closes(index: int) -> bool:
        return _simple_reason(rules, page.units[index]) == "support-appeal"

    reach = range(opening + 1, min(opening + 1 + SUPPORT_REACH, page.section))
    last = next((index for index in reach if closes(index)), None)
    if last is not None:
        return last
    last = opening
    while last + 1 < page.section and (
        closes(last + 1) or fullmatch(rules, "support-appeal", page.units[last + 1])
    ):
        last += 1
    return last


def _label_support(page: LabelledPage, rules: LayoutRules) -> None:
    """Each reader-support appeal, as one block."""
    index = 0
    while index < page.section:
        if fullmatch(rules, "support-appeal", page.units[index]):
            last = _appeal_end(page, rules, index)
            page.label(index, last, "support-appeal")
            index = last
        index += 1


def _label_simple(page: LabelledPage, rules: LayoutRules) -> None:
    """Paragraphs excluded on their own: navigation, notices, bylines, promo lines."""
    for index in range(page.section):
        if page.labels[index] is None:
            page.labels[index] = _simple_reason(rules, page.units[index])


def _label_link_lists(page: LabelledPage, rules: LayoutRules) -> None:
    """A link-list header ("Read more") and the short headline lines that follow it."""
    for index in range(page.section):
        if page.labels[index] is not None:
            continue
        if not fullmatch(rules, "link-list", page.units[index], limit=MAX_LABEL_WORDS):
            continue
        last = index
        while (
            last + 1 < page.section
            and page.labels[last + 1] is None
            and headline_like(page.units[last + 1], limit=MAX_HEADLINE_WORDS)
        ):
            last += 1
        page.label(index, last, "link-list")


def label_boilerplate(text: str, units: list[Paragraph], rules: LayoutRules) -> LabelledPage:
    """The page with its comment section, support appeals, one-paragraph boilerplate and link
    lists labelled, in that order (an earlier label stands)."""
    page = LabelledPage(text, units, [None] * len(units), [False] * len(units), len(units))
    page.section = _comment_section(units, rules)
    _label_comments(page, rules)
    _label_support(page, rules)
    _label_simple(page, rules)
    _label_link_lists(page, rules)
    return page


def label_duplicates(page: LabelledPage) -> None:
    """Second and later copies of a paragraph of six words or more (whitespace aside)."""
    seen: set[str] = set()
    for index, unit in enumerate(page.units):
        if unit.words < MIN_DUPLICATE_WORDS:
            continue
        if unit.norm in seen and page.labels[index] is None:
            page.labels[index] = "duplicate"
        seen.add(unit.norm)


def excluded_ranges(page: LabelledPage, doc_id: str) -> tuple[ExcludedRange, ...]:
    """The excluded paragraphs as ranges, one per block, in text order."""
    ranges: list[ExcludedRange] = []
    for unit, reason, joined in zip(page.units, page.labels, page.joined, strict=True):
        if reason is not None and joined and ranges and ranges[-1].reason == reason:
            ranges[-1] = replace(ranges[-1], end=unit.end)
        elif reason is not None:
            ranges.append(ExcludedRange(doc_id, unit.start, unit.end, reason, EXTRACTOR))
    return tuple(ranges)


def merge_excluded(raw: RawArticle, found: tuple[ExcludedRange, ...]) -> tuple[ExcludedRange, ...]:
    """The reader's ranges, plus the ones ``found`` that do not overlap them, in text order."""
    given = tuple(
        ExcludedRange(raw.id, start, end, reason, READER_EXCLUSION)
        for start, end, reason in raw.excluded
    )
    kept = list(given)
    for candidate in found:
        if not any(candidate.start < r.end and r.start < candidate.end for r in given):
            kept.append(candidate)
    return tuple(sorted(kept, key=lambda r: (r.start, r.end)))
