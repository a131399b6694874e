"""The layout stage on short texts written for these tests."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from fuente.clean.layout import EXTRACTOR, REASONS, find_layout
from fuente.errors import ConfigError
from fuente.records import Layout
from fuente.settings import Settings

SETTINGS = Settings()
BODY = (
    "The finance ministry said on Monday that it would publish the figures next week.\n\n"
    "Opposition lawmakers said the delay was meant to hide the scale of the losses.\n"
)
MORE = (
    "Dealers in the capital said demand for dollars had surged after the announcement.\n\n"
    "The presidency did not respond to a request for comment on Tuesday.\n"
)


def layout_of(text: str, **options) -> Layout:
    return find_layout(text, doc_id="doc", settings=options.pop("settings", SETTINGS), **options)


def reasons_at(layout: Layout, text: str, phrase: str) -> set[str]:
    """The reasons of the excluded ranges that hold ``phrase`` (its first occurrence)."""
    start = text.index(phrase)
    end = start + len(phrase)
    return {r.reason for r in layout.excluded if r.start <= start and end <= r.end}


def excluded_text(layout: Layout, text: str) -> list[str]:
    return [text[r.start : r.end] for r in layout.excluded]


@pytest.mark.parametrize(
    ("first_line", "tags"),
    [
        ("geopolitics Maduro politics Venezuela", "geopolitics Maduro politics Venezuela"),
        ("economy, Marovia, inflation", "economy, Marovia, inflation"),
        ("#marek #PortSelden", "#marek #PortSelden"),
        ("politics", "politics"),
        ("Tags: protests, police, Port Selden", "protests, police, Port Selden"),
        ("Etiquetas: economía, Marovia", "economía, Marovia"),
    ],
)
def test_layout_tags_line_is_a_field_and_excluded(first_line: str, tags: str) -> None:
    text = f"{first_line}\nCentral bank sells reserves as the marek slides\n\n{BODY}"
    layout = layout_of(text)
    assert layout.tags is not None and layout.tags.value == tags
    assert text[layout.tags.start : layout.tags.end] == tags
    assert excluded_text(layout, text)[0] == first_line
    assert layout.excluded[0].reason == "tags-line"
    assert layout.title is not None
    assert layout.title.value == "Central bank sells reserves as the marek slides"


@pytest.mark.parametrize(
    "first_line",
    [
        "Marek slides as reserves fall",  # a title: the next paragraph is prose, not a headline
        "The marek slid on Monday",  # function words
        "Marek slides, reserves fall.",  # a sentence
    ],
)
def test_layout_headline_is_not_a_tags_line(first_line: str) -> None:
    text = f"{first_line}\n\n{BODY}"
    layout = layout_of(text)
    assert layout.tags is None
    assert "tags-line" not in {r.reason for r in layout.excluded}


def test_layout_labelled_tags_line_at_the_end_is_excluded() -> None:
    text = f"Marek slides as reserves fall\n\n{BODY}\nTags: economy, Marovia\n"
    layout = layout_of(text)
    assert layout.tags is not None and layout.tags.value == "economy, Marovia"
    assert reasons_at(layout, text, "Tags: economy, Marovia") == {"tags-line"}


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (f"Marek slides to a 20-year low\n\n{BODY}", "Marek slides to a 20-year low"),
        (f"Is the marek finished?\n{BODY}", "Is the marek finished?"),
        (
            f"Skip to content\nMarek slides to a 20-year low\n\n{BODY}",
            "Marek slides to a 20-year low",
        ),
        (
            f"Home > World > Europe\nMarek slides to a 20-year low\n{BODY}",
            "Marek slides to a 20-year low",
        ),
    ],
)
def test_layout_title_is_the_first_headline_line(text: str, title: str) -> None:
    layout = layout_of(text)
    assert layout.title is not None and layout.title.value == title
    assert text[layout.title.start : layout.title.end] == title


@pytest.mark.parametrize(
    "text",
    [
        # the first line is a long paragraph of prose
        "Marovia's currency fell to its weakest level in two decades on Monday, and the central "
        "bank said it had sold part of its reserves to slow the slide, which dealers said had "
        "not been seen since the crisis of 2009 when the government imposed capital controls.\n"
        + BODY,
        "The marek fell again on Monday.\n" + BODY,  # ends with a full stop
        "PORT SELDEN (Reuters) - The marek fell\n" + BODY,  # a dateline
        "Marek slides to a 20-year low\n",  # nothing follows it
        "March 3, 2025\n" + BODY,  # a date, not a headline
    ],
)
def test_layout_no_title(text: str) -> None:
    assert layout_of(text).title is None


@pytest.mark.parametrize(
    "deck",
    [
        "The central bank sold reserves for the third time this month.",
        "Dealers expect capital controls within weeks",  # an unpunctuated standfirst
        "Why the marek's slide worries Vestmark more than Marovia?",
    ],
)
def test_layout_deck_follows_the_title(deck: str) -> None:
    text = f"Marek slides to a 20-year low\n{deck}\n\n{BODY}"
    layout = layout_of(text)
    assert layout.deck is not None and layout.deck.value == deck
    assert text[layout.deck.start : layout.deck.end] == deck


@pytest.mark.parametrize(
    "lead",
    [
        "CARACAS, March 3 (Reuters) - The central bank sold reserves for the third time.",
        "LIMA — The central bank sold reserves for the third time this month.",
        "The central bank sold reserves. Dealers said it had little choice.",  # two sentences
        "The governor said:",  # it introduces what follows
    ],
)
def test_layout_lead_paragraph_is_not_a_deck(lead: str) -> None:
    text = f"Marek slides to a 20-year low\n\n{lead}\n\n{BODY}"
    layout = layout_of(text)
    assert layout.title is not None
    assert layout.deck is None


def test_layout_no_deck_without_title() -> None:
    text = "The marek fell again on Monday.\nDealers expect controls\n\n" + BODY
    assert layout_of(text).deck is None


APPEAL = (
    "The Harbour Courier is 100% reader-supported.\n"
    "We take no money from parties or banks, and every story is paid for by readers.\n"
    "Donate\n"
)


def test_layout_support_appeal_runs_to_its_closing_line() -> None:
    text = f"Marek slides to a 20-year low\n\n{BODY}\n{APPEAL}"
    layout = layout_of(text)
    (appeal,) = [r for r in layout.excluded if r.reason == "support-appeal"]
    assert text[appeal.start : appeal.end] == APPEAL.strip()
    assert layout.outlet is not None and layout.outlet.value == "The Harbour Courier"


@pytest.mark.parametrize(
    "appeal",
    [
        "If you value our journalism, please support us with a monthly contribution.",
        "Si valoras nuestro periodismo, haz una donación hoy.",
        "Donate now",
        "Suscríbete",
    ],
)
def test_layout_support_appeal_alone(appeal: str) -> None:
    text = f"Marek slides to a 20-year low\n\n{BODY}\n{appeal}\n"
    assert reasons_at(layout_of(text), text, appeal) == {"support-appeal"}


def test_layout_link_list_header_and_its_headlines() -> None:
    block = (
        "Read more\n\nCourt frees deputy after four weeks\n\nWho runs the Interior Ministry?\n"
        "Marek slides to a 20-year low"
    )
    text = f"Opposition deputy detained\n\n{BODY}\n{block}\n\nThe debate goes on in parliament.\n"
    layout = layout_of(text)
    assert excluded_text(layout, text) == [block]
    assert layout.excluded[0].reason == "link-list"


@pytest.mark.parametrize(
    "line",
    ["Read more: Court frees deputy after four weeks", "Lee también: El marek cae otra vez"],
)
def test_layout_link_line(line: str) -> None:
    text = f"Opposition deputy detained\n\n{BODY}\n{line}\n\nThe debate goes on in parliament.\n"
    assert reasons_at(layout_of(text), text, line) == {"link-list"}


COMMENTS = (
    "2 comments on “Opposition deputy detained”\n\n"
    "Petra K. says:\n"
    "The police were at his door before midnight, I saw them myself.\n\n"
    "Leave a Reply\n"
    "This site uses Akismet to reduce spam. Learn how your comment data is processed.\n"
    "Skip to toolbar"
)


@pytest.mark.parametrize(
    ("phrase", "reason"),
    [
        ("2 comments on “Opposition deputy detained”", "comment-section"),
        ("Petra K. says:", "comment-section"),
        ("The police were at his door before midnight, I saw them myself.", "comment"),
        ("Leave a Reply", "comment-section"),
        ("This site uses Akismet to reduce spam.", "spam-notice"),
        ("Skip to toolbar", "share-navigation"),
    ],
)
def test_layout_comment_section_runs_to_the_end(phrase: str, reason: str) -> None:
    text = f"Opposition deputy detained\n\n{BODY}\n{COMMENTS}\n"
    layout = layout_of(text)
    assert reasons_at(layout, text, phrase) == {reason}
    assert not reasons_at(layout, text, BODY.split("\n")[0])


@pytest.mark.parametrize("header", ["12 Comments", "Join the conversation", "Comentarios"])
def test_layout_comment_headers(header: str) -> None:
    comment = "Nobody believes the official figures any more, and neither do I."
    text = f"Opposition deputy detained\n\n{BODY}\n{header}\n\n{comment}\n"
    layout = layout_of(text)
    assert reasons_at(layout, text, header) == {"comment-section"}
    assert reasons_at(layout, text, comment) == {"comment"}


def test_layout_two_responses_in_prose_do_not_open_a_comment_section() -> None:
    text = f"Opposition deputy detained\n\n{BODY}\nTwo responses to the crisis emerged.\n\n{MORE}"
    assert layout_of(text).excluded == ()


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Share this:", "share-navigation"),
        ("Click to share on Facebook (Opens in new window)", "share-navigation"),
        ("Follow us on Twitter and Telegram", "share-navigation"),
        ("Print", "share-navigation"),
        ("Email", "share-navigation"),
        ("Compartir", "share-navigation"),
        ("We use cookies to improve your experience. Accept", "cookie-notice"),
        ("Este sitio web utiliza cookies para mejorar su experiencia.", "cookie-notice"),
        ("This site uses Akismet to reduce spam.", "spam-notice"),
        ("By Ana Ruiz, Coastal Wire", "byline"),
        ("By Ana Ruiz, Reuters.", "byline"),
        ("By Ana Ruiz, staff writer", "byline"),
        ("Por Ana Ruiz | El Faro", "byline"),
        ("(Reporting by Mira Castell; Editing by Tom Farrow)", "byline"),
        ("This article first appeared on Coastal Wire.", "byline"),
        ("© 2024 The Tribune", "copyright"),
        ("Copyright 2018 Associated Press. All rights reserved.", "copyright"),
    ],
)
def test_layout_boilerplate_line_is_excluded(line: str, reason: str) -> None:
    text = f"Opposition deputy detained\n\n{BODY}\n{line}\n\n{MORE}"
    layout = layout_of(text)
    assert reasons_at(layout, text, line) == {reason}
    assert len(layout.excluded) == 1


@pytest.mark.parametrize(
    "line",
    [
        "By Tuesday the talks had failed and the envoys had gone home.",
        "By March, the central bank had sold a third of its reserves.",
        "By Maduro's own account, the talks had failed.",
        "Reporting by state media suggested the minister had resigned.",
        "Related-party loans were not disclosed to the regulator, the audit found.",
        "This story was published after the ministry declined to comment.",
        "(c) the government shall publish the index every month.",
        "Done.",
        "Join us on Saturday in Harbour Square, the party wrote.",
        "Copyright law was not the issue, the minister said.",
        "Email records show the minister knew of the plan in February.",
    ],
)
def test_layout_prose_that_starts_like_boilerplate_is_kept(line: str) -> None:
    text = f"Opposition deputy detained\n\n{BODY}\n{line}\n"
    assert layout_of(text).excluded == ()


def test_layout_duplicate_paragraph_second_copy_only() -> None:
    repeated = "The arrest came three days after the minister was reported to have met envoys."
    text = f"Opposition deputy detained\n\n{repeated}\n\n{BODY}\n{repeated}\n\nI jest.\n\nI jest.\n"
    layout = layout_of(text)
    second = text.rindex(repeated)
    assert [(r.start, r.end, r.reason) for r in layout.excluded] == [
        (second, second + len(repeated), "duplicate")
    ]


def test_layout_duplicate_ignores_whitespace() -> None:
    repeated = "The arrest came three days after the minister was reported to have met envoys."
    spaced = repeated.replace(" three ", "  three\t")
    text = f"Opposition deputy detained\n\n{repeated}\n\n{BODY}\n{spaced}\n"
    assert reasons_at(layout_of(text), text, spaced) == {"duplicate"}


@pytest.mark.parametrize(
    ("line", "outlet"),
    [
        ("By Ana Ruiz, Reuters", "Reuters"),
        ("By Ana Ruiz | El Faro", "El Faro"),
        ("By Ana Ruiz and Tom Farrow, The Selden Ledger", "The Selden Ledger"),
        ("CARACAS (Reuters) - The marek fell again on Monday.", "Reuters"),
        ("CARACAS, March 3 (AP) — The marek fell again on Monday.", "AP"),
        ("© 2024 The Tribune", "The Tribune"),
        ("Copyright 2018 Associated Press. All rights reserved.", "Associated Press"),
        ("This article first appeared on Coastal Wire and is republished here.", "Coastal Wire"),
        ("Originally published by Harbor Post.", "Harbor Post"),
        (
            "This story was first published by Center for Public Integrity.",
            "Center for Public Integrity",
        ),
        ("Republished from the Marovia Times under a Creative Commons licence.", "Marovia Times"),
        ("Publicado originalmente en Diario del Estrecho.", "Diario del Estrecho"),
        ("Caracas Chronicles is 100% reader-supported.", "Caracas Chronicles"),
    ],
)
def test_layout_outlet_named_in_the_text(line: str, outlet: str) -> None:
    text = f"Opposition deputy detained\n\n{line}\n\n{BODY}"
    layout = layout_of(text)
    assert layout.outlet is not None and layout.outlet.value == outlet
    assert text[layout.outlet.start : layout.outlet.end] == outlet


@pytest.mark.parametrize(
    "line",
    [
        "By Ana Ruiz, Staff Writer",
        "By Ana Ruiz | March 3, 2024",
        "The ministry said it would not comment.",
        "Support us",
    ],
)
def test_layout_no_outlet(line: str) -> None:
    text = f"Opposition deputy detained\n\n{line}\n\n{BODY}"
    assert layout_of(text).outlet is None


def test_layout_outlet_prefers_the_outlet_naming_itself() -> None:
    text = f"Deputy detained\n\nBy Ana Ruiz, Coastal Wire\n\n{BODY}\n{APPEAL}"
    assert layout_of(text).outlet.value == "The Harbour Courier"


def test_layout_ignores_text_before_start() -> None:
    front = "---\ntitle: Share this:\noutlet: Print\n---\n"
    text = front + f"Marek slides to a 20-year low\n\n{BODY}Share this:\n"
    layout = layout_of(text, start=len(front))
    assert layout.title is not None and layout.title.start == len(front)
    assert [r.start for r in layout.excluded] == [text.rindex("Share this:")]


def test_layout_hard_wrapped_paragraph_is_one_paragraph() -> None:
    wrapped = (
        "The finance ministry said on Monday that it would publish the delayed\n"
        "figures next week, after lawmakers from the opposition accused it of\n"
        "hiding the scale of the losses from the public and the markets."
    )
    text = f"Marek slides to a 20-year low\n\n{wrapped}\n\n{BODY}\n{wrapped}\n"
    layout = layout_of(text)
    second = text.rindex(wrapped)
    assert [(r.start, r.end, r.reason) for r in layout.excluded] == [
        (second, second + len(wrapped), "duplicate")
    ]


def test_layout_title_on_top_of_a_wrapped_paragraph() -> None:
    wrapped = (
        "The finance ministry said on Monday that it would publish the delayed\n"
        "figures next week, after lawmakers from the opposition accused it of\n"
        "hiding the scale of the losses from the public and the markets."
    )
    text = f"Marek slides to a 20-year low\n{wrapped}\n\n{BODY}"
    layout = layout_of(text)
    assert layout.title is not None and layout.title.value == "Marek slides to a 20-year low"
    assert layout.deck is not None and layout.deck.value == wrapped  # one sentence, so a deck


def test_layout_records_carry_doc_and_version() -> None:
    text = (
        f"politics Marovia\nMarek slides to a 20-year low\nDealers fear controls\n\n{BODY}Print\n"
    )
    layout = find_layout(text, doc_id="abc", settings=SETTINGS)
    records = [layout.tags, layout.title, layout.deck, *layout.excluded]
    assert all(r is not None and r.doc == "abc" and r.version == EXTRACTOR for r in records)
    assert {r.reason for r in layout.excluded} <= set(REASONS)


def test_layout_user_lexicon_adds_a_phrase(tmp_path) -> None:
    (tmp_path / "boilerplate.yaml").write_text(
        "share-navigation:\n  - 'pass this story on'\npaywall:\n  - 'subscribers only\\b.*'\n",
        encoding="utf-8",
    )
    text = (
        f"Deputy detained\n\n{BODY}\nPass this story on\n\nSubscribers only: read the rest.\n\n"
        f"{MORE}"
    )
    assert layout_of(text).excluded == ()
    layout = layout_of(text, settings=Settings(lexicon_dir=str(tmp_path)))
    assert reasons_at(layout, text, "Pass this story on") == {"share-navigation"}
    assert reasons_at(layout, text, "Subscribers only: read the rest.") == {"paywall"}


def test_layout_user_lexicon_adds_an_outlet_wording(tmp_path) -> None:
    (tmp_path / "outlets.yaml").write_text(
        "syndication:\n  - 'courtesy of {outlet}'\n", encoding="utf-8"
    )
    text = f"Deputy detained\n\n{BODY}\nCourtesy of Harbor Post.\n"
    assert layout_of(text).outlet is None
    layout = layout_of(text, settings=Settings(lexicon_dir=str(tmp_path)))
    assert layout.outlet is not None and layout.outlet.value == "Harbor Post"


@pytest.mark.parametrize(
    "content", ["share-navigation:\n  - '(unclosed'\n", "function-words:\n  - no\n"]
)
def test_layout_bad_user_lexicon_is_a_config_error(tmp_path, content: str) -> None:
    (tmp_path / "boilerplate.yaml").write_text(content, encoding="utf-8")
    with pytest.raises(ConfigError, match="E034"):
        layout_of(BODY, settings=Settings(lexicon_dir=str(tmp_path)))


PARAGRAPHS = [
    "geopolitics Maduro politics Venezuela",
    "Tags: a, b",
    "Marek slides to a 20-year low",
    "The central bank sold reserves for the third time this month.",
    "CARACAS (Reuters) - The marek fell.",
    "Read more",
    "1 comment on “Marek slides”",
    "Caracas Chronicles is 100% reader-supported.",
    "Donate",
    "Share this:",
    "By Ana Ruiz, Reuters",
    "© 2024 The Tribune",
    "I jest.",
    BODY,
]


@hypothesis_settings(max_examples=300, deadline=None)
@given(
    parts=st.lists(
        st.tuples(
            st.one_of(st.sampled_from(PARAGRAPHS), st.text(max_size=80)),
            st.sampled_from(["\n", "\n\n", " \n\n", "\r\n", "\n\n\n", "\n \n"]),
        ),
        max_size=14,
    ),
    start=st.integers(min_value=-3, max_value=400),
)
def test_layout_offsets_always_slice_the_text(parts, start: int) -> None:
    text = "".join(paragraph + separator for paragraph, separator in parts)
    layout = layout_of(text, start=start)
    for field in (layout.tags, layout.title, layout.deck, layout.outlet):
        if field is not None:
            assert 0 <= field.start <= field.end <= len(text)
            assert text[field.start : field.end] == field.value
    previous_end = 0
    for excluded in layout.excluded:
        assert 0 <= excluded.start < excluded.end <= len(text)
        assert excluded.start >= previous_end
        previous_end = excluded.end
