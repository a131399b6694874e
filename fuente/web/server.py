"""Running the web UI with uvicorn: ``serve(db_path, host=..., port=...)``.

It binds to localhost by default, and then answers only requests whose Host header names
this machine (``localhost``, ``127.0.0.1``, ``[::1]`` or the address it is bound to): a page
elsewhere cannot read the database through a visitor's browser by DNS rebinding. Bound to
another address, it answers any Host. ``is_loopback`` tells whether an address is reachable
only from this machine, so the command line can say so plainly when it is not.

SIGTERM (or Ctrl-C) stops it within seconds: it stops accepting connections, gives the
requests in flight ``GRACE`` seconds to finish, then stops whatever they are still reading
(each request's reading is bounded by the ``query_budget`` setting anyway).
"""

from __future__ import annotations

import ipaddress
from pathlib import Path

from fuente.errors import StoreError, message
from fuente.settings import Settings

__all__ = ["GRACE", "LOOPBACK", "is_loopback", "serve"]

LOOPBACK = "127.0.0.1"
GRACE = 3  # seconds requests in flight get to finish once the server is told to stop


def is_loopback(host: str) -> bool:
    """Whether ``host`` is reachable only from this machine: localhost, 127.0.0.0/8, ::1."""
    if host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(
    db_path: str | Path,
    *,
    host: str = LOOPBACK,
    port: int = 8000,
    settings: Settings | None = None,
) -> None:
    """Serve the web UI over the database at ``db_path`` until interrupted."""
    import uvicorn

    from fuente.web.app import create_app
    from fuente.web.guards import loopback_hosts

    if not Path(db_path).is_file():
        raise StoreError(message("E025", path=db_path))
    allowed = loopback_hosts(host) if is_loopback(host) else None
    app = create_app(db_path, settings=settings, allowed_hosts=allowed)
    uvicorn.run(app, host=host, port=port, log_level="warning", timeout_graceful_shutdown=GRACE)
