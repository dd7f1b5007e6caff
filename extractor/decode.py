"""Bytes to text: the decoded text is the original every offset refers to.

Order of evidence, strongest first: a `--encoding` the user gave; a byte-order mark; strict UTF-8 (which
random legacy bytes almost never pass); UTF-16 without a mark, told by where its zero bytes fall; then
`charset-normalizer`, limited to the encodings Chinese news is published in. Unlimited, it takes a short
GBK sentence for Korean; limited, it only has to tell GB18030 from Big5, which its Chinese character
frequencies do well. Whatever is chosen must decode every byte strictly: nothing is silently replaced.
"""

from __future__ import annotations

import codecs
import unicodedata

import charset_normalizer

MAX_BYTES = 20_000_000
CHINESE_ENCODINGS = ("utf_8", "gb18030", "big5", "cp950")

_BOMS = (  # UTF-32 first: its little-endian mark starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_SAMPLE = 65_536
_CONTROL_SHARE = 0.01  # text has almost no control, private or unassigned characters
_NOT_TEXT = frozenset({"Cc", "Cs", "Co", "Cn"})  # control, surrogate, private use, unassigned
_UTF16_ZERO_RATIO = 3  # zero bytes of UTF-16 text: most on one side (U+4E00 一 puts one on the other)


class DecodeError(ValueError):
    """Input that is not text the tool can read (binary, undecodable, too large)."""


def check_encoding(encoding: str) -> str:
    """`encoding` if Python knows it; a DecodeError naming it otherwise."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise DecodeError(f"unknown encoding {encoding!r}") from None
    return encoding


def decode(data: bytes, encoding: str | None = None) -> str:
    """The text of `data`, in `encoding` or the detected one; a leading byte-order mark is dropped."""
    if len(data) > MAX_BYTES:
        raise DecodeError(f"too large ({len(data)} bytes; the limit is {MAX_BYTES})")
    if encoding is not None:
        return _strict(data, check_encoding(encoding))
    text = _by_bom(data)
    if text is None:
        text = _as_utf8(data)
    if text is None:
        text = _as_utf16_without_bom(data)
    if text is None:
        if b"\x00" in data:
            raise DecodeError("binary file, not text")
        text = _strict(data, detect_legacy(data))
    if _looks_binary(text):
        raise DecodeError("binary file, not text")
    return text


def detect_legacy(data: bytes) -> str:
    """The Chinese legacy encoding (GB18030 or Big5) `data` is written in."""
    best = charset_normalizer.from_bytes(data, cp_isolation=list(CHINESE_ENCODINGS)).best()
    if best is None:
        raise DecodeError("cannot detect the text encoding (try --encoding)")
    return best.encoding


def _strict(data: bytes, encoding: str) -> str:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as error:
        raise DecodeError(f"not valid {encoding} at byte {error.start}") from None
    return text.removeprefix("\ufeff")


def _by_bom(data: bytes) -> str | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return _strict(data, name)
    return None


def _as_utf8(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _as_utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text without a mark: its ASCII digits, letters and line breaks put zero bytes on one side
    of each pair (the odd bytes for little-endian); binary data scatters them on both."""
    sample = data[:_SAMPLE]
    if len(data) % 2:
        return None
    even_zeros = sample[0::2].count(0)
    odd_zeros = sample[1::2].count(0)
    if max(even_zeros, odd_zeros) < _UTF16_ZERO_RATIO * min(even_zeros, odd_zeros) + 1:
        return None
    try:
        text = data.decode("utf-16-le" if odd_zeros else "utf-16-be")
    except UnicodeDecodeError:
        return None
    return None if _looks_binary(text) else text


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    controls = sum(
        1
        for char in sample
        if unicodedata.category(char) in ("Cc", "Cs", "Co", "Cn") and char not in "\t\n\r\f"
    )
    return controls > _CONTROL_SHARE * len(sample)
