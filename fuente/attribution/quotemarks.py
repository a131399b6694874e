"""Quotation marks: where the quoted passages of a text are.

Pure string work, no parse: pairs opening and closing double quotes (curly “ ”, straight ",
guillemets « », low „) within each paragraph, and follows a quotation across paragraphs the way
news style writes it: a paragraph that ends inside a quotation leaves it unclosed, and the next
paragraph opens again with a quotation mark. Where a language writes dialogue with dashes (the
``dialogue_dashes`` of its cues: Spanish "—No hay presos —dijo el fiscal—. Hay políticos."), a
paragraph opened by one is speech, less the narrator's asides between a dash after a space and
the next dash (or the paragraph's end); the speech after an aside continues the speech before.

``find_quotes`` is the pure function on a string; ``doc_quotes`` and ``quoted_ranges`` are
what the attribution stage reads: the quotes of a Doc's text, found once per Doc and kept in
its ``user_data``, so the attribution finder and the speaker resolver see the same marks.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from fuente.lexicon import has_lexicon, read_lexicon
from fuente.nlp.annotate import doc_text

__all__ = ["Quote", "doc_quotes", "find_quotes", "paragraph_spans", "quoted_ranges"]

OPENING = {"“": "”", "«": "»", "„": "“"}
CLOSING = {"”", "»"}
STRAIGHT = '"'
DOUBLED = {"''", "``"}


@dataclass(frozen=True, slots=True)
class Quote:
    """A quoted passage: ``start``/``end`` enclose the words, without the marks.

    ``outer_start``/``outer_end`` include the marks. ``joined`` is True when this passage
    continues the previous one across a paragraph break.
    """

    start: int
    end: int
    outer_start: int
    outer_end: int
    joined: bool = False


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each non-blank line, without its surrounding whitespace."""
    spans, position = [], 0
    for line in text.split("\n"):
        stripped = line.strip()
        if stripped:
            start = position + len(line) - len(line.lstrip())
            spans.append((start, start + len(stripped)))
        position += len(line) + 1
    return spans


def _in_paragraph(text: str, start: int, end: int) -> tuple[list[Quote], bool]:
    """Quotes within one paragraph, and whether the paragraph ends inside an open quotation."""
    quotes: list[Quote] = []
    opened: int | None = None
    width = 1
    closer = ""
    i = start
    while i < end:
        char = text[i]
        double = text[i : i + 2] in DOUBLED  # '' and `` in typewriter style
        mark = 2 if double else 1
        if double:
            char = STRAIGHT if text[i] == "'" else "“"
        if opened is None:
            if char in OPENING or (char == STRAIGHT and _opens_straight(text, i, start, mark)):
                opened, closer, width = i, OPENING.get(char, STRAIGHT), mark
                if double:  # `` and '' open and close each other
                    closer = STRAIGHT
                i += mark
                continue
        elif (char == closer and (closer != STRAIGHT or mark == width)) or (
            char in CLOSING and closer != STRAIGHT
        ):
            quotes.append(Quote(opened + width, i, opened, i + mark))
            opened = None
            i += mark
            continue
        i += 1
    if opened is not None:
        quotes.append(Quote(opened + width, _trim_end(text, opened + width, end), opened, end))
        return quotes, True
    return quotes, False


def _opens_straight(text: str, i: int, paragraph_start: int, width: int = 1) -> bool:
    """A straight quote opens when it starts a word: at the paragraph start or after a space
    or opening punctuation, and is followed by a non-space."""
    before = text[i - 1] if i > paragraph_start else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before.isspace() or before in "([{—–-:,") and not after.isspace()


def _trim_end(text: str, start: int, end: int) -> int:
    while end > start and text[end - 1].isspace():
        end -= 1
    return end


def _dialogue(text: str, start: int, end: int, dashes: str) -> list[Quote]:
    """The speech of a paragraph opened by a dialogue dash: each piece outside the narrator's
    asides ("—dijo el fiscal—"), those after the first marked ``joined`` to it."""
    quotes: list[Quote] = []
    position = start + 1
    while position < end:
        aside = next((i for i in range(position, end) if text[i] in dashes and text[i - 1] == " "),
                     end)  # fmt: skip
        words_end = _trim_end(text, position, aside)
        if any(char.isalnum() for char in text[position:words_end]):
            outer_start = start if not quotes else position
            quotes.append(Quote(position, words_end, outer_start, words_end, bool(quotes)))
        closing = next((i for i in range(aside + 1, end) if text[i] in dashes), end)
        position = closing + 1
        while position < end and (text[position].isspace() or text[position] in ".,;:"):
            position += 1
    return quotes


def find_quotes(text: str, *, dialogue_dashes: str = "") -> list[Quote]:
    """Every quoted passage of ``text``, in order, joined across paragraphs where the
    quotation runs on (the later pieces are marked ``joined``); with ``dialogue_dashes``, the
    speech of the paragraphs they open as well."""
    found: list[Quote] = []
    running = False
    for start, end in paragraph_spans(text):
        if dialogue_dashes and text[start] in dialogue_dashes:
            found.extend(_dialogue(text, start, end, dialogue_dashes))
            running = False
            continue
        quotes, still_open = _in_paragraph(text, start, end)
        if running and quotes and quotes[0].outer_start == _first_char(text, start, end):
            first = quotes[0]
            quotes[0] = Quote(first.start, first.end, first.outer_start, first.outer_end, True)
        found.extend(quotes)
        running = still_open
    return found


def _first_char(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def doc_quotes(doc: Doc) -> tuple[Quote, ...]:
    """``find_quotes`` of the Doc's text, found once per Doc."""
    quotes = doc.user_data.get("fuente_quotes")
    if quotes is None:
        found = find_quotes(doc_text(doc), dialogue_dashes=_dialogue_dashes(doc.lang_))
        quotes = doc.user_data["fuente_quotes"] = tuple(found)
    return quotes


def _dialogue_dashes(language: str) -> str:
    """The dashes that open dialogue in ``language`` (its cues' ``dialogue_dashes``)."""
    if not has_lexicon("cues", language=language):
        return ""
    cues = read_lexicon("cues", lexicon_dir=None, language=language)
    return "".join(str(dash) for dash in cues.get("dialogue_dashes", ()))


def quoted_ranges(doc: Doc) -> list[tuple[int, int]]:
    """``(outer_start, outer_end)`` of each quoted passage of the Doc, marks included."""
    return [(quote.outer_start, quote.outer_end) for quote in doc_quotes(doc)]
