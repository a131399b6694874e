"""Running the web UI with uvicorn: ``serve(db_path, host=..., port=...)``.

It binds to localhost by default. ``is_loopback`` tells whether an address is reachable only
from this machine, so the command line can say so plainly when it is not.
"""

from __future__ import annotations

import ipaddress
from pathlib import Path

from fuente.errors import StoreError, message

__all__ = ["LOOPBACK", "is_loopback", "serve"]

LOOPBACK = "127.0.0.1"


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable only from this machine: localhost, 127.0.0.0/8, ::1."""
    if host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(db_path: str | Path, *, host: str = LOOPBACK, port: int = 8000) -> None:
    """Serve the web UI over the database at ``db_path`` until interrupted."""
    import uvicorn

    from fuente.web.app import create_app

    if not Path(db_path).is_file():
        raise StoreError(message("E025", path=db_path))
    uvicorn.run(create_app(db_path), host=host, port=port, log_level="warning")
