"""Many literal phrases found at once: an Aho-Corasick automaton, leftmost-longest, non-overlapping.

A regex alternation of thousands of names is tried branch by branch at every position (0.4M chars/s);
the automaton reads each character once (tens of millions per second). At each start the longest phrase
wins. A phrase that begins (ends) with a Latin letter or digit must not touch another one there: "AMD"
is not found in "AMDX", and then a shorter phrase at the same start is tried ("Amazon" in "Amazon S3X").
A digit may follow a phrase that ends in a letter: it is a version (Trainium2, Graviton4).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from ahocorasick_rs import AhoCorasick, Implementation, MatchKind

_LATIN = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
_DIGITS = frozenset("0123456789")
_DFA_MAX_PHRASES = 1000


class PhraseMatcher:
    """Finds any of a fixed set of phrases; built once, then shared (it holds no per-call state)."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = frozenset(phrase for phrase in phrases if phrase)
        self.by_index = sorted(self.phrases)  # each phrase at the index `find_indexes` gives it
        self._index_of = {phrase: index for index, phrase in enumerate(self.by_index)}
        # word bounds concern only a phrase with a Latin edge
        self._latin_edged = [bool({phrase[0], phrase[-1]} & _LATIN) for phrase in self.by_index]
        self._automaton = AhoCorasick(
            self.by_index,
            matchkind=MatchKind.LeftmostLongest,
            implementation=_implementation(len(self.by_index)),
        )

    def __reduce__(self) -> tuple[type[PhraseMatcher], tuple[list[str]]]:
        """Pickled as its phrases (the automaton is rebuilt), so pipelines can go to worker processes."""
        return PhraseMatcher, (self.by_index,)

    def find_indexes(self, text: str) -> list[tuple[int, int, int]]:
        """(index in `by_index`, start, end) of every phrase in `text`, in order, none overlapping: a
        caller keeps what it knows of each phrase in a list by index and reads it without hashing."""
        found = []
        latin_edged = self._latin_edged
        for match in self._automaton.find_matches_as_indexes(text):
            index, start, end = match
            if not latin_edged[index] or (bounded := self._bounded_end(text, start, end)) == end:
                found.append(match)
            elif bounded is not None:
                found.append((self._index_of[text[start:bounded]], start, bounded))
        return found

    def _bounded_end(self, text: str, start: int, end: int) -> int | None:
        """`end`, or the end of the longest shorter phrase at `start` that respects Latin word bounds."""
        if start > 0 and text[start] in _LATIN and text[start - 1] in _LATIN:
            return None
        if _free_after(text, end):
            return end
        for shorter in range(end - 1, start, -1):
            if text[start:shorter] in self.phrases and _free_after(text, shorter):
                return shorter
        return None


def _implementation(phrases: int) -> Implementation:
    """A DFA, the fastest automaton while it stays in the processor's cache; over thousands of phrases
    a contiguous NFA. A DFA grows with every phrase (27 MB for the shipped registry, 1.4 MB as an NFA):
    run between the other stages, which push it out of the cache, it reads slower than the NFA."""
    return Implementation.DFA if phrases <= _DFA_MAX_PHRASES else Implementation.ContiguousNFA


def _free_after(text: str, end: int) -> bool:
    if end == len(text) or text[end - 1] not in _LATIN or text[end] not in _LATIN:
        return True
    return text[end - 1] not in _DIGITS and text[end] in _DIGITS


class WordStarts:
    """Where the words of a few groups begin, overlapping occurrences included, found in one scan.

    A rule that is slow to try at every character is tried only where its words occur.
    """

    def __init__(self, groups: Sequence[Iterable[str]]) -> None:
        self.groups = [frozenset(word for word in group if word) for group in groups]
        self.words = sorted(set().union(*self.groups))
        self._groups_of = [
            [number for number, group in enumerate(self.groups) if word in group] for word in self.words
        ]
        self._automaton = AhoCorasick(self.words, implementation=Implementation.DFA)

    def find(self, text: str) -> list[list[int]]:
        """For each group, the sorted start of every occurrence of its words in `text`."""
        starts: list[set[int]] = [set() for _ in self.groups]
        for word, start, _ in self._automaton.find_matches_as_indexes(text, overlapping=True):
            for number in self._groups_of[word]:
                starts[number].add(start)
        return [sorted(group) for group in starts]
