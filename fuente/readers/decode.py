"""Bytes to text for the readers: size limits, binary detection and UTF-8 decoding.

A file is checked with ``stat`` before it is opened, so a file far over the size limit is
rejected without being read. Text is decoded as UTF-8 (a byte-order mark is dropped); bytes
that are not UTF-8 are replaced with U+FFFD and counted in a W001 warning, unless so much of
the file is undecodable, or made of control characters, that it is binary. Line endings are
never rewritten: offsets index the text exactly as decoded.
"""

from __future__ import annotations

import codecs
import os
import stat
from dataclasses import dataclass

from fuente.errors import message
from fuente.records import Rejection

__all__ = [
    "BYTES_PER_CHAR",
    "SNIFF_BYTES",
    "Decoded",
    "binary_detail",
    "byte_limit",
    "decode_bytes",
    "read_decoded",
    "too_large",
    "too_long",
    "undecodable_bytes",
]

BYTES_PER_CHAR = 4  # the most UTF-8 needs for one character
SNIFF_BYTES = 8192  # how much of a JSON Lines file's start is looked at to tell it binary
CONTROL_SHARE = 0.10  # more control characters than this and the file is binary
UNDECODABLE_SHARE = 0.30  # more bytes that are not UTF-8 than this and the file is binary
# C0 controls and DEL, less tab, line feed, form feed and carriage return.
_CONTROL = bytes(b for b in range(32) if b not in b"\t\n\x0c\r") + b"\x7f"


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text as decoded, and the warnings decoding raised (W001)."""

    text: str
    warnings: tuple[str, ...] = ()


def byte_limit(*, max_chars: int) -> int:
    """The largest input, in bytes, that can decode to at most ``max_chars`` characters."""
    return max_chars * BYTES_PER_CHAR


def binary_detail(data: bytes) -> str | None:
    """Why ``data`` looks binary, or None when it looks like text."""
    if not data:
        return None
    if b"\x00" in data:
        return "it holds NUL bytes"
    controls = len(data) - len(data.translate(None, _CONTROL))
    if controls / len(data) > CONTROL_SHARE:
        return f"{controls / len(data):.0%} of its bytes are control characters"
    return None


def undecodable_bytes(data: bytes) -> int:
    """How many bytes of ``data`` are not part of a valid UTF-8 sequence."""
    return len(data) - len(data.decode("utf-8", errors="ignore").encode("utf-8"))


def decode_bytes(data: bytes) -> Decoded | str:
    """Decode ``data`` as UTF-8 (or UTF-16 with a byte-order mark); or say why it is binary."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return Decoded(data.decode("utf-16"))
        except UnicodeDecodeError as error:
            return message("E002", detail=f"broken UTF-16: {error.reason}")
    data = data.removeprefix(codecs.BOM_UTF8)
    detail = binary_detail(data)
    if detail is not None:
        return message("E002", detail=detail)
    try:
        return Decoded(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    count = undecodable_bytes(data)
    if count / len(data) > UNDECODABLE_SHARE:
        return message("E002", detail=f"{count / len(data):.0%} of its bytes are not UTF-8")
    text = data.decode("utf-8", errors="replace")
    return Decoded(text, (message("W001", count=count),))


ARTICLE_ADVICE = "split it into articles"
PAGE_ADVICE = "check that it is one article's page"


def _advice(setting: str) -> str:
    return ARTICLE_ADVICE if setting == "max_chars" else PAGE_ADVICE


def too_long(size: int, *, limit: int, setting: str = "max_chars") -> str:
    """The reason a text of ``size`` characters is over the ``setting`` of ``limit``."""
    return message("E004", size=size, limit=limit, setting=setting, advice=_advice(setting))


def too_large(size: int, *, max_chars: int, setting: str = "max_chars") -> str:
    """The reason an input of ``size`` bytes is over what ``setting`` (``max_chars``) allows."""
    limit = byte_limit(max_chars=max_chars)
    return message("E013", size=size, limit=limit, chars=max_chars, setting=setting,
                   advice=_advice(setting))  # fmt: skip


def read_decoded(path: str, *, max_chars: int, setting: str = "max_chars") -> Decoded | Rejection:
    """Read the file at ``path`` and decode it, or reject it with the catalogue's reason.

    ``max_chars`` is the most characters the file may hold, the value of ``setting`` (named in
    the reason). The size is checked with ``stat`` first; at most one byte past the limit is
    ever read.
    """
    limit = byte_limit(max_chars=max_chars)
    try:
        status = os.stat(path)
        if not stat.S_ISREG(status.st_mode):
            return Rejection(path, message("E003", reason="it is not a regular file"))
        if status.st_size > limit:
            return Rejection(path, too_large(status.st_size, max_chars=max_chars, setting=setting))
        with open(path, "rb") as stream:
            data = stream.read(limit + 1)
    except OSError as error:
        return Rejection(path, message("E003", reason=error.strerror or error))
    if len(data) > limit:  # the file grew after stat
        return Rejection(path, too_large(len(data), max_chars=max_chars, setting=setting))
    decoded = decode_bytes(data)
    if isinstance(decoded, str):
        return Rejection(path, decoded)
    if not decoded.text.strip():
        return Rejection(path, message("E001"))
    if len(decoded.text) > max_chars:
        return Rejection(path, too_long(len(decoded.text), limit=max_chars, setting=setting))
    return decoded
