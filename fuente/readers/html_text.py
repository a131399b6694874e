"""Pages nested too deep for the usual parse: a deeper parse, or their text taken whole.

trafilatura parses HTML with lxml, and libxml2 under it stops building the tree 256 elements
deep: what lies deeper is lost, and a page whose article lies there has no main text. With
libxml2's huge-tree option the limit is 2048, so ``deep_tree`` parses such a page again that
way for trafilatura to read. A page deeper still has its text taken whole by ``plain_text``,
with Python's own HTML tokenizer, which builds no tree and so has no depth limit.
"""

from __future__ import annotations

from dataclasses import dataclass
from html.parser import HTMLParser

import lxml.html
from lxml import etree

__all__ = ["PlainPage", "deep_tree", "plain_text", "too_deep"]

# Elements whose content is not text a reader sees.
_HIDDEN = frozenset({"script", "style", "noscript", "template", "title"})
# Elements that begin and end a line of text.
_BLOCKS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt",
        "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
        "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
    }
)  # fmt: skip


def _parse(html: str, *, huge: bool) -> tuple[lxml.html.HtmlElement | None, bool]:
    """The page's tree as libxml2 builds it, and whether it stopped at its depth limit."""
    parser = lxml.html.HTMLParser(
        huge_tree=huge, collect_ids=False, default_doctype=False, encoding="utf-8",
        remove_comments=True, remove_pis=True,
    )  # fmt: skip
    try:
        tree = lxml.html.fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (etree.LxmlError, ValueError):  # nothing to parse
        return None, False
    limited = any(entry.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for entry in parser.error_log)
    return tree, limited


def too_deep(html: str) -> bool:
    """Whether the usual parse of ``html`` (trafilatura's) stops at libxml2's depth limit."""
    return _parse(html, huge=False)[1]


def deep_tree(html: str) -> lxml.html.HtmlElement | None:
    """``html`` parsed with libxml2's depth limit raised; None when it is deeper even so."""
    tree, limited = _parse(html, huge=True)
    return None if limited else tree


@dataclass(frozen=True, slots=True)
class PlainPage:
    """A page's text, a line per block of it, and its ``<title>``."""

    text: str
    title: str | None


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.pieces: list[str] = []
        self.title: list[str] = []
        self.hidden: list[str] = []  # the hidden elements open around the current text

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _HIDDEN:
            self.hidden.append(tag)
        elif tag in _BLOCKS:
            self.pieces.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in self.hidden:
            del self.hidden[len(self.hidden) - 1 - self.hidden[::-1].index(tag) :]
        elif tag in _BLOCKS:
            self.pieces.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.pieces.append(data)
        elif self.hidden == ["title"]:
            self.title.append(data)


def plain_text(html: str) -> PlainPage:
    """All the text of ``html`` a reader would see, at any depth, a line per block."""
    collector = _TextCollector()
    collector.feed(html)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.pieces).splitlines())
    title = " ".join("".join(collector.title).split())
    return PlainPage("\n".join(line for line in lines if line), title or None)
