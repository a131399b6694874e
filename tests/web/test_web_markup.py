"""Dossier keys and the pieces an article's text is cut into for display."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuente.query.keys import slug, speaker_key
from fuente.records import Speaker
from fuente.web.markup import ORDER, TextMark, pieces


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tomas Varga", "tomas-varga"),
        ("Álvarez", "alvarez"),
        ("The Interior Ministry", "interior-ministry"),
        ("a source briefed on U.S. concerns", "source-briefed-on-u-s-concerns"),
        ("The", "the"),
        ("Владимир Путин", "владимир-путин"),
    ],
)
def test_keys_slug(text: str, expected: str) -> None:
    assert slug(text) == expected


def test_keys_slug_of_no_words_is_stable() -> None:
    assert slug("!!!") == slug("!!!") != slug("???")
    assert slug("!!!").isalnum()


@pytest.mark.parametrize(
    ("kind", "name", "description", "key"),
    [
        ("person", "Ana López", None, "named/ana-lopez"),
        ("organisation", "the Interior Ministry", None, "named/interior-ministry"),
        ("unnamed", "source briefed on the talks", "A source briefed on the talks",
         "unnamed/source-briefed-on-the-talks"),
        ("author", "the author", None, "author/doc-1"),
    ],
)  # fmt: skip
def test_keys_speaker_key(kind: str, name: str, description: str | None, key: str) -> None:
    assert speaker_key(Speaker("doc-1#s1", "doc-1", kind, name, "v", description)) == key


marks = st.lists(
    st.tuples(st.integers(0, 40), st.integers(0, 40), st.sampled_from(sorted(ORDER))),
    max_size=12,
)


@given(text=st.text(max_size=40), spans=marks)
def test_markup_pieces_cover_the_text_once(text: str, spans: list) -> None:
    made = [TextMark(start, end, kind, kind, title=kind) for start, end, kind in spans]
    cut = pieces(text, made)
    assert "".join(piece["text"] for piece in cut) == text
    position = 0
    for piece in cut:
        end = position + len(piece["text"])
        covering = {
            m.kind for m in made if m.start <= position and end <= m.end and m.end <= len(text)
        }
        assert set(piece["css"].split()) == covering
        position = end


def test_markup_pieces_carry_links_groups_and_labels() -> None:
    text = "Varga said no."
    cut = pieces(
        text,
        [
            TextMark(0, 5, "source", "source", "Varga", group="a1", href="/speaker/named/varga"),
            TextMark(6, 10, "cue", "cue", "cue", group="a1"),
            TextMark(11, 13, "content", "content", "said by Varga", group="a1", anchor="a1"),
            TextMark(0, 14, "excluded", "excluded", "excluded: comment", label="comment"),
        ],
    )
    assert cut[0]["labels"] == ["comment"] and cut[0]["href"] == "/speaker/named/varga"
    assert [p["group"] for p in cut] == ["a1", None, "a1", None, "a1", None]
    assert next(p for p in cut if p["text"] == "no")["anchors"] == ["a1"]
