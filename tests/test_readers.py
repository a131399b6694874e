"""Readers: every format, metadata, path expansion, and each kind of bad input."""

from __future__ import annotations

import datetime as dt
import json
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from fuente.readers import decode
from fuente.readers import inputs as readers
from fuente.readers.inputs import normalise_meta, read_inputs
from fuente.records import RawArticle, Rejection
from fuente.settings import Settings

SETTINGS = Settings()
BODY = "PORT SELDEN - The minister said on Monday that talks would resume.\n"
PAGE = """<!DOCTYPE html>
<html lang="en"><head>
<title>Talks resume | Marovia Today</title>
<meta name="description" content="The minister says talks will resume.">
<meta property="og:site_name" content="Marovia Today">
<meta name="date" content="2025-03-11">
<meta name="keywords" content="politics, talks">
</head><body>
<nav><a href="/">Home</a> | <a href="/politics">Politics</a></nav>
<article><h1>Talks resume</h1>
<p>The interior minister said on Monday that talks with the envoys would resume next week,
after a pause of almost a month that diplomats blamed on a dispute over the agenda.</p>
<p>"We are ready to sit down again," the minister told reporters in Port Selden, adding that
the delegation would again be led by his deputy and that no date had been fixed yet.</p>
</article>
{comments}
</body></html>
"""
COMMENTS = """<div class="comments"><h3>2 comments</h3>
<div class="comment"><p>Reader from Old Harbour: nobody believes these talks will succeed.</p></div>
</div>"""


def read(*paths: str | Path, settings: Settings = SETTINGS) -> list[RawArticle | Rejection]:
    return list(read_inputs([str(path) for path in paths], settings=settings))


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_bytes(content.encode("utf-8"))
    return path


def only(results: list[RawArticle | Rejection]) -> RawArticle | Rejection:
    assert len(results) == 1, results
    return results[0]


def rejected(results: list[RawArticle | Rejection], code: str) -> Rejection:
    result = only(results)
    assert isinstance(result, Rejection), result
    assert result.reason.startswith(f"[{code}]"), result.reason
    assert "\n" not in result.reason
    return result


# Plain text ------------------------------------------------------------------------------------


def test_readers_plain_text_is_kept_whole(tmp_path: Path) -> None:
    path = write(tmp_path / "examples" / "foo.txt", BODY)
    article = only(read(path))
    assert article == RawArticle(id="foo", path=str(path), text=BODY, format="text")


def test_readers_keep_crlf_and_drop_bom(tmp_path: Path) -> None:
    path = write(tmp_path / "win.txt", b"\xef\xbb\xbfFirst line.\r\nSecond line.\r\n")
    article = only(read(path))
    assert isinstance(article, RawArticle)
    assert article.text == "First line.\r\nSecond line.\r\n"
    assert article.warnings == ()


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_readers_front_matter_stays_in_text_and_is_excluded(tmp_path: Path, newline: str) -> None:
    block = newline.join(
        ["---", "title: Talks resume", "date: 2025-03-11", "tags: [politics, talks]", "---", ""]
    )
    path = write(tmp_path / "a.txt", block + BODY)
    article = only(read(path))
    assert isinstance(article, RawArticle)
    assert article.text == block + BODY
    assert article.excluded == ((0, len(block), "front-matter"),)
    assert article.text[len(block) :] == BODY
    assert article.meta == {
        "title": "Talks resume",
        "tags": ["politics", "talks"],
        "published": "2025-03-11",
    }


def test_readers_text_without_closing_line_has_no_front_matter(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "---\n" + BODY)
    article = only(read(path))
    assert isinstance(article, RawArticle)
    assert article.excluded == ()
    assert article.meta == {}


def test_readers_sidecar_overrides_front_matter(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "---\ntitle: From the block\noutlet: Block Post\n---\n" + BODY)
    sidecar = {"title": "From the sidecar", "url": "https://example.org/a"}
    write(tmp_path / "a.meta.json", json.dumps(sidecar))
    article = only(read(path))
    assert isinstance(article, RawArticle)
    assert article.meta == {
        "title": "From the sidecar",
        "outlet": "Block Post",
        "url": "https://example.org/a",
    }


@pytest.mark.parametrize(
    ("block", "detail"),
    [
        ("title: [unclosed\n", "line"),
        ("title: a: b\n", "line 2"),
        ("- just\n- a list\n", "mapping"),
        ("count: !!int many\n", "invalid literal for int()"),
    ],
)
def test_readers_bad_front_matter_is_rejected(tmp_path: Path, block: str, detail: str) -> None:
    path = write(tmp_path / "a.txt", f"---\n{block}---\n{BODY}")
    result = rejected(read(path), "E010")
    assert result.path == str(path)
    assert detail in result.reason


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("2025-13-45", "2025-13-45"),
        ('"2025-13-45"', "2025-13-45"),
        ("yesterday", "yesterday"),
        ("2025-03-11", "2025-03-11"),
        ("2025-03-11 10:30:00", "2025-03-11 10:30:00"),
    ],
)
def test_readers_front_matter_date_is_kept_as_written(
    tmp_path: Path, given: str, kept: str
) -> None:
    article = only(read(write(tmp_path / "a.txt", f"---\npublished: {given}\n---\n{BODY}")))
    assert isinstance(article, RawArticle), article
    assert article.meta["published"] == kept


@pytest.mark.parametrize("sidecar", ["{not json", "[1, 2]", "\xff"])
def test_readers_bad_sidecar_is_rejected(tmp_path: Path, sidecar: str) -> None:
    path = write(tmp_path / "a.txt", BODY)
    write(tmp_path / "a.meta.json", sidecar.encode("latin-1"))
    result = rejected(read(path), "E011")
    assert "a.meta.json" in result.reason


# HTML ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_readers_html_main_text_and_metadata(tmp_path: Path, suffix: str) -> None:
    html = PAGE.format(comments="")
    path = write(tmp_path / f"page{suffix}", html)
    article = only(read(path))
    assert isinstance(article, RawArticle)
    assert (article.id, article.format, article.raw) == ("page", "html", html)
    assert "talks with the envoys would resume" in article.text
    assert "Politics" not in article.text  # the navigation is not article text
    assert article.excluded == ()
    assert article.meta["outlet"] == "Marovia Today"
    assert article.meta["deck"] == "The minister says talks will resume."
    assert article.meta["published"] == "2025-03-11"
    assert article.meta["tags"] == ["politics", "talks"]
    assert article.meta["title"].startswith("Talks resume")


def test_readers_html_comment_section_is_appended_and_excluded(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", PAGE.format(comments=COMMENTS))
    article = only(read(path))
    assert isinstance(article, RawArticle)
    ((start, end, reason),) = article.excluded
    assert reason == "comment-section"
    assert end == len(article.text)
    assert article.text[start - 2 : start] == "\n\n"
    assert "nobody believes these talks" in article.text[start:end]
    assert "nobody believes" not in article.text[:start]
    assert "would resume next week" in article.text[:start]


def test_readers_html_sidecar_overrides_page_metadata(tmp_path: Path) -> None:
    path = write(tmp_path / "page.html", PAGE.format(comments=""))
    write(tmp_path / "page.meta.json", '{"outlet": "Harbor Post"}')
    article = only(read(path))
    assert isinstance(article, RawArticle)
    assert article.meta["outlet"] == "Harbor Post"
    assert article.meta["published"] == "2025-03-11"


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>Only a title</title></head><body><script>x()</script></body></html>",
        "<<<>>>",
        "<p>",
    ],
)
def test_readers_html_without_main_text_is_rejected(tmp_path: Path, html: str) -> None:
    rejected(read(write(tmp_path / "page.html", html)), "E007")


@pytest.mark.parametrize(
    "html",
    [
        "<html><body><div><p>The minister said the talks would resume <b>next <i>week",
        "<p>The minister said the talks would resume</span></div></td> next week.<p>Then",
        "<html><body><article><p>The minister said the talks would resume <a href='x",
    ],
)
def test_readers_malformed_html_does_not_crash(tmp_path: Path, html: str) -> None:
    result = only(read(write(tmp_path / "page.html", html * 5)))
    if isinstance(result, Rejection):
        assert result.reason.startswith("[E007]")
    else:
        assert "talks would resume" in result.text


def test_readers_html_extractor_failure_is_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> None:
        raise ValueError("document is empty\nsecond line")

    monkeypatch.setattr(readers.trafilatura, "bare_extraction", explode)
    result = rejected(read(write(tmp_path / "page.html", PAGE)), "E014")
    assert "document is empty" in result.reason


def nested(depth: int, inner: str) -> str:
    """A page with ``inner`` at the bottom of ``depth`` nested elements."""
    return (
        "<html><head><title>Talks resume</title><style>p { color: red }</style></head><body>"
        + "<div><span>" * (depth // 2)
        + inner
        + "</span></div>" * (depth // 2)
        + "<script>track()</script></body></html>"
    )


DEEP_ARTICLE = (
    "<p>The interior minister said on Monday that talks with the envoys would resume next "
    "week, after a pause of almost a month that diplomats blamed on a dispute.</p>"
    "<p>&quot;We are ready to sit down again,&quot; the minister told reporters.</p>"
)


@pytest.mark.parametrize("depth", [300, 1000])
def test_readers_deep_html_is_read_by_trafilatura_all_the_same(tmp_path: Path, depth: int) -> None:
    article = only(read(write(tmp_path / "deep.html", nested(depth, DEEP_ARTICLE))))
    assert isinstance(article, RawArticle), article
    assert "talks with the envoys would resume" in article.text
    assert '"We are ready to sit down again," the minister' in article.text
    assert article.warnings == ()


def test_readers_html_deeper_than_any_parse_keeps_its_text_with_a_warning(tmp_path: Path) -> None:
    page = nested(3000, DEEP_ARTICLE)
    lines = write(tmp_path / "deep.jsonl", json.dumps({"id": "j", "html": page}) + "\n")
    for article in (only(read(write(tmp_path / "deep.html", page))), only(read(lines))):
        assert isinstance(article, RawArticle), article
        assert article.text == (
            "The interior minister said on Monday that talks with the envoys would resume next "
            "week, after a pause of almost a month that diplomats blamed on a dispute.\n"
            '"We are ready to sit down again," the minister told reporters.'
        )
        assert article.meta["title"] == "Talks resume"
        (warning,) = article.warnings
        assert warning.startswith("[W003]")
    for depth in (300, 3000):  # deep, and no text at all: still no article
        rejected(read(write(tmp_path / f"blank{depth}.html", nested(depth, "<p> </p>"))), "E007")


# JSON Lines ------------------------------------------------------------------------------------


def test_readers_jsonl_articles(tmp_path: Path) -> None:
    lines = [
        {"id": "a1", "text": BODY, "title": "Talks", "outlet": "Wire", "published": "2025-03-11"},
        {"html": PAGE.format(comments=COMMENTS), "url": "https://example.org/b", "tags": "x, y"},
        {"text": BODY + "Another line.", "language": "en", "author": ["Ana Ruiz", "Tom Farrow"]},
    ]
    path = write(tmp_path / "batch.jsonl", "".join(json.dumps(line) + "\n" for line in lines))
    first, second, third = read(path)
    assert isinstance(first, RawArticle)
    assert isinstance(second, RawArticle)
    assert isinstance(third, RawArticle)
    assert [a.path for a in (first, second, third)] == [f"{path}:{n}" for n in (1, 2, 3)]
    assert {a.format for a in (first, second, third)} == {"jsonl"}
    assert (first.id, first.text, first.raw) == ("a1", BODY, None)
    assert first.meta == {"title": "Talks", "outlet": "Wire", "published": "2025-03-11"}
    assert second.raw == lines[1]["html"]
    assert "would resume next week" in second.text
    assert second.excluded[0][2] == "comment-section"
    assert second.meta["url"] == "https://example.org/b"
    assert second.meta["tags"] == ["x", "y"]  # the line's own fields win over the page's
    assert second.meta["outlet"] == "Marovia Today"
    assert third.meta == {"language": "en", "author": "Ana Ruiz; Tom Farrow"}
    assert third.id.startswith("sha1-") and len(third.id) == 5 + 16
    assert second.id.startswith("sha1-") and second.id != third.id


def test_readers_jsonl_bad_lines_are_rejected_and_the_rest_read(tmp_path: Path) -> None:
    content = "\n".join(
        [
            json.dumps({"id": "one", "text": BODY}),
            '{"id": "two", "text": "unterminated',
            "",
            "   ",
            json.dumps({"id": "three", "text": BODY + "More."}),
            json.dumps({"id": "four", "title": "no text"}),
            "[1, 2]",
            "[" * 100_000,
            json.dumps({"id": "five", "text": BODY + "Last."}),
        ]
    )
    path = write(tmp_path / "batch.jsonl", content)
    results = read(path)
    outline = [(r.path, r.id if isinstance(r, RawArticle) else r.reason[:6]) for r in results]
    assert outline == [
        (f"{path}:1", "one"),
        (f"{path}:2", "[E008]"),
        (f"{path}:5", "three"),
        (f"{path}:6", "[E009]"),
        (f"{path}:7", "[E009]"),
        (f"{path}:8", "[E008]"),
        (f"{path}:9", "five"),
    ]
    assert "line 2:" in results[1].reason


def test_readers_jsonl_overlong_line_is_skipped_without_losing_the_next(tmp_path: Path) -> None:
    small = replace(SETTINGS, max_chars=50)  # 200 bytes a line at most
    content = "\n".join(
        [
            json.dumps({"id": "big", "text": "x" * 1_000}),
            json.dumps({"id": "small", "text": "Short text."}),
        ]
    )
    path = write(tmp_path / "batch.jsonl", content)
    big, article = read(path, settings=small)
    assert isinstance(big, Rejection)
    assert big.path == f"{path}:1"
    assert big.reason.startswith("[E013]")
    assert isinstance(article, RawArticle)
    assert (article.id, article.path) == ("small", f"{path}:2")


def test_readers_jsonl_invalid_utf8_is_replaced_with_a_warning(tmp_path: Path) -> None:
    line = b'{"id": "x", "text": "caf\xe9 talks resume"}\n'
    article = only(read(write(tmp_path / "batch.jsonl", b"\xef\xbb\xbf" + line)))
    assert isinstance(article, RawArticle)
    assert article.text == "caf\ufffd talks resume"
    assert article.warnings == ("[W001] not valid UTF-8: 1 undecodable bytes replaced with U+FFFD",)


@pytest.mark.parametrize(("content", "code"), [("", "E001"), ("\n \n", "E001"), ("\0{}", "E002")])
def test_readers_jsonl_empty_or_binary_file_is_rejected(
    tmp_path: Path, content: str, code: str
) -> None:
    path = write(tmp_path / "batch.jsonl", content)
    assert rejected(read(path), code).path == str(path)


# Finding files ---------------------------------------------------------------------------------


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    for name in [
        "b.txt",
        "a.html",
        "a.meta.json",
        "notes.md",
        "scan.pdf",
        ".hidden.txt",
        ".git/c.txt",
        "sub/c.jsonl",
        "sub/deeper/d.htm",
        "z.TXT",
    ]:
        content = json.dumps({"id": "c", "text": BODY}) if name.endswith("jsonl") else BODY
        if name.endswith(("html", "htm")):
            content = PAGE.format(comments="")
        elif name.endswith("json"):
            content = "{}"
        write(tmp_path / "corpus" / name, content)
    return tmp_path / "corpus"


def test_readers_directory_is_walked_sorted_and_filtered(tree: Path) -> None:
    paths = [result.path for result in read(tree)]
    assert paths == [
        f"{tree}/a.html",
        f"{tree}/b.txt",
        f"{tree}/sub/c.jsonl:1",
        f"{tree}/sub/deeper/d.htm",
        f"{tree}/z.TXT",
    ]


@pytest.mark.parametrize(
    ("pattern", "ids"),
    [
        ("*.txt", ["b"]),
        ("?.*", ["a", "b", "z"]),
        ("[ab].*", ["a", "b"]),
        ("*", ["a", "b", "c", "d", "z"]),
        ("**/*.htm*", ["a", "d"]),
        ("**", ["a", "b", "c", "d", "z"]),
        ("sub/**/*", ["c", "d"]),
    ],
)
def test_readers_glob_patterns(tree: Path, pattern: str, ids: list[str]) -> None:
    assert [result.id for result in read(f"{tree}/{pattern}")] == ids


def read_within(seconds: float, *paths: str | Path) -> list[RawArticle | Rejection]:
    """``read(*paths)``, failing the test instead of hanging when it does not finish."""
    results: list[list[RawArticle | Rejection]] = []
    worker = threading.Thread(target=lambda: results.append(read(*paths)), daemon=True)
    worker.start()
    worker.join(timeout=seconds)
    assert results, f"reading {paths} did not finish in {seconds} s"
    return results[0]


@pytest.fixture
def looped(tree: Path) -> Path:
    """``tree`` with two links to itself and one to a folder inside it."""
    (tree / "self").symlink_to(".")
    (tree / "again").symlink_to(tree)
    (tree / "sub" / "up").symlink_to("..")
    (tree / "shortcut").symlink_to(tree / "sub" / "deeper")
    return tree


EVERY = ["a", "b", "c", "d", "z"]


@pytest.mark.parametrize(
    ("pattern", "ids"),
    [
        ("", EVERY),
        ("/**", EVERY),
        ("/**/*", EVERY),
        ("/*/**", EVERY),
        ("/**/*.htm*", ["a", "d"]),
        ("/s*/**/*", ["c", "d"]),  # `self` is the folder the pattern starts from: met already
    ],
)
def test_readers_links_into_a_cycle_are_walked_once(
    looped: Path, pattern: str, ids: list[str]
) -> None:
    results = read_within(20, f"{looped}{pattern}")
    assert sorted(result.id for result in results) == ids
    assert len({os.path.realpath(r.path.removesuffix(":1")) for r in results}) == len(results)


def test_readers_a_link_to_a_folder_is_followed(tmp_path: Path) -> None:
    outside = write(tmp_path / "elsewhere" / "story.txt", BODY).parent
    (tmp_path / "corpus").mkdir()
    (tmp_path / "corpus" / "linked").symlink_to(outside)
    for given in (tmp_path / "corpus", f"{tmp_path / 'corpus'}/**/*.txt"):
        (result,) = read(given)
        assert result.path == str(tmp_path / "corpus" / "linked" / "story.txt")


def test_readers_one_file_is_read_once_whatever_reaches_it(tmp_path: Path) -> None:
    story = write(tmp_path / "corpus" / "story.txt", BODY)
    lines = write(tmp_path / "corpus" / "feed.jsonl", json.dumps({"text": BODY}) + "\n")
    (tmp_path / "alias.txt").symlink_to(story)
    os.link(story, tmp_path / "hard.txt")
    given = [story, story, tmp_path / "alias.txt", tmp_path / "hard.txt", tmp_path / "corpus",
             f"{tmp_path}/corpus/*", f"{tmp_path}/**/*.txt", lines]  # fmt: skip
    assert [result.path for result in read(*given)] == [str(story), f"{lines}:1"]
    assert list(readers.expand_paths(map(str, given))) == [str(story), str(lines)]


@pytest.mark.parametrize("name", ["missing.txt", "missing-*.txt", "nowhere/**/*.txt"])
def test_readers_missing_path_is_rejected(tmp_path: Path, name: str) -> None:
    result = rejected(read(tmp_path / name), "E005")
    assert result.path == str(tmp_path / name)


@pytest.mark.parametrize(("name", "suffix"), [("a.pdf", ".pdf"), ("a.meta.json", ".json")])
def test_readers_explicit_unsupported_file_is_rejected(
    tmp_path: Path, name: str, suffix: str
) -> None:
    result = rejected(read(write(tmp_path / name, BODY)), "E006")
    assert repr(suffix) in result.reason


def test_readers_batch_goes_on_after_a_rejection(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", BODY)
    results = read(tmp_path / "missing.txt", write(tmp_path / "empty.txt", ""), good)
    assert [type(result) for result in results] == [Rejection, Rejection, RawArticle]


def test_readers_stream_one_input_at_a_time(tmp_path: Path) -> None:
    good = write(tmp_path / "good.txt", BODY)

    def paths() -> Iterator[str]:
        yield str(good)
        raise AssertionError("the second path was asked for before the first was used")

    assert next(read_inputs(paths(), settings=SETTINGS)).id == "good"


# Bad input -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "content", [b"", b"  \n\t\r\n", b"\xef\xbb\xbf", b"---\ntitle: Only a block\n---\n\n"]
)
def test_readers_empty_file_is_rejected(tmp_path: Path, content: bytes) -> None:
    path = write(tmp_path / "empty.txt", content)
    assert rejected(read(path), "E001").path == str(path)


@pytest.mark.parametrize(
    ("content", "detail"),
    [
        (b"PK\x03\x04\x00\x00some zip", "NUL"),
        (b"text " + bytes(range(1, 9)) * 20, "control characters"),
        (bytes(range(0x80, 0x100)) * 8 + b"a few words", "not UTF-8"),
        (b"\xff\xfeA\x00B", "UTF-16"),
    ],
)
def test_readers_binary_file_is_rejected(tmp_path: Path, content: bytes, detail: str) -> None:
    result = rejected(read(write(tmp_path / "blob.txt", content)), "E002")
    assert detail in result.reason


def test_readers_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    article = only(read(write(tmp_path / "wide.txt", BODY.encode("utf-16"))))
    assert isinstance(article, RawArticle)
    assert article.text == BODY


def test_readers_invalid_utf8_in_mostly_text_is_kept_with_a_warning(tmp_path: Path) -> None:
    content = b"Presidenta said the vote \xe9t\xe9 " + BODY.encode()
    article = only(read(write(tmp_path / "latin.txt", content)))
    assert isinstance(article, RawArticle)
    assert article.text == "Presidenta said the vote \ufffdt\ufffd " + BODY
    assert article.warnings == ("[W001] not valid UTF-8: 2 undecodable bytes replaced with U+FFFD",)


def test_readers_huge_file_is_rejected_without_reading_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "huge.txt"
    chunk = (BODY * 1_000).encode()
    with path.open("wb") as stream:
        while stream.tell() < 50_000_000:
            stream.write(chunk)

    def never(*args: object, **kwargs: object) -> None:
        raise AssertionError("the huge file was opened")

    monkeypatch.setattr(decode, "open", never, raising=False)
    started = time.perf_counter()
    result = rejected(read(path), "E013")
    assert time.perf_counter() - started < 0.5
    assert "max_chars" in result.reason


def test_readers_too_many_characters_after_decoding(tmp_path: Path) -> None:
    small = replace(SETTINGS, max_chars=100)
    path = write(tmp_path / "long.txt", "é" * 150)  # 300 bytes: under the 400-byte check
    result = rejected(read(path, settings=small), "E004")
    assert "150 characters" in result.reason


@pytest.mark.skipif(
    not hasattr(os, "geteuid") or os.geteuid() == 0,
    reason="chmod 000 does not stop root from reading",
)
def test_readers_unreadable_file_is_rejected(tmp_path: Path) -> None:
    path = write(tmp_path / "locked.txt", BODY)
    path.chmod(0)
    try:
        assert "Permission denied" in rejected(read(path), "E003").reason
    finally:
        path.chmod(0o644)


def test_readers_broken_symlink_is_rejected(tmp_path: Path) -> None:
    path = tmp_path / "gone.txt"
    path.symlink_to(tmp_path / "nowhere.txt")
    result = rejected(read(path), "E003")
    assert "No such file" in result.reason


@pytest.mark.parametrize("name", ["locked.txt", "locked.jsonl"])
def test_readers_read_error_is_rejected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str
) -> None:
    def denied(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(decode, "open", denied, raising=False)
    monkeypatch.setattr(readers, "open", denied, raising=False)
    path = write(tmp_path / name, BODY)
    assert rejected(read(path), "E003").reason == "[E003] cannot read it: Permission denied"


# Metadata --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({}, {}),
        ({"headline": "H", "title": "T"}, {"title": "T"}),
        (
            {"description": "D", "sitename": "S", "lang": "es"},
            {"deck": "D", "outlet": "S", "language": "es"},
        ),
        ({"date": dt.date(2025, 3, 11)}, {"published": "2025-03-11"}),
        ({"published": "March 2025", "date": "2025-03-01"}, {"published": "March 2025"}),
        ({"tags": "a, b,,", "categories": ["b", "c"]}, {"tags": ["a", "b", "c"]}),
        ({"keywords": [1, ["nested"], "k"]}, {"tags": ["1", "k"]}),
        ({"authors": ["A", "B"]}, {"author": "A; B"}),
        ({"title": {"nested": 1}, "url": True, "outlet": "  ", "id": "x"}, {}),
    ],
)
def test_readers_normalise_meta(given: dict[str, object], expected: dict[str, object]) -> None:
    assert normalise_meta(given) == expected


@pytest.mark.parametrize(
    ("name", "date"),
    [
        ("politico_2016-09-12_clinton-speech.txt", "2016-09-12"),
        ("2016-09-12-politico-speech.txt", "2016-09-12"),
        ("speech.txt", None),
        ("speech-2016-02-30.txt", None),  # no such day
        ("from-2016-09-12-to-2016-09-14.txt", None),  # two dates: neither
        ("report-12016-09-12.txt", None),  # no date stands alone there
    ],
)
def test_readers_a_date_in_the_file_name(name, date) -> None:
    from fuente.readers.manifest import file_name_date

    assert file_name_date(f"/some/folder/{name}") == date


def test_readers_the_file_names_date_is_the_articles_when_nothing_else_gives_one(tmp_path) -> None:
    plain = tmp_path / "wire_2016-09-12_speech.txt"
    plain.write_text("The minister spoke on Monday.\n", encoding="utf-8")
    given = tmp_path / "wire_2016-09-13_reply.txt"
    given.write_text("---\npublished: 2016-09-14\n---\nThe minister replied.\n", encoding="utf-8")
    first, second = read_inputs([str(plain), str(given)], settings=Settings())
    assert first.meta["published"] == "2016-09-12"
    assert any(w.startswith("[W004]") for w in first.warnings)
    assert second.meta["published"] == "2016-09-14" and not second.warnings


def test_readers_a_page_is_held_to_its_own_limit_and_its_article_to_max_chars(tmp_path) -> None:
    article = "<p>" + "The minister said the talks had failed. " * 10 + "</p>"
    scripts = "<script>var x = '" + "a" * 5_000 + "';</script>"
    page = tmp_path / "page.html"
    page.write_text(
        f"<html><head><title>Talks</title>{scripts}</head><body><article>{article}"
        "</article></body></html>",
        encoding="utf-8",
    )
    # the page is over max_chars, its article is not: it is read
    (found,) = read_inputs([str(page)], settings=Settings(max_chars=1_000))
    assert isinstance(found, RawArticle) and "talks had failed" in found.text
    # a page over max_page_chars is rejected, the setting named
    (over,) = read_inputs([str(page)], settings=Settings(max_page_chars=2_000))
    assert isinstance(over, Rejection) and "max_page_chars" in over.reason
    # an article over max_chars still is, for its own text
    (long,) = read_inputs([str(page)], settings=Settings(max_chars=100))
    assert isinstance(long, Rejection) and "max_chars setting" in long.reason


def test_readers_a_manifest_gives_articles_their_metadata(tmp_path) -> None:
    from fuente.readers.manifest import read_manifest

    (tmp_path / "wire_2016-09-12_speech.txt").write_text("The minister spoke.\n", "utf-8")
    (tmp_path / "notes.txt").write_text("The envoy left.\n", "utf-8")
    manifest = tmp_path / "metadata.tsv"
    manifest.write_text(
        "filename\tpublisher\tpublication_date\ttitle\n"
        "wire_2016-09-12_speech\tSelden Courier\t2016-09-11\tThe speech\n",
        encoding="utf-8",
    )
    listed = read_manifest(manifest, normalise=normalise_meta)
    speech, notes = read_inputs([str(tmp_path / "wire_2016-09-12_speech.txt"),
                                 str(tmp_path / "notes.txt")], settings=Settings(),
                                manifest=listed)  # fmt: skip
    assert speech.meta == {"outlet": "Selden Courier", "published": "2016-09-11",
                           "title": "The speech"}  # fmt: skip
    assert not speech.warnings  # the manifest's date, not the file name's
    assert notes.meta == {}


@pytest.mark.parametrize(
    ("name", "text", "reason"),
    [
        ("meta.tsv", "publisher\ttitle\nCourier\tA title\n", "row 2 names no article"),
        ("meta.xlsx", "", "a manifest is one of"),
        ("meta.jsonl", '{"id": "a"}\n[1, 2]\n', "not an object"),
    ],
)
def test_readers_a_bad_manifest_says_what_is_wrong(tmp_path, name, text, reason) -> None:
    from fuente.errors import ConfigError
    from fuente.readers.manifest import read_manifest

    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError, match=reason) as raised:
        read_manifest(path, normalise=normalise_meta)
    assert "[E035]" in str(raised.value) and name in str(raised.value)
