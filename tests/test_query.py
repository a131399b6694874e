"""who_said: what a speaker said across documents, matched by the words of a query."""

import pytest

from fuente.query.attributions import query_words, speaker_matches, who_said
from fuente.records import ArticleRecords, Attribution, Document, ExcludedRange, Speaker

FIRST = (
    "Marovia's ports will close, a senior Unionist official said. "
    "Interior Minister Ana Álvarez said the ports would stay open.\n"
    "Comment: Álvarez said she would resign.\n"
)
SECOND = (
    '"We will not close the ports," Álvarez told reporters. '
    "Two Unionist officials said the harbour was already shut.\n"
)


def at(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def article(doc: str, text: str, said: list[tuple[str, str, str]]) -> ArticleRecords:
    """``said`` holds (content, speaker kind, speaker name) in any order; an unnamed
    speaker's name is its description."""
    names = list(dict.fromkeys((kind, name) for _, kind, name in said))
    speakers = tuple(
        Speaker(f"{doc}#s{number}", doc, kind, name, "q@1",
                description=name if kind == "unnamed" else "Interior Minister")
        for number, (kind, name) in enumerate(names)
    )  # fmt: skip
    attributions = tuple(
        Attribution(
            f"{doc}#a{number}",
            doc,
            "indirect",
            *at(text, content),
            "q@1",
            speaker=f"{doc}#s{names.index((kind, name))}",
        )
        for number, (content, kind, name) in enumerate(said)
    )
    excluded = ()
    if "Comment:" in text:
        excluded = (ExcludedRange(doc, *at(text, "Comment: Álvarez said she would resign.\n"),
                                  "comment", "layout@1"),)  # fmt: skip
    document = Document(doc, f"{doc}.txt", "text", text, doc * 40, "test@1")
    return ArticleRecords(document, excluded=excluded, speakers=speakers, attributions=attributions)


@pytest.fixture
def filled(store):
    store.write(
        article(
            "one",
            FIRST,
            [
                ("the ports would stay open", "person", "Ana Álvarez"),
                ("Marovia's ports will close", "unnamed", "a senior Unionist official"),
                ("she would resign", "person", "Ana Álvarez"),  # inside the comment
            ],
        )
    )
    store.write(
        article(
            "two",
            SECOND,
            [
                ("the harbour was already shut", "unnamed", "Two Unionist officials"),
                ('"We will not close the ports,"', "person", "Ana Álvarez"),
            ],
        )
    )
    return store


def said(store, query: str, **options: object) -> list[tuple[str, str]]:
    return [(row["doc"], row["content"]["text"]) for row in who_said(store, query, **options)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("alvarez", [("one", "the ports would stay open"),
                     ("two", '"We will not close the ports,"')]),
        ("ÁLVAREZ", [("one", "the ports would stay open"),
                     ("two", '"We will not close the ports,"')]),
        ("unionist official", [("one", "Marovia's ports will close"),
                               ("two", "the harbour was already shut")]),
        ("officials", [("two", "the harbour was already shut")]),
        ("senior official", [("one", "Marovia's ports will close")]),
        ("interior minister", [("one", "the ports would stay open"),
                               ("two", '"We will not close the ports,"')]),
        ("ana unionist", []),
        ("varga", []),
        ("  ", []),
    ],
)  # fmt: skip
def test_query_who_said_matches_every_word_in_document_then_text_order(
    filled, query: str, expected: list
) -> None:
    assert said(filled, query) == expected


def test_query_who_said_skips_what_lies_in_an_excluded_range(filled) -> None:
    texts = [text for _, text in said(filled, "alvarez")]
    assert "she would resign" not in texts
    assert len(list(filled.attributions(speakers=["one#s0"]))) == 2  # stored, not shown


def test_query_who_said_limit(filled) -> None:
    assert said(filled, "alvarez", limit=1) == [("one", "the ports would stay open")]
    assert said(filled, "alvarez", limit=0) == []


def test_query_who_said_rows_are_export_rows(filled) -> None:
    (row,) = who_said(filled, "officials")
    assert row == {
        "id": "two#a0", "doc": "two",
        "content": {"start": 83, "end": 111, "text": "the harbour was already shut"},
        "cue": None, "source": None,
        "speaker": {"id": "two#s0", "name": "Two Unionist officials", "kind": "unnamed",
                    "description": "Two Unionist officials", "affiliation": None,
                    "key": "unnamed/two-unionist-officials", "actor": None},
        "kind": "indirect", "through": None, "via": None, "time": None,
    }  # fmt: skip


@pytest.mark.parametrize(
    ("query", "words"),
    [("Chavista official", ["chavista", "official"]), ("U.S. envoy", ["u", "s", "envoy"]),
     ("Álvarez", ["alvarez"]), ("", [])],
)  # fmt: skip
def test_query_words_are_folded(query: str, words: list[str]) -> None:
    assert query_words(query) == words


def test_query_speaker_matches_word_starts_not_inner_letters() -> None:
    speaker = Speaker("d#s1", "d", "unnamed", "a business leader", "q@1")
    assert speaker_matches(speaker, ["busi"])
    assert not speaker_matches(speaker, ["us"])
