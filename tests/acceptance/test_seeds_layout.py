"""Acceptance: titles, decks, tags, outlets and excluded ranges of the seed articles
(../shared/ACCEPTANCE.md). Only the short strings that ACCEPTANCE.md quotes appear here."""

from __future__ import annotations

import pytest

from fuente.clean.layout import find_layout
from fuente.records import Layout
from fuente.settings import Settings

pytestmark = pytest.mark.seeds


def layout_of(text: str) -> Layout:
    return find_layout(text, doc_id="seed", settings=Settings())


def uncovered(layout: Layout, text: str, start: int, end: int, reasons: set[str]) -> str:
    """The characters of text[start:end], whitespace aside, that no range of ``reasons``
    covers (empty when the stretch is wholly excluded for those reasons)."""
    covered = [(r.start, r.end) for r in layout.excluded if r.reason in reasons]
    return "".join(
        char
        for position, char in enumerate(text[start:end], start)
        if not char.isspace() and not any(s <= position < e for s, e in covered)
    )


def excluded_at(layout: Layout, position: int) -> set[str]:
    return {r.reason for r in layout.excluded if r.start <= position < r.end}


def test_seed_000_title_and_deck(seed_text) -> None:
    text = seed_text("000")
    layout = layout_of(text)
    assert layout.title is not None
    assert layout.title.value == "Conversations with a Regime Insider"
    assert layout.deck is not None
    assert layout.deck.value == text.split("\n")[1]
    assert text[layout.deck.start : layout.deck.end] == layout.deck.value


def test_seed_000_support_appeal_excluded_and_outlet(seed_text) -> None:
    text = seed_text("000")
    layout = layout_of(text)
    start = text.index("Caracas Chronicles is 100% reader-supported.")
    end = text.index("Donate", start) + len("Donate")
    assert uncovered(layout, text, start, end, {"support-appeal"}) == ""
    assert excluded_at(layout, start - 2) == set()  # the article's last line is body
    assert layout.outlet is not None and layout.outlet.value == "Caracas Chronicles"
    assert text[layout.outlet.start : layout.outlet.end] == "Caracas Chronicles"


@pytest.mark.parametrize(
    "opening",
    ["I asked about the opposition inside Venezuela.", "That’s the mood inside the regime."],
)
def test_seed_000_second_copy_is_a_duplicate(seed_text, opening: str) -> None:
    text = seed_text("000")
    layout = layout_of(text)
    first = text.index(opening)
    second = text.index(opening, first + 1)
    second_end = text.index("\n", second)
    assert excluded_at(layout, first) == set()
    assert any(
        r.reason == "duplicate" and r.start == second and r.end == second_end
        for r in layout.excluded
    )


def test_seed_000_only_the_appeal_and_duplicates_are_excluded(seed_text) -> None:
    layout = layout_of(seed_text("000"))
    assert {r.reason for r in layout.excluded} == {"support-appeal", "duplicate"}
    assert len(layout.excluded) == 3


def test_seed_001_has_no_title_and_no_body_excluded(seed_text) -> None:
    layout = layout_of(seed_text("001"))
    assert layout.title is None
    assert layout.deck is None
    assert layout.excluded == ()


def test_seed_002_tags_title_and_deck(seed_text) -> None:
    text = seed_text("002")
    layout = layout_of(text)
    tags = "geopolitics Maduro politics Venezuela"
    assert layout.tags is not None and layout.tags.value == tags
    assert (layout.tags.start, layout.tags.end) == (0, len(tags))
    assert excluded_at(layout, 0) == {"tags-line"}
    assert layout.title is not None
    assert layout.title.value == (
        "Trump Officials Held Secret Maduro Coup Talks With Rogue Venezuelan Military Officers"
    )
    assert layout.deck is not None
    assert layout.deck.value == "Secure radios could have changed the country's history."


def test_seed_002_read_more_block_with_four_headlines(seed_text) -> None:
    text = seed_text("002")
    layout = layout_of(text)
    start = text.index("Read more")
    comments = text.index("1 comment on")
    (block,) = [r for r in layout.excluded if r.reason == "link-list"]
    assert block.start == start
    assert text[block.end : comments].strip() == ""
    lines = [line for line in text[block.start : block.end].split("\n") if line.strip()]
    assert len(lines) == 1 + 4


@pytest.mark.parametrize(
    ("phrase", "reasons"),
    [
        ("1 comment on", {"comment-section"}),
        ("Speak On It", {"comment-section"}),
        ("This site uses Akismet", {"spam-notice"}),
        ("Skip to toolbar", {"share-navigation"}),
    ],
)
def test_seed_002_comment_section_and_notices_excluded(seed_text, phrase, reasons) -> None:
    text = seed_text("002")
    layout = layout_of(text)
    assert excluded_at(layout, text.index(phrase)) == reasons


def test_seed_002_reader_comment_is_a_comment(seed_text) -> None:
    text = seed_text("002")
    layout = layout_of(text)
    after_header = text.index("\n", text.index("1 comment on"))
    form = text.index("Speak On It")
    assert text[after_header:form].strip()  # the reader's comment is there
    assert uncovered(layout, text, after_header, form, {"comment"}) == ""


def test_seed_002_everything_from_the_comment_header_on_is_excluded(seed_text) -> None:
    text = seed_text("002")
    layout = layout_of(text)
    every = {r.reason for r in layout.excluded}
    assert uncovered(layout, text, text.index("1 comment on"), len(text), every) == ""


def test_seed_002_no_body_paragraph_is_excluded(seed_text) -> None:
    text = seed_text("002")
    layout = layout_of(text)
    assert layout.deck is not None
    body = (layout.deck.end, text.index("Read more"))
    assert not [r for r in layout.excluded if r.start < body[1] and body[0] < r.end]
    assert excluded_at(layout, text.index("Late last month")) == set()
