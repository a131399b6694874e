"""The terminal sanitiser: what an article holds never acts on the terminal."""

import pytest

from fuente.cli.terminal import printable, printable_text


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("Talks\x1b]0;owned\x07 resume", "Talks resume"),  # window title, ended by BEL
        ("Talks\x1b]2;owned\x1b\\ resume", "Talks resume"),  # ... ended by ST
        ("\x1b[2J\x1b[HTalks", "Talks"),  # clear the screen, cursor home
        ("\x1b[1;31mred\x1b[0m alert", "red alert"),  # colours
        ("in\x9b31mC1", "inC1"),  # CSI in its one-character C1 form
        ("reset\x1bc here", "reset here"),  # a two-character escape
        ("\x1b]8;;https://x.example\x07link\x1b]8;;\x07", "link"),  # a hyperlink
        ("bell\x07 back\x08space nul\x00 del\x7f next\x85line", "bell backspace nul del nextline"),
        ("ends with\x1b", "ends with"),
        ("open\x1b]0;never closed", "open0;never closed"),  # only the opening goes
        ("file\u202etxt.exe", "file<U+202E>txt.exe"),  # right-to-left override
        ("\u2066isolated\u2069", "<U+2066>isolated<U+2069>"),
        ("مرحبا\u200f!", "مرحبا\u200f!"),  # the right-to-left mark stays
        ("Señora Núñez — «sí»", "Señora Núñez — «sí»"),
    ],
)
def test_terminal_printable_removes_sequences_and_controls(text: str, shown: str) -> None:
    assert printable(text) == shown
    assert printable(text, lines=True) == shown


def test_terminal_printable_keeps_lines_only_when_asked() -> None:
    text = "one\r\ntwo\tthree\rfour"
    assert printable(text) == "one  two three four"
    assert printable(text, lines=True) == "one\ntwo\tthreefour"


def test_terminal_printable_is_linear_on_many_unended_sequences() -> None:
    text = "\x1b]" * 50_000 + "\x9d" * 50_000
    assert printable(text) == ""


@pytest.mark.parametrize(
    "text",
    [
        "plain text",
        "a\x1b[31mred\x1b[0m word\r\n\u202eback\x07 and \x1b]0;t\x07end",
        "\x1b[Hstart and end\x00",
    ],
)
def test_terminal_printable_text_maps_every_word_to_its_place(text: str) -> None:
    shown = printable_text(text)
    assert shown.text == printable(text, lines=True)
    for word in ("red", "word", "back", "and", "end", "start", "plain"):
        if word in text:
            start = text.index(word)
            assert shown.text[shown.at(start) : shown.at(start + len(word))] == word
    assert shown.at(len(text)) == len(shown.text)
    assert shown.at(0) == 0
