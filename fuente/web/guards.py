"""ASGI middleware around the web UI: headers, hosts, HEAD, and requests that are over.

- ``SecurityHeaders`` adds ``SECURITY_HEADERS`` (a strict Content-Security-Policy and the
  like) to every response.
- ``HostCheck`` answers 400 to a request whose Host header is not one of the server's own
  names. A server bound to localhost checks it (``loopback_hosts``): a page elsewhere that
  gets its own name resolved to 127.0.0.1 (DNS rebinding) sends its own name as Host, so it
  cannot read the database through the visitor's browser.
- ``HeadAsGet`` answers HEAD as GET would, without the body.
- ``RequestBudget`` gives each request its ``Budget`` (in its scope, under ``BUDGET``): a
  deadline ``seconds`` from its start, and a flag it sets when the client goes away or the
  request ends, so that a query still running for it stops
  (``fuente.query.reading.Budget``).
"""

from __future__ import annotations

import asyncio
from collections.abc import Collection

from starlette.datastructures import MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fuente.errors import message
from fuente.query.reading import Budget

__all__ = [
    "BUDGET",
    "SECURITY_HEADERS",
    "HeadAsGet",
    "HostCheck",
    "RequestBudget",
    "SecurityHeaders",
    "host_name",
    "loopback_hosts",
]

BUDGET = "fuente.budget"
SECURITY_HEADERS = {
    "content-security-policy": (
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
        "connect-src 'self'; font-src 'self'; form-action 'self'; base-uri 'none'; "
        "frame-ancestors 'none'"
    ),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}
LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")


def host_name(host: str) -> str:
    """A Host header's name, without its port, lower case: ``[::1]:8000`` -> ``[::1]``."""
    host = host.strip().lower()
    if host.startswith("["):
        return host.split("]", 1)[0] + "]"
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


def loopback_hosts(bound: str) -> frozenset[str]:
    """The names a server bound to the loopback address ``bound`` answers to."""
    name = bound.strip().lower()
    if ":" in name and not name.startswith("["):
        name = f"[{name}]"  # an IPv6 address, as a Host header writes it
    return frozenset((*LOOPBACK_NAMES, name))


class SecurityHeaders:
    """Adds ``SECURITY_HEADERS`` to every response."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_secured(event: Message) -> None:
            if event["type"] == "http.response.start":
                headers = MutableHeaders(scope=event)
                for name, value in SECURITY_HEADERS.items():
                    headers[name] = value
            await send(event)

        await self.app(scope, receive, send_secured)


class HostCheck:
    """Answers 400 unless the Host header names one of ``allowed`` (any port); a request
    without a Host header (HTTP/1.0) is let through, since no browser sends one."""

    def __init__(self, app: ASGIApp, *, allowed: Collection[str]) -> None:
        self.app = app
        self.allowed = frozenset(name.lower() for name in allowed)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        host = next((v.decode("latin-1") for k, v in scope["headers"] if k == b"host"), None)
        if host is None or host_name(host) in self.allowed:
            await self.app(scope, receive, send)
            return
        shown = ", ".join(sorted(self.allowed))
        body = (message("E070", host=host, allowed=shown) + "\n").encode("utf-8")
        headers = [
            (b"content-type", b"text/plain; charset=utf-8"),
            (b"content-length", str(len(body)).encode("ascii")),
        ]
        await send({"type": "http.response.start", "status": 400, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class HeadAsGet:
    """Answers HEAD as GET, sending the headers (Content-Length included) and no body."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def send_headers(event: Message) -> None:
            if event["type"] == "http.response.body":
                if event.get("more_body", False):
                    return
                event = {"type": "http.response.body", "body": b""}
            await send(event)

        await self.app({**scope, "method": "GET"}, receive, send_headers)


class RequestBudget:
    """Puts a ``Budget`` of ``seconds`` in each request's scope; it is over once the client
    has gone away or the request is answered."""

    def __init__(self, app: ASGIApp, *, seconds: float) -> None:
        self.app = app
        self.seconds = seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        budget = Budget(self.seconds)
        over = budget.over
        received: asyncio.Queue[Message] = asyncio.Queue()

        async def watch() -> None:
            while True:
                event = await receive()
                await received.put(event)
                if event["type"] == "http.disconnect":
                    over.set()
                    return

        async def receive_passed_on() -> Message:
            return await received.get()

        watcher = asyncio.create_task(watch())
        try:
            await self.app({**scope, BUDGET: budget}, receive_passed_on, send)
        finally:
            over.set()
            watcher.cancel()
