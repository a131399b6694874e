"""The small text facts every stage reads: folding, masking, tag splitting."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from fuente.text import fold, mask, split_tags


@pytest.mark.parametrize(
    ("text", "folded"),
    [
        ("Cabello", "cabello"),
        ("Díaz", "diaz"),
        ("São Tomé", "sao tome"),
        ("  São\n Tomé ", "sao tome"),
        ("Workers’ Party", "workers' party"),
        ("ÁLVAREZ", "alvarez"),
    ],
)
def test_text_fold_drops_case_accents_and_spacing(text: str, folded: str) -> None:
    assert fold(text) == folded


def test_text_mask_keeps_length_newlines_and_the_rest() -> None:
    text = "Minister spoke.\nSubscribe now!\nEnd."
    cut = (text.index("Subscribe") - 1, text.index("End"))
    masked = mask(text, [cut])
    assert len(masked) == len(text)
    assert masked == "Minister spoke." + "\n" + " " * len("Subscribe now!") + "\n" + "End."


def test_text_mask_without_newlines_blanks_every_character() -> None:
    text = "a\nb\nc"
    assert mask(text, [(1, 4)], keep="") == "a   c"


def test_text_mask_takes_overlapping_ranges_in_any_order() -> None:
    text = "abcdefghij"
    assert mask(text, [(6, 8), (1, 4), (2, 7)]) == "a       ij"


@st.composite
def text_and_ranges(draw):
    text = draw(st.text(alphabet=st.sampled_from("ab \n.é“”"), max_size=80))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=6)))
    return text, list(zip(cuts[::2], cuts[1::2], strict=False))


@given(text_and_ranges())
def test_text_mask_keeps_length_newlines_and_included_text(case) -> None:
    text, ranges = case
    masked = mask(text, ranges)
    assert len(masked) == len(text)
    for i, char in enumerate(text):
        inside = any(start <= i < end for start, end in ranges)
        if not inside or char == "\n":
            assert masked[i] == char
        else:
            assert masked[i] == " "


@pytest.mark.parametrize(
    ("line", "tags"),
    [
        ("politics, central bank, Marovia", ["politics", "central bank", "Marovia"]),
        ("politics Marovia talks", ["politics", "Marovia", "talks"]),
        ("politics | Marovia | talks", ["politics", "Marovia", "talks"]),
        ("economy; trade ·  Marovia", ["economy", "trade", "Marovia"]),
        ("politics, , talks,", ["politics", "talks"]),
        ("", []),
    ],
)
def test_text_split_tags_parts_a_tags_line(line: str, tags: list[str]) -> None:
    assert split_tags(line) == tags


@pytest.mark.parametrize(
    ("value", "tags"),
    [
        ("central bank", ["central bank"]),
        (" central bank, Marovia ", ["central bank", "Marovia"]),
        ("  ", []),
    ],
)
def test_text_split_tags_keeps_a_metadata_value_whole_without_separators(
    value: str, tags: list[str]
) -> None:
    assert split_tags(value, words=False) == tags


def test_text_split_tags_parts_metadata_by_commas_alone() -> None:
    assert split_tags("US/Canada, trade", words=False, separators=",") == ["US/Canada", "trade"]
    assert split_tags("US/Canada", words=False) == ["US", "Canada"]  # a tags line's separators
