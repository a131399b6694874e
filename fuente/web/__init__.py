"""The web UI: ``create_app(db_path)`` makes it, ``serve`` runs it (``fuente serve``).

FastAPI is imported only when an app is made, so ``fuente`` commands that do not serve stay
quick to start.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING

from fuente.web.server import LOOPBACK, is_loopback, serve

if TYPE_CHECKING:
    from fastapi import FastAPI

    from fuente.settings import Settings

__all__ = ["LOOPBACK", "create_app", "is_loopback", "serve"]


def create_app(
    db_path: str | Path,
    *,
    settings: Settings | None = None,
    allowed_hosts: Collection[str] | None = None,
) -> FastAPI:
    """The web UI's ASGI application over the existing database at ``db_path``, which it
    only reads; ``allowed_hosts``: the Host names it answers to (None: any)."""
    from fuente.web.app import create_app as make

    return make(db_path, settings=settings, allowed_hosts=allowed_hosts)
