"""Bytes to text: the decoded text is the original every offset refers to.

Order of evidence, strongest first: a `--encoding` the user gave; a byte-order mark; zero bytes, which
only UTF-16 text (read in the byte order that gives Chinese and ASCII) or binary data have; strict UTF-8
(which random legacy bytes almost never pass); then `charset-normalizer`, limited to the encodings
Chinese news is published in. Unlimited, it takes a short GBK sentence for Korean; limited, it only has
to tell GB18030 from Big5, which its Chinese character frequencies do well. Whatever is chosen must
decode every byte strictly: nothing is silently replaced.
"""

from __future__ import annotations

import codecs

import charset_normalizer
import regex

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
# control, surrogate, private-use and unassigned characters, but for tab and line breaks
_NOT_TEXT = regex.compile(r"[[\p{Cc}\p{Cs}\p{Co}\p{Cn}]--[\t\n\r\f]]", regex.V1)
_TEXT_LIKE = regex.compile(r"[\p{Han}\x20-\x7e\s\u2000-\u206f\u3000-\u303f\uff00-\uffef]")
_UTF16_TEXT_SHARE = 0.9


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
    if text is None and b"\x00" in data[:_SAMPLE]:  # text has no zero bytes, but in UTF-16
        text = _as_utf16_without_bom(data)
        if text is None:
            raise DecodeError("binary file, not text")
    if text is None:
        text = _as_utf8(data)
    if text is None:
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
    """UTF-16 text without a mark: its digits, letters and line breaks put zero bytes in it, and read in
    the right byte order it is Chinese, ASCII and punctuation (in the wrong one, mostly not)."""
    if len(data) % 2:
        return None
    readings = []
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        readings.append((_text_share(text[: _SAMPLE // 2]), text))
    share, text = max(readings, default=(0.0, ""))
    return text if share >= _UTF16_TEXT_SHARE else None


def _text_share(text: str) -> float:
    return len(_TEXT_LIKE.findall(text)) / max(len(text), 1)


def _looks_binary(text: str) -> bool:
    sample = text[:_SAMPLE]
    return len(_NOT_TEXT.findall(sample)) > _CONTROL_SHARE * len(sample)
