"""Running a script of DDL statements inside a migration's transaction."""

from __future__ import annotations

import sqlite3

__all__ = ["run_script"]


def run_script(db: sqlite3.Connection, script: str) -> None:
    """Execute a script of DDL statements inside the caller's transaction.

    (``executescript`` would commit first, so a failed migration could be left half done.)
    """
    for statement in script.split(";"):
        if statement.strip():
            db.execute(statement)
