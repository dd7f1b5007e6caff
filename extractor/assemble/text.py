"""Sentences and clauses: the units within which a number finds its subject, metric and period."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from extractor.assemble.vocabulary import vocabulary

_OPENING = "（("
_CLOSING = "）)"
_CLAUSE_COMMA = re.compile(r",(?!(?<=\d,)\d)")  # any comma but one between digits


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    clause_starts: tuple[int, ...]

    def clause_start(self, position: int) -> int:
        """The start of the clause holding `position`."""
        return self.clause_starts[bisect.bisect_right(self.clause_starts, position) - 1]

    def clause_end(self, position: int) -> int:
        """The end of the clause holding `position`, before the punctuation that closes it."""
        index = bisect.bisect_right(self.clause_starts, position)
        return self.clause_starts[index] - 1 if index < len(self.clause_starts) else self.end


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` with the start of each clause."""
    words = vocabulary()
    brackets = _positions(text, _OPENING + _CLOSING)
    clause_starts = [i + 1 for i in sorted([*_positions(text, words.clause_ends), *_clause_commas(text)])]
    sentences: list[Sentence] = []
    start = first = 0
    for end in [*_positions(text, words.sentence_ends), len(text)]:
        last = bisect.bisect_right(clause_starts, end, first)
        if end > start:
            starts = clause_starts[first:last]
            inside = brackets[bisect.bisect_left(brackets, start) : bisect.bisect_left(brackets, end)]
            if inside:
                asides = _asides(text, inside, end)
                starts = [s for s in starts if not any(a < s - 1 < b for a, b in asides)]
            sentences.append(Sentence(start, end, (start, *starts)))
        start, first = end + 1, last
    return sentences


def _positions(text: str, characters: str) -> list[int]:
    """Where any of `characters` occurs in `text`, in order (str.find outruns a pattern's scan)."""
    found: list[int] = []
    for character in characters:
        index = text.find(character)
        while index >= 0:
            found.append(index)
            index = text.find(character, index + 1)
    found.sort()
    return found


def _clause_commas(text: str) -> list[int]:
    """Where an ASCII comma ends a clause: one between digits (1,287) is a thousands separator. One
    pattern finds them: the comma is a literal it scans for fast, and the digits are looked at only
    around a comma."""
    return [match.start() for match in _CLAUSE_COMMA.finditer(text)]


def _asides(text: str, brackets: list[int], end: int) -> list[tuple[int, int]]:
    """The bracketed asides of a sentence, from opening to closing bracket (or the sentence's `end`):
    brackets hide their commas from the sentence, so an aside stays inside the clause it explains."""
    asides: list[tuple[int, int]] = []
    depth = opened = 0
    for position in brackets:
        if text[position] in _OPENING:
            if depth == 0:
                opened = position
            depth += 1
        elif depth > 0:
            depth -= 1
            if depth == 0:
                asides.append((opened, position))
    if depth > 0:
        asides.append((opened, end))
    return asides
