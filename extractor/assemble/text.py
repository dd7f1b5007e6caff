"""Sentences and clauses: the units within which a number finds its subject, metric and period."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cache

import regex

from extractor.assemble.vocabulary import vocabulary


@dataclass(frozen=True, slots=True)
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


@cache
def _punctuation() -> tuple[regex.Pattern[str], frozenset[str]]:
    """Boundaries and brackets; an ASCII comma between digits (1,287) is a thousands separator."""
    words = vocabulary()
    characters = regex.escape(words.sentence_ends + words.clause_ends + "（()）")
    return regex.compile(f"[{characters}]|(?<!\\d),|,(?!\\d)"), frozenset(words.sentence_ends)


def split_sentences(text: str) -> list[Sentence]:
    """Sentences of `text` with the start of each clause. Brackets hide their commas from the sentence,
    so a parenthesised aside stays inside the clause it explains."""
    pattern, sentence_ends = _punctuation()
    sentences: list[Sentence] = []
    start = 0
    clause_starts = [0]
    depth = 0
    for match in pattern.finditer(text):
        character, index = match.group(), match.start()
        if character in "（(":
            depth += 1
        elif character in "）)":
            depth = max(depth - 1, 0)
        elif character in sentence_ends:
            if index > start:
                sentences.append(Sentence(start, index, tuple(clause_starts)))
            start = index + 1
            clause_starts = [start]
            depth = 0
        elif depth == 0:
            clause_starts.append(index + 1)
    if start < len(text):
        sentences.append(Sentence(start, len(text), tuple(clause_starts)))
    return sentences
