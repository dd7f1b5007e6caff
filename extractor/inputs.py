"""What the user named on the command line, as a list of articles to read.

A PATH is a file, a folder (its article files, recursively), a glob the tool expands itself (for shells
that do not, and for quoting), or `-` for standard input. A PATH that names nothing becomes a `Problem`
in the list, in its place, so a batch reports it and goes on with the others.
"""

from __future__ import annotations

import glob
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from extractor.decode import MAX_BYTES, DecodeError, decode
from extractor.html_text import html_article_text, looks_like_html

STDIN = "-"
ARTICLE_SUFFIXES = (".txt", ".md", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
_GLOB_CHARACTERS = frozenset("*?[")


@dataclass(frozen=True, slots=True)
class Input:
    """One article to read: `source` is its path as the user will see it, or `-` for stdin."""

    source: str

    @property
    def is_stdin(self) -> bool:
        return self.source == STDIN


@dataclass(frozen=True, slots=True)
class Problem:
    """A PATH that names no article, and why."""

    source: str
    reason: str


def expand(paths: Sequence[str]) -> list[Input | Problem]:
    """Every article the PATHs name, in the order given (a folder's and a glob's files sorted)."""
    return [item for path in paths for item in _expand_one(path)]


def names_several(paths: Sequence[str]) -> bool:
    """Whether the PATHs stand for several articles (so JSON output is a list), whatever they hold."""
    return len(paths) > 1 or any(Path(path).is_dir() or _is_pattern(path) for path in paths)


def read_article(item: Input, encoding: str | None = None) -> str:
    """The article text of `item`: decoded, and taken out of its markup when it is an HTML page.

    Raises OSError or DecodeError with a reason fit for one line.
    """
    data = _read_stdin() if item.is_stdin else _read_file(Path(item.source))
    text = decode(data, encoding)
    if item.source.lower().endswith(HTML_SUFFIXES) or looks_like_html(text):
        return html_article_text(text)
    return text


def describe(error: BaseException) -> str:
    """The reason an input could not be read, in a few words."""
    if isinstance(error, OSError):
        return (error.strerror or str(error)).lower()
    return str(error)


def _expand_one(path: str) -> Iterator[Input | Problem]:
    if path == STDIN:
        yield Input(STDIN)
        return
    candidate = Path(path)
    if candidate.is_dir():
        yield from _folder(candidate, path)
    elif not _is_pattern(path):
        yield Input(path)  # a missing file is reported when it is read, with the system's reason
    else:
        yield from _glob(path)


def _is_pattern(path: str) -> bool:
    """A glob the tool expands: a PATH with glob characters that is not itself an existing file."""
    return bool(_GLOB_CHARACTERS & set(path)) and not Path(path).exists()


def _folder(folder: Path, shown: str) -> Iterator[Input | Problem]:
    files = sorted(
        path for path in folder.rglob("*") if path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file()
    )
    if not files:
        yield Problem(shown, f"folder has no {', '.join(ARTICLE_SUFFIXES)} files")
    yield from (Input(str(path)) for path in files)


def _glob(pattern: str) -> Iterator[Input | Problem]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield Problem(pattern, "no file matches this pattern")
    for match in matches:
        if Path(match).is_dir():
            yield from _folder(Path(match), match)
        else:
            yield Input(match)


def _read_file(path: Path) -> bytes:
    if path.is_dir():
        raise DecodeError("is a folder")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise DecodeError(f"too large ({size} bytes; the limit is {MAX_BYTES})")
    return path.read_bytes()


def _read_stdin() -> bytes:
    data: bytes = sys.stdin.buffer.read(MAX_BYTES + 1)
    if len(data) > MAX_BYTES:
        raise DecodeError(f"too large (over the limit of {MAX_BYTES} bytes)")
    return data
