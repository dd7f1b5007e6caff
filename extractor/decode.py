"""Bytes to text: the decoded text is the original every offset refers to."""

from __future__ import annotations

import codecs
from pathlib import Path

import charset_normalizer

MAX_BYTES = 20_000_000


class DecodeError(ValueError):
    """Input that is not text the tool can read (binary, undecodable, too large)."""


def decode(data: bytes, encoding: str | None = None) -> str:
    """The text of `data`: UTF-8 (with or without BOM) first, else the detected encoding.

    A byte-order mark is not a character of the article and is dropped.
    """
    if encoding is not None:
        try:
            return data.decode(encoding).removeprefix("\ufeff")
        except LookupError:
            raise DecodeError(f"unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as error:
            raise DecodeError(f"not valid {encoding} at byte {error.start}") from None
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return data.decode(name).removeprefix("\ufeff")
    if b"\x00" in data[:4096] and not _looks_utf16(data):
        raise DecodeError("binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    best = charset_normalizer.from_bytes(data).best()
    if best is None:
        raise DecodeError("cannot detect the text encoding (try --encoding)")
    return str(best)


def read_text(path: str | Path, encoding: str | None = None) -> str:
    """The decoded text of the file at `path`."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DecodeError(f"file too large ({size} bytes; the limit is {MAX_BYTES})")
    return decode(path.read_bytes(), encoding)


def _looks_utf16(data: bytes) -> bool:
    head = data[:4096]
    return head.count(b"\x00") * 3 > len(head)
