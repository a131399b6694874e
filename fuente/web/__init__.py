"""The web UI: ``create_app(db_path)`` makes it, ``serve`` runs it (``fuente serve``).

FastAPI is imported only when an app is made, so ``fuente`` commands that do not serve stay
quick to start.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from fuente.web.server import LOOPBACK, is_loopback, serve

if TYPE_CHECKING:
    from fastapi import FastAPI

__all__ = ["LOOPBACK", "create_app", "is_loopback", "serve"]


def create_app(db_path: str | Path) -> FastAPI:
    """The web UI's ASGI application over the database at ``db_path``."""
    from fuente.web.app import create_app as make

    return make(db_path)
