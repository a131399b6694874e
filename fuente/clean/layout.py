"""The layout stage for plain text: tags line, title, deck, outlet and excluded ranges.

``find_layout`` cuts an article into paragraphs (a line, or a block of hard-wrapped lines) and
recognises a leading tags line (or a labelled ``Tags: a, b`` line), the title (the first
paragraph left, when it reads as a headline), the deck (the next one, when it reads as a
standfirst), the outlet where the text names it, and the paragraphs that are not the article's
own text. Those are excluded, whole paragraphs or blocks, with one of the ``REASONS``; a
comment section runs from its header to the end of the text, and ``byline`` covers standalone
byline and credit lines ("By …", "(Reporting by …)", "This article first appeared on …").
Rules are general; phrases live in ``fuente/data/en/boilerplate.yaml`` and ``outlets.yaml``,
which a user's ``lexicon_dir`` extends (a new boilerplate section is a new reason). The text is
never changed: every offset is a Python string index into it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import pairwise

from fuente.errors import ConfigError, message
from fuente.lexicon import load_lexicon, words
from fuente.records import ExcludedRange, Field, Layout
from fuente.settings import Settings
from fuente.text import TAG_SEPARATORS, split_tags

__all__ = ["EXTRACTOR", "REASONS", "find_layout"]

EXTRACTOR = "layout@1"
REASONS = (
    "tags-line", "support-appeal", "link-list", "comment-section", "comment", "share-navigation",
    "cookie-notice", "spam-notice", "byline", "copyright", "duplicate",
)  # fmt: skip

MAX_BOILERPLATE_WORDS = 80  # a longer paragraph is prose, whatever phrase it holds
MAX_BOILERPLATE_CHARS = 800  # ... and so is one of very long words (keeps matching linear)
MAX_TAGS_WORDS = 10
MAX_TITLE_WORDS = 25
MAX_DECK_WORDS = 60
MAX_HEADLINE_WORDS = 20  # an item of a link list
MAX_LABEL_WORDS = 6  # a form label inside a comment section ("Reply", "Ana says:")
MAX_OUTLET_WORDS = 6
MIN_DUPLICATE_WORDS = 6
SUPPORT_REACH = 6  # paragraphs from an appeal's opening to its closing line
WRAP_WIDTH = 100  # lines of hard-wrapped prose are at most this long

# Sections of boilerplate.yaml with a role of their own; every other section is a reason.
_SPECIAL = frozenset(
    {"support-appeal", "support-appeal-close", "link-list", "link-line", "comment-section",
     "tags-label", "datelines", "function-words"}
)  # fmt: skip
_NAME_SECTIONS = frozenset({"outlet-name", "person-name", "not-outlet"})
_FLAT = str.maketrans(
    {"‘": "'", "’": "'", "“": '"', "”": '"', "\n": " ", "\r": " ", "\t": " ", "\xa0": " "}
)
_CLOSERS = "\"')]»*"
_SENTENCE_END = re.compile(r"(?:(?<=[a-z]{2})|(?<=[0-9%)\]]))[.!?][\"')\]]*\s+[\"'(\[]?[A-Z]")
_TITLE_SENTENCE_END = re.compile(r"(?<=[a-z]{2})\.[\"')\]]*\s+[\"'(\[]?[A-Z]")
_TAG = re.compile(r"#?[^\W_](?:[\w&'+.-]*\w)?")
_NEVER = re.compile(r"(?!)")


@dataclass(frozen=True, slots=True)
class _Unit:
    """One paragraph: its span in the text and two matching forms of its words."""

    start: int
    end: int
    flat: str  # text[start:end] with straight quotes and spaces for line breaks (same length)
    norm: str  # ``flat`` with runs of whitespace made one space
    words: int
    wrapped: bool  # several hard-wrapped lines read as one paragraph


@dataclass(frozen=True, slots=True)
class _Rules:
    """The lexicons compiled once: one pattern per section."""

    sections: dict[str, re.Pattern[str]]  # boilerplate sections, whole-paragraph patterns
    reasons: tuple[str, ...]  # boilerplate sections that exclude one paragraph each
    tags_label: re.Pattern[str]
    datelines: re.Pattern[str]
    function_words: frozenset[str]
    outlets: tuple[re.Pattern[str], ...]  # in order of preference
    not_outlet: re.Pattern[str]


def _join(lexicon: Mapping[str, Sequence[object]], key: str, *, name: str) -> str:
    """The entries of one lexicon section as one alternation, each checked to be a pattern."""
    entries = lexicon.get(key, ())
    for entry in entries:
        if not isinstance(entry, str):
            reason = f"section {key!r}: {entry!r} is not a string (quote it)"
            raise ConfigError(message("E034", path=f"{name}.yaml", reason=reason))
        try:
            re.compile(entry.replace("{outlet}", "x").replace("{person}", "x"))
        except re.error as error:
            reason = f"section {key!r}: pattern {entry!r} is not valid ({error})"
            raise ConfigError(message("E034", path=f"{name}.yaml", reason=reason)) from None
    return "|".join(f"(?:{entry})" for entry in entries) if entries else _NEVER.pattern


@lru_cache(maxsize=16)
def _rules(settings: Settings) -> _Rules:
    """Compile the boilerplate and outlet lexicons of these settings (once per settings)."""
    boilerplate = load_lexicon("boilerplate", settings=settings)
    outlets = load_lexicon("outlets", settings=settings)
    _join(boilerplate, "function-words", name="boilerplate")  # checked, not matched
    sections = {
        key: re.compile(_join(boilerplate, key, name="boilerplate"), re.IGNORECASE)
        for key in boilerplate
        if key not in ("function-words", "datelines")
    }
    outlet = _join(outlets, "outlet-name", name="outlets")
    person = _join(outlets, "person-name", name="outlets")
    patterns = []
    for key in [key for key in outlets if key not in _NAME_SECTIONS]:
        filled = _join(outlets, key, name="outlets").replace("{person}", f"(?:{person})")
        # each {outlet} gets a group of its own; the first that took part in a match is read
        first, *rest = filled.split("{outlet}")
        named = first + "".join(f"(?P<outlet{n}>{outlet}){part}" for n, part in enumerate(rest))
        patterns.append(re.compile(named, re.IGNORECASE))
    tags_label = _join(boilerplate, "tags-label", name="boilerplate")
    return _Rules(
        sections=sections,
        reasons=tuple(key for key in sections if key not in _SPECIAL),
        tags_label=re.compile(rf"(?:{tags_label})\s*:\s*", re.IGNORECASE),
        datelines=re.compile(_join(boilerplate, "datelines", name="boilerplate")),
        function_words=frozenset(str(w).casefold() for w in boilerplate.get("function-words", ())),
        outlets=tuple(patterns),
        not_outlet=re.compile(_join(outlets, "not-outlet", name="outlets"), re.IGNORECASE),
    )


def _is_wrapped(text: str, lines: Sequence[tuple[int, int]]) -> bool:
    """Whether a block of lines is one hard-wrapped paragraph rather than a line per paragraph.

    Wrapped prose has lines of nearly even width, and most of its breaks fall mid-sentence.
    """
    if len(lines) < 2:
        return False
    lengths = [end - start for start, end in lines]
    widest = max(lengths)
    if widest > WRAP_WIDTH or min(lengths[:-1]) < max(40, 0.6 * widest):
        return False
    running_on = sum(
        1 for (_, end), (start, _) in pairwise(lines)
        if text[start].islower() or text[end - 1] in ",;-"
    )  # fmt: skip
    return 2 * running_on >= len(lines) - 1


def _unit(text: str, start: int, end: int, *, wrapped: bool) -> _Unit:
    flat = text[start:end].translate(_FLAT)
    norm = " ".join(flat.split())
    return _Unit(start, end, flat, norm, norm.count(" ") + 1, wrapped)


def _units(text: str, start: int) -> list[_Unit]:
    """The paragraphs of ``text`` from ``start``: lines grouped in blocks at blank lines, a
    block one paragraph when it is hard-wrapped prose, else one paragraph per line."""
    units: list[_Unit] = []
    block: list[tuple[int, int]] = []  # spans of the block's lines, stripped
    position = start
    for line in [*text[start:].split("\n"), ""]:
        content = line.strip()
        if content:
            left = position + len(line) - len(line.lstrip())
            block.append((left, left + len(content)))
        elif block:
            # a title (and deck) line may sit right on top of a wrapped paragraph
            lead = next((n for n in range(3) if _is_wrapped(text, block[n:])), len(block))
            units.extend(_unit(text, first, last, wrapped=False) for first, last in block[:lead])
            if lead < len(block):
                units.append(_unit(text, block[lead][0], block[-1][1], wrapped=True))
            block = []
        position += len(line) + 1
    return units


def _last_char(norm: str) -> str:
    """The last character of a paragraph that is not a closing quote or bracket."""
    stripped = norm.rstrip(_CLOSERS)
    return stripped[-1] if stripped else ""


def _headline_like(unit: _Unit, *, limit: int) -> bool:
    """A single short line that does not end like a sentence or a lead-in."""
    return (
        not unit.wrapped
        and unit.words <= limit
        and any(char.isalpha() for char in unit.norm)
        and _last_char(unit.norm) not in ".:;,…"
    )


@dataclass(slots=True)
class _Page:
    """The working state of one call: paragraphs and, for each, its exclusion reason (or None)
    and whether it continues the excluded block of the paragraph before it."""

    text: str
    units: list[_Unit]
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


def _fullmatch(rules: _Rules, key: str, unit: _Unit, *, limit: int = MAX_BOILERPLATE_WORDS) -> bool:
    """Whether the boilerplate section ``key`` matches the whole paragraph (of ``limit`` words
    at most)."""
    pattern = rules.sections.get(key)
    short = unit.words <= limit and len(unit.norm) <= MAX_BOILERPLATE_CHARS
    return pattern is not None and short and bool(pattern.fullmatch(unit.norm))


def _simple_reason(rules: _Rules, unit: _Unit) -> str | None:
    """The reason a paragraph is excluded on its own, by the phrases of one section."""
    reason = next((key for key in rules.reasons if _fullmatch(rules, key, unit)), None)
    if reason is None and _fullmatch(rules, "link-line", unit):
        reason = "link-list"
    if reason is None and _fullmatch(rules, "support-appeal-close", unit, limit=MAX_LABEL_WORDS):
        reason = "support-appeal"
    return reason


def _comment_section(units: Sequence[_Unit], rules: _Rules) -> int:
    """Where the comment section begins: the first comment header after the article's start."""
    return next(
        (i for i in range(2, len(units)) if _fullmatch(rules, "comment-section", units[i])),
        len(units),
    )


def _label_comments(page: _Page, rules: _Rules) -> None:
    """Everything from the comment header on: headers and short labels are ``comment-section``,
    other boilerplate keeps its reason, and the rest is readers' ``comment``s."""
    for index in range(page.section, len(page.units)):
        unit = page.units[index]
        reason = _simple_reason(rules, unit)
        if reason is None:
            label = unit.words <= MAX_LABEL_WORDS and _last_char(unit.norm) not in ".!?…"
            header = label or _fullmatch(rules, "comment-section", unit)
            reason = "comment-section" if header else "comment"
        page.labels[index] = reason


def _appeal_end(page: _Page, rules: _Rules, opening: int) -> int:
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
        closes(last + 1) or _fullmatch(rules, "support-appeal", page.units[last + 1])
    ):
        last += 1
    return last


def _label_support(page: _Page, rules: _Rules) -> None:
    """Each reader-support appeal, as one block."""
    index = 0
    while index < page.section:
        if _fullmatch(rules, "support-appeal", page.units[index]):
            last = _appeal_end(page, rules, index)
            page.label(index, last, "support-appeal")
            index = last
        index += 1


def _label_simple(page: _Page, rules: _Rules) -> None:
    """Paragraphs excluded on their own: navigation, notices, bylines, promo lines."""
    for index in range(page.section):
        if page.labels[index] is None:
            page.labels[index] = _simple_reason(rules, page.units[index])


def _label_link_lists(page: _Page, rules: _Rules) -> None:
    """A link-list header ("Read more") and the short headline lines that follow it."""
    for index in range(page.section):
        if page.labels[index] is not None:
            continue
        if not _fullmatch(rules, "link-list", page.units[index], limit=MAX_LABEL_WORDS):
            continue
        last = index
        while (
            last + 1 < page.section
            and page.labels[last + 1] is None
            and _headline_like(page.units[last + 1], limit=MAX_HEADLINE_WORDS)
        ):
            last += 1
        page.label(index, last, "link-list")


def _is_tags_line(unit: _Unit, rules: _Rules) -> bool:
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


def _leads_to_title(page: _Page, index: int) -> bool:
    """Whether the paragraph after ``index`` reads as a headline, with more text after it."""
    after = page.free_after(index)
    return (
        after is not None
        and _headline_like(page.units[after], limit=MAX_TITLE_WORDS)
        and page.free_after(after) is not None
    )


def _tags(page: _Page, rules: _Rules, doc_id: str) -> Field | None:
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


def _title(page: _Page, rules: _Rules) -> int | None:
    """The index of the title: the first paragraph not excluded, when it reads as a headline."""
    index = page.free_after(-1)
    if index is None or page.free_after(index) is None:
        return None
    unit = page.units[index]
    words = sum(1 for word in unit.norm.split() if any(char.isalpha() for char in word))
    headline = words >= 2 and _headline_like(unit, limit=MAX_TITLE_WORDS)
    if not headline or _TITLE_SENTENCE_END.search(unit.norm) or rules.datelines.match(unit.norm):
        return None
    return index


def _deck(page: _Page, rules: _Rules, title: int) -> int | None:
    """The index of the deck: the paragraph after the title, when it reads as a standfirst
    (one sentence or an unpunctuated line, no dateline, with more text after it)."""
    index = page.free_after(title)
    if index is None or page.free_after(index) is None:
        return None
    unit = page.units[index]
    long = unit.words > MAX_DECK_WORDS or _SENTENCE_END.search(unit.norm)
    if long or _last_char(unit.norm) in ":;," or rules.datelines.match(unit.norm):
        return None
    return index


def _label_duplicates(page: _Page) -> None:
    """Second and later copies of a paragraph of six words or more (whitespace aside)."""
    seen: set[str] = set()
    for index, unit in enumerate(page.units):
        if unit.words < MIN_DUPLICATE_WORDS:
            continue
        if unit.norm in seen and page.labels[index] is None:
            page.labels[index] = "duplicate"
        seen.add(unit.norm)


_CONNECTORS = words("name-connectors")


def _name_span(flat: str, start: int, end: int) -> tuple[int, int] | None:
    """The span of an outlet's name within a matched stretch: capitalised words (and the
    small words between them), cut at the first lowercase word or closing punctuation."""
    taken: list[tuple[int, int, bool]] = []
    for token in re.finditer(r"\S+", flat[start:end]):
        word = token.group()
        core = word.rstrip(",;:!?\"')")
        connector = core.casefold() in _CONNECTORS
        if not core or not (core[0].isupper() or core[0].isdigit() or connector):
            break
        full_stop = core.endswith(".") and core.count(".") == 1
        core = core[:-1] if full_stop else core
        taken.append((start + token.start(), start + token.start() + len(core), connector))
        if full_stop or core != word:
            break
    while taken and taken[-1][2]:
        taken.pop()
    while taken and taken[0][2] and flat[taken[0][0]].islower():
        taken.pop(0)
    if not taken or len(taken) > MAX_OUTLET_WORDS:
        return None
    return taken[0][0], taken[-1][1]


def _outlet(page: _Page, rules: _Rules, doc_id: str) -> Field | None:
    """The outlet the text names, from the first kind of pattern (in the order of
    outlets.yaml) that matches a paragraph before the comment section."""
    for pattern in rules.outlets:
        for unit in page.units[: page.section]:
            match = pattern.match(unit.flat)
            if match is None:
                continue
            group = next((name for name, value in match.groupdict().items() if value), None)
            span = _name_span(unit.flat, *match.span(group)) if group else None
            if span is None or rules.not_outlet.fullmatch(unit.flat[span[0] : span[1]]):
                continue
            start, end = unit.start + span[0], unit.start + span[1]
            return Field(doc_id, "outlet", page.text[start:end], start, end, EXTRACTOR)
    return None


def _field(page: _Page, name: str, index: int | None, doc_id: str) -> Field | None:
    if index is None:
        return None
    unit = page.units[index]
    return Field(doc_id, name, page.text[unit.start : unit.end], unit.start, unit.end, EXTRACTOR)


def _ranges(page: _Page, doc_id: str) -> tuple[ExcludedRange, ...]:
    """The excluded paragraphs as ranges, one per block, in text order."""
    ranges: list[ExcludedRange] = []
    for unit, reason, joined in zip(page.units, page.labels, page.joined, strict=True):
        if reason is not None and joined and ranges and ranges[-1].reason == reason:
            ranges[-1] = replace(ranges[-1], end=unit.end)
        elif reason is not None:
            ranges.append(ExcludedRange(doc_id, unit.start, unit.end, reason, EXTRACTOR))
    return tuple(ranges)


def find_layout(text: str, *, doc_id: str, settings: Settings, start: int = 0) -> Layout:
    """Recognise the tags line, title, deck, outlet and excluded ranges of a plain text.

    ``start`` is where the article begins (text before it, such as a front-matter block, is
    ignored). Pure: the only input read is the lexicons, once per settings.
    """
    rules = _rules(settings)
    units = _units(text, min(max(start, 0), len(text)))
    page = _Page(text, units, [None] * len(units), [False] * len(units), len(units))
    page.section = _comment_section(units, rules)
    _label_comments(page, rules)
    _label_support(page, rules)
    _label_simple(page, rules)
    _label_link_lists(page, rules)
    tags = _tags(page, rules, doc_id)
    title = _title(page, rules)
    deck = _deck(page, rules, title) if title is not None else None
    _label_duplicates(page)
    return Layout(
        tags=tags,
        title=_field(page, "title", title, doc_id),
        deck=_field(page, "deck", deck, doc_id),
        outlet=_outlet(page, rules, doc_id),
        excluded=_ranges(page, doc_id),
    )
