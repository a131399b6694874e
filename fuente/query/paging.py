"""Pages of a list: every list the web UI shows comes a page at a time, in a stable order.

A request names ``page`` (from 1) and ``per_page`` (``PER_PAGE`` by default, at most
``MAX_PER_PAGE``); a result says ``page``, ``per_page`` and ``total``, and the web layer adds
the addresses of the ``previous`` and ``next`` pages (``page_links``). Orders always end on
an id, so a page holds the same items however often it is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import parse_qsl, urlencode

__all__ = ["MAX_PAGE", "MAX_PER_PAGE", "PER_PAGE", "Window", "page_links", "paged"]

PER_PAGE = 50
MAX_PER_PAGE = 200
MAX_PAGE = 10_000


@dataclass(frozen=True, slots=True)
class Window:
    """Which page of a list to show: ``page`` from 1, ``per_page`` items on it."""

    page: int = 1
    per_page: int = PER_PAGE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    def cut(self, items: list[Any]) -> list[Any]:
        """This page's part of ``items``, a list already in order."""
        return items[self.offset : self.offset + self.per_page]


def paged(window: Window, total: int) -> dict[str, int]:
    """What a result says of its page: ``page``, ``per_page``, ``total`` and ``pages``."""
    pages = max(1, -(-total // window.per_page))
    return {"page": window.page, "per_page": window.per_page, "total": total, "pages": pages}


def page_links(path: str, query: str, result: dict[str, Any]) -> dict[str, str | None]:
    """The addresses of the pages before and after ``result``'s, at ``path`` with the other
    parameters of ``query`` kept; None where there is no such page."""
    kept = [(name, value) for name, value in parse_qsl(query) if name != "page"]

    def at(page: int) -> str:
        params = [*kept, ("page", str(page))] if page > 1 else kept
        return path + (f"?{urlencode(params)}" if params else "")

    page, pages = result["page"], result["pages"]
    return {
        "previous": at(min(page - 1, pages)) if page > 1 else None,
        "next": at(page + 1) if page < pages else None,
    }
